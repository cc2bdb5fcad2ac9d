// The encrypted case file: creation, unlocking, refusal of everything that is not a good case file
// (without changing a byte of it), migrations, pragmas, concurrency, verify() and the append-only triggers.

#include "TestSupport.h"

#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/storage/Schema.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <thread>

using namespace cb;
using namespace cb::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(f.write(bytes), bytes.size());
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).exists() ? QFileInfo(path).size() : -1;
}

QString walPath(const QString &path)
{
    return path + u"-wal"_s;
}

// The bytes of a file's database and of its -wal, to prove a failed open changed neither. (A
// wrong passphrase is counted in the key header, for the lockout: tst_accounts checks that part.)
struct Snapshot {
    QByteArray main, wal;
    qint64 mainSize = -1, walSize = -1;
    static Snapshot of(const QString &path)
    {
        return {databaseChecksum(path), fileChecksum(walPath(path)), fileSize(path), fileSize(walPath(path))};
    }
    bool operator==(const Snapshot &) const = default;
};

char *toString(const Snapshot &s)
{
    return qstrdup(qPrintable(u"main %1 (%2 bytes), wal %3 (%4 bytes)"_s.arg(QString::fromLatin1(s.main))
                                  .arg(s.mainSize)
                                  .arg(QString::fromLatin1(s.wal))
                                  .arg(s.walSize)));
}

constexpr int kApplicationIdByHand = ('C' << 24) | ('B' << 16) | ('D' << 8) | '1';

// A connection that bypasses CaseFile and CaseStore, as a tool or an attacker with the key would.
// A path that does not exist yet becomes an old-format file, keyed with the passphrase itself.
db::Database rawKeyed(const QString &path, db::OpenMode mode = db::OpenMode::ReadWrite)
{
    const SecretBytes pass = secret();
    db::Database db = CaseFile::rawConnection(path, SignIn{QString(), pass}, mode);
    db.setBusyTimeout(5000);
    return db;
}

// A case file with some of everything in it, closed again.
void makeCaseFileWithData(const QString &dir, const QString &name = u"test.caseboard"_s)
{
    Fixture f(dir, name);
    const SampleCase sample = addSampleCase(*f.store);
    f.store->addNote(sample.caseId, u"Canvass of the 1200 block done."_s);
}

// Overwrites `count` bytes at `offset` with their complement.
void flipBytes(const QString &path, qint64 offset, int count)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(offset));
    QByteArray bytes = f.read(count);
    QCOMPARE(bytes.size(), count);
    for (char &c : bytes)
        c = char(~c);
    QVERIFY(f.seek(offset));
    QCOMPARE(f.write(bytes), qint64(count));
}

int modeBits(const QString &path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

const CaseFile::Check *findCheck(const QList<CaseFile::Check> &checks, const QString &name)
{
    for (const auto &c : checks)
        if (c.name == name)
            return &c;
    return nullptr;
}

QString describe(const QList<CaseFile::Check> &checks)
{
    QString out;
    for (const auto &c : checks)
        out += c.name + (c.ok ? u": ok; "_s : u": "_s + c.problems.join(u" | "_s) + u"; "_s);
    return out;
}

} // namespace

class TestCaseFile : public QObject {
    Q_OBJECT

private slots:
    void createAndReopen();
    void encryptedOnDisk();
    void applicationIdAndVersion();
    void pragmasOnOpenedFile();
    void ownerOnlyPermissions();
    void wrongPassphraseChangesNothing();
    void wrongPassphraseWithLiveWal();
    void wrongPassphraseWithHotWal();
    void passphraseNeverInMessages();
    void notACaseFile_data();
    void notACaseFile();
    void missingFileAndDirectory();
    void encryptedButNotACaseFile();
    void truncated_data();
    void truncated();
    void flippedBytes_data();
    void flippedBytes();
    void newerVersionRefused();
    void migrations_data();
    void migrations();
    void checksNeedNoTemporaryTables();
    void createRefusesExistingPath();
    void createPassphrasePolicy_data();
    void createPassphrasePolicy();
    void secondWriterWaits();
    void verifyFreshFileWithData();
    void verifyFindsDerivedTableOutOfStep();
    void verifyFindsChangesOutsideCaseBoard();
    void verifyFindsRowWithoutCreateEntry();
    void appendOnlyTriggers_data();
    void appendOnlyTriggers();
};

void TestCaseFile::createAndReopen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Id caseId = 0;
    QString path;
    {
        Fixture f(dir.path());
        path = f.path;
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(f.file->path(), path);
        QCOMPARE(f.file->schemaVersion(), schema::latestVersion());
        caseId = addSampleCase(*f.store, u"HZ-2024-017"_s).caseId;
    }
    // Closed cleanly: the write-ahead log is folded back into the one file to copy or back up.
    QVERIFY(!QFileInfo::exists(walPath(path)));

    auto file = CaseFile::open(path, secret());
    QVERIFY(file);
    QCOMPARE(file->schemaVersion(), schema::latestVersion());
    FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
    CaseStore store(*file, clock);
    const auto c = store.caseByNumber(u"HZ-2024-017"_s);
    QVERIFY(c);
    QCOMPARE(c->id, caseId);
    QCOMPARE(c->incidentDate, QDate(2024, 3, 2));
    QCOMPARE(store.victims(caseId).size(), 1);
    QCOMPARE(store.victims(caseId).first().name, u"Victim One"_s);

    // The same passphrase typed with a different Unicode form unlocks it too (NFKC).
    file.reset();
    const QString composed = passphrase();
    auto again = CaseFile::openReadOnly(path, SecretBytes::fromPassphrase(composed.normalized(QString::NormalizationForm_D)));
    QVERIFY(again);
}

