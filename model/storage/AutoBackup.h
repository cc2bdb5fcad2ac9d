#pragma once

// The policy of the app's automatic backups: where they go, when one is due, which old ones go.
// The copy itself is Backup.h's backupCaseFile (atomic and checked); this file decides around it.
//
// Layout: <root>/<case file base name>-<8 hex digits>/<YYYYMMDDTHHMMSSZ>.caseboard, UTC. The digits
// are the start of the SHA-256 of the case file's absolute path, so that two case files of the
// same name (cases.caseboard in two folders) never share a folder, and pruning the backups of one
// can never delete the other's.

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cb {

class CaseFile;
class Clock;
class SecretBytes;

namespace autobackup {

inline constexpr int kDefaultKeep = 7;
inline constexpr qint64 kIntervalSecs = 24 * 60 * 60;

// The folder under `root` for the automatic backups of the case file at `caseFilePath`.
QString folderFor(const QString &root, const QString &caseFilePath);
// 2024-06-15 17:00:05 UTC -> "20240615T170005Z.caseboard".
QString fileNameFor(const QDateTime &utc);
// The time in a name fileNameFor() made; nullopt for any other name (temporary files included).
std::optional<QDateTime> timeOf(const QString &fileName);

struct Entry {
    QString path;
    QDateTime takenUtc;
};
// The automatic backups in `folder`, newest first: regular files with a fileNameFor() name only.
QList<Entry> list(const QString &folder);

// Due when there is none, when the newest is a day old or more, or when the newest claims to be
// more than a day in the future (the clock was set back: a backup from "tomorrow" would otherwise
// stop every backup until then).
bool isDue(const QList<Entry> &newestFirst, const QDateTime &nowUtc);

// The entries beyond the newest `keep` (at least 1 is always kept), oldest last.
QList<Entry> toPrune(const QList<Entry> &newestFirst, int keep);

struct Outcome {
    bool written = false;   // false: none was due
    QString path;           // the new backup
    QStringList pruned;     // the old backups deleted
    QStringList problems;   // old backups or leftovers that could not be deleted (the new one is fine)
};

// Writes the backup to `destination` or throws cb::Error, leaving no file there on failure.
using Writer = std::function<void(const QString &destination)>;

// If a backup is due (see isDue), creates `folder` owner-only, writes one named for the clock's
// time with `write`, checks that it is in place (a non-empty regular file, now the newest entry),
// and only then deletes the automatic backups beyond the newest `keep` and temporary files older
// than a day that an interrupted backup left. When writing or the check fails, cb::Error is thrown
// and no older backup is deleted (a new file that failed the check is, so that it cannot pass for
// today's backup).
Outcome runIfDue(const QString &folder, const Clock &clock, int keep, const Writer &write);

// runIfDue() with Backup.h's backupCaseFile over `source`, keyed with `passphrase`.
Outcome runIfDue(CaseFile &source, const SecretBytes &passphrase, const QString &folder, const Clock &clock,
                 int keep = kDefaultKeep);

} // namespace autobackup
} // namespace cb
