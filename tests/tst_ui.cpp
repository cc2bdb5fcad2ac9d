#include "TestSupport.h"

#include "model/demo/DemoGenerator.h"
#include "model/storage/Error.h"
#include "ui/CaseFilterProxy.h"
#include "ui/CaseListModel.h"
#include "ui/CaseListView.h"
#include "ui/CaseSummaryDialog.h"
#include "ui/DemoCaseFile.h"
#include "ui/DemoFile.h"
#include "ui/MainWindow.h"
#include "ui/RecoveryKeyDialog.h"
#include "ui/RelativeTime.h"
#include "ui/SessionController.h"
#include "ui/UnlockWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

using namespace cb;
using namespace cb::ui;

namespace {

QDateTime utc(int y, int m, int d, int h = 12)
{
    return QDateTime(QDate(y, m, d), QTime(h, 0), QTimeZone::utc());
}

Victim victim(const QString &name)
{
    Victim v;
    v.name = name;
    return v;
}

CaseRecord caseRecord(const QString &number, const QDate &date, const QString &area, Weapon weapon)
{
    CaseRecord c;
    c.caseNumber = number;
    c.incidentDate = date;
    c.area = area;
    c.address = QStringLiteral("100 block Example Ave");
    c.district = QStringLiteral("3");
    c.weapon = weapon;
    return c;
}

Lead lead(Id caseId, const QDate &created, const QDate &due, LeadStatus status = LeadStatus::Open)
{
    Lead l;
    l.caseId = caseId;
    l.description = QStringLiteral("Canvass the block");
    l.createdDate = created;
    l.dueDate = due;
    l.status = status;
    if (status == LeadStatus::Completed)
        l.completedDate = created;
    return l;
}

// Five cases, each built at its own simulated time so that "last activity" differs, on a file
// whose "today" is 2024-06-15. What each filter and sort must give is worked out by hand below
// from this table:
//
//   case         incident    victims  status                    primary     area     open/overdue leads  built on
//   HZ-2024-001  2024-03-02   1       open                      Dana Reyes  South    2 / 1               2024-06-14
//   HZ-2024-002  2024-01-15   3       cleared by arrest         Sam Okafor  North    0 / 0               2024-05-01
//   HZ-2023-117  2023-11-30   2       cleared exceptionally     Dana Reyes  West     0 / 0               2024-06-12
//   HZ-2024-004  2024-05-20  12       open                      Lee Park    Central  3 / 2               2024-05-25
//   HZ-2024-005  2024-04-08   4       unfounded                 (none)      South    0 / 0               2024-06-15
struct UnitData {
    explicit UnitData(const QString &dir, const QString &name = QStringLiteral("unit.caseboard")) : fx(dir, name)
    {
        CaseStore &s = *fx.store;
        const Id reyes = s.addMember({0, QStringLiteral("Dana Reyes"), QStringLiteral("D-101"),
                                      QStringLiteral("Detective"), QStringLiteral("Team 1"), Role::Detective, true});
        const Id okafor = s.addMember({0, QStringLiteral("Sam Okafor"), QStringLiteral("D-102"),
                                       QStringLiteral("Detective"), QStringLiteral("Team 1"), Role::Detective, true});
        const Id park = s.addMember({0, QStringLiteral("Lee Park"), QStringLiteral("D-103"),
                                     QStringLiteral("Detective"), QStringLiteral("Team 2"), Role::Detective, true});

        fx.clock.set(utc(2024, 5, 1));
        const Id c2 = s.createCase(caseRecord(QStringLiteral("HZ-2024-002"), QDate(2024, 1, 15), QStringLiteral("North"),
                                              Weapon::Knife),
                                   {victim(QStringLiteral("Ana Ortiz")), victim(QStringLiteral("Luis Ortiz")),
                                    victim(QStringLiteral("Carmen Ortiz"))});
        s.assign(c2, okafor, AssignmentRole::Primary, QDate(2024, 1, 15), QStringLiteral("on call"));
        CasePerson suspect;
        suspect.caseId = c2;
        suspect.name = QStringLiteral("Rob Vance");
        const Id person = s.addPerson(suspect);
        s.addArrest({0, c2, person, QDate(2024, 2, 19), QStringLiteral("first degree murder"), okafor, false,
                     std::nullopt, {}});
        s.clearByArrest(c2, QDate(2024, 2, 20), okafor);

        fx.clock.set(utc(2024, 5, 25));
        QList<Victim> fire;
        for (int i = 1; i <= 12; ++i)
            fire << victim(QStringLiteral("Resident %1").arg(i));
        const Id c4 = s.createCase(
            caseRecord(QStringLiteral("HZ-2024-004"), QDate(2024, 5, 20), QStringLiteral("Central"), Weapon::Fire), fire);
        s.assign(c4, park, AssignmentRole::Primary, QDate(2024, 5, 20), QStringLiteral("on call"));
        s.addLead(lead(c4, QDate(2024, 5, 21), QDate(2024, 5, 24)));
        s.addLead(lead(c4, QDate(2024, 5, 21), QDate(2024, 6, 10), LeadStatus::InProgress));
        s.addLead(lead(c4, QDate(2024, 5, 22), QDate()));

        fx.clock.set(utc(2024, 6, 12));
        const Id c3 = s.createCase(caseRecord(QStringLiteral("HZ-2023-117"), QDate(2023, 11, 30), QStringLiteral("West"),
                                              Weapon::Handgun),
                                   {victim(QStringLiteral("Tom Baker")), victim(QStringLiteral("Jill Baker"))});
        s.assign(c3, reyes, AssignmentRole::Primary, QDate(2023, 11, 30), QStringLiteral("on call"));
        ExceptionalClearance ex;
        ex.code = ExceptionalCode::A;
        ex.offenderIdentified = ex.evidenceSufficient = ex.locationKnown = ex.beyondControl = true;
        ex.reason = QStringLiteral("The offender died before arrest.");
        s.clearExceptionally(c3, QDate(2024, 1, 10), reyes, ex);

        fx.clock.set(utc(2024, 6, 14));
        const Id c1 = s.createCase(
            caseRecord(QStringLiteral("HZ-2024-001"), QDate(2024, 3, 2), QStringLiteral("South"), Weapon::Handgun),
            {victim(QStringLiteral("Marcus Hale"))});
        s.assign(c1, reyes, AssignmentRole::Primary, QDate(2024, 3, 3), QStringLiteral("on call"));
        s.addLead(lead(c1, QDate(2024, 5, 1), QDate(2024, 6, 1)));
        s.addLead(lead(c1, QDate(2024, 6, 1), QDate(2024, 7, 1)));
        s.addLead(lead(c1, QDate(2024, 4, 1), QDate(2024, 5, 1), LeadStatus::Completed));

        fx.clock.set(utc(2024, 6, 15));
        const Id c5 = s.createCase(caseRecord(QStringLiteral("HZ-2024-005"), QDate(2024, 4, 8), QStringLiteral("South"),
                                              Weapon::Unknown),
                                   {victim(QStringLiteral("Nora Quill")), victim(QStringLiteral("Abel Quill")),
                                    victim(QStringLiteral("Ida Quill")), victim(QStringLiteral("Otto Quill"))});
        s.markUnfounded(c5, QDate(2024, 4, 30), QStringLiteral("Carbon monoxide accident, per the medical examiner."));
    }
    test::Fixture fx;
};

// About forty invented cases over the year to 2024-06-15, for the screenshots.
void buildShowcase(CaseStore &s, FixedClock &clock)
{
    const QDate today(2024, 6, 15);
    clock.set(utc(2023, 1, 2));
    const QStringList detectives = {QStringLiteral("Dana Reyes"),  QStringLiteral("Sam Okafor"),
                                    QStringLiteral("Lee Park"),    QStringLiteral("Ruth Calloway"),
                                    QStringLiteral("Victor Amato"), QStringLiteral("Grace Whitfield")};
    QList<Id> members;
    for (int i = 0; i < detectives.size(); ++i)
        members << s.addMember({0, detectives.at(i), QStringLiteral("D-%1").arg(201 + i), QStringLiteral("Detective"),
                                QStringLiteral("Team %1").arg(1 + i % 2), Role::Detective, true});
    const QStringList first = {QStringLiteral("Andre"), QStringLiteral("Maya"),  QStringLiteral("Tobias"),
                               QStringLiteral("Lena"),  QStringLiteral("Jamal"), QStringLiteral("Rosa"),
                               QStringLiteral("Felix"), QStringLiteral("Nadia"), QStringLiteral("Curtis"),
                               QStringLiteral("Irene"), QStringLiteral("Omar"),  QStringLiteral("Hazel")};
    const QStringList last = {QStringLiteral("Brennan"), QStringLiteral("Castillo"), QStringLiteral("Dupree"),
                              QStringLiteral("Eklund"),  QStringLiteral("Fairbanks"), QStringLiteral("Galvan"),
                              QStringLiteral("Holloway"), QStringLiteral("Ivers"),   QStringLiteral("Jessup"),
                              QStringLiteral("Kowal"),    QStringLiteral("Lindqvist"), QStringLiteral("Marsh")};
    const QStringList areas = {QStringLiteral("North"), QStringLiteral("South"), QStringLiteral("East"),
                               QStringLiteral("West"), QStringLiteral("Central")};
    const QList<Weapon> weapons = {Weapon::Handgun, Weapon::Handgun, Weapon::Handgun, Weapon::Knife,
                                   Weapon::Rifle,   Weapon::BluntObject, Weapon::Hands, Weapon::Shotgun};
    quint32 seed = 7;
    auto next = [&seed](int n) {
        seed = seed * 1103515245u + 12345u;
        return static_cast<int>((seed >> 16) % static_cast<quint32>(n));
    };
    int nameIndex = 0;
    for (int i = 0; i < 40; ++i) {
        const QDate incident = today.addDays(-(2 + i * 9 + next(6)));
        const QDate lastDay = std::min(today, incident.addDays(1 + next(60)));
        clock.set(QDateTime(lastDay, QTime(9 + next(9), next(60)), QTimeZone::utc()));
        CaseRecord c = caseRecord(QStringLiteral("HZ-%1-%2").arg(incident.year() % 100).arg(140 - i, 4, 10, QLatin1Char('0')),
                                  incident, areas.at(next(areas.size())), weapons.at(next(weapons.size())));
        c.district = QString::number(1 + next(12));
        QList<Victim> victims;
        const int count = next(10) == 0 ? 2 + next(2) : 1;
        for (int v = 0; v < count; ++v) {
            Victim victim;
            victim.name = first.at(nameIndex % first.size()) + QLatin1Char(' ') + last.at((nameIndex * 5 + 3) % last.size());
            victim.age = 16 + next(50);
            ++nameIndex;
            victims << victim;
        }
        const Id id = s.createCase(c, victims);
        const Id detective = members.at(next(members.size()));
        if (next(12) != 0)
            s.assign(id, detective, AssignmentRole::Primary, incident, QStringLiteral("on call"));
        const int fate = next(20);
        const bool closed = fate <= 7 && incident.daysTo(lastDay) >= 2;
        const int leads = next(6);
        for (int l = 0; l < leads; ++l) {
            const QDate created = incident.addDays(next(std::max<int>(1, static_cast<int>(incident.daysTo(lastDay)))));
            Lead lead = ::lead(id, created, created.addDays(10 + next(90)));
            lead.assigneeId = detective;
            if (closed || next(2) == 0) {
                lead.status = LeadStatus::Completed;
                lead.completedDate = created;
            }
            s.addLead(lead);
        }
        if (closed && fate < 6) {
            CasePerson suspect;
            suspect.caseId = id;
            suspect.name = QStringLiteral("Suspect %1").arg(i + 1);
                const Id person = s.addPerson(suspect);
            const QDate arrest = incident.addDays(1);
            s.addArrest({0, id, person, arrest, QStringLiteral("first degree murder"), detective, false, std::nullopt, {}});
            s.clearByArrest(id, arrest.addDays(1), detective);
        } else if (closed && fate == 6) {
            ExceptionalClearance ex;
            ex.code = ExceptionalCode::A;
            ex.offenderIdentified = ex.evidenceSufficient = ex.locationKnown = ex.beyondControl = true;
            ex.reason = QStringLiteral("The offender died before arrest.");
            s.clearExceptionally(id, lastDay, detective, ex);
        } else if (closed) {
            s.markUnfounded(id, lastDay, QStringLiteral("Ruled an accident by the medical examiner."));
        }
    }
    clock.set(QDateTime(today, QTime(17, 0), QTimeZone::utc()));
}

QStringList caseNumbers(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, CaseListModel::CaseNumber).data().toString();
    return out;
}

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace

class TestUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void daysAgo_data();
    void daysAgo();

    void modelsUnderTester();
    void modelShowsSummaries();
    void sortsByValue_data();
    void sortsByValue();
    void filters_data();
    void filters();
    void countLabelAndEmptyStates();

    void wrongPassphraseKeepsWindowAndFile();
    void rightPassphraseOpensMainWindowAndLockCloses();
    void createRefusesShortPassphrase();
    void createRefusesMismatch();
    void createOpensEmptyCaseFile();
    void demoIsCreatedFilledAndReopened();
    void emptyDemoIsFilled();
    void demoButtonOpensMainWindow();
    void demoErrorIsShownInline();
    void summaryDialogShowsHistory();

    void screenshots();

private:
    QString dir() const { return m_dir->path(); }
    std::unique_ptr<QTemporaryDir> m_dir;
    // The five cases of UnitData, built once for the tests that only read them.
    QTemporaryDir m_unitDir;
    std::unique_ptr<UnitData> m_unit;
};

void TestUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Test mode puts every run's settings and demo file under ~/.qttest; a name of its own keeps
    // this run apart from any other build's tst_ui running at the same time.
    QCoreApplication::setOrganizationName(QStringLiteral("CaseBoardTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui-%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(m_unitDir.isValid());
    m_unit = std::make_unique<UnitData>(m_unitDir.path());
}

void TestUi::cleanupTestCase()
{
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QFile::remove(QSettings().fileName());
}

void TestUi::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings().clear();
    QFile::remove(demoFilePath());
}

