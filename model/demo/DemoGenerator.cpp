#include "model/demo/DemoGenerator.h"

#include "model/demo/DemoNames.h"
#include "model/domain/Domain.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <queue>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <numbers>
#include <random>
#include <set>
#include <span>
#include <vector>

// How the demo is made: first every case is planned from the seed alone (when it happened, what
// it was, how and when it will end), then a discrete-event simulation plays the unit's work in
// time order through CaseStore, with the clock set to each event's moment and the actor set to
// the member doing the work. Choices that depend on the unit at that moment (who is on call, who
// carries the fewest cases, who has left) are made during the simulation, from in-memory state.
//
// Determinism: the only sources are std::mt19937_64 (its output is fixed by the standard) mapped
// to numbers by our own code, ordered containers, and an event queue ordered by (time, sequence).
// Simulated times are the unit's local wall-clock times, as the app shows them; converting them
// to UTC uses the machine's time zone, so the same seed and end date give the same file on
// machines in the same zone.

namespace cb::demo {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::demo::DemoGenerator)
};

// --- random numbers --------------------------------------------------------------------------

// The standard distributions differ between libraries; these mappings do not.
class Rng {
public:
    explicit Rng(std::uint64_t seed)
        : m_engine(seed)
    {
    }

    double real() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; } // [0, 1)
    double real(double lo, double hi) { return lo + (hi - lo) * real(); }
    bool chance(double p) { return real() < p; }

    // [0, n), without modulo bias.
    int below(int n)
    {
        const auto range = static_cast<std::uint64_t>(n);
        const std::uint64_t limit
            = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % range;
        std::uint64_t x = m_engine();
        while (x >= limit)
            x = m_engine();
        return static_cast<int>(x % range);
    }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // inclusive

    template<typename T, std::size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[below(static_cast<int>(N))];
    }
    template<typename T>
    const T &pick(std::span<const T> items)
    {
        return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
    }

    int weighted(std::span<const double> weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double x = real() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i])
                return static_cast<int>(i);
            x -= weights[i];
        }
        return static_cast<int>(weights.size()) - 1;
    }

    // Knuth's method, split into chunks so that exp(-mean) never underflows.
    int poisson(double mean)
    {
        int total = 0;
        while (mean > 0) {
            const double chunk = std::min(mean, 30.0);
            mean -= chunk;
            const double limit = std::exp(-chunk);
            double p = real();
            while (p > limit) {
                ++total;
                p *= real();
            }
        }
        return total;
    }

private:
    std::mt19937_64 m_engine;
};

template<typename E>
struct Weighted {
    E value;
    double weight;
};

template<typename E, std::size_t N>
E pickWeighted(Rng &rng, const Weighted<E> (&table)[N])
{
    double weights[N];
    for (std::size_t i = 0; i < N; ++i)
        weights[i] = table[i].weight;
    return table[rng.weighted(weights)].value;
}

QString str(QStringView v)
{
    return v.toString();
}

// Replaces {key} placeholders with lookup(key).
template<typename Lookup>
QString fill(QStringView tpl, Lookup &&lookup)
{
    QString out;
    out.reserve(tpl.size() + 40);
    qsizetype i = 0;
    while (i < tpl.size()) {
        const qsizetype open = tpl.indexOf(u'{', i);
        if (open < 0) {
            out += tpl.mid(i);
            break;
        }
        const qsizetype close = tpl.indexOf(u'}', open);
        out += tpl.mid(i, open - i);
        out += lookup(tpl.mid(open + 1, close - open - 1));
        i = close + 1;
    }
    return out;
}

// --- simulated time: the unit's local wall clock, in seconds (Julian day * 86400 + second) ----

using SimTime = std::int64_t;
constexpr SimTime kMinute = 60;
constexpr SimTime kHour = 3600;
constexpr SimTime kDay = 86400;
constexpr SimTime kNever = std::numeric_limits<SimTime>::max() / 4;

SimTime simTime(const QDate &date, SimTime secondOfDay)
{
    return date.toJulianDay() * kDay + secondOfDay;
}

QDate dateOf(SimTime t)
{
    return QDate::fromJulianDay(t / kDay);
}

SimTime days(double d)
{
    return static_cast<SimTime>(d * static_cast<double>(kDay));
}

QString clockText(SimTime t)
{
    return QTime::fromMSecsSinceStartOfDay(static_cast<int>(t % kDay) * 1000).toString(QStringLiteral("HH:mm"));
}

// --- the shape of the unit's cases -------------------------------------------------------------

constexpr Weighted<Circumstance> kCircumstances[] = {
    { Circumstance::Argument, 22 },
    { Circumstance::Gang, 15 },
    { Circumstance::Drug, 8 },
    { Circumstance::Robbery, 8 },
    { Circumstance::Retaliation, 10 },
    { Circumstance::Domestic, 9 },
    { Circumstance::ChildAbuse, 2 },
    { Circumstance::Other, 6 },
    { Circumstance::Unknown, 20 },
};

// Share of cases that are eventually cleared, by circumstance (indexed by cb::Circumstance):
// known relationships clear, street violence mostly does not.
constexpr double kClearChance[] = { 0.75, 0.90, 0.40, 0.50, 0.55, 0.40, 0.85, 0.60, 0.35 };

constexpr Weighted<Weapon> kStreetWeapons[] = {
    { Weapon::Handgun, 80 },
    { Weapon::Rifle, 5 },
    { Weapon::Shotgun, 2 },
    { Weapon::FirearmOther, 3 },
    { Weapon::Knife, 5 },
    { Weapon::BluntObject, 2 },
    { Weapon::Hands, 1 },
    { Weapon::Vehicle, 1 },
    { Weapon::Unknown, 1 },
};
constexpr Weighted<Weapon> kArgumentWeapons[] = {
    { Weapon::Handgun, 65 },
    { Weapon::Knife, 15 },
    { Weapon::BluntObject, 7 },
    { Weapon::Hands, 6 },
    { Weapon::Shotgun, 2 },
    { Weapon::Vehicle, 2 },
    { Weapon::Fire, 1 },
    { Weapon::Other, 2 },
};
constexpr Weighted<Weapon> kDomesticWeapons[] = {
    { Weapon::Handgun, 50 },
    { Weapon::Knife, 22 },
    { Weapon::Strangulation, 10 },
    { Weapon::BluntObject, 8 },
    { Weapon::Hands, 6 },
    { Weapon::Fire, 2 },
    { Weapon::Poison, 1 },
    { Weapon::Other, 1 },
};
constexpr Weighted<Weapon> kChildWeapons[]
    = { { Weapon::Hands, 70 }, { Weapon::BluntObject, 20 }, { Weapon::Other, 10 } };
constexpr Weighted<Weapon> kUnfoundedWeapons[] = {
    { Weapon::Unknown, 6 },
    { Weapon::Other, 2 },
    { Weapon::Poison, 1 },
    { Weapon::BluntObject, 1 },
};
constexpr Weighted<Race> kRaces[] = {
    { Race::Black, 58 },
    { Race::Hispanic, 22 },
    { Race::White, 13 },
    { Race::Asian, 3 },
    { Race::Native, 1 },
    { Race::Pacific, 0.5 },
    { Race::Other, 1 },
    { Race::Unknown, 1.5 },
};
constexpr Weighted<LeadSource> kLeadSources[] = {
    { LeadSource::Canvass, 20 },
    { LeadSource::Witness, 18 },
    { LeadSource::Video, 18 },
    { LeadSource::Forensic, 15 },
    { LeadSource::TipLine, 12 },
    { LeadSource::SocialMedia, 10 },
    { LeadSource::Other, 7 },
};
constexpr Weighted<LeadPriority> kEarlyPriorities[] = {
    { LeadPriority::FastTrack, 25 },
    { LeadPriority::High, 35 },
    { LeadPriority::Normal, 30 },
    { LeadPriority::Low, 10 },
};
constexpr Weighted<LeadPriority> kLaterPriorities[] = {
    { LeadPriority::FastTrack, 5 },
    { LeadPriority::High, 20 },
    { LeadPriority::Normal, 50 },
    { LeadPriority::Low, 25 },
};
constexpr Weighted<ExceptionalCode> kExceptionalCodes[] = {
    { ExceptionalCode::A, 45 },
    { ExceptionalCode::B, 22 },
    { ExceptionalCode::C, 18 },
    { ExceptionalCode::E, 15 },
};

