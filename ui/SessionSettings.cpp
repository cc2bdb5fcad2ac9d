#include "ui/SessionSettings.h"

#include "model/storage/AutoBackup.h"

#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace cb::ui::SessionSettings {

namespace {
const QString kLockKey = QStringLiteral("session/lockAfterMinutes");
const QString kKeepKey = QStringLiteral("backup/keep");
const QString kAutomaticKey = QStringLiteral("backup/automatic");

// The stored integer, or `fallback` when it is missing or not a number.
int storedInt(const QString &key, int fallback)
{
    bool ok = false;
    const int value = QSettings().value(key).toInt(&ok);
    return ok ? value : fallback;
}
} // namespace

int clampLockMinutes(int minutes)
{
    if (minutes < kMinLockMinutes)
        return kDefaultLockMinutes;
    return std::min(minutes, kMaxLockMinutes);
}

int lockMinutes()
{
    return clampLockMinutes(storedInt(kLockKey, kDefaultLockMinutes));
}

void setLockMinutes(int minutes)
{
    QSettings().setValue(kLockKey, clampLockMinutes(minutes));
}

int backupsToKeep()
{
    return std::clamp(storedInt(kKeepKey, autobackup::kDefaultKeep), kMinBackupsKept, kMaxBackupsKept);
}

void setBackupsToKeep(int count)
{
    QSettings().setValue(kKeepKey, std::clamp(count, kMinBackupsKept, kMaxBackupsKept));
}

bool automaticBackups()
{
    return QSettings().value(kAutomaticKey, true).toBool();
}

void setAutomaticBackups(bool on)
{
    QSettings().setValue(kAutomaticKey, on);
}

QString automaticBackupsRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/backups");
}

} // namespace cb::ui::SessionSettings
