// The case file under hostile conditions: a writer killed at random moments (every acknowledged
// action survives, whole), the search for plaintext anywhere on disk (the file, its log, SQLite's
// temporary files), and damage that tst_casefile does not cover (swapped pages, a damaged page in a
// larger file) — refused or reported, never returned as data, and the file never changed.

#include "TestSupport.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <map>
#include <optional>
#include <unistd.h>

using namespace cb;
using namespace cb::test;
using namespace Qt::StringLiterals;

namespace {

// Set in main() before the first SQLite call: sqlite3_os_init reads TMPDIR (and SQLITE_TMPDIR)
// once, so SQLite's temporary files, if it ever made any, would land in a directory of our own.
QString g_systemTemp; // where the tests' own directories go
QString g_sqliteTemp; // where SQLite would put temporary files

QString newTestDirTemplate()
{
    return g_systemTemp + u"/tst_durability-XXXXXX"_s;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString describe(const QList<CaseFile::Check> &checks)
{
    QString out;
    for (const auto &c : checks)
        out += c.name + (c.ok ? u": ok; "_s : u": "_s + c.problems.join(u" | "_s) + u"; "_s);
    return out;
}

const CaseFile::Check *findCheck(const QList<CaseFile::Check> &checks, const QString &name)
{
    for (const auto &c : checks)
        if (c.name == name)
            return &c;
    return nullptr;
}

// The checks of verify() these tests rely on (it may run more).
const QStringList kRequiredChecks
    = { u"SQLite integrity"_s, u"cipher integrity (HMAC of every page)"_s, u"foreign keys"_s, u"audit completeness"_s };

QString quoted(const QString &identifier)
{
    return u'"' + QString(identifier).replace(u'"', u"\"\""_s) + u'"';
}

// --- crash test ------------------------------------------------------------------------------

QString crashWriterPath()
{
    const QString fromCtest = qEnvironmentVariable("CASEBOARD_CRASH_WRITER");
    return fromCtest.isEmpty() ? QCoreApplication::applicationDirPath() + u"/crash_writer"_s : fromCtest;
}

int crashRuns()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("CASEBOARD_DURABILITY_RUNS", &ok);
    return ok && n > 0 ? n : 200;
}

// What crash_writer writes for row N (see its header): which tables hold it.
struct RowShape {
    bool note = false;
    bool lead = false;
    bool operator==(const RowShape &) const = default;
};

RowShape expectedShape(qint64 n)
{
    if (n % 10 == 3)
        return { true, true };
    if (n % 5 == 0)
        return { false, true };
    return { true, false };
}

// Parses "row N sha256=<hex> payload N ...", checking the checksum; the row number, or an error.
std::optional<qint64> parseRow(const QString &text, QString *error)
{
    static const QRegularExpression shape(u"^row (\\d+) sha256=([0-9a-f]{64}) (payload (\\d+) [a-z]+)$"_s);
    const auto m = shape.match(text);
    if (!m.hasMatch()) {
        *error = u"malformed row: "_s + text.left(80);
        return std::nullopt;
    }
    const qint64 n = m.captured(1).toLongLong();
    if (m.captured(4).toLongLong() != n) {
        *error = u"row %1 holds the payload of row %2"_s.arg(n).arg(m.captured(4));
        return std::nullopt;
    }
    const QByteArray sum = QCryptographicHash::hash(m.captured(3).toUtf8(), QCryptographicHash::Sha256).toHex();
    if (QString::fromLatin1(sum) != m.captured(2)) {
        *error = u"row %1: checksum mismatch (payload of %2 characters)"_s.arg(n).arg(m.captured(3).size());
        return std::nullopt;
    }
    return n;
}

// --- plaintext search ------------------------------------------------------------------------

// The canary in every form it could take on disk: UTF-8, UTF-16 in both byte orders, and
// overlapping 16-character windows, so that a copy split across two pages is still found.
QList<QByteArray> needlesFor(const QString &canary)
{
    QList<QByteArray> out;
    auto add = [&](const QString &s) {
        out << s.toUtf8();
        QByteArray le, be;
        for (const QChar c : s) {
            le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
            be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
        }
        out << le << be;
    };
    add(canary);
    for (qsizetype at = 0; at + 16 <= canary.size(); at += 12)
        add(canary.mid(at, 16));
    add(canary.right(16));
    return out;
}

// Where in `bytes` one of the needles occurs, or an empty string.
QString findNeedle(const QByteArray &bytes, const QList<QByteArray> &needles)
{
    for (const QByteArray &n : needles)
        if (const qsizetype at = bytes.indexOf(n); at >= 0)
            return u"at byte %1"_s.arg(at);
    return {};
}

// Every regular file under dir, recursively.
QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    return out;
}

