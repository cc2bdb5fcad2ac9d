#include "model/io/PublicImport.h"

#include "model/io/Csv.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <vector>

namespace cb::io {

namespace {

using namespace Qt::StringLiterals;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::io::PublicImport)
};

// Column names are the files' own: a contract, not translated.
const QStringList kWapoColumns = {u"uid"_s,        u"reported_date"_s, u"victim_last"_s, u"victim_first"_s,
                                  u"victim_race"_s, u"victim_age"_s,    u"victim_sex"_s,  u"city"_s,
                                  u"state"_s,       u"lat"_s,           u"lon"_s,         u"disposition"_s};
enum WapoColumn { WUid, WReportedDate, WLast, WFirst, WRace, WAge, WSex, WCity, WState, WLat, WLon, WDisposition };

const QStringList kChicagoColumns = {
    u"ID"_s,          u"Case Number"_s,  u"Date"_s,         u"Block"_s,        u"IUCR"_s,     u"Primary Type"_s,
    u"Description"_s, u"Location Description"_s, u"Arrest"_s, u"Domestic"_s,  u"Beat"_s,     u"District"_s,
    u"Ward"_s,        u"Community Area"_s, u"FBI Code"_s,   u"X Coordinate"_s, u"Y Coordinate"_s, u"Year"_s,
    u"Updated On"_s,  u"Latitude"_s,     u"Longitude"_s,    u"Location"_s};
enum ChicagoColumn {
    CId, CCaseNumber, CDate, CBlock, CIucr, CPrimaryType, CDescription, CLocationDescription, CArrest, CDomestic,
    CBeat, CDistrict, CWard, CCommunityArea, CFbiCode, CX, CY, CYear, CUpdatedOn, CLatitude, CLongitude, CLocation
};

const QString kRowField = u"row"_s;
const QString kUnknown = u"Unknown"_s;

// Every problem found, in the order found; a line with any problem is a bad row.
class Problems {
public:
    void add(qint64 line, const QString &field, const QString &reason)
    {
        m_list.append({line, field, reason});
        m_badLines.insert(line);
    }
    bool isEmpty() const { return m_list.isEmpty(); }
    qsizetype badRows() const { return m_badLines.size(); }
    QList<RowProblem> byLine() const
    {
        QList<RowProblem> out = m_list;
        std::stable_sort(out.begin(), out.end(),
                         [](const RowProblem &a, const RowProblem &b) { return a.line < b.line; });
        return out;
    }

private:
    QList<RowProblem> m_list;
    QSet<qint64> m_badLines;
};

Error badRowsError(const QString &file, const Problems &problems)
{
    const qsizetype n = problems.badRows();
    QString message = n == 1 ? Tr::tr("%1: 1 bad row").arg(file) : Tr::tr("%1: %2 bad rows").arg(file).arg(n);
    for (const RowProblem &p : problems.byLine())
        message += u'\n' + p.text();
    return Error(ErrorKind::Invalid, message);
}

// A case ready to write, and the rows it comes from.
struct PendingCase {
    CaseRecord record;
    QList<ImportedVictim> victims;
    QList<qint64> lines;
    QString numberField; // the column the case number comes from, for the store's refusals
};

bool isDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// One data row, checked field by field; every problem is recorded against its column.
class Row {
public:
    Row(const CsvRecord &record, const QStringList &columns, Problems &problems, const QDate &today)
        : m_record(record), m_columns(columns), m_problems(problems), m_today(today)
    {
    }

    qint64 line() const { return m_record.line; }
    bool bad() const { return m_bad; }
    const QString &text(int column) const { return m_record.fields.at(column); }

    void problem(int column, const QString &reason)
    {
        m_problems.add(m_record.line, m_columns.at(column), reason);
        m_bad = true;
    }

    QString required(int column)
    {
        if (text(column).isEmpty())
            problem(column, Tr::tr("empty"));
        return text(column);
    }

    // A calendar date that is not after today.
    QDate notInFuture(int column, const QDate &date)
    {
        if (date > m_today) {
            problem(column, Tr::tr("%1 is in the future").arg(date.toString(Qt::ISODate)));
            return {};
        }
        return date;
    }