void TestCaseFile::encryptedOnDisk()
{
    QTemporaryDir dir;
    const QByteArray canary = "CANARY-7f3a9c";
    QString path;
    {
        Fixture f(dir.path());
        path = f.path;
        const SampleCase s = addSampleCase(*f.store);
        Victim v;
        v.caseId = s.caseId;
        v.name = QString::fromLatin1(canary);
        f.store->addVictim(v);
        f.store->addNote(s.caseId, u"Witness says "_s + QString::fromLatin1(canary) + u" was there."_s);
        // The store really holds it: the search below is not vacuous.
        QCOMPARE(f.store->victims(s.caseId).last().name, QString::fromLatin1(canary));

        // After a write, with the connection still open: neither the file nor its log shows it.
        const QByteArray mainBytes = readAll(path);
        QVERIFY(mainBytes.size() >= 4096);
        QVERIFY(mainBytes.left(16) != QByteArray("SQLite format 3\0", 16));
        QVERIFY(!mainBytes.contains(canary));
        QVERIFY(!mainBytes.contains("Victim One"));
        QVERIFY(!mainBytes.contains("CREATE TABLE"));
        QVERIFY(QFileInfo::exists(walPath(path)));
        const QByteArray walBytes = readAll(walPath(path));
        QVERIFY(walBytes.size() > 32);
        QVERIFY(!walBytes.contains(canary));
        QVERIFY(!walBytes.contains("Victim One"));
    }
    // After closing.
    const QByteArray closedBytes = readAll(path);
    QVERIFY(closedBytes.left(16) != QByteArray("SQLite format 3\0", 16));
    QVERIFY(!closedBytes.contains(canary));
    QVERIFY(!closedBytes.contains("CREATE TABLE"));
    const QDir d(dir.path());
    for (const QString &name : d.entryList(QDir::Files)) {
        const QByteArray bytes = readAll(d.filePath(name));
        QVERIFY2(!bytes.contains(canary), qPrintable(name));
    }
}

void TestCaseFile::applicationIdAndVersion()
{
    QTemporaryDir dir;
    Fixture f(dir.path());
    QCOMPARE(kApplicationIdByHand, 0x43424431);
    QCOMPARE(f.file->db().scalar("PRAGMA application_id").toLongLong(), qint64(kApplicationIdByHand));
    QCOMPARE(f.file->db().scalar("PRAGMA user_version").toLongLong(), qint64(schema::latestVersion()));
    QVERIFY(schema::latestVersion() >= 1);
    // And as stored, through a separate connection.
    db::Database raw = rawKeyed(f.path, db::OpenMode::ReadOnly);
    QCOMPARE(raw.scalar("PRAGMA application_id").toLongLong(), qint64(kApplicationIdByHand));
    QCOMPARE(raw.scalar("PRAGMA user_version").toLongLong(), qint64(schema::latestVersion()));
}

void TestCaseFile::pragmasOnOpenedFile()
{
    QTemporaryDir dir;
    makeCaseFileWithData(dir.path());
    const QString path = dir.filePath(u"test.caseboard"_s);
    auto file = CaseFile::open(path, secret());
    db::Database &db = file->db();
    QCOMPARE(db.scalar("PRAGMA journal_mode").toString(), u"wal"_s);
    QCOMPARE(db.scalar("PRAGMA foreign_keys").toLongLong(), 1);
    QCOMPARE(db.scalar("PRAGMA synchronous").toLongLong(), 2); // FULL
    QCOMPARE(db.scalar("PRAGMA cipher_page_size").toLongLong(), 4096);
    QCOMPARE(db.scalar("PRAGMA kdf_iter").toLongLong(), 256000);

    // A freshly created file is configured the same way.
    QTemporaryDir dir2;
    Fixture f(dir2.path());
    QCOMPARE(f.file->db().scalar("PRAGMA journal_mode").toString(), u"wal"_s);
    QCOMPARE(f.file->db().scalar("PRAGMA foreign_keys").toLongLong(), 1);
    QCOMPARE(f.file->db().scalar("PRAGMA synchronous").toLongLong(), 2);
}

void TestCaseFile::ownerOnlyPermissions()
{
    QTemporaryDir dir;
    Fixture f(dir.path());
    addSampleCase(*f.store);
    QCOMPARE(modeBits(f.path), 0600);
    QVERIFY(QFileInfo::exists(walPath(f.path)));
    QCOMPARE(modeBits(walPath(f.path)), 0600);
    if (QFileInfo::exists(f.path + u"-shm"_s))
        QCOMPARE(modeBits(f.path + u"-shm"_s), 0600);
}

void TestCaseFile::wrongPassphraseChangesNothing()
{
    QTemporaryDir dir;
    makeCaseFileWithData(dir.path());
    const QString path = dir.filePath(u"test.caseboard"_s);
    const Snapshot before = Snapshot::of(path);
    QVERIFY(!before.main.isEmpty());

    const QString message = expectError([&] { CaseFile::open(path, secret(u"blue harbour lantern 43"_s)); },
                                        ErrorKind::WrongPassphrase);
    QVERIFY2(message.contains(path), qPrintable(message));
    QCOMPARE(Snapshot::of(path), before);

    expectError([&] { CaseFile::openReadOnly(path, secret(u"Blue harbour lantern 42"_s)); }, ErrorKind::WrongPassphrase);
    QCOMPARE(Snapshot::of(path), before);

    // An empty passphrase is simply wrong, too.
    expectError([&] { CaseFile::open(path, SecretBytes()); }, ErrorKind::WrongPassphrase);
    QCOMPARE(Snapshot::of(path), before);

    // The right one still works afterwards.
    QVERIFY(CaseFile::open(path, secret()));
}