// SQLite's temporary files that this process holds open: under dir, where TMPDIR points, or
// deleted anywhere else. SQLite unlinks a temporary file as soon as it opens it, so a listing of
// the directory never shows one: only /proc/self/fd does, and only while it is open.
struct OpenFile {
    QString fd; // /proc/self/fd/N, readable while the descriptor is open
    QString target; // where it points
};
QList<OpenFile> openTemporaryFiles(const QString &dir)
{
    QList<OpenFile> out;
    const QDir fds(u"/proc/self/fd"_s);
    for (const QString &name : fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        const QString link = fds.filePath(name);
        QByteArray target(4096, '\0');
        const ssize_t n = ::readlink(QFile::encodeName(link).constData(), target.data(), size_t(target.size()));
        if (n <= 0)
            continue;
        target.truncate(n);
        const QString t = QFile::decodeName(target);
        const bool deletedFile = t.startsWith(u'/') && !t.startsWith(u"/memfd:"_s) && t.endsWith(u" (deleted)"_s);
        if (t.startsWith(dir + u'/') || deletedFile)
            out << OpenFile { link, t };
    }
    return out;
}

// A sort of every note with its audit entry: a few MB for a few thousand notes. SQLite's sorter
// keeps a run in memory up to the larger of 1 MB (250 pages) and the page cache's size, then
// writes it to a temporary file, unless temp_store is MEMORY. Under the case file's 64 MB cache
// a sort this size would never spill, so the tests shrink the cache first: then only temp_store
// keeps the sort off the disk (spillWouldBeSeen shows that it would spill otherwise).
constexpr std::string_view kLargeSort = "SELECT n.body, a.new_value FROM notes n JOIN audit a "
                                        "ON a.entity = 'note' AND a.entity_id = n.id ORDER BY n.body DESC, a.id";

// --- tampering -------------------------------------------------------------------------------

constexpr qint64 kPageSize = 4096;

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

// Pages are numbered as SQLite numbers them, from 1, in the database after the key header.
QByteArray readPage(const QString &path, qint64 page)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(CaseFile::databaseOffset(path) + (page - 1) * kPageSize))
        return {};
    return f.read(kPageSize);
}

void writePage(const QString &path, qint64 page, const QByteArray &bytes)
{
    QCOMPARE(bytes.size(), kPageSize);
    const qint64 base = CaseFile::databaseOffset(path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(base + (page - 1) * kPageSize));
    QCOMPARE(f.write(bytes), kPageSize);
}

// One b-tree of the file and a query that reads every page of it (and its overflow pages).
struct Btree {
    QString name;
    std::string scan;
};

QList<Btree> btrees(db::Database &db)
{
    QList<Btree> out;
    out << Btree { u"sqlite_schema"_s, "SELECT * FROM sqlite_schema ORDER BY rowid" };
    db::Statement s = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema "
                                 "WHERE type IN ('table', 'index') AND rootpage > 0 ORDER BY name");
    while (s.step()) {
        const QString type = s.text(0), name = s.text(1), table = s.text(2), sql = s.text(3);
        if (type == u"table"_s) {
            out << Btree { name, QString(u"SELECT * FROM "_s + quoted(name) + u" ORDER BY rowid"_s).toStdString() };
            continue;
        }
        // An index, read on its own: INDEXED BY with only its columns selected is a covering scan.
        QStringList cols;
        db::Statement info = db.prepare("SELECT name FROM pragma_index_info(?1) ORDER BY seqno");
        info.bind(1, name);
        while (info.step())
            cols << quoted(info.text(0));
        // A partial index can only be used by a query whose WHERE implies the index's own.
        const qsizetype where = sql.lastIndexOf(u" WHERE "_s, -1, Qt::CaseInsensitive);
        const QString filter = where >= 0 ? sql.mid(where) : QString();
        const QString scan = u"SELECT "_s + cols.join(u", "_s) + u" FROM "_s + quoted(table) + u" INDEXED BY "_s
            + quoted(name) + filter + u" ORDER BY "_s + cols.join(u", "_s);
        out << Btree { name, scan.toStdString() };
    }
    return out;
}