    // YYYYMMDD, exactly eight digits.
    QDate dateYmd(int column)
    {
        const QString &t = text(column);
        if (t.size() != 8 || !isDigits(t)) {
            problem(column, Tr::tr("\"%1\" is not a date in the form YYYYMMDD").arg(t));
            return {};
        }
        const QStringView v(t);
        const QDate date(v.left(4).toInt(), v.mid(4, 2).toInt(), v.mid(6, 2).toInt());
        if (!date.isValid()) {
            problem(column, Tr::tr("%1 is not a calendar date").arg(t));
            return {};
        }
        return notInFuture(column, date);
    }

    // MM/DD/YYYY hh:mm:ss AM|PM, the portal's local time; seconds are dropped (the case file keeps HH:mm).
    std::pair<QDate, QTime> portalDateTime(int column)
    {
        const QString &t = text(column);
        const QStringView v(t);
        const auto digits = [&v](qsizetype from, qsizetype n) { return isDigits(v.mid(from, n)); };
        const bool shaped = t.size() == 22 && digits(0, 2) && t[2] == u'/' && digits(3, 2) && t[5] == u'/' &&
                            digits(6, 4) && t[10] == u' ' && digits(11, 2) && t[13] == u':' && digits(14, 2) &&
                            t[16] == u':' && digits(17, 2) && t[19] == u' ' &&
                            (v.mid(20) == u"AM" || v.mid(20) == u"PM");
        const int hour12 = shaped ? v.mid(11, 2).toInt() : 0;
        const int minute = shaped ? v.mid(14, 2).toInt() : 0;
        const int second = shaped ? v.mid(17, 2).toInt() : 0;
        const QDate date = shaped ? QDate(v.mid(6, 4).toInt(), v.left(2).toInt(), v.mid(3, 2).toInt()) : QDate();
        if (!shaped || !date.isValid() || hour12 < 1 || hour12 > 12 || minute > 59 || second > 59) {
            problem(column, Tr::tr("\"%1\" is not a date and time in the form MM/DD/YYYY hh:mm:ss AM").arg(t));
            return {};
        }
        const int hour = hour12 % 12 + (v.mid(20) == u"PM" ? 12 : 0);
        return {notInFuture(column, date), QTime(hour, minute)};
    }

    // An integer 0..130, or Unknown.
    std::optional<int> age(int column)
    {
        const QString &t = text(column);
        if (t == kUnknown)
            return std::nullopt;
        const int value = t.size() <= 3 && isDigits(t) ? t.toInt() : -1;
        if (value < 0 || value > 130) {
            problem(column, Tr::tr("\"%1\" is not an age from 0 to 130 or Unknown").arg(t));
            return std::nullopt;
        }
        return value;
    }

    // One of the given values, exactly as written.
    template<typename E>
    E choice(int column, const QList<std::pair<QString, E>> &values, E fallback)
    {
        for (const auto &[name, value] : values) {
            if (text(column) == name)
                return value;
        }
        QStringList names;
        for (const auto &entry : values)
            names << entry.first;
        problem(column, Tr::tr("\"%1\" is not one of: %2").arg(text(column), names.join(u", "_s)));
        return fallback;
    }

    // True or False (the extract's pandas spelling), or the portal's own true or false.
    bool flag(int column)
    {
        const QString &t = text(column);
        if (t == u"True" || t == u"true")
            return true;
        if (t != u"False" && t != u"false")
            problem(column, Tr::tr("\"%1\" is not True or False").arg(t));
        return false;
    }

    // A whole number, possibly written as a float ("17.0" -> "17"); empty allowed.
    QString wholeNumber(int column)
    {
        const QString &t = text(column);
        if (t.isEmpty())
            return {};
        const qsizetype dot = t.indexOf(u'.');
        const QStringView whole = QStringView(t).left(dot < 0 ? t.size() : dot);
        const QStringView fraction = dot < 0 ? QStringView() : QStringView(t).mid(dot + 1);
        const bool zeroFraction = std::all_of(fraction.begin(), fraction.end(), [](QChar c) { return c == u'0'; });
        if (!isDigits(whole) || (dot >= 0 && (fraction.isEmpty() || !zeroFraction))) {
            problem(column, Tr::tr("\"%1\" is not a whole number").arg(t));
            return {};
        }
        return whole.toString();
    }

