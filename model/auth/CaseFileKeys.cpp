// CaseFile's side of key slots: creating a case file with a random database key and its first
// account, signing in through a slot, the lockout (counted beside the file, never in it:
// Lockout.h), and re-encrypting the file into a new container (for removing an account and for
// upgrading an old-format file). The rest of CaseFile is in model/storage/CaseFile.cpp; account
// management is in Accounts.cpp.

#include "model/storage/CaseFile.h"

#include "model/auth/Crypto.h"
#include "model/auth/KeyHeader.h"
#include "model/auth/Lockout.h"
#include "model/auth/SignInLog.h"
#include "model/auth/Vault.h"
#include "model/storage/ContainerVfs.h"
#include "model/storage/FileSync.h"
#include "model/storage/Schema.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTimeZone>

#include <openssl/crypto.h>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cstdio>

namespace cb {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::CaseFile)
};

constexpr std::int64_t kPageSize = 4096;

// SQLCipher's raw-key form, x'<64 hex digits>': the only thing this code ever gives sqlite3_key.
SecretBytes rawKeyText(const SecretBytes &fileKey)
{
    const SecretBytes hex = auth::crypto::toHex(fileKey);
    std::array<char, 3 + 2 * auth::Vault::kFileKeySize> text{};
    text[0] = 'x';
    text[1] = '\'';
    std::copy(hex.data(), hex.data() + hex.size(), text.begin() + 2);
    text[2 + hex.size()] = '\'';
    SecretBytes out = SecretBytes::fromRaw(text.data(), 3 + hex.size());
    OPENSSL_cleanse(text.data(), text.size());
    return out;
}

SecretBytes copyOf(const SecretBytes &s)
{
    return SecretBytes::fromRaw(s.data(), s.size());
}

QString utcText(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString damagedSlots(const QString &path)
{
    return Tr::tr("The key slots of %1 are damaged (neither copy of its header is whole). Restore it from a backup; "
                  "the file was not changed.")
        .arg(path);
}

void removeWithSidecars(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    QFile::remove(path + QStringLiteral("-journal"));
}

// A new set of key slots at `path` (a new file, an upgraded one) starts without failures or locks,
// whatever a record left by an earlier file at the same path says (auth/Lockout.h).
void forgetOlderSignIns(const QString &path)
{
    try {
        auth::SignInLog(path).discard();
    } catch (const Error &) {
        // Busy or a read-only folder: at worst an old lock needs an administrator's release.
    }
}

// Which slot a sign-in asks for.
const auth::KeySlot &pickSlot(const auth::KeyHeader &header, const QString &path, const SignIn &in)
{
    if (in.withRecoveryKey) {
        if (const auth::KeySlot *s = header.recovery())
            return *s;
        throw Error(ErrorKind::WrongPassphrase, Tr::tr("%1 has no recovery key.").arg(path));
    }
    if (in.login.isEmpty()) {
        const QStringList logins = header.accountLogins();
        if (logins.size() == 1)
            return *header.account(logins.first());
        if (logins.isEmpty())
            throw Error(ErrorKind::Refused, Tr::tr("%1 has no accounts left: open it with its recovery key.").arg(path));
        throw Error(ErrorKind::Invalid, Tr::tr("%1 has %2 accounts (%3): say which one signs in.")
                                            .arg(path)
                                            .arg(logins.size())
                                            .arg(logins.join(QStringLiteral(", "))));
    }
    if (const auth::KeySlot *s = header.account(in.login))
        return *s;
    throw Error(ErrorKind::WrongPassphrase, Tr::tr("%1 has no account %2.").arg(path, in.login));
}

// Counts a failed sign-in in the sign-in record beside the file, never in the file
// (auth/Lockout.h). The record is re-read under its lock: another sign-in may have counted since.
// Failures an old header still holds count too, and join the record. Returns the slot's record as
// it is now.
auth::SignInRecord countFailure(auth::SignInLog &log, const auth::KeyHeader &header, const auth::KeySlot &slot,
                                std::int64_t nowMs)
{
    auth::SignInRecord result;
    log.update([&](auth::SignInRecords &records) {
        auth::SignInRecord &r = records.of(slot);
        auth::lockout::merge(r, auth::lockout::legacyRecord(slot));
        auth::lockout::recordFailure(r, nowMs, auth::lockout::canLock(header, slot));
        result = r;
    });
    return result;
}

} // namespace