void TestUi::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        w->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QFile::remove(demoFilePath());
    QFile::remove(demoFilePath() + QStringLiteral("-wal"));
    QFile::remove(demoFilePath() + QStringLiteral("-shm"));
}

void TestUi::daysAgo_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("expected");
    // today is 2024-06-15 in every row
    QTest::newRow("same day") << QDate(2024, 6, 15) << QStringLiteral("today");
    QTest::newRow("future") << QDate(2024, 6, 20) << QStringLiteral("today");
    QTest::newRow("one day") << QDate(2024, 6, 14) << QStringLiteral("yesterday");
    QTest::newRow("three days") << QDate(2024, 6, 12) << QStringLiteral("3 days ago");
    QTest::newRow("13 days") << QDate(2024, 6, 2) << QStringLiteral("13 days ago");
    QTest::newRow("14 days") << QDate(2024, 6, 1) << QStringLiteral("2 weeks ago");
    QTest::newRow("59 days") << QDate(2024, 4, 17) << QStringLiteral("8 weeks ago");
    QTest::newRow("60 days, one whole month") << QDate(2024, 4, 16) << QStringLiteral("a month ago");
    QTest::newRow("two whole months") << QDate(2024, 4, 15) << QStringLiteral("2 months ago");
    QTest::newRow("a day short of two years") << QDate(2022, 6, 16) << QStringLiteral("23 months ago");
    QTest::newRow("two years") << QDate(2022, 6, 15) << QStringLiteral("2 years ago");
    QTest::newRow("invalid") << QDate() << QString();
}

void TestUi::daysAgo()
{
    QFETCH(QDate, date);
    QFETCH(QString, expected);
    QCOMPARE(ui::daysAgo(date, QDate(2024, 6, 15)), expected);
}

