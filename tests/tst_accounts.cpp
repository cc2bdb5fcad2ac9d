// Per-person sign-in over key slots: a case file's database key is random and each account's
// passphrase unwraps it; removing an account re-keys the file; the recovery key; the lockout; the
// passphrase rules; old-format files. Argon2id runs with weakForTestsOnly() costs where a test
// signs in many times (the cost is stored per slot, so every sign-in below pays only that).

#include "TestSupport.h"

#include "model/auth/Accounts.h"
#include "model/auth/Crypto.h"
#include "model/auth/KeyHeader.h"
#include "model/auth/PassphrasePolicy.h"
#include "model/auth/SignInLog.h"
#include "model/auth/Vault.h"
#include "model/storage/Backup.h"
#include "model/storage/CaseFile.h"
#include "model/storage/ContainerVfs.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/storage/Schema.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

using namespace cb;
using namespace cb::test;
using namespace Qt::StringLiterals;

namespace {

const QString kAdminPass = u"blue harbour lantern 42"_s;
const QString kDetectivePass = u"seven silver ferries at dawn"_s;
const QString kSergeantPass = u"quiet orchard under rain"_s;

// The bytes of a file, read through the same VFS SQLite uses (a plain open() and close() here
// would drop the locks an open connection of this process holds on the file).
QByteArray bytesOf(const QString &path)
{
    if (!QFileInfo::exists(path))
        return {};
    auto f = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
    return f->read(0, f->size());
}

// SHA-256 of the whole case file, key header and database alike.
QByteArray checksumOf(const QString &path)
{
    return QCryptographicHash::hash(bytesOf(path), QCryptographicHash::Sha256).toHex();
}

QString recordPath(const QString &path)
{
    return auth::SignInLog::pathFor(path);
}

auth::SignInRecord recordOf(const QString &path, const QString &login)
{
    return auth::SignInLog(path).read().accounts.value(login);
}

// The record's failure times in the audit trail's type.
QList<qint64> failuresOf(const QString &path, const QString &login)
{
    const QList<std::int64_t> ms = recordOf(path, login).failuresMs;
    return QList<qint64>(ms.cbegin(), ms.cend());
}

QByteArray plainBytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writePlain(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Whether another process sees a SHARED lock of SQLite's on the file: a read lock on the shared
// range after the pending byte (sqlite3.c, unixLock). POSIX locks are per process, so only a
// child can tell whether this process still holds one.
bool othersSeeASharedLock(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fd = ::open(native.constData(), O_RDWR);
        struct flock lock {};
        lock.l_type = F_WRLCK;
        lock.l_whence = SEEK_SET;
        lock.l_start = 0x40000000 + 2;
        lock.l_len = 510;
        const int rc = fd >= 0 ? ::fcntl(fd, F_GETLK, &lock) : -1;
        ::_exit(rc == 0 && lock.l_type == F_RDLCK ? 0 : 1);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// A case file as CaseBoard wrote them before key slots: SQLCipher keyed with the passphrase.
void makeOldFormatFile(const QString &path)
{
    db::Database db = db::Database::open(path, db::OpenMode::ReadWriteCreate);
    db.key(secret());
    db.addSha256Function();
    db.execScript("PRAGMA application_id = " + std::to_string(schema::kApplicationId));
    schema::migrate(db);
}

auth::KeyHeader headerOf(const QString &path)
{
    auto f = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
    const std::optional<auth::KeyHeader> h = auth::header::read(*f).current();
    if (!h)
        throw Error(ErrorKind::Damaged, u"no valid header in "_s + path);
    return *h;
}

void writeHeader(const QString &path, const auth::KeyHeader &h)
{
    auto f = container::HeaderFile::open(path, container::HeaderFile::Mode::ReadWrite);
    f->lockForUpdate();
    auth::header::commit(*f, auth::header::read(*f), h);
}

// The database key a slot holds, worked out with the slot's secret as an attacker with the file would.
std::optional<SecretBytes> fileKeyFrom(const auth::KeySlot &slot, const SecretBytes &secret)
{
    const std::optional<SecretBytes> priv = auth::Vault::unlockPrivateKey(slot, secret);
    if (!priv)
        return std::nullopt;
    return auth::Vault::unwrapFileKey(slot, *priv);
}

SecretBytes rawKeyForm(const QByteArray &hex)
{
    const QByteArray text = "x'" + hex + "'";
    return SecretBytes::fromRaw(text.constData(), static_cast<std::size_t>(text.size()));
}

// Reads the application id through the container VFS with `key` as SQLCipher's key; nullopt when
// the key does not decrypt page 1.
std::optional<qint64> applicationIdUnder(const QString &path, const SecretBytes &key)
{
    try {
        db::Database db = db::Database::open(path, db::OpenMode::ReadWrite, container::vfsName());
        db.execScript("PRAGMA cipher_log_level = NONE; PRAGMA cipher_log_source = NONE;");
        db.key(key);
        return db.scalar("PRAGMA application_id").toLongLong();
    } catch (const Error &) {
        return std::nullopt;
    }
}

bool opens(const QString &path, const QString &login, const QString &passphrase, const Clock *clock = nullptr)
{
    try {
        const SecretBytes s = secret(passphrase);
        OpenOptions o;
        o.clock = clock;
        return CaseFile::openReadOnly(path, SignIn{login, s}, o) != nullptr;
    } catch (const Error &) {
        return false;
    }
}

struct AuditRow {
    qint64 at = 0;
    QString actor, action, detail;
};

QList<AuditRow> accountEvents(CaseFile &file)
{
    QList<AuditRow> out;
    db::Statement s = file.db().prepare(
        "SELECT at, actor, action, coalesce(new_value, '') FROM audit WHERE entity = 'account' ORDER BY id");
    while (s.step())
        out << AuditRow{s.int64(0), s.text(1), s.text(2), s.text(3)};
    return out;
}

QList<qint64> timesOf(const QList<AuditRow> &rows, const QString &action, const QString &actor)
{
    QList<qint64> out;
    for (const AuditRow &r : rows)
        if (r.action == action && r.actor == actor)
            out << r.at;
    return out;
}

QStringList detailsOf(const QList<AuditRow> &rows, const QString &action, const QString &actor)
{
    QStringList out;
    for (const AuditRow &r : rows)
        if (r.action == action && r.actor == actor)
            out << r.detail;
    return out;
}

QString fromCodePoints(const QList<uint> &codePoints, qsizetype count)
{
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), count);
}

Member detective(const QString &badge = u"D-7"_s)
{
    return {0, u"Dana Reyes"_s, badge, u"Detective"_s, u"Team 1"_s, Role::Detective, true};
}

// A case file with an administrator (A-1) and a detective (D-7), at a fixed time, cheap to sign in to.
struct Unit {
    QTemporaryDir dir;
    QString path;
    FixedClock clock{QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC)};
    SecretBytes recoveryKey;

