#include "model/stats/Statistics.h"

#include "model/storage/Database.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>
#include <numeric>

namespace cb::stats {

namespace {

constexpr int kUnknownCode = 5;

int codeIndex(const std::optional<ExceptionalCode> &code)
{
    return code ? static_cast<int>(*code) : kUnknownCode;
}

bool isCleared(CaseStatus s)
{
    return s == CaseStatus::ClearedByArrest || s == CaseStatus::ClearedExceptionally;
}

void addClearance(ClearanceCounts &c, const StatusEvent &e, std::int64_t n)
{
    if (e.status == CaseStatus::ClearedByArrest) {
        c.byArrest += n;
    } else {
        c.exceptionally += n;
        c.byCode[static_cast<std::size_t>(codeIndex(e.code))] += n;
    }
}

std::optional<double> ratio(std::int64_t num, std::int64_t den)
{
    if (den <= 0)
        return std::nullopt;
    return static_cast<double>(num) / static_cast<double>(den);
}

QString groupValue(const Snapshot &s, const VictimFacts &v, GroupBy g)
{
    const CaseFacts &c = s.cases.at(v.caseIndex);
    auto orUnknown = [](const QString &x) { return x.isEmpty() ? QStringLiteral("unknown") : x; };
    switch (g) {
    case GroupBy::None: return QString();
    case GroupBy::Area: return orUnknown(c.area);
    case GroupBy::District: return orUnknown(c.district);
    case GroupBy::CommunityArea: return orUnknown(c.communityArea);
    case GroupBy::VictimRace: return key(v.race);
    case GroupBy::VictimSex: return key(v.sex);
    case GroupBy::VictimAgeBand: return ageBand(v.age);
    case GroupBy::Weapon: return key(c.weapon);
    case GroupBy::PrimaryDetective: return c.hidden ? QStringLiteral("restricted") : orUnknown(c.primaryDetective);
    }
    return QString();
}

// The periods containing a date. Periods are indexed in order of their end date; their start
// dates are then non-decreasing too (true of every granularity here), so the matches are contiguous.
class PeriodIndex {
public:
    explicit PeriodIndex(const QList<Period> &periods) : m_periods(periods), m_order(periods.size())
    {
        std::iota(m_order.begin(), m_order.end(), 0);
        std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
            return std::pair(periods[a].to, periods[a].from) < std::pair(periods[b].to, periods[b].from);
        });
    }
    template<typename Fn>
    void forEach(const QDate &d, Fn &&fn) const
    {
        if (!d.isValid())
            return;
        auto it = std::lower_bound(m_order.begin(), m_order.end(), d,
                                   [&](int i, const QDate &date) { return m_periods[i].to < date; });
        for (auto j = it; j != m_order.end(); ++j) {
            const Period &p = m_periods[*j];
            if (p.from <= d && d <= p.to)
                fn(*j);
            else if (p.from > d)
                break;
        }
    }

private:
    const QList<Period> &m_periods;
    std::vector<int> m_order;
};

// Results kept per group in first-seen order, then sorted by group name for output.
template<typename Row>
class Grouped {
public:
    Grouped(const QList<Period> &periods, std::function<void(Row &, const Period &, const QString &)> init)
        : m_periods(periods), m_init(std::move(init))
    {
    }
    Row &at(const QString &group, int period)
    {
        auto it = m_rows.find(group);
        if (it == m_rows.end()) {
            QList<Row> rows(m_periods.size());
            for (int i = 0; i < m_periods.size(); ++i)
                m_init(rows[i], m_periods[i], group);
            it = m_rows.emplace(group, std::move(rows)).first;
        }
        return it->second[period];
    }
    // Period by period, groups in alphabetical order ("unknown" last).
    QList<Row> rows(bool ensureUngrouped)
    {
        if (ensureUngrouped && m_rows.empty() && !m_periods.isEmpty())
            at(QString(), 0);
        std::vector<QString> groups;
        for (const auto &[g, _] : m_rows)
            groups.push_back(g);
        std::stable_sort(groups.begin(), groups.end(), [](const QString &a, const QString &b) {
            const bool ua = a == QLatin1String("unknown"), ub = b == QLatin1String("unknown");
            return ua != ub ? ub : a < b;
        });
        QList<Row> out;
        for (int p = 0; p < m_periods.size(); ++p)
            for (const QString &g : groups)
                out << m_rows.at(g)[p];
        return out;
    }

private:
    const QList<Period> &m_periods;
    std::function<void(Row &, const Period &, const QString &)> m_init;
    std::map<QString, QList<Row>> m_rows;
};