    // Latitude and longitude in decimal degrees: both or neither.
    std::pair<std::optional<double>, std::optional<double>> coordinates(int latColumn, int lonColumn)
    {
        const std::optional<double> lat = coordinate(latColumn, 90);
        const std::optional<double> lon = coordinate(lonColumn, 180);
        if (text(latColumn).isEmpty() != text(lonColumn).isEmpty()) {
            const int empty = text(latColumn).isEmpty() ? latColumn : lonColumn;
            const int given = empty == latColumn ? lonColumn : latColumn;
            problem(empty, Tr::tr("empty, but %1 is given").arg(m_columns.at(given)));
            return {};
        }
        return {lat, lon};
    }

    // The text of the fields that were not valid UTF-8, as notes for the report.
    void noteRecodedFields(QList<RowProblem> &warnings) const
    {
        for (int column : m_record.recodedFields)
            warnings.append({m_record.line, m_columns.at(column),
                             Tr::tr("not valid UTF-8; read as Windows-1252 (see docs/import.md)")});
    }

private:
    std::optional<double> coordinate(int column, double limit)
    {
        const QString &t = text(column);
        if (t.isEmpty())
            return std::nullopt;
        // Plain decimal degrees only ("-87.6", "41"): no spaces, no sign '+', no locale.
        std::array<char, 32> ascii{};
        bool ok = t.size() < static_cast<qsizetype>(ascii.size());
        for (qsizetype i = 0; ok && i < t.size(); ++i) {
            const char16_t c = t[i].unicode();
            ok = (c >= u'0' && c <= u'9') || c == u'.' || c == u'-';
            ascii[static_cast<std::size_t>(i)] = static_cast<char>(c);
        }
        double value = 0;
        if (ok) {
            const char *end = ascii.data() + t.size();
            const auto [ptr, ec] = std::from_chars(ascii.data(), end, value, std::chars_format::fixed);
            ok = ec == std::errc() && ptr == end;
        }
        if (!ok || !std::isfinite(value) || value < -limit || value > limit) {
            problem(column, Tr::tr("\"%1\" is not a coordinate from %2 to %3").arg(t).arg(-limit).arg(limit));
            return std::nullopt;
        }
        return value;
    }

    const CsvRecord &m_record;
    const QStringList &m_columns;
    Problems &m_problems;
    QDate m_today;
    bool m_bad = false;
};

// The header must be the format's, exactly: the columns are read by position.
void checkHeader(CsvReader &reader, const QStringList &expected, const QString &formatName, const QString &file)
{
    CsvRecord header;
    if (!reader.next(header))
        throw Error(ErrorKind::Invalid, Tr::tr("%1: the file is empty; expected the %2 header").arg(file, formatName));
    if (header.error)
        throw Error(ErrorKind::Invalid,
                    Tr::tr("%1: line %2: header: %3").arg(file).arg(header.line).arg(header.error->reason));
    if (header.fields == expected)
        return;
    QStringList missing, unexpected;
    for (const QString &c : expected) {
        if (!header.fields.contains(c))
            missing << u'"' + c + u'"';
    }
    for (const QString &c : header.fields) {
        if (!expected.contains(c))
            unexpected << u'"' + c + u'"';
    }
    QStringList parts;
    QSet<QString> seen;
    for (const QString &c : header.fields) {
        if (seen.contains(c))
            parts << Tr::tr("column \"%1\" appears twice").arg(c);
        seen.insert(c);
    }
    if (!missing.isEmpty())
        parts << Tr::tr("missing column %1").arg(missing.join(u", "_s));
    if (!unexpected.isEmpty())
        parts << Tr::tr("unexpected column %1").arg(unexpected.join(u", "_s));
    if (parts.isEmpty())
        parts << Tr::tr("the columns are not in the expected order (%1)").arg(expected.join(u","_s));
    throw Error(ErrorKind::Invalid, Tr::tr("%1: line %2: not the %3 header: %4")
                                        .arg(file)
                                        .arg(header.line)
                                        .arg(formatName, parts.join(u"; "_s)));
}

