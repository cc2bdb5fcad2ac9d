// Clearance and caseload statistics against a hand-worked fixture. Every expected number below
// is worked out by hand from the rules in shared docs/clearance.md and docs/statistics.md; the
// working is in the comments.

#include "TestSupport.h"

#include "model/stats/Statistics.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cb;
using namespace cb::stats;

namespace {

QDate d(int y, int m, int day)
{
    return QDate(y, m, day);
}

} // namespace

class TestStatistics : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::Fixture> m_fx;
    Id m_a = 0, m_b = 0, m_c = 0, m_sgt = 0;
    Id m_c1 = 0, m_c2 = 0, m_c3 = 0, m_c4 = 0, m_c5 = 0, m_c6 = 0, m_c7 = 0;

    CaseStore &store() { return *m_fx->store; }
    void at(const QDate &date) { m_fx->clock.set(QDateTime(date, QTime(12, 0), Qt::UTC)); }

    Id newCase(const QString &number, const QDate &incident, const QList<Sex> &victimSexes, const QString &area)
    {
        at(incident);
        CaseRecord c;
        c.caseNumber = number;
        c.incidentDate = incident;
        c.area = area;
        c.weapon = Weapon::Handgun;
        QList<Victim> victims;
        for (Sex s : victimSexes) {
            Victim v;
            v.sex = s;
            v.age = 30;
            victims << v;
        }
        return store().createCase(c, victims);
    }

    void arrestAndClear(Id caseId, const QDate &date, Id detective)
    {
        at(date);
        CasePerson p;
        p.caseId = caseId;
        p.role = PersonRole::Offender;
        p.name = QStringLiteral("Offender of case %1").arg(caseId);
        const Id person = store().addPerson(p);
        Arrest a;
        a.caseId = caseId;
        a.personId = person;
        a.date = date;
        a.charges = QStringLiteral("first-degree murder");
        store().addArrest(a);
        store().clearByArrest(caseId, date, detective);
    }

    void clearExceptionally(Id caseId, const QDate &date, ExceptionalCode code, Id detective)
    {
        at(date);
        store().clearExceptionally(caseId, date, detective, {code, true, true, true, true, QStringLiteral("reason")});
    }

    void buildFixture();

    Snapshot snapshot(const QDate &asOf) { return Snapshot::load(m_fx->file->db(), asOf); }

    static const PeriodRate &row(const QList<PeriodRate> &rows, const QString &period, const QString &group = {})
    {
        for (const PeriodRate &r : rows)
            if (r.period.label == period && r.group == group)
                return r;
        qFatal("no row %s/%s", qPrintable(period), qPrintable(group));
    }