// 'YYYY-MM-DD' as stored; QDate::fromString is several times slower and this runs per row.
QDate isoDate(const db::Statement &q, int column)
{
    if (q.isNull(column))
        return QDate();
    const QString s = q.text(column);
    if (s.size() != 10)
        return QDate::fromString(s, Qt::ISODate);
    auto digits = [&](int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; ++i)
            v = v * 10 + (s.at(i).unicode() - u'0');
        return v;
    };
    return QDate(digits(0, 4), digits(5, 2), digits(8, 2));
}

QDate lastDayOfMonth(const QDate &d)
{
    return QDate(d.year(), d.month(), d.daysInMonth());
}

} // namespace

// --- keys ------------------------------------------------------------------------------------

namespace {
const std::pair<GroupBy, const char *> kGroupKeys[] = {
    {GroupBy::None, "none"},
    {GroupBy::Area, "area"},
    {GroupBy::District, "district"},
    {GroupBy::CommunityArea, "community_area"},
    {GroupBy::VictimRace, "victim_race"},
    {GroupBy::VictimSex, "victim_sex"},
    {GroupBy::VictimAgeBand, "victim_age"},
    {GroupBy::Weapon, "weapon"},
    {GroupBy::PrimaryDetective, "primary_detective"},
};
} // namespace

std::optional<GroupBy> groupByFromKey(const QString &k)
{
    for (const auto &[g, name] : kGroupKeys)
        if (k == QLatin1String(name))
            return g;
    return std::nullopt;
}

QString groupByKey(GroupBy g)
{
    for (const auto &[value, name] : kGroupKeys)
        if (value == g)
            return QString::fromLatin1(name);
    return {};
}

QStringList groupByKeys()
{
    QStringList out;
    for (const auto &[g, name] : kGroupKeys)
        if (g != GroupBy::None)
            out << QString::fromLatin1(name);
    return out;
}

QString ageBand(const std::optional<int> &age)
{
    if (!age)
        return QStringLiteral("unknown");
    const int a = *age;
    if (a < 18)
        return QStringLiteral("0-17");
    if (a < 25)
        return QStringLiteral("18-24");
    if (a < 35)
        return QStringLiteral("25-34");
    if (a < 45)
        return QStringLiteral("35-44");
    if (a < 55)
        return QStringLiteral("45-54");
    if (a < 65)
        return QStringLiteral("55-64");
    return QStringLiteral("65+");
}

std::optional<Granularity> granularityFromKey(const QString &k)
{
    if (k == QLatin1String("month"))
        return Granularity::Month;
    if (k == QLatin1String("quarter"))
        return Granularity::Quarter;
    if (k == QLatin1String("year"))
        return Granularity::Year;
    if (k == QLatin1String("ytd"))
        return Granularity::YearToDate;
    if (k == QLatin1String("rolling12"))
        return Granularity::Rolling12;
    return std::nullopt;
}