void TestUi::modelsUnderTester()
{
    UnitData &data = *m_unit;
    CaseListModel model(data.fx.clock);
    CaseFilterProxy proxy;
    // Both testers watch from the start, so every later signal is checked.
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setCases(data.fx.store->caseSummaries());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(CaseListModel::ColumnCount));
    proxy.setSearchText(QStringLiteral("south"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.sort(CaseListModel::Victims, Qt::DescendingOrder);
    proxy.setSearchText({});
    proxy.setStatusFilter(CaseFilterProxy::StatusFilter::Open);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setOnlyOverdue(true);
    proxy.sort(CaseListModel::LastActivity, Qt::AscendingOrder);
    model.setCases(data.fx.store->caseSummaries().mid(0, 2));
    model.setCases({});
    QCOMPARE(proxy.rowCount(), 0);
}

void TestUi::modelShowsSummaries()
{
    UnitData &data = *m_unit;
    CaseListModel model(data.fx.clock);
    model.setCases(data.fx.store->caseSummaries());
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, CaseListModel::CaseNumber).data().toString() == QLatin1String("HZ-2024-002"))
            row = r;
    }
    QVERIFY(row >= 0);
    auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
    QCOMPARE(cell(CaseListModel::IncidentDate).toString(), QStringLiteral("2024-01-15"));
    QCOMPARE(cell(CaseListModel::Victims).toInt(), 3);
    const QString names = cell(CaseListModel::Victims, Qt::ToolTipRole).toString();
    QVERIFY2(names.contains(QLatin1String("Ana Ortiz")) && names.contains(QLatin1String("Luis Ortiz")) &&
                 names.contains(QLatin1String("Carmen Ortiz")),
             qPrintable(names));
    QCOMPARE(cell(CaseListModel::Status).toString(), QStringLiteral("Cleared by arrest"));
    QVERIFY(!cell(CaseListModel::Status, Qt::DecorationRole).isNull());
    QCOMPARE(cell(CaseListModel::PrimaryDetective).toString(), QStringLiteral("Sam Okafor"));
    QCOMPARE(cell(CaseListModel::Area).toString(), QStringLiteral("North"));
    QCOMPARE(cell(CaseListModel::Weapon).toString(), QStringLiteral("Knife or cutting instrument"));
    // Built on 2024-05-01, shown on 2024-06-15: 45 days.
    QCOMPARE(cell(CaseListModel::LastActivity).toString(), QStringLiteral("6 weeks ago"));
    QVERIFY(cell(CaseListModel::LastActivity, Qt::ToolTipRole).toString().contains(QLatin1String("2024")));
    QCOMPARE(cell(CaseListModel::OverdueLeads, Qt::BackgroundRole), QVariant());
    const auto alignment = cell(CaseListModel::IncidentDate, Qt::TextAlignmentRole).value<Qt::Alignment>();
    QVERIFY(alignment & Qt::AlignRight);

    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, CaseListModel::CaseNumber).data().toString() == QLatin1String("HZ-2024-004")) {
            QCOMPARE(model.index(r, CaseListModel::OverdueLeads).data().toInt(), 2);
            QCOMPARE(model.index(r, CaseListModel::OpenLeads).data().toInt(), 3);
            QVERIFY(!model.index(r, CaseListModel::OverdueLeads).data(Qt::BackgroundRole).isNull());
        }
        if (model.index(r, CaseListModel::CaseNumber).data().toString() == QLatin1String("HZ-2024-005"))
            QCOMPARE(model.index(r, CaseListModel::PrimaryDetective).data().toString(), QStringLiteral("unassigned"));
    }
}

void TestUi::sortsByValue_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("incident date, oldest first")
        << int(CaseListModel::IncidentDate) << int(Qt::AscendingOrder)
        << QStringList{QStringLiteral("HZ-2023-117"), QStringLiteral("HZ-2024-002"), QStringLiteral("HZ-2024-001"),
                       QStringLiteral("HZ-2024-005"), QStringLiteral("HZ-2024-004")};
    QTest::newRow("incident date, newest first")
        << int(CaseListModel::IncidentDate) << int(Qt::DescendingOrder)
        << QStringList{QStringLiteral("HZ-2024-004"), QStringLiteral("HZ-2024-005"), QStringLiteral("HZ-2024-001"),
                       QStringLiteral("HZ-2024-002"), QStringLiteral("HZ-2023-117")};
    // 1, 2, 3, 4, 12 victims: as text, "12" would come between "1" and "2".
    QTest::newRow("victims, fewest first")
        << int(CaseListModel::Victims) << int(Qt::AscendingOrder)
        << QStringList{QStringLiteral("HZ-2024-001"), QStringLiteral("HZ-2023-117"), QStringLiteral("HZ-2024-002"),
                       QStringLiteral("HZ-2024-005"), QStringLiteral("HZ-2024-004")};
    QTest::newRow("victims, most first")
        << int(CaseListModel::Victims) << int(Qt::DescendingOrder)
        << QStringList{QStringLiteral("HZ-2024-004"), QStringLiteral("HZ-2024-005"), QStringLiteral("HZ-2024-002"),
                       QStringLiteral("HZ-2023-117"), QStringLiteral("HZ-2024-001")};
    // Activity on 05-01, 05-25, 06-12, 06-14, 06-15; the texts ("3 days ago", "yesterday", ...) sort otherwise.
    QTest::newRow("last activity, least recent first")
        << int(CaseListModel::LastActivity) << int(Qt::AscendingOrder)
        << QStringList{QStringLiteral("HZ-2024-002"), QStringLiteral("HZ-2024-004"), QStringLiteral("HZ-2023-117"),
                       QStringLiteral("HZ-2024-001"), QStringLiteral("HZ-2024-005")};
}