// --- opening ------------------------------------------------------------------------------------

db::Database CaseFile::openContainer(const QString &path, const SecretBytes &fileKey)
{
    db::Database db = db::Database::open(path, db::OpenMode::ReadWrite, container::vfsName());
    beforeKey(db);
    db.key(rawKeyText(fileKey));
    afterKey(db);
    return db;
}

std::unique_ptr<CaseFile> CaseFile::openWithFileKey(const QString &path, const SecretBytes &fileKey, bool readOnly)
{
    const bool hadLog = QFileInfo::exists(path + QStringLiteral("-wal"));
    db::Database db = openContainer(path, fileKey);
    // As for an old-format file (CaseFile::unlock): a refused file keeps a crashed session's log as it was.
    db.setCheckpointOnClose(false);
    try {
        const QString damaged =
            Tr::tr("%1 is damaged: its key slots open, but its first page does not. Restore it from a backup; the "
                   "file was not changed.")
                .arg(path);
        try {
            checkUnlocked(db, path, damaged);
        } catch (const Error &e) {
            // The key came out of an authenticated slot, so it is the right one: page 1 is damaged.
            if (e.kind() == ErrorKind::WrongPassphrase)
                throw Error(ErrorKind::Damaged, damaged);
            throw;
        }
        finishOpen(db, readOnly);
    } catch (...) {
        if (!hadLog)
            db.setCheckpointOnClose(true);
        throw;
    }
    db.setCheckpointOnClose(true);
    std::unique_ptr<CaseFile> file(new CaseFile(std::move(db), path));
    file->m_container = true;
    file->m_fileKey = copyOf(fileKey);
    return file;
}

void CaseFile::loadSession(const QString &login, bool recovery)
{
    m_session = Session{};
    m_session.login = login;
    m_session.recovery = recovery;
    m_session.legacy = !m_container;
    if (login.isEmpty() || recovery)
        return;
    db::Statement s = m_db.prepare("SELECT id, role FROM members WHERE badge = ?1");
    s.bind(1, login);
    if (s.step()) {
        m_session.memberId = s.int64(0);
        m_session.role = fromKey<Role>(s.text(1));
    }
}

