// CaseStore: every kind of change writes exactly the audit rows the rules call for; every
// rejected action names the field and changes nothing; batches; assignment and status history;
// the case list's summaries. Expected values are worked out by hand from the rules.

#include "TestSupport.h"

#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace cb;
using namespace cb::test;
using namespace Qt::StringLiterals;

namespace {

// The unit and one case, built the same way for every test (ids are those of a fresh file).
struct World {
    QTemporaryDir dir;
    std::unique_ptr<Fixture> f;
    QHash<QString, Id> ids;

    World()
    {
        f = std::make_unique<Fixture>(dir.path());
        CaseStore &s = store();
        ids[u"sergeant"_s] = s.addMember({0, u"Sam Okafor"_s, u"S-100"_s, u"Sergeant"_s, u"Team 1"_s, Role::Sergeant, true});
        ids[u"dana"_s] = s.addMember({0, u"Dana Reyes"_s, u"D-200"_s, u"Detective"_s, u"Team 1"_s, Role::Detective, true});
        ids[u"lee"_s] = s.addMember({0, u"Lee Park"_s, u"D-201"_s, u"Detective"_s, u"Team 2"_s, Role::Detective, true});
        ids[u"chief"_s] = s.addMember({0, u"Chief Moss"_s, u"C-1"_s, u"Commander"_s, {}, Role::Command, true});
        ids[u"ray"_s] = s.addMember({0, u"Ray Old"_s, u"D-9"_s, u"Detective"_s, u"Team 1"_s, Role::Detective, false});
        // From here on the sergeant acts.
        s.setActor({ids[u"sergeant"_s], u"S-100"_s, true}); // roles: tst_permissions
        CaseRecord c;
        c.caseNumber = u"HZ-2024-001"_s;
        c.incidentDate = QDate(2024, 3, 2);
        c.incidentTime = QTime(23, 40);
        c.address = u"1200 block W Example St"_s;
        c.district = u"7"_s;
        c.area = u"South"_s;
        c.circumstance = Circumstance::Argument;
        c.weapon = Weapon::Handgun;
        // summary, beat, ward, community area left as default-constructed (null) strings.
        Victim v;
        v.name = u"Victim One"_s;
        v.age = 24;
        v.sex = Sex::Male;
        v.race = Race::Black;
        ids[u"case"_s] = s.createCase(c, {v});
        ids[u"victim"_s] = s.victims(ids[u"case"_s]).first().id;
    }
    CaseStore &store() { return *f->store; }
    db::Database &db() { return f->file->db(); }
    FixedClock &clock() { return f->clock; }
    Id id(const QString &name) const
    {
        if (!ids.contains(name))
            qFatal("no id named %s", qPrintable(name));
        return ids.value(name);
    }
    Id caseId() const { return id(u"case"_s); }

    // A suspect on the case and an arrest of them on 2024-04-01 by Dana.
    void addArrest()
    {
        CasePerson p;
        p.caseId = caseId();
        p.role = PersonRole::Suspect;
        p.name = u"Person S"_s;
        ids[u"person"_s] = store().addPerson(p);
        Arrest a;
        a.caseId = caseId();
        a.personId = ids[u"person"_s];
        a.date = QDate(2024, 4, 1);
        a.charges = u"first-degree murder"_s;
        a.arrestingMemberId = id(u"dana"_s);
        ids[u"arrest"_s] = store().addArrest(a);
    }
};

using Action = std::function<void(World &)>;

const char *const kTables[] = {"settings", "members",  "cases",       "status_changes", "victims", "case_persons",
                               "arrests",  "assignments", "leads", "notes",          "audit"};

// Every row of every table, values typed, to prove that a rejected action changed nothing at all.
QString dumpAll(db::Database &db)
{
    QString out;
    for (const char *table : kTables) {
        out += QString::fromLatin1(table) + u":\n"_s;
        db::Statement s = db.prepare(std::string("SELECT * FROM ") + table + " ORDER BY rowid");
        while (s.step()) {
            QStringList cells;
            for (int i = 0; i < s.columnCount(); ++i) {
                const QVariant v = s.value(i);
                cells << (v.isValid() ? QString::fromLatin1(v.typeName()) + u"="_s + v.toString() : u"NULL"_s);
            }
            out += cells.join(u", "_s) + u'\n';
        }
    }
    return out;
}

QString counts(db::Database &db)
{
    QStringList parts;
    for (const char *table : kTables)
        parts << QString::fromLatin1(table) + u"="_s +
                     QString::number(db.scalar(std::string("SELECT count(*) FROM ") + table).toLongLong());
    return parts.join(u' ');
}

// A stored value as text that keeps its type: NULL, 42, 'text', r:1.5.
QString fmt(const QVariant &v)
{
    if (!v.isValid())
        return u"NULL"_s;
    switch (v.typeId()) {
    case QMetaType::LongLong:
        return QString::number(v.toLongLong());
    case QMetaType::Double:
        return u"r:"_s + QString::number(v.toDouble());
    case QMetaType::QString:
        return u"'"_s + v.toString() + u"'"_s;
    default:
        return u"x'"_s + QString::fromLatin1(v.toByteArray().toHex()) + u"'"_s;
    }
}

QString normalisedJson(const QString &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return u"<not a JSON object: "_s + text + u">"_s;
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact)); // keys come out sorted
}

// The audit rows after `afterId`, as "action|entity|entity_id|case_id|field|old|new".
QStringList auditRowsAfter(World &w, qint64 afterId, qint64 expectedAt, Id expectedActorId, const QString &expectedActor)
{
    QStringList rows;
    db::Statement s = w.db().prepare("SELECT at, actor_id, actor, action, entity, entity_id, case_id, field, "
                                     "old_value, new_value FROM audit WHERE id > ?1 ORDER BY id");
    s.bind(1, afterId);
    while (s.step()) {
        if (s.int64(0) != expectedAt || s.optInt64(1) != std::optional<std::int64_t>(expectedActorId) ||
            s.text(2) != expectedActor)
            rows << u"<who/when: at %1 actor_id %2 actor %3>"_s.arg(s.int64(0)).arg(fmt(s.value(1)), s.text(2));
        const QString action = s.text(3);
        const QString newValue = action == u"create"_s ? normalisedJson(s.text(9)) : fmt(s.value(9));
        rows << QStringList{action, s.text(4), fmt(s.value(5)), fmt(s.value(6)), fmt(s.value(7)), fmt(s.value(8)), newValue}
                    .join(u'|');
    }
    return rows;
}

// Replaces {name} with the id of that name and {now} with the clock's time in ms.
QString expand(const QString &row, const World &w, qint64 now)
{
    static const QRegularExpression placeholder(uR"(\{(\w+)\})"_s);
    QString out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(row);
    while (it.hasNext()) {
        const auto m = it.next();
        out += row.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        out += name == u"now"_s ? QString::number(now) : QString::number(w.id(name));
        last = m.capturedEnd();
    }
    out += row.mid(last);
    const QStringList parts = out.split(u'|');
    if (parts.size() == 7 && parts[0] == u"create"_s)
        return QStringList(parts.mid(0, 6) << normalisedJson(parts[6])).join(u'|');
    return out;
}

qint64 maxAuditId(World &w)
{
    return w.db().scalar("SELECT coalesce(max(id), 0) FROM audit").toLongLong();
}

} // namespace

Q_DECLARE_METATYPE(Action)
Q_DECLARE_METATYPE(cb::ErrorKind)

class TestCaseStore : public QObject {
    Q_OBJECT

private slots:
    void baseWorldIsSound();
    void auditRows_data();
    void auditRows();
    void eventAuditRows();
    void memberAuditBelongsToNoCase();
    void rejected_data();
    void rejected();
    void batchCommitsTogether();
    void batchCaughtFailureRollsBackOnlyThatAction();
    void batchCaughtFailureAfterPartialWrite();
    void batchPropagatedFailureRollsBackAll();
    void bulkCommitsTogether();
    void bulkRefusalBeforeAnyWriteIsHarmless();
    void bulkCaughtFailureAfterPartialWriteRollsBackAll();
    void reassignmentKeepsHistory();
    void roleChangeEndsOldRole();
    void statusHistoryClearReopenClear();
    void caseSummaries();
    void readBack();
};

void TestCaseStore::baseWorldIsSound()
{
    World w;
    QCOMPARE(w.id(u"sergeant"_s), 1);
    QCOMPARE(w.id(u"case"_s), 1);
    const auto c = w.store().caseById(w.caseId());
    QVERIFY(c);
    QCOMPARE(c->status, CaseStatus::Open);
    QCOMPARE(c->summary, QString());
    QVERIFY(!c->summary.isNull()); // stored as '', not NULL
    QCOMPARE(c->createdAt, w.clock().nowMs());
    for (const auto &check : w.f->file->verify())
        QVERIFY2(check.ok, qPrintable(check.name + u": "_s + check.problems.join(u" | "_s)));
}