private slots:
    void initTestCase()
    {
        try {
            buildFixture();
        } catch (const Error &e) {
            QFAIL(qPrintable(e.message()));
        }
    }

    void yearRateCountsEveryRule()
    {
        const Snapshot s = snapshot(d(2024, 12, 31));
        const auto rows = periodRates(s, periods(Granularity::Year, d(2024, 1, 1), d(2024, 12, 31)), GroupBy::None);
        QCOMPARE(rows.size(), 1);
        const PeriodRate &r = rows.first();
        // Offenses of 2024: C2 3 + C3 1 + C4 1 + C5 2 + C7 1 = 8, in 5 incidents.
        QCOMPARE(r.offenses, 8);
        QCOMPARE(r.incidents, 5);
        // C3 unfounded in April: it leaves the count of 2024.
        QCOMPARE(r.unfounded, 1);
        // Clearances recorded in 2024: C1 +1 arrest (Feb, a 2023 offense), C2 +3 arrest (Mar),
        // C4 +1 exceptional A (Mar), -1 withdrawn by the reopening (May), +1 arrest (Jul),
        // C6 +1 exceptional B (Aug, a 2022 offense).
        QCOMPARE(r.cleared.byArrest, 5);
        QCOMPARE(r.cleared.exceptionally, 1);
        QCOMPARE(r.cleared.byCode[0], 0); // A: cleared then withdrawn
        QCOMPARE(r.cleared.byCode[1], 1); // B
        QCOMPARE(r.clearedThisPeriodOffenses, 4); // C2 3 + C4 net 1
        QCOMPARE(r.clearedEarlierOffenses, 2);    // C1 (2023) + C6 (2022)
        QCOMPARE(r.oldestOffenseYear, std::optional<int>(2022));
        // 6 / (8 - 1)
        QCOMPARE(*r.rate(), 6.0 / 7.0);
        QCOMPARE(*r.arrestRate(), 5.0 / 7.0);
    }

    void monthlyRatesIncludingAboveOneHundredPercent()
    {
        const Snapshot s = snapshot(d(2024, 12, 31));
        const auto rows = periodRates(s, periods(Granularity::Month, d(2024, 1, 1), d(2024, 12, 31)), GroupBy::None);
        QCOMPARE(rows.size(), 12);
        // February: one offense (C3), one clearance of a 2023 offense (C1): 1 / 1.
        QCOMPARE(row(rows, QStringLiteral("2024-02")).cleared.total(), 1);
        QCOMPARE(*row(rows, QStringLiteral("2024-02")).rate(), 1.0);
        QCOMPARE(row(rows, QStringLiteral("2024-02")).oldestOffenseYear, std::optional<int>(2023));
        // March: one offense (C4), four clearances (C2's three victims, C4): 400%.
        const PeriodRate &mar = row(rows, QStringLiteral("2024-03"));
        QCOMPARE(mar.offenses, 1);
        QCOMPARE(mar.cleared.byArrest, 3);
        QCOMPARE(mar.cleared.exceptionally, 1);
        QCOMPARE(*mar.rate(), 4.0);
        // April: no offenses, one unfounded: the denominator is negative, so there is no rate.
        const PeriodRate &apr = row(rows, QStringLiteral("2024-04"));
        QCOMPARE(apr.unfounded, 1);
        QVERIFY(!apr.rate());
        // May: C5's two offenses; C4's March clearance withdrawn (an earlier period's offense).
        const PeriodRate &may = row(rows, QStringLiteral("2024-05"));
        QCOMPARE(may.offenses, 2);
        QCOMPARE(may.cleared.exceptionally, -1);
        QCOMPARE(may.cleared.byCode[0], -1);
        QCOMPARE(may.clearedEarlierOffenses, -1);
        QCOMPARE(*may.rate(), -0.5);
        // July: C4 cleared by arrest, a March offense; no offenses in July, so no rate.
        const PeriodRate &jul = row(rows, QStringLiteral("2024-07"));
        QCOMPARE(jul.cleared.byArrest, 1);
        QCOMPARE(jul.clearedEarlierOffenses, 1);
        QVERIFY(!jul.rate());
        // The months add up to the year.
        std::int64_t cleared = 0, offenses = 0, unfounded = 0;
        for (const PeriodRate &r : rows) {
            cleared += r.cleared.total();
            offenses += r.offenses;
            unfounded += r.unfounded;
        }
        QCOMPARE(cleared, 6);
        QCOMPARE(offenses, 8);
        QCOMPARE(unfounded, 1);
    }

    void asOfHidesLaterEvents()
    {
        // As of 2024-03-10, C2's March 1 clearance has happened, C4's March 20 one has not.
        const Snapshot s = snapshot(d(2024, 3, 10));
        const auto rows = periodRates(s, periods(Granularity::Month, d(2024, 3, 1), d(2024, 3, 31)), GroupBy::None);
        QCOMPARE(rows.first().cleared.total(), 3);
        QCOMPARE(rows.first().offenses, 1); // C4 on 03-05
    }

    void groupedByVictimSexSplitsAThreeVictimCase()
    {
        const Snapshot s = snapshot(d(2024, 12, 31));
        const auto rows = periodRates(s, periods(Granularity::Month, d(2024, 3, 1), d(2024, 3, 31)), GroupBy::VictimSex);
        // March clearances: C2 male, male, female (arrest), C4 male (exceptional).
        QCOMPARE(row(rows, QStringLiteral("2024-03"), QStringLiteral("male")).cleared.total(), 3);
        QCOMPARE(row(rows, QStringLiteral("2024-03"), QStringLiteral("female")).cleared.total(), 1);
    }

    void cohortRates_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QDate>("asOf");
        QTest::addColumn<int>("offenses");
        QTest::addColumn<int>("arrest");
        QTest::addColumn<int>("exceptional");
        QTest::addColumn<int>("open");
        // 2024 as of year end: C2 3 arrest, C4 1 arrest, C5 2 open, C7 1 open; C3 unfounded is out.
        QTest::newRow("2024 at year end") << d(2024, 1, 1) << d(2024, 12, 31) << d(2024, 12, 31) << 7 << 4 << 0 << 3;
        // As of 03-31: C2 3 arrest, C3 still open, C4 exceptional; C5 and C7 not yet.
        QTest::newRow("2024 at 03-31") << d(2024, 1, 1) << d(2024, 12, 31) << d(2024, 3, 31) << 5 << 3 << 1 << 1;
        // As of 05-10: C3 unfounded (out), C4 reopened (open), C5 not yet.
        QTest::newRow("2024 at 05-10") << d(2024, 1, 1) << d(2024, 12, 31) << d(2024, 5, 10) << 4 << 3 << 0 << 1;
        QTest::newRow("2023 at year end 2024") << d(2023, 1, 1) << d(2023, 12, 31) << d(2024, 12, 31) << 1 << 1 << 0 << 0;
        QTest::newRow("2023 before its clearance") << d(2023, 1, 1) << d(2023, 12, 31) << d(2024, 1, 31) << 1 << 0 << 0 << 1;
    }

    void cohortRates()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QDate, asOf);
        QFETCH(int, offenses);
        QFETCH(int, arrest);
        QFETCH(int, exceptional);
        QFETCH(int, open);
        const Snapshot s = snapshot(asOf);
        const auto rows = stats::cohortRates(s, {Period{QStringLiteral("p"), from, to}}, GroupBy::None, asOf);
        QCOMPARE(rows.size(), 1);
        const CohortRate &r = rows.first();
        QCOMPARE(r.offenses, offenses);
        QCOMPARE(r.cleared.byArrest, arrest);
        QCOMPARE(r.cleared.exceptionally, exceptional);
        QCOMPARE(r.open, open);
        QCOMPARE(r.asOf, asOf);
        if (offenses > 0)
            QCOMPARE(*r.rate(), double(arrest + exceptional) / offenses);
    }

    void cohortNeverAboveOneHundredPercent()
    {
        // Every month and year of the fixture, at every month end: the cohort rate stays in [0, 1],
        // and cleared + open = offenses.
        for (QDate asOf = d(2022, 6, 30); asOf <= d(2025, 1, 31); asOf = asOf.addMonths(1)) {
            const Snapshot s = snapshot(asOf);
            for (Granularity g : {Granularity::Month, Granularity::Year}) {
                for (const CohortRate &r : stats::cohortRates(s, periods(g, d(2022, 1, 1), d(2024, 12, 31)), GroupBy::Area, asOf)) {
                    QCOMPARE(r.cleared.total() + r.open, r.offenses);
                    if (const auto rate = r.rate()) {
                        QVERIFY(*rate >= 0.0);
                        QVERIFY2(*rate <= 1.0, qPrintable(r.period.label));
                    }
                }
            }
        }
    }

    void kaplanMeierWithCensoring()
    {
        // 2024 offenses as of 2024-12-31, C3 (unfounded) left out:
        //   C2 x3 cleared after 46 days (01-15 -> 03-01, 2024 is a leap year)
        //   C4 cleared after 118 days (03-05 -> 07-01; its final clearance)
        //   C7 open, censored after 60 days (11-01 -> 12-31)
        //   C5 x2 open, censored after 225 days (05-20 -> 12-31)
        // KM: day 46: 7 at risk, 3 cleared -> S = 4/7; day 60: one censored;
        //     day 118: 3 at risk, 1 cleared -> S = 4/7 * 2/3 = 8/21; day 225: two censored.
        const Snapshot s = snapshot(d(2024, 12, 31));
        const auto result = timeToClear(s, d(2024, 1, 1), d(2024, 12, 31), GroupBy::None, d(2024, 12, 31));
        QCOMPARE(result.size(), 1);
        const TimeToClear &t = result.first();
        QCOMPARE(t.offenses, 7);
        QCOMPARE(t.cleared, 4);
        QCOMPARE(t.curve.size(), 4);
        QCOMPARE(t.curve[0].day, 46);
        QCOMPARE(t.curve[0].atRisk, 7);
        QCOMPARE(t.curve[0].cleared, 3);
        QCOMPARE(t.curve[0].survival, 4.0 / 7.0);
        QCOMPARE(t.curve[1].day, 60);
        QCOMPARE(t.curve[1].censored, 1);
        QCOMPARE(t.curve[1].survival, 4.0 / 7.0);
        QCOMPARE(t.curve[2].day, 118);
        QCOMPARE(t.curve[2].atRisk, 3);
        QCOMPARE(t.curve[2].survival, 8.0 / 21.0);
        QCOMPARE(t.curve[3].day, 225);
        QCOMPARE(t.curve[3].censored, 2);
        QCOMPARE(t.medianDays, std::optional<int>(118)); // the first day S <= 0.5
        QCOMPARE(t.clearedWithin(2), 0.0);
        QCOMPARE(t.clearedWithin(30), 0.0);
        QCOMPARE(t.clearedWithin(100), 3.0 / 7.0);
        QCOMPARE(t.clearedWithin(365), 13.0 / 21.0);
    }

    void caseloadWithReassignments_data()
    {
        QTest::addColumn<QDate>("asOf");
        QTest::addColumn<QString>("badge");
        QTest::addColumn<int>("openPrimary");
        QTest::addColumn<int>("openSecondary");
        QTest::addColumn<int>("newPrimary");
        QTest::addColumn<int>("openLeads");
        QTest::addColumn<int>("overdueLeads");
        QTest::addColumn<int>("stale");
        // Year end: A holds C7 (reassigned to A on 12-01; C4 went to B, C2 is cleared);
        // B holds C5 (C4 and C6 cleared); C holds C5 as secondary. New primaries since 2024-01-01:
        // A: C2, C4, C7; B: C5, C4 (reassigned); C: C7. Leads: B's canvass lead overdue since
        // 06-15; A's phone lead due in January. Stale (no activity since 12-02): C5 (last 06-10).
        QTest::newRow("A at year end") << d(2024, 12, 31) << QStringLiteral("1001") << 1 << 0 << 3 << 1 << 0 << 0;
        QTest::newRow("B at year end") << d(2024, 12, 31) << QStringLiteral("1002") << 1 << 0 << 2 << 1 << 1 << 1;
        QTest::newRow("C at year end") << d(2024, 12, 31) << QStringLiteral("1003") << 0 << 1 << 1 << 0 << 0 << 0;
        // Mid-year, 06-05: A had C4 until 06-01; B holds C4, C5 and C6 (the 2022 case, cleared only
        // in August, untouched since 2022: stale); C's video lead (due 06-01, done 06-10) is open
        // and overdue. New primaries since 2023-06-05: A: C2, C4; B: C5, C4; C: C1 (2023-11-10).
        QTest::newRow("A on 06-05") << d(2024, 6, 5) << QStringLiteral("1001") << 0 << 0 << 2 << 0 << 0 << 0;
        QTest::newRow("B on 06-05") << d(2024, 6, 5) << QStringLiteral("1002") << 3 << 0 << 2 << 1 << 0 << 1;
        QTest::newRow("C on 06-05") << d(2024, 6, 5) << QStringLiteral("1003") << 0 << 1 << 1 << 1 << 1 << 0;
    }

    void caseloadWithReassignments()
    {
        QFETCH(QDate, asOf);
        QFETCH(QString, badge);
        QFETCH(int, openPrimary);
        QFETCH(int, openSecondary);
        QFETCH(int, newPrimary);
        QFETCH(int, openLeads);
        QFETCH(int, overdueLeads);
        QFETCH(int, stale);
        const auto rows = caseload(m_fx->file->db(), asOf, CaseloadOptions{});
        const auto it = std::find_if(rows.begin(), rows.end(), [&](const Caseload &c) { return c.badge == badge; });
        QVERIFY(it != rows.end());
        QCOMPARE(it->openPrimary, openPrimary);
        QCOMPARE(it->openSecondary, openSecondary);
        QCOMPARE(it->newPrimary12Months, newPrimary);
        QCOMPARE(it->openLeads, openLeads);
        QCOMPARE(it->overdueLeads, overdueLeads);
        QCOMPARE(it->staleCases, stale);
        QCOMPARE(it->overGuideline, newPrimary > 5);
    }

    void guidelineIsConfigurable()
    {
        const auto rows = caseload(m_fx->file->db(), d(2024, 12, 31), CaseloadOptions{2, 30});
        const auto a = std::find_if(rows.begin(), rows.end(), [](const Caseload &c) { return c.badge == QLatin1String("1001"); });
        QVERIFY(a->overGuideline); // 3 new primaries > 2
    }

    void periodsCoverTheRange()
    {
        const auto q = periods(Granularity::Quarter, d(2024, 2, 10), d(2024, 8, 1));
        QCOMPARE(q.size(), 3);
        QCOMPARE(q[0].label, QStringLiteral("2024-Q1"));
        QCOMPARE(q[0].from, d(2024, 2, 10));
        QCOMPARE(q[2].to, d(2024, 8, 1));
        const auto r = periods(Granularity::Rolling12, d(2024, 3, 1), d(2024, 3, 31));
        QCOMPARE(r.size(), 1);
        QCOMPARE(r[0].from, d(2023, 4, 1));
        QCOMPARE(r[0].to, d(2024, 3, 31));
        const auto y = periods(Granularity::YearToDate, d(2024, 1, 1), d(2024, 3, 15));
        QCOMPARE(y.size(), 3);
        QCOMPARE(y[2].from, d(2024, 1, 1));
        QCOMPARE(y[2].to, d(2024, 3, 15));
    }

    // A restricted case counts in the unit's figures but under no detective's name for anyone
    // who may not see it (issue #4: "not in counts shown per detective"). Own small unit: Ada
    // (team T1) carries a public case P (since 02-01, lead due 12-01) and a restricted case R
    // (since 03-01, lead due 04-01: overdue at 06-30). Ada and her sergeant Sol see both; Ben
    // (T2), his sergeant Sam and Cora (command) see only P; the system sees everything.
    void restrictedCasesCountForNoOutsider_data()
    {
        QTest::addColumn<QString>("reader"); // a badge, or empty for the system
        QTest::addColumn<bool>("seesRestricted");
        QTest::newRow("system") << QString() << true;
        QTest::newRow("assigned detective") << QStringLiteral("1001") << true;
        QTest::newRow("her sergeant") << QStringLiteral("2001") << true;
        QTest::newRow("other team's detective") << QStringLiteral("1002") << false;
        QTest::newRow("other team's sergeant") << QStringLiteral("2002") << false;
        QTest::newRow("command") << QStringLiteral("3001") << false;
    }

    void restrictedCasesCountForNoOutsider()
    {
        QFETCH(QString, reader);
        QFETCH(bool, seesRestricted);
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        CaseStore &s = *fx.store;
        fx.clock.set(QDateTime(d(2024, 1, 2), QTime(12, 0), Qt::UTC));
        QHash<QString, Id> ids;
        const auto member = [&](const QString &name, const QString &badge, const QString &team, Role role) {
            ids[badge] = s.addMember({0, name, badge, {}, team, role, true});
        };
        member(QStringLiteral("Ada Alvarez"), QStringLiteral("1001"), QStringLiteral("T1"), Role::Detective);
        member(QStringLiteral("Ben Brooks"), QStringLiteral("1002"), QStringLiteral("T2"), Role::Detective);
        member(QStringLiteral("Sol Sergeant"), QStringLiteral("2001"), QStringLiteral("T1"), Role::Sergeant);
        member(QStringLiteral("Sam Sergeant"), QStringLiteral("2002"), QStringLiteral("T2"), Role::Sergeant);
        member(QStringLiteral("Cora Command"), QStringLiteral("3001"), QString(), Role::Command);
        const auto openCase = [&](const QString &number, const QDate &date, const QDate &due) {
            fx.clock.set(QDateTime(date, QTime(12, 0), Qt::UTC));
            CaseRecord c;
            c.caseNumber = number;
            c.incidentDate = date;
            const Id id = s.createCase(c, {Victim{}});
            s.assign(id, ids[QStringLiteral("1001")], AssignmentRole::Primary, date, QStringLiteral("on call"));
            Lead l;
            l.caseId = id;
            l.description = QStringLiteral("canvass the block");
            l.assigneeId = ids[QStringLiteral("1001")];
            l.createdDate = date;
            l.dueDate = due;
            s.addLead(l);
            return id;
        };
        openCase(QStringLiteral("P"), d(2024, 2, 1), d(2024, 12, 1));
        const Id r = openCase(QStringLiteral("R"), d(2024, 3, 1), d(2024, 4, 1));
        s.setRestricted(r, true);

        Reader who;
        if (!reader.isEmpty())
            who.memberId = ids[reader];
        const QDate asOf = d(2024, 6, 30);
        const auto rows = caseload(fx.file->db(), asOf, CaseloadOptions{}, who);
        const auto ada = std::find_if(rows.begin(), rows.end(), [](const Caseload &c) { return c.badge == u"1001"; });
        QVERIFY(ada != rows.end());
        QCOMPARE(ada->openPrimary, seesRestricted ? 2 : 1);
        QCOMPARE(ada->newPrimary12Months, seesRestricted ? 2 : 1);
        QCOMPARE(ada->openLeads, seesRestricted ? 2 : 1);
        QCOMPARE(ada->overdueLeads, seesRestricted ? 1 : 0);

        // By primary detective: R is Ada's only for insiders; for the others it is one
        // "restricted" group. The unit's total is 2 offenses either way.
        const Snapshot snap = Snapshot::load(fx.file->db(), asOf, who);
        const auto groups = stats::cohortRates(snap, periods(Granularity::Year, d(2024, 1, 1), asOf), GroupBy::PrimaryDetective, asOf);
        QHash<QString, qint64> offenses;
        qint64 total = 0;
        for (const CohortRate &g : groups) {
            offenses[g.group] += g.offenses;
            total += g.offenses;
        }
        QCOMPARE(total, 2);
        QCOMPARE(offenses.value(QStringLiteral("Ada Alvarez")), seesRestricted ? 2 : 1);
        QCOMPARE(offenses.value(QStringLiteral("restricted")), seesRestricted ? 0 : 1);
        const auto unit = stats::cohortRates(snap, periods(Granularity::Year, d(2024, 1, 1), asOf), GroupBy::None, asOf);
        QCOMPARE(unit.value(0).offenses, 2);
    }

    void rollingWindowsOverlap()
    {
        // The rolling 12 months ending 2024-03-31 hold C2, C3, C4 (3 + 1 + 1 offenses) and
        // C1's Feb clearance + C2 x3 + C4 in March = 5 clearances; 0 unfounded yet (April).
        const Snapshot s = snapshot(d(2024, 12, 31));
        const auto rows = periodRates(s, periods(Granularity::Rolling12, d(2024, 3, 1), d(2024, 4, 30)), GroupBy::None);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].offenses, 6); // C1 (2023-11-10) is inside the window too
        QCOMPARE(rows[0].cleared.total(), 5);
        QCOMPARE(rows[1].unfounded, 1);
    }
};