std::unique_ptr<CaseFile> CaseFile::signIn(const QString &path, const SignIn &in, bool readOnly, const OpenOptions &options)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(ErrorKind::NotFound, Tr::tr("No case file at %1.").arg(path));
    if (!info.isFile())
        throw Error(ErrorKind::NotACaseFile, Tr::tr("%1 is not a file.").arg(path));

    std::unique_ptr<container::HeaderFile> file;
    try {
        file = container::HeaderFile::open(path, container::HeaderFile::Mode::ReadWrite);
    } catch (const Error &) {
        file.reset(); // the old-format path below reports what is wrong with the file
    }
    if (!file || !auth::header::hasMagic(*file)) {
        file.reset();
        // An old-format file: the passphrase is SQLCipher's key (README, "Accounts and key slots").
        if (in.withRecoveryKey)
            throw Error(ErrorKind::WrongPassphrase,
                        Tr::tr("%1 is an old-format case file: it has no recovery key.").arg(path));
        db::Database db = unlock(path, in.secret, db::OpenMode::ReadWrite);
        finishOpen(db, readOnly);
        std::unique_ptr<CaseFile> f(new CaseFile(std::move(db), path));
        f->loadSession(QString(), false);
        return f;
    }

    const std::int64_t size = file->size();
    if (size <= container::kHeaderSize || (size - container::kHeaderSize) % kPageSize != 0)
        throw Error(ErrorKind::Damaged,
                    Tr::tr("%1 is truncated or damaged (its size, %2 bytes, is not its key header and whole pages). "
                           "Restore it from a backup.")
                        .arg(path)
                        .arg(size));
    const auth::header::Copies copies = auth::header::read(*file);
    const std::optional<auth::KeyHeader> header = copies.current();
    if (!header)
        throw Error(ErrorKind::Damaged, damagedSlots(path));
    const auth::KeySlot slot = pickSlot(*header, path, in);

    const SystemClock systemClock;
    const Clock &clock = options.clock ? *options.clock : systemClock;
    const std::int64_t now = clock.nowMs();
    // The failures waiting for this slot: in the sign-in record, and in the header of a file
    // written before the record moved out of it. Read without the record's lock: a rename
    // replaces the record whole, and a count re-reads it under the lock.
    auth::SignInLog log(path);
    auth::SignInRecord waiting = auth::lockout::legacyRecord(slot);
    bool recordDamaged = false;
    try {
        auth::lockout::merge(waiting, log.read().of(slot));
    } catch (const Error &) {
        // Fails closed where a lock is possible (auth/Lockout.h): nothing is tried or counted.
        if (auth::lockout::canLock(*header, slot))
            throw;
        recordDamaged = true;
    }
    if (waiting.locked())
        throw Error(ErrorKind::Refused, Tr::tr("The account %1 of %2 is locked after %3 failed sign-ins within 15 minutes "
                                               "(since %4 UTC). An administrator must release it.")
                                            .arg(slot.login, path)
                                            .arg(auth::lockout::kMaxFailures)
                                            .arg(utcText(waiting.lockedAtMs)));

    std::optional<SecretBytes> privateKey;
    if (in.withRecoveryKey) {
        if (const std::optional<SecretBytes> raw = auth::RecoveryKey::parse(in.secret))
            privateKey = auth::Vault::unlockPrivateKey(slot, *raw);
    } else {
        privateKey = auth::Vault::unlockPrivateKey(slot, in.secret);
    }
    if (!privateKey) {
        // Not a byte of the case file is written from here on.
        file.reset();
        std::optional<auth::SignInRecord> counted;
        try {
            counted = countFailure(log, *header, slot, now);
        } catch (const Error &) {
            // A full or failing disk, a read-only folder, a damaged record of a file that cannot
            // lock: the passphrase is still wrong, and that is what to say.
        }
        if (in.withRecoveryKey)
            throw Error(ErrorKind::WrongPassphrase,
                        Tr::tr("The recovery key is wrong for %1. The database was not changed.").arg(path));
        if (counted && counted->locked())
            throw Error(ErrorKind::WrongPassphrase,
                        Tr::tr("The passphrase is wrong for %1, or %2 is damaged. That was the %3th failed sign-in "
                               "within 15 minutes: the account is locked until an administrator releases it.")
                            .arg(slot.login, path)
                            .arg(auth::lockout::kMaxFailures));
        throw Error(ErrorKind::WrongPassphrase,
                    Tr::tr("The passphrase is wrong for %1, or %2 is damaged. The database was not changed; the failed "
                           "sign-in was counted (%3 within 15 minutes lock the account).")
                        .arg(slot.login, path)
                        .arg(auth::lockout::kMaxFailures));
    }
    const std::optional<SecretBytes> fileKey = auth::Vault::unwrapFileKey(slot, *privateKey);
    if (!fileKey)
        throw Error(ErrorKind::Damaged, Tr::tr("The key slot of %1 in %2 is damaged: it does not give the file's key. "
                                               "Restore the file from a backup, or open it with the recovery key.")
                                            .arg(slot.login, path));

    // Closed before SQLite opens the file, so that this process holds one lock state on it.
    const bool writable = file->writable();
    file.reset();
    std::unique_ptr<CaseFile> f = openWithFileKey(path, *fileKey, readOnly);
    f->loadSession(slot.isRecovery() ? QStringLiteral("recovery") : slot.login, slot.isRecovery());
    if (readOnly || !writable)
        return f;

    // Signed in for work. A damaged sign-in record goes aside (audited below), so that counting
    // can start again; a header write cut short is finished, and failures an old header holds move
    // into the record (the header is written without them). If either fails, the sign-in stands
    // and the next one tries again.
    QString aside;
    if (recordDamaged) {
        try {
            aside = log.setAside(clock);
        } catch (const Error &) {
        }
    }
    if (!copies.settled() || auth::lockout::hasLegacyRecords(*header)) {
        try {
            auth::lockout::settleHeader(path);
        } catch (const Error &) {
        }
    }
    // The waiting failures move to the audit trail with this sign-in, then leave the record. A
    // crash in between repeats the move next time, and failures already moved are skipped
    // (lockout::recordFailures).
    if (!waiting.isEmpty() || options.auditSignIn || !aside.isEmpty()) {
        auth::lockout::EventClock events(clock);
        CaseStore store(*f, events);
        store.setActor({f->m_session.memberId, f->m_session.login});
        store.batch([&] {
            if (!aside.isEmpty())
                store.recordEvent(QStringLiteral("sign_in_record_reset"), QStringLiteral("account"),
                                  QFileInfo(aside).fileName());
            auth::lockout::recordFailures(store, events, slot.login, waiting, f->m_session.memberId);
            store.recordEvent(QStringLiteral("sign_in"), QStringLiteral("account"), f->m_session.login);
        });
    }
    if (!waiting.isEmpty()) {
        try {
            log.update([&](auth::SignInRecords &records) { auth::lockout::forgetFailures(records.of(slot), waiting); });
        } catch (const Error &) {
            // The failures stay in the record and move again next time.
        }
    }
    return f;
}

