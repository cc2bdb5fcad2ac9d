#pragma once

#include <QString>

// The user's settings for sessions and backups, kept in QSettings. Values read back are checked
// again, so that a hand-edited settings file cannot lift the limits.
namespace cb::ui::SessionSettings {

// The CJIS Security Policy asks for a session lock after at most 30 minutes without use.
inline constexpr int kDefaultLockMinutes = 15;
inline constexpr int kMinLockMinutes = 1;
inline constexpr int kMaxLockMinutes = 30;

inline constexpr int kMinBackupsKept = 1;
inline constexpr int kMaxBackupsKept = 90;

// A value above the maximum becomes the maximum; below the minimum (0 would read as "never")
// becomes the default.
int clampLockMinutes(int minutes);
// Idle minutes before the app locks (settings key session/lockAfterMinutes), clamped; a missing or
// unreadable value gives the default.
int lockMinutes();
void setLockMinutes(int minutes); // stored clamped

// How many automatic daily backups are kept (backup/keep); autobackup::kDefaultKeep by default.
int backupsToKeep();
void setBackupsToKeep(int count);

// Whether automatic daily backups are made (backup/automatic); on by default.
bool automaticBackups();
void setAutomaticBackups(bool on);

// Where automatic backups go: <AppDataLocation>/backups, one folder per case file inside.
QString automaticBackupsRoot();

} // namespace cb::ui::SessionSettings