void TestCaseFile::wrongPassphraseWithLiveWal()
{
    // Another CaseBoard has the file open with uncheckpointed writes in its log.
    QTemporaryDir dir;
    Fixture f(dir.path());
    addSampleCase(*f.store);
    QVERIFY(fileSize(walPath(f.path)) > 0);
    const Snapshot before = Snapshot::of(f.path);

    expectError([&] { CaseFile::open(f.path, secret(u"not the passphrase at all"_s)); }, ErrorKind::WrongPassphrase);
    QCOMPARE(Snapshot::of(f.path), before);

    // The first connection is unharmed.
    QCOMPARE(f.store->caseCount(), 1);
}

void TestCaseFile::wrongPassphraseWithHotWal()
{
    // A copy taken while CaseBoard had the file open (or after a crash): the log holds committed
    // pages not yet in the main file. A wrong passphrase must not fold them in, nor delete the log.
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"copy.caseboard"_s);
    {
        Fixture f(dir.path());
        addSampleCase(*f.store);
        QVERIFY(fileSize(walPath(f.path)) > 0);
        QVERIFY(QFile::copy(f.path, copy));
        QVERIFY(QFile::copy(walPath(f.path), walPath(copy)));
    }
    const Snapshot before = Snapshot::of(copy);
    QVERIFY(before.walSize > 0);

    expectError([&] { CaseFile::open(copy, secret(u"not the passphrase at all"_s)); }, ErrorKind::WrongPassphrase);
    QCOMPARE(Snapshot::of(copy), before);
    expectError([&] { CaseFile::openReadOnly(copy, secret(u"not the passphrase at all"_s)); },
                ErrorKind::WrongPassphrase);
    QCOMPARE(Snapshot::of(copy), before);

    // With the right passphrase the logged writes are all there.
    auto file = CaseFile::open(copy, secret());
    FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
    CaseStore store(*file, clock);
    QVERIFY(store.caseByNumber(u"HZ-2024-001"_s));
}

void TestCaseFile::passphraseNeverInMessages()
{
    QTemporaryDir dir;
    makeCaseFileWithData(dir.path());
    const QString path = dir.filePath(u"test.caseboard"_s);
    const QString marker = u"ZQX-distinctive-77"_s;

    const QStringList wrong = {
        u"ZQX-distinctive-77 wrong horse"_s,
        u"x'ZQX-distinctive-77'"_s,                 // raw-key shape, refused before SQLCipher sees it
        u"x'5a51582d64697374696e63746976652d3737'"_s // the marker's bytes as a raw key
    };
    for (const QString &p : wrong) {
        for (bool readOnly : {false, true}) {
            try {
                if (readOnly)
                    CaseFile::openReadOnly(path, secret(p));
                else
                    CaseFile::open(path, secret(p));
                QFAIL("a wrong passphrase was accepted");
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::WrongPassphrase);
                QVERIFY2(!e.message().contains(marker, Qt::CaseInsensitive), qPrintable(e.message()));
                QVERIFY2(!e.message().contains(p), qPrintable(e.message()));
                QVERIFY2(!e.message().contains(u"5a5158"_s, Qt::CaseInsensitive), qPrintable(e.message()));
                QVERIFY(!QByteArray(e.what()).contains(marker.toUtf8()));
                QVERIFY2(e.message().contains(path), qPrintable(e.message()));
            }
        }
    }

    // Nor in the reasons a new passphrase is refused.
    const QStringList refused = {u"ZQX-77"_s, u"ZQX 1234 !!"_s};
    for (const QString &p : refused) {
        try {
            CaseFile::create(dir.filePath(u"new.caseboard"_s), secret(p));
            QFAIL("a bad passphrase was accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Invalid);
            QVERIFY2(!e.message().contains(u"ZQX"_s), qPrintable(e.message()));
        }
    }
}

void TestCaseFile::notACaseFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // empty: built in the test
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says"); // a word the message must contain

    QTest::newRow("empty file") << u"empty.caseboard"_s << QByteArray() << int(ErrorKind::NotACaseFile) << u"empty"_s;
    QTest::newRow("plain SQLite") << u"plain.db"_s << QByteArray() << int(ErrorKind::NotACaseFile)
                                  << u"unencrypted"_s;
    QByteArray random(8192, '\0');
    QRandomGenerator gen(20240615);
    for (char &c : random)
        c = char(gen.bounded(256));
    // Random bytes cannot be told from a file under another passphrase: both fail the page HMAC.
    QTest::newRow("random 8192 bytes") << u"random.bin"_s << random << int(ErrorKind::WrongPassphrase)
                                       << u"passphrase"_s;
    QTest::newRow("text file") << u"notes.txt"_s << QByteArray("Meeting notes\nNothing to see here.\n")
                               << int(ErrorKind::Damaged) << u"damaged"_s;
    QTest::newRow("text file of one page") << u"page.txt"_s << QByteArray(4096, 'a') << int(ErrorKind::WrongPassphrase)
                                           << u"passphrase"_s;
}

void TestCaseFile::notACaseFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(int, kind);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    if (name == u"plain.db"_s) {
        // With SQLCipher, a connection that is never keyed is plain SQLite.
        db::Database plain = db::Database::open(path, db::OpenMode::ReadWriteCreate);
        plain.execScript("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('hello');");
        plain.close();
        QCOMPARE(readAll(path).left(16), QByteArray("SQLite format 3\0", 16));
    } else {
        writeFile(path, bytes);
    }
    const Snapshot before = Snapshot::of(path);

    for (bool readOnly : {false, true}) {
        const QString message = expectError(
            [&] { readOnly ? CaseFile::openReadOnly(path, secret()) : CaseFile::open(path, secret()); },
            ErrorKind(kind));
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(says, Qt::CaseInsensitive), qPrintable(message));
        QCOMPARE(Snapshot::of(path), before);
        QVERIFY(!QFileInfo::exists(walPath(path)));
    }
}

