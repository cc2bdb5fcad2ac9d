#include "model/storage/Backup.h"

#include "model/auth/SignInLog.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/storage/FileSync.h"
#include "model/storage/SecretBytes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QVariant>

namespace cb {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::Backup)
};

// The file and every file kept beside it: SQLite's log and its index, the rollback journal that
// a copy's first transaction (before it is switched to WAL) leaves behind when its commit and then
// its rollback fail on a disk that stays full, and the sign-in record a refused passphrase leaves
// for the copy a restore checks.
void removeWithSidecars(const QString &path)
{
    QFile::remove(path);
    for (const QLatin1StringView suffix :
         {QLatin1StringView("-wal"), QLatin1StringView("-shm"), QLatin1StringView("-journal")})
        QFile::remove(path + suffix);
    QFile::remove(auth::SignInLog::pathFor(path));
}

// A name beside `path` that does not exist yet, so that the file lands on the same file system
// and the final rename is atomic.
QString temporaryBeside(const QString &path, QLatin1StringView tag)
{
    for (;;) {
        const QString candidate = path + QLatin1Char('.') + tag + QLatin1Char('-') +
                                  QString::number(QRandomGenerator::global()->generate64(), 16);
        if (!QFileInfo::exists(candidate) && !QFileInfo::exists(candidate + QStringLiteral("-wal")) &&
            !QFileInfo::exists(candidate + QStringLiteral("-journal")))
            return candidate;
    }
}

QString folderOf(const QString &path)
{
    return QFileInfo(path).absolutePath();
}

// The first failing check of a verify() run, as one line naming it; empty when all pass.
QString firstFailure(const QList<CaseFile::Check> &checks)
{
    for (const CaseFile::Check &c : checks)
        if (!c.ok)
            return Tr::tr("check \"%1\" failed: %2").arg(c.name, c.problems.mid(0, 3).join(QStringLiteral("; ")));
    return {};
}

} // namespace

void backupCaseFile(CaseFile &source, const QString &destination, const SecretBytes &passphrase)
{
    if (QFileInfo::exists(destination))
        throw Error(ErrorKind::AlreadyExists,
                    Tr::tr("%1 already exists; CaseBoard never overwrites a file.").arg(destination));
    if (!QFileInfo(folderOf(destination)).isDir())
        throw Error(ErrorKind::NotFound, Tr::tr("The folder of %1 does not exist.").arg(destination));

    const QString temp = temporaryBeside(destination, QLatin1StringView("partial"));
    try {
        const qint64 appId = source.db().scalar("PRAGMA application_id").toLongLong();
        const qint64 version = source.db().scalar("PRAGMA user_version").toLongLong();
        {
            // A file with key slots: the copy carries its header (the same accounts, the same key).
            db::Database copy = source.createEmptyCopy(temp, passphrase);
            // The copy carries the source's header, so it is a WAL file like any case file; it is
            // closed here with its log folded in, so a backup at rest is one file. FULL makes the
            // copy's commit reach the disk before it is checked.
            copy.execScript("PRAGMA synchronous = FULL;");
            source.db().backupTo(copy);
            if (copy.scalar("PRAGMA application_id").toLongLong() != appId ||
                copy.scalar("PRAGMA user_version").toLongLong() != version)
                throw Error(ErrorKind::Damaged,
                            Tr::tr("The copy of %1 does not carry its application id and schema version.")
                                .arg(source.path()));
        }
        {
            // Reopened from disk, as a reader of the backup would: proves the key and every page.
            std::unique_ptr<CaseFile> check = source.openCopyReadOnly(temp, passphrase);
            // Only the page checks: a backup is wanted even of a file whose audit trail has a
            // finding (restore runs every check, and `verify` reports it).
            const QString integrity = check->db().scalar("PRAGMA integrity_check").toString();
            if (integrity != QLatin1StringView("ok"))
                throw Error(ErrorKind::Damaged,
                            Tr::tr("The copy failed its check \"integrity_check\": %1").arg(integrity));
            const QVariant cipher = check->db().scalar("PRAGMA cipher_integrity_check");
            if (!cipher.isNull())
                throw Error(ErrorKind::Damaged, Tr::tr("The copy failed its check \"cipher_integrity_check\": %1")
                                                    .arg(cipher.toString()));
        }
        // The last connection folded the log in; leftovers would be stale beside a renamed file.
        QFile::remove(temp + QStringLiteral("-wal"));
        QFile::remove(temp + QStringLiteral("-shm"));
        fsync::syncFile(temp);
        if (QFileInfo::exists(destination))
            throw Error(ErrorKind::AlreadyExists,
                        Tr::tr("%1 already exists; CaseBoard never overwrites a file.").arg(destination));
        if (!QFile::rename(temp, destination))
            throw Error(ErrorKind::Io, Tr::tr("Cannot move the backup into place at %1.").arg(destination));
        fsync::syncFolderOf(destination);
    } catch (const Error &e) {
        removeWithSidecars(temp);
        throw Error(e.kind(), Tr::tr("No backup was written to %1: %2").arg(destination, e.message()));
    } catch (...) {
        removeWithSidecars(temp);
        throw;
    }
}