QList<Period> periods(Granularity g, const QDate &from, const QDate &to)
{
    QList<Period> out;
    if (!from.isValid() || !to.isValid() || from > to)
        return out;
    const QDate firstMonth(from.year(), from.month(), 1);
    switch (g) {
    case Granularity::Month:
        for (QDate m = firstMonth; m <= to; m = m.addMonths(1))
            out << Period{m.toString(QStringLiteral("yyyy-MM")), std::max(m, from), std::min(lastDayOfMonth(m), to)};
        break;
    case Granularity::Quarter:
        for (QDate q(from.year(), (from.month() - 1) / 3 * 3 + 1, 1); q <= to; q = q.addMonths(3)) {
            const QDate end = lastDayOfMonth(q.addMonths(2));
            out << Period{QStringLiteral("%1-Q%2").arg(q.year()).arg((q.month() - 1) / 3 + 1), std::max(q, from),
                          std::min(end, to)};
        }
        break;
    case Granularity::Year:
        for (int y = from.year(); y <= to.year(); ++y)
            out << Period{QString::number(y), std::max(QDate(y, 1, 1), from), std::min(QDate(y, 12, 31), to)};
        break;
    case Granularity::YearToDate:
        for (QDate m = firstMonth; m <= to; m = m.addMonths(1)) {
            const QDate end = std::min(lastDayOfMonth(m), to);
            out << Period{QStringLiteral("%1-YTD-%2").arg(m.year()).arg(m.month(), 2, 10, QLatin1Char('0')),
                          QDate(m.year(), 1, 1), end};
        }
        break;
    case Granularity::Rolling12:
        for (QDate m = firstMonth; m <= to; m = m.addMonths(1)) {
            const QDate end = std::min(lastDayOfMonth(m), to);
            out << Period{QStringLiteral("R12-%1").arg(end.toString(QStringLiteral("yyyy-MM"))), end.addMonths(-12).addDays(1),
                          end};
        }
        break;
    }
    return out;
}

// --- snapshot --------------------------------------------------------------------------------

namespace {
// The restricted cases that `reader` may not see: the same rule as CaseStore's lists and counts
// (model/auth/Permissions.h): assigned detectives and the sergeants of their team see a restricted
// case; an administrator or a member who has left sees none. Restricted cases are few, so this
// is a short list, read once per snapshot.
QSet<Id> hiddenCases(db::Database &db, const Reader &reader)
{
    QSet<Id> hidden;
    if (!reader.memberId)
        return hidden;
    db::Statement q = db.prepare(
        "SELECT c.id FROM cases c WHERE c.restricted = 1 AND NOT EXISTS ("
        " SELECT 1 FROM members m JOIN assignments a ON a.case_id = c.id AND a.end_date IS NULL"
        " WHERE m.id = ?1 AND m.active = 1 AND m.role <> 'administrator' AND (a.member_id = m.id"
        "  OR (m.role = 'sergeant' AND m.team <> '' AND a.member_id IN (SELECT x.id FROM members x WHERE x.team = m.team))))");
    q.bind(1, *reader.memberId);
    while (q.step())
        hidden.insert(q.int64(0));
    return hidden;
}
} // namespace