// Incidents by hour of the day: most at night.
constexpr double kHourWeights[]
    = { 6, 6, 5, 4, 3, 2, 1.5, 1, 1, 1, 1.2, 1.4, 1.6, 1.8, 2, 2.4, 2.8, 3.2, 3.8, 4.4, 5, 5.6, 6, 6.2 };
// Monday .. Sunday, averaging 1: weekends are worse.
constexpr double kWeekdayFactor[] = { 0.9, 0.85, 0.85, 0.9, 1.05, 1.25, 1.2 };

enum class Outcome { Open, Arrest, Exceptional, Unfounded };

// One case: its plan (fixed from the seed before the simulation) and its state as it is played.
struct CaseSim {
    // plan
    SimTime reportAt = 0;
    CaseRecord record;
    QList<Victim> victims; // until the case is created
    int victimCount = 0;
    Sex victimSex = Sex::Unknown;
    QString victimSurname;
    QString block;
    QStringView place;
    Outcome outcome = Outcome::Open;
    ExceptionalCode code = ExceptionalCode::A;
    bool murderSuicide = false;
    SimTime closeAt = kNever; // the clearing arrest, the exceptional clearance or the ruling
    SimTime suspectAt = kNever;
    SimTime declinedAt = kNever; // an arrest that felony review turns down
    SimTime coArrestAt = kNever;
    SimTime inactiveAt = kNever;
    SimTime reactivateAt = kNever;
    SimTime reopenAt = kNever;

    // state
    int team = -1;
    int primary = -1;
    int secondary = -1;
    Id secondaryAssignment = 0;
    CaseStatus status = CaseStatus::Open;
    bool inactive = false;
    std::vector<int> leads;
    std::vector<CasePerson> suspects;
};

struct UnitMember {
    Member m;
    int team = -1;
    int load = 0; // open, active cases as primary
    std::vector<int> primaryCases; // every case ever taken as primary; stale entries are skipped
    std::vector<int> secondaryCases;
    std::vector<int> leads;
};

struct Team {
    QString name;
    int sergeant = -1;
    std::vector<int> detectives;
    int next = 0; // round-robin position
};

// A lead as the simulation tracks it: the whole record while it is open, nothing once it is done,
// so that memory stays small at any scale.
struct LeadSim {
    std::unique_ptr<Lead> open;
    int caseIndex = 0;
    int assignee = 0;
};

enum class Ev : std::uint8_t {
    Report,
    Witness,
    Suspect,
    LeadCreate,
    LeadStart,
    LeadFinish,
    Note,
    Correction,
    Arrest,
    Present,
    Decide,
    Exceptional,
    Unfounded,
    Inactive,
    Reactivate,
    Reopen,
    Review,
    Departure,
    Hire,
};
enum NoteKind { SceneNote, WorkNote, ReassignedNote };
enum ArrestKind { DeclinedArrest, ClearingArrest, CoOffenderArrest };
enum DepartureKind { Retirement, Transfer };

struct Event {
    SimTime t = 0;
    std::uint64_t seq = 0;
    Ev kind = Ev::Report;
    int subject = 0; // a case, a member or a team
    int arg = 0;
    int arg2 = 0;
    Id ref = 0;
};

struct Later {
    bool operator()(const Event &a, const Event &b) const { return a.t != b.t ? a.t > b.t : a.seq > b.seq; }
};

void validate(const DemoOptions &o)
{
    const auto bad = [](const char *option, const QString &rule) {
        throw Error(ErrorKind::Invalid, Tr::tr("Demo option %1: %2").arg(QLatin1StringView(option), rule));
    };
    if (!o.endDate.isValid())
        bad("endDate", Tr::tr("required"));
    if (o.years < 1 || o.years > 30)
        bad("years", Tr::tr("must be between 1 and 30, not %1").arg(o.years));
    if (o.endDate.year() < 1900 + o.years || o.endDate.year() > 9000)
        bad("endDate", Tr::tr("%1 is out of range").arg(o.endDate.toString(Qt::ISODate)));
    if (o.detectives < 2 || o.detectives > 1000)
        bad("detectives", Tr::tr("must be between 2 and 1000, not %1").arg(o.detectives));
    if (o.sergeants < 1 || o.sergeants > o.detectives / 2)
        bad("sergeants",
            Tr::tr("must be between 1 and half the detectives (%1), not %2").arg(o.detectives / 2).arg(o.sergeants));
    if (o.casesPerYear < 1 || o.casesPerYear > 5000)
        bad("casesPerYear", Tr::tr("must be between 1 and 5000, not %1").arg(o.casesPerYear));
    if (!(o.victimsPerCase >= 1.0 && o.victimsPerCase <= 4.0))
        bad("victimsPerCase", Tr::tr("must be between 1 and 4, not %1").arg(o.victimsPerCase));
    if (o.leadsPerCase < 0 || o.leadsPerCase > 200)
        bad("leadsPerCase", Tr::tr("must be between 0 and 200, not %1").arg(o.leadsPerCase));
    if (o.notesPerCase < 0 || o.notesPerCase > 200)
        bad("notesPerCase", Tr::tr("must be between 0 and 200, not %1").arg(o.notesPerCase));
}

// --- the simulation ------------------------------------------------------------------------------

class Simulation {
public:
    Simulation(CaseFile &file, const DemoOptions &options)
        : m_options(options)
        , m_clock(QDateTime(options.endDate, QTime(12, 0)).toUTC())
        , m_store(file, m_clock)
        , m_planRng(options.seed)
        , m_rng(options.seed ^ 0x9e3779b97f4a7c15ULL)
        , m_start(options.endDate.addYears(-options.years).addDays(1))
        , m_startT(simTime(m_start, 0))
        , m_endT(simTime(options.endDate, kDay - 1))
    {
    }

    DemoSummary run();

private:
    // planning, from m_planRng only
    void planCases();
    void planCase(const QDate &day);
    Victim planVictim(Circumstance circumstance);
    void planOutcome(CaseSim &c);
    void planReopenings();

    // the unit
    void setupUnit();
    void planStaffing();
    int addMember(Role role, const QString &rank, int team);
    QString uniqueName(Sex sex);
    QString uniqueBadge(Role role);
    int pickDetective(int team, int exclude);
    int onCallTeam() const;
    int worker(const CaseSim &c) const; // the primary, or the sergeant once the primary has left
    void act(int member);

    // time and events
    void setNow(SimTime t);
    void schedule(SimTime t, Ev kind, int subject, int arg = 0, int arg2 = 0, Id ref = 0);
    SimTime workTime(SimTime base, double afterDays);
    SimTime laterWork(const CaseSim &c);
    void dispatch(const Event &e);

    // case actions
    void report(int ci);
    void scheduleCaseWork(int ci);
    void setPrimary(int ci, int member, const QString &reason);
    void setInactive(int ci, bool inactive);
    void addLoad(const CaseSim &c, int delta);
    void createLead(int ci, const QString &description = {}, std::optional<LeadPriority> priority = {});
    void leadStart(int li);
    void leadFinish(int li);
    void closeLeads(int ci, int actor, const QString &result);
    void updateLead(LeadSim &l);
    Id addNote(int ci, int author, const QString &body, std::optional<Id> corrects = std::nullopt);
    void workNote(int ci, int kind);
    void correction(const Event &e);
    void addWitness(int ci);
    CasePerson &addSuspect(int ci, PersonRole role, const QString &description);
    void suspect(int ci);
    void arrest(int ci, int kind);
    void present(const Event &e);
    void decide(const Event &e);
    void clearExceptionally(int ci);
    void unfounded(int ci);
    void inactivate(int ci);
    void reactivate(int ci);
    void reopen(int ci);
    void review(int team);
    void departure(int member, int kind);
    void hire(int team);

    // words
    QString personName(Sex sex = Sex::Unknown);
    QString randomBlock();
    QString lookup(const CaseSim &c, QStringView key);
    QString charges(const CaseSim &c);

    const DemoOptions m_options;
    FixedClock m_clock;
    CaseStore m_store;
    Rng m_planRng;
    Rng m_rng;
    const QDate m_start;
    const SimTime m_startT;
    const SimTime m_endT;
    SimTime m_now = 0;
    qint64 m_lastMs = std::numeric_limits<qint64>::min();