void TestCaseFile::missingFileAndDirectory()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(u"missing.caseboard"_s);
    const QString m1 = expectError([&] { CaseFile::open(missing, secret()); }, ErrorKind::NotFound);
    QVERIFY2(m1.contains(missing), qPrintable(m1));
    QVERIFY(!QFileInfo::exists(missing)); // opening never creates

    const QString m2 = expectError([&] { CaseFile::open(dir.path(), secret()); }, ErrorKind::NotACaseFile);
    QVERIFY2(m2.contains(dir.path()), qPrintable(m2));
}

void TestCaseFile::encryptedButNotACaseFile()
{
    // Another application's SQLCipher database, under the same passphrase.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"other.db"_s);
    {
        db::Database db = rawKeyed(path, db::OpenMode::ReadWriteCreate);
        db.execScript("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('other');");
    }
    const Snapshot before = Snapshot::of(path);
    const QString message = expectError([&] { CaseFile::open(path, secret()); }, ErrorKind::NotACaseFile);
    QVERIFY2(message.contains(path), qPrintable(message));
    QCOMPARE(Snapshot::of(path), before);
}

void TestCaseFile::truncated_data()
{
    QTest::addColumn<qint64>("size"); // -1: half the file, rounded down to a whole page
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says");
    // Told by the size alone, before any key is tried.
    QTest::newRow("0 bytes") << qint64(0) << int(ErrorKind::NotACaseFile) << u"empty"_s;
    QTest::newRow("15 bytes") << qint64(15) << int(ErrorKind::Damaged) << u"truncated"_s;
    QTest::newRow("16 bytes") << qint64(16) << int(ErrorKind::Damaged) << u"truncated"_s;
    QTest::newRow("4095 bytes") << qint64(4095) << int(ErrorKind::Damaged) << u"truncated"_s;
    QTest::newRow("4097 bytes") << qint64(4097) << int(ErrorKind::Damaged) << u"truncated"_s;
    // Whole pages: page 1 decrypts under the right key, but its header counts more pages than
    // the file holds, which SQLite reports as corruption: damaged, not a wrong passphrase.
    QTest::newRow("one page") << qint64(4096) << int(ErrorKind::Damaged) << u"damaged"_s;
    QTest::newRow("half, whole pages") << qint64(-1) << int(ErrorKind::Damaged) << u"damaged"_s;
}

void TestCaseFile::truncated()
{
    QFETCH(qint64, size);
    QFETCH(int, kind);
    QFETCH(QString, says);
    QTemporaryDir dir;
    {
        // Enough rows that the file spans many pages.
        Fixture f(dir.path());
        const SampleCase s = addSampleCase(*f.store);
        f.store->batch([&] {
            for (int i = 0; i < 200; ++i)
                f.store->addNote(s.caseId, u"Follow-up note number %1 with some padding text to fill pages."_s.arg(i));
        });
    }
    const QString path = dir.filePath(u"test.caseboard"_s);
    const qint64 full = fileSize(path);
    QVERIFY2(full >= 8 * 4096, qPrintable(QString::number(full)));
    const qint64 target = size >= 0 ? size : (full / 2) / 4096 * 4096;
    QVERIFY(QFile::resize(path, target));
    QCOMPARE(fileSize(path), target);
    const Snapshot before = Snapshot::of(path);

    for (bool readOnly : {false, true}) {
        const QString message = expectError(
            [&] { readOnly ? CaseFile::openReadOnly(path, secret()) : CaseFile::open(path, secret()); },
            ErrorKind(kind));
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(says, Qt::CaseInsensitive), qPrintable(message));
        QCOMPARE(Snapshot::of(path), before);
    }
}

void TestCaseFile::flippedBytes_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("middle page") << u"middle"_s;
    QTest::newRow("last page") << u"last"_s;
    QTest::newRow("first page") << u"first"_s;
}

void TestCaseFile::flippedBytes()
{
    QFETCH(QString, where);
    QTemporaryDir dir;
    {
        Fixture f(dir.path());
        const SampleCase s = addSampleCase(*f.store);
        f.store->batch([&] {
            for (int i = 0; i < 200; ++i)
                f.store->addNote(s.caseId, u"Follow-up note number %1 with some padding text to fill pages."_s.arg(i));
        });
    }
    const QString path = dir.filePath(u"test.caseboard"_s);
    const qint64 base = CaseFile::databaseOffset(path);
    const qint64 pages = (fileSize(path) - base) / 4096;
    QVERIFY(pages >= 8);
    const qint64 index = where == u"first"_s ? 0 : where == u"middle"_s ? pages / 2 : pages - 1;
    const qint64 pageNumber = index + 1; // SQLite numbers pages from 1
    // Flip bytes inside the page's encrypted content (well past a first page's 16-byte salt).
    flipBytes(path, base + index * 4096 + 1000, 8);
    const Snapshot before = Snapshot::of(path);

    if (pageNumber == 1) {
        // The key comes out of an authenticated key slot, so it is the right one: page 1 is damaged.
        const QString message = expectError([&] { CaseFile::openReadOnly(path, secret()); }, ErrorKind::Damaged);
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(u"damaged"_s), qPrintable(message));
        expectError([&] { CaseFile::open(path, secret()); }, ErrorKind::Damaged);
        QCOMPARE(Snapshot::of(path), before);
        return;
    }

    // Any other page: the file opens (or, if the page holds the schema, is refused as damaged),
    // and verify() reports the damage, naming the page, instead of throwing.
    try {
        auto file = CaseFile::openReadOnly(path, secret());
        const QList<CaseFile::Check> checks = file->verify();
        QCOMPARE(checks.size(), 7);
        const CaseFile::Check *cipher = findCheck(checks, u"cipher integrity (HMAC of every page)"_s);
        QVERIFY(cipher);
        QVERIFY2(!cipher->ok, qPrintable(describe(checks)));
        QVERIFY2(cipher->problems.join(u'\n').contains(u"page %1"_s.arg(pageNumber)), qPrintable(describe(checks)));
        const CaseFile::Check *schemaCheck = findCheck(checks, u"schema version"_s);
        QVERIFY(schemaCheck && schemaCheck->ok); // the header page is intact
        for (const auto &c : checks)
            for (const QString &p : c.problems)
                QVERIFY2(!p.contains(u'\n'), qPrintable(p));
    } catch (const Error &e) {
        QVERIFY2(e.kind() == ErrorKind::Damaged, qPrintable(u"kind %1: %2"_s.arg(int(e.kind())).arg(e.message())));
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
    }
    QCOMPARE(Snapshot::of(path), before);

    // Opening for work neither crashes nor writes to a damaged file that is up to date.
    try {
        auto file = CaseFile::open(path, secret());
        QVERIFY(file);
    } catch (const Error &e) {
        QVERIFY2(e.kind() == ErrorKind::Damaged, qPrintable(u"kind %1: %2"_s.arg(int(e.kind())).arg(e.message())));
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
    }
    QCOMPARE(Snapshot::of(path), before);
}

