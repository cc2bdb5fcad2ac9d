#include "model/auth/Lockout.h"

#include "model/storage/ContainerVfs.h"
#include "model/storage/Database.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QMap>
#include <QTimeZone>

#include <algorithm>

namespace cb::auth::lockout {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::auth::Lockout)
};

QMap<std::int64_t, int> countsOf(const QList<std::int64_t> &times)
{
    QMap<std::int64_t, int> out;
    for (std::int64_t t : times)
        ++out[t];
    return out;
}

} // namespace

QDateTime EventClock::nowUtc() const
{
    return m_atMs ? QDateTime::fromMSecsSinceEpoch(*m_atMs, QTimeZone::utc()) : m_base.nowUtc();
}

int recentFailures(const SignInRecord &record, std::int64_t nowMs)
{
    int n = 0;
    for (std::int64_t t : record.failuresMs)
        if (t <= nowMs && nowMs - t < kWindowMs)
            ++n;
    return n;
}

bool recordFailure(SignInRecord &record, std::int64_t nowMs, bool canLock)
{
    record.failuresMs << nowMs;
    while (record.failuresMs.size() > SignInRecord::kMaxKept) {
        record.failuresMs.removeFirst();
        ++record.earlierFailures;
    }
    if (canLock && !record.locked() && recentFailures(record, nowMs) >= kMaxFailures)
        record.lockedAtMs = nowMs;
    return record.locked();
}

bool canLock(const KeyHeader &header, const KeySlot &slot)
{
    return !slot.isRecovery() && header.recovery() != nullptr;
}

void recordFailures(CaseStore &store, EventClock &clock, const QString &login, const SignInRecord &record,
                    std::optional<Id> memberId)
{
    const Actor before = store.actor();
    store.setActor({memberId, login});
    db::Statement seen = store.database().prepare(
        "SELECT count(*) FROM audit WHERE action = 'sign_in_failed' AND actor = ?1 AND at = ?2");
    // Two failures may share a millisecond: as many entries per time as the record holds.
    const QMap<std::int64_t, int> counts = countsOf(record.failuresMs);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        seen.reset();
        seen.bind(1, login);
        seen.bind(2, it.key());
        seen.step();
        clock.at(it.key());
        for (std::int64_t k = seen.int64(0); k < it.value(); ++k)
            store.recordEvent(QStringLiteral("sign_in_failed"), QStringLiteral("account"), login);
    }
    clock.at(std::nullopt);
    if (record.earlierFailures > 0)
        store.recordEvent(QStringLiteral("sign_in_failed"), QStringLiteral("account"),
                          Tr::tr("%1: %2 earlier failed sign-ins not kept one by one")
                              .arg(login)
                              .arg(record.earlierFailures));
    store.setActor(before);
}

void forgetFailures(SignInRecord &current, const SignInRecord &moved)
{
    for (std::int64_t t : moved.failuresMs)
        current.failuresMs.removeOne(t);
    current.earlierFailures -= std::min(current.earlierFailures, moved.earlierFailures);
}

void merge(SignInRecord &into, const SignInRecord &other)
{
    const QMap<std::int64_t, int> have = countsOf(into.failuresMs);
    const QMap<std::int64_t, int> add = countsOf(other.failuresMs);
    bool added = false;
    for (auto it = add.cbegin(); it != add.cend(); ++it)
        for (int k = have.value(it.key()); k < it.value(); ++k) {
            into.failuresMs << it.key();
            added = true;
        }
    if (added)
        std::sort(into.failuresMs.begin(), into.failuresMs.end());
    into.earlierFailures = std::max(into.earlierFailures, other.earlierFailures);
    if (other.locked() && (!into.locked() || other.lockedAtMs < into.lockedAtMs))
        into.lockedAtMs = other.lockedAtMs;
}

SignInRecord legacyRecord(const KeySlot &slot)
{
    SignInRecord r;
    r.failuresMs = slot.failuresMs;
    r.earlierFailures = slot.droppedFailures;
    r.lockedAtMs = slot.lockedAtMs;
    return r;
}

bool hasLegacyRecords(const KeyHeader &header)
{
    return std::any_of(header.keySlots.cbegin(), header.keySlots.cend(),
                       [](const KeySlot &s) { return !legacyRecord(s).isEmpty(); });
}

void takeLegacyRecords(KeyHeader &header, SignInRecords &records)
{
    for (KeySlot &s : header.keySlots) {
        const SignInRecord legacy = legacyRecord(s);
        if (legacy.isEmpty())
            continue;
        merge(records.of(s), legacy);
        s.failuresMs.clear();
        s.droppedFailures = 0;
        s.lockedAtMs = 0;
    }
}

void settleHeader(const QString &caseFile)
{
    std::unique_ptr<container::HeaderFile> file =
        container::HeaderFile::open(caseFile, container::HeaderFile::Mode::ReadWrite);
    if (!file->writable())
        return;
    // The header's lock, then the record's: the order every writer of both takes them in.
    file->lockForUpdate();
    try {
        const header::Copies copies = header::read(*file);
        std::optional<KeyHeader> current = copies.current();
        if (current && hasLegacyRecords(*current)) {
            // The record first: a stop between the two leaves the failures in both, and merging
            // them again changes nothing.
            SignInLog(caseFile).update([&](SignInRecords &records) { takeLegacyRecords(*current, records); });
            header::commit(*file, copies, *current);
        } else {
            header::heal(*file, copies);
        }
        file->unlock();
    } catch (...) {
        file->unlock();
        throw;
    }
}

} // namespace cb::auth::lockout