void TestUi::sortsByValue()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, expected);
    UnitData &data = *m_unit;
    CaseListModel model(data.fx.clock);
    CaseFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.setCases(data.fx.store->caseSummaries());
    proxy.sort(column, static_cast<Qt::SortOrder>(order));
    QCOMPARE(caseNumbers(proxy), expected);
}

void TestUi::filters_data()
{
    using F = CaseFilterProxy::StatusFilter;
    QTest::addColumn<QString>("search");
    QTest::addColumn<F>("status");
    QTest::addColumn<bool>("overdueOnly");
    QTest::addColumn<QStringList>("expected");
    const QString c1 = QStringLiteral("HZ-2024-001"), c2 = QStringLiteral("HZ-2024-002"),
                  c3 = QStringLiteral("HZ-2023-117"), c4 = QStringLiteral("HZ-2024-004"),
                  c5 = QStringLiteral("HZ-2024-005");
    QTest::newRow("nothing") << QString() << F::All << false << QStringList{c1, c2, c3, c4, c5};
    QTest::newRow("victim name, any case") << QStringLiteral("ORTIZ") << F::All << false << QStringList{c2};
    QTest::newRow("victim first name") << QStringLiteral("marcus") << F::All << false << QStringList{c1};
    QTest::newRow("detective") << QStringLiteral("reyes") << F::All << false << QStringList{c1, c3};
    QTest::newRow("area") << QStringLiteral("south") << F::All << false << QStringList{c1, c5};
    QTest::newRow("case number part") << QStringLiteral("2023") << F::All << false << QStringList{c3};
    QTest::newRow("every word must match") << QStringLiteral("reyes  south") << F::All << false << QStringList{c1};
    QTest::newRow("no match") << QStringLiteral("nobody") << F::All << false << QStringList{};
    QTest::newRow("open") << QString() << F::Open << false << QStringList{c1, c4};
    QTest::newRow("cleared by arrest") << QString() << F::ClearedByArrest << false << QStringList{c2};
    QTest::newRow("cleared exceptionally") << QString() << F::ClearedExceptionally << false << QStringList{c3};
    QTest::newRow("unfounded") << QString() << F::Unfounded << false << QStringList{c5};
    QTest::newRow("all cleared") << QString() << F::AllCleared << false << QStringList{c2, c3};
    QTest::newRow("overdue leads") << QString() << F::All << true << QStringList{c1, c4};
    QTest::newRow("overdue and south") << QStringLiteral("south") << F::All << true << QStringList{c1};
    QTest::newRow("cleared and overdue") << QString() << F::AllCleared << true << QStringList{};
    QTest::newRow("open and park") << QStringLiteral("park") << F::Open << false << QStringList{c4};
}

void TestUi::filters()
{
    QFETCH(QString, search);
    QFETCH(CaseFilterProxy::StatusFilter, status);
    QFETCH(bool, overdueOnly);
    QFETCH(QStringList, expected);
    UnitData &data = *m_unit;
    CaseListModel model(data.fx.clock);
    CaseFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.setCases(data.fx.store->caseSummaries());
    proxy.setSearchText(search);
    proxy.setStatusFilter(status);
    proxy.setOnlyOverdue(overdueOnly);
    QStringList shown = caseNumbers(proxy);
    shown.sort();
    expected.sort();
    QCOMPARE(shown, expected);
}

void TestUi::countLabelAndEmptyStates()
{
    UnitData &data = *m_unit;
    CaseListView view(data.fx.clock);
    auto *count = child<QLabel>(&view, "countLabel");
    auto *title = child<QLabel>(&view, "emptyTitle");
    auto *table = child<QTableView>(&view, "caseTable");
    view.show();

    QCOMPARE(title->text(), QStringLiteral("No cases yet"));
    QVERIFY(!table->isVisible());

    view.setCases(data.fx.store->caseSummaries());
    QVERIFY(table->isVisible());
    QCOMPARE(count->text(), QStringLiteral("5 of 5 cases"));

    child<QCheckBox>(&view, "overdueOnly")->setChecked(true);
    QCOMPARE(count->text(), QStringLiteral("2 of 5 cases"));
    auto *statusCombo = child<QComboBox>(&view, "statusFilter");
    statusCombo->setCurrentIndex(statusCombo->findText(QStringLiteral("Unfounded")));
    QCOMPARE(count->text(), QStringLiteral("0 of 5 cases"));
    QVERIFY(!table->isVisible());
    QCOMPARE(title->text(), QStringLiteral("No case matches the filter"));

    view.clearFilter();
    QVERIFY(table->isVisible());
    QTest::keyClicks(child<QLineEdit>(&view, "search"), QStringLiteral("quill"));
    QCOMPARE(count->text(), QStringLiteral("1 of 5 cases"));
}