    explicit Unit(bool withDetective = true)
    {
        path = dir.filePath(u"unit.caseboard"_s);
        NewCaseFile spec;
        spec.adminLogin = u"A-1"_s;
        spec.adminName = u"Pat Admin"_s;
        spec.kdf = auth::KdfParams::weakForTestsOnly();
        spec.clock = &clock;
        CaseFile::Created c = CaseFile::create(path, spec, secret(kAdminPass));
        recoveryKey = std::move(c.recoveryKey);
        if (withDetective) {
            auth::Accounts accounts(*c.file, clock);
            accounts.add(u"D-7"_s, secret(kDetectivePass), detective(), auth::KdfParams::weakForTestsOnly());
        }
    }
    std::unique_ptr<CaseFile> open(const QString &login, const QString &passphrase, bool readOnly = false)
    {
        const SecretBytes s = secret(passphrase);
        OpenOptions o;
        o.clock = &clock;
        return readOnly ? CaseFile::openReadOnly(path, SignIn{login, s}, o) : CaseFile::open(path, SignIn{login, s}, o);
    }
    std::unique_ptr<CaseFile> openWithRecoveryKey(bool readOnly = false)
    {
        OpenOptions o;
        o.clock = &clock;
        return readOnly ? CaseFile::openReadOnly(path, SignIn{QString(), recoveryKey, true}, o)
                        : CaseFile::openWithRecoveryKey(path, recoveryKey, o);
    }
    QString recoveryText() const
    {
        return QString::fromLatin1(recoveryKey.data(), static_cast<qsizetype>(recoveryKey.size()));
    }
};

} // namespace

class TestAccounts : public QObject {
    Q_OBJECT

private slots:
    void createMakesAdministratorAndRecoveryKey();
    void passphraseIsNotTheDatabaseKey();
    void rawKeyLookalikeIsJustAPassphrase();
    void wrongPassphraseChangesNoByteOfTheFile();
    void twoAccountsBothOpen();
    void rolesComeFromMembers();
    void removedAccountOpensNeitherFileNorLaterBackup();
    void removeRefusedWhileOpenElsewhere();
    void recoveryKeyOpens();
    void lockoutAfterFiveFailuresWithinFifteenMinutes();
    void fiveFailuresOverTwentyMinutesDoNotLock();
    void successResetsTheCount();
    void fileWithoutRecoveryKeyNeverLocks();
    void missingRecordMeansNoLock();
    void damagedRecordFailsClosed_data();
    void damagedRecordFailsClosed();
    void damagedRecordOfAFileThatCannotLock();
    void concurrentFailuresLoseNoCount();
    void oldHeaderFailuresAndLocksMove();
    void defaultCostIsStandard();
    void policy_data();
    void policy();
    void longPassphraseNeverTruncated();
    void backupCarriesTheSlots();
    void oldFormatFileOpensAndUpgrades();
    void oldFormatOpenKeepsOtherConnectionsLocks();
    void compatibleOpenNeedsALoginWithSeveralAccounts();
};

void TestAccounts::createMakesAdministratorAndRecoveryKey()
{
    Unit u(false);
    QCOMPARE(CaseFile::accountLogins(u.path), QStringList{u"A-1"_s});
    // Shown once, as 8 groups of 4 characters of Crockford's base 32: 160 bits.
    static const QRegularExpression shape(u"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$"_s);
    QVERIFY2(shape.match(u.recoveryText()).hasMatch(), qPrintable(u.recoveryText()));

    auto file = u.open(u"A-1"_s, kAdminPass);
    QVERIFY(file->hasKeySlots());
    QCOMPARE(file->session().login, u"A-1"_s);
    QCOMPARE(file->session().role, std::optional<Role>(Role::Administrator));
    QVERIFY(file->session().canManageAccounts());
    CaseStore store(*file, u.clock);
    const auto admin = store.memberByBadge(u"A-1"_s);
    QVERIFY(admin);
    QCOMPARE(admin->name, u"Pat Admin"_s);
    QCOMPARE(admin->role, Role::Administrator);
    QCOMPARE(file->session().memberId, std::optional<Id>(admin->id));
    const QList<AuditRow> events = accountEvents(*file);
    QCOMPARE(timesOf(events, u"account_added"_s, u"A-1"_s).size(), 1);
    QCOMPARE(timesOf(events, u"sign_in"_s, u"A-1"_s), QList<qint64>{u.clock.nowMs()});
    for (const CaseFile::Check &c : file->verify())
        QVERIFY2(c.ok, qPrintable(c.name + u": "_s + c.problems.join(u"; "_s)));

    // One file: the header, then the encrypted database, nothing readable in either.
    file.reset();
    const QByteArray bytes = bytesOf(u.path);
    QVERIFY(bytes.startsWith("CBKEYHDR"));
    QCOMPARE(bytes.mid(container::kHeaderSize / 2, 8), QByteArray("CBKEYHDR"));
    QVERIFY(bytes.size() > container::kHeaderSize);
    QCOMPARE((bytes.size() - container::kHeaderSize) % 4096, 0);
    QVERIFY(!bytes.contains("SQLite format 3"));
    QVERIFY(!bytes.contains("Pat Admin"));
    QVERIFY(!bytes.contains("CREATE TABLE"));
}

void TestAccounts::passphraseIsNotTheDatabaseKey()
{
    Unit u(false);
    const auth::KeyHeader h = headerOf(u.path);
    const std::optional<SecretBytes> key = fileKeyFrom(*h.account(u"A-1"_s), secret(kAdminPass));
    QVERIFY(key);
    QCOMPARE(key->size(), std::size_t(32));
    // SQLCipher opens the database with the slot's key in raw form, and with nothing else.
    const SecretBytes hex = auth::crypto::toHex(*key);
    QCOMPARE(applicationIdUnder(u.path, rawKeyForm(QByteArray(hex.data(), qsizetype(hex.size())))),
             std::optional<qint64>(schema::kApplicationId));
    QCOMPARE(applicationIdUnder(u.path, secret(kAdminPass)), std::nullopt);
    // A second file under the same passphrase has another key.
    QTemporaryDir other;
    NewCaseFile spec;
    spec.kdf = auth::KdfParams::weakForTestsOnly();
    CaseFile::create(other.filePath(u"b.caseboard"_s), spec, secret(kAdminPass));
    const std::optional<SecretBytes> key2 =
        fileKeyFrom(*headerOf(other.filePath(u"b.caseboard"_s)).account(u"admin"_s), secret(kAdminPass));
    QVERIFY(key2);
    QVERIFY(QByteArray(key->data(), 32) != QByteArray(key2->data(), 32));
}

void TestAccounts::rawKeyLookalikeIsJustAPassphrase()
{
    // 64 hex digits in SQLCipher's raw-key form: a long, odd, acceptable passphrase.
    const QString lookalike = u"x'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'"_s;
    QCOMPARE(PassphrasePolicy::check(lookalike), QString());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.caseboard"_s);
    NewCaseFile spec;
    spec.kdf = auth::KdfParams::weakForTestsOnly();
    CaseFile::create(path, spec, secret(lookalike)).file.reset();
    QVERIFY(opens(path, u"admin"_s, lookalike));
    // It is not SQLCipher's key: given as one, it opens nothing.
    QCOMPARE(applicationIdUnder(path, secret(lookalike)), std::nullopt);
    QVERIFY(!opens(path, u"admin"_s, u"x'00112233445566778899aabbccddeeff00112233445566778899aabbccddeefe'"_s));
}

