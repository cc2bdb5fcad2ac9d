// The demo generator: a whole unit through CaseStore, the same for the same seed and end date,
// shaped by the rules it was asked to follow (see model/demo/DemoGenerator.h and the brief in
// docs/clearance.md), with a complete audit trail.

#include "TestSupport.h"
#include "model/demo/DemoGenerator.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>

using namespace cb;
using namespace Qt::StringLiterals;

namespace {

const QDate kEnd(2024, 6, 30);

demo::DemoOptions defaults(std::uint64_t seed = 7)
{
    demo::DemoOptions o;
    o.seed = seed;
    o.endDate = kEnd;
    return o;
}

// A smaller unit over fewer years keeps the determinism tests quick; it runs every code path the full one does.
demo::DemoOptions compact(std::uint64_t seed)
{
    demo::DemoOptions o = defaults(seed);
    o.years = 2;
    o.casesPerYear = 50;
    o.detectives = 10;
    o.sergeants = 2;
    return o;
}

struct Generated {
    std::unique_ptr<CaseFile> file;
    demo::DemoSummary summary;
};

Generated generate(const QString &path, const demo::DemoOptions &options)
{
    Generated g;
    g.file = CaseFile::create(path, test::secret());
    g.summary = demo::generate(*g.file, options);
    return g;
}

// Every row of every table in rowid order, each value with its storage class.
QStringList dump(db::Database &db)
{
    QStringList tables;
    db::Statement t = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (t.step())
        tables << t.text(0);
    QStringList out;
    for (const QString &table : tables) {
        out << u"table "_s + table;
        // The table name comes from the schema itself, not from input.
        db::Statement s = db.prepare(QString(u"SELECT * FROM \""_s + table + u"\" ORDER BY rowid"_s).toStdString());
        while (s.step()) {
            QStringList row;
            for (int c = 0; c < s.columnCount(); ++c) {
                const QVariant v = s.value(c);
                row << (v.isNull() ? u"NULL"_s : QString::fromLatin1(v.typeName()) + u':' + v.toString());
            }
            out << row.join(u'|');
        }
    }
    return out;
}

qint64 count(db::Database &db, std::string_view sql)
{
    return db.scalar(sql).toLongLong();
}

qint64 count(db::Database &db, const std::string &sql, const QString &param)
{
    db::Statement s = db.prepare(sql);
    s.bind(1, param);
    s.step();
    return s.int64(0);
}

} // namespace

class TestDemo : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void summaryMatchesTables();
    void members();
    void caseCountAndSeasons();
    void everyCaseHasVictimsAndAPrimary();
    void victimsAndPlaces();
    void statuses();
    void clearances();
    void exceptionalClearances();
    void unfoundedAndReopened();
    void arrests();
    void leads();
    void notes();
    void assignments();
    void inactiveCases();
    void timeOrder();
    void nothingAfterTheEndDate();
    void actorsAreMembers();
    void verifies();
    void sameSeedSameFile();
    void otherSeedOtherFile();
    void smallestUnit();
    void refusesAFileWithCases();
    void rejectsBadOptions_data();
    void rejectsBadOptions();

private:
    db::Database &db() { return m_demo.file->db(); }
    QTemporaryDir m_dir;
    demo::DemoOptions m_options = defaults();
    Generated m_demo;
};

void TestDemo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = generate(m_dir.filePath(u"demo.caseboard"_s), m_options);
}

void TestDemo::summaryMatchesTables()
{
    const demo::DemoSummary &s = m_demo.summary;
    QCOMPARE(s.members, count(db(), "SELECT count(*) FROM members"));
    QCOMPARE(s.cases, count(db(), "SELECT count(*) FROM cases"));
    QCOMPARE(s.victims, count(db(), "SELECT count(*) FROM victims"));
    QCOMPARE(s.leads, count(db(), "SELECT count(*) FROM leads"));
    QCOMPARE(s.notes, count(db(), "SELECT count(*) FROM notes"));
    QCOMPARE(s.arrests, count(db(), "SELECT count(*) FROM arrests"));
    // A reassignment ends one primary assignment.
    QCOMPARE(s.reassignments,
        count(db(), "SELECT count(*) FROM assignments WHERE role = 'primary' AND end_date IS NOT NULL"));
}

