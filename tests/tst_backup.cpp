// Backups and restores of a case file: the copy is encrypted, consistent and complete; a restore
// checks the backup fully before it replaces anything, and keeps the file it replaces.

#include "TestSupport.h"

#include "model/storage/Backup.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cb;
using namespace cb::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every row of every table, as sorted text lines per table: equal maps mean equal contents.
QMap<QString, QStringList> contents(db::Database &db)
{
    QMap<QString, QStringList> all;
    QStringList tables;
    db::Statement names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (names.step())
        tables << names.text(0);
    for (const QString &table : tables) {
        // A table name from sqlite_master, quoted; identifiers cannot be bound.
        db::Statement rows = db.prepare(
            QString(u"SELECT * FROM \""_s + QString(table).replace(u'"', u"\"\""_s) + u'"').toStdString());
        QStringList lines;
        while (rows.step()) {
            QStringList cells;
            for (int i = 0; i < rows.columnCount(); ++i)
                cells << (rows.isNull(i) ? u"<null>"_s : QString::fromUtf8(rows.value(i).typeName()) + u':' + rows.value(i).toString());
            lines << cells.join(u'|');
        }
        lines.sort();
        all.insert(table, lines);
    }
    return all;
}

QString caseAddress(CaseFile &file, const QString &caseNumber)
{
    db::Statement s = file.db().prepare("SELECT address FROM cases WHERE case_number = ?1");
    s.bind(1, caseNumber);
    return s.step() ? s.text(0) : QString();
}

Id addCaseAt(CaseStore &store, const QString &caseNumber, const QString &address)
{
    CaseRecord c;
    c.caseNumber = caseNumber;
    c.incidentDate = QDate(2024, 4, 1);
    c.address = address;
    c.area = u"North"_s;
    Victim v;
    v.name = u"Victim Two"_s;
    v.age = 31;
    return store.createCase(c, {v});
}

QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

bool allOk(const QList<CaseFile::Check> &checks)
{
    return std::all_of(checks.begin(), checks.end(), [](const CaseFile::Check &c) { return c.ok; });
}

} // namespace

class TestBackup : public QObject {
    Q_OBJECT

private slots:
    void roundTripCopiesEveryTable();
    void backupIsEncrypted();
    void canaryNeverInPlainBytes();
    void copiesLastCommittedStateDuringOpenWrite();
    void existingDestinationRefused();
    void failedBackupLeavesNothing();
    void restoreRefusesWrongPassphrase();
    void restoreRefusesDamagedBackup();
    void restoreReplacesAndKeepsOld();
};

void TestBackup::roundTripCopiesEveryTable()
{
    QTemporaryDir dir;
    Fixture fx(dir.path());
    addSampleCase(*fx.store);
    addSampleCase(*fx.store, u"HZ-2024-002"_s);
    const QString out = dir.filePath(u"copy.caseboard"_s);
    backupCaseFile(*fx.file, out, secret());

    QVERIFY(QFileInfo::exists(out));
    // Only the source, its sidecars and the backup: no temporary file left behind.
    for (const QString &name : entriesOf(dir.path()))
        QVERIFY2(name.startsWith(u"test.caseboard"_s) || name == u"copy.caseboard"_s, qPrintable(name));
    QCOMPARE(QFileInfo(out).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());

    std::unique_ptr<CaseFile> copy = CaseFile::openReadOnly(out, secret());
    const auto expected = contents(fx.file->db());
    const auto actual = contents(copy->db());
    QVERIFY(expected.contains(u"cases"_s));
    QCOMPARE(actual.value(u"cases"_s).size(), 2);
    QCOMPARE(actual.keys(), expected.keys());
    for (const QString &table : expected.keys())
        QCOMPARE(actual.value(table), expected.value(table));
    QCOMPARE(copy->db().scalar("PRAGMA application_id"), fx.file->db().scalar("PRAGMA application_id"));
    QCOMPARE(copy->db().scalar("PRAGMA user_version"), fx.file->db().scalar("PRAGMA user_version"));
    QCOMPARE(copy->db().scalar("PRAGMA journal_mode").toString(), u"wal"_s);
    for (const CaseFile::Check &c : copy->verify())
        QVERIFY2(c.ok, qPrintable(c.name + u": "_s + c.problems.join(u"; "_s)));
    copy.reset();
    // Another passphrase does not open it.
    expectError([&] { CaseFile::openReadOnly(out, secret(u"another passphrase 99"_s)); }, ErrorKind::WrongPassphrase);
}

void TestBackup::backupIsEncrypted()
{
    QTemporaryDir dir;
    Fixture fx(dir.path());
    addSampleCase(*fx.store);
    const QString out = dir.filePath(u"copy.caseboard"_s);
    backupCaseFile(*fx.file, out, secret());
    const QByteArray bytes = readAll(out);
    QVERIFY(bytes.size() >= 4096);
    QCOMPARE(bytes.size() % 4096, 0);
    QVERIFY(!bytes.startsWith(QByteArrayLiteral("SQLite format 3")));
}

