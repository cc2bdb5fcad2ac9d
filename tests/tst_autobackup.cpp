// The policy of automatic daily backups: names, when one is due, which old ones are deleted, and
// that nothing is deleted unless the new backup is written, checked and in place.

#include "TestSupport.h"

#include "model/storage/AutoBackup.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace cb;
using namespace cb::test;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int y, int m, int d, int h = 0, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), QTimeZone::utc());
}

// A stand-in for a backup: the policy looks at names and presence, not contents.
void writeFake(const QString &path, const QByteArray &bytes = "backup bytes")
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    f.write(bytes);
}

QStringList namesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

QStringList fileNames(const QList<autobackup::Entry> &entries)
{
    QStringList out;
    for (const auto &e : entries)
        out << QFileInfo(e.path).fileName();
    return out;
}

const QFileDevice::Permissions kGroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                               QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                               QFileDevice::WriteOther | QFileDevice::ExeOther;

} // namespace

class TestAutoBackup : public QObject {
    Q_OBJECT
private slots:
    void init();

    void fileNameIsUtc_data();
    void fileNameIsUtc();
    void timeOfReadsOnlyBackupNames_data();
    void timeOfReadsOnlyBackupNames();
    void folderPerCaseFile();
    void listIsNewestFirstAndIgnoresOtherFiles();
    void due_data();
    void due();
    void pruneKeepsTheNewest();

    void dailyBackupsKeepTheNewestSeven();
    void backupsAreOwnerOnlyAndOpen();
    void nothingPrunedWhenTheWriterFails();
    void nothingPrunedWhenTheBackupIsNotInPlace();
    void nothingPrunedWhenBackupCaseFileRefuses();
    void backupFromTheFutureDoesNotStopBackups();
    void oldLeftoversAreRemoved();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString folder() const { return m_dir->filePath(u"backups/unit-0000"_s); }
};

void TestAutoBackup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAutoBackup::fileNameIsUtc_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("name");
    QTest::newRow("utc") << utc(2024, 6, 15, 17, 0, 5) << u"20240615T170005Z.caseboard"_s;
    // 05:04:05 at UTC+2 is 03:04:05 UTC.
    QTest::newRow("offset") << QDateTime(QDate(2024, 1, 2), QTime(5, 4, 5), QTimeZone(7200))
                            << u"20240102T030405Z.caseboard"_s;
    // 23:30 on Dec 31 at UTC-5 is already the next year in UTC.
    QTest::newRow("new year") << QDateTime(QDate(2023, 12, 31), QTime(23, 30), QTimeZone(-5 * 3600))
                              << u"20240101T043000Z.caseboard"_s;
}

void TestAutoBackup::fileNameIsUtc()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, name);
    QCOMPARE(autobackup::fileNameFor(time), name);
    const auto back = autobackup::timeOf(name);
    QVERIFY(back.has_value());
    QCOMPARE(*back, time.toUTC());
}

void TestAutoBackup::timeOfReadsOnlyBackupNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QDateTime>("expected"); // invalid: not a backup name
    QTest::newRow("backup") << u"20240615T170005Z.caseboard"_s << utc(2024, 6, 15, 17, 0, 5);
    QTest::newRow("leap day") << u"20240229T000000Z.caseboard"_s << utc(2024, 2, 29);
    QTest::newRow("temporary file") << u"20240615T170005Z.caseboard.partial-3fa9"_s << QDateTime();
    QTest::newRow("its log") << u"20240615T170005Z.caseboard-wal"_s << QDateTime();
    QTest::newRow("month 13") << u"20241315T170005Z.caseboard"_s << QDateTime();
    QTest::newRow("no leap day") << u"20230229T000000Z.caseboard"_s << QDateTime();
    QTest::newRow("hour 24") << u"20240615T240000Z.caseboard"_s << QDateTime();
    QTest::newRow("no Z") << u"20240615T170005.caseboard"_s << QDateTime();
    QTest::newRow("prefixed") << u"x20240615T170005Z.caseboard"_s << QDateTime();
    QTest::newRow("manual backup") << u"unit-backup-2024-06-15.caseboard"_s << QDateTime();
    QTest::newRow("other file") << u"notes.txt"_s << QDateTime();
}

void TestAutoBackup::timeOfReadsOnlyBackupNames()
{
    QFETCH(QString, name);
    QFETCH(QDateTime, expected);
    const auto time = autobackup::timeOf(name);
    QCOMPARE(time.has_value(), expected.isValid());
    if (time)
        QCOMPARE(*time, expected);
}