std::unique_ptr<CaseFile> CaseFile::open(const QString &path, const SignIn &in, const OpenOptions &options)
{
    return signIn(path, in, false, options);
}

std::unique_ptr<CaseFile> CaseFile::open(const QString &path, const QString &login, const SecretBytes &passphrase)
{
    return signIn(path, SignIn{login, passphrase}, false, OpenOptions{});
}

std::unique_ptr<CaseFile> CaseFile::openWithRecoveryKey(const QString &path, const SecretBytes &recoveryKey,
                                                        const OpenOptions &options)
{
    return signIn(path, SignIn{QString(), recoveryKey, true}, false, options);
}

std::unique_ptr<CaseFile> CaseFile::openReadOnly(const QString &path, const SignIn &in, const OpenOptions &options)
{
    return signIn(path, in, true, options);
}

QStringList CaseFile::accountLogins(const QString &path)
{
    if (!QFileInfo(path).isFile())
        throw Error(ErrorKind::NotFound, Tr::tr("No case file at %1.").arg(path));
    std::unique_ptr<container::HeaderFile> file = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
    if (!auth::header::hasMagic(*file))
        return {};
    const std::optional<auth::KeyHeader> header = auth::header::read(*file).current();
    if (!header)
        throw Error(ErrorKind::Damaged, damagedSlots(path));
    return header->accountLogins();
}

qint64 CaseFile::databaseOffset(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return 0;
    std::unique_ptr<container::HeaderFile> file = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
    return auth::header::hasMagic(*file) ? container::kHeaderSize : 0;
}