void TestDemo::members()
{
    QCOMPARE(count(db(), "SELECT count(*) FROM members WHERE role = 'command'"), 2);
    QCOMPARE(count(db(), "SELECT count(*) FROM members WHERE role = 'administrator'"), 1);
    QCOMPARE(count(db(), "SELECT count(*) FROM members WHERE role = 'sergeant' AND active = 1"), m_options.sergeants);
    // Departures are replaced, so the unit ends at full strength, with the leavers inactive.
    QCOMPARE(count(db(), "SELECT count(*) FROM members WHERE role = 'detective' AND active = 1"), m_options.detectives);
    const qint64 left = count(db(), "SELECT count(*) FROM members WHERE active = 0");
    QVERIFY2(left >= 1, "nobody retired or transferred out");
    QCOMPARE(count(db(), "SELECT count(*) FROM members WHERE active = 0 AND role <> 'detective'"), 0);
    // One sergeant per team; every detective is on one of those teams.
    QCOMPARE(count(db(), "SELECT count(DISTINCT team) FROM members WHERE role = 'sergeant'"), m_options.sergeants);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM members WHERE role = 'detective' AND team NOT IN "
                 "(SELECT team FROM members WHERE role = 'sergeant')"),
        0);
    QCOMPARE(count(db(), "SELECT count(*) FROM members WHERE trim(rank) = '' OR trim(name) = ''"), 0);
    QCOMPARE(count(db(), "SELECT count(DISTINCT name) FROM members"), count(db(), "SELECT count(*) FROM members"));
}

void TestDemo::caseCountAndSeasons()
{
    const qint64 cases = count(db(), "SELECT count(*) FROM cases");
    const double expected = m_options.years * m_options.casesPerYear;
    QVERIFY2(cases >= 0.8 * expected && cases <= 1.2 * expected, qPrintable(QString::number(cases)));
    const qint64 summer
        = count(db(), "SELECT count(*) FROM cases WHERE strftime('%m', incident_date) IN ('06', '07', '08')");
    const qint64 winter
        = count(db(), "SELECT count(*) FROM cases WHERE strftime('%m', incident_date) IN ('12', '01', '02')");
    QVERIFY2(summer > winter, qPrintable(u"summer %1, winter %2"_s.arg(summer).arg(winter)));
    const QString first = m_options.endDate.addYears(-m_options.years).toString(Qt::ISODate);
    QCOMPARE(count(db(), "SELECT count(*) FROM cases WHERE incident_date <= ?1", first), 0);
    QCOMPARE(count(db(), "SELECT count(DISTINCT case_number) FROM cases"), cases);
}

void TestDemo::everyCaseHasVictimsAndAPrimary()
{
    QCOMPARE(
        count(db(), "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM victims v WHERE v.case_id = c.id)"),
        0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM assignments a "
                 "WHERE a.case_id = c.id AND a.role = 'primary' AND a.end_date IS NULL)"),
        0);
    // The first primary starts on the day the case is opened.
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM cases c WHERE (SELECT a.start_date FROM assignments a WHERE a.case_id = c.id "
                 "AND a.role = 'primary' ORDER BY a.id LIMIT 1) IS NOT date(c.created_at / 1000, 'unixepoch', "
                 "'localtime')"),
        0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM assignments a JOIN members m ON m.id = a.member_id WHERE m.role <> 'detective'"),
        0);
}

