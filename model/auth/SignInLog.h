#pragma once

// The sign-in record of a case file: its failed sign-ins and locked accounts, kept beside it in
// "<case file>.signins", never inside it, so that a wrong passphrase writes no byte of the case
// file (README, "Accounts and key slots"). The lockout rules are in Lockout.h.
//
// The record is small JSON, owner-only (0600), replaced atomically (QSaveFile, fsync, rename, then
// the folder flushed) and read-modify-written under a lock file ("<record>.lock", QLockFile), so
// that sign-ins in several processes (or threads) at once lose no count. Readers that only look
// (is the account locked?) take no lock: a rename replaces the record whole.
//
// It holds no secret and nothing about cases: per login, the times of failed sign-ins (UTC, ms)
// not yet in the audit trail, how many more there were beyond those kept, and when the account
// was locked. The logins are no news to anyone who can read it: the key header at the start of
// the case file keeps them in clear (KeyHeader.h, KeyHeader::encodePayload).
//
// No record is no failures and no locks. A record that is damaged or cannot be read is refused
// (kind Refused, naming it): CaseBoard cannot tell then whether an account is locked, and it does
// not guess "no" (Lockout.h says what happens next).

#include <QByteArray>
#include <QMap>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace cb {
class Clock;
}

namespace cb::auth {

struct KeySlot;

// The failed sign-ins of one account, or of the recovery key.
struct SignInRecord {
    // Failures kept one by one (the oldest beyond that are counted in earlierFailures), so that
    // a record stays small whatever an attacker tries.
    static constexpr int kMaxKept = 32;

    QList<std::int64_t> failuresMs; // not yet in the audit trail, oldest first
    std::uint32_t earlierFailures = 0;
    std::int64_t lockedAtMs = 0; // 0: not locked

    bool locked() const { return lockedAtMs != 0; }
    bool isEmpty() const { return failuresMs.isEmpty() && earlierFailures == 0 && !locked(); }
    int pending() const { return static_cast<int>(failuresMs.size() + earlierFailures); }
    bool operator==(const SignInRecord &) const = default;
};

struct SignInRecords {
    QMap<QString, SignInRecord> accounts; // by login
    SignInRecord recovery;

    // The record of a slot (made empty when there is none yet).
    SignInRecord &of(const KeySlot &slot);
    SignInRecord of(const KeySlot &slot) const;
    bool isEmpty() const;
    // Drops accounts whose record is empty.
    void prune();

    QByteArray encode() const;
    // nullopt when `bytes` is not a well-formed record of this format.
    static std::optional<SignInRecords> decode(const QByteArray &bytes);
    bool operator==(const SignInRecords &) const = default;
};

class SignInLog {
public:
    explicit SignInLog(const QString &caseFile);
    // "<case file>.signins": keyed by the case file's path (see Lockout.h on renames and backups).
    static QString pathFor(const QString &caseFile);
    const QString &path() const { return m_path; }

    // The record as it is now; empty when there is none. Throws cb::Error (Refused) naming the
    // record when it is damaged or cannot be read.
    SignInRecords read() const;
    // Reads, lets `change` change, and writes the record back (or removes it when it is empty),
    // all under the lock file; nothing is written when nothing changed. Returns the record as
    // written. Throws cb::Error: Refused for a damaged record (nothing is written then), Busy when
    // the lock is not had within timeoutMs, Io when the record cannot be written.
    SignInRecords update(const std::function<void(SignInRecords &)> &change, int timeoutMs = 10000);
    // Renames a damaged record to "<record>.damaged-<UTC time>" (kept for whoever looks into it),
    // under the lock; returns the new name, or an empty one when the record is whole (or gone)
    // after all. Throws cb::Error (Busy, Io).
    QString setAside(const Clock &clock, int timeoutMs = 10000);
    // Removes the record whatever it holds, under the lock: for a new set of key slots at a path
    // (a new case file, an upgraded one), which must not inherit an older file's locks.
    void discard(int timeoutMs = 10000);

private:
    void write(const SignInRecords &records);
    QString m_path;
    QString m_caseFile;
};

} // namespace cb::auth