db::Database CaseFile::rawConnection(const QString &path, const SignIn &in, db::OpenMode mode)
{
    std::optional<auth::KeyHeader> header;
    if (QFileInfo(path).isFile()) {
        std::unique_ptr<container::HeaderFile> file = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
        if (auth::header::hasMagic(*file)) {
            header = auth::header::read(*file).current();
            if (!header)
                throw Error(ErrorKind::Damaged, damagedSlots(path));
        }
    }
    if (!header) {
        db::Database db = db::Database::open(path, mode);
        db.key(in.secret);
        return db;
    }
    const auth::KeySlot &slot = pickSlot(*header, path, in);
    std::optional<SecretBytes> privateKey;
    if (in.withRecoveryKey) {
        if (const std::optional<SecretBytes> raw = auth::RecoveryKey::parse(in.secret))
            privateKey = auth::Vault::unlockPrivateKey(slot, *raw);
    } else {
        privateKey = auth::Vault::unlockPrivateKey(slot, in.secret);
    }
    const std::optional<SecretBytes> fileKey =
        privateKey ? auth::Vault::unwrapFileKey(slot, *privateKey) : std::optional<SecretBytes>();
    if (!fileKey)
        throw Error(ErrorKind::WrongPassphrase, Tr::tr("The passphrase is wrong for %1, or %2 is damaged.")
                                                    .arg(slot.login, path));
    db::Database db = db::Database::open(path, mode == db::OpenMode::ReadWriteCreate ? db::OpenMode::ReadWrite : mode,
                                         container::vfsName());
    db.key(rawKeyText(*fileKey));
    return db;
}

// --- creating -----------------------------------------------------------------------------------

CaseFile::Created CaseFile::create(const QString &path, const QString &adminLogin, const QString &adminName,
                                   const SecretBytes &passphrase)
{
    NewCaseFile spec;
    spec.adminLogin = adminLogin;
    spec.adminName = adminName;
    return create(path, spec, passphrase);
}

CaseFile::Created CaseFile::create(const QString &path, const NewCaseFile &spec, const SecretBytes &passphrase)
{
    if (QFileInfo::exists(path))
        throw Error(ErrorKind::AlreadyExists, Tr::tr("%1 already exists; CaseBoard never overwrites a file.").arg(path));
    PassphrasePolicy::requireLogin(spec.adminLogin);
    PassphrasePolicy::require(passphrase, {spec.adminLogin, spec.adminName});
    const SystemClock systemClock;
    const Clock &clock = spec.clock ? *spec.clock : systemClock;
    const std::int64_t now = clock.nowMs();

    const SecretBytes fileKey = auth::Vault::newFileKey();
    auth::KeyHeader header;
    header.keySlots << auth::Vault::accountSlot(spec.adminLogin, passphrase, spec.kdf, fileKey, now);
    Created created;
    if (spec.recoveryKey) {
        const SecretBytes raw = auth::RecoveryKey::generate();
        header.keySlots << auth::Vault::recoverySlot(raw, fileKey, now);
        created.recoveryKey = auth::RecoveryKey::format(raw);
    }

    bool made = false;
    try {
        {
            std::unique_ptr<container::HeaderFile> file =
                container::HeaderFile::open(path, container::HeaderFile::Mode::CreateNew);
            made = true;
            auth::header::writeFresh(*file, header);
        }
        db::Database db = openContainer(path, fileKey);
        db.execScript("PRAGMA application_id = " + std::to_string(schema::kApplicationId));
        finishOpen(db, false);
        std::unique_ptr<CaseFile> file(new CaseFile(std::move(db), path));
        file->m_container = true;
        file->m_fileKey = copyOf(fileKey);
        if (!spec.adminName.isEmpty()) {
            CaseStore store(*file, clock);
            store.setActor({std::nullopt, spec.adminLogin});
            store.batch([&] {
                store.addMember({0, spec.adminName, spec.adminLogin, QString(), QString(), Role::Administrator, true});
                store.recordEvent(QStringLiteral("account_added"), QStringLiteral("account"), spec.adminLogin);
            });
        }
        file->loadSession(spec.adminLogin, false);
        created.file = std::move(file);
        forgetOlderSignIns(path);
    } catch (const Error &e) {
        // Leave nothing half-made behind: the file is ours, created a moment ago.
        if (made)
            removeWithSidecars(path);
        if (e.kind() == ErrorKind::Io && !made && QFileInfo::exists(path))
            throw Error(ErrorKind::AlreadyExists,
                        Tr::tr("%1 already exists; CaseBoard never overwrites a file.").arg(path));
        throw;
    } catch (...) {
        if (made)
            removeWithSidecars(path);
        throw;
    }
    return created;
}