void TestAutoBackup::folderPerCaseFile()
{
    const QString root = m_dir->filePath(u"backups"_s);
    QVERIFY(QDir(m_dir->path()).mkpath(u"a"_s));
    QVERIFY(QDir(m_dir->path()).mkpath(u"b"_s));
    const QString a = m_dir->filePath(u"a/cases.caseboard"_s);
    const QString b = m_dir->filePath(u"b/cases.caseboard"_s);
    writeFake(a);
    writeFake(b);

    const QString folderA = autobackup::folderFor(root, a);
    const QString folderB = autobackup::folderFor(root, b);
    // Same name, different files: different folders, so pruning one never touches the other.
    QVERIFY(folderA != folderB);
    const QRegularExpression shape(QRegularExpression::anchoredPattern(QRegularExpression::escape(root) +
                                                                      u"/cases-[0-9a-f]{8}"_s));
    QVERIFY2(shape.match(folderA).hasMatch(), qPrintable(folderA));
    QVERIFY2(shape.match(folderB).hasMatch(), qPrintable(folderB));
    // The same file, however it is named, has one folder.
    QCOMPARE(autobackup::folderFor(root, m_dir->filePath(u"a/../a/./cases.caseboard"_s)), folderA);
    QCOMPARE(autobackup::folderFor(root, a), folderA);
}

void TestAutoBackup::listIsNewestFirstAndIgnoresOtherFiles()
{
    QVERIFY(QDir().mkpath(folder()));
    writeFake(folder() + u"/20240610T090000Z.caseboard"_s);
    writeFake(folder() + u"/20240612T080000Z.caseboard"_s);
    writeFake(folder() + u"/20231231T235959Z.caseboard"_s);
    writeFake(folder() + u"/20240613T080000Z.caseboard.partial-ab12"_s);
    writeFake(folder() + u"/notes.txt"_s);
    QVERIFY(QDir(folder()).mkdir(u"20240614T080000Z.caseboard"_s)); // a folder, not a backup

    const auto entries = autobackup::list(folder());
    QCOMPARE(fileNames(entries), (QStringList{u"20240612T080000Z.caseboard"_s, u"20240610T090000Z.caseboard"_s,
                                              u"20231231T235959Z.caseboard"_s}));
    QCOMPARE(entries.at(0).takenUtc, utc(2024, 6, 12, 8));
    QCOMPARE(entries.at(0).path, QDir(folder()).absoluteFilePath(u"20240612T080000Z.caseboard"_s));
    QVERIFY(autobackup::list(m_dir->filePath(u"missing"_s)).isEmpty());
}

void TestAutoBackup::due_data()
{
    QTest::addColumn<QList<qint64>>("ageSecs"); // of the existing backups; negative: in the future
    QTest::addColumn<bool>("due");
    const qint64 day = 24 * 3600;
    QTest::newRow("none") << QList<qint64>{} << true;
    QTest::newRow("an hour old") << QList<qint64>{3600} << false;
    QTest::newRow("a second short of a day") << QList<qint64>{day - 1} << false;
    QTest::newRow("a day") << QList<qint64>{day} << true;
    QTest::newRow("three days") << QList<qint64>{3 * day} << true;
    QTest::newRow("newest counts") << QList<qint64>{600, 5 * day, 9 * day} << false;
    QTest::newRow("minutes ahead (clock skew)") << QList<qint64>{-300} << false;
    QTest::newRow("two days ahead (clock set back)") << QList<qint64>{-2 * day} << true;
    QTest::newRow("ahead, and a recent one") << QList<qint64>{-2 * day, 3600} << false;
}

void TestAutoBackup::due()
{
    QFETCH(QList<qint64>, ageSecs);
    QFETCH(bool, due);
    const QDateTime now = utc(2024, 6, 15, 12);
    QList<autobackup::Entry> entries;
    for (qint64 age : ageSecs)
        entries << autobackup::Entry{u"x"_s, now.addSecs(-age)};
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.takenUtc > b.takenUtc; });
    QCOMPARE(autobackup::isDue(entries, now), due);
}

void TestAutoBackup::pruneKeepsTheNewest()
{
    QList<autobackup::Entry> entries;
    for (int day = 10; day >= 1; --day)
        entries << autobackup::Entry{QString::number(day), utc(2024, 6, day)};
    QStringList pruned;
    for (const auto &e : autobackup::toPrune(entries, 7))
        pruned << e.path;
    QCOMPARE(pruned, (QStringList{u"3"_s, u"2"_s, u"1"_s}));
    QCOMPARE(autobackup::toPrune(entries, 10).size(), 0);
    QCOMPARE(autobackup::toPrune(entries, 20).size(), 0);
    // Keeping none would delete the one just written.
    QCOMPARE(autobackup::toPrune(entries, 0).size(), 9);
    QCOMPARE(autobackup::toPrune(entries.mid(0, 1), 7).size(), 0);
}

