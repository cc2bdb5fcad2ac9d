#include "model/auth/Lockout.h"

#include "model/storage/Database.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>

namespace cb::auth::lockout {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::auth::Lockout)
};

} // namespace

QDateTime EventClock::nowUtc() const
{
    return m_atMs ? QDateTime::fromMSecsSinceEpoch(*m_atMs, QTimeZone::utc()) : m_base.nowUtc();
}

int recentFailures(const KeySlot &slot, std::int64_t nowMs)
{
    int n = 0;
    for (std::int64_t t : slot.failuresMs)
        if (t <= nowMs && nowMs - t < kWindowMs)
            ++n;
    return n;
}

bool recordFailure(KeySlot &slot, std::int64_t nowMs, bool canLock)
{
    slot.failuresMs << nowMs;
    while (slot.failuresMs.size() > KeySlot::kMaxKeptFailures) {
        slot.failuresMs.removeFirst();
        ++slot.droppedFailures;
    }
    if (canLock && !slot.isRecovery() && !slot.locked() && recentFailures(slot, nowMs) >= kMaxFailures)
        slot.lockedAtMs = nowMs;
    return slot.locked();
}

void recordFailures(CaseStore &store, EventClock &clock, const KeySlot &slot, std::optional<Id> memberId)
{
    const Actor before = store.actor();
    store.setActor({memberId, slot.login});
    db::Statement seen = store.database().prepare(
        "SELECT count(*) FROM audit WHERE action = 'sign_in_failed' AND actor = ?1 AND at = ?2");
    // Two failures may share a millisecond: as many entries per time as the header holds.
    QList<std::int64_t> times = slot.failuresMs;
    std::sort(times.begin(), times.end());
    for (qsizetype i = 0; i < times.size();) {
        const std::int64_t t = times.at(i);
        qsizetype n = 0;
        while (i < times.size() && times.at(i) == t) {
            ++n;
            ++i;
        }
        seen.reset();
        seen.bind(1, slot.login);
        seen.bind(2, t);
        seen.step();
        clock.at(t);
        for (std::int64_t k = seen.int64(0); k < n; ++k)
            store.recordEvent(QStringLiteral("sign_in_failed"), QStringLiteral("account"), slot.login);
    }
    clock.at(std::nullopt);
    if (slot.droppedFailures > 0)
        store.recordEvent(QStringLiteral("sign_in_failed"), QStringLiteral("account"),
                          Tr::tr("%1: %2 earlier failed sign-ins not kept one by one")
                              .arg(slot.login)
                              .arg(slot.droppedFailures));
    store.setActor(before);
}

void forgetFailures(KeySlot &current, const KeySlot &moved)
{
    for (std::int64_t t : moved.failuresMs)
        current.failuresMs.removeOne(t);
    current.droppedFailures -= std::min(current.droppedFailures, moved.droppedFailures);
}

} // namespace cb::auth::lockout