// --- copies -------------------------------------------------------------------------------------

db::Database CaseFile::createEmptyCopy(const QString &path, const SecretBytes &legacyPassphrase) const
{
    if (!m_container)
        return createKeyedEmpty(path, legacyPassphrase);
    if (QFileInfo::exists(path))
        throw Error(ErrorKind::AlreadyExists, Tr::tr("%1 already exists; CaseBoard never overwrites a file.").arg(path));
    std::optional<auth::KeyHeader> header;
    {
        std::unique_ptr<container::HeaderFile> source =
            container::HeaderFile::open(m_path, container::HeaderFile::Mode::Read);
        header = auth::header::read(*source).current();
    }
    if (!header)
        throw Error(ErrorKind::Damaged, damagedSlots(m_path));
    {
        std::unique_ptr<container::HeaderFile> copy = container::HeaderFile::open(path, container::HeaderFile::Mode::CreateNew);
        auth::header::writeFresh(*copy, *header);
    }
    return openContainer(path, m_fileKey);
}

std::unique_ptr<CaseFile> CaseFile::openCopyReadOnly(const QString &path, const SecretBytes &legacyPassphrase) const
{
    if (!m_container)
        return openReadOnly(path, legacyPassphrase);
    std::unique_ptr<CaseFile> copy = openWithFileKey(path, m_fileKey, true);
    copy->m_session = m_session;
    return copy;
}

// --- re-encrypting into a new container -----------------------------------------------------------

void CaseFile::replaceWithContainer(db::Database &source, const QString &path, const auth::KeyHeader &header,
                                    const SecretBytes &fileKey, const std::function<void(CaseFile &)> &fill)
{
    // Only connection to the file, or nothing happens: leaving WAL mode needs every other
    // connection gone, and then a file renamed over this one cannot strand anybody's writes. The
    // exclusive lock then keeps newcomers out until the new file is in place.
    source.setBusyTimeout(0);
    QString mode;
    try {
        mode = source.scalar("PRAGMA journal_mode = DELETE").toString();
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::Busy)
            throw;
    }
    source.setBusyTimeout(10000);
    if (mode.compare(QStringLiteral("delete"), Qt::CaseInsensitive) != 0)
        throw Error(ErrorKind::Busy, Tr::tr("%1 is open elsewhere (another CaseBoard window or command). Close it there "
                                            "first; nothing was changed.")
                                         .arg(path));
    auto backToWal = [&] {
        try {
            source.execScript("PRAGMA locking_mode = NORMAL;");
            source.scalar("PRAGMA journal_mode = WAL");
        } catch (const Error &) {
        }
    };
    QString temp;
    try {
        source.execScript("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;");
        const qint64 appId = source.scalar("PRAGMA application_id").toLongLong();
        for (;;) {
            temp = path + QStringLiteral(".rekey-") + QString::number(QRandomGenerator::global()->generate64(), 16);
            if (!QFileInfo::exists(temp))
                break;
        }
        {
            std::unique_ptr<container::HeaderFile> file =
                container::HeaderFile::open(temp, container::HeaderFile::Mode::CreateNew);
            auth::header::writeFresh(*file, header);
        }
        {
            db::Database copy = openContainer(temp, fileKey);
            copy.execScript("PRAGMA synchronous = FULL;");
            source.backupTo(copy);
        }
        {
            std::unique_ptr<CaseFile> copy = openWithFileKey(temp, fileKey, false);
            if (fill)
                fill(*copy);
        }
        {
            // Reopened from disk, as the next sign-in will: the key and every page.
            std::unique_ptr<CaseFile> check = openWithFileKey(temp, fileKey, true);
            const QString integrity = check->db().scalar("PRAGMA integrity_check").toString();
            if (integrity != QLatin1StringView("ok"))
                throw Error(ErrorKind::Damaged, Tr::tr("The re-encrypted copy failed its check \"integrity_check\": %1")
                                                    .arg(integrity));
            const QVariant cipher = check->db().scalar("PRAGMA cipher_integrity_check");
            if (!cipher.isNull())
                throw Error(ErrorKind::Damaged, Tr::tr("The re-encrypted copy failed its check \"cipher_integrity_check\": %1")
                                                    .arg(cipher.toString()));
            if (check->db().scalar("PRAGMA application_id").toLongLong() != appId)
                throw Error(ErrorKind::Damaged, Tr::tr("The re-encrypted copy is not a case file."));
        }
        QFile::remove(temp + QStringLiteral("-wal"));
        QFile::remove(temp + QStringLiteral("-shm"));
        container::HeaderFile::open(temp, container::HeaderFile::Mode::ReadWrite)->sync();
        if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) != 0)
            throw Error(ErrorKind::Io, Tr::tr("Cannot move the re-encrypted copy into place at %1.").arg(path));
        temp.clear();
    } catch (const Error &e) {
        if (!temp.isEmpty())
            removeWithSidecars(temp);
        backToWal();
        throw Error(e.kind(), Tr::tr("%1 was not changed: %2").arg(path, e.message()));
    } catch (...) {
        if (!temp.isEmpty())
            removeWithSidecars(temp);
        backToWal();
        throw;
    }
    fsync::syncFolderOf(path);
}