QStringList runScan(db::Database &db, const std::string &sql)
{
    QStringList rows;
    db::Statement s = db.prepare(sql);
    while (s.step()) {
        QStringList row;
        for (int c = 0; c < s.columnCount(); ++c) {
            const QVariant v = s.value(c);
            row << (v.isNull() ? u"NULL"_s : QString::fromLatin1(v.typeName()) + u':' + v.toString());
        }
        rows << row.join(u'|');
    }
    return rows;
}

// What the store returns for a case's notes and audit trail, as text to compare.
QStringList storeView(CaseStore &store, Id caseId)
{
    QStringList out;
    for (const Note &n : store.notes(caseId))
        out << u"note %1 %2 %3"_s.arg(n.id).arg(n.createdAt).arg(n.body);
    for (const AuditEntry &a : store.auditForCase(caseId))
        out << u"audit %1 %2 %3 %4 %5 %6 %7"_s.arg(a.id)
                   .arg(a.action, a.entity)
                   .arg(a.entityId.value_or(-1))
                   .arg(a.field, a.oldValue.toString(), a.newValue.toString());
    return out;
}

db::Database rawKeyed(const QString &path)
{
    const SecretBytes pass = secret();
    return CaseFile::rawConnection(path, SignIn{QString(), pass}, db::OpenMode::ReadOnly);
}

} // namespace

class TestDurability : public QObject {
    Q_OBJECT

private:
    void checkAfterCrash(const QString &path, const QString &where, qint64 lastAck, qint64 *highest);

private slots:
    void initTestCase();
    void crashRecovery();
    void noPlaintextAtRest();
    void spillWouldBeSeen();
    void tampering_data();
    void tampering();
};

void TestDurability::initTestCase()
{
    QVERIFY(!g_sqliteTemp.isEmpty());
    QCOMPARE(qEnvironmentVariable("TMPDIR"), g_sqliteTemp);
    QVERIFY(QFileInfo(g_sqliteTemp).isDir());
}

// Opens the file after a crash, checks it and everything the writers acknowledged (rows 1..lastAck,
// perhaps one more that was committed but not acknowledged), and sets *highest to the last row.
void TestDurability::checkAfterCrash(const QString &path, const QString &where, qint64 lastAck, qint64 *highest)
{
    std::unique_ptr<CaseFile> file;
    try {
        file = CaseFile::open(path, secret());
    } catch (const Error &e) {
        QFAIL(qPrintable(where + u"the file does not open after the crash: "_s + e.message()));
    }
    const QList<CaseFile::Check> checks = file->verify();
    for (const QString &name : kRequiredChecks)
        QVERIFY2(findCheck(checks, name), qPrintable(where + u"verify() has no check "_s + name));
    for (const auto &c : checks)
        QVERIFY2(c.ok, qPrintable(where + describe(checks)));

    FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
    CaseStore store(*file, clock);
    const auto theCase = store.caseByNumber(u"DUR-0001"_s);
    QVERIFY2(theCase, qPrintable(where + u"the writer's case is missing"_s));
    std::map<qint64, RowShape> rows;
    QString error;
    for (const Note &n : store.notes(theCase->id)) {
        const auto row = parseRow(n.body, &error);
        QVERIFY2(row, qPrintable(where + u"note %1: "_s.arg(n.id) + error));
        QVERIFY2(!rows[*row].note, qPrintable(where + u"row %1 twice in notes"_s.arg(*row)));
        rows[*row].note = true;
    }
    for (const Lead &l : store.leads(theCase->id)) {
        const auto row = parseRow(l.description, &error);
        QVERIFY2(row, qPrintable(where + u"lead %1: "_s.arg(l.id) + error));
        QVERIFY2(!rows[*row].lead, qPrintable(where + u"row %1 twice in leads"_s.arg(*row)));
        rows[*row].lead = true;
    }
    QVERIFY(!rows.empty());
    const qint64 found = rows.rbegin()->first;
    QVERIFY2(found >= lastAck, qPrintable(where + u"acknowledged row %1 lost (highest %2)"_s.arg(lastAck).arg(found)));
    QVERIFY2(found <= lastAck + 1, qPrintable(where + u"row %1 present, last ack %2"_s.arg(found).arg(lastAck)));
    QCOMPARE(rows.begin()->first, qint64(1));
    QCOMPARE(qint64(rows.size()), found); // 1..found, no gaps
    for (const auto &[n, shape] : rows)
        QVERIFY2(shape == expectedShape(n),
            qPrintable(where + u"row %1 is half there (note %2, lead %3)"_s.arg(n).arg(shape.note).arg(shape.lead)));
    *highest = found;
}

