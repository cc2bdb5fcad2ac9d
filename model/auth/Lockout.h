#pragma once

// Failed sign-ins: counted in the key header before the file is unlocked (so that a wrong
// passphrase can lock an account without the database being opened), and moved into the audit
// trail at the next successful sign-in or when an administrator releases the account.
//
// The lockout is the online control (CJIS Security Policy AC-7): five failures within 15 minutes
// lock an account until an administrator releases it. It does not stop an attacker who has a
// copy of the file, who can try passphrases offline against the slot; Argon2id's cost is the
// control there (README, "Accounts and key slots").

#include "model/auth/KeyHeader.h"
#include "model/domain/Domain.h"
#include "model/util/Clock.h"

#include <cstdint>
#include <optional>

namespace cb {
class CaseStore;
}

namespace cb::auth::lockout {

inline constexpr int kMaxFailures = 5;
inline constexpr std::int64_t kWindowMs = 15 * 60 * 1000;

// Failures of the slot in the 15 minutes up to nowMs (a failure exactly 15 minutes old is out).
int recentFailures(const KeySlot &slot, std::int64_t nowMs);
// Records a failed sign-in at nowMs; locks an account slot (never the recovery slot) at the fifth
// failure within the window, if `canLock`. Returns whether the slot is locked now. A file without a
// recovery slot (made by tools and tests through CaseFile::create(path, passphrase)) never locks:
// nobody could be sure to release it, and a lock nobody can lift would shut the file for good.
bool recordFailure(KeySlot &slot, std::int64_t nowMs, bool canLock);

// The clock of a CaseStore that writes sign-in events: each entry at a chosen time (a failed
// sign-in's own), or at the base clock's now.
class EventClock final : public Clock {
public:
    explicit EventClock(const Clock &base) : m_base(base) {}
    QDateTime nowUtc() const override;
    QDate today() const override { return m_base.today(); }
    void at(std::optional<std::int64_t> ms) { m_atMs = ms; }

private:
    const Clock &m_base;
    std::optional<std::int64_t> m_atMs;
};

// Writes the slot's failed sign-ins to the audit trail as 'sign_in_failed' events at their own
// times, by the slot's login (skipping any already there, so that a move cut short can be
// repeated), and one event for failures beyond what the header kept. `store` runs on `clock`;
// call inside one of its batches.
void recordFailures(CaseStore &store, EventClock &clock, const KeySlot &slot, std::optional<Id> memberId);

// The same failures removed from a later copy of the slot (others may have come in meanwhile).
void forgetFailures(KeySlot &current, const KeySlot &moved);

} // namespace cb::auth::lockout