CaseFile::Created CaseFile::upgrade(const QString &path, const SecretBytes &passphrase, const NewCaseFile &spec)
{
    PassphrasePolicy::requireLogin(spec.adminLogin);
    {
        if (!QFileInfo(path).isFile())
            throw Error(ErrorKind::NotFound, Tr::tr("No case file at %1.").arg(path));
        std::unique_ptr<container::HeaderFile> file = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
        if (auth::header::hasMagic(*file))
            throw Error(ErrorKind::Refused, Tr::tr("%1 already has accounts: there is nothing to upgrade.").arg(path));
    }
    db::Database db = unlock(path, passphrase, db::OpenMode::ReadWrite);
    finishOpen(db, false);
    std::optional<QString> memberName;
    {
        db::Statement s = db.prepare("SELECT name FROM members WHERE badge = ?1");
        s.bind(1, spec.adminLogin);
        if (s.step())
            memberName = s.text(0);
    }
    PassphrasePolicy::require(passphrase, {spec.adminLogin, memberName.value_or(spec.adminName)});

    const SystemClock systemClock;
    const Clock &clock = spec.clock ? *spec.clock : systemClock;
    const std::int64_t now = clock.nowMs();
    const SecretBytes fileKey = auth::Vault::newFileKey();
    auth::KeyHeader header;
    header.keySlots << auth::Vault::accountSlot(spec.adminLogin, passphrase, spec.kdf, fileKey, now);
    Created created;
    if (spec.recoveryKey) {
        const SecretBytes raw = auth::RecoveryKey::generate();
        header.keySlots << auth::Vault::recoverySlot(raw, fileKey, now);
        created.recoveryKey = auth::RecoveryKey::format(raw);
    }
    replaceWithContainer(db, path, header, fileKey, [&](CaseFile &copy) {
        CaseStore store(copy, clock);
        store.setActor({std::nullopt, spec.adminLogin});
        store.batch([&] {
            if (!memberName && !spec.adminName.isEmpty())
                store.addMember({0, spec.adminName, spec.adminLogin, QString(), QString(), Role::Administrator, true});
            store.recordEvent(QStringLiteral("case_file_upgraded"), QStringLiteral("case_file"),
                              QStringLiteral("key slots"));
            store.recordEvent(QStringLiteral("account_added"), QStringLiteral("account"), spec.adminLogin);
        });
    });
    db.close();
    forgetOlderSignIns(path);
    created.file = openWithFileKey(path, fileKey, false);
    created.file->loadSession(spec.adminLogin, false);
    return created;
}

} // namespace cb