void TestDemo::victimsAndPlaces()
{
    const qint64 cases = count(db(), "SELECT count(*) FROM cases");
    const qint64 victims = count(db(), "SELECT count(*) FROM victims");
    const double mean = double(victims) / double(cases);
    QVERIFY2(mean > 1.05 && mean < 1.3, qPrintable(QString::number(mean)));
    QVERIFY(
        count(db(), "SELECT count(*) FROM (SELECT case_id FROM victims GROUP BY case_id HAVING count(*) > 1)") >= 3);
    // Most victims are men; most killings are with handguns.
    QVERIFY(count(db(), "SELECT count(*) FROM victims WHERE sex = 'male'") * 2 > victims);
    QVERIFY(count(db(), "SELECT count(*) FROM cases WHERE weapon = 'handgun'") * 2 > cases);
    QVERIFY(count(db(), "SELECT count(DISTINCT weapon) FROM cases") >= 6);
    QVERIFY(count(db(), "SELECT count(DISTINCT circumstance) FROM cases") >= 8);
    QVERIFY(count(db(), "SELECT count(DISTINCT race) FROM victims") >= 5);
    QCOMPARE(count(db(), "SELECT count(DISTINCT area) FROM cases"), 5);
    QCOMPARE(count(db(), "SELECT count(DISTINCT district) FROM cases"), 10);
    QCOMPARE(count(db(), "SELECT count(*) FROM cases WHERE beat IS NULL OR community_area IS NULL OR ward IS NULL"), 0);
    const QRegularExpression block(u"^\\d+xx block of [NSEW] \\S.*$"_s);
    db::Statement s = db().prepare("SELECT address FROM cases");
    while (s.step())
        QVERIFY2(block.match(s.text(0)).hasMatch(), qPrintable(s.text(0)));
}

void TestDemo::statuses()
{
    for (const char *status : { "open", "cleared_arrest", "cleared_exceptional", "unfounded" })
        QVERIFY2(count(db(), "SELECT count(*) FROM cases WHERE status = ?1", QString::fromLatin1(status)) > 0, status);
    // Recent cases are mostly still open.
    const QString recent = kEnd.addDays(-60).toString(Qt::ISODate);
    const qint64 all = count(db(), "SELECT count(*) FROM cases WHERE incident_date > ?1", recent);
    const qint64 open = count(db(), "SELECT count(*) FROM cases WHERE incident_date > ?1 AND status = 'open'", recent);
    QVERIFY(all > 0);
    QVERIFY2(open * 2 > all, qPrintable(u"%1 of %2 recent cases open"_s.arg(open).arg(all)));
}

void TestDemo::clearances()
{
    const qint64 cases = count(db(), "SELECT count(*) FROM cases WHERE status <> 'unfounded'");
    const qint64 cleared = count(db(), "SELECT count(*) FROM cases WHERE clearance_date IS NOT NULL");
    QVERIFY2(cleared >= 0.35 * cases && cleared <= 0.65 * cases, qPrintable(u"%1 of %2"_s.arg(cleared).arg(cases)));
    QCOMPARE(count(db(), "SELECT count(*) FROM cases WHERE clearance_date < incident_date"), 0);
    QCOMPARE(
        count(db(), "SELECT count(*) FROM cases WHERE clearance_date IS NOT NULL AND clearing_member_id IS NULL"), 0);
    // Many within days, a tail over months and years.
    const qint64 withinWeek
        = count(db(), "SELECT count(*) FROM cases WHERE julianday(clearance_date) - julianday(incident_date) <= 7");
    QVERIFY2(withinWeek * 4 >= cleared, qPrintable(u"%1 of %2"_s.arg(withinWeek).arg(cleared)));
    QVERIFY(
        count(db(),
            "SELECT count(*) FROM cases WHERE julianday(clearance_date) - julianday(incident_date) BETWEEN 31 AND 365")
        > 0);
    QVERIFY(
        count(db(), "SELECT count(*) FROM cases WHERE julianday(clearance_date) - julianday(incident_date) > 365") > 0);
    // Cleared by arrest: someone was arrested by then and the charges were approved.
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM cases c WHERE c.status = 'cleared_arrest' AND NOT EXISTS (SELECT 1 FROM "
                 "arrests a WHERE a.case_id = c.id AND a.arrest_date <= c.clearance_date AND "
                 "a.prosecution_status = 'approved')"),
        0);
}

