#include "model/storage/AutoBackup.h"

#include "model/storage/Backup.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace cb::autobackup {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::AutoBackup)
};

const QRegularExpression &backupName()
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{8})T([0-9]{6})Z\\.caseboard$"));
    return re;
}

// What backupCaseFile writes beside its destination until the copy is checked and renamed.
const QRegularExpression &leftoverName()
{
    static const QRegularExpression re(
        QStringLiteral("^[0-9]{8}T[0-9]{6}Z\\.caseboard\\.partial-[0-9a-f]+(-wal|-shm|-journal)?$"));
    return re;
}

// A backup dated more than a day after now was made while the clock was wrong.
bool fromTheFuture(const Entry &e, const QDateTime &nowUtc)
{
    return nowUtc.secsTo(e.takenUtc) > kIntervalSecs;
}

// Trusted entries newest first, then those from the future: the order in which backups are kept.
QList<Entry> keepOrder(const QList<Entry> &newestFirst, const QDateTime &nowUtc)
{
    QList<Entry> out;
    for (const Entry &e : newestFirst)
        if (!fromTheFuture(e, nowUtc))
            out << e;
    for (const Entry &e : newestFirst)
        if (fromTheFuture(e, nowUtc))
            out << e;
    return out;
}

bool removeBackup(const QString &path)
{
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    return QFile::remove(path);
}

const QFileDevice::Permissions kOwnerOnlyFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

} // namespace

QString folderFor(const QString &root, const QString &caseFilePath)
{
    const QFileInfo info(caseFilePath);
    const QString canonical = info.canonicalFilePath();
    const QString key = canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(8);
    QString base = info.completeBaseName();
    if (base.isEmpty())
        base = QStringLiteral("case-file");
    return root + QLatin1Char('/') + base + QLatin1Char('-') + QString::fromLatin1(digest);
}

QString fileNameFor(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")) + QStringLiteral(".caseboard");
}

std::optional<QDateTime> timeOf(const QString &fileName)
{
    const QRegularExpressionMatch m = backupName().match(fileName);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(m.captured(1), QStringLiteral("yyyyMMdd"));
    const QTime time = QTime::fromString(m.captured(2), QStringLiteral("HHmmss"));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::utc());
}

QList<Entry> list(const QString &folder)
{
    QList<Entry> out;
    const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::NoSymLinks | QDir::Hidden);
    for (const QFileInfo &f : files) {
        if (const auto taken = timeOf(f.fileName()))
            out << Entry{f.absoluteFilePath(), *taken};
    }
    std::sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) { return a.takenUtc > b.takenUtc; });
    return out;
}

bool isDue(const QList<Entry> &newestFirst, const QDateTime &nowUtc)
{
    for (const Entry &e : newestFirst) {
        if (fromTheFuture(e, nowUtc))
            continue;
        return e.takenUtc.secsTo(nowUtc) >= kIntervalSecs;
    }
    return true;
}

QList<Entry> toPrune(const QList<Entry> &newestFirst, int keep)
{
    return newestFirst.mid(std::max(keep, 1));
}

Outcome runIfDue(const QString &folder, const Clock &clock, int keep, const Writer &write)
{
    const QDateTime now = clock.nowUtc();
    if (!QDir().mkpath(folder))
        throw Error(ErrorKind::Io, Tr::tr("Cannot create the backup folder %1.").arg(folder));
    // Backups are encrypted, but which case files exist and when they were backed up is the
    // owner's business only.
    QFile::setPermissions(folder, kOwnerOnlyFolder);
    if (!isDue(list(folder), now))
        return {};

    Outcome out;
    out.path = QDir(folder).absoluteFilePath(fileNameFor(now));
    write(out.path);

    const QFileInfo written(out.path);
    const QList<Entry> after = list(folder);
    const bool listed = std::any_of(after.begin(), after.end(), [&](const Entry &e) { return e.path == out.path; });
    if (!written.isFile() || written.size() == 0 || !listed) {
        // Whatever is there would pass for today's backup and put off the next one.
        if (written.isFile())
            removeBackup(out.path);
        throw Error(ErrorKind::Io, Tr::tr("The automatic backup %1 is not in place after writing it; "
                                          "the older backups were kept.")
                                       .arg(out.path));
    }
    out.written = true;

    // The new backup is whole and in place: only now may older ones go.
    QList<Entry> ordered = keepOrder(after, now);
    // The one just written is kept whatever the clock did.
    ordered.removeIf([&](const Entry &e) { return e.path == out.path; });
    ordered.prepend(Entry{out.path, now});
    for (const Entry &old : toPrune(ordered, keep)) {
        if (removeBackup(old.path))
            out.pruned << old.path;
        else
            out.problems << Tr::tr("Cannot delete the old backup %1.").arg(old.path);
    }
    // A backup interrupted by a crash leaves its temporary file; one a day old is nobody's.
    const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::NoSymLinks | QDir::Hidden);
    for (const QFileInfo &f : files) {
        if (!leftoverName().match(f.fileName()).hasMatch())
            continue;
        if (f.lastModified().secsTo(now) < kIntervalSecs)
            continue;
        if (!QFile::remove(f.absoluteFilePath()))
            out.problems << Tr::tr("Cannot delete the leftover file %1.").arg(f.absoluteFilePath());
    }
    return out;
}

Outcome runIfDue(CaseFile &source, const SecretBytes &passphrase, const QString &folder, const Clock &clock, int keep)
{
    return runIfDue(folder, clock, keep, [&](const QString &destination) {
        backupCaseFile(source, destination, passphrase);
        // backupCaseFile checked the copy before renaming it; this proves the renamed file is the
        // one that opens, before older backups are deleted on its strength. Opened with the
        // source's own key: a file with several accounts has no one passphrase for its copies.
        try {
            source.openCopyReadOnly(destination, passphrase);
        } catch (const Error &e) {
            QFile::remove(destination);
            throw Error(e.kind(), Tr::tr("The automatic backup %1 does not open after writing it (%2); "
                                         "the older backups were kept.")
                                      .arg(destination, e.message()));
        }
    });
}

} // namespace cb::autobackup