    std::vector<CaseSim> m_cases;
    std::vector<LeadSim> m_leads;
    std::vector<UnitMember> m_members;
    std::vector<Team> m_teams;
    int m_admin = -1;
    int m_lieutenant = -1;
    std::set<QString> m_badges;
    std::set<QString> m_names;
    std::map<int, int> m_caseNumbers; // year -> last number

    std::priority_queue<Event, std::vector<Event>, Later> m_queue;
    std::uint64_t m_seq = 0;
    DemoSummary m_summary;
};

DemoSummary Simulation::run()
{
    planCases();
    for (const Member &m : m_store.members()) {
        m_badges.insert(m.badge);
        m_names.insert(m.name);
    }
    // One transaction: a failure leaves the file as it was, so a later run can fill it.
    m_store.batch([this] {
        setNow(simTime(m_start.addDays(-1), 9 * kHour));
        setupUnit();
        planStaffing();
        for (int ci = 0; ci < static_cast<int>(m_cases.size()); ++ci)
            schedule(m_cases[static_cast<std::size_t>(ci)].reportAt, Ev::Report, ci);
        while (!m_queue.empty()) {
            const Event e = m_queue.top();
            m_queue.pop();
            setNow(e.t);
            dispatch(e);
        }
    });
    return m_summary;
}

// --- planning ------------------------------------------------------------------------------------

void Simulation::planCases()
{
    const double perDay = m_options.casesPerYear / 365.25;
    for (QDate d = m_start; d <= m_options.endDate; d = d.addDays(1)) {
        // More killings in summer: the peak is in mid-July, the trough in mid-January.
        const double season = 1.0 + 0.25 * std::cos(2 * std::numbers::pi * (d.dayOfYear() - 196) / 365.25);
        const int n = m_planRng.poisson(perDay * season * kWeekdayFactor[d.dayOfWeek() - 1]);
        for (int i = 0; i < n; ++i)
            planCase(d);
    }
    std::stable_sort(
        m_cases.begin(), m_cases.end(), [](const CaseSim &a, const CaseSim &b) { return a.reportAt < b.reportAt; });
    // A killing late on the last evening is reported after the demo's "today".
    while (!m_cases.empty() && m_cases.back().reportAt > m_endT)
        m_cases.pop_back();
    planReopenings();
}

void Simulation::planCase(const QDate &day)
{
    Rng &r = m_planRng;
    CaseSim c;
    CaseRecord &rec = c.record;
    rec.incidentDate = day;
    const bool unfoundedDeath = r.chance(0.015);
    rec.circumstance = unfoundedDeath ? (r.chance(0.7) ? Circumstance::Unknown : Circumstance::Other)
                                      : pickWeighted(r, kCircumstances);
    switch (rec.circumstance) {
    case Circumstance::Domestic: rec.weapon = pickWeighted(r, kDomesticWeapons); break;
    case Circumstance::ChildAbuse: rec.weapon = pickWeighted(r, kChildWeapons); break;
    case Circumstance::Argument:
    case Circumstance::Other: rec.weapon = pickWeighted(r, kArgumentWeapons); break;
    default: rec.weapon = pickWeighted(r, kStreetWeapons); break;
    }
    if (unfoundedDeath)
        rec.weapon = pickWeighted(r, kUnfoundedWeapons);
    rec.domestic = rec.circumstance == Circumstance::Domestic || rec.circumstance == Circumstance::ChildAbuse;

    // Where: districts differ a lot in violence.
    double weights[std::size(words::kDistricts)];
    for (std::size_t i = 0; i < std::size(words::kDistricts); ++i)
        weights[i] = words::kDistricts[i].weight;
    const int di = r.weighted(weights);
    const words::District &district = words::kDistricts[di];
    rec.district = str(district.number);
    rec.beat = rec.district + QString::number(r.between(1, 3)) + QString::number(r.between(1, 3));
    rec.ward = QString::number(2 * di + r.between(1, 2));
    rec.communityArea = str(district.neighborhoods[r.below(2)]);
    rec.area = str(words::kAreas[district.area]);
    const int hundreds = r.below(120);
    c.block = QStringLiteral("%1xx block of %2 %3")
                  .arg(QString::number(hundreds), str(r.pick(words::kDirections)), str(r.pick(words::kStreets)));
    rec.address = c.block;
    c.place = rec.domestic || unfoundedDeath || rec.weapon == Weapon::Fire ? QStringView(u"inside a residence")
        : rec.weapon == Weapon::Vehicle                                    ? QStringView(u"in the street")
                                                                           : r.pick(words::kPlaces);

    // When: a time is known for most; a body found later has none.
    if (r.chance(unfoundedDeath ? 0.3 : 0.93)) {
        const int hour = r.weighted(kHourWeights);
        rec.incidentTime = QTime(hour, r.below(60));
        c.reportAt = simTime(day, rec.incidentTime.msecsSinceStartOfDay() / 1000) + r.between(25, 180) * kMinute;
    } else {
        c.reportAt = simTime(day, r.between(6 * 60 + 30, 20 * 60) * kMinute);
    }

    // Who: usually one victim, now and then several (mean victimsPerCase).
    int victims = 1;
    if (!unfoundedDeath && rec.circumstance != Circumstance::ChildAbuse) {
        const double extra = m_options.victimsPerCase - 1.0;
        const double q = extra / (1.0 + extra); // geometric number of extra victims
        while (victims < 8 && r.chance(q))
            ++victims;
    }
    for (int i = 0; i < victims; ++i)
        c.victims << planVictim(rec.circumstance);
    c.victimCount = victims;
    c.victimSex = c.victims.front().sex;
    c.victimSurname = c.victims.front().name.section(u' ', 1);

    const QString who = victims == 1 ? QStringLiteral("Victim") : QStringLiteral("%1 victims").arg(victims);
    if (unfoundedDeath)
        rec.summary = QStringLiteral("Victim found unresponsive %1 on the %2; cause of death pending autopsy.")
                          .arg(c.place, c.block);
    else
        rec.summary = QStringLiteral("%1 %2 %3 on the %4. %5")
                          .arg(who, words::kWeaponPhrase[static_cast<int>(rec.weapon)], c.place, c.block,
                              words::kCircumstancePhrase[static_cast<int>(rec.circumstance)]);
    c.outcome = unfoundedDeath ? Outcome::Unfounded : Outcome::Open;
    planOutcome(c);
    m_cases.push_back(std::move(c));
}

Victim Simulation::planVictim(Circumstance circumstance)
{
    Rng &r = m_planRng;
    Victim v;
    if (circumstance == Circumstance::ChildAbuse) {
        v.sex = r.chance(0.5) ? Sex::Male : Sex::Female;
        v.age = r.chance(0.6) ? r.below(2) : r.between(2, 6);
    } else {
        const double male = circumstance == Circumstance::Domestic ? 0.35 : 0.84;
        v.sex = r.chance(male) ? Sex::Male : Sex::Female;
        const double a = r.real();
        v.age = a < 0.06 ? r.between(13, 17)
            : a < 0.52   ? r.between(18, 29)
            : a < 0.80   ? r.between(30, 44)
            : a < 0.95   ? r.between(45, 64)
                         : r.between(65, 90);
    }
    v.race = pickWeighted(r, kRaces);
    if (r.chance(0.015)) {
        // Unidentified: the name stays empty, the age is a guess or unknown.
        if (r.chance(0.5))
            v.age.reset();
        return v;
    }
    const QStringView first = v.sex == Sex::Female ? r.pick(words::kFemaleFirst) : r.pick(words::kMaleFirst);
    v.name = first + QLatin1Char(' ') + r.pick(words::kSurnames);
    return v;
}