void TestDurability::crashRecovery()
{
    const QString writer = crashWriterPath();
    QVERIFY2(QFileInfo(writer).isExecutable(), qPrintable(u"no crash_writer at "_s + writer));
    const int runs = crashRuns();
    QTemporaryDir dir(newTestDirTemplate());
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"crash.caseboard"_s);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CASEBOARD_PASSPHRASE"_s, passphrase());
    QRandomGenerator rng(0x5eed2024);
    const QRegularExpression line(u"^(ready|ack) (\\d+)$"_s);

    // What the file is known to hold: rows 1..highest when the last crash was checked; else at
    // least rows 1..lastAck and perhaps one more.
    qint64 highest = 0, lastAck = 0;
    bool checkPending = false, checkedLast = true;
    qint64 totalAcks = 0, checks = 0, msChecking = 0;
    QElapsedTimer total;
    total.start();

    for (int run = 1; run <= runs; ++run) {
        const QString where = u"run %1: "_s.arg(run);
        const int wantAcks = int(rng.bounded(1, 41));
        const unsigned long extraMicros = rng.bounded(0, 20001);
        // One crash in eight is left for the next writer to recover, unchecked in between.
        const bool checkThis = run == runs || rng.bounded(8) != 0;

        QProcess p;
        p.setProcessEnvironment(env);
        p.setProgram(writer);
        p.setArguments({ path });
        p.start();
        QVERIFY2(p.waitForStarted(30000), qPrintable(where + p.errorString()));

        // The previous crash is checked while this writer unlocks the file: both derive the key
        // (most of the time either takes), on two cores at once. The writer reads but does not
        // write until it is told to go.
        if (checkPending) {
            QElapsedTimer checking;
            checking.start();
            checkAfterCrash(path, where, lastAck, &highest);
            msChecking += checking.elapsed();
            if (QTest::currentTestFailed()) {
                p.kill();
                p.waitForFinished(10000);
                return;
            }
            ++checks;
        }

        QByteArray out;
        std::optional<qint64> ready;
        QList<qint64> acks;
        auto collect = [&] {
            out += p.readAllStandardOutput();
            // Only whole lines count: a line cut by the kill was never fully acknowledged.
            qsizetype nl;
            while ((nl = out.indexOf('\n')) >= 0) {
                const QString text = QString::fromLatin1(out.left(nl));
                out.remove(0, nl + 1);
                const auto m = line.match(text);
                if (m.hasMatch() && m.captured(1) == u"ack"_s)
                    acks << m.captured(2).toLongLong();
                else if (m.hasMatch() && !ready)
                    ready = m.captured(2).toLongLong();
                else
                    QTest::qFail(qPrintable(where + u"unexpected output: "_s + text), __FILE__, __LINE__);
            }
        };
        auto waitFor = [&](auto &&done) {
            while (!done()) {
                if (!p.waitForReadyRead(60000)) {
                    collect();
                    if (done())
                        return;
                    p.kill();
                    p.waitForFinished(10000);
                    QTest::qFail(qPrintable(where
                                     + u"the writer stopped after %1 acks: %2"_s.arg(acks.size())
                                           .arg(QString::fromLocal8Bit(p.readAllStandardError()))),
                        __FILE__, __LINE__);
                    return;
                }
                collect();
                if (QTest::currentTestFailed())
                    return;
            }
        };

        waitFor([&] { return ready.has_value(); });
        if (QTest::currentTestFailed())
            return;
        // The writer numbers on from the highest row in the file.
        if (checkedLast)
            QVERIFY2(*ready == highest + 1,
                qPrintable(where + u"writer starts at %1 after row %2"_s.arg(*ready).arg(highest)));
        else
            QVERIFY2(*ready == lastAck + 1 || *ready == lastAck + 2,
                qPrintable(where + u"writer starts at %1 after ack %2"_s.arg(*ready).arg(lastAck)));
        p.write("go\n");
        QVERIFY(p.waitForBytesWritten(30000));

        waitFor([&] { return acks.size() >= wantAcks; });
        if (QTest::currentTestFailed())
            return;
        QThread::usleep(extraMicros);
        p.kill(); // SIGKILL: no destructor, no checkpoint, no unlock
        QVERIFY2(p.waitForFinished(30000), qPrintable(where + u"the writer did not die"_s));
        collect();
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(p.exitStatus() == QProcess::CrashExit,
            qPrintable(where + u"the writer exited by itself: "_s + QString::fromLocal8Bit(p.readAllStandardError())));
        QCOMPARE(acks.first(), *ready);
        for (qsizetype i = 1; i < acks.size(); ++i)
            QVERIFY2(acks[i] == acks[i - 1] + 1, qPrintable(where + u"acks out of order"_s));
        totalAcks += acks.size();
        lastAck = acks.last();
        checkPending = checkThis;
        checkedLast = checkThis;
    }
    QVERIFY(checkPending);
    checkAfterCrash(path, u"after the last run: "_s, lastAck, &highest);
    if (QTest::currentTestFailed())
        return;
    ++checks;
    qInfo("%d writers killed, %lld crashes checked, %lld rows acknowledged, %lld rows in the file (%lld KB), "
          "%.1f s in all (%.0f ms a run), %.1f s of it opening and checking",
        runs, checks, totalAcks, highest, QFileInfo(path).size() / 1024, double(total.elapsed()) / 1000.0,
        double(total.elapsed()) / runs, double(msChecking) / 1000.0);
}