void TestAccounts::wrongPassphraseChangesNoByteOfTheFile()
{
    Unit u;
    {
        auto file = u.open(u"A-1"_s, kAdminPass);
        CaseStore store(*file, u.clock);
        addSampleCase(store);
    }
    const QByteArray before = checksumOf(u.path);
    const QDateTime modified = QFileInfo(u.path).lastModified();
    QVERIFY(!QFileInfo::exists(u.path + u"-wal"_s));
    QVERIFY(!QFileInfo::exists(recordPath(u.path)));
    u.clock.advanceSecs(60);

    QList<qint64> times;
    for (int i = 0; i < 4; ++i) {
        const bool readOnly = i % 2 == 1;
        times << u.clock.nowMs();
        const QString message = expectError([&] { u.open(u"D-7"_s, u"seven silver ferries at dusk"_s, readOnly); },
                                             ErrorKind::WrongPassphrase);
        QVERIFY2(message.contains(u.path), qPrintable(message));
        QVERIFY2(message.contains(u"passphrase is wrong"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"dusk"_s), qPrintable(message));
        u.clock.advanceSecs(10);
    }
    // Not one byte of the case file, header included, and no log beside it.
    QCOMPARE(checksumOf(u.path), before);
    QCOMPARE(QFileInfo(u.path).lastModified(), modified);
    QVERIFY(!QFileInfo::exists(u.path + u"-wal"_s));
    // The failures are in the sign-in record beside it: owner-only, no lock file left behind.
    const auth::SignInRecords records = auth::SignInLog(u.path).read();
    QCOMPARE(records.accounts.keys(), QStringList{u"D-7"_s});
    QCOMPARE(failuresOf(u.path, u"D-7"_s), times);
    QVERIFY(!records.accounts.value(u"D-7"_s).locked());
    QVERIFY(records.recovery.isEmpty());
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFile::permissions(recordPath(u.path)) & others, QFileDevice::Permissions());
    QVERIFY(QFile::permissions(recordPath(u.path)) & QFileDevice::ReadOwner);
    QVERIFY(!QFileInfo::exists(recordPath(u.path) + u".lock"_s));
    // It holds logins and times: no guess, no name, nothing of a case.
    const QByteArray raw = plainBytesOf(recordPath(u.path));
    for (const char *absent : {"dusk", "ferries", "Dana", "Pat Admin", "HZ-2024"})
        QVERIFY2(!raw.contains(absent), absent);
    QCOMPARE(QJsonDocument::fromJson(raw).object().keys(),
             (QStringList{u"accounts"_s, u"format"_s, u"version"_s}));
    // An unknown login is refused before any passphrase is tried, and counts nowhere.
    expectError([&] { u.open(u"Z-99"_s, kAdminPass); }, ErrorKind::WrongPassphrase);
    QCOMPARE(plainBytesOf(recordPath(u.path)), raw);
    QCOMPARE(checksumOf(u.path), before);
}

void TestAccounts::twoAccountsBothOpen()
{
    Unit u;
    QCOMPARE(CaseFile::accountLogins(u.path), (QStringList{u"A-1"_s, u"D-7"_s}));
    auto admin = u.open(u"A-1"_s, kAdminPass);
    QCOMPARE(admin->session().login, u"A-1"_s);
    admin.reset();
    auto det = u.open(u"D-7"_s, kDetectivePass);
    QCOMPARE(det->session().login, u"D-7"_s);
    QCOMPARE(det->session().role, std::optional<Role>(Role::Detective));
    QVERIFY(!det->session().canManageAccounts());
    // Each passphrase opens its own account only.
    QVERIFY(!opens(u.path, u"A-1"_s, kDetectivePass));
    QVERIFY(!opens(u.path, u"D-7"_s, kAdminPass));

    // A detective manages no accounts, and the refusal is audited ...
    auth::Accounts accounts(*det, u.clock);
    const QString refused = expectError(
        [&] { accounts.add(u"S-3"_s, secret(kSergeantPass), Member{0, u"Sam Okafor"_s, u"S-3"_s, u"Sergeant"_s, {}, Role::Sergeant, true},
                           auth::KdfParams::weakForTestsOnly()); },
        ErrorKind::Refused);
    QVERIFY2(refused.contains(u"administrator"_s), qPrintable(refused));
    expectError([&] { accounts.changePassphrase(u"A-1"_s, secret(u"a new passphrase for pat"_s)); }, ErrorKind::Refused);
    expectError([&] { accounts.release(u"A-1"_s); }, ErrorKind::Refused);
    expectError([&] { accounts.replaceRecoveryKey(); }, ErrorKind::Refused);
    QCOMPARE(timesOf(accountEvents(*det), u"denied"_s, u"D-7"_s).size(), 4);
    QCOMPARE(CaseFile::accountLogins(u.path), (QStringList{u"A-1"_s, u"D-7"_s}));
    // ... but changes their own passphrase.
    accounts.changePassphrase(u"D-7"_s, secret(u"harbour lights in november"_s), auth::KdfParams::weakForTestsOnly());
    det.reset();
    QVERIFY(!opens(u.path, u"D-7"_s, kDetectivePass));
    QVERIFY(opens(u.path, u"D-7"_s, u"harbour lights in november"_s));
    QVERIFY(opens(u.path, u"A-1"_s, kAdminPass));
}

void TestAccounts::rolesComeFromMembers()
{
    // The header says nothing about roles: promote the member, and the same slot signs in as a sergeant.
    Unit u;
    {
        auto admin = u.open(u"A-1"_s, kAdminPass);
        CaseStore store(*admin, u.clock);
        Member m = *store.memberByBadge(u"D-7"_s);
        m.role = Role::Sergeant;
        store.updateMember(m);
    }
    const QByteArray header = bytesOf(u.path).left(container::kHeaderSize);
    auto det = u.open(u"D-7"_s, kDetectivePass, true);
    QCOMPARE(det->session().role, std::optional<Role>(Role::Sergeant));
    QCOMPARE(bytesOf(u.path).left(container::kHeaderSize), header);
    // Adding an account for someone who is no member is refused.
    det.reset();
    auto admin = u.open(u"A-1"_s, kAdminPass);
    auth::Accounts accounts(*admin, u.clock);
    const QString message = expectError(
        [&] { accounts.add(u"X-1"_s, secret(kSergeantPass), std::nullopt, auth::KdfParams::weakForTestsOnly()); },
        ErrorKind::Invalid);
    QVERIFY2(message.contains(u"X-1"_s), qPrintable(message));
}