void Simulation::planOutcome(CaseSim &c)
{
    Rng &r = m_planRng;
    const CaseRecord &rec = c.record;
    // d days after the report: in working hours, or during the first night itself.
    const auto after = [&](double d) {
        if (d < 1.0)
            return c.reportAt + std::max<SimTime>(30 * kMinute, days(d));
        return simTime(dateOf(c.reportAt + days(d)), r.between(8 * 60, 20 * 60) * kMinute);
    };
    // A moment a share of the way from one time to another, in working hours when there is room.
    const auto partWay = [&](SimTime from, SimTime to, double lo, double hi) {
        const SimTime t = from + static_cast<SimTime>(static_cast<double>(to - from) * r.real(lo, hi));
        const SimTime work = simTime(dateOf(t), r.between(8 * 60, 20 * 60) * kMinute);
        return work > from && work < to ? work : t;
    };

    if (c.outcome == Outcome::Unfounded) {
        c.closeAt = after(r.real(20, 120)); // the Medical Examiner's ruling, after toxicology
        return;
    }
    if (rec.circumstance == Circumstance::Domestic && r.chance(0.12)) {
        c.outcome = Outcome::Exceptional;
        c.code = ExceptionalCode::A;
        c.murderSuicide = true;
        c.suspectAt = c.reportAt + r.between(5, 60) * kMinute;
        c.closeAt = c.reportAt + r.between(3, 48) * kHour;
        return;
    }
    if (r.chance(kClearChance[static_cast<int>(rec.circumstance)])) {
        // Many cases clear within days; a tail takes months and years.
        const double x = r.real();
        if (r.chance(0.175)) {
            c.outcome = Outcome::Exceptional;
            c.code = pickWeighted(r, kExceptionalCodes);
            c.closeAt = after(x < 0.3 ? r.real(4, 60) : x < 0.75 ? r.real(60, 365) : r.real(365, 1400));
        } else {
            c.outcome = Outcome::Arrest;
            c.closeAt = after(x < 0.40 ? r.real(0, 2)
                    : x < 0.60         ? r.real(2, 30)
                    : x < 0.80         ? r.real(30, 180)
                    : x < 0.94         ? r.real(180, 730)
                                       : r.real(730, 2200));
        }
    }

    // A case with nothing left to do is set inactive after months; a cold case that clears later
    // is reactivated first, when the new information comes in.
    if (c.closeAt - c.reportAt > days(200)) {
        c.inactiveAt = after(r.real(180, 540));
        if (c.closeAt != kNever) {
            const double gap = static_cast<double>(c.closeAt - c.inactiveAt) / kDay;
            if (gap < 45)
                c.inactiveAt = kNever;
            else
                c.reactivateAt = c.closeAt - r.between(14, static_cast<int>(std::min(90.0, gap - 20))) * kDay;
        }
    }

    if (c.outcome == Outcome::Open) {
        if (r.chance(0.3)) {
            c.suspectAt = after(r.real(1, 110));
            if (r.chance(0.15))
                c.declinedAt = after(static_cast<double>(c.suspectAt - c.reportAt) / kDay + r.real(1, 60));
        }
        return;
    }
    const SimTime from = c.reactivateAt != kNever ? c.reactivateAt : c.reportAt;
    c.suspectAt = partWay(from, c.closeAt, 0.15, 0.85);
    if (c.outcome != Outcome::Arrest)
        return;
    if (c.inactiveAt == kNever && c.closeAt - c.reportAt > days(20) && r.chance(0.12))
        c.declinedAt = partWay(c.suspectAt, c.closeAt, 0.2, 0.6);
    if (r.chance(0.12))
        c.coArrestAt = after(static_cast<double>(c.closeAt - c.reportAt) / kDay + r.real(2, 120));
}

void Simulation::planReopenings()
{
    // One or two (more in a big unit): a cleared case whose charges fall apart, or a death ruled
    // not a homicide that the Medical Examiner later rules one.
    std::vector<int> arrests, unfounded;
    for (int i = 0; i < static_cast<int>(m_cases.size()); ++i) {
        const CaseSim &c = m_cases[static_cast<std::size_t>(i)];
        if (c.closeAt == kNever || c.closeAt + days(200) > m_endT)
            continue;
        if (c.outcome == Outcome::Arrest)
            arrests.push_back(i);
        else if (c.outcome == Outcome::Unfounded)
            unfounded.push_back(i);
    }
    const int wanted = std::clamp(static_cast<int>(std::lround(m_cases.size() * 0.003)), 1, 8);
    for (int k = 0; k < wanted; ++k) {
        std::vector<int> &from = (k % 2 == 1 && !unfounded.empty()) || arrests.empty() ? unfounded : arrests;
        if (from.empty())
            break;
        const int at = m_planRng.below(static_cast<int>(from.size()));
        CaseSim &c = m_cases[static_cast<std::size_t>(from[static_cast<std::size_t>(at)])];
        from.erase(from.begin() + at);
        const double room = static_cast<double>(m_endT - c.closeAt) / kDay - 30;
        c.reopenAt = c.closeAt + days(m_planRng.real(60, std::min(400.0, room)));
        c.coArrestAt = kNever;
    }
}

// --- the unit ------------------------------------------------------------------------------------

QString Simulation::uniqueName(Sex sex)
{
    for (;;) {
        const QStringView first = sex == Sex::Female ? m_rng.pick(words::kFemaleFirst) : m_rng.pick(words::kMaleFirst);
        const QString name = first + QLatin1Char(' ') + m_rng.pick(words::kSurnames);
        if (m_names.insert(name).second)
            return name;
    }
}

QString Simulation::uniqueBadge(Role role)
{
    for (;;) {
        QString badge;
        switch (role) {
        case Role::Command: badge = QString::number(m_rng.between(100, 399)); break;
        case Role::Sergeant: badge = QString::number(m_rng.between(1000, 2999)); break;
        case Role::Detective: badge = QString::number(m_rng.between(20000, 29999)); break;
        case Role::Administrator: badge = QStringLiteral("E%1").arg(m_rng.between(40000, 49999)); break;
        }
        if (m_badges.insert(badge).second)
            return badge;
    }
}

int Simulation::addMember(Role role, const QString &rank, int team)
{
    UnitMember u;
    u.team = team;
    u.m.name = uniqueName(m_rng.chance(role == Role::Detective ? 0.3 : 0.25) ? Sex::Female : Sex::Male);
    u.m.badge = uniqueBadge(role);
    u.m.rank = rank;
    u.m.role = role;
    u.m.team = team >= 0        ? m_teams[static_cast<std::size_t>(team)].name
        : role == Role::Command ? QStringLiteral("Command")
                                : QStringLiteral("Administration");
    u.m.id = m_store.addMember(u.m);
    const int index = static_cast<int>(m_members.size());
    m_members.push_back(std::move(u));
    if (team >= 0 && role == Role::Detective)
        m_teams[static_cast<std::size_t>(team)].detectives.push_back(index);
    ++m_summary.members;
    return index;
}

void Simulation::setupUnit()
{
    m_store.setActor({ std::nullopt, QStringLiteral("system:demo") });
    m_admin = addMember(Role::Administrator, QStringLiteral("Administrative Analyst"), -1);
    act(m_admin);
    addMember(Role::Command, QStringLiteral("Commander"), -1);
    m_lieutenant = addMember(Role::Command, QStringLiteral("Lieutenant"), -1);
    for (int t = 0; t < m_options.sergeants; ++t) {
        m_teams.push_back({ QStringLiteral("Team %1").arg(t + 1), -1, {}, 0 });
        m_teams.back().sergeant = addMember(Role::Sergeant, QStringLiteral("Sergeant"), t);
    }
    for (int i = 0; i < m_options.detectives; ++i)
        addMember(Role::Detective,
            m_rng.chance(0.25) ? QStringLiteral("Senior Detective") : QStringLiteral("Detective"),
            i % m_options.sergeants);
}

void Simulation::planStaffing()
{
    // Detectives retire or transfer out part-way; a replacement joins the team weeks later.
    const int total = static_cast<int>(std::lround(m_options.detectives * m_options.years * 0.03));
    const int departures = std::clamp(total, 1, m_options.detectives / 2);
    std::vector<int> pool;
    for (const Team &t : m_teams)
        pool.insert(pool.end(), t.detectives.begin(), t.detectives.end());
    std::sort(pool.begin(), pool.end());
    const SimTime from = m_startT + (m_endT - m_startT) / 10;
    const SimTime to = m_endT - days(100);
    for (int k = 0; k < departures && to > from; ++k) {
        const int at = m_rng.below(static_cast<int>(pool.size()));
        const int member = pool[static_cast<std::size_t>(at)];
        pool.erase(pool.begin() + at);
        const SimTime when
            = simTime(dateOf(from + static_cast<SimTime>(static_cast<double>(to - from) * m_rng.real())), 10 * kHour);
        schedule(when, Ev::Departure, member, m_rng.chance(0.5) ? Retirement : Transfer);
        schedule(when + days(m_rng.between(20, 60)), Ev::Hire, m_members[static_cast<std::size_t>(member)].team);
    }
    // Each sergeant reviews the team's caseload at the start of every month.
    for (QDate d(m_start.year(), m_start.month(), 1); d <= m_options.endDate; d = d.addMonths(1)) {
        QDate day = d;
        while (day.dayOfWeek() > 5)
            day = day.addDays(1);
        for (int t = 0; t < static_cast<int>(m_teams.size()); ++t) {
            const SimTime when = simTime(day, 9 * kHour + t * 20 * kMinute);
            if (when >= m_startT)
                schedule(when, Ev::Review, t);
        }
    }
}