void TestCaseStore::auditRows_data()
{
    QTest::addColumn<Action>("setup");
    QTest::addColumn<Action>("act");
    QTest::addColumn<QStringList>("expected"); // action|entity|entity_id|case_id|field|old|new, any order

    const Action none = [](World &) {};

    QTest::newRow("add member")
        << none
        << Action([](World &w) {
               w.ids[u"new"_s] = w.store().addMember(
                   {0, u"  Kim Lowe "_s, u"D-300"_s, {}, u"Team 2"_s, Role::Detective, true});
           })
        << QStringList{u"create|member|{new}|NULL|NULL|NULL|{\"id\":{new},\"name\":\"Kim Lowe\",\"badge\":\"D-300\","
                       "\"rank\":\"\",\"team\":\"Team 2\",\"role\":\"detective\",\"active\":1}"_s};

    QTest::newRow("update member")
        << none
        << Action([](World &w) {
               Member m = *w.store().member(w.id(u"dana"_s));
               m.name = u"  Dana Reyes  "_s; // trimmed: no change
               m.team = u"Team 3"_s;
               m.active = false;
               w.store().updateMember(m);
           })
        << QStringList{u"update|member|{dana}|NULL|'team'|'Team 1'|'Team 3'"_s,
                       u"update|member|{dana}|NULL|'active'|1|0"_s};

    QTest::newRow("create case")
        << none
        << Action([](World &w) {
               CaseRecord c;
               c.caseNumber = u" HZ-2024-002 "_s;
               c.incidentDate = QDate(2024, 6, 1);
               c.incidentTime = QTime(1, 15);
               c.address = u"400 N Sample Ave"_s;
               c.district = u"3"_s;
               c.beat = u"0311"_s;
               c.ward = u"12"_s;
               c.communityArea = u"Near North"_s;
               c.area = u"North"_s;
               c.circumstance = Circumstance::Drug;
               c.weapon = Weapon::Knife;
               c.summary = u"Found at dawn"_s;
               Victim a;
               a.name = u"Victim A"_s;
               a.age = 30;
               a.sex = Sex::Female;
               a.race = Race::White;
               Victim unknown; // nothing known yet
               w.ids[u"new"_s] = w.store().createCase(c, {a, unknown});
               w.ids[u"va"_s] = w.store().victims(w.ids[u"new"_s]).value(0).id;
               w.ids[u"vb"_s] = w.store().victims(w.ids[u"new"_s]).value(1).id;
               w.ids[u"sc"_s] = w.store().statusHistory(w.ids[u"new"_s]).value(0).id;
           })
        << QStringList{
               u"create|case|{new}|{new}|NULL|NULL|{\"id\":{new},\"case_number\":\"HZ-2024-002\","
               "\"incident_date\":\"2024-06-01\",\"incident_time\":\"01:15\",\"address\":\"400 N Sample Ave\","
               "\"district\":\"3\",\"beat\":\"0311\",\"ward\":\"12\",\"community_area\":\"Near North\",\"area\":\"North\","
               "\"circumstance\":\"drug\",\"weapon\":\"knife\",\"domestic\":0,\"investigative_state\":\"active\","
               "\"status\":\"open\","
               "\"summary\":\"Found at dawn\",\"created_at\":{now},\"restricted\":0}"_s,
               u"create|status_change|{sc}|{new}|NULL|NULL|{\"id\":{sc},\"case_id\":{new},\"status\":\"open\","
               "\"effective_date\":\"2024-06-01\",\"member_id\":{sergeant},"
               ""
               "\"reason\":\"case opened\",\"recorded_at\":{now}}"_s,
               u"create|victim|{va}|{new}|NULL|NULL|{\"id\":{va},\"case_id\":{new},\"name\":\"Victim A\",\"age\":30,"
               "\"sex\":\"female\",\"race\":\"white\"}"_s,
               u"create|victim|{vb}|{new}|NULL|NULL|{\"id\":{vb},\"case_id\":{new},\"name\":\"\","
               "\"sex\":\"unknown\",\"race\":\"unknown\"}"_s};

    QTest::newRow("update case")
        << none
        << Action([](World &w) {
               CaseRecord c = *w.store().caseById(w.caseId());
               c.weapon = Weapon::Rifle;
               c.domestic = true;
               c.beat = u"0712"_s;
               c.summary = u"Shot in a dispute"_s;
               w.store().updateCase(c);
           })
        << QStringList{u"update|case|{case}|{case}|'beat'|NULL|'0712'"_s,
                       u"update|case|{case}|{case}|'weapon'|'handgun'|'rifle'"_s,
                       u"update|case|{case}|{case}|'domestic'|0|1"_s,
                       u"update|case|{case}|{case}|'summary'|''|'Shot in a dispute'"_s};

    QTest::newRow("update case, nothing changed")
        << none << Action([](World &w) { w.store().updateCase(*w.store().caseById(w.caseId())); }) << QStringList{};

    QTest::newRow("add victim")
        << none
        << Action([](World &w) {
               w.ids[u"new"_s] = w.store().addVictim({0, w.caseId(), u"Second Victim"_s, 19, Sex::Male, Race::Hispanic});
           })
        << QStringList{u"create|victim|{new}|{case}|NULL|NULL|{\"id\":{new},\"case_id\":{case},"
                       "\"name\":\"Second Victim\",\"age\":19,\"sex\":\"male\",\"race\":\"hispanic\"}"_s};

    QTest::newRow("update victim")
        << none
        << Action([](World &w) {
               Victim v = w.store().victims(w.caseId()).first();
               v.name = u"Victim One Jr"_s;
               v.age = 25;
               w.store().updateVictim(v);
           })
        << QStringList{u"update|victim|{victim}|{case}|'name'|'Victim One'|'Victim One Jr'"_s,
                       u"update|victim|{victim}|{case}|'age'|24|25"_s};

    QTest::newRow("add person")
        << none
        << Action([](World &w) {
               w.ids[u"new"_s] = w.store().addPerson(
                   {0, w.caseId(), PersonRole::Suspect, u"Person S"_s, 28, Sex::Male, Race::Black, u"red jacket"_s});
           })
        << QStringList{u"create|person|{new}|{case}|NULL|NULL|{\"id\":{new},\"case_id\":{case},\"role\":\"suspect\","
                       "\"name\":\"Person S\",\"age\":28,\"sex\":\"male\",\"race\":\"black\",\"description\":\"red jacket\"}"_s};

    QTest::newRow("update person")
        << Action([](World &w) {
               w.ids[u"p"_s] = w.store().addPerson(
                   {0, w.caseId(), PersonRole::Suspect, u"Person S"_s, 28, Sex::Male, Race::Black, u"red jacket"_s});
           })
        << Action([](World &w) {
               CasePerson p = w.store().persons(w.caseId()).first();
               p.role = PersonRole::Offender;
               p.description = u"red jacket, tattoo"_s;
               w.store().updatePerson(p);
           })
        << QStringList{u"update|person|{p}|{case}|'role'|'suspect'|'offender'"_s,
                       u"update|person|{p}|{case}|'description'|'red jacket'|'red jacket, tattoo'"_s};

    QTest::newRow("add arrest")
        << Action([](World &w) {
               w.ids[u"p"_s] = w.store().addPerson({0, w.caseId(), PersonRole::Suspect, u"Person S"_s, {}, {}, {}, {}});
           })
        << Action([](World &w) {
               Arrest a;
               a.caseId = w.caseId();
               a.personId = w.id(u"p"_s);
               a.date = QDate(2024, 4, 1);
               a.charges = u" first-degree murder "_s;
               a.arrestingMemberId = w.id(u"dana"_s);
               w.ids[u"new"_s] = w.store().addArrest(a);
           })
        << QStringList{u"create|arrest|{new}|{case}|NULL|NULL|{\"id\":{new},\"case_id\":{case},\"person_id\":{p},"
                       "\"arrest_date\":\"2024-04-01\",\"charges\":\"first-degree murder\",\"arresting_member_id\":{dana},"
                       "\"juvenile\":0}"_s};

    QTest::newRow("set prosecution")
        << Action([](World &w) { w.addArrest(); })
        << Action([](World &w) {
               w.store().setProsecution(w.id(u"arrest"_s), ProsecutionStatus::Approved, QDate(2024, 4, 3));
           })
        << QStringList{u"update|arrest|{arrest}|{case}|'prosecution_status'|NULL|'approved'"_s,
                       u"update|arrest|{arrest}|{case}|'prosecution_date'|NULL|'2024-04-03'"_s};

    QTest::newRow("clear by arrest")
        << Action([](World &w) { w.addArrest(); })
        << Action([](World &w) {
               // No reason given: the default, an empty one, is recorded as ''.
               w.store().clearByArrest(w.caseId(), QDate(2024, 4, 5), w.id(u"dana"_s));
               w.ids[u"sc"_s] = w.store().statusHistory(w.caseId()).last().id;
           })
        << QStringList{u"create|status_change|{sc}|{case}|NULL|NULL|{\"id\":{sc},\"case_id\":{case},"
                       "\"status\":\"cleared_arrest\",\"effective_date\":\"2024-04-05\",\"member_id\":{dana},"
                       ""
                       "\"reason\":\"\",\"recorded_at\":{now}}"_s,
                       u"update|case|{case}|{case}|'status'|'open'|'cleared_arrest'"_s,
                       u"update|case|{case}|{case}|'clearance_date'|NULL|'2024-04-05'"_s,
                       u"update|case|{case}|{case}|'clearing_member_id'|NULL|{dana}"_s};

    QTest::newRow("clear exceptionally")
        << none
        << Action([](World &w) {
               ExceptionalClearance ex;
               ex.code = ExceptionalCode::A;
               ex.offenderIdentified = ex.evidenceSufficient = ex.locationKnown = ex.beyondControl = true;
               ex.reason = u" offender died "_s;
               w.store().clearExceptionally(w.caseId(), QDate(2024, 5, 1), w.id(u"dana"_s), ex);
               w.ids[u"sc"_s] = w.store().statusHistory(w.caseId()).last().id;
           })
        << QStringList{u"create|status_change|{sc}|{case}|NULL|NULL|{\"id\":{sc},\"case_id\":{case},"
                       "\"status\":\"cleared_exceptional\",\"effective_date\":\"2024-05-01\",\"member_id\":{dana},"
                       "\"exceptional_code\":\"A\",\"offender_identified\":1,\"evidence_sufficient\":1,"
                       "\"location_known\":1,\"beyond_control\":1,\"reason\":\"offender died\",\"recorded_at\":{now}}"_s,
                       u"update|case|{case}|{case}|'status'|'open'|'cleared_exceptional'"_s,
                       u"update|case|{case}|{case}|'exceptional_code'|NULL|'A'"_s,
                       u"update|case|{case}|{case}|'clearance_date'|NULL|'2024-05-01'"_s,
                       u"update|case|{case}|{case}|'clearing_member_id'|NULL|{dana}"_s};

    QTest::newRow("mark unfounded")
        << none
        << Action([](World &w) {
               w.store().markUnfounded(w.caseId(), QDate(2024, 3, 10), u"ruled accidental"_s);
               w.ids[u"sc"_s] = w.store().statusHistory(w.caseId()).last().id;
           })
        << QStringList{u"create|status_change|{sc}|{case}|NULL|NULL|{\"id\":{sc},\"case_id\":{case},"
                       "\"status\":\"unfounded\",\"effective_date\":\"2024-03-10\",\"member_id\":{sergeant},"
                       ""
                       "\"reason\":\"ruled accidental\",\"recorded_at\":{now}}"_s,
                       u"update|case|{case}|{case}|'status'|'open'|'unfounded'"_s,
                       u"update|case|{case}|{case}|'unfounded_date'|NULL|'2024-03-10'"_s,
                       u"update|case|{case}|{case}|'unfounded_reason'|NULL|'ruled accidental'"_s};

    QTest::newRow("reopen")
        << Action([](World &w) {
               w.addArrest();
               w.store().clearByArrest(w.caseId(), QDate(2024, 4, 5), w.id(u"dana"_s), u"charged"_s);
           })
        << Action([](World &w) {
               w.store().reopen(w.caseId(), QDate(2024, 5, 20), u"conviction overturned"_s);
               w.ids[u"sc"_s] = w.store().statusHistory(w.caseId()).last().id;
           })
        << QStringList{u"create|status_change|{sc}|{case}|NULL|NULL|{\"id\":{sc},\"case_id\":{case},"
                       "\"status\":\"open\",\"effective_date\":\"2024-05-20\",\"member_id\":{sergeant},"
                       ""
                       "\"reason\":\"conviction overturned\","
                       "\"recorded_at\":{now}}"_s,
                       u"update|case|{case}|{case}|'status'|'cleared_arrest'|'open'"_s,
                       u"update|case|{case}|{case}|'clearance_date'|'2024-04-05'|NULL"_s,
                       u"update|case|{case}|{case}|'clearing_member_id'|{dana}|NULL"_s};

    QTest::newRow("assign")
        << none
        << Action([](World &w) {
               w.ids[u"new"_s] =
                   w.store().assign(w.caseId(), w.id(u"dana"_s), AssignmentRole::Primary, QDate(2024, 3, 3), u"on call"_s);
           })
        << QStringList{u"create|assignment|{new}|{case}|NULL|NULL|{\"id\":{new},\"case_id\":{case},\"member_id\":{dana},"
                       "\"role\":\"primary\",\"start_date\":\"2024-03-03\",\"start_reason\":\"on call\","
                       "\"assigned_by_id\":{sergeant}}"_s};

    QTest::newRow("assign without a reason")
        << none
        << Action([](World &w) {
               w.ids[u"new"_s] =
                   w.store().assign(w.caseId(), w.id(u"lee"_s), AssignmentRole::Secondary, QDate(2024, 3, 3), {});
           })
        << QStringList{u"create|assignment|{new}|{case}|NULL|NULL|{\"id\":{new},\"case_id\":{case},\"member_id\":{lee},"
                       "\"role\":\"secondary\",\"start_date\":\"2024-03-03\",\"start_reason\":\"\","
                       "\"assigned_by_id\":{sergeant}}"_s};

    QTest::newRow("reassign primary")
        << Action([](World &w) {
               w.ids[u"old"_s] =
                   w.store().assign(w.caseId(), w.id(u"dana"_s), AssignmentRole::Primary, QDate(2024, 3, 3), u"on call"_s);
           })
        << Action([](World &w) {
               w.ids[u"new"_s] =
                   w.store().assign(w.caseId(), w.id(u"lee"_s), AssignmentRole::Primary, QDate(2024, 5, 2), u"rebalance"_s);
           })
        << QStringList{u"update|assignment|{old}|{case}|'end_date'|NULL|'2024-05-02'"_s,
                       u"update|assignment|{old}|{case}|'end_reason'|NULL|'rebalance'"_s,
                       u"create|assignment|{new}|{case}|NULL|NULL|{\"id\":{new},\"case_id\":{case},\"member_id\":{lee},"
                       "\"role\":\"primary\",\"start_date\":\"2024-05-02\",\"start_reason\":\"rebalance\","
                       "\"assigned_by_id\":{sergeant}}"_s};

    QTest::newRow("end assignment")
        << Action([](World &w) {
               w.ids[u"a"_s] =
                   w.store().assign(w.caseId(), w.id(u"lee"_s), AssignmentRole::Secondary, QDate(2024, 3, 4), u"help"_s);
           })
        << Action([](World &w) { w.store().endAssignment(w.id(u"a"_s), QDate(2024, 4, 1), u"back to own cases"_s); })
        << QStringList{u"update|assignment|{a}|{case}|'end_date'|NULL|'2024-04-01'"_s,
                       u"update|assignment|{a}|{case}|'end_reason'|NULL|'back to own cases'"_s};

    QTest::newRow("add lead")
        << none
        << Action([](World &w) {
               Lead l;
               l.caseId = w.caseId();
               l.description = u"Check video"_s;
               l.source = LeadSource::Video;
               l.priority = LeadPriority::High;
               l.assigneeId = w.id(u"dana"_s);
               l.createdDate = QDate(2024, 3, 5);
               l.dueDate = QDate(2024, 3, 12);
               w.ids[u"new"_s] = w.store().addLead(l);
           })
        << QStringList{u"create|lead|{new}|{case}|NULL|NULL|{\"id\":{new},\"case_id\":{case},\"description\":\"Check video\","
                       "\"source\":\"video\",\"priority\":\"high\",\"assignee_id\":{dana},\"created_date\":\"2024-03-05\","
                       "\"due_date\":\"2024-03-12\",\"status\":\"open\",\"result\":\"\"}"_s};

    QTest::newRow("update lead")
        << Action([](World &w) {
               Lead l;
               l.caseId = w.caseId();
               l.description = u"Check video"_s;
               l.source = LeadSource::Video;
               l.createdDate = QDate(2024, 3, 5);
               l.dueDate = QDate(2024, 3, 12);
               w.ids[u"lead"_s] = w.store().addLead(l);
           })
        << Action([](World &w) {
               Lead l = w.store().leads(w.caseId()).first();
               l.status = LeadStatus::Completed;
               l.completedDate = QDate(2024, 3, 11);
               l.result = u"Plate captured"_s;
               w.store().updateLead(l);
           })
        << QStringList{u"update|lead|{lead}|{case}|'status'|'open'|'completed'"_s,
                       u"update|lead|{lead}|{case}|'completed_date'|NULL|'2024-03-11'"_s,
                       u"update|lead|{lead}|{case}|'result'|''|'Plate captured'"_s};

    QTest::newRow("add note")
        << none << Action([](World &w) { w.ids[u"new"_s] = w.store().addNote(w.caseId(), u"Canvass done"_s); })
        << QStringList{u"create|note|{new}|{case}|NULL|NULL|{\"id\":{new},\"case_id\":{case},\"author_id\":{sergeant},"
                       "\"created_at\":{now},\"body\":\"Canvass done\"}"_s};

    QTest::newRow("add correcting note")
        << Action([](World &w) { w.ids[u"first"_s] = w.store().addNote(w.caseId(), u"Canvass of the 1200 block"_s); })
        << Action([](World &w) {
               w.ids[u"new"_s] = w.store().addNote(w.caseId(), u"Correction: the 1300 block"_s, w.id(u"first"_s));
           })
        << QStringList{u"create|note|{new}|{case}|NULL|NULL|{\"id\":{new},\"case_id\":{case},\"author_id\":{sergeant},"
                       "\"created_at\":{now},\"body\":\"Correction: the 1300 block\",\"corrects_note_id\":{first}}"_s};

    QTest::newRow("record event")
        << none << Action([](World &w) { w.store().recordEvent(u"export"_s, u"case_file"_s, u"3 cases to out.json"_s); })
        << QStringList{u"export|case_file|NULL|NULL|NULL|NULL|'3 cases to out.json'"_s};
}