void TestCaseFile::newerVersionRefused()
{
    QTemporaryDir dir;
    makeCaseFileWithData(dir.path());
    const QString path = dir.filePath(u"test.caseboard"_s);
    const int newer = schema::latestVersion() + 1;
    {
        db::Database raw = rawKeyed(path);
        raw.execScript("PRAGMA user_version = " + std::to_string(newer));
    }
    QVERIFY(!QFileInfo::exists(walPath(path)));
    const Snapshot before = Snapshot::of(path);

    const QString message = expectError([&] { CaseFile::open(path, secret()); }, ErrorKind::NewerVersion);
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(QString::number(newer)), qPrintable(message));
    QVERIFY2(message.contains(QString::number(schema::latestVersion())), qPrintable(message));
    QCOMPARE(Snapshot::of(path), before);

    expectError([&] { CaseFile::openReadOnly(path, secret()); }, ErrorKind::NewerVersion);
    QCOMPARE(Snapshot::of(path), before);

    // And migrate() itself refuses to touch it.
    db::Database raw = rawKeyed(path);
    expectError([&] { schema::migrate(raw); }, ErrorKind::NewerVersion);
    QCOMPARE(raw.scalar("PRAGMA user_version").toLongLong(), qint64(newer));
}

void TestCaseFile::migrations_data()
{
    QTest::addColumn<int>("from");
    for (int k = 0; k < schema::latestVersion(); ++k)
        QTest::addRow("from schema %d", k) << k;
}

void TestCaseFile::migrations()
{
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.caseboard"_s);
    const QString badge = u"OLD-%1"_s.arg(from);
    {
        db::Database db = rawKeyed(path, db::OpenMode::ReadWriteCreate);
        db.execScript("PRAGMA application_id = " + std::to_string(kApplicationIdByHand));
        schema::migrate(db, from);
        QCOMPARE(schema::currentVersion(db), from);
        if (from >= 1) {
            // Data as a CaseBoard of that version wrote it: the row and its audit 'create' snapshot.
            db::Statement ins = db.prepare("INSERT INTO members (name, badge, role) VALUES (?1, ?2, 'detective')");
            ins.bindAll(u"Old Timer"_s, badge);
            ins.run();
            std::string snapshot = "json_object(";
            db::Statement cols = db.prepare("SELECT name FROM pragma_table_info('members')");
            bool first = true;
            while (cols.step()) {
                const std::string c = cols.text(0).toStdString();
                snapshot += (first ? "'" : ", '") + c + "', " + c;
                first = false;
            }
            snapshot += ")";
            db.execScript("INSERT INTO audit (at, actor, action, entity, entity_id, new_value) "
                          "SELECT 1700000000000, 'system:old', 'create', 'member', id, " +
                          snapshot + " FROM members");
            if (from >= 3) // from schema 3 on, CaseBoard links each entry into the hash chain
                db.execScript("DROP TRIGGER audit_no_update; UPDATE audit SET hash = cb_sha256(char(10) || "
                              "json_array(id, at, actor_id, actor, action, entity, entity_id, case_id, field, "
                              "old_value, new_value)); CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
                              "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;");
        }
    }

    {
        auto file = CaseFile::open(path, secret());
        QCOMPARE(file->schemaVersion(), schema::latestVersion());
        const QList<CaseFile::Check> checks = file->verify();
        for (const auto &c : checks)
            QVERIFY2(c.ok, qPrintable(describe(checks)));
        if (from >= 1) {
            FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
            CaseStore store(*file, clock);
            const auto m = store.memberByBadge(badge);
            QVERIFY(m);
            QCOMPARE(m->name, u"Old Timer"_s);
            QCOMPARE(m->role, Role::Detective);
            QVERIFY(m->active);
        }
        // A migrated file takes new data like a new one.
        FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
        CaseStore store(*file, clock);
        addSampleCase(store);
        QCOMPARE(store.caseCount(), 1);
    }
    QCOMPARE(rawKeyed(path).scalar("PRAGMA user_version").toLongLong(), qint64(schema::latestVersion()));
}

