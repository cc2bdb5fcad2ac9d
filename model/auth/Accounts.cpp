#include "model/auth/Accounts.h"

#include "model/auth/KeyHeader.h"
#include "model/auth/Lockout.h"
#include "model/auth/PassphrasePolicy.h"
#include "model/auth/SignInLog.h"
#include "model/auth/Vault.h"
#include "model/storage/CaseFile.h"
#include "model/storage/ContainerVfs.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QCoreApplication>

namespace cb::auth {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::auth::Accounts)
};

Actor actorOf(const Session &s)
{
    return {s.memberId, s.login};
}

void requireSlots(const CaseFile &file)
{
    if (!file.hasKeySlots())
        throw Error(ErrorKind::Refused, Tr::tr("%1 is an old-format case file without accounts: upgrade it first "
                                               "(caseboard-cli account upgrade).")
                                            .arg(file.path()));
}

// A refusal is audited like any other action, then thrown.
[[noreturn]] void deny(CaseFile &file, const Clock &clock, const QString &what)
{
    try {
        CaseStore store(file, clock);
        store.setActor(actorOf(file.session()));
        store.recordEvent(QStringLiteral("denied"), QStringLiteral("account"), what);
    } catch (const Error &) {
        // A read-only session cannot write the entry; the refusal stands all the same.
    }
    throw Error(ErrorKind::Refused, Tr::tr("Only an administrator can %1; %2 is not one.")
                                        .arg(what, file.session().login.isEmpty() ? Tr::tr("this session")
                                                                                 : file.session().login));
}

void requireAdministrator(CaseFile &file, const Clock &clock, const QString &what)
{
    if (!file.session().canManageAccounts())
        deny(file, clock, what);
}

struct MemberRow {
    Id id = 0;
    QString name;
    std::optional<Role> role;
};

std::optional<MemberRow> memberByBadge(CaseFile &file, const QString &badge)
{
    db::Statement s = file.db().prepare("SELECT id, name, role FROM members WHERE badge = ?1");
    s.bind(1, badge);
    if (!s.step())
        return std::nullopt;
    return MemberRow{s.int64(0), s.text(1), fromKey<Role>(s.text(2))};
}

KeyHeader readCurrent(const QString &path)
{
    std::unique_ptr<container::HeaderFile> file = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
    const std::optional<KeyHeader> header = header::read(*file).current();
    if (!header)
        throw Error(ErrorKind::Damaged, Tr::tr("The key slots of %1 are damaged. Restore it from a backup.").arg(path));
    return *header;
}

[[noreturn]] void noAccount(const QString &path, const QString &login)
{
    throw Error(ErrorKind::NotFound, Tr::tr("%1 has no account %2.").arg(path, login));
}

// One change of the header with its audit entries, all or nothing: the database transaction
// is open while the header is committed, and rolls back if anything before the commit fails.
// Failures and locks an old header still holds move into the sign-in record first (Lockout.h),
// and the header is written without them.
template<typename Change>
void changeHeader(CaseFile &file, const Clock &clock, const QString &action, const QString &detail, Change &&change)
{
    lockout::EventClock events(clock);
    CaseStore store(file, events);
    store.setActor(actorOf(file.session()));
    store.batch([&] {
        std::unique_ptr<container::HeaderFile> h =
            container::HeaderFile::open(file.path(), container::HeaderFile::Mode::ReadWrite);
        if (!h->writable())
            throw Error(ErrorKind::Io, Tr::tr("Cannot change the accounts of %1: the file is read-only.").arg(file.path()));
        h->lockForUpdate();
        const header::Copies copies = header::read(*h);
        std::optional<KeyHeader> current = copies.current();
        if (!current)
            throw Error(ErrorKind::Damaged,
                        Tr::tr("The key slots of %1 are damaged. Restore it from a backup.").arg(file.path()));
        if (lockout::hasLegacyRecords(*current))
            SignInLog(file.path()).update([&](SignInRecords &records) { lockout::takeLegacyRecords(*current, records); });
        change(*current, store, events);
        store.recordEvent(action, QStringLiteral("account"), detail);
        header::commit(*h, copies, *current);
    });
}

} // namespace

