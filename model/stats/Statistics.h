#pragma once

// Clearance and caseload statistics, computed exactly as shared docs/clearance.md defines them
// (see docs/statistics.md for every rule, including the edge cases). A pure computation: load a
// consistent Snapshot of the case file in one read transaction, then compute; nothing is cached
// between calls, so nothing can go stale.

#include "model/domain/Domain.h"

#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace cb::db {
class Database;
}

namespace cb::stats {

enum class GroupBy { None, Area, District, CommunityArea, VictimRace, VictimSex, VictimAgeBand, Weapon, PrimaryDetective };
std::optional<GroupBy> groupByFromKey(const QString &key); // "area", "district", "community_area", "victim_race", ...
QString groupByKey(GroupBy g);
QStringList groupByKeys();
QString ageBand(const std::optional<int> &age); // "0-17", "18-24", ..., "65+", "unknown"

enum class Granularity { Month, Quarter, Year, YearToDate, Rolling12 };
std::optional<Granularity> granularityFromKey(const QString &key); // month, quarter, year, ytd, rolling12

struct Period {
    QString label; // 2024-03, 2024-Q1, 2024, 2024-YTD-03, R12-2024-03
    QDate from;    // inclusive
    QDate to;      // inclusive
};
// The periods of a granularity that cover [from, to]. For YearToDate and Rolling12 there is one
// window per month, ending at the month's last day (or at `to` for the last one).
QList<Period> periods(Granularity g, const QDate &from, const QDate &to);

// One status event of a case, in the order recorded. date is invalid for an imported clearance
// whose date the source does not give.
struct StatusEvent {
    CaseStatus status = CaseStatus::Open;
    QDate date;
    std::optional<ExceptionalCode> code;
};

// Whose eyes the figures are for. A restricted case (README, "Roles") exists only for its
// assigned detectives and their sergeants; for anyone else it counts in the unit's figures (a
// rate must be right to the last case) but never under a detective's name: grouped by primary
// detective it falls in one "restricted" group, and caseloads leave it out. No member (the
// system, tools, an old-format file): everything is shown.
struct Reader {
    std::optional<Id> memberId;
};

struct CaseFacts {
    Id id = 0;
    bool hidden = false; // restricted, and the reader may not see it
    QDate incidentDate;
    QString area;
    QString district;
    QString communityArea;
    Weapon weapon = Weapon::Unknown;
    QString primaryDetective; // the primary detective as of the snapshot's date (or the last one before it)
    QList<StatusEvent> events;
};

struct VictimFacts {
    int caseIndex = 0; // into Snapshot::cases
    Sex sex = Sex::Unknown;
    Race race = Race::Unknown;
    std::optional<int> age;
};

struct Snapshot {
    QDate asOf;
    QList<CaseFacts> cases;
    QList<VictimFacts> victims;
    static Snapshot load(db::Database &db, const QDate &asOf, const Reader &reader = {});
};

// The status a case had at the end of day T: the last recorded event dated on or before T
// (an undated imported event counts from the incident date).
StatusEvent statusAsOf(const CaseFacts &c, const QDate &t);

constexpr int kCodeCount = 6; // A, B, C, D, E, unknown
struct ClearanceCounts {
    std::int64_t byArrest = 0;
    std::int64_t exceptionally = 0;
    std::array<std::int64_t, kCodeCount> byCode{}; // exceptional clearances by NIBRS code; [5] = code unknown
    std::int64_t total() const { return byArrest + exceptionally; }
};

// UCR period rate: clearances recorded in P / (offenses reported in P - offenses unfounded in P).
struct PeriodRate {
    Period period;
    QString group;
    std::int64_t offenses = 0;  // victims of incidents in P
    std::int64_t incidents = 0; // cases with incidents in P
    std::int64_t unfounded = 0; // offenses unfounded in P (net of reversals in P)
    ClearanceCounts cleared;    // clearances recorded in P (net of clearances withdrawn by a reopening in P)
    std::int64_t clearedThisPeriodOffenses = 0;
    std::int64_t clearedEarlierOffenses = 0;
    std::optional<int> oldestOffenseYear; // among this period's clearances of earlier offenses
    std::optional<double> rate() const;
    std::optional<double> arrestRate() const;
};
QList<PeriodRate> periodRates(const Snapshot &s, const QList<Period> &periods, GroupBy group);

// Cohort rate: the offenses of P (not unfounded as of T) cleared on or before T / those offenses.
struct CohortRate {
    Period period;
    QString group;
    std::int64_t offenses = 0;
    std::int64_t incidents = 0;
    ClearanceCounts cleared;
    std::int64_t open = 0;
    QDate asOf;
    std::optional<double> rate() const;
    std::optional<double> arrestRate() const;
};
QList<CohortRate> cohortRates(const Snapshot &s, const QList<Period> &periods, GroupBy group, const QDate &asOf);

// Time from offense to clearance, Kaplan-Meier, open offenses censored at T.
struct SurvivalPoint {
    int day = 0;
    std::int64_t atRisk = 0;
    std::int64_t cleared = 0;  // events on this day
    std::int64_t censored = 0; // censored on this day
    double survival = 1.0;     // share still uncleared after this day
};
struct TimeToClear {
    QString group;
    std::int64_t offenses = 0;
    std::int64_t cleared = 0;
    std::int64_t undatedClearances = 0; // imported clearances without a date: left out of the curve
    QList<SurvivalPoint> curve;         // one point per day with an event or a censoring
    std::optional<int> medianDays;      // first day the survival falls to 0.5 or below
    double clearedWithin(int days) const; // 1 - S(days)
    QDate asOf;
};
QList<TimeToClear> timeToClear(const Snapshot &s, const QDate &from, const QDate &to, GroupBy group, const QDate &asOf);

// Caseload per detective as of T.
struct CaseloadOptions {
    int newAssignmentGuideline = 5; // new primary cases in 12 months (shared docs/clearance.md)
    int staleDays = 30;
};
struct Caseload {
    Id memberId = 0;
    QString name;
    QString badge;
    QString team;
    bool active = true;
    std::int64_t openPrimary = 0;
    std::int64_t openSecondary = 0;
    std::int64_t newPrimary12Months = 0;
    bool overGuideline = false;
    std::int64_t openLeads = 0;
    std::int64_t overdueLeads = 0;
    std::int64_t staleCases = 0;
};
// Case statuses come from the snapshot (taken as of the date T wanted); the assignments, leads
// and activity are read from db, which must be the snapshot's case file. The cases hidden from
// the snapshot's reader count for nobody (Reader).
QList<Caseload> caseload(db::Database &db, const Snapshot &snapshot, const CaseloadOptions &options);
QList<Caseload> caseload(db::Database &db, const QDate &asOf, const CaseloadOptions &options, const Reader &reader = {});

} // namespace cb::stats
