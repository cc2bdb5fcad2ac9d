// A full or failing disk at every step of every action that writes (issue #4, "Disk full and I/O
// errors"). FaultVfs fails the k-th write, sync, truncate or shared-memory map of an action, from
// k = 1 until the action no longer reaches k. Each time:
// - the action either succeeds or throws a cb::Error of kind Io whose message names the file and
//   says what happened and what to do, never SQLite's bare "disk I/O error";
// - what it reported is what happened: told "saved", the change is there, whole; told "not
//   saved", the case file is exactly as before; told "may not have been saved" (a flush the disk
//   did not confirm), it is one of the two, whole;
// - once the disk recovers the same store runs the action again and commits again;
// - the file reopens with every check of CaseFile::verify() passing and holds what the session
//   showed, also when it was closed while the disk was still failing and its log held earlier
//   commits (the "stays full" rows: the user closes the app on a full disk).
// A failed backup leaves no file behind: neither the destination nor a temporary one.
//
// Every k costs a key derivation or two, so by default an action with more than 8 calls of a
// kind is tried at k = 1, 2, 3, the middle, the last three and one past the end (a failure
// anywhere inside the log's frames behaves alike); CASEBOARD_FAULTS_EVERY_K=1 tries every k
// (several minutes; CI's long run).

#include "FaultVfs.h"
#include "TestSupport.h"
#include "model/io/JsonExchange.h"
#include "model/io/PublicImport.h"
#include "model/storage/Backup.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <map>
#include <memory>
#include <optional>

using namespace cb;
using namespace cb::test;
using namespace Qt::StringLiterals;