Accounts::Accounts(CaseFile &file, const Clock &clock) : m_file(file), m_clock(clock) {}

QList<AccountInfo> Accounts::list() const
{
    requireSlots(m_file);
    const KeyHeader header = readCurrent(m_file.path());
    const SignInRecords records = SignInLog(m_file.path()).read();
    QList<AccountInfo> out, recovery;
    for (const KeySlot &s : header.keySlots) {
        SignInRecord record = records.of(s);
        lockout::merge(record, lockout::legacyRecord(s));
        AccountInfo a;
        a.login = s.login;
        a.recovery = s.isRecovery();
        a.locked = record.locked();
        a.lockedAtMs = record.lockedAtMs;
        a.pendingFailures = record.pending();
        a.createdAtMs = s.createdAtMs;
        if (!a.recovery) {
            if (const std::optional<MemberRow> m = memberByBadge(m_file, s.login)) {
                a.name = m->name;
                a.role = m->role;
            }
        }
        (a.recovery ? recovery : out) << a;
    }
    return out + recovery;
}

void Accounts::add(const QString &login, const SecretBytes &passphrase, const std::optional<Member> &newMember,
                   const KdfParams &kdf)
{
    requireSlots(m_file);
    requireAdministrator(m_file, m_clock, Tr::tr("add accounts"));
    PassphrasePolicy::requireLogin(login);
    const std::optional<MemberRow> existing = memberByBadge(m_file, login);
    if (newMember && existing)
        throw Error(ErrorKind::AlreadyExists, Tr::tr("A member with the badge %1 exists already.").arg(login));
    if (newMember && newMember->badge != login)
        throw Error(ErrorKind::Invalid, Tr::tr("The new member's badge (%1) must be the login (%2).")
                                            .arg(newMember->badge, login));
    if (!newMember && !existing)
        throw Error(ErrorKind::Invalid, Tr::tr("No member has the badge %1: an account belongs to a member. Add the "
                                               "member first, or give a name and a role.")
                                            .arg(login));
    PassphrasePolicy::require(passphrase, {login, newMember ? newMember->name : existing->name});
    // Argon2id before the transaction opens: it takes a while.
    const KeySlot slot = Vault::accountSlot(login, passphrase, kdf, m_file.m_fileKey, m_clock.nowMs());
    changeHeader(m_file, m_clock, QStringLiteral("account_added"), login,
                 [&](KeyHeader &h, CaseStore &store, lockout::EventClock &) {
                     if (h.account(login))
                         throw Error(ErrorKind::AlreadyExists,
                                     Tr::tr("%1 has an account %2 already.").arg(m_file.path(), login));
                     if (newMember)
                         store.addMember(*newMember);
                     qsizetype at = h.keySlots.size();
                     while (at > 0 && h.keySlots.at(at - 1).isRecovery())
                         --at;
                     h.keySlots.insert(at, slot);
                 });
    // A record left under this login by an account removed before starts nobody off locked.
    try {
        SignInLog(m_file.path()).update([&](SignInRecords &records) { records.accounts.remove(login); });
    } catch (const Error &) {
    }
}

void Accounts::changePassphrase(const QString &login, const SecretBytes &newPassphrase, const KdfParams &kdf)
{
    requireSlots(m_file);
    const Session &session = m_file.session();
    if (session.recovery || session.login != login)
        requireAdministrator(m_file, m_clock, Tr::tr("change another account's passphrase"));
    const std::optional<MemberRow> member = memberByBadge(m_file, login);
    PassphrasePolicy::require(newPassphrase, {login, member ? member->name : QString()});
    KeySlot fresh = Vault::accountSlot(login, newPassphrase, kdf, m_file.m_fileKey, m_clock.nowMs());
    changeHeader(m_file, m_clock, QStringLiteral("passphrase_changed"), login,
                 [&](KeyHeader &h, CaseStore &, lockout::EventClock &) {
                     KeySlot *s = h.account(login);
                     if (!s)
                         noAccount(m_file.path(), login);
                     // When the account was made stays; its lock and failed sign-ins are in the
                     // sign-in record, and stay there.
                     fresh.createdAtMs = s->createdAtMs;
                     *s = fresh;
                 });
}