void TestDemo::exceptionalClearances()
{
    const qint64 cleared = count(db(), "SELECT count(*) FROM cases WHERE clearance_date IS NOT NULL");
    const qint64 exceptional = count(db(), "SELECT count(*) FROM cases WHERE status = 'cleared_exceptional'");
    QVERIFY2(exceptional >= 0.08 * cleared && exceptional <= 0.30 * cleared,
        qPrintable(u"%1 of %2"_s.arg(exceptional).arg(cleared)));
    QCOMPARE(
        count(db(), "SELECT count(*) FROM cases WHERE status = 'cleared_exceptional' AND exceptional_code IS NULL"), 0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM status_changes WHERE status = 'cleared_exceptional' AND "
                 "(exceptional_code IS NULL OR offender_identified IS NOT 1 OR evidence_sufficient IS NOT 1 OR "
                 "location_known IS NOT 1 OR beyond_control IS NOT 1 OR trim(reason) = '')"),
        0);
    QCOMPARE(count(db(), "SELECT count(*) FROM status_changes WHERE exceptional_code NOT IN ('A', 'B', 'C', 'E')"), 0);
    QVERIFY(count(db(), "SELECT count(*) FROM cases WHERE exceptional_code = 'A'") > 0);
    QVERIFY(count(db(), "SELECT count(DISTINCT exceptional_code) FROM cases") >= 3);
    // The offender is identified: the case names one.
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM cases c WHERE c.status = 'cleared_exceptional' AND NOT EXISTS (SELECT 1 "
                 "FROM case_persons p WHERE p.case_id = c.id AND p.role = 'offender')"),
        0);
}

void TestDemo::unfoundedAndReopened()
{
    QVERIFY(count(db(), "SELECT count(*) FROM cases WHERE status = 'unfounded'") >= 1);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM cases WHERE status = 'unfounded' AND (trim(coalesce(unfounded_reason, '')) "
                 "= '' OR unfounded_date < incident_date)"),
        0);
    // A reopening is an 'open' status change after the first one.
    const qint64 reopened = count(db(),
        "SELECT count(*) FROM status_changes s WHERE s.status = 'open' AND s.id > (SELECT "
        "min(id) FROM status_changes f WHERE f.case_id = s.case_id)");
    QVERIFY2(reopened >= 1 && reopened <= 2, qPrintable(QString::number(reopened)));
    QCOMPARE(count(db(), "SELECT count(*) FROM status_changes WHERE trim(reason) = ''"), 0);
}

void TestDemo::arrests()
{
    for (const char *status : { "approved", "declined" })
        QVERIFY2(
            count(db(), "SELECT count(*) FROM arrests WHERE prosecution_status = ?1", QString::fromLatin1(status)) > 0,
            status);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM arrests a JOIN cases c ON c.id = a.case_id WHERE a.arrest_date < "
                 "c.incident_date OR a.prosecution_date < a.arrest_date"),
        0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM arrests a JOIN case_persons p ON p.id = a.person_id WHERE a.juvenile <> "
                 "(p.age < 18)"),
        0);
    QVERIFY(count(db(), "SELECT count(*) FROM case_persons WHERE role = 'witness'") > 0);
    QVERIFY(count(db(), "SELECT count(*) FROM case_persons WHERE role = 'suspect'") > 0);
}