void TestBackup::canaryNeverInPlainBytes()
{
    QTemporaryDir dir;
    Fixture fx(dir.path());
    const QString canary = u"CANARY-q7Zx41 Lantern Row"_s;
    addCaseAt(*fx.store, u"HZ-2024-050"_s, canary);
    const QString out = dir.filePath(u"copy.caseboard"_s);
    backupCaseFile(*fx.file, out, secret());
    const QByteArray bytes = readAll(out);
    QVERIFY(!bytes.isEmpty());
    QVERIFY(!bytes.contains(canary.toUtf8()));
    QVERIFY(!bytes.contains(QByteArrayLiteral("CANARY-q7Zx41")));
    QVERIFY(!bytes.contains(QByteArrayLiteral("Victim Two")));
    // Positive control: the canary is in the backup, under the key.
    std::unique_ptr<CaseFile> copy = CaseFile::openReadOnly(out, secret());
    QCOMPARE(caseAddress(*copy, u"HZ-2024-050"_s), canary);
}

void TestBackup::copiesLastCommittedStateDuringOpenWrite()
{
    QTemporaryDir dir;
    Fixture fx(dir.path());
    addCaseAt(*fx.store, u"HZ-2024-060"_s, u"10 Committed Way"_s);

    // A second connection and store on the same file, in the middle of a write.
    std::unique_ptr<CaseFile> other = CaseFile::open(fx.path, secret());
    CaseStore otherStore(*other, fx.clock);
    otherStore.setActor({std::nullopt, u"system:other"_s});
    const QString out = dir.filePath(u"copy.caseboard"_s);
    {
        db::Transaction open(other->db());
        db::Statement s = other->db().prepare("UPDATE cases SET address = ?1 WHERE case_number = ?2");
        s.bindAll(u"99 Uncommitted Street"_s, u"HZ-2024-060"_s).run();
        QCOMPARE(other->db().changes(), 1);
        // Many more uncommitted rows, so that the writer's pages spill into the log.
        for (int i = 0; i < 200; ++i) {
            db::Statement n = other->db().prepare("UPDATE cases SET summary = ?1 WHERE case_number = ?2");
            n.bindAll(QString(2000, QLatin1Char('x')) + QString::number(i), u"HZ-2024-060"_s).run();
        }
        backupCaseFile(*fx.file, out, secret());
        // Rolled back on leaving the scope.
    }
    std::unique_ptr<CaseFile> copy = CaseFile::openReadOnly(out, secret());
    QCOMPARE(caseAddress(*copy, u"HZ-2024-060"_s), u"10 Committed Way"_s);
    QCOMPARE(copy->db().scalar("SELECT summary FROM cases WHERE case_number = 'HZ-2024-060'").toString(), QString());
    for (const CaseFile::Check &c : copy->verify())
        QVERIFY2(c.ok, qPrintable(c.name + u": "_s + c.problems.join(u"; "_s)));

    // After the write commits, a new backup has it: the first one saw the committed state, not a stale one.
    addCaseAt(otherStore, u"HZ-2024-061"_s, u"11 Later Lane"_s);
    const QString out2 = dir.filePath(u"copy2.caseboard"_s);
    backupCaseFile(*fx.file, out2, secret());
    std::unique_ptr<CaseFile> copy2 = CaseFile::openReadOnly(out2, secret());
    QCOMPARE(caseAddress(*copy2, u"HZ-2024-061"_s), u"11 Later Lane"_s);
    QCOMPARE(caseAddress(*copy, u"HZ-2024-061"_s), QString());
}

