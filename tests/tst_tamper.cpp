// Damage to a case file with key slots that the other suites do not reach (issue #4, "Tampering
// and damage"). The key header takes the first 128 KiB of the file, so tst_casefile's truncations
// to 15, 16 and 4095 bytes all cut the header; here the cuts also fall just after it, at and
// around the first page, at half the database and one page short of its end, and the header is
// glued onto pages that are not its own. Each such file is refused on opening, for reading and
// for work, with an error of a kind the app offers a restore from backup for (Damaged,
// NotACaseFile, WrongPassphrase; ui/UnlockWindow.cpp) whose message names the file and, when it
// is damaged, says to restore it from a backup; nothing is shown from it, and not a byte of it
// or of its folder changes. scripts/asan.sh runs this under AddressSanitizer.
//
// Covered elsewhere: truncations inside the header, byte flips in the first, a middle and the
// last page, a plain SQLite file and a random file without key slots (tst_casefile); swapped and
// zeroed pages and damage deep in a large file, read back through every b-tree (tst_durability);
// damaged and torn header copies (tst_keyheader).

#include "TestSupport.h"

#include "model/auth/SignInLog.h"
#include "model/storage/CaseFile.h"
#include "model/storage/ContainerVfs.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace cb;
using namespace cb::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kPage = 4096;
constexpr qint64 kHeader = container::kHeaderSize;

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray out(n, '\0');
    QRandomGenerator gen(seed);
    for (char &c : out)
        c = char(gen.bounded(256));
    return out;
}

QStringList listing(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

} // namespace

class TestTamper : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;
    QString m_good; // a closed case file with key slots: the header, then many pages
    QString m_other; // another one, under another key (each file's database key is random)
    QString m_plain; // an unencrypted SQLite database of several pages

private slots:
    void initTestCase();
    void refused_data();
    void refused();
};

void TestTamper::initTestCase()
{
    QVERIFY(m_work.isValid());
    for (const QString &name : {u"good.caseboard"_s, u"other.caseboard"_s}) {
        Fixture f(m_work.path(), name);
        const SampleCase s = addSampleCase(*f.store);
        f.store->batch([&] {
            for (int i = 0; i < 150; ++i)
                f.store->addNote(s.caseId, u"Follow-up %1: the neighbour heard two voices before midnight. "_s.arg(i) +
                                               QString(120, QChar(u'a' + i % 26)));
        });
        (name.startsWith(u"good"_s) ? m_good : m_other) = f.path;
    }
    m_plain = m_work.filePath(u"plain.db"_s);
    {
        // With SQLCipher, a connection that is never keyed is plain SQLite.
        db::Database plain = db::Database::open(m_plain, db::OpenMode::ReadWriteCreate);
        plain.execScript("CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < 400) INSERT INTO t SELECT printf('row %d of a plain database', i) FROM n;");
    }
    for (const QString &p : {m_good, m_other, m_plain})
        QVERIFY2(!QFileInfo::exists(p + u"-wal"_s), qPrintable(p)); // closed cleanly: one file each
    // The shape the rows below are worked out for: the header, then at least 16 whole pages.
    const qint64 size = QFileInfo(m_good).size();
    QCOMPARE(CaseFile::databaseOffset(m_good), kHeader);
    QCOMPARE((size - kHeader) % kPage, 0);
    QVERIFY2(size - kHeader >= 16 * kPage, qPrintable(QString::number(size)));
    QCOMPARE(readAll(m_plain).left(16), QByteArray("SQLite format 3\0", 16));
    QVERIFY(QFileInfo(m_plain).size() >= 4 * kPage);
    // The good file opens, so whatever is refused below is refused for the damage.
    QVERIFY(CaseFile::openReadOnly(m_good, secret()));
}

void TestTamper::refused_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says"); // a word the message must hold

    const int damaged = int(ErrorKind::Damaged);
    // Cut inside the key header: told by the size before any key is tried.
    QTest::newRow("truncated to 0 bytes") << u"cut 0"_s << int(ErrorKind::NotACaseFile) << u"empty"_s;
    QTest::newRow("truncated to 15 bytes") << u"cut 15"_s << damaged << u"truncated"_s;
    QTest::newRow("truncated to 16 bytes") << u"cut 16"_s << damaged << u"truncated"_s;
    QTest::newRow("truncated to 4095 bytes") << u"cut 4095"_s << damaged << u"truncated"_s;
    QTest::newRow("truncated to one header copy") << u"cut 65536"_s << damaged << u"truncated"_s;
    QTest::newRow("truncated to the key header") << u"cut 131072"_s << damaged << u"truncated"_s;
    // Cut in the database: a partial page by the size, whole pages by page 1's own page count.
    QTest::newRow("header + 15 bytes") << u"cut header+15"_s << damaged << u"truncated"_s;
    QTest::newRow("header + 16 bytes") << u"cut header+16"_s << damaged << u"truncated"_s;
    QTest::newRow("header + 4095 bytes") << u"cut header+4095"_s << damaged << u"truncated"_s;
    QTest::newRow("header + one page") << u"cut header+4096"_s << damaged << u"damaged"_s;
    QTest::newRow("header + 4097 bytes") << u"cut header+4097"_s << damaged << u"truncated"_s;
    QTest::newRow("header + half the pages") << u"cut half"_s << damaged << u"damaged"_s;
    QTest::newRow("half the file, to the byte") << u"cut half bytes"_s << damaged << u"damaged"_s;
    QTest::newRow("last page missing") << u"cut last"_s << damaged << u"damaged"_s;
    // The header opens (the passphrase is right) but the pages are not the ones it keys.
    QTest::newRow("byte flip, first page") << u"flip first"_s << damaged << u"first page"_s;
    QTest::newRow("pages 1 and 2 swapped") << u"swap 1 2"_s << damaged << u"first page"_s;
    QTest::newRow("header over another case file's pages") << u"header over other"_s << damaged << u"first page"_s;
    QTest::newRow("header over a plain SQLite file") << u"header over plain"_s << damaged << u"first page"_s;
    // No usable header.
    QTest::newRow("byte flips in both header copies") << u"flip header"_s << damaged << u"key slots"_s;
    QTest::newRow("random bytes after the header magic") << u"random magic"_s << damaged << u"key slots"_s;
    // Not a case file at all. Random bytes cannot be told from an old-format file under another
    // passphrase: both fail page 1's HMAC.
    QTest::newRow("plain SQLite file") << u"plain"_s << int(ErrorKind::NotACaseFile) << u"unencrypted"_s;
    QTest::newRow("random file, header and 8 pages long")
        << u"random"_s << int(ErrorKind::WrongPassphrase) << u"passphrase"_s;
}