void TestAccounts::removedAccountOpensNeitherFileNorLaterBackup()
{
    Unit u;
    const QString before = u.dir.filePath(u"before.caseboard"_s);
    const QString after = u.dir.filePath(u"after.caseboard"_s);
    Id caseId = 0;
    auto admin = u.open(u"A-1"_s, kAdminPass);
    {
        CaseStore store(*admin, u.clock);
        caseId = addSampleCase(store).caseId;
    }
    backupCaseFile(*admin, before, SecretBytes());
    const auth::KeySlot oldSlot = *headerOf(u.path).account(u"D-7"_s);
    const std::optional<SecretBytes> oldKey = fileKeyFrom(oldSlot, secret(kDetectivePass));
    QVERIFY(oldKey);

    auth::Accounts::remove(admin, u"D-7"_s, u.clock);
    QVERIFY(admin);
    QCOMPARE(admin->session().login, u"A-1"_s);
    QCOMPARE(CaseFile::accountLogins(u.path), QStringList{u"A-1"_s});
    QVERIFY(!QFileInfo::exists(u.path + u"-journal"_s));
    {
        // Everything is still there, and the removal is in the audit trail.
        CaseStore store(*admin, u.clock);
        QVERIFY(store.caseById(caseId));
        QCOMPARE(timesOf(accountEvents(*admin), u"account_removed"_s, u"A-1"_s).size(), 1);
        for (const CaseFile::Check &c : admin->verify())
            QVERIFY2(c.ok, qPrintable(c.name + u": "_s + c.problems.join(u"; "_s)));
    }
    backupCaseFile(*admin, after, SecretBytes());
    admin.reset();

    // The removed passphrase opens neither the file nor the backup taken after the removal.
    QVERIFY(!opens(u.path, u"D-7"_s, kDetectivePass));
    QVERIFY(!opens(after, u"D-7"_s, kDetectivePass));
    QVERIFY(opens(after, u"A-1"_s, kAdminPass));
    // Not even with the old slot put back by hand: it unwraps the old database key, which opens
    // nothing any more.
    for (const QString &path : {u.path, after}) {
        auth::KeyHeader h = headerOf(path);
        h.keySlots.prepend(oldSlot);
        writeHeader(path, h);
        const QString message = expectError([&] { CaseFile::openReadOnly(path, SignIn{u"D-7"_s, secret(kDetectivePass)}); },
                                            ErrorKind::Damaged);
        QVERIFY2(message.contains(path), qPrintable(message));
        const SecretBytes hex = auth::crypto::toHex(*oldKey);
        QCOMPARE(applicationIdUnder(path, rawKeyForm(QByteArray(hex.data(), qsizetype(hex.size())))), std::nullopt);
    }
    QVERIFY(opens(u.path, u"A-1"_s, kAdminPass));
    // The backup from before the removal is what it was: the old key still opens it.
    QVERIFY(opens(before, u"D-7"_s, kDetectivePass));
}

void TestAccounts::removeRefusedWhileOpenElsewhere()
{
    Unit u;
    auto admin = u.open(u"A-1"_s, kAdminPass);
    auto other = u.open(u"D-7"_s, kDetectivePass, true);
    const QByteArray header = bytesOf(u.path).left(container::kHeaderSize);
    const QString message =
        expectError([&] { auth::Accounts::remove(admin, u"D-7"_s, u.clock); }, ErrorKind::Busy);
    QVERIFY2(message.contains(u"open elsewhere"_s), qPrintable(message));
    QCOMPARE(bytesOf(u.path).left(container::kHeaderSize), header);
    // The administrator's file is still open for work.
    QVERIFY(admin);
    {
        CaseStore store(*admin, u.clock);
        QVERIFY(addSampleCase(store).caseId > 0);
    }
    other.reset();
    admin.reset();
    QVERIFY(opens(u.path, u"D-7"_s, kDetectivePass));
    // Nor can an administrator remove their own account, or the last one.
    admin = u.open(u"A-1"_s, kAdminPass);
    expectError([&] { auth::Accounts::remove(admin, u"A-1"_s, u.clock); }, ErrorKind::Refused);
    QVERIFY(admin);
}

void TestAccounts::recoveryKeyOpens()
{
    Unit u;
    // As typed by a person: lower case, without dashes, O for 0 and l for 1.
    QString typed = u.recoveryText().toLower().remove(u'-');
    typed.replace(u'0', u'o').replace(u'1', u'l');
    const SecretBytes key = secret(typed);
    OpenOptions o;
    o.clock = &u.clock;
    auto file = CaseFile::openWithRecoveryKey(u.path, key, o);
    QVERIFY(file->session().recovery);
    QVERIFY(file->session().canManageAccounts());
    // Every account lost: the recovery session makes a new administrator account.
    auth::Accounts accounts(*file, u.clock);
    accounts.add(u"A-2"_s, secret(kSergeantPass),
                 Member{0, u"Lee Marsh"_s, u"A-2"_s, u"Analyst"_s, {}, Role::Administrator, true},
                 auth::KdfParams::weakForTestsOnly());
    const SecretBytes replaced = accounts.replaceRecoveryKey();
    file.reset();
    QVERIFY(opens(u.path, u"A-2"_s, kSergeantPass));
    expectError([&] { CaseFile::openWithRecoveryKey(u.path, key); }, ErrorKind::WrongPassphrase);
    QVERIFY(CaseFile::openWithRecoveryKey(u.path, replaced));
    // Not a recovery key at all.
    expectError([&] { CaseFile::openWithRecoveryKey(u.path, secret(kAdminPass)); }, ErrorKind::WrongPassphrase);
}

void TestAccounts::lockoutAfterFiveFailuresWithinFifteenMinutes()
{
    Unit u;
    const QByteArray sum = checksumOf(u.path);
    const qint64 t0 = u.clock.nowMs();
    QList<qint64> times;
    for (int i = 0; i < 5; ++i) {
        times << u.clock.nowMs();
        const QString message = expectError([&] { u.open(u"D-7"_s, u"wrong guess number %1"_s.arg(i)); },
                                            ErrorKind::WrongPassphrase);
        QCOMPARE(message.contains(u"locked"_s), i == 4);
        u.clock.advanceSecs(2 * 60);
    }
    QCOMPARE(times.last() - t0, 8 * 60 * 1000);
    // Locked: the right passphrase is refused now, and two hours later, until released.
    const QString locked = expectError([&] { u.open(u"D-7"_s, kDetectivePass); }, ErrorKind::Refused);
    QVERIFY2(locked.contains(u"locked"_s) && locked.contains(u"administrator"_s), qPrintable(locked));
    QVERIFY2(locked.contains(u"2024-06-15 12:08"_s), qPrintable(locked)); // since the fifth failure
    u.clock.advanceSecs(2 * 3600);
    expectError([&] { u.open(u"D-7"_s, kDetectivePass, true); }, ErrorKind::Refused);
    QCOMPARE(qint64(recordOf(u.path, u"D-7"_s).lockedAtMs), times.last());
    QCOMPARE(failuresOf(u.path, u"D-7"_s), times);
    // Five failures, a lock and two refusals: not one byte of the case file.
    QCOMPARE(checksumOf(u.path), sum);
    // Other accounts are not affected.
    auto admin = u.open(u"A-1"_s, kAdminPass);
    auth::Accounts accounts(*admin, u.clock);
    const QList<auth::AccountInfo> listed = accounts.list();
    QCOMPARE(listed.at(1).login, u"D-7"_s);
    QVERIFY(listed.at(1).locked);
    QCOMPARE(qint64(listed.at(1).lockedAtMs), times.last());
    QCOMPARE(listed.at(1).pendingFailures, 5);
    QVERIFY(!listed.at(0).locked);
    const QByteArray headerBefore = bytesOf(u.path).left(container::kHeaderSize);
    accounts.release(u"D-7"_s);
    const QList<AuditRow> events = accountEvents(*admin);
    QCOMPARE(timesOf(events, u"sign_in_failed"_s, u"D-7"_s), times);
    QCOMPARE(timesOf(events, u"account_released"_s, u"A-1"_s), QList<qint64>{u.clock.nowMs()});
    // The release is the record's: the key header is not written.
    QCOMPARE(bytesOf(u.path).left(container::kHeaderSize), headerBefore);
    QVERIFY(!QFileInfo::exists(recordPath(u.path)));
    expectError([&] { accounts.release(u"D-7"_s); }, ErrorKind::Refused);
    admin.reset();
    auto det = u.open(u"D-7"_s, kDetectivePass);
    QCOMPARE(det->session().login, u"D-7"_s);
    // The failures were moved once, not again at this sign-in.
    QCOMPARE(timesOf(accountEvents(*det), u"sign_in_failed"_s, u"D-7"_s), times);
}