int Simulation::onCallTeam() const
{
    // Teams take the new cases a week at a time.
    const auto week = (dateOf(m_now).toJulianDay() - m_start.toJulianDay()) / 7;
    return static_cast<int>(week % static_cast<qint64>(m_teams.size()));
}

// Round robin within the team, skipping ahead to whoever carries the fewest open cases.
int Simulation::pickDetective(int team, int exclude)
{
    for (int pass = 0; pass < 2; ++pass) {
        int best = -1;
        for (int ti = 0; ti < static_cast<int>(m_teams.size()); ++ti) {
            if (pass == 0 && ti != team)
                continue;
            Team &t = m_teams[static_cast<std::size_t>(ti)];
            const int n = static_cast<int>(t.detectives.size());
            int bestPos = -1;
            for (int k = 1; k <= n; ++k) {
                const int pos = (t.next + k) % n;
                const int m = t.detectives[static_cast<std::size_t>(pos)];
                const UnitMember &u = m_members[static_cast<std::size_t>(m)];
                if (!u.m.active || m == exclude)
                    continue;
                if (best < 0 || u.load < m_members[static_cast<std::size_t>(best)].load) {
                    best = m;
                    bestPos = pos;
                }
            }
            if (bestPos >= 0 && pass == 0)
                t.next = bestPos;
        }
        if (best >= 0)
            return best;
    }
    throw Error(ErrorKind::Invalid, Tr::tr("The demo unit has no active detective left."));
}

int Simulation::worker(const CaseSim &c) const
{
    if (m_members[static_cast<std::size_t>(c.primary)].m.active)
        return c.primary;
    return m_teams[static_cast<std::size_t>(c.team)].sergeant;
}

void Simulation::act(int member)
{
    const Member &m = m_members[static_cast<std::size_t>(member)].m;
    m_store.setActor({m.id, m.badge, true}); // replaying the simulated unit's history
}

// --- time and events -----------------------------------------------------------------------------

void Simulation::setNow(SimTime t)
{
    m_now = t;
    const QDate date = dateOf(t);
    const auto second = static_cast<int>(t % kDay);
    QDateTime local(date, QTime::fromMSecsSinceStartOfDay(second * 1000));
    if (!local.isValid()) // in the hour skipped when daylight saving time starts
        local = QDateTime(date, QTime::fromMSecsSinceStartOfDay(std::min(second + 3600, 86399) * 1000));
    // The hour repeated when daylight saving time ends must not run the audit trail backwards.
    m_lastMs = std::max(m_lastMs, local.toMSecsSinceEpoch());
    m_clock.set(QDateTime::fromMSecsSinceEpoch(m_lastMs, Qt::UTC));
}

void Simulation::schedule(SimTime t, Ev kind, int subject, int arg, int arg2, Id ref)
{
    t = std::max(t, m_now);
    if (t > m_endT)
        return; // after the demo's "today": it has not happened yet
    m_queue.push({ t, m_seq++, kind, subject, arg, arg2, ref });
}

SimTime Simulation::workTime(SimTime base, double afterDays)
{
    if (afterDays < 1.0) // the first night's work runs around the clock
        return base + days(afterDays);
    const SimTime t = simTime(dateOf(base + days(afterDays)), m_rng.between(8 * 60, 20 * 60) * kMinute);
    return t > base ? t : base + m_rng.between(10, 90) * kMinute;
}

// Work on a case: much of it in the first days, then tailing off over months; none after the
// case closes or goes inactive.
SimTime Simulation::laterWork(const CaseSim &c)
{
    const double x = m_rng.real();
    const SimTime t = workTime(m_now, x < 0.5 ? m_rng.real(0, 2) : x < 0.85 ? m_rng.real(2, 45) : m_rng.real(45, 365));
    const SimTime horizon = std::min(c.closeAt, c.inactiveAt);
    if (t < horizon)
        return t;
    return m_now + static_cast<SimTime>(static_cast<double>(horizon - m_now) * m_rng.real());
}

void Simulation::dispatch(const Event &e)
{
    switch (e.kind) {
    case Ev::Report: report(e.subject); break;
    case Ev::Witness: addWitness(e.subject); break;
    case Ev::Suspect: suspect(e.subject); break;
    case Ev::LeadCreate: createLead(e.subject); break;
    case Ev::LeadStart: leadStart(e.subject); break;
    case Ev::LeadFinish: leadFinish(e.subject); break;
    case Ev::Note: workNote(e.subject, e.arg); break;
    case Ev::Correction: correction(e); break;
    case Ev::Arrest: arrest(e.subject, e.arg); break;
    case Ev::Present: present(e); break;
    case Ev::Decide: decide(e); break;
    case Ev::Exceptional: clearExceptionally(e.subject); break;
    case Ev::Unfounded: unfounded(e.subject); break;
    case Ev::Inactive: inactivate(e.subject); break;
    case Ev::Reactivate: reactivate(e.subject); break;
    case Ev::Reopen: reopen(e.subject); break;
    case Ev::Review: review(e.subject); break;
    case Ev::Departure: departure(e.subject, e.arg); break;
    case Ev::Hire: hire(e.subject); break;
    }
}

// --- cases ---------------------------------------------------------------------------------------

void Simulation::report(int ci)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    const int primary = pickDetective(onCallTeam(), -1);
    c.team = m_members[static_cast<std::size_t>(primary)].team;
    act(m_teams[static_cast<std::size_t>(c.team)].sergeant);
    const int year = dateOf(m_now).year();
    const int number = ++m_caseNumbers[year];
    c.record.caseNumber = QStringLiteral("H%1-%2").arg(year).arg(number, 5, 10, QLatin1Char('0'));
    c.record.id = m_store.createCase(c.record, c.victims);
    ++m_summary.cases;
    m_summary.victims += static_cast<int>(c.victims.size());
    c.victims.clear();
    c.victims.squeeze();
    setPrimary(ci, primary, QStringLiteral("Assigned from the on-call rotation"));
    if (c.victimCount > 1 || m_rng.chance(0.4)) {
        const int second = pickDetective(c.team, primary);
        if (second != primary) {
            c.secondaryAssignment = m_store.assign(c.record.id, m_members[static_cast<std::size_t>(second)].m.id,
                AssignmentRole::Secondary, dateOf(m_now), QStringLiteral("Second detective from the on-call team"));
            c.secondary = second;
            m_members[static_cast<std::size_t>(second)].secondaryCases.push_back(ci);
        }
    }
    scheduleCaseWork(ci);
}

void Simulation::scheduleCaseWork(int ci)
{
    const CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    schedule(m_now + m_rng.between(60, 300) * kMinute, Ev::Note, ci, SceneNote);
    const double witnessWeights[] = { 25, 35, 25, 15 };
    for (int i = m_rng.weighted(witnessWeights); i > 0; --i)
        schedule(m_now + m_rng.between(20, 3 * 24 * 60) * kMinute, Ev::Witness, ci);
    for (int i = m_rng.poisson(m_options.leadsPerCase); i > 0; --i)
        schedule(laterWork(c), Ev::LeadCreate, ci);
    // The scene note and the notes that events write make up the rest of the mean.
    for (int i = m_rng.poisson(std::max(0.0, m_options.notesPerCase - 2.0)); i > 0; --i)
        schedule(laterWork(c), Ev::Note, ci, WorkNote);
    schedule(c.suspectAt, Ev::Suspect, ci);
    schedule(c.declinedAt, Ev::Arrest, ci, DeclinedArrest);
    schedule(c.inactiveAt, Ev::Inactive, ci);
    schedule(c.reactivateAt, Ev::Reactivate, ci);
    schedule(c.coArrestAt, Ev::Arrest, ci, CoOffenderArrest);
    switch (c.outcome) {
    case Outcome::Arrest: schedule(c.closeAt, Ev::Arrest, ci, ClearingArrest); break;
    case Outcome::Exceptional: schedule(c.closeAt, Ev::Exceptional, ci); break;
    case Outcome::Unfounded: schedule(c.closeAt, Ev::Unfounded, ci); break;
    case Outcome::Open: break;
    }
}

