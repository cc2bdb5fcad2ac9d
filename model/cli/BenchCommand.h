#pragma once

#include "model/cli/Tabular.h"

#include <QString>

#include <functional>

namespace cb {
class SecretBytes;
}

namespace cb::cli {

struct BenchOptions {
    QString caseFile;
    int runs = 5;
    QString wapoFile; // when set, also time importing it into a fresh case file
    QString scratchDir;
};

// Medians over repeated runs of: the KDF alone, opening the case file, each statistic, the whole
// command dashboard, and optionally the Post file import; then the process's peak memory.
// progress receives one line per measurement as it finishes.
Tabular runBench(const BenchOptions &options, const SecretBytes &passphrase,
                 const std::function<void(const QString &)> &progress);

} // namespace cb::cli