void TestTamper::refused()
{
    QFETCH(QString, how);
    QFETCH(int, kind);
    QFETCH(QString, says);
    QTemporaryDir dir(m_work.filePath(u"row-XXXXXX"_s));
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"case.caseboard"_s);
    const QByteArray good = readAll(m_good);
    const qint64 pages = (good.size() - kHeader) / kPage;
    auto page = [&](const QByteArray &file, qint64 n) { return file.mid(kHeader + (n - 1) * kPage, kPage); };

    QByteArray bytes;
    if (how.startsWith(u"cut "_s)) {
        const QString at = how.mid(4);
        qint64 size = 0;
        if (at == u"half"_s)
            size = kHeader + pages / 2 * kPage;
        else if (at == u"half bytes"_s)
            size = good.size() / 2;
        else if (at == u"last"_s)
            size = good.size() - kPage;
        else if (at.startsWith(u"header+"_s))
            size = kHeader + at.mid(7).toLongLong();
        else
            size = at.toLongLong();
        QVERIFY(size >= 0 && size < good.size());
        bytes = good.left(size);
    } else if (how == u"flip first"_s) {
        bytes = good;
        for (qint64 i = kHeader + 1000; i < kHeader + 1008; ++i)
            bytes[i] = char(~bytes[i]);
    } else if (how == u"swap 1 2"_s) {
        bytes = good.left(kHeader) + page(good, 2) + page(good, 1) + good.mid(kHeader + 2 * kPage);
    } else if (how == u"header over other"_s) {
        bytes = good.left(kHeader) + readAll(m_other).mid(kHeader);
    } else if (how == u"header over plain"_s) {
        bytes = good.left(kHeader) + readAll(m_plain);
    } else if (how == u"flip header"_s) {
        bytes = good;
        // Inside each copy's slots, past its magic: both copies fail their digest.
        for (const qint64 at : {qint64(300), kHeader / 2 + 300})
            bytes[at] = char(~bytes[at]);
    } else if (how == u"random magic"_s) {
        bytes = good.left(8) + randomBytes(good.size() - 8, 4004);
    } else if (how == u"plain"_s) {
        bytes = readAll(m_plain);
    } else if (how == u"random"_s) {
        bytes = randomBytes(kHeader + 8 * kPage, 4005);
    } else {
        QFAIL(qPrintable(u"unknown row "_s + how));
    }
    writeAll(path, bytes);
    if (QTest::currentTestFailed())
        return;
    const QByteArray before = fileChecksum(path);
    const QStringList filesBefore = listing(dir.path());

    for (const bool readOnly : {true, false}) {
        const QString mode = readOnly ? u"read-only: "_s : u"for work: "_s;
        try {
            std::unique_ptr<CaseFile> file =
                readOnly ? CaseFile::openReadOnly(path, secret()) : CaseFile::open(path, secret());
            QFAIL(qPrintable(mode + u"the damaged file opened"_s));
        } catch (const Error &e) {
            QVERIFY2(int(e.kind()) == kind, qPrintable(mode + u"kind %1, expected %2: "_s.arg(int(e.kind())).arg(kind) +
                                                      e.message()));
            QVERIFY2(e.message().contains(path), qPrintable(mode + e.message()));
            QVERIFY2(e.message().contains(says, Qt::CaseInsensitive), qPrintable(mode + e.message()));
            if (e.kind() == ErrorKind::Damaged)
                QVERIFY2(e.message().contains(u"Restore it from a backup"_s) ||
                             e.message().contains(u"Restore the file from a backup"_s),
                         qPrintable(mode + e.message()));
            // One line: the app shows it in a message box, the CLI on one line of stderr.
            QVERIFY2(!e.message().contains(u'\n'), qPrintable(mode + e.message()));
            // In the reader's words: no SQL, no SQLite jargon.
            for (const QString &jargon : {u"SELECT"_s, u"sqlite_master"_s, u"malformed"_s, u"disk image"_s})
                QVERIFY2(!e.message().contains(jargon), qPrintable(mode + e.message()));
        }
        QCOMPARE(fileChecksum(path), before);
        QStringList files = listing(dir.path());
        // A refused passphrase may be counted in the sign-in record beside the file, for the
        // lockout (model/auth/SignInLog.h); nothing else may appear.
        if (kind == int(ErrorKind::WrongPassphrase))
            files.removeAll(QFileInfo(auth::SignInLog::pathFor(path)).fileName());
        QCOMPARE(files, filesBefore);
    }
}

QTEST_GUILESS_MAIN(TestTamper)
#include "tst_tamper.moc"