void Simulation::addLoad(const CaseSim &c, int delta)
{
    if (c.primary >= 0 && c.status == CaseStatus::Open && !c.inactive)
        m_members[static_cast<std::size_t>(c.primary)].load += delta;
}

void Simulation::setPrimary(int ci, int member, const QString &reason)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    UnitMember &u = m_members[static_cast<std::size_t>(member)];
    addLoad(c, -1);
    m_store.assign(c.record.id, u.m.id, AssignmentRole::Primary, dateOf(m_now), reason);
    if (c.primary >= 0)
        ++m_summary.reassignments;
    if (c.secondary == member) { // the store ended the secondary role
        c.secondary = -1;
        c.secondaryAssignment = 0;
    }
    c.primary = member;
    c.team = u.team;
    u.primaryCases.push_back(ci);
    addLoad(c, +1);
}

void Simulation::setInactive(int ci, bool inactive)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    addLoad(c, -1);
    c.inactive = inactive;
    c.record.investigativeState = inactive ? InvestigativeState::Inactive : InvestigativeState::Active;
    m_store.updateCase(c.record);
    addLoad(c, +1);
}

void Simulation::createLead(int ci, const QString &description, std::optional<LeadPriority> priority)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    if (c.status != CaseStatus::Open || c.inactive)
        return;
    const QDate today = dateOf(m_now);
    LeadSim s;
    s.caseIndex = ci;
    s.open = std::make_unique<Lead>();
    Lead &l = *s.open;
    l.caseId = c.record.id;
    l.source = description.isEmpty() ? pickWeighted(m_rng, kLeadSources) : LeadSource::Other;
    const bool early = m_now - c.reportAt < days(2);
    l.priority = priority ? *priority : pickWeighted(m_rng, early ? kEarlyPriorities : kLaterPriorities);
    l.createdDate = today;
    switch (l.priority) {
    case LeadPriority::FastTrack: l.dueDate = today.addDays(1); break;
    case LeadPriority::High: l.dueDate = today.addDays(m_rng.between(3, 7)); break;
    case LeadPriority::Normal: l.dueDate = today.addDays(m_rng.between(10, 30)); break;
    case LeadPriority::Low:
        if (m_rng.chance(0.7))
            l.dueDate = today.addDays(m_rng.between(30, 60));
        break;
    }
    const double who = m_rng.real();
    s.assignee = c.primary;
    if (who > 0.65 && who <= 0.85 && c.secondary >= 0) {
        s.assignee = c.secondary;
    } else if (who > 0.85) {
        const Team &t = m_teams[static_cast<std::size_t>(c.team)];
        const int m = t.detectives[static_cast<std::size_t>(m_rng.below(static_cast<int>(t.detectives.size())))];
        if (m_members[static_cast<std::size_t>(m)].m.active)
            s.assignee = m;
    }
    l.assigneeId = m_members[static_cast<std::size_t>(s.assignee)].m.id;
    if (!description.isEmpty()) {
        l.description = description;
    } else {
        l.description = fill(m_rng.pick(words::kLeadWords[static_cast<int>(l.source)].descriptions),
            [&](QStringView key) { return lookup(c, key); });
    }
    act(c.primary);
    l.id = m_store.addLead(l);
    ++m_summary.leads;
    const int li = static_cast<int>(m_leads.size());
    c.leads.push_back(li);
    m_members[static_cast<std::size_t>(s.assignee)].leads.push_back(li);
    m_leads.push_back(std::move(s));

    // Most leads are done by their due date, some late, a few stall and go overdue.
    const double span = l.dueDate.isValid() ? std::max<double>(1, today.daysTo(l.dueDate)) : m_rng.between(5, 90);
    const double start = span * m_rng.real(0, 0.3);
    if (m_rng.chance(0.6))
        schedule(workTime(m_now, start), Ev::LeadStart, li);
    if (!m_rng.chance(0.08))
        schedule(workTime(m_now, start + span * m_rng.real(0.2, 1.3)), Ev::LeadFinish, li);
}

void Simulation::updateLead(LeadSim &s)
{
    m_store.updateLead(*s.open);
    if (!s.open->isOpen())
        s.open.reset();
}

void Simulation::leadStart(int li)
{
    LeadSim &s = m_leads[static_cast<std::size_t>(li)];
    if (!s.open || s.open->status != LeadStatus::Open)
        return;
    act(s.assignee);
    s.open->status = LeadStatus::InProgress;
    updateLead(s);
}

void Simulation::leadFinish(int li)
{
    LeadSim &s = m_leads[static_cast<std::size_t>(li)];
    if (!s.open)
        return;
    const CaseSim &c = m_cases[static_cast<std::size_t>(s.caseIndex)];
    act(s.assignee);
    const bool done = m_rng.chance(0.7);
    s.open->status = done ? LeadStatus::Completed : LeadStatus::NoValue;
    s.open->completedDate = dateOf(m_now);
    const words::LeadWords &w = words::kLeadWords[static_cast<int>(s.open->source)];
    s.open->result = fill(m_rng.pick(done ? w.done : w.noValue), [&](QStringView key) { return lookup(c, key); });
    updateLead(s);
}

void Simulation::closeLeads(int ci, int actor, const QString &result)
{
    const CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    act(actor);
    for (int li : c.leads) {
        LeadSim &s = m_leads[static_cast<std::size_t>(li)];
        if (!s.open)
            continue;
        s.open->status = LeadStatus::NoValue;
        s.open->completedDate = dateOf(m_now);
        s.open->result = result;
        updateLead(s);
    }
}

Id Simulation::addNote(int ci, int author, const QString &body, std::optional<Id> corrects)
{
    act(author);
    const Id id = m_store.addNote(m_cases[static_cast<std::size_t>(ci)].record.id, body, corrects);
    ++m_summary.notes;
    return id;
}

void Simulation::workNote(int ci, int kind)
{
    const CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    const auto look = [&](QStringView key) { return lookup(c, key); };
    int author = worker(c);
    QString body;
    if (kind == SceneNote) {
        body = fill(m_rng.pick(words::kNoteScene), look);
    } else if (kind == ReassignedNote) {
        body = QStringLiteral("Case received on reassignment; file reviewed and the open leads taken over.");
    } else {
        const double x = m_rng.real();
        if (x < 0.2 && m_now - c.reportAt > days(7)) { // reviews come once the first week's work is done
            author = m_teams[static_cast<std::size_t>(c.team)].sergeant;
            body = fill(m_rng.pick(words::kNoteSupervisor), look);
        } else {
            if (x < 0.35 && c.secondary >= 0)
                author = c.secondary;
            body = fill(m_rng.pick(words::kNoteFollowUp), look);
        }
    }
    const Id id = addNote(ci, author, body);
    if (m_rng.chance(0.04))
        schedule(m_now + m_rng.between(60, 72 * 60) * kMinute, Ev::Correction, ci, author,
            static_cast<int>(dateOf(m_now).toJulianDay()), id);
}

void Simulation::correction(const Event &e)
{
    if (!m_members[static_cast<std::size_t>(e.arg)].m.active)
        return;
    const CaseSim &c = m_cases[static_cast<std::size_t>(e.subject)];
    const QString body = fill(m_rng.pick(words::kNoteCorrection), [&](QStringView key) {
        return key == u"date" ? QDate::fromJulianDay(e.arg2).toString(Qt::ISODate) : lookup(c, key);
    });
    addNote(e.subject, e.arg, body, e.ref);
}