void TestDemo::leads()
{
    QCOMPARE(count(db(), "SELECT count(DISTINCT source) FROM leads"), 7);
    QCOMPARE(count(db(), "SELECT count(DISTINCT priority) FROM leads"), 4);
    QCOMPARE(count(db(), "SELECT count(DISTINCT status) FROM leads"), 4);
    const QString end = kEnd.toString(Qt::ISODate);
    QVERIFY(count(db(),
                "SELECT count(*) FROM leads l JOIN cases c ON c.id = l.case_id WHERE c.status = 'open' AND "
                "l.status IN ('open', 'in_progress') AND l.due_date < ?1",
                end)
        > 0);
    QCOMPARE(
        count(db(), "SELECT count(*) FROM leads WHERE status IN ('completed', 'no_value') AND trim(result) = ''"), 0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM leads l JOIN cases c ON c.id = l.case_id WHERE l.created_date < "
                 "c.incident_date OR l.due_date < l.created_date OR l.completed_date < l.created_date"),
        0);
    // Only open, active cases carry open leads; their assignees are still in the unit.
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM leads l JOIN cases c ON c.id = l.case_id WHERE l.status IN ('open', "
                 "'in_progress') AND (c.status <> 'open' OR c.investigative_state <> 'active')"),
        0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM leads l JOIN members m ON m.id = l.assignee_id WHERE l.status IN ('open', "
                 "'in_progress') AND m.active = 0"),
        0);
    const double perCase
        = double(count(db(), "SELECT count(*) FROM leads")) / double(count(db(), "SELECT count(*) FROM cases"));
    QVERIFY2(perCase > 0.6 * m_options.leadsPerCase && perCase < 1.4 * m_options.leadsPerCase,
        qPrintable(QString::number(perCase)));
}

void TestDemo::notes()
{
    QVERIFY(count(db(), "SELECT count(*) FROM notes WHERE corrects_note_id IS NOT NULL") > 0);
    // A correction follows the note it corrects, in the same case, usually by the same author.
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM notes n JOIN notes o ON o.id = n.corrects_note_id WHERE o.case_id <> "
                 "n.case_id OR o.created_at > n.created_at OR o.id > n.id OR o.author_id IS NOT n.author_id"),
        0);
    QCOMPARE(count(db(), "SELECT count(*) FROM notes WHERE author_id IS NULL"), 0);
    const double perCase
        = double(count(db(), "SELECT count(*) FROM notes")) / double(count(db(), "SELECT count(*) FROM cases"));
    QVERIFY2(perCase > 0.6 * m_options.notesPerCase && perCase < 1.4 * m_options.notesPerCase,
        qPrintable(QString::number(perCase)));
}

void TestDemo::assignments()
{
    QVERIFY(count(db(), "SELECT count(*) FROM assignments WHERE role = 'primary' AND end_date IS NOT NULL") > 0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM assignments WHERE end_date IS NOT NULL AND trim(coalesce(end_reason, '')) = ''"),
        0);
    QCOMPARE(
        count(db(), "SELECT count(*) FROM assignments WHERE trim(start_reason) = '' OR assigned_by_id IS NULL"), 0);
    QVERIFY(count(db(),
                "SELECT count(*) FROM assignments WHERE end_reason LIKE '%retired%' OR end_reason LIKE "
                "'%transferred%'")
        > 0);
    QVERIFY(count(db(), "SELECT count(*) FROM assignments WHERE role = 'secondary'") > 0);
    // Nobody who has left still carries an open case.
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM assignments a JOIN members m ON m.id = a.member_id JOIN cases c ON c.id = "
                 "a.case_id WHERE a.end_date IS NULL AND m.active = 0 AND c.status = 'open'"),
        0);
    // Reassignments stay within the team that holds the case (or a team covering for it).
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM assignments a JOIN members m ON m.id = a.assigned_by_id WHERE m.role NOT IN "
                 "('sergeant', 'command')"),
        0);
}

void TestDemo::inactiveCases()
{
    QVERIFY(count(db(), "SELECT count(*) FROM cases WHERE investigative_state = 'inactive'") > 0);
    // Cold cases are old and open.
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM cases WHERE investigative_state = 'inactive' AND (status <> 'open' OR "
                 "incident_date > ?1)",
                 kEnd.addDays(-90).toString(Qt::ISODate)),
        0);
}

