#pragma once

// Every figure the command dashboard shows, computed together from one snapshot of the case
// file (so they agree with each other) as of one date. `caseboard-cli bench` times exactly this.

#include "model/stats/Statistics.h"

namespace cb::stats {

struct Dashboard {
    QDate asOf;
    QList<PeriodRate> months;       // the 13 months ending with T's month (counts are small: shown beside the rates below)
    PeriodRate yearToDate;          // January 1 to T
    PeriodRate rolling12;           // the 12 months ending at T
    QList<CohortRate> cohortsByYear; // the last five years' offenses, as of T
    TimeToClear timeToClear;        // offenses of the last five years, as of T
    // Cohort rates of the offenses of the 12 months ending at T, by each breakdown.
    QList<std::pair<GroupBy, QList<CohortRate>>> breakdowns;
    QList<Caseload> caseload;
};

Dashboard computeDashboard(db::Database &db, const QDate &asOf, const CaseloadOptions &options = {},
                           const Reader &reader = {});

} // namespace cb::stats