void Simulation::addWitness(int ci)
{
    const CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    CasePerson p;
    p.caseId = c.record.id;
    p.role = PersonRole::Witness;
    p.sex = m_rng.chance(0.5) ? Sex::Male : Sex::Female;
    p.age = m_rng.between(16, 75);
    p.race = pickWeighted(m_rng, kRaces);
    p.description = str(m_rng.pick(words::kWitnessDescriptions));
    if (!p.description.startsWith(u"Declined"))
        p.name = personName(p.sex);
    act(worker(c));
    m_store.addPerson(p);
}

CasePerson &Simulation::addSuspect(int ci, PersonRole role, const QString &description)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    CasePerson p;
    p.caseId = c.record.id;
    p.role = role;
    p.sex = m_rng.chance(0.9) ? Sex::Male : Sex::Female;
    if (c.murderSuicide) // most often the victim's partner
        p.sex = c.victimSex == Sex::Female ? Sex::Male : Sex::Female;
    const double a = m_rng.real();
    p.age = a < 0.08 ? m_rng.between(14, 17) : a < 0.6 ? m_rng.between(18, 29) : m_rng.between(30, 55);
    if (c.outcome == Outcome::Exceptional && c.code == ExceptionalCode::E)
        p.age = 12;
    p.race = pickWeighted(m_rng, kRaces);
    p.name = personName(p.sex);
    p.description = fill(description, [&](QStringView key) { return lookup(c, key); });
    act(worker(c));
    p.id = m_store.addPerson(p);
    c.suspects.push_back(p);
    return c.suspects.back();
}

void Simulation::suspect(int ci)
{
    const CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    if (c.outcome == Outcome::Exceptional) {
        const QString description = c.murderSuicide ? str(words::kMurderSuicideOffender)
            : c.code == ExceptionalCode::E          ? str(words::kJuvenileOffender)
                                                    : str(m_rng.pick(words::kOffenderDescriptions));
        addSuspect(ci, PersonRole::Offender, description);
    } else {
        addSuspect(ci, PersonRole::Suspect, str(m_rng.pick(words::kSuspectDescriptions)));
    }
}

void Simulation::arrest(int ci, int kind)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    if (kind != CoOffenderArrest && c.status != CaseStatus::Open)
        return;
    if (kind == CoOffenderArrest && !m_members[static_cast<std::size_t>(c.primary)].m.active)
        return; // the file is closed and its detective has left: nobody works it
    if (kind == CoOffenderArrest || c.suspects.empty())
        addSuspect(ci, PersonRole::Suspect, str(m_rng.pick(words::kSuspectDescriptions)));
    const int person = kind == CoOffenderArrest ? static_cast<int>(c.suspects.size()) - 1 : 0;
    const CasePerson &p = c.suspects[static_cast<std::size_t>(person)];
    int arresting = c.primary;
    if (c.secondary >= 0 && m_rng.chance(0.4) && m_members[static_cast<std::size_t>(c.secondary)].m.active)
        arresting = c.secondary;
    Arrest a;
    a.caseId = c.record.id;
    a.personId = p.id;
    a.date = dateOf(m_now);
    a.charges = kind == CoOffenderArrest ? str(words::kChargesCoOffender[0]) : charges(c);
    a.arrestingMemberId = m_members[static_cast<std::size_t>(arresting)].m.id;
    a.juvenile = p.age && *p.age < 18;
    act(arresting);
    const Id id = m_store.addArrest(a);
    ++m_summary.arrests;
    addNote(ci, arresting,
        QStringLiteral("Arrested %1 on the %2. Presented to felony review for %3.")
            .arg(p.name, randomBlock(), a.charges.toLower()));
    schedule(m_now + m_rng.between(60, 240) * kMinute, Ev::Present, ci, kind, person, id);
}

void Simulation::present(const Event &e)
{
    act(worker(m_cases[static_cast<std::size_t>(e.subject)]));
    m_store.setProsecution(e.ref, ProsecutionStatus::Presented, dateOf(m_now));
    schedule(m_now + m_rng.between(4 * 60, 28 * 60) * kMinute, Ev::Decide, e.subject, e.arg, e.arg2, e.ref);
}

void Simulation::decide(const Event &e)
{
    const int ci = e.subject;
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    CasePerson &p = c.suspects[static_cast<std::size_t>(e.arg2)];
    const int who = worker(c);
    act(who);
    if (e.arg == DeclinedArrest) {
        m_store.setProsecution(e.ref, ProsecutionStatus::Declined, dateOf(m_now));
        addNote(ci, who,
            QStringLiteral("Felony review declined charges against %1 for now; released pending further "
                           "investigation.")
                .arg(p.name));
        return;
    }
    m_store.setProsecution(e.ref, ProsecutionStatus::Approved, dateOf(m_now));
    p.role = PersonRole::Offender;
    m_store.updatePerson(p);
    addNote(ci, who, QStringLiteral("Charges approved against %1; held for the bond hearing.").arg(p.name));
    if (e.arg != ClearingArrest || c.status != CaseStatus::Open)
        return;
    if (c.inactive)
        setInactive(ci, false);
    act(c.primary);
    addLoad(c, -1);
    m_store.clearByArrest(c.record.id, dateOf(m_now), m_members[static_cast<std::size_t>(c.primary)].m.id,
        QStringLiteral("Charges approved against %1").arg(p.name));
    c.status = CaseStatus::ClearedByArrest;
    closeLeads(ci, c.primary, QStringLiteral("Closed: the case was cleared by arrest"));
    schedule(c.reopenAt, Ev::Reopen, ci);
}

void Simulation::clearExceptionally(int ci)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    if (c.status != CaseStatus::Open)
        return;
    if (c.inactive)
        setInactive(ci, false);
    if (c.suspects.empty())
        suspect(ci);
    ExceptionalClearance record;
    record.code = c.code;
    record.offenderIdentified = true;
    record.evidenceSufficient = true;
    record.locationKnown = true;
    record.beyondControl = true;
    switch (c.code) {
    case ExceptionalCode::A:
        record.reason = c.murderSuicide ? str(words::kExceptionalMurderSuicide) : str(m_rng.pick(words::kExceptionalA));
        break;
    case ExceptionalCode::B: record.reason = str(m_rng.pick(words::kExceptionalB)); break;
    case ExceptionalCode::C: record.reason = str(m_rng.pick(words::kExceptionalC)); break;
    case ExceptionalCode::D:
    case ExceptionalCode::E: record.reason = str(m_rng.pick(words::kExceptionalE)); break;
    }
    // Command approves an exceptional clearance; the primary detective is the clearing member.
    act(m_lieutenant);
    addLoad(c, -1);
    m_store.clearExceptionally(c.record.id, dateOf(m_now), m_members[static_cast<std::size_t>(c.primary)].m.id, record);
    c.status = CaseStatus::ClearedExceptionally;
    closeLeads(ci, c.primary, QStringLiteral("Closed: the case was cleared exceptionally"));
    addNote(ci, c.primary,
        QStringLiteral("Cleared exceptionally (code %1), approved by the lieutenant: %2.")
            .arg(key(c.code), record.reason));
}

void Simulation::unfounded(int ci)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    if (c.status != CaseStatus::Open)
        return;
    const QString reason = str(m_rng.pick(words::kUnfoundedReasons));
    act(c.primary);
    addLoad(c, -1);
    m_store.markUnfounded(c.record.id, dateOf(m_now), reason);
    c.status = CaseStatus::Unfounded;
    closeLeads(ci, c.primary, QStringLiteral("Closed: the death was ruled not a homicide"));
    addNote(ci, c.primary, QStringLiteral("Ruling received: %1.").arg(reason));
    schedule(c.reopenAt, Ev::Reopen, ci);
}

void Simulation::inactivate(int ci)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    if (c.status != CaseStatus::Open || c.inactive)
        return;
    const int sergeant = m_teams[static_cast<std::size_t>(c.team)].sergeant;
    act(sergeant);
    setInactive(ci, true);
    closeLeads(ci, sergeant, QStringLiteral("Closed: the case was set inactive; reopen with new information"));
    addNote(ci, sergeant,
        QStringLiteral("Case reviewed with Det. %1: the current leads are exhausted. Set inactive pending new "
                       "information.")
            .arg(m_members[static_cast<std::size_t>(c.primary)].m.name));
}