void TestDemo::timeOrder()
{
    // The audit trail runs forward in time, overall and so within every case.
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM (SELECT at, lag(at) OVER (ORDER BY id) AS before FROM audit) WHERE at < before"),
        0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM (SELECT created_at, lag(created_at) OVER (PARTITION BY case_id ORDER BY id) "
                 "AS before FROM notes) WHERE created_at < before"),
        0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM (SELECT effective_date, lag(effective_date) OVER (PARTITION BY case_id ORDER "
                 "BY id) AS before FROM status_changes) WHERE effective_date < before"),
        0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM (SELECT start_date, lag(start_date) OVER (PARTITION BY case_id, role ORDER "
                 "BY id) AS before FROM assignments) WHERE start_date < before"),
        0);
    // A case is opened on or after its incident date, at the time its audit row says.
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM cases WHERE date(created_at / 1000, 'unixepoch', 'localtime') < incident_date"),
        0);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM cases c JOIN audit a ON a.entity = 'case' AND a.entity_id = c.id AND "
                 "a.action = 'create' WHERE a.at <> c.created_at"),
        0);
}

void TestDemo::nothingAfterTheEndDate()
{
    const QString end = kEnd.toString(Qt::ISODate);
    const char *checks[] = {
        "SELECT count(*) FROM cases WHERE incident_date > ?1 OR clearance_date > ?1 OR unfounded_date > ?1",
        "SELECT count(*) FROM status_changes WHERE effective_date > ?1",
        "SELECT count(*) FROM arrests WHERE arrest_date > ?1 OR prosecution_date > ?1",
        "SELECT count(*) FROM assignments WHERE start_date > ?1 OR end_date > ?1",
        "SELECT count(*) FROM leads WHERE created_date > ?1 OR completed_date > ?1",
        "SELECT count(*) FROM notes WHERE date(created_at / 1000, 'unixepoch', 'localtime') > ?1",
        "SELECT count(*) FROM audit WHERE date(at / 1000, 'unixepoch', 'localtime') > ?1",
    };
    for (const char *sql : checks)
        QVERIFY2(count(db(), sql, end) == 0, sql);
}

void TestDemo::actorsAreMembers()
{
    // Apart from the first member (the unit's administrator, created by the generator itself),
    // every change is made by a member, recorded under that member's badge.
    QCOMPARE(count(db(), "SELECT count(*) FROM audit WHERE actor_id IS NULL"), 1);
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM audit WHERE actor_id IS NULL AND actor = 'system:demo' AND entity = 'member'"),
        1);
    QCOMPARE(
        count(db(), "SELECT count(*) FROM audit a JOIN members m ON m.id = a.actor_id WHERE a.actor <> m.badge"), 0);
    // Command staff approve exceptional clearances.
    QCOMPARE(count(db(),
                 "SELECT count(*) FROM audit a JOIN members m ON m.id = a.actor_id WHERE a.entity = 'status_change' "
                 "AND a.action = 'create' AND json_extract(a.new_value, '$.status') = 'cleared_exceptional' AND "
                 "m.role <> 'command'"),
        0);
}

void TestDemo::verifies()
{
    for (const CaseFile::Check &check : m_demo.file->verify())
        QVERIFY2(check.ok, qPrintable(check.name + u": "_s + check.problems.join(u"; "_s)));
}

void TestDemo::sameSeedSameFile()
{
    const Generated one = generate(m_dir.filePath(u"one.caseboard"_s), compact(11));
    const Generated two = generate(m_dir.filePath(u"two.caseboard"_s), compact(11));
    const QStringList a = dump(one.file->db());
    const QStringList b = dump(two.file->db());
    QVERIFY(a.size() > 1000);
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i] != b[i])
            QFAIL(qPrintable(u"row %1 differs:\n%2\n%3"_s.arg(i).arg(a[i], b[i])));
    }
}