void TestAutoBackup::dailyBackupsKeepTheNewestSeven()
{
    Fixture fx(m_dir->path(), u"unit.caseboard"_s);
    addSampleCase(*fx.store);
    FixedClock clock(utc(2024, 6, 1, 9));
    for (int day = 1; day <= 10; ++day) {
        clock.set(utc(2024, 6, day, 9));
        const auto outcome = autobackup::runIfDue(*fx.file, secret(), folder(), clock);
        QVERIFY(outcome.written);
        QCOMPARE(QFileInfo(outcome.path).fileName(), u"202406%1T090000Z.caseboard"_s.arg(day, 2, 10, QLatin1Char('0')));
        // Pruning starts with the eighth: day 8 deletes day 1, and so on.
        const QStringList expectedPruned =
            day >= 8 ? QStringList{folder() + u"/202406%1T090000Z.caseboard"_s.arg(day - 7, 2, 10, QLatin1Char('0'))}
                     : QStringList{};
        QCOMPARE(outcome.pruned, expectedPruned);

        // Later the same day nothing is due.
        clock.set(utc(2024, 6, day, 20));
        QVERIFY(!autobackup::runIfDue(*fx.file, secret(), folder(), clock).written);
    }
    QCOMPARE(namesIn(folder()),
             (QStringList{u"20240604T090000Z.caseboard"_s, u"20240605T090000Z.caseboard"_s,
                          u"20240606T090000Z.caseboard"_s, u"20240607T090000Z.caseboard"_s,
                          u"20240608T090000Z.caseboard"_s, u"20240609T090000Z.caseboard"_s,
                          u"20240610T090000Z.caseboard"_s}));

    // A smaller number kept takes effect at the next backup.
    clock.set(utc(2024, 6, 11, 9));
    const auto outcome = autobackup::runIfDue(*fx.file, secret(), folder(), clock, 3);
    QCOMPARE(outcome.pruned.size(), 5);
    QCOMPARE(namesIn(folder()), (QStringList{u"20240609T090000Z.caseboard"_s, u"20240610T090000Z.caseboard"_s,
                                             u"20240611T090000Z.caseboard"_s}));
}

void TestAutoBackup::backupsAreOwnerOnlyAndOpen()
{
    Fixture fx(m_dir->path(), u"unit.caseboard"_s);
    addSampleCase(*fx.store, u"HZ-2024-777"_s);
    const auto outcome = autobackup::runIfDue(*fx.file, secret(), folder(), fx.clock);
    QVERIFY(outcome.written);
    QCOMPARE(QFileInfo(folder()).permissions() & kGroupOrOther, QFileDevice::Permissions());
    QCOMPARE(QFileInfo(outcome.path).permissions() & kGroupOrOther, QFileDevice::Permissions());
    QVERIFY(QFileInfo(outcome.path).permissions() & QFileDevice::ReadOwner);
    // Nothing but the backup is left in the folder (no temporary file, no log).
    QCOMPARE(namesIn(folder()), QStringList{QFileInfo(outcome.path).fileName()});

    auto copy = CaseFile::open(outcome.path, secret());
    FixedClock clock(fx.clock.nowUtc());
    CaseStore store(*copy, clock);
    QVERIFY(store.caseByNumber(u"HZ-2024-777"_s).has_value());
    // Keyed with the case file's passphrase only.
    QVERIFY_THROWS_EXCEPTION(Error, CaseFile::open(outcome.path, secret(u"some other passphrase"_s)));
}

void TestAutoBackup::nothingPrunedWhenTheWriterFails()
{
    QVERIFY(QDir().mkpath(folder()));
    QStringList before;
    for (int day = 1; day <= 9; ++day) {
        const QString name = autobackup::fileNameFor(utc(2024, 6, day, 9));
        writeFake(folder() + u'/' + name, name.toUtf8());
        before << name;
    }
    FixedClock clock(utc(2024, 6, 12, 9));
    int calls = 0;
    try {
        autobackup::runIfDue(folder(), clock, 7, [&](const QString &) {
            ++calls;
            throw Error(ErrorKind::Io, u"disk full"_s);
        });
        QFAIL("no error");
    } catch (const Error &e) {
        QCOMPARE(e.kind(), ErrorKind::Io);
        QCOMPARE(e.message(), u"disk full"_s);
    }
    QCOMPARE(calls, 1);
    QCOMPARE(namesIn(folder()), before);
    for (const QString &name : before) {
        QFile f(folder() + u'/' + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), name.toUtf8());
    }
}