// A syntax error or a wrong number of fields: nothing in the row can be trusted.
bool wellFormed(const CsvRecord &record, const QStringList &columns, Problems &problems)
{
    if (record.error) {
        const int field = record.error->field;
        problems.add(record.line, field < columns.size() ? columns.at(field) : kRowField, record.error->reason);
        return false;
    }
    if (record.fields.size() != columns.size()) {
        problems.add(record.line, kRowField,
                     Tr::tr("expected %1 fields, found %2").arg(columns.size()).arg(record.fields.size()));
        return false;
    }
    return true;
}

// Washington Post: one row per victim, and each row is its own case (the file has no incident id).
std::vector<PendingCase> readWapo(CsvReader &reader, const PublicImportOptions &options, const QDate &today,
                                  const QString &file, PublicImportReport &report, Problems &problems)
{
    checkHeader(reader, kWapoColumns, Tr::tr("Washington Post"), file);
    const QString city = options.city.trimmed();
    const QList<std::pair<QString, Race>> races = {{u"Black"_s, Race::Black}, {u"Hispanic"_s, Race::Hispanic},
                                                   {u"White"_s, Race::White}, {u"Asian"_s, Race::Asian},
                                                   {u"Other"_s, Race::Other}, {kUnknown, Race::Unknown}};
    const QList<std::pair<QString, Sex>> sexes = {
        {u"Male"_s, Sex::Male}, {u"Female"_s, Sex::Female}, {kUnknown, Sex::Unknown}};
    const QList<std::pair<QString, CaseStatus>> dispositions = {
        {u"Closed by arrest"_s, CaseStatus::ClearedByArrest},
        {u"Closed without arrest"_s, CaseStatus::ClearedExceptionally},
        {u"Open/No arrest"_s, CaseStatus::Open}};
    std::vector<PendingCase> cases;
    QHash<QString, qint64> uidLines;
    QSet<QString> cities;
    qint64 matched = 0;
    CsvRecord record;
    while (reader.next(record)) {
        ++report.rows;
        if (!wellFormed(record, kWapoColumns, problems))
            continue;
        cities.insert(record.fields.at(WCity));
        if (!city.isEmpty() && record.fields.at(WCity).compare(city, Qt::CaseInsensitive) != 0) {
            ++report.filteredOut;
            continue;
        }
        ++matched;
        Row row(record, kWapoColumns, problems, today);
        PendingCase pc;
        pc.numberField = kWapoColumns.at(WUid);
        pc.lines << row.line();
        CaseRecord &c = pc.record;
        const QString uid = row.required(WUid);
        if (!uid.isEmpty()) {
            const auto seen = uidLines.constFind(uid);
            if (seen != uidLines.constEnd())
                row.problem(WUid, Tr::tr("%1 is also on line %2").arg(uid).arg(*seen));
            else
                uidLines.insert(uid, row.line());
        }
        c.caseNumber = uid;
        c.source = publicFormatKey(PublicFormat::Wapo);
        c.sourceRef = uid;
        c.incidentDate = row.dateYmd(WReportedDate);
        c.area = row.required(WCity);
        const auto [lat, lon] = row.coordinates(WLat, WLon);
        c.latitude = lat;
        c.longitude = lon;
        c.status = row.choice(WDisposition, dispositions, CaseStatus::Open);
        c.sourceStatus = row.text(WDisposition);

        ImportedVictim v;
        v.sourceRef = uid;
        QStringList name;
        for (int column : {WFirst, WLast}) {
            if (!row.text(column).isEmpty() && row.text(column) != kUnknown)
                name << row.text(column);
        }
        v.victim.name = name.join(u' ');
        v.victim.race = row.choice(WRace, races, Race::Unknown);
        v.victim.age = row.age(WAge);
        v.victim.sex = row.choice(WSex, sexes, Sex::Unknown);
        pc.victims << v;
        if (row.bad())
            continue;
        row.noteRecodedFields(report.warnings);
        cases.push_back(std::move(pc));
    }
    if (!city.isEmpty() && matched == 0) {
        QStringList names = cities.values();
        std::sort(names.begin(), names.end());
        throw Error(ErrorKind::Invalid, Tr::tr("%1: no rows matched the city \"%2\"; the file's cities are: %3")
                                            .arg(file, city, names.isEmpty() ? Tr::tr("none") : names.join(u", "_s)));
    }
    return cases;
}