void TestDurability::noPlaintextAtRest()
{
    QString canary = u"CANARY-4f1b-"_s;
    for (int i = 0; i < 40; ++i)
        canary += QChar(char16_t(u'a' + QRandomGenerator::global()->bounded(26)));
    const QList<QByteArray> needles = needlesFor(canary);
    // The search itself finds the canary in each form, so a clean result means something.
    QVERIFY(!findNeedle("xx" + canary.toUtf8() + "yy", needles).isEmpty());
    QVERIFY(
        !findNeedle(QByteArray::fromRawData(reinterpret_cast<const char *>(canary.utf16()), canary.size() * 2), needles)
             .isEmpty());

    QTemporaryDir dir(newTestDirTemplate());
    QVERIFY(dir.isValid());
    auto fx = std::make_unique<Fixture>(dir.path());
    const QString path = fx->path;
    CaseStore &store = *fx->store;

    addSampleCase(store);
    CaseRecord c;
    c.caseNumber = u"HZ-2024-777"_s;
    c.incidentDate = QDate(2024, 5, 5);
    c.address = canary + u" block of W Example St"_s;
    Victim v;
    v.name = canary;
    v.age = 30;
    const Id caseId = store.createCase(c, { v });
    Lead l;
    l.caseId = caseId;
    l.description = u"Tip line caller names "_s + canary;
    l.source = LeadSource::TipLine;
    l.createdDate = QDate(2024, 5, 6);
    store.addLead(l);
    store.addNote(caseId, u"Neighbour saw "_s + canary + u" leave at 23:50."_s);

    // The store holds it: the searches below look for something that is really there.
    QVERIFY(store.caseById(caseId)->address.startsWith(canary));
    QCOMPARE(store.victims(caseId).value(0).name, canary);
    QVERIFY(store.leads(caseId).value(0).description.endsWith(canary));
    QVERIFY(store.notes(caseId).value(0).body.contains(canary));

    // Every file in the test's directory (the case file, its -wal and -shm) and in SQLite's
    // temporary directory, and every file SQLite holds open there: a description of what was
    // found, or an empty string. `seen` gets the files searched.
    auto scanAtRest = [&](const QString &stage, QStringList *seen = nullptr) -> QString {
        QStringList hits;
        const QStringList files = filesUnder(dir.path()) + filesUnder(g_sqliteTemp);
        for (const QString &f : files)
            if (const QString at = findNeedle(readAll(f), needles); !at.isEmpty())
                hits << f + u' ' + at;
        const QList<OpenFile> open = openTemporaryFiles(g_sqliteTemp);
        for (const OpenFile &o : open)
            if (const QString at = findNeedle(readAll(o.fd), needles); !at.isEmpty())
                hits << o.target + u' ' + at;
        if (seen)
            *seen = files;
        if (!hits.isEmpty())
            return stage + u": the canary in plaintext: "_s + hits.join(u", "_s);
        if (const QStringList temps = filesUnder(g_sqliteTemp); !temps.isEmpty())
            return stage + u": SQLite left temporary files: "_s + temps.join(u", "_s);
        if (!open.isEmpty())
            return stage + u": SQLite has a temporary file open: "_s + open.first().target;
        return QString();
    };
    QString problem;

    QStringList seen;
    problem = scanAtRest(u"after the writes"_s, &seen);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The scan saw the file and its log, not an empty directory.
    QVERIFY(seen.contains(path));
    QVERIFY(seen.contains(path + u"-wal"_s));
    QVERIFY(seen.contains(path + u"-shm"_s));
    QVERIFY(QFileInfo(path + u"-wal"_s).size() > 0);

    // A few thousand notes, some with the canary, then a sort far larger than SQLite's sorter may
    // keep in memory under a small cache: were temp_store not MEMORY, it would spill to a file.
    store.bulk([&] {
        for (int i = 0; i < 3000; ++i)
            store.addNote(caseId,
                u"Canvass sheet %1: no answer at the door, card left; "_s.arg(i, 4, 10, QChar(u'0'))
                    + (i % 100 == 7 ? canary : u"nothing further"_s) + u". "_s + QString(300, u'x'));
    });
    problem = scanAtRest(u"after 3000 notes"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    db::Database &db = fx->file->db();
    QCOMPARE(db.scalar("PRAGMA temp_store").toLongLong(), 2); // MEMORY: set by CaseFile
    db.execScript("PRAGMA cache_size = 20");
    {
        db::Statement sort = db.prepare(kLargeSort);
        QVERIFY(sort.step()); // the sort is done and being read back: a spilled run would be open now
        problem = scanAtRest(u"during a large sort"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        int rows = 1, withCanary = 0;
        while (sort.step()) {
            ++rows;
            withCanary += sort.text(0).contains(canary) ? 1 : 0;
        }
        QCOMPARE(rows, 3001);
        QCOMPARE(withCanary, 30);
    }
    problem = scanAtRest(u"after a large sort"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // VACUUM rebuilds the whole file through a transient database, which temp_store=MEMORY keeps
    // in memory; the rebuilt pages go through the log, encrypted.
    db.execScript("VACUUM");
    problem = scanAtRest(u"after VACUUM"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    db.execScript("PRAGMA cache_size = -65536");
    QCOMPARE(store.notes(caseId).size(), 3001);
    QCOMPARE(store.victims(caseId).value(0).name, canary);

    fx.reset();
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s)); // folded into the file on close
    problem = scanAtRest(u"after closing"_s, &seen);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(seen.contains(path));
    QVERIFY(QFileInfo(path).size() > 1'000'000); // the notes are in there, encrypted

    // And the canary is still there to read with the key.
    auto file = CaseFile::openReadOnly(path, secret());
    db::Statement byName = file->db().prepare("SELECT count(*) FROM victims WHERE name = ?1");
    byName.bind(1, canary);
    QVERIFY(byName.step());
    QCOMPARE(byName.int64(0), 1);
}

void TestDurability::spillWouldBeSeen()
{
    // The control for noPlaintextAtRest: the same sort with temp_store=FILE spills to SQLite's
    // temporary directory, unlinked but open, in plaintext; the scan above would have seen it.
    const QString canary = u"CANARY-spill-control-qwertzuiop"_s;
    const QList<QByteArray> needles = needlesFor(canary);
    QTemporaryDir dir(newTestDirTemplate());
    QVERIFY(dir.isValid());
    Fixture fx(dir.path());
    const SampleCase s = addSampleCase(*fx.store);
    fx.store->bulk([&] {
        for (int i = 0; i < 3000; ++i)
            fx.store->addNote(s.caseId, u"%1 %2 "_s.arg(canary).arg(i) + QString(300, u'y'));
    });
    db::Database &db = fx.file->db();
    // scripts/build-sqlcipher.sh builds with TEMP_STORE=3: temporary storage is always memory,
    // whatever the pragma says, and there is nothing to show.
    if (db.scalar("SELECT count(*) FROM pragma_compile_options WHERE compile_options = 'TEMP_STORE=3'").toLongLong() > 0)
        QSKIP("SQLCipher is built with TEMP_STORE=3: temp_store=FILE cannot spill");
    db.execScript("PRAGMA temp_store = FILE; PRAGMA cache_size = 20;");
    {
        db::Statement sort = db.prepare(kLargeSort);
        QVERIFY(sort.step());
        const QList<OpenFile> spilled = openTemporaryFiles(g_sqliteTemp);
        QVERIFY2(!spilled.isEmpty(), "temp_store=FILE did not spill: the scan could not tell");
        bool plaintext = false;
        for (const OpenFile &o : spilled) {
            // In the directory TMPDIR names: main() redirected SQLite before it started.
            QVERIFY2(o.target.startsWith(g_sqliteTemp + u'/'), qPrintable(o.target));
            plaintext = plaintext || !findNeedle(readAll(o.fd), needles).isEmpty();
        }
        QVERIFY(plaintext);
    }
    // Closed again: nothing left to list, which is why the scan looks at open descriptors.
    QCOMPARE(filesUnder(g_sqliteTemp), QStringList());
    db.execScript("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
}

void TestDurability::tampering_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("pages 2 and 3 swapped") << u"swap"_s;
    QTest::newRow("byte flip, middle page") << u"middle"_s;
    QTest::newRow("byte flip, page at a third") << u"third"_s;
    QTest::newRow("byte flip, last page") << u"last"_s;
    QTest::newRow("middle page zeroed") << u"zero"_s;
    QTest::newRow("last page zeroed") << u"zero last"_s;
}

void TestDurability::tampering()
{
    QFETCH(QString, how);
    QTemporaryDir dir(newTestDirTemplate());
    QVERIFY(dir.isValid());
    QString path;
    Id caseId = 0;
    {
        Fixture f(dir.path());
        path = f.path;
        const SampleCase s = addSampleCase(*f.store);
        caseId = s.caseId;
        f.store->bulk([&] {
            for (int i = 0; i < 800; ++i)
                f.store->addNote(s.caseId,
                    u"Interview %1: the witness repeats the account given on the night; "_s.arg(i)
                        + QString(200 + i % 300, QChar(u'a' + i % 26)));
            // And some longer than a page, onto overflow pages.
            for (int i = 0; i < 20; ++i)
                f.store->addNote(s.caseId, u"Transcript %1: "_s.arg(i) + QString(6000, QChar(u'A' + i)));
        });
        // Compacted, so that every page belongs to a b-tree (see below).
        f.file->db().execScript("VACUUM");
    }
    const qint64 base = CaseFile::databaseOffset(path);
    const qint64 pages = (QFileInfo(path).size() - base) / kPageSize;
    QVERIFY2(pages * kPageSize >= 400 * 1024, qPrintable(QString::number(pages)));

    QList<qint64> damaged;
    QStringList damagedNames;
    if (how == u"swap"_s)
        damaged = { 2, 3 };
    else if (how == u"middle"_s || how == u"zero"_s)
        damaged = { pages / 2 };
    else if (how == u"third"_s)
        damaged = { pages / 3 };
    else
        damaged = { pages };
    for (qint64 page : damaged)
        damagedNames << u"page %1"_s.arg(page);

    // Before the damage: what each b-tree holds. With no free pages (VACUUM left none) and no
    // pointer-map pages, every page belongs to exactly one b-tree, so a damaged page must
    // make at least one of the full scans below fail. (SQLCipher as Debian builds it has no
    // dbstat table to name the owner beforehand.)
    QMap<QString, QStringList> baseline;
    QList<Btree> trees;
    QStringList storeBefore;
    {
        db::Database db = rawKeyed(path);
        QCOMPARE(db.scalar("PRAGMA freelist_count").toLongLong(), 0);
        QCOMPARE(db.scalar("PRAGMA auto_vacuum").toLongLong(), 0);
        QCOMPARE(db.scalar("PRAGMA page_count").toLongLong(), pages);
        trees = btrees(db);
        for (const Btree &t : trees)
            baseline[t.name] = runScan(db, t.scan);
        FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
        auto file = CaseFile::openReadOnly(path, secret());
        CaseStore store(*file, clock);
        storeBefore = storeView(store, caseId);
    }
    QVERIFY(baseline.value(u"notes"_s).size() >= 800);
    QVERIFY(storeBefore.size() > 2 * 800);

    if (how == u"swap"_s) {
        const QByteArray two = readPage(path, 2), three = readPage(path, 3);
        QVERIFY(two != three);
        writePage(path, 2, three);
        writePage(path, 3, two);
    } else if (how.startsWith(u"zero"_s)) {
        writePage(path, damaged.first(), QByteArray(kPageSize, '\0'));
    } else {
        flipBytes(path, base + (damaged.first() - 1) * kPageSize + 1500, 4);
    }
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(QFileInfo(path).size(), base + pages * kPageSize);
    const QByteArray before = fileChecksum(path);

    for (const bool readOnly : { true, false }) {
        const QString mode = readOnly ? u"read-only: "_s : u"read-write: "_s;
        std::unique_ptr<CaseFile> file;
        try {
            file = readOnly ? CaseFile::openReadOnly(path, secret()) : CaseFile::open(path, secret());
        } catch (const Error &e) {
            // Refused (the damaged page holds part of the schema): as damaged, naming the file.
            if (readOnly)
                qInfo("%lld pages; damaged %s; refused: %s", pages, qPrintable(damagedNames.join(u", "_s)),
                      qPrintable(e.message()));
            QVERIFY2(
                e.kind() == ErrorKind::Damaged, qPrintable(mode + u"kind %1: "_s.arg(int(e.kind())) + e.message()));
            QVERIFY2(e.message().contains(path), qPrintable(e.message()));
            QCOMPARE(fileChecksum(path), before);
            continue;
        }
        const QList<CaseFile::Check> checks = file->verify();
        const CaseFile::Check *cipher = findCheck(checks, u"cipher integrity (HMAC of every page)"_s);
        QVERIFY(cipher);
        QVERIFY2(!cipher->ok, qPrintable(mode + describe(checks)));
        for (qint64 page : damaged) {
            const QRegularExpression names(u"\\bpage %1\\b"_s.arg(page));
            QVERIFY2(cipher->problems.join(u'\n').contains(names), qPrintable(mode + describe(checks)));
        }
        const CaseFile::Check *sqlite = findCheck(checks, u"SQLite integrity"_s);
        QVERIFY(sqlite);
        QVERIFY2(!sqlite->ok, qPrintable(mode + describe(checks)));
        // SQLite's own check names no sound page as unreadable or unused. Once a page fails its
        // HMAC, SQLCipher puts the connection in an error state and every later read of the
        // same statement fails: a whole-file integrity_check would then list every page after
        // the damaged one ("unable to get the page") and the pages below those ("never used").
        // Pages 2 and 3 swapped is the hardest case: nearly every page is read after them.
        QStringList falseAlarms;
        static const QRegularExpression followOn(u"[Pp]age (\\d+)(?: cell \\d+)?: (unable to get the page|never used)"_s);
        for (const QString &problem : sqlite->problems)
            if (const auto m = followOn.match(problem); m.hasMatch() && !damaged.contains(m.captured(1).toLongLong()))
                falseAlarms << problem;
        QVERIFY2(falseAlarms.isEmpty(), qPrintable(mode + falseAlarms.join(u" | "_s)));

        // Every b-tree reads back either exactly as before or not at all, and at least one (the
        // damaged page's) not at all: its query throws cb::Error rather than returning garbage.
        QStringList failed, failedNames;
        for (const Btree &t : trees) {
            try {
                const QStringList rows = runScan(file->db(), t.scan);
                QVERIFY2(rows == baseline.value(t.name), qPrintable(mode + t.name + u" returned other data"_s));
            } catch (const Error &e) {
                failed << t.name + u" (kind %1: "_s.arg(int(e.kind())) + e.message() + u')';
                failedNames << t.name;
            }
        }
        if (readOnly)
            qInfo("%lld pages; damaged %s; unreadable: %s", pages, qPrintable(damagedNames.join(u", "_s)),
                qPrintable(failed.join(u"; "_s)));
        QVERIFY2(!failed.isEmpty(), qPrintable(mode + u"every b-tree read back in full despite the damage"_s));
        QVERIFY(failed.size() <= damaged.size());
        // The same through the store: the case's notes and audit trail come back whole, or the
        // read throws cb::Error; it must throw when the damage is in the rows it reads in full.
        FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
        CaseStore store(*file, clock);
        try {
            QCOMPARE(storeView(store, caseId), storeBefore);
            QVERIFY2(!failedNames.contains(u"notes"_s) && !failedNames.contains(u"audit"_s),
                qPrintable(mode + u"the store read the damaged page without an error"_s));
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Damaged);
            // Said in the user's words: what happened to which file, and what to do.
            QVERIFY2(e.message().contains(path) && e.message().contains(u"Restore the file from a backup"_s) &&
                         !e.message().contains(u"malformed"_s),
                     qPrintable(mode + e.message()));
        }
        file.reset();
        QCOMPARE(fileChecksum(path), before);
    }
}

int main(int argc, char **argv)
{
    // Before QCoreApplication and before anything touches SQLite.
    g_systemTemp = QDir::tempPath();
    QTemporaryDir sqliteTemp(g_systemTemp + u"/tst_durability-sqlite-tmp-XXXXXX"_s);
    if (!sqliteTemp.isValid())
        return 2;
    g_sqliteTemp = QDir(sqliteTemp.path()).canonicalPath();
    qputenv("TMPDIR", QFile::encodeName(g_sqliteTemp));
    qputenv("SQLITE_TMPDIR", QFile::encodeName(g_sqliteTemp));
    QCoreApplication app(argc, argv);
    TestDurability tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_durability.moc"
