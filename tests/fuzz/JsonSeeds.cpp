#include "JsonSeeds.h"

#include "FuzzHarness.h"

#include "model/domain/Domain.h"
#include "model/io/JsonExchange.h"
#include "model/io/PublicImport.h"
#include "model/store/CaseStore.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <initializer_list>
#include <utility>

namespace cb::fuzz {

using namespace Qt::StringLiterals;

void addSampleContent(CaseStore &store)
{
    const Id detective = store.addMember({0, u"Dana Example"_s, u"D-101"_s, u"Detective"_s, u"Team 1"_s,
                                          Role::Detective, true});
    const Id sergeant =
        store.addMember({0, u"Sam Sample"_s, u"S-201"_s, u"Sergeant"_s, u"Team 1"_s, Role::Sergeant, true});
    store.addMember({0, u"Zoë Ünïcode"_s, u"C-301"_s, u"Commander"_s, QString(), Role::Command, false});

    CaseRecord c;
    c.caseNumber = u"HZ-2024-001"_s;
    c.incidentDate = QDate(2024, 3, 2);
    c.incidentTime = QTime(23, 40);
    c.address = u"1200 block W Example St"_s;
    c.district = u"7"_s;
    c.area = u"South"_s;
    c.weapon = Weapon::Handgun;
    c.circumstance = Circumstance::Argument;
    c.latitude = 41.5;
    c.longitude = -87.25;
    Victim first;
    first.name = u"Victim \"One\""_s;
    first.age = 24;
    first.sex = Sex::Male;
    first.race = Race::Black;
    Victim second;
    second.name = u"Victim Two"_s;
    const Id caseId = store.createCase(c, {first, second});
    store.assign(caseId, detective, AssignmentRole::Primary, QDate(2024, 3, 3), u"on call"_s);
    Lead lead;
    lead.caseId = caseId;
    lead.description = u"Canvass the 1200 block"_s;
    lead.source = LeadSource::Canvass;
    lead.priority = LeadPriority::High;
    lead.assigneeId = detective;
    lead.createdDate = QDate(2024, 3, 3);
    lead.dueDate = QDate(2024, 3, 10);
    store.addLead(lead);
    const Id note = store.addNote(caseId, u"First line\nsecond line, with a tab\t."_s);
    // Text that begins with a byte order mark (pasted from a file that had one) is text all the same.
    store.addNote(caseId, u"\uFEFFCorrects the note above."_s, note);
    CasePerson suspect;
    suspect.caseId = caseId;
    suspect.name = u"Suspect Example"_s;
    suspect.age = 19;
    const Id person = store.addPerson(suspect);
    Arrest arrest;
    arrest.caseId = caseId;
    arrest.personId = person;
    arrest.date = QDate(2024, 4, 1);
    arrest.charges = u"First degree murder"_s;
    arrest.arrestingMemberId = detective;
    store.addArrest(arrest);
    store.clearByArrest(caseId, QDate(2024, 4, 2), sergeant);

    CaseRecord other;
    other.caseNumber = u"HZ-2024-002"_s;
    other.incidentDate = QDate(2024, 5, 1);
    const Id otherId = store.createCase(other, {Victim{}});
    store.markUnfounded(otherId, QDate(2024, 5, 20), u"Not a homicide"_s);

    QByteArray wapo("uid,reported_date,victim_last,victim_first,victim_race,victim_age,victim_sex,city,state,lat,"
                    "lon,disposition\nSpr-000001,20150301,EXAMPLE,ROW,Unknown,Unknown,Unknown,Springfield,IL,,,"
                    "Closed without arrest\n");
    QBuffer buffer(&wapo);
    buffer.open(QIODevice::ReadOnly);
    io::PublicImportOptions options;
    options.fileName = u"sample.csv"_s;
    io::importPublic(store, buffer, options);
}

namespace {

QByteArray exportOf(const Harness::Setup &content)
{
    Harness h(content);
    QByteArray bytes;
    QBuffer out(&bytes);
    out.open(QIODevice::WriteOnly);
    io::exportJson(h.store(), out);
    return bytes;
}

// Raw text put in place of a marker string ("@...@") after serialising: what QJsonDocument
// cannot write (duplicate keys, numbers out of range, bytes that are not UTF-8).
using Raw = QList<std::pair<QByteArray, QByteArray>>;

class SeedWriter {
public:
    SeedWriter(QString dir, const QByteArray &empty, const QByteArray &sample)
        : m_dir(std::move(dir)), m_empty(QJsonDocument::fromJson(empty).object()),
          m_sample(QJsonDocument::fromJson(sample).object())
    {
        if (m_empty.isEmpty() || m_sample.isEmpty())
            finding(u"the exports written for the seeds are not JSON objects"_s);
    }