void TestAutoBackup::nothingPrunedWhenTheBackupIsNotInPlace()
{
    QVERIFY(QDir().mkpath(folder()));
    QStringList before;
    for (int day = 1; day <= 9; ++day) {
        before << autobackup::fileNameFor(utc(2024, 6, day, 9));
        writeFake(folder() + u'/' + before.last());
    }
    FixedClock clock(utc(2024, 6, 12, 9));
    // A writer that says nothing and writes nothing, and one that leaves an empty file.
    QVERIFY_THROWS_EXCEPTION(Error, autobackup::runIfDue(folder(), clock, 7, [](const QString &) {}));
    QCOMPARE(namesIn(folder()), before);
    QVERIFY_THROWS_EXCEPTION(Error,
                             autobackup::runIfDue(folder(), clock, 7, [](const QString &p) { writeFake(p, {}); }));
    // The empty file is gone too: it would pass for today's backup.
    QCOMPARE(namesIn(folder()), before);

    // A writer that works: the new one is in, the three oldest of the ten go.
    const auto outcome = autobackup::runIfDue(folder(), clock, 7, [](const QString &p) { writeFake(p); });
    QVERIFY(outcome.written);
    QCOMPARE(outcome.pruned, (QStringList{folder() + u"/20240603T090000Z.caseboard"_s,
                                           folder() + u"/20240602T090000Z.caseboard"_s,
                                           folder() + u"/20240601T090000Z.caseboard"_s}));
}

void TestAutoBackup::nothingPrunedWhenBackupCaseFileRefuses()
{
    Fixture fx(m_dir->path(), u"unit.caseboard"_s);
    QVERIFY(QDir().mkpath(folder()));
    QStringList before;
    for (int day = 1; day <= 8; ++day) {
        before << autobackup::fileNameFor(utc(2024, 6, day, 9));
        writeFake(folder() + u'/' + before.last());
    }
    FixedClock clock(utc(2024, 6, 12, 9));
    // A folder where the new backup would go: the real backup refuses to write over it.
    QVERIFY(QDir(folder()).mkdir(autobackup::fileNameFor(clock.nowUtc())));
    try {
        autobackup::runIfDue(*fx.file, secret(), folder(), clock, 7);
        QFAIL("no error");
    } catch (const Error &e) {
        QCOMPARE(e.kind(), ErrorKind::AlreadyExists);
    }
    QStringList after = namesIn(folder());
    QCOMPARE(after, before);
}

void TestAutoBackup::backupFromTheFutureDoesNotStopBackups()
{
    QVERIFY(QDir().mkpath(folder()));
    writeFake(folder() + u"/20300101T000000Z.caseboard"_s);
    for (int day = 1; day <= 6; ++day)
        writeFake(folder() + u'/' + autobackup::fileNameFor(utc(2024, 6, day, 9)));
    FixedClock clock(utc(2024, 6, 12, 9));
    const auto outcome = autobackup::runIfDue(folder(), clock, 7, [](const QString &p) { writeFake(p); });
    QVERIFY(outcome.written);
    // Eight backups, seven kept: the one dated 2030 is trusted least and goes first.
    QCOMPARE(outcome.pruned, QStringList{folder() + u"/20300101T000000Z.caseboard"_s});
    clock.set(utc(2024, 6, 12, 15));
    QVERIFY(!autobackup::runIfDue(folder(), clock, 7, [](const QString &p) { writeFake(p); }).written);
}

void TestAutoBackup::oldLeftoversAreRemoved()
{
    QVERIFY(QDir().mkpath(folder()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    FixedClock clock(now);
    const QString stale = folder() + u"/20240601T090000Z.caseboard.partial-1f2e"_s;
    const QString fresh = folder() + u"/20240601T090000Z.caseboard.partial-3c4d"_s;
    const QString unrelated = folder() + u"/keep-me.partial-1f2e"_s;
    for (const QString &p : {stale, fresh, unrelated}) {
        writeFake(p);
        QFile f(p);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(p == fresh ? now.addSecs(-3600) : now.addDays(-2), QFileDevice::FileModificationTime));
    }
    const auto outcome = autobackup::runIfDue(folder(), clock, 7, [](const QString &p) { writeFake(p); });
    QVERIFY(outcome.written);
    QVERIFY(!QFile::exists(stale));
    QVERIFY(QFile::exists(fresh)); // perhaps another CaseBoard's backup under way
    QVERIFY(QFile::exists(unrelated));
}

QTEST_GUILESS_MAIN(TestAutoBackup)
#include "tst_autobackup.moc"