void TestCaseFile::checksNeedNoTemporaryTables()
{
    // Schema 5 writes `x IN ('a', 'b', 'c')` CHECKs as OR-ed equalities: SQLite builds a temporary
    // b-tree for such an IN list at every INSERT (OP_OpenEphemeral), a fifth of an import's time.
    // An INSERT of every column into every table must need none, and the checks must still refuse.
    QTemporaryDir dir;
    Fixture f(dir.path());
    addSampleCase(*f.store);
    db::Database raw = rawKeyed(f.path);
    QStringList tables;
    {
        db::Statement t = raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'");
        while (t.step())
            tables << t.text(0);
    }
    QVERIFY(tables.contains(u"cases"_s) && tables.contains(u"audit"_s));
    for (const QString &table : tables) {
        QStringList cols, params;
        db::Statement c = raw.prepare(u"SELECT name FROM pragma_table_info('%1')"_s.arg(table).toStdString());
        while (c.step()) {
            cols << c.text(0);
            params << u"?"_s;
        }
        db::Statement explain = raw.prepare(
            u"EXPLAIN INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, cols.join(u", "_s), params.join(u", "_s)).toStdString());
        while (explain.step())
            QVERIFY2(explain.text(1) != u"OpenEphemeral"_s, qPrintable(u"an INSERT into %1 builds a temporary table"_s.arg(table)));
    }
    const auto refused = [&](const char *sql) {
        try {
            raw.execScript(sql);
        } catch (const Error &e) {
            return e.message().contains(u"CHECK constraint failed"_s);
        }
        return false;
    };
    QVERIFY(refused("UPDATE cases SET weapon = 'bazooka'"));
    QVERIFY(refused("UPDATE cases SET circumstance = 'Argument'"));
    QVERIFY(refused("UPDATE victims SET race = ''"));
    QVERIFY(refused("UPDATE members SET role = 'chief'"));
    raw.execScript("UPDATE cases SET weapon = 'knife', exceptional_code = NULL"); // allowed values pass
    QVERIFY(refused("INSERT INTO audit (at, actor, action, entity, hash) VALUES (0, 'x', 'y', 'z', "
                    "'ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789')")); // upper case
    QVERIFY(refused("INSERT INTO audit (at, actor, action, entity, hash) VALUES (0, 'x', 'y', 'z', "
                    "'g0cdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789')")); // not hex
    QVERIFY(refused("INSERT INTO audit (at, actor, action, entity, hash) VALUES (0, 'x', 'y', 'z', 'abcd')"));
}

void TestCaseFile::createRefusesExistingPath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"existing.caseboard"_s);
    writeFile(path, QByteArray("precious bytes"));
    const Snapshot before = Snapshot::of(path);
    const QString message = expectError([&] { CaseFile::create(path, secret()); }, ErrorKind::AlreadyExists);
    QVERIFY2(message.contains(path), qPrintable(message));
    QCOMPARE(Snapshot::of(path), before);
    QCOMPARE(readAll(path), QByteArray("precious bytes"));

    // An empty file is still someone's file.
    const QString empty = dir.filePath(u"empty.caseboard"_s);
    writeFile(empty, QByteArray());
    expectError([&] { CaseFile::create(empty, secret()); }, ErrorKind::AlreadyExists);
    QCOMPARE(fileSize(empty), 0);

    // An existing case file, too.
    makeCaseFileWithData(dir.path(), u"case.caseboard"_s);
    const QString casePath = dir.filePath(u"case.caseboard"_s);
    const Snapshot caseBefore = Snapshot::of(casePath);
    expectError([&] { CaseFile::create(casePath, secret()); }, ErrorKind::AlreadyExists);
    QCOMPARE(Snapshot::of(casePath), caseBefore);
    QVERIFY(CaseFile::open(casePath, secret()));
}

void TestCaseFile::createPassphrasePolicy_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("says"); // empty: accepted
    QTest::newRow("too short (11)") << u"abcdefghijk"_s << u"at least 12"_s;
    QTest::newRow("empty") << QString() << u"at least 12"_s;
    QTest::newRow("exactly 12") << u"abcdefghijkl"_s << QString();
    // Counted in code points, not UTF-16 units: 11 emoji are 22 units but still too short.
    const QString key = u"\U0001F511"_s;
    QTest::newRow("11 emoji") << key.repeated(11) << u"at least 12"_s;
    QTest::newRow("12 emoji") << key.repeated(12) << QString();
    // No passphrase reaches SQLCipher as a key any more: the raw-key shape is a passphrase.
    QTest::newRow("raw key shape") << u"x'00ff00ff00ff00ff00ff'"_s << QString();
    QTest::newRow("raw key shape, not hex") << u"x'four rivers meet at dawn'"_s << QString();
    QTest::newRow("raw key shape, upper case") << u"X'00FF00FF00FF00FF'"_s << QString();
    QTest::newRow("blocklisted") << u"password1234"_s << u"commonly used"_s;
    QTest::newRow("blocklisted, other case") << u"PassWord1234"_s << u"commonly used"_s;
    QTest::newRow("blocklisted phrase") << u"correct horse battery staple"_s << u"commonly used"_s;
    QTest::newRow("good phrase") << u"four rivers meet at dawn"_s << QString();
}

void TestCaseFile::createPassphrasePolicy()
{
    QFETCH(QString, passphrase);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"new.caseboard"_s);
    QCOMPARE(PassphrasePolicy::check(passphrase).isEmpty(), says.isEmpty());
    if (says.isEmpty()) {
        auto file = CaseFile::create(path, secret(passphrase));
        QVERIFY(file);
        file.reset();
        QVERIFY(CaseFile::open(path, secret(passphrase)));
        return;
    }
    const QString message = expectError([&] { CaseFile::create(path, secret(passphrase)); }, ErrorKind::Invalid);
    QVERIFY2(message.contains(says, Qt::CaseInsensitive), qPrintable(message));
    QCOMPARE(message, PassphrasePolicy::check(passphrase));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(walPath(path)));
}