namespace {

// The actions under test. Each is one user-visible operation that writes.
enum class Act { CreateCase, AddLead, BulkImport, StatusChange, JsonImport, Backup };

const QDateTime kNow(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC);

// Made-up rows in the Washington Post's format (never the real file's victims).
const QByteArray kWapoCsv = "uid,reported_date,victim_last,victim_first,victim_race,victim_age,victim_sex,city,state,"
                            "lat,lon,disposition\n"
                            "Tvl-000001,20230105,QUILL,ARNO,Black,31,Male,Testville,ZZ,40.01,-80.01,Closed by arrest\n"
                            "Tvl-000002,20230212,REED,BETTE,White,45,Female,Testville,ZZ,40.02,-80.02,Open/No arrest\n"
                            "Tvl-000003,20230320,SORREL,CALE,Hispanic,19,Male,Testville,ZZ,,,Closed without arrest\n"
                            "Tvl-000004,20230401,TANSY,DARA,Asian,52,Female,Testville,ZZ,40.04,-80.04,Open/No arrest\n"
                            "Tvl-000005,20230518,UMBER,EZRA,Unknown,Unknown,Unknown,Testville,ZZ,,,Open/No arrest\n";
constexpr int kWapoRows = 5;

// Raw SQLite phrases a user must never be left with.
const QStringList kRawPhrases
    = { u"disk I/O error"_s, u"database or disk is full"_s, u"unable to open database file"_s };

// The ids the populated template holds.
struct Seed {
    Id detective = 0;
    Id caseId = 0; // open, with a suspect arrested on 2024-04-01
};

// A table's rows as text, sorted by every column; with the schema and header fields, equal
// snapshots mean equal logical contents.
using Snapshot = QMap<QString, QString>;

QString quoted(const QString &identifier)
{
    return u'"' + QString(identifier).replace(u'"', u"\"\""_s) + u'"';
}

QString render(const QVariant &v)
{
    if (v.isNull())
        return u"NULL"_s;
    switch (v.typeId()) {
    case QMetaType::LongLong: return u"i:"_s + QString::number(v.toLongLong());
    case QMetaType::Double: return u"r:"_s + QString::number(v.toDouble(), 'g', 17);
    case QMetaType::QByteArray: return u"b:"_s + QString::fromLatin1(v.toByteArray().toHex());
    default: return u"t:"_s + v.toString().replace(u'\\', u"\\\\"_s).replace(u'\n', u"\\n"_s);
    }
}

Snapshot snapshot(db::Database &db)
{
    Snapshot s;
    s.insert(u"#application_id"_s, db.scalar("PRAGMA application_id").toString());
    s.insert(u"#user_version"_s, db.scalar("PRAGMA user_version").toString());
    QStringList tables;
    QString schema;
    db::Statement entries = db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name");
    while (entries.step()) {
        schema += entries.text(0) + u' ' + entries.text(1) + u' ' + entries.text(2) + u'\n';
        if (entries.text(0) == u"table")
            tables << entries.text(1);
    }
    s.insert(u"#schema"_s, schema);
    for (const QString &table : tables) {
        db::Statement width = db.prepare("SELECT count(*) FROM pragma_table_info(?1)");
        width.bind(1, table);
        width.step();
        const int columns = width.integer(0);
        QString order;
        for (int c = 1; c <= columns; ++c)
            order += (c > 1 ? u", "_s : QString()) + QString::number(c);
        db::Statement rows
            = db.prepare(QString(u"SELECT * FROM "_s + quoted(table) + u" ORDER BY "_s + order).toStdString());
        QString text;
        while (rows.step()) {
            for (int c = 0; c < columns; ++c)
                text += (c ? u"\x1f"_s : QString()) + render(rows.value(c));
            text += u'\n';
        }
        s.insert(table, text);
    }
    return s;
}

qsizetype rowCount(const Snapshot &s, const QString &table)
{
    return s.value(table).count(u'\n');
}

// Which tables differ, with their row counts, for a failure message.
QString difference(const Snapshot &actual, const Snapshot &expected)
{
    QStringList out;
    QStringList keys = actual.keys() + expected.keys();
    keys.removeDuplicates();
    for (const QString &k : keys)
        if (actual.value(k) != expected.value(k))
            out << u"%1 (%2 rows, expected %3)"_s.arg(k).arg(rowCount(actual, k)).arg(rowCount(expected, k));
    return out.isEmpty() ? u"no difference"_s : out.join(u", "_s);
}

QString failedChecks(const QList<CaseFile::Check> &checks)
{
    QStringList out;
    for (const CaseFile::Check &c : checks)
        if (!c.ok)
            out << c.name + u": "_s + c.problems.join(u" | "_s);
    return out.join(u"; "_s);
}

// Why an error is not the clear message the user needs (kind Io, the file named, what
// happened said in plain words, not in SQLite's); empty when it is.
QString messageProblem(const Error &e, const QString &named, const QString &phrase)
{
    if (e.kind() != ErrorKind::Io)
        return u"kind %1, not Io"_s.arg(int(e.kind()));
    for (const QString &raw : kRawPhrases)
        if (e.message().contains(raw, Qt::CaseInsensitive))
            return u"SQLite's own words (\"%1\")"_s.arg(raw);
    if (!e.message().contains(named))
        return u"does not name "_s + named;
    if (!e.message().contains(phrase))
        return u"does not say \""_s + phrase + u'"';
    return {};
}

QStringList listing(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

// An open case file in a folder of its own, and the store over it.
struct World {
    QString dir;
    QString path;
    FixedClock clock { kNow };
    std::unique_ptr<CaseFile> file;
    std::unique_ptr<CaseStore> store;

    void open()
    {
        file = CaseFile::open(path, secret());
        store = std::make_unique<CaseStore>(*file, clock);
        store->setActor({ std::nullopt, u"system:test"_s });
    }
    void close()
    {
        store.reset();
        file.reset();
    }
    QString backupPath() const { return dir + u"/backup.caseboard"_s; }
};

// What the user was told. "May not have been saved" is the honest answer to a failed flush of
// the log at COMMIT: the session no longer shows the change, but the commit record may be in the
// log, and when the file is closed while the disk still fails, the reopened file does hold it (the
// "sync: fails from then on" rows see this: "kept").
enum class Told { Saved, NotSaved, MaybeSaved };

QString toldName(Told t)
{
    switch (t) {
    case Told::Saved: return u"saved"_s;
    case Told::NotSaved: return u"not saved"_s;
    case Told::MaybeSaved: return u"may not have been saved"_s;
    }
    return {};
}

// One row's tally, printed at its end.
struct Tally {
    int saved = 0;
    int notSaved = 0;
    int maybeSaved = 0;
    int maybeSavedKept = 0; // of those, how many were in the file after reopening
};

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;
    QString m_populated; // a closed case file with two cases, an arrest, a lead and a note
    QString m_empty; // a closed, empty case file (a JSON export goes only into one)
    Seed m_seed;
    QByteArray m_json; // an export of the populated file
    int m_worlds = 0;

    // An action's content before and after a run without faults (a backup's "after" is its
    // "before": it does not change the case file), and how often it calls each kind of VFS
    // method: on a file just opened (its log empty) and on one whose log holds earlier commits.
    struct Counts {
        qint64 write = 0, sync = 0, truncate = 0, shmMap = 0;
        static Counts measured()
        {
            return { FaultVfs::callsOf(FaultVfs::Write), FaultVfs::callsOf(FaultVfs::Sync),
                FaultVfs::callsOf(FaultVfs::Truncate), FaultVfs::callsOf(FaultVfs::ShmMap) };
        }
        qint64 of(unsigned ops) const
        {
            return (ops & FaultVfs::Write ? write : 0) + (ops & FaultVfs::Sync ? sync : 0)
                + (ops & FaultVfs::Truncate ? truncate : 0) + (ops & FaultVfs::ShmMap ? shmMap : 0);
        }
    };
    struct Reference {
        Snapshot before, after;
        Counts cold, warm;
    };
    std::map<Act, Reference> m_reference;

    QString templateFor(Act a) const { return a == Act::JsonImport ? m_empty : m_populated; }

    // A fresh copy of the action's template in a folder of its own.
    std::unique_ptr<World> freshWorld(Act a)
    {
        auto w = std::make_unique<World>();
        w->dir = m_work.filePath(u"w%1"_s.arg(++m_worlds));
        if (!QDir().mkpath(w->dir))
            qFatal("cannot make %s", qPrintable(w->dir));
        w->path = w->dir + u"/case.caseboard"_s;
        if (!QFile::copy(templateFor(a), w->path))
            qFatal("cannot copy the template to %s", qPrintable(w->path));
        return w;
    }

    static void removeWorld(std::unique_ptr<World> &w)
    {
        if (!w)
            return;
        w->close();
        QDir(w->dir).removeRecursively();
        w.reset();
    }

    // A commit that changes no content: afterwards the log holds frames that closing the file
    // must fold into it. Also the proof that a connection commits again after a failure.
    static void commitNothing(World &w)
    {
        w.file->db().execScript(
            "BEGIN IMMEDIATE; CREATE TABLE faults_probe (x INTEGER); DROP TABLE faults_probe; COMMIT");
    }

    void runAction(Act a, World &w)
    {
        switch (a) {
        case Act::CreateCase: {
            CaseRecord c;
            c.caseNumber = u"HZ-2024-100"_s;
            c.incidentDate = QDate(2024, 5, 20);
            c.incidentTime = QTime(2, 15);
            c.address = u"300 block N Sample Ave"_s;
            c.district = u"3"_s;
            c.area = u"North"_s;
            c.weapon = Weapon::Knife;
            c.circumstance = Circumstance::Argument;
            Victim v;
            v.name = u"Victim Two"_s;
            v.age = 37;
            v.sex = Sex::Female;
            v.race = Race::White;
            w.store->createCase(c, { v });
            break;
        }
        case Act::AddLead: {
            Lead l;
            l.caseId = m_seed.caseId;
            l.description = u"Canvass the block for doorbell video"_s;
            l.source = LeadSource::Canvass;
            l.priority = LeadPriority::High;
            l.assigneeId = m_seed.detective;
            l.createdDate = QDate(2024, 6, 14);
            l.dueDate = QDate(2024, 6, 21);
            w.store->addLead(l);
            break;
        }
        case Act::BulkImport: {
            QByteArray bytes = kWapoCsv;
            QBuffer in(&bytes);
            in.open(QIODevice::ReadOnly);
            io::PublicImportOptions options;
            options.format = io::PublicFormat::Wapo;
            options.fileName = u"faults-wapo.csv"_s;
            io::importPublic(*w.store, in, options);
            break;
        }
        case Act::StatusChange:
            w.store->clearByArrest(m_seed.caseId, QDate(2024, 6, 10), m_seed.detective, u"suspect charged"_s);
            break;
        case Act::JsonImport: {
            QByteArray bytes = m_json;
            QBuffer in(&bytes);
            in.open(QIODevice::ReadOnly);
            io::importJson(*w.store, in, u"faults-export.json"_s);
            break;
        }
        case Act::Backup: backupCaseFile(*w.file, w.backupPath(), secret()); break;
        }
    }

    // Runs the action without faults, twice (log empty, log warm), and checks that it does what
    // it must, worked out from the fixtures and not from the code.
    void computeReference(Act a)
    {
        if (m_reference.count(a))
            return;
        Reference r;
        std::unique_ptr<World> w = freshWorld(a);
        w->open();
        r.before = snapshot(w->file->db());
        {
            FaultVfs::Armed measure({ 0, std::numeric_limits<qint64>::max(), FaultVfs::Fault::IoError, false });
            runAction(a, *w);
            r.cold = Counts::measured();
        }
        w->close();
        w->open();
        r.after = snapshot(w->file->db());
        auto delta = [&](const char *table) {
            const QString t = QString::fromLatin1(table);
            return rowCount(r.after, t) - rowCount(r.before, t);
        };
        switch (a) {
        case Act::CreateCase:
            QCOMPARE(delta("cases"), 1);
            QCOMPARE(delta("victims"), 1);
            QVERIFY(w->store->caseByNumber(u"HZ-2024-100"_s).has_value());
            break;
        case Act::AddLead:
            QCOMPARE(delta("leads"), 1);
            QCOMPARE(delta("cases"), 0);
            break;
        case Act::BulkImport:
            QCOMPARE(delta("cases"), kWapoRows);
            QCOMPARE(delta("victims"), kWapoRows);
            QVERIFY(w->store->caseByNumber(u"Tvl-000003"_s).has_value());
            break;
        case Act::StatusChange:
            QCOMPARE(delta("status_changes"), 1);
            QCOMPARE(w->store->caseById(m_seed.caseId)->status, CaseStatus::ClearedByArrest);
            break;
        case Act::JsonImport:
            // The populated template: two cases with a victim each, four members, one lead.
            QCOMPARE(rowCount(r.before, u"cases"_s), 0);
            QCOMPARE(rowCount(r.after, u"cases"_s), 2);
            QCOMPARE(rowCount(r.after, u"victims"_s), 2);
            QCOMPARE(rowCount(r.after, u"members"_s), 4);
            QCOMPARE(rowCount(r.after, u"leads"_s), 1);
            break;
        case Act::Backup: {
            QCOMPARE(r.after, r.before);
            std::unique_ptr<CaseFile> copy = CaseFile::openReadOnly(w->backupPath(), secret());
            QCOMPARE(snapshot(copy->db()), r.before);
            break;
        }
        }
        if (a != Act::Backup)
            QVERIFY2(r.after.value(u"audit"_s) != r.before.value(u"audit"_s), "the action left no audit row");
        const QString problems = failedChecks(w->file->verify());
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        removeWorld(w);

        w = freshWorld(a);
        w->open();
        commitNothing(*w);
        {
            FaultVfs::Armed measure({ 0, std::numeric_limits<qint64>::max(), FaultVfs::Fault::IoError, false });
            runAction(a, *w);
            r.warm = Counts::measured();
        }
        removeWorld(w);
        QVERIFY2(r.cold.write > 0 && r.warm.write > 0,
            "no write of the action went through FaultVfs: was a VFS registered before it?");
        m_reference[a] = r;
    }

    // Runs the action on `w` (made fresh when null) with the plan's k-th call failing, and checks
    // everything the header promises. Leaves `w` open and as before when it can be used again.
    // Sticky plans start from a warm log and close the file while the disk still fails.
    void runWithFault(Act a, const FaultVfs::Plan &plan, std::unique_ptr<World> &w, Tally &tally, bool &reached)
    {
        const Reference &ref = m_reference.at(a);
        const bool closeWhileFailing = plan.sticky;
        if (!w) {
            w = freshWorld(a);
            w->open();
        }
        if (closeWhileFailing)
            commitNothing(*w);
        const QStringList filesBefore = listing(w->dir);

        std::optional<Error> error;
        Told told = Told::Saved;
        QString toldText;
        Snapshot expected;
        {
            FaultVfs::Armed armed(plan);
            try {
                runAction(a, *w);
            } catch (const Error &e) {
                error = e;
            } catch (const std::exception &e) {
                QFAIL(
                    qPrintable(FaultVfs::describe(plan) + u": not a cb::Error: "_s + QString::fromLocal8Bit(e.what())));
            }
            reached = FaultVfs::failures() > 0;
            const QString context = FaultVfs::describe(plan) + u" (failed on "_s + FaultVfs::firstFailedFile() + u")"_s;
            if (!reached && error)
                QFAIL(qPrintable(context + u": no fault was injected, yet: "_s + error->message()));

            // What the user was told, and whether it is clear.
            if (error) {
                const QString message = error->message();
                const QString about = context + u": "_s + message;
                const QString named = a == Act::Backup ? w->backupPath() : w->path;
                const QString phrase = plan.fault == FaultVfs::Fault::DiskFull ? u"The disk is full"_s
                    : plan.ops == FaultVfs::Sync                               ? u"did not confirm"_s
                                                                               : u"The disk reported an error"_s;
                // Also when the write or flush that fails is of a backup copy's key header
                // (ContainerVfs's HeaderFile), not of a page.
                const QString problem = messageProblem(*error, named, phrase);
                QVERIFY2(problem.isEmpty(), qPrintable(problem + u"; "_s + about));
                if (a == Act::Backup) {
                    QVERIFY2(message.startsWith(u"No backup was written to "_s + w->backupPath()), qPrintable(about));
                    told = Told::NotSaved;
                } else if (message.contains(u"may not have been saved"_s)) {
                    told = Told::MaybeSaved;
                } else {
                    QVERIFY2(message.contains(u"not saved"_s) || message.contains(u"nothing was saved"_s),
                        qPrintable(u"does not say what became of the change: "_s + about));
                    told = Told::NotSaved;
                }
            }
            toldText = context + u", told "_s + toldName(told) + (error ? u": "_s + error->message() : QString());

            // What the session shows (reading needs no write: true while the disk still fails).
            QVERIFY2(!w->file->db().inTransaction(), qPrintable(u"a transaction is still open; "_s + toldText));
            const Snapshot live = snapshot(w->file->db());
            expected = told == Told::Saved ? ref.after : ref.before;
            if (told == Told::MaybeSaved && live == ref.after)
                expected = ref.after;
            QVERIFY2(live == expected,
                qPrintable(u"the session shows "_s + difference(live, expected) + u"; "_s + toldText));
            if (closeWhileFailing)
                w->close(); // with the log warm, closing cannot fold it into the file
        }

        if (!closeWhileFailing) {
            // The disk recovered: the same store runs the whole action again (rolled back, so
            // that the file stays as it was) and the connection commits again.
            if (a != Act::Backup && expected == ref.before) {
                struct Undo { };
                try {
                    w->store->batch([&] {
                        runAction(a, *w);
                        throw Undo {};
                    });
                } catch (const Undo &) {
                } catch (const Error &e) {
                    QFAIL(qPrintable(u"the store fails the action again after the disk recovered ("_s + e.message()
                        + u"); "_s + toldText));
                }
            }
            try {
                commitNothing(*w);
            } catch (const Error &e) {
                QFAIL(qPrintable(
                    u"the connection cannot commit after the disk recovered ("_s + e.message() + u"); "_s + toldText));
            }
            const Snapshot live = snapshot(w->file->db());
            QVERIFY2(live == expected,
                qPrintable(u"after the retry the session shows "_s + difference(live, expected) + u"; "_s + toldText));
            w->close();
        }

        // On disk, after reopening: whole, and what the session (or the report) said.
        try {
            w->open();
        } catch (const Error &e) {
            QFAIL(qPrintable(u"the case file does not reopen ("_s + e.message() + u"); "_s + toldText));
        }
        const QString problems = failedChecks(w->file->verify());
        QVERIFY2(problems.isEmpty(), qPrintable(u"checks fail after reopening: "_s + problems + u"; "_s + toldText));
        const Snapshot disk = snapshot(w->file->db());
        if (closeWhileFailing && told == Told::MaybeSaved && disk == ref.after) {
            expected = ref.after;
            ++tally.maybeSavedKept;
        }
        QVERIFY2(disk == expected,
            qPrintable(u"the reopened file holds "_s + difference(disk, expected) + u"; "_s + toldText));

        if (a == Act::Backup) {
            if (told == Told::Saved) {
                {
                    std::unique_ptr<CaseFile> copy = CaseFile::openReadOnly(w->backupPath(), secret());
                    QVERIFY2(snapshot(copy->db()) == ref.before, qPrintable(u"the backup differs; "_s + toldText));
                }
                QVERIFY(QFile::remove(w->backupPath()));
            } else {
                // Atomic: neither the backup nor its temporary file, nor their logs or journals,
                // is left; also when the copy's commit fails and then its rollback too, on a disk
                // that stays full (SQLite then leaves the copy's rollback journal).
                QStringList left = listing(w->dir);
                left.removeIf([&](const QString &f) { return filesBefore.contains(f); });
                QVERIFY2(left.isEmpty(), qPrintable(u"left behind: "_s + left.join(u", "_s) + u"; "_s + toldText));
            }
        }
        switch (told) {
        case Told::Saved: ++tally.saved; break;
        case Told::NotSaved: ++tally.notSaved; break;
        case Told::MaybeSaved: ++tally.maybeSaved; break;
        }
        // Unchanged, it is as good as a fresh copy for the next k (it costs a key derivation less).
        if (disk != ref.before)
            removeWorld(w);
    }

    // Every k by default up to a few, else the first three, the middle, the last three and the
    // one past the end; CASEBOARD_FAULTS_EVERY_K=1 runs every k (several minutes).
    static QList<qint64> ksFor(qint64 n)
    {
        QList<qint64> ks;
        if (n <= 8 || qEnvironmentVariableIntValue("CASEBOARD_FAULTS_EVERY_K") == 1) {
            for (qint64 k = 1; k <= n; ++k)
                ks << k;
        } else {
            ks = { 1, 2, 3, (n + 1) / 2, n - 2, n - 1, n };
        }
        ks << n + 1;
        return ks;
    }

    static void addPlans()
    {
        QTest::addColumn<unsigned>("ops");
        QTest::addColumn<int>("fault");
        QTest::addColumn<bool>("sticky");
        QTest::newRow("write: disk full once") << unsigned(FaultVfs::Write) << int(FaultVfs::Fault::DiskFull) << false;
        QTest::newRow("write: disk stays full") << unsigned(FaultVfs::Write) << int(FaultVfs::Fault::DiskFull) << true;
        QTest::newRow("write: I/O error once") << unsigned(FaultVfs::Write) << int(FaultVfs::Fault::IoError) << false;
        QTest::newRow("sync: I/O error once") << unsigned(FaultVfs::Sync) << int(FaultVfs::Fault::IoError) << false;
        QTest::newRow("sync: fails from then on") << unsigned(FaultVfs::Sync) << int(FaultVfs::Fault::IoError) << true;
        QTest::newRow("truncate: I/O error once")
            << unsigned(FaultVfs::Truncate) << int(FaultVfs::Fault::IoError) << false;
        QTest::newRow("shm map: I/O error once")
            << unsigned(FaultVfs::ShmMap) << int(FaultVfs::Fault::IoError) << false;
    }

    void sweep(Act a)
    {
        QFETCH(unsigned, ops);
        QFETCH(int, fault);
        QFETCH(bool, sticky);
        computeReference(a);
        if (QTest::currentTestFailed())
            return;
        const Reference &ref = m_reference.at(a);
        const qint64 n = (sticky ? ref.warm : ref.cold).of(ops);
        if (n == 0)
            QSKIP("the action makes no such call");
        const QList<qint64> ks = ksFor(n);
        std::unique_ptr<World> w;
        Tally tally;
        qint64 k = 0;
        for (qsizetype i = 0;; ++i) {
            // Past the planned ks only if the action calls more often than it did without faults.
            k = i < ks.size() ? ks.at(i) : k + 1;
            QVERIFY2(k <= n + 20,
                qPrintable(u"the action still reaches call %1; without faults it made %2"_s.arg(k).arg(n)));
            bool reached = false;
            runWithFault(a, { ops, k, static_cast<FaultVfs::Fault>(fault), sticky }, w, tally, reached);
            if (QTest::currentTestFailed()) {
                FaultVfs::disarm();
                return;
            }
            if (!reached)
                break;
        }
        removeWorld(w);
        qInfo("%lld calls; k in {%s}: %d saved, %d not saved, %d may not have been saved (%d of them kept)", n,
            qPrintable([&] {
                QStringList l;
                for (qint64 x : ks)
                    l << QString::number(x);
                return l.join(u',');
            }()),
            tally.saved, tally.notSaved, tally.maybeSaved, tally.maybeSavedKept);
        // The last run got past every counted call, so it had to succeed.
        QVERIFY(tally.saved >= 1);
    }

private slots:
    void initTestCase()
    {
        // Before any case file is opened: a connection keeps the VFS it was opened with.
        FaultVfs::install();
        QVERIFY(FaultVfs::isInstalled());
        QVERIFY(m_work.isValid());
        {
            Fixture fx(m_work.path(), u"populated.caseboard"_s);
            const SampleCase first = addSampleCase(*fx.store, u"HZ-2024-001"_s);
            addSampleCase(*fx.store, u"HZ-2024-002"_s);
            CasePerson p;
            p.caseId = first.caseId;
            p.role = PersonRole::Suspect;
            p.name = u"Person S"_s;
            Arrest arrest;
            arrest.caseId = first.caseId;
            arrest.personId = fx.store->addPerson(p);
            arrest.date = QDate(2024, 4, 1);
            arrest.charges = u"first-degree murder"_s;
            arrest.arrestingMemberId = first.detective;
            fx.store->addArrest(arrest);
            Lead lead;
            lead.caseId = first.caseId;
            lead.description = u"Tip line call about a grey sedan"_s;
            lead.source = LeadSource::TipLine;
            lead.createdDate = QDate(2024, 3, 4);
            fx.store->addLead(lead);
            fx.store->addNote(first.caseId, u"Scene released 04:10."_s);
            m_seed = { first.detective, first.caseId };
            QBuffer out(&m_json);
            out.open(QIODevice::WriteOnly);
            io::exportJson(*fx.store, out);
            m_populated = fx.path;
        }
        {
            Fixture fx(m_work.path(), u"empty.caseboard"_s);
            m_empty = fx.path;
        }
        // Closed cleanly, each template is one file: a copy of it is a whole case file.
        for (const QString &t : { m_populated, m_empty })
            QVERIFY2(!QFileInfo::exists(t + u"-wal"_s), qPrintable(t));
    }

    // The VFS counts and fails what it is told to, and nothing once disarmed.
    void vfsFailsTheKthCall()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"plain.db"_s);
        db::Database db = db::Database::open(path, db::OpenMode::ReadWriteCreate);
        db.execScript("CREATE TABLE t (x INTEGER)");
        {
            // journal_mode=DELETE: a transaction writes the journal, syncs it, writes the database.
            FaultVfs::Armed armed({ 0, 1, FaultVfs::Fault::DiskFull, false });
            db.execScript("INSERT INTO t VALUES (1)");
            QVERIFY(FaultVfs::callsOf(FaultVfs::Write) >= 2);
            QVERIFY(FaultVfs::callsOf(FaultVfs::Sync) >= 1);
            QCOMPARE(FaultVfs::calls(), 0);
            QCOMPARE(FaultVfs::failures(), 0);
        }
        {
            FaultVfs::Armed armed({ FaultVfs::Write, 1, FaultVfs::Fault::DiskFull, false });
            try {
                db.execScript("INSERT INTO t VALUES (2)");
                QFAIL("the first write did not fail");
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::Io);
                QCOMPARE(e.message(),
                    u"The disk is full: "_s + path
                        + u" could not be written, so the change was not saved. Free some space on "
                          u"that disk, then try again."_s);
            }
            QCOMPARE(FaultVfs::failures(), 1);
            QCOMPARE(FaultVfs::firstFailedFile(), path + u"-journal"_s);
        }
        {
            // Sticky: the first sync fails, and every one after it, until disarmed.
            FaultVfs::Armed armed({ FaultVfs::Sync, 1, FaultVfs::Fault::IoError, true });
            for (int x : { 3, 4 }) {
                try {
                    db.execScript("INSERT INTO t VALUES (" + std::to_string(x) + ")");
                    QFAIL("a sync succeeded on a disk that stays failing");
                } catch (const Error &e) {
                    QCOMPARE(e.kind(), ErrorKind::Io);
                    QVERIFY2(
                        e.message().startsWith(u"The disk did not confirm that "_s + path), qPrintable(e.message()));
                }
            }
            QVERIFY(FaultVfs::failures() >= 2);
            QCOMPARE(FaultVfs::failures(), FaultVfs::calls());
        }
        QVERIFY(!FaultVfs::isArmed());
        db.execScript("INSERT INTO t VALUES (5)");
        QCOMPARE(db.scalar("SELECT group_concat(x) FROM t").toString(), u"1,5"_s);

        // A VACUUM that shrinks the file truncates it.
        db.execScript("CREATE TABLE big (b BLOB); INSERT INTO big VALUES (zeroblob(200000)); DROP TABLE big");
        {
            FaultVfs::Armed armed({ FaultVfs::Truncate, 1, FaultVfs::Fault::IoError, false });
            try {
                db.execScript("VACUUM");
                QFAIL("the truncation did not fail");
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::Io);
                QVERIFY2(e.message().startsWith(u"The disk reported an error while writing "_s + path + u" "_s),
                    qPrintable(e.message()));
            }
            QCOMPARE(FaultVfs::failures(), 1);
        }
        db.close();

        // A new connection to a database in write-ahead-log mode maps its shared-memory index.
        const QString walPath = dir.filePath(u"wal.db"_s);
        db::Database::open(walPath, db::OpenMode::ReadWriteCreate)
            .execScript("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)");
        db::Database reader = db::Database::open(walPath, db::OpenMode::ReadWrite);
        {
            FaultVfs::Armed armed({ FaultVfs::ShmMap, 1, FaultVfs::Fault::IoError, false });
            try {
                reader.scalar("SELECT count(*) FROM t");
                QFAIL("mapping the index did not fail");
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::Io);
                QVERIFY2(e.message().startsWith(
                             u"The disk reported an error while CaseBoard was using "_s + walPath + u" "_s),
                    qPrintable(e.message()));
            }
            QCOMPARE(FaultVfs::failures(), 1);
        }
        QCOMPARE(reader.scalar("SELECT count(*) FROM t").toLongLong(), 1);
    }

    void createCase_data() { addPlans(); }
    void createCase() { sweep(Act::CreateCase); }
    void addLead_data() { addPlans(); }
    void addLead() { sweep(Act::AddLead); }
    void wapoImport_data() { addPlans(); }
    void wapoImport() { sweep(Act::BulkImport); }
    void clearByArrest_data() { addPlans(); }
    void clearByArrest() { sweep(Act::StatusChange); }
    void jsonImport_data() { addPlans(); }
    void jsonImport() { sweep(Act::JsonImport); }
    void backup_data() { addPlans(); }
    void backup() { sweep(Act::Backup); }
};

int main(int argc, char *argv[])
{
    // Every k of one action can take longer than Qt Test's five-minute watchdog on a busy machine.
    if (qEnvironmentVariableIntValue("CASEBOARD_FAULTS_EVERY_K") == 1
        && !qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "3600000");
    QCoreApplication app(argc, argv);
    TestFaults test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_faults.moc"