Snapshot Snapshot::load(db::Database &db, const QDate &asOf, const Reader &reader)
{
    Snapshot s;
    s.asOf = asOf;
    const QString t = asOf.toString(Qt::ISODate);
    db::Transaction read(db, db::Transaction::Mode::Deferred); // one consistent view
    const QSet<Id> hidden = hiddenCases(db, reader);
    QHash<Id, int> index;
    {
        db::Statement q = db.prepare("SELECT id, incident_date, coalesce(area, ''), coalesce(district, ''), "
                                     "coalesce(community_area, ''), weapon FROM cases ORDER BY id");
        while (q.step()) {
            CaseFacts c;
            c.id = q.int64(0);
            c.incidentDate = isoDate(q, 1);
            c.area = q.text(2);
            c.district = q.text(3);
            c.communityArea = q.text(4);
            c.weapon = fromKey<Weapon>(q.text(5)).value_or(Weapon::Unknown);
            c.hidden = hidden.contains(c.id);
            index.insert(c.id, static_cast<int>(s.cases.size()));
            s.cases << std::move(c);
        }
    }
    {
        // The primary detective as of T: the assignment running at T, else the last one begun by
        // T. Rows come per case in the order they were made, so the last match of each kind wins.
        db::Statement q = db.prepare("SELECT a.case_id, m.name, a.end_date IS NULL OR a.end_date > ?1 "
                                     "FROM assignments a JOIN members m ON m.id = a.member_id "
                                     "WHERE a.role = 'primary' AND a.start_date <= ?1 ORDER BY a.case_id, a.start_date, a.id");
        q.bind(1, t);
        Id lastCase = -1;
        bool haveRunning = false;
        while (q.step()) {
            const auto it = index.constFind(q.int64(0));
            if (it == index.constEnd())
                continue;
            if (q.int64(0) != lastCase) {
                lastCase = q.int64(0);
                haveRunning = false;
            }
            const bool running = q.integer(2) != 0;
            if (running || !haveRunning)
                s.cases[*it].primaryDetective = q.text(1);
            haveRunning = haveRunning || running;
        }
    }
    {
        db::Statement q = db.prepare("SELECT case_id, status, effective_date, exceptional_code FROM status_changes "
                                     "ORDER BY case_id, id");
        while (q.step()) {
            const auto it = index.constFind(q.int64(0));
            if (it == index.constEnd())
                continue;
            StatusEvent e;
            e.status = fromKey<CaseStatus>(q.text(1)).value_or(CaseStatus::Open);
            e.date = isoDate(q, 2);
            if (!q.isNull(3))
                e.code = fromKey<ExceptionalCode>(q.text(3));
            s.cases[*it].events << e;
        }
    }
    {
        db::Statement q = db.prepare("SELECT case_id, sex, race, age FROM victims ORDER BY case_id, id");
        while (q.step()) {
            const auto it = index.constFind(q.int64(0));
            if (it == index.constEnd())
                continue;
            VictimFacts v;
            v.caseIndex = *it;
            v.sex = fromKey<Sex>(q.text(1)).value_or(Sex::Unknown);
            v.race = fromKey<Race>(q.text(2)).value_or(Race::Unknown);
            if (!q.isNull(3))
                v.age = q.integer(3);
            s.victims << v;
        }
    }
    read.commit();
    return s;
}

StatusEvent statusAsOf(const CaseFacts &c, const QDate &t)
{
    StatusEvent current; // open
    for (const StatusEvent &e : c.events) {
        const QDate effective = e.date.isValid() ? e.date : c.incidentDate;
        if (effective <= t)
            current = e;
    }
    return current;
}

// --- UCR period rate -------------------------------------------------------------------------

std::optional<double> PeriodRate::rate() const
{
    return ratio(cleared.total(), offenses - unfounded);
}

std::optional<double> PeriodRate::arrestRate() const
{
    return ratio(cleared.byArrest, offenses - unfounded);
}

QList<PeriodRate> periodRates(const Snapshot &s, const QList<Period> &ps, GroupBy group)
{
    const PeriodIndex index(ps);
    Grouped<PeriodRate> out(ps, [](PeriodRate &r, const Period &p, const QString &g) {
        r.period = p;
        r.group = g;
    });
    // Incidents are counted once per case and group.
    std::vector<std::pair<int, QString>> seen; // (case index, group) of the victim before
    int lastCase = -1;
    QStringList groupsOfCase;
    for (const VictimFacts &v : s.victims) {
        const CaseFacts &c = s.cases.at(v.caseIndex);
        const QString g = groupValue(s, v, group);
        if (v.caseIndex != lastCase) {
            lastCase = v.caseIndex;
            groupsOfCase.clear();
        }
        const bool newIncident = !groupsOfCase.contains(g);
        if (newIncident)
            groupsOfCase << g;
        if (c.incidentDate <= s.asOf) {
            index.forEach(c.incidentDate, [&](int p) {
                PeriodRate &r = out.at(g, p);
                ++r.offenses;
                if (newIncident)
                    ++r.incidents;
            });
        }
        // Status events: a clearance counts in the period it is recorded; a reopening withdraws it
        // there; an unfounding leaves the count of its period, and a reopening of it comes back.
        for (int i = 1; i < c.events.size(); ++i) {
            const StatusEvent &e = c.events.at(i);
            const StatusEvent &before = c.events.at(i - 1);
            if (!e.date.isValid() || e.date > s.asOf)
                continue;
            index.forEach(e.date, [&](int p) {
                PeriodRate &r = out.at(g, p);
                const bool offenseInPeriod = r.period.from <= c.incidentDate && c.incidentDate <= r.period.to;
                if (isCleared(e.status)) {
                    addClearance(r.cleared, e, 1);
                    if (offenseInPeriod) {
                        ++r.clearedThisPeriodOffenses;
                    } else {
                        ++r.clearedEarlierOffenses;
                        const int year = c.incidentDate.year();
                        if (!r.oldestOffenseYear || year < *r.oldestOffenseYear)
                            r.oldestOffenseYear = year;
                    }
                } else if (e.status == CaseStatus::Unfounded) {
                    ++r.unfounded;
                } else if (e.status == CaseStatus::Open && isCleared(before.status)) {
                    addClearance(r.cleared, before, -1);
                    if (offenseInPeriod)
                        --r.clearedThisPeriodOffenses;
                    else
                        --r.clearedEarlierOffenses;
                } else if (e.status == CaseStatus::Open && before.status == CaseStatus::Unfounded) {
                    --r.unfounded;
                }
            });
        }
    }
    return out.rows(group == GroupBy::None);
}