void TestUi::wrongPassphraseKeepsWindowAndFile()
{
    QString path;
    {
        const UnitData data(dir(), QStringLiteral("wrong.caseboard"));
        path = data.fx.path;
    }
    const QByteArray before = test::databaseChecksum(path);
    QVERIFY(!before.isEmpty());

    SessionController session;
    session.showUnlock(path);
    UnlockWindow *w = session.unlockWindow();
    auto *passphrase = child<QLineEdit>(w, "passphrase");
    auto *error = child<QLabel>(w, "error");
    QCOMPARE(passphrase->echoMode(), QLineEdit::Password);
    QCOMPARE(w->filePath(), path);
    QVERIFY(!error->isVisible());

    QTest::keyClicks(passphrase, QStringLiteral("not the right passphrase"));
    QTest::mouseClick(child<QPushButton>(w, "openButton"), Qt::LeftButton);

    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("passphrase is wrong")), qPrintable(error->text()));
    QVERIFY(passphrase->text().isEmpty());
    QVERIFY(w->isVisible());
    QVERIFY(!session.mainWindow());
    QCOMPARE(test::databaseChecksum(path), before);
}

void TestUi::rightPassphraseOpensMainWindowAndLockCloses()
{
    QString path;
    {
        const UnitData data(dir(), QStringLiteral("right.caseboard"));
        path = data.fx.path;
    }
    SessionController session;
    session.showUnlock(path);
    UnlockWindow *w = session.unlockWindow();
    QTest::keyClicks(child<QLineEdit>(w, "passphrase"), test::passphrase());
    QTest::keyClick(child<QLineEdit>(w, "passphrase"), Qt::Key_Return);

    MainWindow *main = session.mainWindow();
    QVERIFY(main);
    QVERIFY(main->isVisible());
    QVERIFY(!w->isVisible());
    QVERIFY(child<QLineEdit>(w, "passphrase")->text().isEmpty());
    QCOMPARE(main->windowTitle(), QStringLiteral("CaseBoard — right.caseboard"));
    QCOMPARE(main->caseList()->proxy()->rowCount(), 5);
    QCOMPARE(main->store()->actor().label, QStringLiteral("admin")); // the fixture's only account

    // A double-click on a row shows that case's summary.
    auto *table = child<QTableView>(main, "caseTable");
    const QModelIndex first = table->model()->index(0, CaseListModel::CaseNumber);
    const QString number = first.data().toString();
    const QPoint centre = table->visualRect(first).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    auto *summary = main->findChild<CaseSummaryDialog *>();
    QVERIFY(summary);
    QVERIFY(summary->isVisible());
    QCOMPARE(summary->windowTitle(), QStringLiteral("Case %1").arg(number));

    // Lock: back to the unlock window, the file closed and unchanged from here on.
    QPointer<MainWindow> guard(main);
    main->findChild<QAction *>(QStringLiteral("lockAction"))->trigger();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!session.mainWindow());
    QVERIFY(guard.isNull());
    QVERIFY(w->isVisible());
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));

    // The file just opened is remembered for next time.
    UnlockWindow fresh;
    QCOMPARE(fresh.filePath(), QFileInfo(path).absoluteFilePath());
}

void TestUi::createRefusesShortPassphrase()
{
    const QString path = m_dir->filePath(QStringLiteral("short.caseboard"));
    SessionController session;
    session.showUnlock();
    UnlockWindow *w = session.unlockWindow();
    QTest::mouseClick(child<QPushButton>(w, "createButton"), Qt::LeftButton);
    auto *newPath = child<QLineEdit>(w, "newPath");
    QVERIFY(newPath->isVisible());
    newPath->setText(path);
    auto *first = child<QLineEdit>(w, "newPassphrase");
    auto *repeat = child<QLineEdit>(w, "newPassphraseRepeat");
    QCOMPARE(first->echoMode(), QLineEdit::Password);
    QTest::keyClicks(first, QStringLiteral("too short"));
    QTest::keyClicks(repeat, QStringLiteral("too short"));

    // The rule is 12 characters at least; "too short" has 9.
    const QString check = child<QLabel>(w, "passphraseCheck")->text();
    QVERIFY2(check.contains(QLatin1String("12")) && check.contains(QLatin1String("9")), qPrintable(check));
    QVERIFY(!child<QPushButton>(w, "createFileButton")->isEnabled());

    // Enter in the last field tries anyway: refused with the same reason, and nothing on disk.
    QTest::keyClick(repeat, Qt::Key_Return);
    auto *error = child<QLabel>(w, "error");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), check);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!session.mainWindow());
}

void TestUi::createRefusesMismatch()
{
    const QString path = m_dir->filePath(QStringLiteral("mismatch.caseboard"));
    SessionController session;
    session.showUnlock();
    UnlockWindow *w = session.unlockWindow();
    w->showCreatePage();
    child<QLineEdit>(w, "newPath")->setText(path);
    QTest::keyClicks(child<QLineEdit>(w, "newPassphrase"), QStringLiteral("seven silver ferries at dawn"));
    QCOMPARE(child<QLabel>(w, "passphraseCheck")->text(), QStringLiteral("Type the passphrase again."));
    QTest::keyClicks(child<QLineEdit>(w, "newPassphraseRepeat"), QStringLiteral("seven silver ferries at dusk"));
    QCOMPARE(child<QLabel>(w, "passphraseCheck")->text(), QStringLiteral("The two passphrases differ."));
    QVERIFY(!child<QPushButton>(w, "createFileButton")->isEnabled());
    QTest::keyClick(child<QLineEdit>(w, "newPassphraseRepeat"), Qt::Key_Return);
    QVERIFY(!QFile::exists(path));
}

