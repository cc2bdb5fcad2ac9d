#include "model/auth/SignInLog.h"

#include "model/auth/KeyHeader.h"
#include "model/storage/Error.h"
#include "model/storage/FileSync.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace cb::auth {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::auth::SignInLog)
};

constexpr QLatin1StringView kFormat("caseboard-sign-in-record");
constexpr int kVersion = 1;
// Far more than kMaxKept per account and the 512 slots a header may have: anything bigger was not
// written by CaseBoard, and is not read into memory whole.
constexpr qint64 kMaxBytes = 4 * 1024 * 1024;
// A merge of an old header's failures (Lockout.h) may briefly hold twice kMaxKept.
constexpr qsizetype kMaxReadFailures = 4 * SignInRecord::kMaxKept;
// Integers in JSON numbers (doubles) are exact up to 2^53.
constexpr double kMaxExact = 9007199254740992.0;

QJsonObject encodeRecord(const SignInRecord &r)
{
    QJsonObject o;
    QJsonArray failures;
    for (std::int64_t t : r.failuresMs)
        failures.append(static_cast<qint64>(t));
    o.insert(QLatin1StringView("failures"), failures);
    if (r.earlierFailures > 0)
        o.insert(QLatin1StringView("earlier"), static_cast<qint64>(r.earlierFailures));
    if (r.locked())
        o.insert(QLatin1StringView("lockedAt"), static_cast<qint64>(r.lockedAtMs));
    return o;
}

std::optional<std::int64_t> integer(const QJsonValue &v, double max)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!(d >= 0 && d <= max) || d != static_cast<double>(static_cast<std::int64_t>(d)))
        return std::nullopt;
    return static_cast<std::int64_t>(d);
}

std::optional<SignInRecord> decodeRecord(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    SignInRecord r;
    const QJsonValue failures = o.value(QLatin1StringView("failures"));
    if (!failures.isUndefined()) {
        if (!failures.isArray() || failures.toArray().size() > kMaxReadFailures)
            return std::nullopt;
        for (const QJsonValue &t : failures.toArray()) {
            const std::optional<std::int64_t> ms = integer(t, kMaxExact);
            if (!ms)
                return std::nullopt;
            r.failuresMs << *ms;
        }
    }
    const QJsonValue earlier = o.value(QLatin1StringView("earlier"));
    if (!earlier.isUndefined()) {
        const std::optional<std::int64_t> n = integer(earlier, 4294967295.0);
        if (!n)
            return std::nullopt;
        r.earlierFailures = static_cast<std::uint32_t>(*n);
    }
    const QJsonValue lockedAt = o.value(QLatin1StringView("lockedAt"));
    if (!lockedAt.isUndefined()) {
        const std::optional<std::int64_t> ms = integer(lockedAt, kMaxExact);
        if (!ms)
            return std::nullopt;
        r.lockedAtMs = *ms;
    }
    return r;
}

// The lock file around a read-modify-write of the record, between processes and threads alike
// (QLockFile waits for a lock of its own process too). A lock left by a process that died is
// taken over (QLockFile checks whether its process still runs).
class RecordLock {
public:
    RecordLock(const QString &record, int timeoutMs) : m_lock(record + QStringLiteral(".lock"))
    {
        if (m_lock.tryLock(timeoutMs))
            return;
        if (m_lock.error() == QLockFile::LockFailedError)
            throw Error(ErrorKind::Busy, Tr::tr("The sign-in record %1 is busy: another CaseBoard is signing in to the "
                                                "same case file. Try again.")
                                             .arg(record));
        throw Error(ErrorKind::Io, Tr::tr("Cannot lock the sign-in record %1 (is its folder writable?).").arg(record));
    }

private:
    QLockFile m_lock;
};

} // namespace

SignInRecord &SignInRecords::of(const KeySlot &slot)
{
    return slot.isRecovery() ? recovery : accounts[slot.login];
}

SignInRecord SignInRecords::of(const KeySlot &slot) const
{
    return slot.isRecovery() ? recovery : accounts.value(slot.login);
}

bool SignInRecords::isEmpty() const
{
    if (!recovery.isEmpty())
        return false;
    for (const SignInRecord &r : accounts)
        if (!r.isEmpty())
            return false;
    return true;
}

void SignInRecords::prune()
{
    for (auto it = accounts.begin(); it != accounts.end();)
        it = it.value().isEmpty() ? accounts.erase(it) : std::next(it);
}