void TestAccounts::fiveFailuresOverTwentyMinutesDoNotLock()
{
    Unit u;
    QList<qint64> times;
    for (int i = 0; i < 5; ++i) {
        if (i > 0)
            u.clock.advanceSecs(5 * 60);
        times << u.clock.nowMs();
        const QString message = expectError([&] { u.open(u"D-7"_s, u"wrong guess number %1"_s.arg(i)); },
                                            ErrorKind::WrongPassphrase);
        QVERIFY2(!message.contains(u"is locked"_s), qPrintable(message));
    }
    QCOMPARE(times.last() - times.first(), 20 * 60 * 1000);
    QVERIFY(!recordOf(u.path, u"D-7"_s).locked());
    QCOMPARE(failuresOf(u.path, u"D-7"_s), times);
    u.clock.advanceSecs(1);
    auto det = u.open(u"D-7"_s, kDetectivePass);
    // The successful sign-in moved the five failures, with their own times, and recorded itself.
    const QList<AuditRow> events = accountEvents(*det);
    QCOMPARE(timesOf(events, u"sign_in_failed"_s, u"D-7"_s), times);
    QCOMPARE(timesOf(events, u"sign_in"_s, u"D-7"_s), QList<qint64>{times.last() + 1000});
    det.reset();
    // They left the record, which had nothing else: it is gone.
    QVERIFY(!QFileInfo::exists(recordPath(u.path)));
}

void TestAccounts::successResetsTheCount()
{
    // Four failures, a sign-in, four failures, all within 15 minutes: no lock (the count starts
    // again after a successful sign-in for work).
    Unit u;
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 4; ++i) {
            expectError([&] { u.open(u"D-7"_s, u"wrong guess number %1"_s.arg(i)); }, ErrorKind::WrongPassphrase);
            u.clock.advanceSecs(30);
        }
        if (round == 0)
            QVERIFY(u.open(u"D-7"_s, kDetectivePass));
    }
    QCOMPARE(recordOf(u.path, u"D-7"_s).failuresMs.size(), 4);
    QVERIFY(!recordOf(u.path, u"D-7"_s).locked());
    QVERIFY(u.open(u"D-7"_s, kDetectivePass));
}

void TestAccounts::fileWithoutRecoveryKeyNeverLocks()
{
    // Made as tools and tests make files: no recovery key, so no way to be sure someone can
    // release a lock. Failures are counted, and moved to the audit trail, but never lock.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"tool.caseboard"_s);
    FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
    NewCaseFile spec;
    spec.recoveryKey = false;
    spec.kdf = auth::KdfParams::weakForTestsOnly();
    CaseFile::create(path, spec, secret(kAdminPass)).file.reset();
    QVERIFY(!headerOf(path).recovery());
    for (int i = 0; i < 6; ++i)
        QVERIFY(!opens(path, u"admin"_s, u"wrong guess number %1"_s.arg(i), &clock));
    QCOMPARE(recordOf(path, u"admin"_s).failuresMs.size(), 6);
    QVERIFY(!recordOf(path, u"admin"_s).locked());
    OpenOptions o;
    o.clock = &clock;
    const SecretBytes s = secret(kAdminPass);
    auto file = CaseFile::open(path, SignIn{QString(), s}, o);
    QCOMPARE(timesOf(accountEvents(*file), u"sign_in_failed"_s, u"admin"_s).size(), 6);
}

void TestAccounts::missingRecordMeansNoLock()
{
    // Deleting the record lifts a lock (and loses its failures): whoever can do that can as well
    // copy the file and guess offline, which the lockout never prevented (auth/Lockout.h).
    Unit u;
    for (int i = 0; i < 5; ++i)
        expectError([&] { u.open(u"D-7"_s, u"wrong guess number %1"_s.arg(i)); }, ErrorKind::WrongPassphrase);
    expectError([&] { u.open(u"D-7"_s, kDetectivePass); }, ErrorKind::Refused);
    QVERIFY(QFile::remove(recordPath(u.path)));
    auto det = u.open(u"D-7"_s, kDetectivePass);
    QCOMPARE(det->session().login, u"D-7"_s);
    QVERIFY(timesOf(accountEvents(*det), u"sign_in_failed"_s, u"D-7"_s).isEmpty());
    QVERIFY(!QFileInfo::exists(recordPath(u.path)));
}

void TestAccounts::damagedRecordFailsClosed_data()
{
    QTest::addColumn<QByteArray>("bytes"); // the record's; "<folder>": a folder in its place
    QTest::newRow("not JSON") << QByteArray("{\"format\": \"caseboard-sign-in-rec");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("a newer version")
        << QByteArray(R"({"format": "caseboard-sign-in-record", "version": 2, "accounts": {}})");
    QTest::newRow("another format") << QByteArray(R"({"format": "something else", "version": 1, "accounts": {}})");
    QTest::newRow("a time that is text")
        << QByteArray(R"({"format": "caseboard-sign-in-record", "version": 1, "accounts": {"D-7": {"failures": ["noon"]}}})");
    QTest::newRow("a negative lock time")
        << QByteArray(R"({"format": "caseboard-sign-in-record", "version": 1, "accounts": {"D-7": {"lockedAt": -5}}})");
    QTest::newRow("a folder") << QByteArray("<folder>");
}