void Simulation::reactivate(int ci)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    if (c.status != CaseStatus::Open || !c.inactive)
        return;
    const QString news = str(m_rng.pick(words::kReactivationNews));
    act(c.primary);
    setInactive(ci, false);
    addNote(ci, c.primary, QStringLiteral("New information: %1. Case reactivated.").arg(news));
    createLead(ci, QStringLiteral("Follow up the new information: %1").arg(news), LeadPriority::High);
}

void Simulation::reopen(int ci)
{
    CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
    if (c.status == CaseStatus::Open)
        return;
    const bool wasUnfounded = c.status == CaseStatus::Unfounded;
    const QString reason = wasUnfounded ? str(words::kReopenAfterUnfounded) : str(words::kReopenAfterArrest);
    act(m_lieutenant);
    m_store.reopen(c.record.id, dateOf(m_now), reason);
    c.status = CaseStatus::Open;
    addLoad(c, +1);
    if (c.inactive)
        setInactive(ci, false);
    if (!m_members[static_cast<std::size_t>(c.primary)].m.active) {
        act(m_teams[static_cast<std::size_t>(c.team)].sergeant);
        setPrimary(
            ci, pickDetective(c.team, -1), QStringLiteral("Case reopened; the original detective has left the unit"));
    }
    addNote(ci, c.primary, QStringLiteral("Case reopened: %1.").arg(reason));
    createLead(ci,
        wasUnfounded ? QStringLiteral("Re-interview the people who last saw the victim, given the amended ruling")
                     : QStringLiteral("Re-interview the remaining witnesses and review the evidence again"),
        LeadPriority::High);
    // Without a new break, a reopened case goes cold again like any other.
    schedule(workTime(m_now, m_rng.real(180, 400)), Ev::Inactive, ci);
}

void Simulation::review(int team)
{
    // Workload balancing: a recent case moves from the busiest to the least busy detective.
    Team &t = m_teams[static_cast<std::size_t>(team)];
    int most = -1;
    int least = -1;
    for (int m : t.detectives) {
        const UnitMember &u = m_members[static_cast<std::size_t>(m)];
        if (!u.m.active)
            continue;
        if (most < 0 || u.load > m_members[static_cast<std::size_t>(most)].load)
            most = m;
        if (least < 0 || u.load < m_members[static_cast<std::size_t>(least)].load)
            least = m;
    }
    if (most < 0 || least == most)
        return;
    const UnitMember &busy = m_members[static_cast<std::size_t>(most)];
    const UnitMember &idle = m_members[static_cast<std::size_t>(least)];
    if (busy.load - idle.load < 3)
        return;
    int chosen = -1;
    const std::size_t n = busy.primaryCases.size();
    for (std::size_t k = 0; k < std::min<std::size_t>(n, 20) && chosen < 0; ++k) {
        const int ci = busy.primaryCases[n - 1 - k];
        const CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
        if (c.primary == most && c.status == CaseStatus::Open && !c.inactive)
            chosen = ci;
    }
    if (chosen < 0)
        return;
    const QString reason = QStringLiteral("Workload balancing: Det. %1 carries %2 open cases, Det. %3 carries %4")
                               .arg(busy.m.name)
                               .arg(busy.load)
                               .arg(idle.m.name)
                               .arg(idle.load);
    act(t.sergeant);
    setPrimary(chosen, least, reason);
    schedule(m_now + m_rng.between(60, 48 * 60) * kMinute, Ev::Note, chosen, ReassignedNote);
}

void Simulation::departure(int member, int kind)
{
    UnitMember &u = m_members[static_cast<std::size_t>(member)];
    const int sergeant = m_teams[static_cast<std::size_t>(u.team)].sergeant;
    const QString reason = kind == Retirement
        ? QStringLiteral("Det. %1 retired").arg(u.m.name)
        : QStringLiteral("Det. %1 transferred to %2").arg(u.m.name, str(m_rng.pick(words::kTransferDestinations)));
    act(sergeant);
    for (int ci : u.primaryCases) { // setPrimary appends to the new detective's list, not to this one
        const CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
        if (c.primary != member || c.status != CaseStatus::Open)
            continue;
        setPrimary(ci, pickDetective(u.team, member), reason);
        schedule(m_now + m_rng.between(60, 72 * 60) * kMinute, Ev::Note, ci, ReassignedNote);
    }
    for (int ci : u.secondaryCases) {
        CaseSim &c = m_cases[static_cast<std::size_t>(ci)];
        if (c.secondary != member || c.status != CaseStatus::Open)
            continue;
        m_store.endAssignment(c.secondaryAssignment, dateOf(m_now), reason);
        c.secondary = -1;
        c.secondaryAssignment = 0;
    }
    for (int li : u.leads) {
        LeadSim &s = m_leads[static_cast<std::size_t>(li)];
        if (s.assignee != member || !s.open)
            continue;
        s.assignee = m_cases[static_cast<std::size_t>(s.caseIndex)].primary;
        s.open->assigneeId = m_members[static_cast<std::size_t>(s.assignee)].m.id;
        updateLead(s);
    }
    act(m_admin);
    u.m.active = false;
    m_store.updateMember(u.m);
}

void Simulation::hire(int team)
{
    act(m_admin);
    addMember(Role::Detective, QStringLiteral("Detective"), team);
}

// --- words ---------------------------------------------------------------------------------------

QString Simulation::personName(Sex sex)
{
    if (sex == Sex::Unknown)
        sex = m_rng.chance(0.5) ? Sex::Male : Sex::Female;
    const QStringView first = sex == Sex::Female ? m_rng.pick(words::kFemaleFirst) : m_rng.pick(words::kMaleFirst);
    return first + QLatin1Char(' ') + m_rng.pick(words::kSurnames);
}

QString Simulation::randomBlock()
{
    return QStringLiteral("%1xx block of %2 %3")
        .arg(QString::number(m_rng.below(120)), str(m_rng.pick(words::kDirections)), str(m_rng.pick(words::kStreets)));
}

QString Simulation::lookup(const CaseSim &c, QStringView key)
{
    if (key == u"block")
        return c.block;
    if (key == u"block2")
        return randomBlock();
    if (key == u"person")
        return personName();
    if (key == u"nick")
        return str(m_rng.pick(words::kNicknames));
    if (key == u"business")
        return str(m_rng.pick(words::kBusinesses));
    if (key == u"district")
        return c.record.district;
    if (key == u"area")
        return c.record.area;
    if (key == u"place")
        return c.place.toString();
    if (key == u"time")
        return clockText(m_now - m_rng.between(5, 90) * kMinute);
    if (key == u"family")
        return personName().section(u' ', 0, 0) + QLatin1Char(' ')
            + (c.victimSurname.isEmpty() ? str(m_rng.pick(words::kSurnames)) : c.victimSurname);
    if (key == u"detective")
        return m_members[static_cast<std::size_t>(c.primary)].m.name;
    if (key == u"casings") {
        const bool firearm = c.record.weapon == Weapon::Handgun || c.record.weapon == Weapon::Rifle
            || c.record.weapon == Weapon::Shotgun || c.record.weapon == Weapon::FirearmOther;
        return firearm ? str(m_rng.pick(words::kNoteCasings)) : QStringLiteral("No weapon recovered at the scene.");
    }
    return QLatin1Char('{') + key + QLatin1Char('}');
}

QString Simulation::charges(const CaseSim &c)
{
    switch (c.record.circumstance) {
    case Circumstance::Robbery: return str(m_rng.pick(words::kChargesRobbery));
    case Circumstance::Domestic: return str(m_rng.pick(words::kChargesDomestic));
    case Circumstance::ChildAbuse: return str(m_rng.pick(words::kChargesChild));
    case Circumstance::Argument: return str(m_rng.pick(words::kChargesArgument));
    default: return str(m_rng.pick(words::kChargesShooting));
    }
}

} // namespace

DemoSummary generate(CaseFile &file, const DemoOptions &options)
{
    validate(options);
    {
        const FixedClock clock(QDateTime(options.endDate, QTime(12, 0)).toUTC());
        const CaseStore store(file, clock);
        if (const int n = store.caseCount(); n > 0)
            throw Error(ErrorKind::Refused,
                Tr::tr("%1 already has %n case(s): the demo unit is only generated into a case file "
                       "without cases.",
                    nullptr, n)
                    .arg(QDir::toNativeSeparators(file.path())));
    }
    Simulation simulation(file, options);
    return simulation.run();
}

} // namespace cb::demo