void TestCaseFile::secondWriterWaits()
{
    QTemporaryDir dir;
    makeCaseFileWithData(dir.path());
    const QString path = dir.filePath(u"test.caseboard"_s);
    auto holderFile = CaseFile::open(path, secret());
    auto writerFile = CaseFile::open(path, secret());
    FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
    CaseStore writer(*writerFile, clock);
    // A connection that does not wait, to show that the lock really is held.
    db::Database impatient = rawKeyed(path);
    impatient.setBusyTimeout(0);
    QCOMPARE(impatient.scalar("SELECT count(*) FROM members").toLongLong(), 2);

    std::promise<void> locked, checked;
    std::future<void> lockedF = locked.get_future();
    std::future<void> checkedF = checked.get_future();
    std::atomic<bool> holderCommitted{false};
    std::thread holder([&] {
        try {
            holderFile->db().execScript("BEGIN IMMEDIATE");
            holderFile->db().execScript("INSERT INTO settings (key, value) VALUES ('holder', 1)");
            locked.set_value();
            checkedF.wait();
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            holderFile->db().execScript("COMMIT");
            holderCommitted = true;
        } catch (...) {
            locked.set_value();
        }
    });
    lockedF.wait();
    expectError([&] { impatient.execScript("BEGIN IMMEDIATE"); }, ErrorKind::Busy);
    checked.set_value();

    // This write has to wait for the holder's COMMIT: it must wait, not fail.
    Id id = 0;
    try {
        id = writer.addMember({0, u"Lee Park"_s, u"D-900"_s, u"Detective"_s, u"Team 2"_s, Role::Detective, true});
    } catch (const Error &e) {
        holder.join();
        QFAIL(qPrintable(u"the second writer failed: "_s + e.message()));
    }
    holder.join();
    QVERIFY(holderCommitted);
    QVERIFY(id > 0);
    QCOMPARE(writerFile->db().scalar("SELECT value FROM settings WHERE key = 'holder'").toLongLong(), 1);
    QCOMPARE(writerFile->db().scalar("SELECT count(*) FROM members").toLongLong(), 3);
}

void TestCaseFile::verifyFreshFileWithData()
{
    QTemporaryDir dir;
    Fixture f(dir.path());
    CaseStore &store = *f.store;
    const SampleCase s = addSampleCase(store);
    CasePerson suspect;
    suspect.caseId = s.caseId;
    suspect.name = u"Person Two"_s;
    suspect.age = 31;
    const Id personId = store.addPerson(suspect);
    Arrest a;
    a.caseId = s.caseId;
    a.personId = personId;
    a.date = QDate(2024, 4, 1);
    a.charges = u"first-degree murder"_s;
    a.arrestingMemberId = s.detective;
    const Id arrestId = store.addArrest(a);
    store.setProsecution(arrestId, ProsecutionStatus::Approved, QDate(2024, 4, 2));
    store.clearByArrest(s.caseId, QDate(2024, 4, 2), s.detective);
    store.reopen(s.caseId, QDate(2024, 5, 1), u"new evidence"_s);
    store.assign(s.caseId, s.sergeant, AssignmentRole::Primary, QDate(2024, 5, 2), u"rebalance"_s);
    Lead l;
    l.caseId = s.caseId;
    l.description = u"Check the corner store video"_s;
    l.source = LeadSource::Video;
    l.createdDate = QDate(2024, 5, 3);
    l.dueDate = QDate(2024, 5, 10);
    l.id = store.addLead(l);
    l.status = LeadStatus::Completed;
    l.completedDate = QDate(2024, 5, 9);
    l.result = u"Nothing useful"_s;
    store.updateLead(l);
    const Id note = store.addNote(s.caseId, u"First note"_s);
    store.addNote(s.caseId, u"Correction of the first note"_s, note);
    CaseRecord c = *store.caseById(s.caseId);
    c.summary = u"Updated summary"_s;
    c.domestic = true;
    store.updateCase(c);
    Member m = *store.member(s.detective);
    m.active = false;
    store.updateMember(m);

    const QList<CaseFile::Check> checks = f.file->verify();
    QCOMPARE(checks.size(), 7);
    for (const QString &name : {u"SQLite integrity"_s, u"cipher integrity (HMAC of every page)"_s,
                                u"schema version"_s, u"foreign keys"_s, u"derived tables"_s, u"audit chain"_s,
                                u"audit completeness"_s}) {
        const CaseFile::Check *check = findCheck(checks, name);
        QVERIFY2(check, qPrintable(name));
        QVERIFY2(check->ok, qPrintable(describe(checks)));
        QVERIFY(check->problems.isEmpty());
    }

    // The same on the read-only path that `caseboard-cli verify` takes, after closing.
    f.store.reset();
    f.file.reset();
    auto ro = CaseFile::openReadOnly(f.path, secret());
    for (const auto &check : ro->verify())
        QVERIFY2(check.ok, qPrintable(check.name + u": "_s + check.problems.join(u" | "_s)));
}

void TestCaseFile::verifyFindsDerivedTableOutOfStep()
{
    // derived_case_activity is kept by a trigger; a raw edit that bypasses it is reported.
    QTemporaryDir dir;
    Fixture f(dir.path());
    const SampleCase s = addSampleCase(*f.store);
    {
        db::Database raw = rawKeyed(f.path);
        const qint64 last = raw.scalar("SELECT last_at FROM derived_case_activity WHERE case_id = 1").toLongLong();
        QCOMPARE(last, f.clock.nowMs()); // the trigger kept it: the sample case's last audit time
        db::Statement upd = raw.prepare("UPDATE derived_case_activity SET last_at = last_at - 1 WHERE case_id = ?1");
        upd.bind(1, s.caseId);
        upd.run();
        QCOMPARE(raw.changes(), 1);
    }
    const QList<CaseFile::Check> checks = f.file->verify();
    const CaseFile::Check *derived = findCheck(checks, u"derived tables"_s);
    QVERIFY(derived);
    QVERIFY(!derived->ok);
    QVERIFY2(derived->problems.join(u" "_s).contains(u"case %1"_s.arg(s.caseId)), qPrintable(describe(checks)));
}