void TestAccounts::damagedRecordFailsClosed()
{
    QFETCH(QByteArray, bytes);
    Unit u;
    const QString record = recordPath(u.path);
    const bool folder = bytes == "<folder>";
    if (folder)
        QVERIFY(QDir().mkpath(record));
    else
        writePlain(record, bytes);
    const QByteArray sum = checksumOf(u.path);

    // No account signs in, with the right passphrase or a wrong one; nothing is tried or counted.
    for (const QString &pass : {kDetectivePass, u"wrong guess number 1"_s}) {
        const QString message = expectError([&] { u.open(u"D-7"_s, pass); }, ErrorKind::Refused);
        QVERIFY2(message.contains(record) && message.contains(u"recovery key"_s), qPrintable(message));
    }
    expectError([&] { u.open(u"A-1"_s, kAdminPass, true); }, ErrorKind::Refused);
    QCOMPARE(checksumOf(u.path), sum);
    QCOMPARE(QFileInfo(record).isDir(), folder);
    if (!folder)
        QCOMPARE(plainBytesOf(record), bytes);

    // The recovery key opens the file; read-only, it changes nothing ...
    QVERIFY(u.openWithRecoveryKey(true)->session().recovery);
    QVERIFY(QFileInfo::exists(record));
    // ... and for work, it sets the record aside under a name of its own, audited.
    auto recovery = u.openWithRecoveryKey();
    QVERIFY(!QFileInfo::exists(record));
    const QString aside = u"unit.caseboard.signins.damaged-20240615T120000000Z"_s;
    QVERIFY(QFileInfo::exists(u.dir.filePath(aside)));
    if (!folder)
        QCOMPARE(plainBytesOf(u.dir.filePath(aside)), bytes);
    const QList<AuditRow> events = accountEvents(*recovery);
    QCOMPARE(detailsOf(events, u"sign_in_record_reset"_s, u"recovery"_s), QStringList{aside});
    QCOMPARE(timesOf(events, u"sign_in_record_reset"_s, u"recovery"_s), QList<qint64>{u.clock.nowMs()});
    recovery.reset();
    // Counting starts again.
    QVERIFY(u.open(u"D-7"_s, kDetectivePass));
    expectError([&] { u.open(u"D-7"_s, u"wrong guess number 2"_s); }, ErrorKind::WrongPassphrase);
    QCOMPARE(recordOf(u.path, u"D-7"_s).failuresMs.size(), 1);
}

void TestAccounts::damagedRecordOfAFileThatCannotLock()
{
    // Without a recovery key a file never locks, so a damaged record blocks nobody; it is set
    // aside at the next sign-in for work, as the recovery key does it elsewhere.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"tool.caseboard"_s);
    FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
    NewCaseFile spec;
    spec.recoveryKey = false;
    spec.kdf = auth::KdfParams::weakForTestsOnly();
    CaseFile::create(path, spec, secret(kAdminPass)).file.reset();
    writePlain(recordPath(path), "not a record");
    QVERIFY(!opens(path, u"admin"_s, u"wrong guess number 1"_s, &clock));
    QCOMPARE(plainBytesOf(recordPath(path)), QByteArray("not a record"));
    QVERIFY(opens(path, u"admin"_s, kAdminPass, &clock));
    QCOMPARE(plainBytesOf(recordPath(path)), QByteArray("not a record"));
    OpenOptions o;
    o.clock = &clock;
    const SecretBytes s = secret(kAdminPass);
    auto file = CaseFile::open(path, SignIn{QString(), s}, o);
    QVERIFY(!QFileInfo::exists(recordPath(path)));
    QCOMPARE(detailsOf(accountEvents(*file), u"sign_in_record_reset"_s, u"admin"_s),
             QStringList{u"tool.caseboard.signins.damaged-20240615T120000000Z"_s});
}

void TestAccounts::concurrentFailuresLoseNoCount()
{
    // Two sign-ins at a time, each failing eight times: every failure is counted, because every
    // count re-reads the record under its lock. (A file without a recovery key, so that no lock
    // stops the count early.)
    QTemporaryDir dir;
    const QString path = dir.filePath(u"busy.caseboard"_s);
    NewCaseFile spec;
    spec.recoveryKey = false;
    spec.kdf = auth::KdfParams::weakForTestsOnly();
    CaseFile::create(path, spec, secret(kAdminPass)).file.reset();
    const FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
    constexpr int kEach = 8;
    int refused[2] = {0, 0};
    auto guess = [&](int who) {
        for (int i = 0; i < kEach; ++i)
            refused[who] += opens(path, u"admin"_s, u"guess %1 of %2"_s.arg(i).arg(who), &clock) ? 0 : 1;
    };
    std::thread first(guess, 0);
    std::thread second(guess, 1);
    first.join();
    second.join();
    QCOMPARE(refused[0] + refused[1], 2 * kEach);
    QCOMPARE(recordOf(path, u"admin"_s).failuresMs.size(), 2 * kEach);

    // A count waits for the lock another holds, and then starts from what that one wrote.
    auth::SignInLog log(path);
    log.update([&](auth::SignInRecords &records) {
        records.accounts[u"admin"_s].failuresMs << 1;
        const QString busy = expectError([&] { auth::SignInLog(path).update([](auth::SignInRecords &) {}, 0); },
                                         ErrorKind::Busy);
        QVERIFY2(busy.contains(recordPath(path)), qPrintable(busy));
    });
    QVERIFY(!opens(path, u"admin"_s, u"one more guess"_s, &clock));
    QCOMPARE(recordOf(path, u"admin"_s).failuresMs.size(), 2 * kEach + 2);
}