// --- cohort rate -----------------------------------------------------------------------------

std::optional<double> CohortRate::rate() const
{
    return ratio(cleared.total(), offenses);
}

std::optional<double> CohortRate::arrestRate() const
{
    return ratio(cleared.byArrest, offenses);
}

QList<CohortRate> cohortRates(const Snapshot &s, const QList<Period> &ps, GroupBy group, const QDate &asOf)
{
    const PeriodIndex index(ps);
    Grouped<CohortRate> out(ps, [&](CohortRate &r, const Period &p, const QString &g) {
        r.period = p;
        r.group = g;
        r.asOf = asOf;
    });
    int lastCase = -1;
    QStringList groupsOfCase;
    for (const VictimFacts &v : s.victims) {
        const CaseFacts &c = s.cases.at(v.caseIndex);
        if (c.incidentDate > asOf)
            continue;
        const StatusEvent status = statusAsOf(c, asOf);
        if (status.status == CaseStatus::Unfounded)
            continue;
        const QString g = groupValue(s, v, group);
        if (v.caseIndex != lastCase) {
            lastCase = v.caseIndex;
            groupsOfCase.clear();
        }
        const bool newIncident = !groupsOfCase.contains(g);
        if (newIncident)
            groupsOfCase << g;
        index.forEach(c.incidentDate, [&](int p) {
            CohortRate &r = out.at(g, p);
            ++r.offenses;
            if (newIncident)
                ++r.incidents;
            if (isCleared(status.status))
                addClearance(r.cleared, status, 1);
            else
                ++r.open;
        });
    }
    return out.rows(group == GroupBy::None);
}

// --- time to clearance -----------------------------------------------------------------------

double TimeToClear::clearedWithin(int days) const
{
    double survival = 1.0;
    for (const SurvivalPoint &p : curve) {
        if (p.day > days)
            break;
        survival = p.survival;
    }
    return 1.0 - survival;
}

