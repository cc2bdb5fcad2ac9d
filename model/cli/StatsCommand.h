#pragma once

#include "model/cli/Tabular.h"
#include "model/stats/Statistics.h"

namespace cb::db {
class Database;
}

namespace cb::cli {

// One `caseboard-cli stats` request; the column names of each kind are a contract (README).
struct StatsRequest {
    QString kind; // clearance, cohort, time-to-clear, caseload
    QDate from;
    QDate to;
    QDate asOf;
    stats::Granularity by = stats::Granularity::Month;
    stats::GroupBy group = stats::GroupBy::None;
    stats::CaseloadOptions caseload;
    bool curve = false; // time-to-clear: the Kaplan-Meier points instead of the summary
    stats::Reader reader; // who signed in: restricted cases they may not see count for no detective
};

QStringList statsKinds();
Tabular statsTable(db::Database &db, const StatsRequest &request);

} // namespace cb::cli
