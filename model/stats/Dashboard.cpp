#include "model/stats/Dashboard.h"

namespace cb::stats {

Dashboard computeDashboard(db::Database &db, const QDate &asOf, const CaseloadOptions &options, const Reader &reader)
{
    Dashboard d;
    d.asOf = asOf;
    const Snapshot s = Snapshot::load(db, asOf, reader);
    const QDate monthStart(asOf.year(), asOf.month(), 1);
    d.months = periodRates(s, periods(Granularity::Month, monthStart.addMonths(-12), asOf), GroupBy::None);
    const Period ytd{QStringLiteral("YTD"), QDate(asOf.year(), 1, 1), asOf};
    const Period r12{QStringLiteral("R12"), asOf.addMonths(-12).addDays(1), asOf};
    const auto windows = periodRates(s, {ytd, r12}, GroupBy::None);
    d.yearToDate = windows.value(0);
    d.rolling12 = windows.value(1);
    const QDate fiveYears(asOf.year() - 4, 1, 1);
    d.cohortsByYear = cohortRates(s, periods(Granularity::Year, fiveYears, asOf), GroupBy::None, asOf);
    d.timeToClear = timeToClear(s, fiveYears, asOf, GroupBy::None, asOf).value(0);
    for (GroupBy g : {GroupBy::Area, GroupBy::District, GroupBy::VictimRace, GroupBy::VictimSex, GroupBy::VictimAgeBand,
                      GroupBy::Weapon, GroupBy::PrimaryDetective})
        d.breakdowns.append({g, cohortRates(s, {r12}, g, asOf)});
    d.caseload = caseload(db, s, options);
    return d;
}

} // namespace cb::stats