void TestDemo::otherSeedOtherFile()
{
    const Generated one = generate(m_dir.filePath(u"seed-a.caseboard"_s), compact(11));
    const Generated other = generate(m_dir.filePath(u"seed-b.caseboard"_s), compact(12));
    QVERIFY(dump(one.file->db()) != dump(other.file->db()));
}

void TestDemo::smallestUnit()
{
    demo::DemoOptions o = defaults();
    o.years = 1;
    o.detectives = 2;
    o.sergeants = 1;
    o.casesPerYear = 12;
    const Generated g = generate(m_dir.filePath(u"small.caseboard"_s), o);
    QCOMPARE(count(g.file->db(), "SELECT count(*) FROM members WHERE role = 'detective' AND active = 1"), 2);
    QCOMPARE(g.summary.cases, count(g.file->db(), "SELECT count(*) FROM cases"));
    for (const CaseFile::Check &check : g.file->verify())
        QVERIFY2(check.ok, qPrintable(check.name + u": "_s + check.problems.join(u"; "_s)));
}

void TestDemo::refusesAFileWithCases()
{
    test::Fixture f(m_dir.path(), u"taken.caseboard"_s);
    test::addSampleCase(*f.store);
    try {
        demo::generate(*f.file, defaults());
        QFAIL("a case file with a case was filled");
    } catch (const Error &e) {
        QCOMPARE(e.kind(), ErrorKind::Refused);
        QVERIFY2(e.message().contains(u"already has 1 case"_s), qPrintable(e.message()));
    }
    QCOMPARE(f.store->caseCount(), 1);
    QCOMPARE(f.store->members().size(), 2);
}

void TestDemo::rejectsBadOptions_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<double>("value");
    QTest::newRow("no end date") << u"endDate"_s << 0.0;
    QTest::newRow("no years") << u"years"_s << 0.0;
    QTest::newRow("too many years") << u"years"_s << 31.0;
    QTest::newRow("one detective") << u"detectives"_s << 1.0;
    QTest::newRow("no sergeant") << u"sergeants"_s << 0.0;
    QTest::newRow("a sergeant per detective") << u"sergeants"_s << 25.0;
    QTest::newRow("no cases") << u"casesPerYear"_s << 0.0;
    QTest::newRow("less than one victim") << u"victimsPerCase"_s << 0.5;
    QTest::newRow("negative leads") << u"leadsPerCase"_s << -1.0;
    QTest::newRow("negative notes") << u"notesPerCase"_s << -1.0;
}

void TestDemo::rejectsBadOptions()
{
    QFETCH(QString, option);
    QFETCH(double, value);
    demo::DemoOptions o = defaults();
    const int n = int(value);
    if (option == u"endDate")
        o.endDate = QDate();
    else if (option == u"years")
        o.years = n;
    else if (option == u"detectives")
        o.detectives = n;
    else if (option == u"sergeants")
        o.sergeants = n;
    else if (option == u"casesPerYear")
        o.casesPerYear = n;
    else if (option == u"victimsPerCase")
        o.victimsPerCase = value;
    else if (option == u"leadsPerCase")
        o.leadsPerCase = n;
    else if (option == u"notesPerCase")
        o.notesPerCase = n;
    const QString path = m_dir.filePath(u"bad-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    auto file = CaseFile::create(path, test::secret());
    try {
        demo::generate(*file, o);
        QFAIL("bad options were accepted");
    } catch (const Error &e) {
        QCOMPARE(e.kind(), ErrorKind::Invalid);
        QVERIFY2(e.message().contains(option), qPrintable(e.message()));
    }
    QCOMPARE(count(file->db(), "SELECT count(*) FROM members"), 0);
    QCOMPARE(count(file->db(), "SELECT count(*) FROM audit"), 0);
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