void TestCaseStore::auditRows()
{
    QFETCH(Action, setup);
    QFETCH(Action, act);
    QFETCH(QStringList, expected);
    World w;
    setup(w);
    w.clock().advanceSecs(3600); // the action's rows carry this later time, the setup's do not
    const qint64 now = w.clock().nowMs();
    QCOMPARE(now, QDateTime(QDate(2024, 6, 15), QTime(13, 0), Qt::UTC).toMSecsSinceEpoch());
    const qint64 before = maxAuditId(w);
    act(w);
    QStringList actual = auditRowsAfter(w, before, now, w.id(u"sergeant"_s), u"S-100"_s);
    QStringList want;
    for (const QString &row : expected)
        want << expand(row, w, now);
    actual.sort();
    want.sort();
    QCOMPARE(actual, want);

    // Whatever the action, the trail still explains every row of the file.
    for (const auto &check : w.f->file->verify())
        QVERIFY2(check.ok, qPrintable(check.name + u": "_s + check.problems.join(u" | "_s)));
}

void TestCaseStore::eventAuditRows()
{
    // The system as actor: no member id, its label.
    World w;
    w.store().setActor({std::nullopt, u"system:import"_s});
    const qint64 before = maxAuditId(w);
    w.store().recordEvent(u"import"_s, u"case_file"_s, u"from old.json"_s);
    db::Statement s = w.db().prepare("SELECT at, actor_id, actor, action, entity, entity_id, case_id, field, old_value, "
                                     "new_value FROM audit WHERE id > ?1");
    s.bind(1, before);
    QVERIFY(s.step());
    QCOMPARE(s.int64(0), QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
    QVERIFY(s.isNull(1));
    QCOMPARE(s.text(2), u"system:import"_s);
    QCOMPARE(s.text(3), u"import"_s);
    QCOMPARE(s.text(4), u"case_file"_s);
    QVERIFY(s.isNull(5));
    QVERIFY(s.isNull(6));
    QVERIFY(s.isNull(7));
    QVERIFY(s.isNull(8));
    QCOMPARE(s.text(9), u"from old.json"_s);
    QVERIFY(!s.step());
}

void TestCaseStore::memberAuditBelongsToNoCase()
{
    // Member 1 and case 1 share an id; the member's changes are not the case's history.
    World w;
    QCOMPARE(w.id(u"sergeant"_s), w.caseId());
    Member m = *w.store().member(w.id(u"sergeant"_s));
    m.team = u"Team 9"_s;
    w.store().updateMember(m);
    for (const AuditEntry &e : w.store().auditForCase(w.caseId()))
        QVERIFY2(e.entity != u"member"_s, qPrintable(e.field));
    const QList<AuditEntry> memberTrail = w.store().auditFor(u"member"_s, w.id(u"sergeant"_s));
    QCOMPARE(memberTrail.size(), 2); // create, team
    QCOMPARE(memberTrail[1].field, u"team"_s);
    QCOMPARE(memberTrail[1].oldValue.toString(), u"Team 1"_s);
    QCOMPARE(memberTrail[1].newValue.toString(), u"Team 9"_s);
    QVERIFY(!memberTrail[1].caseId);
}

void TestCaseStore::rejected_data()
{
    QTest::addColumn<Action>("setup");
    QTest::addColumn<Action>("act");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QStringList>("says");    // each must be in the message
    QTest::addColumn<QStringList>("notSays"); // none may be

    const Action none = [](World &) {};
    auto newCase = [](const QString &number, const QDate &date, QList<Victim> victims) {
        return Action([=](World &w) {
            CaseRecord c;
            c.caseNumber = number;
            c.incidentDate = date;
            w.store().createCase(c, victims);
        });
    };
    const Victim someone{0, 0, u"Someone"_s, 40, Sex::Female, Race::Asian};

    QTest::newRow("case number missing") << none << newCase(u"   "_s, QDate(2024, 6, 1), {someone})
                                         << ErrorKind::Invalid << QStringList{u"case number"_s} << QStringList{};
    QTest::newRow("case number taken") << none << newCase(u" HZ-2024-001"_s, QDate(2024, 6, 1), {someone})
                                       << ErrorKind::Invalid << QStringList{u"case number"_s, u"HZ-2024-001"_s}
                                       << QStringList{};
    QTest::newRow("case number taken by update")
        << Action([](World &w) {
               CaseRecord c;
               c.caseNumber = u"HZ-2024-002"_s;
               c.incidentDate = QDate(2024, 6, 1);
               w.ids[u"other"_s] = w.store().createCase(c, {Victim{}});
           })
        << Action([](World &w) {
               CaseRecord c = *w.store().caseById(w.id(u"other"_s));
               c.caseNumber = u"HZ-2024-001"_s;
               c.summary = u"would change too"_s;
               w.store().updateCase(c);
           })
        << ErrorKind::Invalid << QStringList{u"case number"_s} << QStringList{};
    // Today is 2024-06-15 on the FixedClock.
    QTest::newRow("incident date in the future")
        << none << newCase(u"HZ-2024-009"_s, QDate(2024, 6, 16), {someone}) << ErrorKind::Invalid
        << QStringList{u"incident date"_s, u"2024-06-16"_s} << QStringList{};
    QTest::newRow("incident date missing") << none << newCase(u"HZ-2024-009"_s, QDate(), {someone}) << ErrorKind::Invalid
                                           << QStringList{u"incident date"_s} << QStringList{};
    QTest::newRow("no victims") << none << newCase(u"HZ-2024-009"_s, QDate(2024, 6, 1), {}) << ErrorKind::Invalid
                                << QStringList{u"victim"_s} << QStringList{};
    QTest::newRow("victim age 131") << none
                                    << newCase(u"HZ-2024-009"_s, QDate(2024, 6, 1),
                                               {someone, Victim{0, 0, u"Old"_s, 131, Sex::Male, Race::White}})
                                    << ErrorKind::Invalid << QStringList{u"age"_s, u"131"_s} << QStringList{};
    QTest::newRow("victim age -1") << none
                                   << Action([](World &w) {
                                          w.store().addVictim({0, w.caseId(), u"V"_s, -1, Sex::Male, Race::White});
                                      })
                                   << ErrorKind::Invalid << QStringList{u"age"_s, u"-1"_s} << QStringList{};
    QTest::newRow("victim age on update")
        << none
        << Action([](World &w) {
               Victim v = w.store().victims(w.caseId()).first();
               v.age = 200;
               w.store().updateVictim(v);
           })
        << ErrorKind::Invalid << QStringList{u"age"_s, u"200"_s} << QStringList{};
    QTest::newRow("person age") << none
                                << Action([](World &w) {
                                       w.store().addPerson({0, w.caseId(), PersonRole::Witness, u"W"_s, 131, {}, {}, {}});
                                   })
                                << ErrorKind::Invalid << QStringList{u"age"_s} << QStringList{};
    QTest::newRow("badge taken") << none
                                 << Action([](World &w) {
                                        w.store().addMember({0, u"Other"_s, u"D-200"_s, {}, {}, Role::Detective, true});
                                    })
                                 << ErrorKind::Invalid << QStringList{u"badge"_s, u"D-200"_s} << QStringList{};
    QTest::newRow("incident date after the case was unfounded")
        << Action([](World &w) { w.store().markUnfounded(w.caseId(), QDate(2024, 3, 10), u"accident"_s); })
        << Action([](World &w) {
               CaseRecord c = *w.store().caseById(w.caseId());
               c.incidentDate = QDate(2024, 3, 11);
               w.store().updateCase(c);
           })
        << ErrorKind::Invalid << QStringList{u"incident date"_s, u"2024-03-10"_s} << QStringList{};
    QTest::newRow("incident date after a clearance that was reopened")
        << Action([](World &w) {
               w.addArrest();
               w.store().clearByArrest(w.caseId(), QDate(2024, 4, 5), w.id(u"dana"_s));
               w.store().reopen(w.caseId(), QDate(2024, 5, 20), u"overturned"_s);
           })
        << Action([](World &w) {
               CaseRecord c = *w.store().caseById(w.caseId());
               c.incidentDate = QDate(2024, 4, 6);
               w.store().updateCase(c);
           })
        << ErrorKind::Invalid << QStringList{u"incident date"_s, u"2024-04-05"_s} << QStringList{};
    QTest::newRow("person without name or description on update")
        << Action([](World &w) {
               w.store().addPerson({0, w.caseId(), PersonRole::Witness, u"W"_s, {}, {}, {}, {}});
           })
        << Action([](World &w) {
               CasePerson p = w.store().persons(w.caseId()).first();
               p.name = u"  "_s;
               w.store().updatePerson(p);
           })
        << ErrorKind::Invalid << QStringList{u"name"_s} << QStringList{};
    QTest::newRow("arrest by an unknown officer")
        << Action([](World &w) {
               w.ids[u"p"_s] = w.store().addPerson({0, w.caseId(), PersonRole::Suspect, u"S"_s, {}, {}, {}, {}});
           })
        << Action([](World &w) {
               w.store().addArrest({0, w.caseId(), w.id(u"p"_s), QDate(2024, 4, 1), u"murder"_s, 999, false, {}, {}});
           })
        << ErrorKind::Invalid << QStringList{u"arresting officer"_s, u"999"_s} << QStringList{};
    QTest::newRow("clearance by an unknown detective")
        << Action([](World &w) { w.addArrest(); })
        << Action([](World &w) { w.store().clearByArrest(w.caseId(), QDate(2024, 4, 5), Id(999)); })
        << ErrorKind::Invalid << QStringList{u"clearing detective"_s, u"999"_s} << QStringList{};
    QTest::newRow("clear by arrest without an arrest")
        << none << Action([](World &w) { w.store().clearByArrest(w.caseId(), QDate(2024, 4, 5), w.id(u"dana"_s)); })
        << ErrorKind::Refused << QStringList{u"arrest"_s, u"HZ-2024-001"_s} << QStringList{};
    QTest::newRow("clear by arrest before the arrest")
        << Action([](World &w) { w.addArrest(); }) // on 2024-04-01
        << Action([](World &w) { w.store().clearByArrest(w.caseId(), QDate(2024, 3, 31), w.id(u"dana"_s)); })
        << ErrorKind::Refused << QStringList{u"arrest"_s, u"2024-03-31"_s} << QStringList{};
    QTest::newRow("clearance in the future")
        << Action([](World &w) { w.addArrest(); })
        << Action([](World &w) { w.store().clearByArrest(w.caseId(), QDate(2024, 6, 16), w.id(u"dana"_s)); })
        << ErrorKind::Invalid << QStringList{u"date"_s, u"2024-06-16"_s} << QStringList{};
    QTest::newRow("clearance of a cleared case")
        << Action([](World &w) {
               w.addArrest();
               w.store().clearByArrest(w.caseId(), QDate(2024, 4, 5), w.id(u"dana"_s));
           })
        << Action([](World &w) { w.store().clearByArrest(w.caseId(), QDate(2024, 4, 6), w.id(u"dana"_s)); })
        << ErrorKind::Refused << QStringList{u"HZ-2024-001"_s, u"reopen"_s} << QStringList{};

    // The four conditions of an exceptional clearance, each missing in turn: the message names
    // the missing one and not the others.
    const QStringList conditionWords = {u"identified"_s, u"evidence"_s, u"location"_s, u"outside police control"_s};
    for (int missing = 0; missing < 4; ++missing) {
        QStringList others = conditionWords;
        others.removeAt(missing);
        QTest::addRow("exceptional clearance without '%s'", qPrintable(conditionWords[missing]))
            << none
            << Action([missing](World &w) {
                   ExceptionalClearance ex;
                   ex.code = ExceptionalCode::B;
                   ex.offenderIdentified = missing != 0;
                   ex.evidenceSufficient = missing != 1;
                   ex.locationKnown = missing != 2;
                   ex.beyondControl = missing != 3;
                   ex.reason = u"prosecutor declined"_s;
                   w.store().clearExceptionally(w.caseId(), QDate(2024, 5, 1), w.id(u"dana"_s), ex);
               })
            << ErrorKind::Refused << QStringList{conditionWords[missing]} << others;
    }
    QTest::newRow("exceptional clearance without a reason")
        << none
        << Action([](World &w) {
               ExceptionalClearance ex;
               ex.offenderIdentified = ex.evidenceSufficient = ex.locationKnown = ex.beyondControl = true;
               ex.reason = u"  "_s;
               w.store().clearExceptionally(w.caseId(), QDate(2024, 5, 1), w.id(u"dana"_s), ex);
           })
        << ErrorKind::Invalid << QStringList{u"reason"_s} << QStringList{};
    QTest::newRow("unfounded without a reason")
        << none << Action([](World &w) { w.store().markUnfounded(w.caseId(), QDate(2024, 3, 10), u" "_s); })
        << ErrorKind::Invalid << QStringList{u"reason"_s} << QStringList{};
    QTest::newRow("unfounded before the incident")
        << none << Action([](World &w) { w.store().markUnfounded(w.caseId(), QDate(2024, 3, 1), u"accident"_s); })
        << ErrorKind::Invalid << QStringList{u"date"_s, u"2024-03-02"_s} << QStringList{};
    QTest::newRow("reopen an open case")
        << none << Action([](World &w) { w.store().reopen(w.caseId(), QDate(2024, 5, 1), u"new witness"_s); })
        << ErrorKind::Refused << QStringList{u"HZ-2024-001"_s, u"already open"_s} << QStringList{};
    QTest::newRow("reopen before the clearance")
        << Action([](World &w) {
               w.addArrest();
               w.store().clearByArrest(w.caseId(), QDate(2024, 4, 5), w.id(u"dana"_s));
           })
        << Action([](World &w) { w.store().reopen(w.caseId(), QDate(2024, 4, 4), u"new witness"_s); })
        << ErrorKind::Invalid << QStringList{u"date"_s, u"2024-04-05"_s} << QStringList{};
    QTest::newRow("assign an inactive member")
        << none
        << Action([](World &w) {
               w.store().assign(w.caseId(), w.id(u"ray"_s), AssignmentRole::Primary, QDate(2024, 3, 3), u"x"_s);
           })
        << ErrorKind::Refused << QStringList{u"Ray Old"_s, u"not active"_s} << QStringList{};
    QTest::newRow("assign command staff")
        << none
        << Action([](World &w) {
               w.store().assign(w.caseId(), w.id(u"chief"_s), AssignmentRole::Primary, QDate(2024, 3, 3), u"x"_s);
           })
        << ErrorKind::Refused << QStringList{u"Chief Moss"_s, u"command"_s} << QStringList{};
    QTest::newRow("assign the same detective twice")
        << Action([](World &w) {
               w.store().assign(w.caseId(), w.id(u"dana"_s), AssignmentRole::Primary, QDate(2024, 3, 3), u"x"_s);
           })
        << Action([](World &w) {
               w.store().assign(w.caseId(), w.id(u"dana"_s), AssignmentRole::Primary, QDate(2024, 3, 4), u"x"_s);
           })
        << ErrorKind::Refused << QStringList{u"Dana Reyes"_s, u"already"_s} << QStringList{};
    QTest::newRow("reassign before the current primary began")
        << Action([](World &w) {
               w.store().assign(w.caseId(), w.id(u"dana"_s), AssignmentRole::Primary, QDate(2024, 3, 3), u"x"_s);
           })
        << Action([](World &w) {
               w.store().assign(w.caseId(), w.id(u"lee"_s), AssignmentRole::Primary, QDate(2024, 3, 2), u"x"_s);
           })
        << ErrorKind::Invalid << QStringList{u"start date"_s, u"2024-03-03"_s} << QStringList{};
    QTest::newRow("end an assignment before it began")
        << Action([](World &w) {
               w.ids[u"a"_s] =
                   w.store().assign(w.caseId(), w.id(u"dana"_s), AssignmentRole::Primary, QDate(2024, 3, 3), u"x"_s);
           })
        << Action([](World &w) { w.store().endAssignment(w.id(u"a"_s), QDate(2024, 3, 2), u"moved"_s); })
        << ErrorKind::Invalid << QStringList{u"end date"_s} << QStringList{};
    auto lead = [](const QDate &created, const QDate &due, LeadStatus status, const QDate &completed) {
        return Action([=](World &w) {
            Lead l;
            l.caseId = w.caseId();
            l.description = u"Check video"_s;
            l.createdDate = created;
            l.dueDate = due;
            l.status = status;
            l.completedDate = completed;
            w.store().addLead(l);
        });
    };
    QTest::newRow("lead due before created")
        << none << lead(QDate(2024, 3, 5), QDate(2024, 3, 4), LeadStatus::Open, QDate()) << ErrorKind::Invalid
        << QStringList{u"due date"_s} << QStringList{};
    QTest::newRow("completed lead without completed date")
        << none << lead(QDate(2024, 3, 5), QDate(), LeadStatus::Completed, QDate()) << ErrorKind::Invalid
        << QStringList{u"completed date"_s} << QStringList{};
    QTest::newRow("no-value lead without completed date")
        << none << lead(QDate(2024, 3, 5), QDate(), LeadStatus::NoValue, QDate()) << ErrorKind::Invalid
        << QStringList{u"completed date"_s} << QStringList{};
    QTest::newRow("open lead with a completed date")
        << none << lead(QDate(2024, 3, 5), QDate(), LeadStatus::Open, QDate(2024, 3, 6)) << ErrorKind::Invalid
        << QStringList{u"completed date"_s} << QStringList{};
    QTest::newRow("lead without created date") << none << lead(QDate(), QDate(), LeadStatus::Open, QDate())
                                               << ErrorKind::Invalid << QStringList{u"created date"_s} << QStringList{};
    QTest::newRow("update lead to completed without a date")
        << Action([](World &w) {
               Lead l;
               l.caseId = w.caseId();
               l.description = u"Check video"_s;
               l.createdDate = QDate(2024, 3, 5);
               w.store().addLead(l);
           })
        << Action([](World &w) {
               Lead l = w.store().leads(w.caseId()).first();
               l.status = LeadStatus::Completed;
               l.result = u"would change too"_s;
               w.store().updateLead(l);
           })
        << ErrorKind::Invalid << QStringList{u"completed date"_s} << QStringList{};
    QTest::newRow("note correcting another case's note")
        << Action([](World &w) {
               CaseRecord c;
               c.caseNumber = u"HZ-2024-002"_s;
               c.incidentDate = QDate(2024, 6, 1);
               w.ids[u"other"_s] = w.store().createCase(c, {Victim{}});
               w.ids[u"foreign"_s] = w.store().addNote(w.id(u"other"_s), u"Other case's note"_s);
           })
        << Action([](World &w) { w.store().addNote(w.caseId(), u"Correction"_s, w.id(u"foreign"_s)); })
        << ErrorKind::Invalid << QStringList{u"corrected note"_s} << QStringList{};
    QTest::newRow("empty note") << none << Action([](World &w) { w.store().addNote(w.caseId(), u" \n "_s); })
                                << ErrorKind::Invalid << QStringList{u"note"_s} << QStringList{};
}

void TestCaseStore::rejected()
{
    QFETCH(Action, setup);
    QFETCH(Action, act);
    QFETCH(ErrorKind, kind);
    QFETCH(QStringList, says);
    QFETCH(QStringList, notSays);
    World w;
    setup(w);
    w.clock().advanceSecs(60);
    const QString countsBefore = counts(w.db());
    const QString before = dumpAll(w.db());

    const QString message = expectError([&] { act(w); }, kind);
    for (const QString &word : says)
        QVERIFY2(message.contains(word, Qt::CaseInsensitive), qPrintable(u"'"_s + word + u"' not in: "_s + message));
    for (const QString &word : notSays)
        QVERIFY2(!message.contains(word, Qt::CaseInsensitive), qPrintable(u"'"_s + word + u"' in: "_s + message));

    QCOMPARE(counts(w.db()), countsBefore);
    QCOMPARE(dumpAll(w.db()), before);
    QVERIFY(!w.db().inTransaction());
    // The store is still usable afterwards.
    w.store().addNote(w.caseId(), u"still works"_s);
}

void TestCaseStore::batchCommitsTogether()
{
    World w;
    const QString before = counts(w.db());
    w.store().batch([&] {
        w.store().addMember({0, u"Kim Lowe"_s, u"D-300"_s, {}, {}, Role::Detective, true});
        w.store().addNote(w.caseId(), u"in a batch"_s);
        QVERIFY(w.db().inTransaction());
    });
    QVERIFY(!w.db().inTransaction());
    QVERIFY(w.store().memberByBadge(u"D-300"_s));
    QCOMPARE(w.store().notes(w.caseId()).size(), 1);
    QVERIFY(counts(w.db()) != before);
}

void TestCaseStore::batchCaughtFailureRollsBackOnlyThatAction()
{
    World w;
    const qint64 auditBefore = w.db().scalar("SELECT count(*) FROM audit").toLongLong();
    bool caught = false;
    w.store().batch([&] {
        w.store().addMember({0, u"Kim Lowe"_s, u"D-300"_s, {}, {}, Role::Detective, true});
        try {
            w.store().addMember({0, u"Duplicate"_s, u"D-300"_s, {}, {}, Role::Detective, true});
        } catch (const Error &e) {
            caught = e.kind() == ErrorKind::Invalid;
        }
        w.store().addMember({0, u"Jo Banks"_s, u"D-301"_s, {}, {}, Role::Detective, true});
    });
    QVERIFY(caught);
    QVERIFY(w.store().memberByBadge(u"D-300"_s));
    QCOMPARE(w.store().memberByBadge(u"D-300"_s)->name, u"Kim Lowe"_s);
    QVERIFY(w.store().memberByBadge(u"D-301"_s));
    // Two creates, one for each member that was added.
    QCOMPARE(w.db().scalar("SELECT count(*) FROM audit").toLongLong(), auditBefore + 2);
    QCOMPARE(w.db().scalar("SELECT count(*) FROM members WHERE name = 'Duplicate'").toLongLong(), 0);
}

void TestCaseStore::batchCaughtFailureAfterPartialWrite()
{
    // An action that fails after writing part of its rows: a case row is inserted, then its audit
    // row is refused (the actor's member id names no member). Caught inside the batch, the
    // savepoint takes back the case row too, and the batch goes on.
    World w;
    const QString before = dumpAll(w.db());
    bool caught = false;
    w.store().batch([&] {
        const Actor sergeant = w.store().actor();
        w.store().setActor({999, u"ghost"_s, true});
        try {
            CaseRecord c;
            c.caseNumber = u"HZ-2024-077"_s;
            c.incidentDate = QDate(2024, 6, 1);
            w.store().createCase(c, {Victim{}});
        } catch (const Error &) {
            caught = true;
        }
        w.store().setActor(sergeant);
        QVERIFY(!w.store().caseByNumber(u"HZ-2024-077"_s));
    });
    QVERIFY(caught);
    QCOMPARE(dumpAll(w.db()), before);
    QCOMPARE(w.store().caseCount(), 1);
    for (const auto &check : w.f->file->verify())
        QVERIFY2(check.ok, qPrintable(check.name + u": "_s + check.problems.join(u" | "_s)));
}

void TestCaseStore::batchPropagatedFailureRollsBackAll()
{
    World w;
    const QString before = dumpAll(w.db());
    const QString message = expectError(
        [&] {
            w.store().batch([&] {
                w.store().addMember({0, u"Kim Lowe"_s, u"D-300"_s, {}, {}, Role::Detective, true});
                w.store().addNote(w.caseId(), u"in a batch"_s);
                w.store().reopen(w.caseId(), QDate(2024, 5, 1), u"x"_s); // the case is open: refused
            });
        },
        ErrorKind::Refused);
    QVERIFY2(message.contains(u"already open"_s), qPrintable(message));
    QCOMPARE(dumpAll(w.db()), before);
    QVERIFY(!w.db().inTransaction());
    QVERIFY(!w.store().memberByBadge(u"D-300"_s));

    // A batch inside a batch joins it: the inner failure propagates and takes everything back.
    expectError(
        [&] {
            w.store().batch([&] {
                w.store().addNote(w.caseId(), u"outer"_s);
                w.store().batch([&] {
                    w.store().addNote(w.caseId(), u"inner"_s);
                    throw Error(ErrorKind::Refused, u"stop"_s);
                });
            });
        },
        ErrorKind::Refused);
    QCOMPARE(dumpAll(w.db()), before);
}

void TestCaseStore::bulkCommitsTogether()
{
    World w;
    w.store().bulk([&] {
        w.store().addMember({0, u"Kim Lowe"_s, u"D-300"_s, {}, {}, Role::Detective, true});
        w.store().addNote(w.caseId(), u"in a bulk"_s);
        // No savepoint per action: SQLite reports none open (a RELEASE of one would fail).
        expectError([&] { w.db().execScript("RELEASE action1"); }, ErrorKind::Database);
    });
    QVERIFY(!w.db().inTransaction());
    QVERIFY(w.store().memberByBadge(u"D-300"_s));
    QCOMPARE(w.store().notes(w.caseId()).size(), 1);
}

void TestCaseStore::bulkRefusalBeforeAnyWriteIsHarmless()
{
    // An action refused by its checks, before it wrote anything, leaves nothing to take back:
    // the bulk goes on and commits (the importers rely on this for rows the store refuses).
    World w;
    bool caught = false;
    w.store().bulk([&] {
        w.store().addMember({0, u"Kim Lowe"_s, u"D-300"_s, {}, {}, Role::Detective, true});
        try {
            w.store().addMember({0, u"Duplicate"_s, u"D-300"_s, {}, {}, Role::Detective, true});
        } catch (const Error &e) {
            caught = e.kind() == ErrorKind::Invalid;
        }
        w.store().addMember({0, u"Jo Banks"_s, u"D-301"_s, {}, {}, Role::Detective, true});
    });
    QVERIFY(caught);
    QCOMPARE(w.store().memberByBadge(u"D-300"_s)->name, u"Kim Lowe"_s);
    QVERIFY(w.store().memberByBadge(u"D-301"_s));
    for (const auto &check : w.f->file->verify())
        QVERIFY2(check.ok, qPrintable(check.name + u": "_s + check.problems.join(u" | "_s)));
}

void TestCaseStore::bulkCaughtFailureAfterPartialWriteRollsBackAll()
{
    // Without a savepoint, a half-written action cannot be taken back alone: the bulk refuses to
    // commit and nothing of it is written, even though the failure was caught inside.
    World w;
    const QString before = dumpAll(w.db());
    const QString message = expectError(
        [&] {
            w.store().bulk([&] {
                w.store().addNote(w.caseId(), u"before"_s);
                const Actor sergeant = w.store().actor();
                w.store().setActor({999, u"ghost"_s, true}); // the audit row will be refused
                try {
                    CaseRecord c;
                    c.caseNumber = u"HZ-2024-077"_s;
                    c.incidentDate = QDate(2024, 6, 1);
                    w.store().createCase(c, {Victim{}});
                } catch (const Error &) {
                }
                w.store().setActor(sergeant);
            });
        },
        ErrorKind::Refused);
    QVERIFY2(message.contains(u"nothing was written"_s), qPrintable(message));
    QCOMPARE(dumpAll(w.db()), before);
    QVERIFY(!w.db().inTransaction());
    // The store is usable afterwards.
    w.store().addNote(w.caseId(), u"after"_s);
    QCOMPARE(w.store().notes(w.caseId()).size(), 1);
}

void TestCaseStore::reassignmentKeepsHistory()
{
    World w;
    CaseStore &s = w.store();
    const Id first = s.assign(w.caseId(), w.id(u"dana"_s), AssignmentRole::Primary, QDate(2024, 3, 3), u"on call"_s);
    const Id second = s.assign(w.caseId(), w.id(u"lee"_s), AssignmentRole::Primary, QDate(2024, 5, 2), u"rebalance"_s);
    const Id third = s.assign(w.caseId(), w.id(u"sergeant"_s), AssignmentRole::Primary, QDate(2024, 6, 1), u"Lee on leave"_s);

    const QList<Assignment> all = s.assignments(w.caseId());
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].id, first);
    QCOMPARE(all[0].memberId, w.id(u"dana"_s));
    QCOMPARE(all[0].startDate, QDate(2024, 3, 3));
    QCOMPARE(all[0].startReason, u"on call"_s);
    QCOMPARE(all[0].endDate, QDate(2024, 5, 2));
    QCOMPARE(all[0].endReason, u"rebalance"_s);
    QCOMPARE(all[0].assignedById, std::optional<Id>(w.id(u"sergeant"_s)));
    QCOMPARE(all[1].id, second);
    QCOMPARE(all[1].memberId, w.id(u"lee"_s));
    QCOMPARE(all[1].startDate, QDate(2024, 5, 2));
    QCOMPARE(all[1].endDate, QDate(2024, 6, 1));
    QCOMPARE(all[1].endReason, u"Lee on leave"_s);
    QCOMPARE(all[2].id, third);
    QVERIFY(all[2].isOpen());
    QCOMPARE(all[2].role, AssignmentRole::Primary);

    const auto current = s.currentPrimary(w.caseId());
    QVERIFY(current);
    QCOMPARE(current->id, third);
    QCOMPARE(w.db().scalar("SELECT count(*) FROM assignments WHERE role = 'primary' AND end_date IS NULL").toLongLong(), 1);

    // The schema, too, refuses a second open primary.
    db::Statement raw = w.db().prepare("INSERT INTO assignments (case_id, member_id, role, start_date) "
                                       "VALUES (?1, ?2, 'primary', '2024-06-02')");
    raw.bindAll(w.caseId(), w.id(u"dana"_s));
    expectError([&] { raw.run(); }, ErrorKind::Invalid);

    // An ended assignment cannot be ended again.
    const QString message = expectError([&] { s.endAssignment(first, QDate(2024, 6, 1), u"again"_s); }, ErrorKind::Refused);
    QVERIFY2(message.contains(u"2024-05-02"_s), qPrintable(message));
}