    const QJsonObject &empty() const { return m_empty; }
    const QJsonObject &sample() const { return m_sample; }

    QJsonObject row(const QString &table, qsizetype index = 0) const
    {
        return m_sample.value(u"tables"_s).toObject().value(table).toArray().at(index).toObject();
    }

    // The empty export with these tables' rows.
    QJsonObject withRows(std::initializer_list<std::pair<QString, QJsonArray>> rows) const
    {
        QJsonObject doc = m_empty;
        QJsonObject tables = doc.value(u"tables"_s).toObject();
        for (const auto &[table, array] : rows)
            tables.insert(table, array);
        doc.insert(u"tables"_s, tables);
        return doc;
    }

    void write(const QString &name, const QJsonObject &doc, const Raw &raw = {}, const QByteArray &prefix = {},
               const QByteArray &suffix = {}) const
    {
        QByteArray bytes = QJsonDocument(doc).toJson(QJsonDocument::Indented);
        for (const auto &[marker, text] : raw) {
            if (!bytes.contains(marker))
                finding(u"seed %1: no %2 to replace"_s.arg(name, QString::fromLatin1(marker)));
            bytes.replace(marker, text);
        }
        write(name, QByteArray(prefix + bytes + suffix));
    }

    // The bytes as they are (the exports themselves).
    void write(const QString &name, const QByteArray &bytes) const
    {
        QFile out(m_dir + u'/' + name);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) < 0)
            finding(u"cannot write the seed %1: %2"_s.arg(out.fileName(), out.errorString()));
    }

private:
    QString m_dir;
    QJsonObject m_empty;
    QJsonObject m_sample;
};

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}

} // namespace