// Chicago Data Portal: one row per victim; rows that share a case number are one case.
std::vector<PendingCase> readChicago(CsvReader &reader, const QDate &today, const QString &file,
                                     PublicImportReport &report, Problems &problems)
{
    checkHeader(reader, kChicagoColumns, Tr::tr("Chicago Data Portal"), file);
    struct PortalRow {
        qint64 line = 0;
        QString id;
        QDate date;
        QTime time;
        QString block, beat, district, ward, communityArea;
        bool arrest = false;
        bool domestic = false;
        std::optional<double> latitude, longitude;
    };
    struct Group {
        QString caseNumber;
        std::vector<PortalRow> rows;
    };
    std::vector<Group> groups; // in the order the case numbers first appear in the file
    QHash<QString, std::size_t> groupOf;
    QHash<QString, qint64> idLines;
    CsvRecord record;
    while (reader.next(record)) {
        ++report.rows;
        if (!wellFormed(record, kChicagoColumns, problems))
            continue;
        Row row(record, kChicagoColumns, problems, today);
        PortalRow v;
        v.line = row.line();
        v.id = row.required(CId);
        if (!v.id.isEmpty()) {
            const auto seen = idLines.constFind(v.id);
            if (seen != idLines.constEnd())
                row.problem(CId, Tr::tr("%1 is also on line %2").arg(v.id).arg(*seen));
            else
                idLines.insert(v.id, v.line);
        }
        const QString caseNumber = row.required(CCaseNumber);
        std::tie(v.date, v.time) = row.portalDateTime(CDate);
        v.block = row.text(CBlock);
        v.arrest = row.flag(CArrest);
        v.domestic = row.flag(CDomestic);
        v.beat = row.text(CBeat);
        v.district = row.wholeNumber(CDistrict);
        v.ward = row.wholeNumber(CWard);
        v.communityArea = row.wholeNumber(CCommunityArea);
        std::tie(v.latitude, v.longitude) = row.coordinates(CLatitude, CLongitude);
        if (row.bad())
            continue;
        row.noteRecodedFields(report.warnings);
        auto it = groupOf.constFind(caseNumber);
        if (it == groupOf.constEnd()) {
            it = groupOf.insert(caseNumber, groups.size());
            groups.push_back({caseNumber, {}});
        }
        groups[*it].rows.push_back(std::move(v));
    }

    std::vector<PendingCase> cases;
    cases.reserve(groups.size());
    for (const Group &group : groups) {
        const std::vector<PortalRow> &rows = group.rows;
        // The case happened when its first victim was attacked; the rest of the case's
        // description comes from that row too (ties: the first in the file).
        const PortalRow *first = &rows.front();
        bool arrest = false;
        bool domestic = false;
        for (const PortalRow &v : rows) {
            if (std::pair(v.date, v.time) < std::pair(first->date, first->time))
                first = &v;
            arrest = arrest || v.arrest;
            domestic = domestic || v.domestic;
        }
        PendingCase pc;
        pc.numberField = kChicagoColumns.at(CCaseNumber);
        CaseRecord &c = pc.record;
        c.caseNumber = group.caseNumber;
        c.source = publicFormatKey(PublicFormat::ChicagoPortal);
        c.sourceRef = group.caseNumber;
        c.incidentDate = first->date;
        c.incidentTime = first->time;
        c.address = first->block;
        c.beat = first->beat;
        c.district = first->district;
        c.ward = first->ward;
        c.communityArea = first->communityArea;
        c.latitude = first->latitude;
        c.longitude = first->longitude;
        c.domestic = domestic;
        // Not a UCR clearance: an arrest linked to the record. Kept apart by source, no date and
        // the source status (docs/import.md).
        c.status = arrest ? CaseStatus::ClearedByArrest : CaseStatus::Open;
        c.sourceStatus = arrest ? u"portal Arrest flag: True"_s : u"portal Arrest flag: False"_s;
        for (const PortalRow &v : rows) {
            ImportedVictim iv;
            iv.sourceRef = v.id;
            pc.victims << iv;
            pc.lines << v.line;
        }
        cases.push_back(std::move(pc));
    }
    return cases;
}