QList<TimeToClear> timeToClear(const Snapshot &s, const QDate &from, const QDate &to, GroupBy group, const QDate &asOf)
{
    struct Obs {
        int days;
        bool cleared;
    };
    std::map<QString, std::vector<Obs>> observations;
    std::map<QString, std::int64_t> undated;
    for (const VictimFacts &v : s.victims) {
        const CaseFacts &c = s.cases.at(v.caseIndex);
        if (c.incidentDate < from || c.incidentDate > to || c.incidentDate > asOf)
            continue;
        const StatusEvent status = statusAsOf(c, asOf);
        if (status.status == CaseStatus::Unfounded)
            continue;
        const QString g = groupValue(s, v, group);
        if (isCleared(status.status)) {
            if (!status.date.isValid()) {
                ++undated[g];
                observations[g]; // the group exists even if all its clearances are undated
                continue;
            }
            observations[g].push_back({static_cast<int>(c.incidentDate.daysTo(status.date)), true});
        } else {
            observations[g].push_back({static_cast<int>(c.incidentDate.daysTo(asOf)), false});
        }
    }
    if (observations.empty() && group == GroupBy::None)
        observations[QString()];

    QList<TimeToClear> out;
    for (auto &[g, obs] : observations) {
        TimeToClear r;
        r.group = g;
        r.asOf = asOf;
        r.undatedClearances = undated[g];
        r.offenses = static_cast<std::int64_t>(obs.size());
        std::sort(obs.begin(), obs.end(), [](const Obs &a, const Obs &b) { return a.days < b.days; });
        std::int64_t atRisk = r.offenses;
        double survival = 1.0;
        for (std::size_t i = 0; i < obs.size();) {
            SurvivalPoint p;
            p.day = obs[i].days;
            p.atRisk = atRisk;
            for (; i < obs.size() && obs[i].days == p.day; ++i)
                (obs[i].cleared ? p.cleared : p.censored)++;
            if (p.cleared > 0)
                survival *= 1.0 - static_cast<double>(p.cleared) / static_cast<double>(p.atRisk);
            p.survival = survival;
            r.cleared += p.cleared;
            atRisk -= p.cleared + p.censored;
            if (!r.medianDays && survival <= 0.5)
                r.medianDays = p.day;
            r.curve << p;
        }
        out << r;
    }
    std::stable_sort(out.begin(), out.end(), [](const TimeToClear &a, const TimeToClear &b) {
        const bool ua = a.group == QLatin1String("unknown"), ub = b.group == QLatin1String("unknown");
        return ua != ub ? ub : a.group < b.group;
    });
    return out;
}

// --- caseload --------------------------------------------------------------------------------

QList<Caseload> caseload(db::Database &db, const QDate &asOf, const CaseloadOptions &options, const Reader &reader)
{
    return caseload(db, Snapshot::load(db, asOf, reader), options);
}