void TestCaseFile::verifyFindsChangesOutsideCaseBoard()
{
    QTemporaryDir dir;
    Fixture f(dir.path());
    const SampleCase s = addSampleCase(*f.store);
    const Id victimId = f.store->victims(s.caseId).first().id;
    {
        db::Database raw = rawKeyed(f.path);
        db::Statement upd = raw.prepare("UPDATE cases SET summary = ?1 WHERE id = ?2");
        upd.bindAll(u"rewritten quietly"_s, s.caseId);
        upd.run();
        QCOMPARE(raw.changes(), 1);
        db::Statement upd2 = raw.prepare("UPDATE victims SET age = 25 WHERE id = ?1");
        upd2.bind(1, victimId);
        upd2.run();
        QCOMPARE(raw.changes(), 1);
    }
    const QList<CaseFile::Check> checks = f.file->verify();
    const CaseFile::Check *audit = findCheck(checks, u"audit completeness"_s);
    QVERIFY(audit);
    QVERIFY(!audit->ok);
    QCOMPARE(audit->problems.size(), 2);
    const QString caseProblem = audit->problems.filter(u"cases"_s).value(0);
    QVERIFY2(caseProblem.contains(u"cases %1"_s.arg(s.caseId)), qPrintable(audit->problems.join(u" | "_s)));
    QVERIFY2(caseProblem.contains(u"summary"_s), qPrintable(caseProblem));
    const QString victimProblem = audit->problems.filter(u"victims"_s).value(0);
    QVERIFY2(victimProblem.contains(u"victims %1"_s.arg(victimId)), qPrintable(audit->problems.join(u" | "_s)));
    QVERIFY2(victimProblem.contains(u"age"_s), qPrintable(victimProblem));
    // The other checks are unaffected: the file itself is sound.
    for (const auto &c : checks)
        if (c.name != u"audit completeness"_s)
            QVERIFY2(c.ok, qPrintable(describe(checks)));
}

void TestCaseFile::verifyFindsRowWithoutCreateEntry()
{
    QTemporaryDir dir;
    Fixture f(dir.path());
    const SampleCase s = addSampleCase(*f.store);
    {
        db::Database raw = rawKeyed(f.path);
        db::Statement ins = raw.prepare("INSERT INTO victims (case_id, name) VALUES (?1, 'slipped in')");
        ins.bind(1, s.caseId);
        ins.run();
    }
    const QList<CaseFile::Check> checks = f.file->verify();
    const CaseFile::Check *audit = findCheck(checks, u"audit completeness"_s);
    QVERIFY(audit);
    QVERIFY(!audit->ok);
    QCOMPARE(audit->problems.size(), 1);
    QVERIFY2(audit->problems.first().contains(u"victims"_s) && audit->problems.first().contains(u"create"_s),
             qPrintable(audit->problems.first()));
}

void TestCaseFile::appendOnlyTriggers_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QByteArray>("count"); // must be unchanged
    QTest::newRow("update audit") << QByteArray("UPDATE audit SET actor = 'someone else' WHERE id = 1")
                                  << QByteArray("SELECT count(*) FROM audit WHERE actor = 'someone else'");
    QTest::newRow("delete audit") << QByteArray("DELETE FROM audit WHERE id = 1") << QByteArray("SELECT count(*) FROM audit");
    QTest::newRow("update note") << QByteArray("UPDATE notes SET body = 'softened'")
                                 << QByteArray("SELECT count(*) FROM notes WHERE body = 'softened'");
    QTest::newRow("delete note") << QByteArray("DELETE FROM notes") << QByteArray("SELECT count(*) FROM notes");
    QTest::newRow("update status change") << QByteArray("UPDATE status_changes SET effective_date = '2024-01-01'")
                                          << QByteArray("SELECT count(*) FROM status_changes WHERE effective_date = '2024-01-01'");
    QTest::newRow("delete status change") << QByteArray("DELETE FROM status_changes")
                                          << QByteArray("SELECT count(*) FROM status_changes");
    QTest::newRow("delete case") << QByteArray("DELETE FROM cases") << QByteArray("SELECT count(*) FROM cases");
    QTest::newRow("rewrite assignment") << QByteArray("UPDATE assignments SET member_id = member_id + 1")
                                        << QByteArray("SELECT sum(member_id) FROM assignments");
    QTest::newRow("delete assignment") << QByteArray("DELETE FROM assignments")
                                       << QByteArray("SELECT count(*) FROM assignments");
}

void TestCaseFile::appendOnlyTriggers()
{
    QFETCH(QByteArray, sql);
    QFETCH(QByteArray, count);
    QTemporaryDir dir;
    Fixture f(dir.path());
    const SampleCase s = addSampleCase(*f.store);
    f.store->addNote(s.caseId, u"A note"_s);
    const std::string countSql = count.toStdString();
    db::Database raw = rawKeyed(f.path);
    raw.execScript("PRAGMA foreign_keys = ON");
    const qint64 before = raw.scalar(countSql).toLongLong();
    const QString message = expectError([&] { raw.execScript(sql.toStdString()); }, ErrorKind::Invalid);
    QVERIFY2(message.contains(u"append-only"_s) || message.contains(u"never"_s), qPrintable(message));
    QCOMPARE(raw.scalar(countSql).toLongLong(), before);
    QCOMPARE(f.file->db().scalar(countSql).toLongLong(), before);
}

QTEST_GUILESS_MAIN(TestCaseFile)
#include "tst_casefile.moc"
