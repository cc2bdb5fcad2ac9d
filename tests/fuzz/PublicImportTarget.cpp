#include "PublicImportTarget.h"

#include "FuzzHarness.h"

#include "model/domain/Domain.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"

#include <QBuffer>

namespace cb::fuzz {

using namespace Qt::StringLiterals;

namespace {

// Made-up records (never rows of the real files) that the seeds in corpus/ refer to.
constexpr const char *kWapoBaseline =
    "uid,reported_date,victim_last,victim_first,victim_race,victim_age,victim_sex,city,state,lat,lon,disposition\n"
    "Spr-000010,20150401,EXAMPLE,ROW,Black,31,Male,Springfield,IL,39.78,-89.65,Open/No arrest\n";
constexpr const char *kChicagoBaseline =
    "ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,Arrest,Domestic,Beat,District,"
    "Ward,Community Area,FBI Code,X Coordinate,Y Coordinate,Year,Updated On,Latitude,Longitude,Location\n"
    "90010,JX100004,02/01/2021 10:15:00 PM,001XX W SAMPLE ST,0110,HOMICIDE,FIRST DEGREE MURDER,STREET,False,False,"
    "0712,7.0,16.0,68.0,01A,,,2021,07/06/2023 04:46:09 PM,41.77,-87.63,\"(41.77, -87.63)\"\n";

void importText(CaseStore &store, io::PublicFormat format, const char *text)
{
    QByteArray bytes(text);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    io::PublicImportOptions options;
    options.format = format;
    options.fileName = u"baseline.csv"_s;
    io::importPublic(store, buffer, options);
}

void baseline(CaseStore &store)
{
    // Entered in CaseBoard under numbers that a row of either format can bring: the store
    // refuses to merge an import into them.
    Victim victim;
    victim.name = u"Baseline Victim"_s;
    for (const QString &number : {u"Spr-000009"_s, u"JX100009"_s}) {
        CaseRecord c;
        c.caseNumber = number;
        c.incidentDate = QDate(2015, 3, 1);
        c.area = u"Springfield"_s;
        store.createCase(c, {victim});
    }
    importText(store, io::PublicFormat::Wapo, kWapoBaseline);
    importText(store, io::PublicFormat::ChicagoPortal, kChicagoBaseline);
}

Harness &harness()
{
    static Harness h(&baseline);
    return h;
}

void checkProblems(const QList<io::RowProblem> &problems, const char *what)
{
    for (const io::RowProblem &p : problems) {
        if (p.line < 1 || p.field.isEmpty() || p.reason.trimmed().isEmpty())
            finding(u"a %1 without a line, a field or a reason: \"%2\""_s.arg(QLatin1StringView(what), p.text()));
    }
}

// One run of the importer over the input, with the given options.
bool importOnce(io::PublicFormat format, const QByteArray &input, bool skipBad, const QString &city)
{
    Harness &h = harness();
    db::Database &db = h.database();
    const qint64 casesBefore = rowCount(db, u"cases"_s);
    const qint64 victimsBefore = rowCount(db, u"victims"_s);
    io::PublicImportReport report;
    const auto import = [&] {
        QByteArray bytes = input;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        io::PublicImportOptions options;
        options.format = format;
        options.skipBad = skipBad;
        options.city = city;
        options.fileName = u"fuzz.csv"_s;
        report = io::importPublic(h.store(), buffer, options);
    };
    const auto checkAccepted = [&] {
        const qint64 cases = rowCount(db, u"cases"_s) - casesBefore;
        const qint64 victims = rowCount(db, u"victims"_s) - victimsBefore;
        if (cases != report.casesCreated || victims != report.victimsAdded)
            finding(u"the report says %1 cases and %2 victims created, the case file has %3 and %4 more"_s
                        .arg(report.casesCreated)
                        .arg(report.victimsAdded)
                        .arg(cases)
                        .arg(victims));
        if (report.victimsAdded < report.casesCreated)
            finding(u"%1 new cases with only %2 victims"_s.arg(report.casesCreated).arg(report.victimsAdded));
        const qint64 cased = report.casesCreated + report.casesUpdated + report.unchanged;
        const qint64 good = report.rows - report.skipped - report.filteredOut;
        // The Post's rows are one case each; the portal's rows group by case number.
        if (format == io::PublicFormat::Wapo ? cased != good : cased > good)
            finding(u"%1 rows, %2 skipped, %3 filtered out, but %4 cases"_s.arg(report.rows)
                        .arg(report.skipped)
                        .arg(report.filteredOut)
                        .arg(cased));
        if ((report.skipped > 0) != !report.problems.isEmpty() || (!skipBad && report.skipped > 0))
            finding(u"%1 rows skipped with %2 problems reported"_s.arg(report.skipped).arg(report.problems.size()));
        checkProblems(report.problems, "problem");
        checkProblems(report.warnings, "warning");
    };
    return h.run(import, checkAccepted);
}

} // namespace

int fuzzPublicImport(io::PublicFormat format, const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = bytesOf(data, size);
    // The options are fuzzed too, while a seed stays a plain file of the format: the strict
    // import always; when it refuses the file, the import with --skip-bad (where partial imports
    // happen); for the Post, that one also filters on the seeds' city when the file names it.
    if (importOnce(format, input, false, {}))
        return 0;
    const bool filter = format == io::PublicFormat::Wapo && input.toLower().contains("springfield");
    importOnce(format, input, true, filter ? u"springfield"_s : QString());
    return 0;
}

} // namespace cb::fuzz