void TestStatistics::buildFixture()
    {
    QVERIFY(m_dir.isValid());
    m_fx = std::make_unique<test::Fixture>(m_dir.path());
    at(d(2022, 1, 3));
    m_a = store().addMember({0, QStringLiteral("Ada Alvarez"), QStringLiteral("1001"), {}, QStringLiteral("T1"), Role::Detective, true});
    m_b = store().addMember({0, QStringLiteral("Ben Brooks"), QStringLiteral("1002"), {}, QStringLiteral("T1"), Role::Detective, true});
    m_c = store().addMember({0, QStringLiteral("Cy Chen"), QStringLiteral("1003"), {}, QStringLiteral("T1"), Role::Detective, true});
    m_sgt = store().addMember({0, QStringLiteral("Sol Sergeant"), QStringLiteral("2001"), {}, QStringLiteral("T1"), Role::Sergeant, true});

    // C6: a 2022 offense cleared exceptionally (B) in August 2024.
    m_c6 = newCase(QStringLiteral("C6"), d(2022, 6, 1), {Sex::Male}, QStringLiteral("North"));
    store().assign(m_c6, m_b, AssignmentRole::Primary, d(2022, 6, 1), QStringLiteral("on call"));
    // C1: a November 2023 offense, cleared by arrest on 2024-02-05.
    m_c1 = newCase(QStringLiteral("C1"), d(2023, 11, 10), {Sex::Male}, QStringLiteral("North"));
    store().assign(m_c1, m_c, AssignmentRole::Primary, d(2023, 11, 10), QStringLiteral("on call"));
    // C2: three victims on 2024-01-15, cleared by arrest on 2024-03-01.
    m_c2 = newCase(QStringLiteral("C2"), d(2024, 1, 15), {Sex::Male, Sex::Male, Sex::Female}, QStringLiteral("South"));
    store().assign(m_c2, m_a, AssignmentRole::Primary, d(2024, 1, 15), QStringLiteral("on call"));
    arrestAndClear(m_c1, d(2024, 2, 5), m_c);
    // C3: a death on 2024-02-10, unfounded on 2024-04-01 (accidental overdose).
    m_c3 = newCase(QStringLiteral("C3"), d(2024, 2, 10), {Sex::Female}, QStringLiteral("South"));
    arrestAndClear(m_c2, d(2024, 3, 1), m_a);
    // C4: 2024-03-05, cleared exceptionally (A) 03-20, reopened 05-02, reassigned 06-01, cleared by arrest 07-01.
    m_c4 = newCase(QStringLiteral("C4"), d(2024, 3, 5), {Sex::Male}, QStringLiteral("South"));
    store().assign(m_c4, m_a, AssignmentRole::Primary, d(2024, 3, 5), QStringLiteral("on call"));
    clearExceptionally(m_c4, d(2024, 3, 20), ExceptionalCode::A, m_a);
    at(d(2024, 4, 1));
    store().markUnfounded(m_c3, d(2024, 4, 1), QStringLiteral("medical examiner: accidental overdose"));
    at(d(2024, 5, 2));
    store().reopen(m_c4, d(2024, 5, 2), QStringLiteral("offender alive: misidentified body"));
    // C5: two victims on 2024-05-20, open; B primary, C secondary.
    m_c5 = newCase(QStringLiteral("C5"), d(2024, 5, 20), {Sex::Male, Sex::Female}, QStringLiteral("North"));
    store().assign(m_c5, m_b, AssignmentRole::Primary, d(2024, 5, 20), QStringLiteral("on call"));
    at(d(2024, 5, 21));
    store().assign(m_c5, m_c, AssignmentRole::Secondary, d(2024, 5, 21), QStringLiteral("help with canvass"));
    Lead l1;
    l1.caseId = m_c5;
    l1.description = QStringLiteral("Canvass the 1200 block");
    l1.source = LeadSource::Canvass;
    l1.assigneeId = m_b;
    l1.createdDate = d(2024, 5, 21);
    l1.dueDate = d(2024, 6, 15);
    store().addLead(l1);
    at(d(2024, 5, 22));
    Lead l3 = l1;
    l3.description = QStringLiteral("Pull the corner store video");
    l3.source = LeadSource::Video;
    l3.assigneeId = m_c;
    l3.createdDate = d(2024, 5, 22);
    l3.dueDate = d(2024, 6, 1);
    l3.id = store().addLead(l3);
    at(d(2024, 6, 1));
    store().assign(m_c4, m_b, AssignmentRole::Primary, d(2024, 6, 1), QStringLiteral("workload balancing"));
    at(d(2024, 6, 10));
    l3.status = LeadStatus::Completed;
    l3.completedDate = d(2024, 6, 10);
    l3.result = QStringLiteral("video shows two people");
    store().updateLead(l3);
    arrestAndClear(m_c4, d(2024, 7, 1), m_b);
    clearExceptionally(m_c6, d(2024, 8, 15), ExceptionalCode::B, m_b);
    // C7: 2024-11-01, open; C primary, reassigned to A on 12-01; a note on 12-20.
    m_c7 = newCase(QStringLiteral("C7"), d(2024, 11, 1), {Sex::Male}, QStringLiteral("North"));
    store().assign(m_c7, m_c, AssignmentRole::Primary, d(2024, 11, 1), QStringLiteral("on call"));
    at(d(2024, 12, 1));
    store().assign(m_c7, m_a, AssignmentRole::Primary, d(2024, 12, 1), QStringLiteral("Cy Chen on leave"));
    Lead l2 = l1;
    l2.caseId = m_c7;
    l2.description = QStringLiteral("Phone records");
    l2.source = LeadSource::Forensic;
    l2.assigneeId = m_a;
    l2.createdDate = d(2024, 12, 1);
    l2.dueDate = d(2025, 1, 15);
    store().addLead(l2);
    at(d(2024, 12, 20));
    store().addNote(m_c7, QStringLiteral("Spoke with the victim's sister."));
}

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
