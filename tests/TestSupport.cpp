#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTimeZone>

namespace cb::test {

QByteArray fileChecksum(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QByteArray databaseChecksum(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(CaseFile::databaseOffset(path)))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

Fixture::Fixture(const QString &dirPath, const QString &name)
    : path(dirPath + QLatin1Char('/') + name),
      clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC))
{
    // Key slots at a test cost (README, "Accounts and key slots"): test suites sign in hundreds of times.
    auth::weakenNewSlotsForTests();
    file = CaseFile::create(path, secret());
    store = std::make_unique<CaseStore>(*file, clock);
    store->setActor({std::nullopt, QStringLiteral("system:test")});
}

SampleCase addSampleCase(CaseStore &store, const QString &caseNumber)
{
    SampleCase s;
    const QString suffix = caseNumber.right(3);
    s.detective = store.addMember({0, QStringLiteral("Dana Reyes"), QStringLiteral("D-") + suffix,
                                   QStringLiteral("Detective"), QStringLiteral("Team 1"), Role::Detective, true});
    s.sergeant = store.addMember({0, QStringLiteral("Sam Okafor"), QStringLiteral("S-") + suffix,
                                  QStringLiteral("Sergeant"), QStringLiteral("Team 1"), Role::Sergeant, true});
    CaseRecord c;
    c.caseNumber = caseNumber;
    c.incidentDate = QDate(2024, 3, 2);
    c.incidentTime = QTime(23, 40);
    c.address = QStringLiteral("1200 block W Example St");
    c.district = QStringLiteral("7");
    c.area = QStringLiteral("South");
    c.weapon = Weapon::Handgun;
    c.circumstance = Circumstance::Argument;
    Victim v;
    v.name = QStringLiteral("Victim One");
    v.age = 24;
    v.sex = Sex::Male;
    v.race = Race::Black;
    s.caseId = store.createCase(c, {v});
    store.assign(s.caseId, s.detective, AssignmentRole::Primary, QDate(2024, 3, 3), QStringLiteral("on call"));
    return s;
}

} // namespace cb::test