void TestCaseStore::roleChangeEndsOldRole()
{
    // A secondary detective who becomes primary: the secondary role ends, and the old primary's too.
    World w;
    CaseStore &s = w.store();
    const Id primary = s.assign(w.caseId(), w.id(u"dana"_s), AssignmentRole::Primary, QDate(2024, 3, 3), u"on call"_s);
    const Id secondary = s.assign(w.caseId(), w.id(u"lee"_s), AssignmentRole::Secondary, QDate(2024, 3, 4), u"help"_s);
    const Id promoted = s.assign(w.caseId(), w.id(u"lee"_s), AssignmentRole::Primary, QDate(2024, 4, 1), u"Dana retired"_s);
    QList<Id> open;
    for (const Assignment &a : s.assignments(w.caseId()))
        if (a.isOpen())
            open << a.id;
    QCOMPARE(open, QList<Id>{promoted});
    const QList<Assignment> all = s.assignments(w.caseId());
    QCOMPARE(all[0].id, primary);
    QCOMPARE(all[0].endDate, QDate(2024, 4, 1));
    QCOMPARE(all[1].id, secondary);
    QCOMPARE(all[1].endDate, QDate(2024, 4, 1));
}

void TestCaseStore::statusHistoryClearReopenClear()
{
    World w;
    CaseStore &s = w.store();
    w.addArrest(); // 2024-04-01
    s.clearByArrest(w.caseId(), QDate(2024, 4, 5), w.id(u"dana"_s), u"charged"_s);
    s.reopen(w.caseId(), QDate(2024, 5, 20), u"conviction overturned"_s);
    ExceptionalClearance ex;
    ex.code = ExceptionalCode::C;
    ex.offenderIdentified = ex.evidenceSufficient = ex.locationKnown = ex.beyondControl = true;
    ex.reason = u"held in another state; extradition denied"_s;
    s.clearExceptionally(w.caseId(), QDate(2024, 6, 1), w.id(u"lee"_s), ex);

    const QList<StatusChange> h = s.statusHistory(w.caseId());
    QCOMPARE(h.size(), 4);
    QCOMPARE(h[0].status, CaseStatus::Open);
    QCOMPARE(h[0].effectiveDate, QDate(2024, 3, 2)); // opened as of the incident
    QCOMPARE(h[1].status, CaseStatus::ClearedByArrest);
    QCOMPARE(h[1].effectiveDate, QDate(2024, 4, 5));
    QCOMPARE(h[1].memberId, std::optional<Id>(w.id(u"dana"_s)));
    QCOMPARE(h[1].reason, u"charged"_s);
    QVERIFY(!h[1].exceptionalCode);
    QCOMPARE(h[2].status, CaseStatus::Open);
    QCOMPARE(h[2].effectiveDate, QDate(2024, 5, 20));
    QCOMPARE(h[2].memberId, std::optional<Id>(w.id(u"sergeant"_s))); // the actor reopened it
    QCOMPARE(h[2].reason, u"conviction overturned"_s);
    QCOMPARE(h[3].status, CaseStatus::ClearedExceptionally);
    QCOMPARE(h[3].effectiveDate, QDate(2024, 6, 1));
    QCOMPARE(h[3].exceptionalCode, std::optional<ExceptionalCode>(ExceptionalCode::C));
    QCOMPARE(h[3].offenderIdentified, std::optional<bool>(true));
    QCOMPARE(h[3].beyondControl, std::optional<bool>(true));
    QCOMPARE(h[3].memberId, std::optional<Id>(w.id(u"lee"_s)));
    for (int i = 1; i < h.size(); ++i)
        QVERIFY(h[i].id > h[i - 1].id);

    const CaseRecord c = *s.caseById(w.caseId());
    QCOMPARE(c.status, CaseStatus::ClearedExceptionally);
    QCOMPARE(c.clearanceDate, QDate(2024, 6, 1));
    QCOMPARE(c.exceptionalCode, std::optional<ExceptionalCode>(ExceptionalCode::C));
    QCOMPARE(c.clearingMemberId, std::optional<Id>(w.id(u"lee"_s)));
    QVERIFY(!c.unfoundedDate.isValid());

    // Reopened once more and marked unfounded: the clearance fields are gone, the history is not.
    s.reopen(w.caseId(), QDate(2024, 6, 10), u"autopsy revised"_s);
    s.markUnfounded(w.caseId(), QDate(2024, 6, 12), u"death ruled accidental"_s);
    const CaseRecord u = *s.caseById(w.caseId());
    QCOMPARE(u.status, CaseStatus::Unfounded);
    QVERIFY(!u.clearanceDate.isValid());
    QVERIFY(!u.exceptionalCode);
    QVERIFY(!u.clearingMemberId);
    QCOMPARE(u.unfoundedDate, QDate(2024, 6, 12));
    QCOMPARE(u.unfoundedReason, u"death ruled accidental"_s);
    QCOMPARE(s.statusHistory(w.caseId()).size(), 6);
    for (const auto &check : w.f->file->verify())
        QVERIFY2(check.ok, qPrintable(check.name + u": "_s + check.problems.join(u" | "_s)));
}

