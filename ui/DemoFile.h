#pragma once

// Where the demo case file lives and how it is unlocked. The passphrase is public on purpose
// (it is in the README): the demo holds synthetic data only, never a real case.

#include "model/auth/KdfParams.h"

#include <QStandardPaths>
#include <QString>

namespace cb::ui {

inline QString demoFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo.caseboard");
}

// Every demo account's passphrase (it meets PassphrasePolicy).
inline QString demoPassphrase()
{
    return QStringLiteral("demo passphrase for caseboard");
}

// The key slots of the demo's accounts are cheaper to unlock than a real file's (Argon2id with
// 19 MiB and 2 passes, OWASP's minimum, instead of KdfParams::standard()'s 64 MiB and 3 passes):
// the passphrase is public anyway, and trying the four roles means signing in again and again.
// Real case files are always made with the standard cost.
inline constexpr auth::KdfParams demoKdf()
{
    return {auth::KdfParams::Algorithm::Argon2id, 19 * 1024, 2, 1};
}

} // namespace cb::ui