void TestBackup::existingDestinationRefused()
{
    QTemporaryDir dir;
    Fixture fx(dir.path());
    addSampleCase(*fx.store);
    const QString out = dir.filePath(u"copy.caseboard"_s);
    {
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    const QStringList before = entriesOf(dir.path());
    expectError([&] { backupCaseFile(*fx.file, out, secret()); }, ErrorKind::AlreadyExists);
    QCOMPARE(readAll(out), QByteArrayLiteral("keep me"));
    QCOMPARE(entriesOf(dir.path()), before);
}

void TestBackup::failedBackupLeavesNothing()
{
    QTemporaryDir dir;
    Fixture fx(dir.path());
    addSampleCase(*fx.store);
    const QStringList before = entriesOf(dir.path());
    const QString out = dir.filePath(u"copy.caseboard"_s);
    // (A backup of a file with key slots needs no passphrase: the copy carries its header and key.)
    // A destination whose folder is a file: refused before a page is written; nothing is left,
    // not even a temporary file.
    const QString notAFolder = dir.filePath(u"plain.txt"_s);
    {
        QFile f(notAFolder);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QStringList withFile = entriesOf(dir.path());
    expectError([&] { backupCaseFile(*fx.file, notAFolder + u"/copy.caseboard"_s, secret()); }, ErrorKind::NotFound);
    QCOMPARE(entriesOf(dir.path()), withFile);
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(QFile::remove(notAFolder));
    QCOMPARE(entriesOf(dir.path()), before);
    // A missing folder.
    expectError([&] { backupCaseFile(*fx.file, dir.filePath(u"nowhere/copy.caseboard"_s), secret()); },
                ErrorKind::NotFound);
}

namespace {
// A closed target case file with its own content, and a backup of another file.
struct RestoreSetup {
    explicit RestoreSetup(const QString &dirPath)
    {
        QDir(dirPath).mkpath(u"src"_s);
        QDir(dirPath).mkpath(u"dst"_s);
        {
            Fixture source(dirPath + u"/src"_s);
            addCaseAt(*source.store, u"HZ-2024-100"_s, u"1 Backup Road"_s);
            backup = dirPath + u"/src/backup.caseboard"_s;
            backupCaseFile(*source.file, backup, secret());
        }
        {
            Fixture old(dirPath + u"/dst"_s, u"live.caseboard"_s);
            addCaseAt(*old.store, u"HZ-2024-200"_s, u"2 Live Street"_s);
            target = old.path;
        }
        dstDir = dirPath + u"/dst"_s;
    }
    QString backup;
    QString target;
    QString dstDir;
};
} // namespace

void TestBackup::restoreRefusesWrongPassphrase()
{
    QTemporaryDir dir;
    RestoreSetup s(dir.path());
    const QByteArray sum = fileChecksum(s.target);
    const QStringList before = entriesOf(s.dstDir);
    const QString message = expectError(
        [&] { restoreCaseFile(s.backup, s.target, secret(u"not the passphrase 1"_s)); }, ErrorKind::WrongPassphrase);
    QVERIFY2(message.contains(s.backup), qPrintable(message));
    QCOMPARE(fileChecksum(s.target), sum);
    QCOMPARE(entriesOf(s.dstDir), before);
}

void TestBackup::restoreRefusesDamagedBackup()
{
    QTemporaryDir dir;
    RestoreSetup s(dir.path());
    {
        // A page in the middle of the database, after the key header.
        const qint64 base = CaseFile::databaseOffset(s.backup);
        QFile f(s.backup);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 pages = (f.size() - base) / 4096;
        QVERIFY(pages >= 3);
        const qint64 at = base + (pages / 2) * 4096 + 1000;
        QVERIFY(f.seek(at));
        char c = 0;
        QVERIFY(f.getChar(&c));
        QVERIFY(f.seek(at));
        QVERIFY(f.putChar(static_cast<char>(c ^ 0x5a)));
    }
    const QByteArray sum = fileChecksum(s.target);
    const QStringList before = entriesOf(s.dstDir);
    const QString message =
        expectError([&] { restoreCaseFile(s.backup, s.target, secret()); }, ErrorKind::Damaged);
    // The check is named: SQLite's own, or the HMAC of every page, whichever the flipped byte trips first.
    QVERIFY2(message.contains(u"check \"SQLite integrity\" failed"_s) ||
                 message.contains(u"check \"cipher integrity (HMAC of every page)\" failed"_s),
             qPrintable(message));
    QCOMPARE(fileChecksum(s.target), sum);
    QCOMPARE(entriesOf(s.dstDir), before);
}

void TestBackup::restoreReplacesAndKeepsOld()
{
    QTemporaryDir dir;
    RestoreSetup s(dir.path());
    const QByteArray oldSum = fileChecksum(s.target);
    const QByteArray backupSum = fileChecksum(s.backup);
    restoreCaseFile(s.backup, s.target, secret());

    QCOMPARE(fileChecksum(s.target), backupSum);
    QCOMPARE(fileChecksum(s.backup), backupSum);
    QStringList kept;
    for (const QString &name : entriesOf(s.dstDir))
        if (name.startsWith(u"live.caseboard.before-restore-"_s))
            kept << name;
    QCOMPARE(kept.size(), 1);
    QVERIFY2(QRegularExpression(u"^live\\.caseboard\\.before-restore-\\d{8}T\\d{6}Z$"_s).match(kept.first()).hasMatch(),
             qPrintable(kept.first()));
    QCOMPARE(fileChecksum(s.dstDir + u'/' + kept.first()), oldSum);

    std::unique_ptr<CaseFile> restored = CaseFile::open(s.target, secret());
    QCOMPARE(caseAddress(*restored, u"HZ-2024-100"_s), u"1 Backup Road"_s);
    QCOMPARE(caseAddress(*restored, u"HZ-2024-200"_s), QString());
    QVERIFY(allOk(restored->verify()));
    std::unique_ptr<CaseFile> old = CaseFile::openReadOnly(s.dstDir + u'/' + kept.first(), secret());
    QCOMPARE(caseAddress(*old, u"HZ-2024-200"_s), u"2 Live Street"_s);
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
