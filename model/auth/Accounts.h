#pragma once

// Managing the accounts of an open case file (README, "Accounts and key slots"). Every change of
// key slots is one transaction of the database (which also serialises administrators in several
// processes) with its audit entry, around one header commit (KeyHeader.h) that is the change's
// commit point. Locks and failed sign-ins are in the sign-in record beside the file (SignInLog.h,
// Lockout.h). Refused actions throw cb::Error (kind Refused) and change nothing.

#include "model/auth/KdfParams.h"
#include "model/domain/Domain.h"
#include "model/storage/SecretBytes.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

namespace cb {
class CaseFile;
class Clock;
} // namespace cb

namespace cb::auth {

struct AccountInfo {
    QString login;
    bool recovery = false; // the recovery key's slot
    QString name;          // the member's, when a member has the login as badge
    std::optional<Role> role;
    bool locked = false;
    std::int64_t lockedAtMs = 0;
    int pendingFailures = 0; // failed sign-ins not yet in the audit trail
    std::int64_t createdAtMs = 0;
};

class Accounts {
public:
    Accounts(CaseFile &file, const Clock &clock);

    // Every account, then the recovery slot (when there is one).
    QList<AccountInfo> list() const;

    // A new account for the member whose badge is `login`. When `newMember` is given, that member
    // is added first (its badge must be `login`). Administrators (and recovery-key sessions) only.
    void add(const QString &login, const SecretBytes &passphrase, const std::optional<Member> &newMember = std::nullopt,
             const KdfParams &kdf = defaultKdf());
    // A new passphrase for an account: one's own, or anyone's for an administrator. The account
    // gets a new key pair too, so that its old passphrase unwraps nothing in this file any more.
    void changePassphrase(const QString &login, const SecretBytes &newPassphrase, const KdfParams &kdf = defaultKdf());
    // Unlocks an account locked after failed sign-ins (in the sign-in record; the key header is
    // not written); its failures move to the audit trail, which records the release before the
    // lock is lifted.
    void release(const QString &login);
    // A new recovery key (shown once: the text is returned); the old one opens nothing any more.
    SecretBytes replaceRecoveryKey();

    // Removes an account and re-keys the file: a new random database key, the database
    // re-encrypted into a new file beside this one, checked, and renamed over it. The removed
    // person's passphrase then opens neither this file nor any backup taken from now on. The file
    // must be open nowhere else. On success `file` is replaced by the re-keyed file, signed in as
    // before (close every CaseStore over the old one first: its statements would point at the
    // old file); on failure it is left as it was.
    static void remove(std::unique_ptr<CaseFile> &file, const QString &login, const Clock &clock);

private:
    CaseFile &m_file;
    const Clock &m_clock;
};

} // namespace cb::auth