void TestAccounts::oldHeaderFailuresAndLocksMove()
{
    // Files written before the sign-in record kept failures and locks in their header slots. They
    // still count and lock; they move out at the next sign-in for work (or change of accounts),
    // and the header is then written without them.
    Unit u;
    const qint64 t0 = u.clock.nowMs();
    const QList<qint64> old = {t0 - 10 * 60 * 1000, t0 - 9 * 60 * 1000};
    {
        auth::KeyHeader h = headerOf(u.path);
        h.account(u"D-7"_s)->failuresMs = QList<std::int64_t>(old.cbegin(), old.cend());
        h.account(u"D-7"_s)->droppedFailures = 1;
        writeHeader(u.path, h);
    }
    const QByteArray sum = checksumOf(u.path);
    // Two old failures and three new ones within 15 minutes: locked. The header stays as it is.
    QList<qint64> fresh;
    for (int i = 0; i < 3; ++i) {
        fresh << u.clock.nowMs();
        const QString message = expectError([&] { u.open(u"D-7"_s, u"wrong guess number %1"_s.arg(i)); },
                                            ErrorKind::WrongPassphrase);
        QCOMPARE(message.contains(u"locked"_s), i == 2);
        u.clock.advanceSecs(60);
    }
    QCOMPARE(checksumOf(u.path), sum);
    QCOMPARE(failuresOf(u.path, u"D-7"_s), old + fresh);
    QCOMPARE(recordOf(u.path, u"D-7"_s).earlierFailures, 1u);
    QCOMPARE(qint64(recordOf(u.path, u"D-7"_s).lockedAtMs), fresh.last());
    QCOMPARE(headerOf(u.path).account(u"D-7"_s)->failuresMs, QList<std::int64_t>(old.cbegin(), old.cend()));

    // The administrator's sign-in moves them all into the record, the header without them.
    auto admin = u.open(u"A-1"_s, kAdminPass);
    const auth::KeyHeader header = headerOf(u.path); // the slot points into it
    const auth::KeySlot *slot = header.account(u"D-7"_s);
    QVERIFY(slot->failuresMs.isEmpty() && slot->droppedFailures == 0 && !slot->locked());
    QCOMPARE(failuresOf(u.path, u"D-7"_s), old + fresh);
    expectError([&] { u.open(u"D-7"_s, kDetectivePass, true); }, ErrorKind::Refused);
    auth::Accounts(*admin, u.clock).release(u"D-7"_s);
    QList<AuditRow> events = accountEvents(*admin);
    QCOMPARE(timesOf(events, u"sign_in_failed"_s, u"D-7"_s), old + fresh + QList<qint64>{u.clock.nowMs()});
    QVERIFY(detailsOf(events, u"sign_in_failed"_s, u"D-7"_s).last().contains(u"1 earlier"_s));
    admin.reset();
    QVERIFY(!QFileInfo::exists(recordPath(u.path)));

    // A lock an old header holds locks, and an administrator's release lifts it (from the record).
    u.clock.advanceSecs(3600);
    const qint64 lockedAt = u.clock.nowMs() - 5000;
    {
        auth::KeyHeader h = headerOf(u.path);
        h.account(u"D-7"_s)->lockedAtMs = lockedAt;
        h.account(u"D-7"_s)->failuresMs = {lockedAt};
        writeHeader(u.path, h);
    }
    const QString locked = expectError([&] { u.open(u"D-7"_s, kDetectivePass); }, ErrorKind::Refused);
    QVERIFY2(locked.contains(u"locked"_s), qPrintable(locked));
    admin = u.open(u"A-1"_s, kAdminPass);
    auth::Accounts(*admin, u.clock).release(u"D-7"_s);
    QCOMPARE(timesOf(accountEvents(*admin), u"sign_in_failed"_s, u"D-7"_s).last(), lockedAt);
    admin.reset();
    QVERIFY(!headerOf(u.path).account(u"D-7"_s)->locked());
    QVERIFY(u.open(u"D-7"_s, kDetectivePass));

    // The account's own sign-in for work moves its old failures too.
    u.clock.advanceSecs(3600);
    const qint64 once = u.clock.nowMs() - 7000;
    {
        auth::KeyHeader h = headerOf(u.path);
        h.account(u"D-7"_s)->failuresMs = {once};
        writeHeader(u.path, h);
    }
    auto det = u.open(u"D-7"_s, kDetectivePass);
    QCOMPARE(timesOf(accountEvents(*det), u"sign_in_failed"_s, u"D-7"_s).last(), once);
    QVERIFY(headerOf(u.path).account(u"D-7"_s)->failuresMs.isEmpty());
    QVERIFY(!QFileInfo::exists(recordPath(u.path)));
    // A change of accounts writes the header without any slot's old failures, and keeps them.
    det.reset();
    {
        auth::KeyHeader h = headerOf(u.path);
        h.account(u"D-7"_s)->failuresMs = {once + 1};
        writeHeader(u.path, h);
    }
    admin = u.open(u"A-1"_s, kAdminPass);
    auth::Accounts(*admin, u.clock).replaceRecoveryKey();
    QVERIFY(headerOf(u.path).account(u"D-7"_s)->failuresMs.isEmpty());
    QCOMPARE(failuresOf(u.path, u"D-7"_s), QList<qint64>{once + 1});
}

void TestAccounts::defaultCostIsStandard()
{
    // Nothing in this test program weakens the cost: new slots get Argon2id with 64 MiB, 3 passes.
    QCOMPARE(auth::defaultKdf(), auth::KdfParams::standard());
    QCOMPARE(auth::KdfParams::standard().memoryKiB, 64u * 1024);
    QCOMPARE(auth::KdfParams::standard().iterations, 3u);
    QCOMPARE(auth::KdfParams::standard().lanes, 1u);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"default.caseboard"_s);
    CaseFile::create(path, secret(kAdminPass)).reset();
    QCOMPARE(headerOf(path).account(u"admin"_s)->kdf, auth::KdfParams::standard());
    QCOMPARE(headerOf(path).account(u"admin"_s)->salt.size(), 16);
}

void TestAccounts::policy_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QStringList>("context");
    QTest::addColumn<QString>("says"); // empty: accepted

    QTest::newRow("11 characters") << u"abcdefghijk"_s << QStringList() << u"at least 12"_s;
    QTest::newRow("12 characters") << u"abcdefghijkl"_s << QStringList() << QString();
    // Code points after NFKC: 11 emoji are 22 UTF-16 units; the ligature U+FB01 is "fi", two.
    QTest::newRow("11 emoji") << u"\U0001F511"_s.repeated(11) << QStringList() << u"at least 12"_s;
    QTest::newRow("ligature counts as two") << u"\uFB01ve ducks 1"_s << QStringList() << QString();
    QTest::newRow("on the list") << u"qwerty123456"_s << QStringList() << u"list of commonly used"_s;
    QTest::newRow("on the list, upper case") << u"QWERTY123456"_s << QStringList() << u"list of commonly used"_s;
    QTest::newRow("on the list, spaced") << u"correct horse battery staple"_s << QStringList()
                                         << u"list of commonly used"_s;
    QTest::newRow("common password with digits") << u"Password2024!"_s << QStringList() << u"digits or symbols"_s;
    QTest::newRow("common password repeated") << u"dragondragon"_s << QStringList() << u"repeated"_s;
    QTest::newRow("the product's name") << u"CaseBoard 2024!!"_s << QStringList() << u"digits or symbols"_s;
    QTest::newRow("the login") << u"D-7 D-7 D-7 D-7"_s << QStringList{u"D-7"_s, u"Dana Reyes"_s} << u"login"_s;
    QTest::newRow("the name") << u"Dana Reyes 1234"_s << QStringList{u"D-7"_s, u"Dana Reyes"_s} << u"name"_s;
    QTest::newRow("words and spaces") << u"four rivers meet at dawn"_s << QStringList() << QString();
    QTest::newRow("Unicode with spaces")
        << u"Ünïcödé façade — 漢字 & ελληνικά 🔑"_s << QStringList() << QString();
    QTest::newRow("only spaces and punctuation, long") << u"... --- ... !!! ???"_s << QStringList() << QString();
    QTest::newRow("raw-key lookalike") << u"x'00ff00ff00ff00ff00ff'"_s << QStringList() << QString();
    QTest::newRow("raw-key lookalike, words") << u"X'four rivers meet at dawn'"_s << QStringList() << QString();
}

void TestAccounts::policy()
{
    QFETCH(QString, passphrase);
    QFETCH(QStringList, context);
    QFETCH(QString, says);
    const QString reason = PassphrasePolicy::check(passphrase, context);
    if (says.isEmpty()) {
        QCOMPARE(reason, QString());
    } else {
        QVERIFY2(reason.contains(says, Qt::CaseInsensitive), qPrintable(reason));
        // The reason never repeats the passphrase.
        QVERIFY2(!reason.contains(passphrase, Qt::CaseInsensitive), qPrintable(reason));
    }
    QVERIFY(PassphrasePolicy::blocklistSize() >= 10000);

    // Creating a file applies the same rule, with the administrator's login and name as context.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"p.caseboard"_s);
    NewCaseFile spec;
    spec.adminLogin = context.value(0, u"admin"_s);
    spec.adminName = context.value(1);
    spec.kdf = auth::KdfParams::weakForTestsOnly();
    if (says.isEmpty()) {
        CaseFile::create(path, spec, secret(passphrase)).file.reset();
        QVERIFY(opens(path, spec.adminLogin, passphrase));
    } else {
        const QString message = expectError([&] { CaseFile::create(path, spec, secret(passphrase)); }, ErrorKind::Invalid);
        QCOMPARE(message, reason);
        QVERIFY(!QFileInfo::exists(path));
    }
}