QString eventDetail(const PublicImportOptions &options, const QString &file, const PublicImportReport &r)
{
    QJsonObject o;
    o.insert(u"format"_s, publicFormatKey(options.format));
    o.insert(u"file"_s, file);
    if (!options.city.trimmed().isEmpty())
        o.insert(u"city"_s, options.city.trimmed());
    o.insert(u"rows"_s, r.rows);
    o.insert(u"cases_created"_s, r.casesCreated);
    o.insert(u"cases_updated"_s, r.casesUpdated);
    o.insert(u"victims_added"_s, r.victimsAdded);
    o.insert(u"unchanged"_s, r.unchanged);
    o.insert(u"skipped"_s, r.skipped);
    o.insert(u"filtered_out"_s, r.filteredOut);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<PublicFormat> publicFormatFromKey(const QString &key)
{
    for (PublicFormat f : {PublicFormat::Wapo, PublicFormat::ChicagoPortal}) {
        if (key == publicFormatKey(f))
            return f;
    }
    return std::nullopt;
}

QString publicFormatKey(PublicFormat format)
{
    switch (format) {
    case PublicFormat::Wapo:
        return u"wapo"_s;
    case PublicFormat::ChicagoPortal:
        return u"chicago-portal"_s;
    }
    return {};
}

QString RowProblem::text() const
{
    return Tr::tr("line %1: %2: %3").arg(line).arg(field, reason);
}

PublicImportReport importPublic(CaseStore &store, QIODevice &in, const PublicImportOptions &options)
{
    const QString file = options.fileName.isEmpty() ? Tr::tr("input") : options.fileName;
    if (!in.isReadable())
        throw Error(ErrorKind::Io, Tr::tr("%1: cannot be read.").arg(file));
    CsvReader reader(in.readAll());
    PublicImportReport report;
    Problems problems;
    const QDate today = store.clock().today();
    std::vector<PendingCase> cases = options.format == PublicFormat::Wapo
                                         ? readWapo(reader, options, today, file, report, problems)
                                         : readChicago(reader, today, file, report, problems);
    if (!problems.isEmpty() && !options.skipBad)
        throw badRowsError(file, problems);

    db::Database &db = store.database();
    store.bulk([&] {
        const qint64 victimsBefore = db.scalar("SELECT count(*) FROM victims").toLongLong();
        for (const PendingCase &pc : cases) {
            try {
                switch (store.importCase(pc.record, pc.victims)) {
                case CaseStore::ImportOutcome::Created:
                    ++report.casesCreated;
                    break;
                case CaseStore::ImportOutcome::VictimsAdded:
                    ++report.casesUpdated;
                    break;
                case CaseStore::ImportOutcome::Unchanged:
                    ++report.unchanged;
                    break;
                }
            } catch (const Error &e) {
                // The store refuses a case (a case number taken by another source): a bad row
                // like any other. It refuses before writing anything, so the bulk can go on;
                // were anything half-written, bulk() would refuse to commit at all.
                if (e.kind() != ErrorKind::Invalid && e.kind() != ErrorKind::Refused)
                    throw;
                for (qint64 line : pc.lines)
                    problems.add(line, pc.numberField, e.message());
            }
        }
        if (!problems.isEmpty() && !options.skipBad)
            throw badRowsError(file, problems);
        report.victimsAdded = db.scalar("SELECT count(*) FROM victims").toLongLong() - victimsBefore;
        report.skipped = problems.badRows();
        report.problems = problems.byLine();
        store.recordEvent(u"import"_s, u"case_file"_s, eventDetail(options, file, report));
    });
    return report;
}

} // namespace cb::io