QByteArray SignInRecords::encode() const
{
    QJsonObject root;
    root.insert(QLatin1StringView("format"), kFormat);
    root.insert(QLatin1StringView("version"), kVersion);
    QJsonObject byLogin;
    for (auto it = accounts.cbegin(); it != accounts.cend(); ++it)
        if (!it.value().isEmpty())
            byLogin.insert(it.key(), encodeRecord(it.value()));
    root.insert(QLatin1StringView("accounts"), byLogin);
    if (!recovery.isEmpty())
        root.insert(QLatin1StringView("recovery"), encodeRecord(recovery));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<SignInRecords> SignInRecords::decode(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject root = doc.object();
    // A newer CaseBoard's record is not understood, so it is not taken for "no locks" either.
    if (root.value(QLatin1StringView("format")).toString() != kFormat ||
        integer(root.value(QLatin1StringView("version")), kVersion) != std::optional<std::int64_t>(kVersion))
        return std::nullopt;
    SignInRecords out;
    const QJsonValue accounts = root.value(QLatin1StringView("accounts"));
    if (!accounts.isUndefined()) {
        if (!accounts.isObject())
            return std::nullopt;
        const QJsonObject byLogin = accounts.toObject();
        for (auto it = byLogin.begin(); it != byLogin.end(); ++it) {
            const std::optional<SignInRecord> r = decodeRecord(it.value());
            if (!r || it.key().trimmed().isEmpty())
                return std::nullopt;
            out.accounts.insert(it.key(), *r);
        }
    }
    const QJsonValue recovery = root.value(QLatin1StringView("recovery"));
    if (!recovery.isUndefined()) {
        const std::optional<SignInRecord> r = decodeRecord(recovery);
        if (!r)
            return std::nullopt;
        out.recovery = *r;
    }
    return out;
}

SignInLog::SignInLog(const QString &caseFile) : m_path(pathFor(caseFile)), m_caseFile(caseFile) {}

QString SignInLog::pathFor(const QString &caseFile)
{
    return caseFile + QStringLiteral(".signins");
}

SignInRecords SignInLog::read() const
{
    const auto refuse = [&](const QString &why) {
        return Error(ErrorKind::Refused,
                     Tr::tr("The sign-in record %1 (the failed sign-ins and locked accounts of %2) is damaged or "
                            "cannot be read (%3), so CaseBoard cannot tell whether an account is locked. Sign in with "
                            "the recovery key, which sets the record aside; the case file itself was not changed.")
                         .arg(m_path, m_caseFile, why));
    };
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly)) {
        // Gone (or never made): no failures and no locks. Anything else is not "gone".
        if (f.error() == QFileDevice::OpenError && !QFileInfo(m_path).exists() && !QFileInfo(m_path).isSymLink())
            return {};
        throw refuse(f.errorString());
    }
    if (!QFileInfo(m_path).isFile())
        throw refuse(Tr::tr("not a file"));
    const QByteArray bytes = f.read(kMaxBytes + 1);
    if (f.error() != QFileDevice::NoError)
        throw refuse(f.errorString());
    if (bytes.size() > kMaxBytes)
        throw refuse(Tr::tr("larger than %1 bytes").arg(kMaxBytes));
    std::optional<SignInRecords> records = SignInRecords::decode(bytes);
    if (!records)
        throw refuse(Tr::tr("not a sign-in record of this CaseBoard"));
    return *records;
}

SignInRecords SignInLog::update(const std::function<void(SignInRecords &)> &change, int timeoutMs)
{
    const RecordLock lock(m_path, timeoutMs);
    SignInRecords records = read();
    SignInRecords before = records;
    before.prune();
    change(records);
    records.prune();
    if (records != before)
        write(records);
    return records;
}

void SignInLog::write(const SignInRecords &records)
{
    if (records.isEmpty()) {
        if (QFileInfo::exists(m_path) || QFileInfo(m_path).isSymLink()) {
            if (!QFile::remove(m_path))
                throw Error(ErrorKind::Io, Tr::tr("Cannot remove the sign-in record %1.").arg(m_path));
            fsync::syncFolderOf(m_path);
        }
        return;
    }
    QSaveFile f(m_path);
    const auto fail = [&](const QString &why) {
        f.cancelWriting();
        return Error(ErrorKind::Io, Tr::tr("Cannot write the sign-in record %1: %2").arg(m_path, why));
    };
    if (!f.open(QIODevice::WriteOnly))
        throw fail(f.errorString());
    // Owner-only before a byte is written (QSaveFile makes a new file with the umask's permissions).
    if (!f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        throw fail(Tr::tr("cannot make it owner-only"));
    const QByteArray bytes = records.encode();
    if (f.write(bytes) != bytes.size() || !f.flush())
        throw fail(f.errorString());
    // QSaveFile syncs before its rename but ignores a failure to; a record that may not be on the
    // disk is not reported as written.
    if (::fsync(f.handle()) != 0)
        throw fail(QString::fromLocal8Bit(std::strerror(errno)));
    if (!f.commit())
        throw Error(ErrorKind::Io, Tr::tr("Cannot write the sign-in record %1: %2").arg(m_path, f.errorString()));
    fsync::syncFolderOf(m_path);
}

QString SignInLog::setAside(const Clock &clock, int timeoutMs)
{
    const RecordLock lock(m_path, timeoutMs);
    try {
        read();
        return {}; // whole again, or gone: nothing to set aside
    } catch (const Error &) {
    }
    const QString stamp = clock.nowUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    QString aside = m_path + QStringLiteral(".damaged-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = m_path + QStringLiteral(".damaged-") + stamp + QLatin1Char('-') + QString::number(n);
    if (std::rename(QFile::encodeName(m_path).constData(), QFile::encodeName(aside).constData()) != 0)
        throw Error(ErrorKind::Io, Tr::tr("Cannot move the damaged sign-in record %1 aside to %2.").arg(m_path, aside));
    fsync::syncFolderOf(m_path);
    return aside;
}

void SignInLog::discard(int timeoutMs)
{
    const RecordLock lock(m_path, timeoutMs);
    write(SignInRecords{});
}

} // namespace cb::auth