void TestAccounts::longPassphraseNeverTruncated()
{
    QString longOne;
    const QStringList words = {u"lantern"_s, u"Öresund"_s, u"波止場"_s, u"harbour"_s, u"ночь"_s, u"🔑"_s, u"tide"_s};
    for (int i = 0; longOne.toUcs4().size() < 200; ++i)
        longOne += words.at(i % words.size()) + u' ';
    longOne = fromCodePoints(longOne.toUcs4(), 199) + u'z';
    QCOMPARE(longOne.toUcs4().size(), 200);
    QVERIFY(!longOne.endsWith(u' '));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"long.caseboard"_s);
    NewCaseFile spec;
    spec.kdf = auth::KdfParams::weakForTestsOnly();
    CaseFile::create(path, spec, secret(longOne)).file.reset();
    QVERIFY(opens(path, u"admin"_s, longOne));
    // Every character counts, the last one too, and a prefix is not the passphrase.
    const QList<uint> ucs = longOne.toUcs4();
    QList<uint> changed = ucs;
    changed.last() = changed.last() == u'e' ? u'f' : u'e';
    QVERIFY(!opens(path, u"admin"_s, fromCodePoints(changed, changed.size())));
    QVERIFY(!opens(path, u"admin"_s, fromCodePoints(ucs, ucs.size() - 1)));
    QVERIFY(!opens(path, u"admin"_s, fromCodePoints(ucs, 72)));
    QVERIFY(opens(path, u"admin"_s, longOne));
}

void TestAccounts::backupCarriesTheSlots()
{
    Unit u;
    const QString backup = u.dir.filePath(u"backup.caseboard"_s);
    {
        auto det = u.open(u"D-7"_s, kDetectivePass);
        backupCaseFile(*det, backup, SecretBytes());
    }
    QVERIFY(bytesOf(backup).startsWith("CBKEYHDR"));
    QCOMPARE(CaseFile::accountLogins(backup), (QStringList{u"A-1"_s, u"D-7"_s}));
    QVERIFY(opens(backup, u"A-1"_s, kAdminPass));
    QVERIFY(opens(backup, u"D-7"_s, kDetectivePass));
    QVERIFY(CaseFile::openWithRecoveryKey(backup, u.recoveryKey));
    // Restored over another path, signing in to the backup as either account.
    const QString target = u.dir.filePath(u"restored.caseboard"_s);
    expectError([&] { restoreCaseFile(backup, target, SignIn{u"D-7"_s, secret(kAdminPass)}); }, ErrorKind::WrongPassphrase);
    QVERIFY(!QFileInfo::exists(target));
    const SecretBytes pass = secret(kDetectivePass);
    restoreCaseFile(backup, target, SignIn{u"D-7"_s, pass});
    QCOMPARE(bytesOf(target), bytesOf(backup));
    QVERIFY(opens(target, u"A-1"_s, kAdminPass));
}

void TestAccounts::oldFormatFileOpensAndUpgrades()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.caseboard"_s);
    FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
    makeOldFormatFile(path);
    {
        auto file = CaseFile::open(path, secret());
        QVERIFY(!file->hasKeySlots());
        QVERIFY(file->session().legacy);
        CaseStore store(*file, clock);
        addSampleCase(store);
        auth::Accounts accounts(*file, clock);
        expectError([&] { accounts.list(); }, ErrorKind::Refused);
    }
    QCOMPARE(CaseFile::accountLogins(path), QStringList());
    expectError([&] { CaseFile::openWithRecoveryKey(path, secret(u"AAAA-AAAA"_s)); }, ErrorKind::WrongPassphrase);

    NewCaseFile spec;
    spec.adminLogin = u"A-1"_s;
    spec.adminName = u"Pat Admin"_s;
    spec.kdf = auth::KdfParams::weakForTestsOnly();
    spec.clock = &clock;
    expectError([&] { CaseFile::upgrade(path, secret(u"not the passphrase at all"_s), spec); }, ErrorKind::WrongPassphrase);
    CaseFile::Created up = CaseFile::upgrade(path, secret(), spec);
    QVERIFY(up.file->hasKeySlots());
    QCOMPARE(up.file->session().role, std::optional<Role>(Role::Administrator));
    QVERIFY(!up.recoveryKey.isEmpty());
    {
        CaseStore store(*up.file, clock);
        QVERIFY(store.caseByNumber(u"HZ-2024-001"_s));
        for (const CaseFile::Check &c : up.file->verify())
            QVERIFY2(c.ok, qPrintable(c.name + u": "_s + c.problems.join(u"; "_s)));
    }
    up.file.reset();
    QVERIFY(bytesOf(path).startsWith("CBKEYHDR"));
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
    // The passphrase is now the account's; SQLCipher no longer takes it as the key.
    QVERIFY(opens(path, u"A-1"_s, passphrase()));
    QVERIFY(CaseFile::openWithRecoveryKey(path, up.recoveryKey));
    {
        db::Database raw = db::Database::open(path, db::OpenMode::ReadWrite);
        raw.execScript("PRAGMA cipher_log_level = NONE; PRAGMA cipher_log_source = NONE;");
        raw.key(secret());
        expectError([&] { raw.scalar("PRAGMA application_id"); }, ErrorKind::NotACaseFile);
    }
    expectError([&] { CaseFile::upgrade(path, secret(), spec); }, ErrorKind::Refused);
}

void TestAccounts::oldFormatOpenKeepsOtherConnectionsLocks()
{
    // Opening an old-format file checks its first bytes before the key: through SQLite's VFS, not
    // a descriptor of its own, whose closing would drop the locks another connection of this
    // process holds on the file (POSIX locks belong to the process), and let another process
    // checkpoint and delete the log under that connection.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.caseboard"_s);
    makeOldFormatFile(path);
    auto first = CaseFile::open(path, secret());
    QVERIFY(!first->hasKeySlots());
    QCOMPARE(first->db().scalar("PRAGMA journal_mode").toString(), u"wal"_s);
    QVERIFY(othersSeeASharedLock(path));
    {
        auto second = CaseFile::openReadOnly(path, secret());
        QVERIFY(othersSeeASharedLock(path));
        expectError([&] { CaseFile::open(path, secret(u"not the passphrase at all"_s)); }, ErrorKind::WrongPassphrase);
    }
    QVERIFY(othersSeeASharedLock(path));
    first.reset();
    QVERIFY(!othersSeeASharedLock(path));
}

void TestAccounts::compatibleOpenNeedsALoginWithSeveralAccounts()
{
    Unit u;
    const QString message = expectError([&] { CaseFile::open(u.path, secret(kAdminPass)); }, ErrorKind::Invalid);
    QVERIFY2(message.contains(u"A-1"_s) && message.contains(u"D-7"_s), qPrintable(message));
    // With one account it signs in as that account, and records no sign-in event.
    Unit single(false);
    auto file = CaseFile::open(single.path, secret(kAdminPass));
    QCOMPARE(file->session().login, u"A-1"_s);
    QCOMPARE(timesOf(accountEvents(*file), u"sign_in"_s, u"A-1"_s).size(), 0);
}

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