void writeJsonSeeds(const QString &dir)
{
    const QByteArray empty = exportOf(nullptr);
    const QByteArray sample = exportOf(&addSampleContent);
    const SeedWriter w(dir, empty, sample);
    w.write(u"export-empty.json"_s, empty);
    w.write(u"export-sample.json"_s, sample);
    const QJsonObject member = w.row(u"members"_s);
    // The sample's cases refer to its members.
    const QJsonArray members = w.sample().value(u"tables"_s).toObject().value(u"members"_s).toArray();
    const QJsonObject kase = w.row(u"cases"_s);
    const QJsonObject victim = w.row(u"victims"_s);
    const QJsonObject note = w.row(u"notes"_s);
    const auto withMember = [&](const QString &key, const QJsonValue &value) {
        return w.withRows({{u"members"_s, QJsonArray{with(member, key, value)}}});
    };

    w.write(u"one-case.json"_s, w.withRows({{u"members"_s, members},
                                            {u"cases"_s, QJsonArray{kase}},
                                            {u"status_changes"_s, QJsonArray{w.row(u"status_changes"_s)}},
                                            {u"victims"_s, QJsonArray{victim}}}));
    w.write(u"duplicate-key.json"_s, w.empty(), {{"\"version\": 1", "\"version\": 1, \"version\": 1"}});
    w.write(u"duplicate-column.json"_s, withMember(u"name"_s, u"@name@"_s),
            {{"\"@name@\"", "\"Name\", \"name\": \"Again\""}});
    QJsonValue nested(1);
    for (int i = 0; i < 20; ++i)
        nested = QJsonArray{nested};
    w.write(u"deep-nesting.json"_s, w.withRows({{u"members"_s, QJsonArray{nested}}}));
    w.write(u"big-numbers.json"_s,
            w.withRows({{u"members"_s, QJsonArray{with(with(with(member, u"id"_s, u"@id@"_s), u"active"_s, u"@on@"_s),
                                                       u"team"_s, u"@team@"_s)}}}),
            {{"\"@id@\"", "9223372036854775807"}, {"\"@on@\"", "18446744073709551616"},
             {"\"@team@\"", "-9223372036854775809"}});
    const auto withCase = [&](const QJsonObject &c) {
        return w.withRows({{u"members"_s, members}, {u"cases"_s, QJsonArray{c}},
                           {u"victims"_s, QJsonArray{victim}}});
    };
    w.write(u"reals-out-of-range.json"_s,
            withCase(with(with(kase, u"latitude"_s, u"@lat@"_s), u"longitude"_s, u"@lon@"_s)),
            {{"\"@lat@\"", "1e400"}, {"\"@lon@\"", "4.9e-324"}});
    w.write(u"reals-forms.json"_s, withCase(with(with(kase, u"latitude"_s, u"@lat@"_s), u"longitude"_s, u"@lon@"_s)),
            {{"\"@lat@\"", "-0.0"}, {"\"@lon@\"", "-8.725E+1"}});
    w.write(u"text-escapes.json"_s, withMember(u"name"_s, u"@name@"_s),
            {{"\"@name@\"", R"("\ufeffStart \u0000 \ud83d\ude00 \"\\\/\b\f\n\r\t End")"}});
    w.write(u"text-byte-order-mark.json"_s, withMember(u"name"_s, u"@name@"_s),
            {{"\"@name@\"", "\"\xEF\xBB\xBFName\""}});
    w.write(u"text-not-utf8.json"_s, withMember(u"name"_s, u"@name@"_s), {{"\"@name@\"", "\"A\xC3\x28\xED\xA0\x80\""}});
    w.write(u"text-lone-surrogate.json"_s, withMember(u"name"_s, u"@name@"_s), {{"\"@name@\"", R"("A\ud800B")"}});
    w.write(u"wrong-value-types.json"_s,
            w.withRows({{u"members"_s, QJsonArray{with(with(with(member, u"active"_s, u"@on@"_s), u"rank"_s, u"@rank@"_s),
                                                       u"team"_s, u"@team@"_s)}}}),
            {{"\"@on@\"", "true"}, {"\"@rank@\"", "[1]"}, {"\"@team@\"", "{}"}});
    w.write(u"bom-and-trailing-text.json"_s, w.empty(), {}, "\xEF\xBB\xBF", "\n}x");

    const qint64 schema = w.empty().value(u"schema_version"_s).toInteger();
    w.write(u"newer-version.json"_s, with(w.empty(), u"version"_s, 2));
    w.write(u"newer-schema.json"_s, with(w.empty(), u"schema_version"_s, schema + 1));
    w.write(u"older-schema.json"_s, with(with(w.empty(), u"schema_version"_s, 1), u"exported_at"_s, u"yesterday"_s));
    w.write(u"exported-at-offset.json"_s, with(w.empty(), u"exported_at"_s, u"2024-06-15T12:00:00.123+02:00"_s));
    w.write(u"wrong-format.json"_s, with(w.empty(), u"format"_s, 7));
    w.write(u"wrong-types.json"_s, w.withRows({{u"members"_s, QJsonArray{QJsonArray{}}}, {u"cases"_s, QJsonArray{u"row"_s}}}));
    w.write(u"unknown-names.json"_s,
            with(with(w.empty(), u"extra"_s, true), u"tables"_s,
                 with(w.empty().value(u"tables"_s).toObject(), u"suspects"_s, QJsonArray{})));
    QJsonObject odd = with(member, u"nickname"_s, u"x"_s);
    odd.remove(u"badge"_s);
    w.write(u"unknown-column.json"_s, w.withRows({{u"members"_s, QJsonArray{odd}}}));
    // A victim of a case that is not in the file; a note that corrects one further down.
    w.write(u"references.json"_s,
            w.withRows({{u"members"_s, members},
                        {u"cases"_s, QJsonArray{kase}},
                        {u"victims"_s, QJsonArray{victim, with(with(victim, u"id"_s, 9), u"case_id"_s, 5)}},
                        {u"notes"_s, QJsonArray{with(with(note, u"id"_s, 1), u"corrects_note_id"_s, 2),
                                                with(with(note, u"id"_s, 2), u"corrects_note_id"_s, QJsonValue())}}}));
    w.write(u"bad-values.json"_s, withCase(with(with(with(kase, u"incident_date"_s, u"2024-02-30"_s),
                                                     u"incident_time"_s, u"24:00"_s),
                                                u"status"_s, u"closed"_s)));
    // The audit trail with one entry changed: its hash no longer links.
    QJsonObject edited = w.sample();
    QJsonObject tables = edited.value(u"tables"_s).toObject();
    QJsonArray audit = tables.value(u"audit"_s).toArray();
    if (!audit.isEmpty()) {
        audit.replace(0, with(audit.at(0).toObject(), u"actor"_s, u"someone else"_s));
        tables.insert(u"audit"_s, audit);
        edited.insert(u"tables"_s, tables);
        w.write(u"audit-edited.json"_s, edited);
    }
}

} // namespace cb::fuzz