void TestCaseStore::caseSummaries()
{
    World w; // case HZ-2024-001, incident 2024-03-02, one victim, no primary, area South, district 7
    CaseStore &s = w.store();
    FixedClock &clock = w.clock();
    const QDate today = clock.today();
    QCOMPARE(today, QDate(2024, 6, 15)); // the rules below are worked out for this day

    // Case A: two victims (one unnamed), Dana primary, five leads.
    clock.advanceSecs(60);
    CaseRecord a;
    a.caseNumber = u"HZ-A"_s;
    a.incidentDate = QDate(2024, 5, 1);
    a.area = u"North"_s;
    a.district = u"2"_s;
    a.weapon = Weapon::Knife;
    const Id caseA = s.createCase(a, {Victim{0, 0, u"Ann Example"_s, 33, Sex::Female, Race::White}, Victim{}});
    s.assign(caseA, w.id(u"dana"_s), AssignmentRole::Primary, QDate(2024, 5, 1), u"on call"_s);
    s.assign(caseA, w.id(u"lee"_s), AssignmentRole::Secondary, QDate(2024, 5, 1), u"help"_s);
    auto lead = [&](Id caseId, const QDate &due, LeadStatus status) {
        Lead l;
        l.caseId = caseId;
        l.description = u"lead"_s;
        l.createdDate = QDate(2024, 5, 2);
        l.dueDate = due;
        l.status = status;
        if (status == LeadStatus::Completed || status == LeadStatus::NoValue)
            l.completedDate = QDate(2024, 5, 3);
        s.addLead(l);
    };
    lead(caseA, QDate(2024, 6, 10), LeadStatus::Open);       // open, overdue
    lead(caseA, QDate(2024, 6, 14), LeadStatus::InProgress); // open, overdue (yesterday)
    lead(caseA, QDate(2024, 6, 15), LeadStatus::Open);       // open, due today: not overdue
    lead(caseA, QDate(), LeadStatus::Open);                  // open, no due date: never overdue
    lead(caseA, QDate(2024, 6, 1), LeadStatus::Completed);   // done: neither
    lead(caseA, QDate(2024, 6, 1), LeadStatus::NoValue);     // done: neither
    const qint64 lastA = clock.nowMs();

    // Case B: one victim, primary moved from Dana to Lee, cleared by arrest, a later note.
    clock.advanceSecs(60);
    CaseRecord b;
    b.caseNumber = u"HZ-B"_s;
    b.incidentDate = QDate(2024, 2, 10);
    b.weapon = Weapon::Handgun;
    const Id caseB = s.createCase(b, {Victim{0, 0, u"Ben Sample"_s, 51, Sex::Male, Race::Black}});
    s.assign(caseB, w.id(u"dana"_s), AssignmentRole::Primary, QDate(2024, 2, 10), u"on call"_s);
    s.assign(caseB, w.id(u"lee"_s), AssignmentRole::Primary, QDate(2024, 2, 20), u"rebalance"_s);
    const Id person = s.addPerson({0, caseB, PersonRole::Suspect, u"Person B"_s, {}, {}, {}, {}});
    s.addArrest({0, caseB, person, QDate(2024, 2, 28), u"murder"_s, w.id(u"lee"_s), false, {}, {}});
    s.clearByArrest(caseB, QDate(2024, 3, 1), w.id(u"lee"_s));
    lead(caseB, QDate(2024, 6, 1), LeadStatus::Completed);
    clock.advanceSecs(120);
    s.addNote(caseB, u"Trial date set"_s);
    const qint64 lastB = clock.nowMs();

    // Case C: three victims, nobody assigned, unfounded.
    clock.advanceSecs(60);
    CaseRecord cc;
    cc.caseNumber = u"HZ-C"_s;
    cc.incidentDate = QDate(2024, 6, 14);
    const Id caseC = s.createCase(cc, {Victim{0, 0, u"C One"_s, {}, {}, {}}, Victim{0, 0, u"C Two"_s, {}, {}, {}},
                                       Victim{0, 0, u"C Three"_s, {}, {}, {}}});
    s.markUnfounded(caseC, QDate(2024, 6, 15), u"not a homicide"_s);
    const qint64 lastC = clock.nowMs();

    // Later changes to members are not activity on any case (member ids 1..5 overlap case ids).
    clock.advanceSecs(600);
    for (const Member &m : s.members()) {
        Member changed = m;
        changed.team = u"Reorganised"_s;
        s.updateMember(changed);
    }

    const QList<CaseSummary> rows = s.caseSummaries();
    QCOMPARE(rows.size(), 4);
    // Newest incident first: C (06-14), A (05-01), base (03-02), B (02-10).
    QCOMPARE(rows[0].id, caseC);
    QCOMPARE(rows[1].id, caseA);
    QCOMPARE(rows[2].id, w.caseId());
    QCOMPARE(rows[3].id, caseB);

    const CaseSummary &rc = rows[0];
    QCOMPARE(rc.caseNumber, u"HZ-C"_s);
    QCOMPARE(rc.victimCount, 3);
    const QStringList namesC = rc.victimNames.split(u"; "_s);
    QCOMPARE(QSet<QString>(namesC.begin(), namesC.end()), (QSet<QString>{u"C One"_s, u"C Two"_s, u"C Three"_s}));
    QCOMPARE(namesC.size(), 3);
    QCOMPARE(rc.primaryDetective, QString());
    QCOMPARE(rc.status, CaseStatus::Unfounded);
    QCOMPARE(rc.openLeads, 0);
    QCOMPARE(rc.overdueLeads, 0);
    QCOMPARE(rc.area, QString());
    QCOMPARE(rc.lastActivity, lastC);

    const CaseSummary &ra = rows[1];
    QCOMPARE(ra.caseNumber, u"HZ-A"_s);
    QCOMPARE(ra.incidentDate, QDate(2024, 5, 1));
    QCOMPARE(ra.area, u"North"_s);
    QCOMPARE(ra.district, u"2"_s);
    QCOMPARE(ra.weapon, Weapon::Knife);
    QCOMPARE(ra.status, CaseStatus::Open);
    QCOMPARE(ra.victimCount, 2);
    // An unnamed victim shows as '?'.
    const QStringList namesA = ra.victimNames.split(u"; "_s);
    QCOMPARE(QSet<QString>(namesA.begin(), namesA.end()), (QSet<QString>{u"Ann Example"_s, u"?"_s}));
    QCOMPARE(namesA.size(), 2);
    QCOMPARE(ra.primaryDetective, u"Dana Reyes"_s);
    QCOMPARE(ra.openLeads, 4);
    QCOMPARE(ra.overdueLeads, 2);
    QCOMPARE(ra.lastActivity, lastA);

    const CaseSummary &base = rows[2];
    QCOMPARE(base.caseNumber, u"HZ-2024-001"_s);
    QCOMPARE(base.victimCount, 1);
    QCOMPARE(base.victimNames, u"Victim One"_s);
    QCOMPARE(base.primaryDetective, QString());
    QCOMPARE(base.area, u"South"_s);
    QCOMPARE(base.district, u"7"_s);
    QCOMPARE(base.lastActivity, QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());

    const CaseSummary &rb = rows[3];
    QCOMPARE(rb.caseNumber, u"HZ-B"_s);
    QCOMPARE(rb.victimCount, 1);
    QCOMPARE(rb.primaryDetective, u"Lee Park"_s);
    QCOMPARE(rb.status, CaseStatus::ClearedByArrest);
    QCOMPARE(rb.clearanceDate, QDate(2024, 3, 1));
    QCOMPARE(rb.openLeads, 0);
    QCOMPARE(rb.overdueLeads, 0);
    QCOMPARE(rb.lastActivity, lastB);
}

