#include "model/cli/StatsCommand.h"

namespace cb::cli {

using namespace cb::stats;

namespace {

QVariant count(std::int64_t n)
{
    return QVariant::fromValue<qlonglong>(n);
}

QVariant rate(const std::optional<double> &r)
{
    return r ? QVariant(*r) : QVariant();
}

QString iso(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

Tabular clearance(db::Database &db, const StatsRequest &r)
{
    Tabular t;
    t.columns = {QStringLiteral("period"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("group"),
                 QStringLiteral("offenses"), QStringLiteral("incidents"), QStringLiteral("unfounded"),
                 QStringLiteral("cleared"), QStringLiteral("cleared_by_arrest"), QStringLiteral("cleared_exceptionally"),
                 QStringLiteral("exceptional_a"), QStringLiteral("exceptional_b"), QStringLiteral("exceptional_c"),
                 QStringLiteral("exceptional_d"), QStringLiteral("exceptional_e"), QStringLiteral("exceptional_unknown"),
                 QStringLiteral("cleared_current_offenses"), QStringLiteral("cleared_earlier_offenses"),
                 QStringLiteral("oldest_offense_year"), QStringLiteral("clearance_rate"), QStringLiteral("arrest_rate"),
                 QStringLiteral("as_of")};
    t.rateColumns = {QStringLiteral("clearance_rate"), QStringLiteral("arrest_rate")};
    const Snapshot s = Snapshot::load(db, r.asOf, r.reader);
    for (const PeriodRate &p : periodRates(s, periods(r.by, r.from, r.to), r.group)) {
        QVariantList row{p.period.label, iso(p.period.from), iso(p.period.to), p.group, count(p.offenses),
                         count(p.incidents), count(p.unfounded), count(p.cleared.total()), count(p.cleared.byArrest),
                         count(p.cleared.exceptionally)};
        for (std::int64_t n : p.cleared.byCode)
            row << count(n);
        row << count(p.clearedThisPeriodOffenses) << count(p.clearedEarlierOffenses)
            << (p.oldestOffenseYear ? QVariant(*p.oldestOffenseYear) : QVariant()) << rate(p.rate())
            << rate(p.arrestRate()) << iso(r.asOf);
        t.rows << row;
    }
    return t;
}

Tabular cohort(db::Database &db, const StatsRequest &r)
{
    Tabular t;
    t.columns = {QStringLiteral("period"), QStringLiteral("group"), QStringLiteral("offenses"),
                 QStringLiteral("cleared_by_arrest"), QStringLiteral("cleared_exceptionally"), QStringLiteral("open"),
                 QStringLiteral("cohort_clearance_rate"), QStringLiteral("cohort_arrest_rate"), QStringLiteral("as_of")};
    t.rateColumns = {QStringLiteral("cohort_clearance_rate"), QStringLiteral("cohort_arrest_rate")};
    const Snapshot s = Snapshot::load(db, r.asOf, r.reader);
    for (const CohortRate &c : cohortRates(s, periods(r.by, r.from, r.to), r.group, r.asOf))
        t.rows << QVariantList{c.period.label,
                               c.group,
                               count(c.offenses),
                               count(c.cleared.byArrest),
                               count(c.cleared.exceptionally),
                               count(c.open),
                               rate(c.rate()),
                               rate(c.arrestRate()),
                               iso(c.asOf)};
    return t;
}

Tabular timeToClearTable(db::Database &db, const StatsRequest &r)
{
    Tabular t;
    const Snapshot s = Snapshot::load(db, r.asOf, r.reader);
    const auto results = timeToClear(s, r.from, r.to, r.group, r.asOf);
    if (r.curve) {
        t.columns = {QStringLiteral("group"), QStringLiteral("day"), QStringLiteral("at_risk"), QStringLiteral("cleared"),
                     QStringLiteral("censored"), QStringLiteral("survival"), QStringLiteral("as_of")};
        for (const TimeToClear &k : results)
            for (const SurvivalPoint &p : k.curve)
                t.rows << QVariantList{k.group,        p.day,      count(p.atRisk), count(p.cleared),
                                       count(p.censored), p.survival, iso(k.asOf)};
        return t;
    }
    t.columns = {QStringLiteral("group"),       QStringLiteral("offenses"),   QStringLiteral("cleared"),
                 QStringLiteral("undated_clearances"), QStringLiteral("median_days"), QStringLiteral("within_48h"),
                 QStringLiteral("within_7d"),   QStringLiteral("within_30d"), QStringLiteral("within_1y"),
                 QStringLiteral("as_of")};
    t.rateColumns = {QStringLiteral("within_48h"), QStringLiteral("within_7d"), QStringLiteral("within_30d"),
                     QStringLiteral("within_1y")};
    for (const TimeToClear &k : results)
        t.rows << QVariantList{k.group,
                               count(k.offenses),
                               count(k.cleared),
                               count(k.undatedClearances),
                               k.medianDays ? QVariant(*k.medianDays) : QVariant(),
                               k.offenses ? QVariant(k.clearedWithin(2)) : QVariant(),
                               k.offenses ? QVariant(k.clearedWithin(7)) : QVariant(),
                               k.offenses ? QVariant(k.clearedWithin(30)) : QVariant(),
                               k.offenses ? QVariant(k.clearedWithin(365)) : QVariant(),
                               iso(k.asOf)};
    return t;
}

Tabular caseloadTable(db::Database &db, const StatsRequest &r)
{
    Tabular t;
    t.columns = {QStringLiteral("member"),          QStringLiteral("badge"),        QStringLiteral("team"),
                 QStringLiteral("active"),          QStringLiteral("open_primary"), QStringLiteral("open_secondary"),
                 QStringLiteral("new_primary_12m"), QStringLiteral("guideline"),    QStringLiteral("over_guideline"),
                 QStringLiteral("open_leads"),      QStringLiteral("overdue_leads"), QStringLiteral("stale_cases"),
                 QStringLiteral("stale_days"),      QStringLiteral("as_of")};
    for (const Caseload &c : caseload(db, r.asOf, r.caseload, r.reader))
        t.rows << QVariantList{c.name,
                               c.badge,
                               c.team,
                               c.active,
                               count(c.openPrimary),
                               count(c.openSecondary),
                               count(c.newPrimary12Months),
                               r.caseload.newAssignmentGuideline,
                               c.overGuideline,
                               count(c.openLeads),
                               count(c.overdueLeads),
                               count(c.staleCases),
                               r.caseload.staleDays,
                               iso(r.asOf)};
    return t;
}

} // namespace

QStringList statsKinds()
{
    return {QStringLiteral("clearance"), QStringLiteral("cohort"), QStringLiteral("time-to-clear"),
            QStringLiteral("caseload")};
}

Tabular statsTable(db::Database &db, const StatsRequest &r)
{
    if (r.kind == QLatin1String("clearance"))
        return clearance(db, r);
    if (r.kind == QLatin1String("cohort"))
        return cohort(db, r);
    if (r.kind == QLatin1String("time-to-clear"))
        return timeToClearTable(db, r);
    return caseloadTable(db, r);
}

} // namespace cb::cli