void restoreCaseFile(const QString &backup, const QString &target, const SecretBytes &passphrase)
{
    restoreCaseFile(backup, target, SignIn{QString(), passphrase});
}

void restoreCaseFile(const QString &backup, const QString &target, const SignIn &signIn)
{
    const QFileInfo backupInfo(backup);
    if (!backupInfo.isFile())
        throw Error(ErrorKind::NotFound, Tr::tr("No backup at %1.").arg(backup));
    if (QFileInfo(backup).canonicalFilePath() == QFileInfo(target).canonicalFilePath())
        throw Error(ErrorKind::Invalid, Tr::tr("A backup cannot be restored over itself (%1).").arg(target));
    const QString unchanged = Tr::tr("%1 was not changed.").arg(target);

    // The exact bytes that will become the target are the ones checked: copy first, check the copy.
    const QString temp = temporaryBeside(target, QLatin1StringView("restoring"));
    try {
        if (!QFile::copy(backup, temp))
            throw Error(ErrorKind::Io, Tr::tr("Cannot copy %1 beside %2.").arg(backup, target));
        QFile::setPermissions(temp, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        {
            std::unique_ptr<CaseFile> check;
            try {
                check = CaseFile::openReadOnly(temp, signIn);
            } catch (const Error &e) {
                // Messages name the temporary copy; say it in terms of the backup.
                QString what = e.message();
                what.replace(temp, backup);
                throw Error(e.kind(), Tr::tr("The backup %1 was refused (check \"unlock\" failed): %2 %3")
                                          .arg(backup, what, unchanged));
            }
            const QString failure = firstFailure(check->verify());
            if (!failure.isEmpty())
                throw Error(ErrorKind::Damaged,
                            Tr::tr("The backup %1 was refused (%2). %3").arg(backup, failure, unchanged));
        }
        QFile::remove(temp + QStringLiteral("-wal"));
        QFile::remove(temp + QStringLiteral("-shm"));
        fsync::syncFile(temp);
    } catch (...) {
        removeWithSidecars(temp);
        throw;
    }

    // Move the old target aside with its log and index, together, so that what is kept is whole.
    QString aside;
    if (QFileInfo::exists(target)) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        aside = target + QStringLiteral(".before-restore-") + stamp;
        for (int n = 2; QFileInfo::exists(aside) || QFileInfo::exists(aside + QStringLiteral("-wal")); ++n)
            aside = target + QStringLiteral(".before-restore-") + stamp + QLatin1Char('-') + QString::number(n);
        if (!QFile::rename(target, aside)) {
            removeWithSidecars(temp);
            throw Error(ErrorKind::Io, Tr::tr("Cannot move %1 aside to %2. %3").arg(target, aside, unchanged));
        }
        for (const QLatin1StringView suffix : {QLatin1StringView("-wal"), QLatin1StringView("-shm")})
            if (QFileInfo::exists(target + suffix))
                QFile::rename(target + suffix, aside + suffix);
    }
    if (!QFile::rename(temp, target)) {
        if (!aside.isEmpty()) {
            QFile::rename(aside, target);
            for (const QLatin1StringView suffix : {QLatin1StringView("-wal"), QLatin1StringView("-shm")})
                if (QFileInfo::exists(aside + suffix))
                    QFile::rename(aside + suffix, target + suffix);
        }
        removeWithSidecars(temp);
        throw Error(ErrorKind::Io, Tr::tr("Cannot move the restored file into place at %1. %2").arg(target, unchanged));
    }
    fsync::syncFolderOf(target);
}

} // namespace cb