void TestCaseStore::readBack()
{
    // What goes in comes back out, field by field.
    World w;
    CaseStore &s = w.store();
    CaseRecord c = *s.caseById(w.caseId());
    QCOMPARE(c.caseNumber, u"HZ-2024-001"_s);
    QCOMPARE(c.incidentDate, QDate(2024, 3, 2));
    QCOMPARE(c.incidentTime, QTime(23, 40));
    QCOMPARE(c.address, u"1200 block W Example St"_s);
    QCOMPARE(c.district, u"7"_s);
    QVERIFY(c.beat.isEmpty());
    QCOMPARE(c.area, u"South"_s);
    QCOMPARE(c.circumstance, Circumstance::Argument);
    QCOMPARE(c.weapon, Weapon::Handgun);
    QVERIFY(!c.domestic);
    QCOMPARE(c.investigativeState, InvestigativeState::Active);
    QCOMPARE(c.status, CaseStatus::Open);
    QCOMPARE(s.caseByNumber(u"HZ-2024-001"_s)->id, w.caseId());
    QVERIFY(!s.caseByNumber(u"HZ-2024-999"_s));
    QVERIFY(!s.caseById(999));

    const Victim v = s.victims(w.caseId()).first();
    QCOMPARE(v.name, u"Victim One"_s);
    QCOMPARE(v.age, std::optional<int>(24));
    QCOMPARE(v.sex, Sex::Male);
    QCOMPARE(v.race, Race::Black);

    const Member chief = *s.memberByBadge(u"C-1"_s);
    QCOMPARE(chief.role, Role::Command);
    QCOMPARE(chief.team, QString());
    QVERIFY(!s.memberByBadge(u"D-9"_s)->active);
    QCOMPARE(s.members().size(), 5);

    w.addArrest();
    const Arrest a = s.arrests(w.caseId()).first();
    QCOMPARE(a.date, QDate(2024, 4, 1));
    QCOMPARE(a.charges, u"first-degree murder"_s);
    QCOMPARE(a.arrestingMemberId, std::optional<Id>(w.id(u"dana"_s)));
    QVERIFY(!a.prosecution);
    s.setProsecution(a.id, ProsecutionStatus::Declined, QDate(2024, 4, 9));
    QCOMPARE(s.arrests(w.caseId()).first().prosecution, std::optional<ProsecutionStatus>(ProsecutionStatus::Declined));
    QCOMPARE(s.arrests(w.caseId()).first().prosecutionDate, QDate(2024, 4, 9));

    const Id n1 = s.addNote(w.caseId(), u"first"_s);
    const Id n2 = s.addNote(w.caseId(), u"second corrects first"_s, n1);
    const QList<Note> notes = s.notes(w.caseId());
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes[1].id, n2);
    QCOMPARE(notes[1].correctsNoteId, std::optional<Id>(n1));
    QCOMPARE(notes[1].authorId, std::optional<Id>(w.id(u"sergeant"_s)));
    QCOMPARE(notes[1].createdAt, w.clock().nowMs());
}

QTEST_GUILESS_MAIN(TestCaseStore)
#include "tst_casestore.moc"