void TestUi::createOpensEmptyCaseFile()
{
    const QString path = m_dir->filePath(QStringLiteral("fresh"));
    SessionController session;
    session.showUnlock();
    UnlockWindow *w = session.unlockWindow();
    w->showCreatePage();
    child<QLineEdit>(w, "newPath")->setText(path);
    const QString good = QStringLiteral("seven silver ferries at dawn");
    QTest::keyClicks(child<QLineEdit>(w, "newPassphrase"), good);
    QTest::keyClicks(child<QLineEdit>(w, "newPassphraseRepeat"), good);
    auto *create = child<QPushButton>(w, "createFileButton");
    QVERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);
    // The recovery key is shown once, before the main window, and stays until it is stored.
    auto *key = w->findChild<RecoveryKeyDialog *>();
    QVERIFY(key);
    child<QCheckBox>(key, "storedRecoveryKey")->setChecked(true);
    QTest::mouseClick(child<QPushButton>(key, "closeRecoveryKey"), Qt::LeftButton);

    // A path without a suffix gets ".caseboard".
    const QString created = path + QStringLiteral(".caseboard");
    QVERIFY(QFile::exists(created));
    MainWindow *main = session.mainWindow();
    QVERIFY(main);
    QVERIFY(main->isVisible());
    QVERIFY(child<QLineEdit>(w, "newPassphrase")->text().isEmpty());
    QVERIFY(child<QLineEdit>(w, "newPassphraseRepeat")->text().isEmpty());
    QCOMPARE(child<QLabel>(main, "emptyTitle")->text(), QStringLiteral("No cases yet"));
    QVERIFY(child<QLabel>(main, "emptyTitle")->isVisible());

    // The new file opens with the passphrase it was created with.
    emit main->lockRequested();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(CaseFile::open(created, test::secret(good)));
}

void TestUi::demoIsCreatedFilledAndReopened()
{
    // A small unit: the standard demo takes a minute to write, and tst_demo covers the generator.
    demo::DemoOptions options;
    options.endDate = QDate(2024, 6, 15);
    options.years = 1;
    options.detectives = 4;
    options.sergeants = 1;
    options.casesPerYear = 6;
    QVERIFY(!QFile::exists(demoFilePath()));

    DemoOpening first = openDemoCaseFile(options);
    QVERIFY(first.file);
    QVERIFY2(first.problem.isEmpty(), qPrintable(first.problem));
    QCOMPARE(first.file->path(), demoFilePath());
    const FixedClock clock(utc(2024, 6, 15));
    const int cases = CaseStore(*first.file, clock).caseCount();
    QVERIFY(cases > 0);
    first.file.reset();
    // The documented passphrase opens it.
    QVERIFY(CaseFile::open(demoFilePath(), first.accounts.first().login, test::secret(demoPassphrase())));

    // Opened again, it is used as it is, not generated anew (the generator would refuse anyway).
    options.casesPerYear = 12;
    DemoOpening again = openDemoCaseFile(options);
    QVERIFY2(again.problem.isEmpty(), qPrintable(again.problem));
    QCOMPARE(CaseStore(*again.file, clock).caseCount(), cases);
}

void TestUi::emptyDemoIsFilled()
{
    // What a run that could not fill the demo leaves behind: a demo case file without cases.
    QVERIFY(QDir().mkpath(QFileInfo(demoFilePath()).absolutePath()));
    CaseFile::create(demoFilePath(), test::secret(demoPassphrase())).reset();
    demo::DemoOptions options;
    options.endDate = QDate(2024, 6, 15);
    options.years = 1;
    options.detectives = 4;
    options.sergeants = 1;
    options.casesPerYear = 3;
    DemoOpening demo = openDemoCaseFile(options);
    QVERIFY2(demo.problem.isEmpty(), qPrintable(demo.problem));
    QVERIFY(CaseStore(*demo.file, FixedClock(utc(2024, 6, 15))).caseCount() > 0);
}

void TestUi::demoButtonOpensMainWindow()
{
    // An existing demo with one case, so that the button only has to open it.
    QVERIFY(QDir().mkpath(QFileInfo(demoFilePath()).absolutePath()));
    {
        auto file = CaseFile::create(demoFilePath(), test::secret(demoPassphrase()));
        FixedClock clock(utc(2024, 6, 15));
        CaseStore store(*file, clock);
        store.createCase(caseRecord(QStringLiteral("DEMO-1"), QDate(2024, 6, 1), QStringLiteral("North"), Weapon::Rifle),
                         {victim(QStringLiteral("Pat Doe"))});
    }
    SessionController session;
    session.showUnlock();
    QTest::mouseClick(child<QPushButton>(session.unlockWindow(), "demoButton"), Qt::LeftButton);
    QVERIFY(session.unlockWindow()->isBusy());
    QVERIFY(child<QWidget>(session.unlockWindow(), "busy")->isVisible());
    QVERIFY(!child<QPushButton>(session.unlockWindow(), "demoButton")->isEnabled());

    // The opening runs on a worker thread; wait as long as a slow machine could need.
    QTRY_VERIFY_WITH_TIMEOUT(!session.unlockWindow()->isBusy(), 120000);
    QVERIFY(!child<QWidget>(session.unlockWindow(), "busy")->isVisible());
    MainWindow *main = session.mainWindow();
    QVERIFY(main);
    QVERIFY(main->isVisible());
    QCOMPARE(main->windowTitle(), QStringLiteral("CaseBoard — demo.caseboard"));
    QCOMPARE(caseNumbers(*main->caseList()->proxy()), QStringList{QStringLiteral("DEMO-1")});
}