void Accounts::release(const QString &login)
{
    requireSlots(m_file);
    requireAdministrator(m_file, m_clock, Tr::tr("release locked accounts"));
    const std::optional<MemberRow> member = memberByBadge(m_file, login);
    const QString path = m_file.path();
    const KeyHeader header = readCurrent(path);
    const KeySlot *slot = header.account(login);
    if (!slot)
        noAccount(path, login);
    // A lock an old header holds moves into the sign-in record first, where it is released.
    if (lockout::hasLegacyRecords(header))
        lockout::settleHeader(path);
    SignInLog log(path);
    const SignInRecord record = log.read().of(*slot);
    if (!record.locked())
        throw Error(ErrorKind::Refused, Tr::tr("The account %1 is not locked.").arg(login));
    // The audit trail first: a release that is not in it must not have happened. If the record
    // cannot be written afterwards, the account stays locked and the release can be repeated
    // (failures already moved are not moved twice).
    {
        lockout::EventClock events(m_clock);
        CaseStore store(m_file, events);
        store.setActor(actorOf(m_file.session()));
        store.batch([&] {
            lockout::recordFailures(store, events, login, record, member ? std::optional<Id>(member->id) : std::nullopt);
            store.recordEvent(QStringLiteral("account_released"), QStringLiteral("account"), login);
        });
    }
    log.update([&](SignInRecords &records) {
        SignInRecord &r = records.of(*slot);
        lockout::forgetFailures(r, record);
        r.lockedAtMs = 0;
    });
}

SecretBytes Accounts::replaceRecoveryKey()
{
    requireSlots(m_file);
    requireAdministrator(m_file, m_clock, Tr::tr("replace the recovery key"));
    const SecretBytes raw = RecoveryKey::generate();
    const KeySlot slot = Vault::recoverySlot(raw, m_file.m_fileKey, m_clock.nowMs());
    changeHeader(m_file, m_clock, QStringLiteral("recovery_key_replaced"), QStringLiteral("recovery"),
                 [&](KeyHeader &h, CaseStore &, lockout::EventClock &) {
                     if (KeySlot *r = h.recovery())
                         *r = slot;
                     else
                         h.keySlots << slot;
                 });
    return RecoveryKey::format(raw);
}

void Accounts::remove(std::unique_ptr<CaseFile> &file, const QString &login, const Clock &clock)
{
    requireSlots(*file);
    requireAdministrator(*file, clock, Tr::tr("remove accounts"));
    const Session session = file->session();
    const QString path = file->path();
    if (!session.recovery && session.login == login)
        throw Error(ErrorKind::Refused,
                    Tr::tr("The account you are signed in with (%1) cannot remove itself; ask another administrator.")
                        .arg(login));
    KeyHeader header = readCurrent(path);
    if (!header.account(login))
        noAccount(path, login);
    if (header.accountLogins().size() <= 1)
        throw Error(ErrorKind::Refused, Tr::tr("%1 is the last account of %2; it cannot be removed.").arg(login, path));
    // The new file's header carries no failures or locks (Lockout.h): an old header's move to the
    // sign-in record, which stays valid for the same path after the rename.
    if (lockout::hasLegacyRecords(header))
        SignInLog(path).update([&](SignInRecords &records) { lockout::takeLegacyRecords(header, records); });
    header.keySlots.removeIf([&](const KeySlot &s) { return !s.isRecovery() && s.login == login; });
    // A new database key, wrapped to every remaining slot's public key: no passphrase needed.
    const SecretBytes fileKey = Vault::newFileKey();
    for (KeySlot &s : header.keySlots)
        Vault::wrapFileKey(s, fileKey);
    CaseFile::replaceWithContainer(file->m_db, path, header, fileKey, [&](CaseFile &copy) {
        CaseStore store(copy, clock);
        store.setActor(actorOf(session));
        store.recordEvent(QStringLiteral("account_removed"), QStringLiteral("account"), login);
    });
    file.reset();
    file = CaseFile::openWithFileKey(path, fileKey, false);
    file->loadSession(session.login, session.recovery);
    // The removed account's failures and lock go with it.
    try {
        SignInLog(path).update([&](SignInRecords &records) { records.accounts.remove(login); });
    } catch (const Error &) {
    }
}

} // namespace cb::auth
