#pragma once

#include <QProcessEnvironment>
#include <QStringList>

class QTextStream;

namespace cb::cli {

// Exit statuses, a contract for scripts.
enum ExitCode { Success = 0, UsageError = 1, Failure = 2 };

// Runs `caseboard-cli` with args (without the program name). Output goes to out; a failure is
// one clear line on err. The passphrase comes from --passphrase-file or CASEBOARD_PASSPHRASE in
// env, never from an argument.
int run(const QStringList &args, QTextStream &out, QTextStream &err,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

} // namespace cb::cli