QList<Caseload> caseload(db::Database &db, const Snapshot &snapshot, const CaseloadOptions &options)
{
    const QDate asOf = snapshot.asOf;
    const QString t = asOf.toString(Qt::ISODate);
    const QString yearAgo = asOf.addMonths(-12).toString(Qt::ISODate);
    // Activity is stamped in UTC milliseconds; the unit's days are local.
    const qint64 endOfDay = QDateTime(asOf.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 staleCutoff = QDateTime(asOf.addDays(1 - options.staleDays), QTime(0, 0)).toMSecsSinceEpoch();

    // Which cases are open at T, from the snapshot's status histories; which are hidden from the
    // reader (few: their share is taken off the per-member totals below, so that the totals keep
    // their fast, grouped queries).
    QSet<Id> openCases;
    QList<Id> hidden;
    for (const CaseFacts &c : snapshot.cases) {
        if (c.hidden)
            hidden << c.id;
        else if (c.incidentDate <= asOf && statusAsOf(c, asOf).status == CaseStatus::Open)
            openCases.insert(c.id);
    }

    db::Transaction read(db, db::Transaction::Mode::Deferred);
    QList<Caseload> out;
    QHash<Id, int> index;
    {
        db::Statement q = db.prepare("SELECT id, name, badge, team, active FROM members "
                                     "WHERE role IN ('detective', 'sergeant') ORDER BY name, id");
        while (q.step()) {
            Caseload c;
            c.memberId = q.int64(0);
            c.name = q.text(1);
            c.badge = q.text(2);
            c.team = q.text(3);
            c.active = q.integer(4) != 0;
            index.insert(c.memberId, static_cast<int>(out.size()));
            out << c;
        }
    }
    {
        // Assignments running at T on cases open at T; an open primary case is stale when the
        // case has no activity in the stale window ending at T.
        db::Statement q = db.prepare("SELECT a.member_id, a.role, a.case_id, d.last_at FROM assignments a "
                                     "LEFT JOIN derived_case_activity d ON d.case_id = a.case_id "
                                     "WHERE a.start_date <= ?1 AND (a.end_date IS NULL OR a.end_date > ?1)");
        q.bind(1, t);
        // Only a case with activity after T needs the audit trail for its last activity before T.
        db::Statement activity = db.prepare("SELECT max(at) FROM audit WHERE case_id = ?1 AND at < ?2");
        while (q.step()) {
            const auto it = index.constFind(q.int64(0));
            const Id caseId = q.int64(2);
            if (it == index.constEnd() || !openCases.contains(caseId))
                continue;
            Caseload &c = out[*it];
            if (q.text(1) != QLatin1String("primary")) {
                ++c.openSecondary;
                continue;
            }
            ++c.openPrimary;
            std::optional<std::int64_t> last = q.optInt64(3);
            if (last && *last >= endOfDay) {
                activity.reset();
                activity.bind(1, caseId);
                activity.bind(2, static_cast<std::int64_t>(endOfDay));
                activity.step();
                last = activity.optInt64(0);
            }
            if (!last || *last < staleCutoff)
                ++c.staleCases;
        }
    }
    {
        db::Statement q = db.prepare("SELECT member_id, count(*) FROM assignments WHERE role = 'primary' "
                                     "AND start_date > ?2 AND start_date <= ?1 GROUP BY member_id");
        q.bindAll(t, yearAgo);
        while (q.step())
            if (const auto it = index.constFind(q.int64(0)); it != index.constEnd())
                out[*it].newPrimary12Months = q.int64(1);
        db::Statement h = db.prepare("SELECT member_id FROM assignments WHERE case_id = ?3 AND role = 'primary' "
                                     "AND start_date > ?2 AND start_date <= ?1");
        for (const Id id : hidden) {
            h.reset();
            h.bindAll(t, yearAgo, id);
            while (h.step())
                if (const int i = index.value(h.int64(0), -1); i >= 0)
                    --out[i].newPrimary12Months;
        }
    }
    {
        // Leads open at T: still open now, or completed after T (each with its covering index).
        db::Statement q = db.prepare(
            "SELECT assignee_id, count(*), sum(due_date < ?1) FROM ("
            "  SELECT assignee_id, due_date FROM leads INDEXED BY leads_open"
            "   WHERE completed_date IS NULL AND assignee_id IS NOT NULL AND created_date <= ?1"
            "  UNION ALL"
            "  SELECT assignee_id, due_date FROM leads INDEXED BY leads_completed"
            "   WHERE completed_date > ?1 AND assignee_id IS NOT NULL AND created_date <= ?1"
            ") GROUP BY assignee_id");
        q.bind(1, t);
        while (q.step())
            if (const auto it = index.constFind(q.int64(0)); it != index.constEnd()) {
                out[*it].openLeads = q.int64(1);
                out[*it].overdueLeads = q.int64(2);
            }
        db::Statement h = db.prepare("SELECT assignee_id, due_date < ?1 FROM leads WHERE case_id = ?2 "
                                     "AND assignee_id IS NOT NULL AND created_date <= ?1 "
                                     "AND (completed_date IS NULL OR completed_date > ?1)");
        for (const Id id : hidden) {
            h.reset();
            h.bindAll(t, id);
            while (h.step())
                if (const int i = index.value(h.int64(0), -1); i >= 0) {
                    --out[i].openLeads;
                    out[i].overdueLeads -= h.integer(1) != 0 ? 1 : 0;
                }
        }
    }
    read.commit();
    // Members who carry nothing and have left are not shown.
    QList<Caseload> shown;
    for (Caseload &c : out) {
        c.overGuideline = c.newPrimary12Months > options.newAssignmentGuideline;
        if (c.active || c.openPrimary + c.openSecondary + c.openLeads > 0)
            shown << c;
    }
    return shown;
}

} // namespace cb::stats