void TestUi::demoErrorIsShownInline()
{
    // A file at the demo's place that is not a case file: the window says so and stays usable.
    QVERIFY(QDir().mkpath(QFileInfo(demoFilePath()).absolutePath()));
    QFile junk(demoFilePath());
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a case file");
    junk.close();
    SessionController session;
    session.openDemo();
    UnlockWindow *w = session.unlockWindow();
    QVERIFY(w->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!w->isBusy(), 120000);
    QVERIFY(!session.mainWindow());
    auto *error = child<QLabel>(w, "error");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("demo could not be opened")) &&
                 error->text().contains(demoFilePath()),
             qPrintable(error->text()));
    QVERIFY(child<QPushButton>(w, "demoButton")->isEnabled());
}

void TestUi::summaryDialogShowsHistory()
{
    UnitData &data = *m_unit;
    const auto c3 = data.fx.store->caseByNumber(QStringLiteral("HZ-2023-117"));
    QVERIFY(c3);
    CaseSummaryDialog dialog(*data.fx.store, c3->id);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Case HZ-2023-117"));
    QCOMPARE(child<QTableWidget>(&dialog, "victims")->rowCount(), 2);
    // Opened on the incident date, then cleared exceptionally.
    auto *history = child<QTableWidget>(&dialog, "statusHistory");
    QCOMPARE(history->rowCount(), 2);
    QCOMPARE(history->item(0, 0)->text(), QStringLiteral("2023-11-30"));
    QCOMPARE(history->item(1, 0)->text(), QStringLiteral("2024-01-10"));
    QVERIFY(history->item(1, 1)->text().startsWith(QLatin1String("Cleared by exceptional means")));
    auto *assignments = child<QTableWidget>(&dialog, "assignments");
    QCOMPARE(assignments->rowCount(), 1);
    QCOMPARE(assignments->item(0, 0)->text(), QStringLiteral("Dana Reyes"));

    QVERIFY_THROWS_EXCEPTION(Error, CaseSummaryDialog(*data.fx.store, 9999));
}

// Not a check: writes the pictures for docs/screenshots into the folder CASEBOARD_SCREENSHOT_DIR
// names, when it is set. The data are invented here; any match with a real person is chance.
void TestUi::screenshots()
{
    const QString out = qEnvironmentVariable("CASEBOARD_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("set CASEBOARD_SCREENSHOT_DIR to write screenshots");
    QVERIFY(QDir().mkpath(out));
    auto save = [&](QWidget &w, const QString &name) {
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.grab().save(out + QLatin1Char('/') + name));
    };

    // The demo unit when the generator can make it (slow: a minute or so), else a small set.
    test::Fixture fx(dir(), QStringLiteral("homicide-unit.caseboard"));
    const QDate today(2024, 6, 15);
    try {
        demo::DemoOptions options;
        options.endDate = today;
        demo::generate(*fx.file, options);
        fx.clock.set(QDateTime(today, QTime(17, 0), QTimeZone::utc()));
    } catch (const Error &e) {
        qInfo("demo generator: %s; using the small data set", qPrintable(e.message()));
        buildShowcase(*fx.store, fx.clock);
    }

    UnlockWindow unlock;
    unlock.setFilePath(fx.path);
    unlock.show();
    save(unlock, QStringLiteral("unlock.png"));
    QTest::keyClicks(child<QLineEdit>(&unlock, "passphrase"), QStringLiteral("wrong one"));
    QTest::mouseClick(child<QPushButton>(&unlock, "openButton"), Qt::LeftButton);
    save(unlock, QStringLiteral("unlock-wrong.png"));
    unlock.showCreatePage();
    QTest::keyClicks(child<QLineEdit>(&unlock, "newPassphrase"), QStringLiteral("too short"));
    save(unlock, QStringLiteral("unlock-create.png"));

    fx.store.reset();
    MainWindow main(std::move(fx.file), std::make_unique<FixedClock>(fx.clock.nowUtc()));
    main.resize(1320, 760);
    main.show();
    save(main, QStringLiteral("case-list.png"));

    child<QLineEdit>(&main, "search")->setText(QStringLiteral("southfield"));
    child<QCheckBox>(&main, "overdueOnly")->setChecked(true);
    save(main, QStringLiteral("case-list-filtered.png"));
    child<QLineEdit>(&main, "search")->setText(QStringLiteral("nobody by that name"));
    save(main, QStringLiteral("case-list-no-match.png"));
    main.caseList()->clearFilter();

    Id shown = 0;
    for (const CaseSummary &c : main.store()->caseSummaries()) {
        if (c.status == CaseStatus::ClearedByArrest)
            shown = c.id;
    }
    QVERIFY(shown != 0);
    CaseSummaryDialog summary(*main.store(), shown, &main);
    summary.show();
    save(summary, QStringLiteral("case-summary.png"));
    summary.close();

    main.caseList()->setCases({});
    save(main, QStringLiteral("case-list-empty.png"));
}

QTEST_MAIN(TestUi)
#include "tst_ui.moc"
