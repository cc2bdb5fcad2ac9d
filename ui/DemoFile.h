#pragma once

// Where the demo case file lives and how it is unlocked. The passphrase is public on purpose
// (it is in the README): the demo holds synthetic data only, never a real case.

#include <QStandardPaths>
#include <QString>

namespace cb::ui {

inline QString demoFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo.caseboard");
}

inline QString demoPassphrase()
{
    return QStringLiteral("demo passphrase for caseboard");
}

} // namespace cb::ui
