#pragma once

// Failed sign-ins and the lockout. Five failures within 15 minutes lock an account until an
// administrator releases it. Failures are counted in the sign-in record beside the case file
// (SignInLog.h), checked before the file is unlocked, and moved into the audit trail at the next
// successful sign-in for work or when an administrator releases the account.
//
// Design (README, "Accounts and key slots", "Lockout"):
// - A wrong passphrase writes no byte of the case file. Counting in the key header (as CaseBoard
//   did before) made every wrong guess a write of the file it was guessing at; now only the
//   record beside it changes.
// - This is the online control (CJIS Security Policy AC-7): it limits guessing through CaseBoard.
//   It does not stop someone who can write the folder: whoever can delete the record can as well
//   copy the case file and try passphrases offline against its slots, where Argon2id's cost is the
//   control, and the lockout never was.
// - No record is no failures and no locks (a new file, or one whose record was deleted).
// - A damaged or unreadable record fails closed: no account of a file that can lock (one with a
//   recovery key) signs in, wrong passphrase or right, and the message names the record; nothing
//   is counted. A CJIS auditor would not accept "the lock record is unreadable, so nobody is
//   locked": a lockout that a stray byte turns off is no control. The recovery key still opens the
//   file (its slot never locks) and, signed in for work, sets the damaged record aside under a
//   name of its own and audits that ('sign_in_record_reset'); then counting starts again. A file
//   without a recovery key never locks (nobody could be sure to release it), so there a damaged
//   record is set aside the same way at the next sign-in for work, and blocks nobody meanwhile.
// - Sign-ins at the same time (several processes or threads) lose no count: every change of the
//   record is a read-modify-write under its lock file. The check "is this account locked?" reads
//   without the lock; the count after a wrong passphrase re-reads under it.
// - The record belongs to the path: a case file renamed or copied elsewhere leaves its record
//   behind, and backups carry no locks or pending failures (a backup is a copy that could be
//   attacked offline anyway). Restoring a backup over a path, re-keying (removing an account) and
//   upgrading rename a new file over the same path, so the record stays valid there: a lock is
//   not lifted by restoring a backup. Removing an account drops its record; a new case file and an
//   upgraded one (a new set of key slots) start without one.
// - Case files written before the record moved out may hold failures and locks in their header
//   slots (KeySlot::failuresMs, droppedFailures, lockedAtMs; the header format is unchanged, so
//   old files stay readable and new ones readable by older builds). They still count and still
//   lock; the next sign-in for work or the next change of accounts moves them into the record and
//   writes the header without them. After that CaseBoard never writes them again.

#include "model/auth/KeyHeader.h"
#include "model/auth/SignInLog.h"
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

// Failures in the 15 minutes up to nowMs (a failure exactly 15 minutes old is out).
int recentFailures(const SignInRecord &record, std::int64_t nowMs);
// Records a failed sign-in at nowMs; locks at the fifth failure within the window if `canLock`
// (an account slot, never the recovery slot, of a file that has a recovery key: a lock nobody can
// lift would shut the file for good). Returns whether the record is locked now.
bool recordFailure(SignInRecord &record, std::int64_t nowMs, bool canLock);
// Whether a failure of `slot` may lock it in a file with `header` (see recordFailure).
bool canLock(const KeyHeader &header, const KeySlot &slot);

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

// Writes the record's failed sign-ins to the audit trail as 'sign_in_failed' events at their own
// times, by `login` (skipping any already there, so that a move cut short can be repeated), and
// one event for the failures beyond those kept. `store` runs on `clock`; call inside one of its
// batches.
void recordFailures(CaseStore &store, EventClock &clock, const QString &login, const SignInRecord &record,
                    std::optional<Id> memberId);
// The same failures removed from a later copy of the record (others may have come in meanwhile).
void forgetFailures(SignInRecord &current, const SignInRecord &moved);

// Adds to `into` what `other` holds that `into` does not: each failure time as often as the one
// that has it more often, the larger count of earlier failures, the earlier lock. Merging the same
// record twice changes nothing, so an old header's failures can be merged again after a move
// that was cut short.
void merge(SignInRecord &into, const SignInRecord &other);

// --- failures and locks kept in the header by CaseBoard before the sign-in record
SignInRecord legacyRecord(const KeySlot &slot);
bool hasLegacyRecords(const KeyHeader &header);
// Merges every slot's failures and lock into `records` and clears them in `header`.
void takeLegacyRecords(KeyHeader &header, SignInRecords &records);
// For a sign-in for work: finishes a header write cut short (header::heal) and moves the header's
// failures and locks into the sign-in record, then writes the header without them. Never called
// for a failed sign-in. Throws cb::Error.
void settleHeader(const QString &caseFile);

} // namespace cb::auth::lockout
