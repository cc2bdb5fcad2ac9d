#include "model/auth/KeyHeader.h"

#include "model/auth/Crypto.h"
#include "model/storage/ContainerVfs.h"
#include "model/storage/Error.h"

#include <QCoreApplication>

namespace cb::auth {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::auth::KeyHeader)
};

constexpr char kMagic[8] = {'C', 'B', 'K', 'E', 'Y', 'H', 'D', 'R'};
constexpr qsizetype kMagicSize = sizeof kMagic;
constexpr qsizetype kFixedPart = kMagicSize + 4 + 8 + 4; // magic, version, sequence, payload length
constexpr qsizetype kDigestSize = 32;
constexpr int kMaxSlots = 512;

class Writer {
public:
    void u8(std::uint8_t v) { m_bytes.append(static_cast<char>(v)); }
    void u16(std::uint16_t v)
    {
        u8(static_cast<std::uint8_t>(v >> 8));
        u8(static_cast<std::uint8_t>(v));
    }
    void u32(std::uint32_t v)
    {
        u16(static_cast<std::uint16_t>(v >> 16));
        u16(static_cast<std::uint16_t>(v));
    }
    void u64(std::uint64_t v)
    {
        u32(static_cast<std::uint32_t>(v >> 32));
        u32(static_cast<std::uint32_t>(v));
    }
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    // Fixed-size fields: the size is part of the format, not written.
    void fixed(const QByteArray &b, qsizetype size)
    {
        QByteArray copy = b.left(size);
        copy.resize(size, '\0');
        m_bytes.append(copy);
    }
    void text(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        u16(static_cast<std::uint16_t>(utf8.size()));
        m_bytes.append(utf8);
    }
    QByteArray &bytes() { return m_bytes; }

private:
    QByteArray m_bytes;
};

class Reader {
public:
    explicit Reader(const QByteArray &b) : m_bytes(b) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_bytes.size(); }
    std::uint8_t u8()
    {
        if (!need(1))
            return 0;
        return static_cast<std::uint8_t>(m_bytes.at(m_pos++));
    }
    std::uint16_t u16()
    {
        const std::uint16_t hi = u8();
        return static_cast<std::uint16_t>((hi << 8) | u8());
    }
    std::uint32_t u32()
    {
        const std::uint32_t hi = u16();
        return (hi << 16) | u16();
    }
    std::uint64_t u64()
    {
        const std::uint64_t hi = u32();
        return (hi << 32) | u32();
    }
    std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
    QByteArray fixed(qsizetype size)
    {
        if (!need(size))
            return {};
        const QByteArray out = m_bytes.mid(m_pos, size);
        m_pos += size;
        return out;
    }
    QString text()
    {
        const qsizetype size = u16();
        const QByteArray utf8 = fixed(size);
        const QString s = QString::fromUtf8(utf8);
        if (s.toUtf8() != utf8) // not valid UTF-8
            m_ok = false;
        return s;
    }

private:
    bool need(qsizetype n)
    {
        if (!m_ok || n < 0 || m_bytes.size() - m_pos < n) {
            m_ok = false;
            return false;
        }
        return true;
    }
    const QByteArray &m_bytes;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

constexpr qsizetype kKey = static_cast<qsizetype>(crypto::kKeySize);
constexpr qsizetype kNonce = static_cast<qsizetype>(crypto::kNonceSize);
constexpr qsizetype kSalt = static_cast<qsizetype>(crypto::kSaltSize);
constexpr qsizetype kWrapped = kKey + static_cast<qsizetype>(crypto::kTagSize);

} // namespace

KeySlot *KeyHeader::account(const QString &login)
{
    for (KeySlot &s : keySlots)
        if (s.kind == KeySlot::Kind::Account && s.login == login)
            return &s;
    return nullptr;
}

const KeySlot *KeyHeader::account(const QString &login) const
{
    return const_cast<KeyHeader *>(this)->account(login);
}

KeySlot *KeyHeader::recovery()
{
    for (KeySlot &s : keySlots)
        if (s.kind == KeySlot::Kind::Recovery)
            return &s;
    return nullptr;
}

const KeySlot *KeyHeader::recovery() const
{
    return const_cast<KeyHeader *>(this)->recovery();
}

QStringList KeyHeader::accountLogins() const
{
    QStringList out;
    for (const KeySlot &s : keySlots)
        if (s.kind == KeySlot::Kind::Account)
            out << s.login;
    return out;
}

QByteArray KeyHeader::encodePayload() const
{
    Writer w;
    w.u16(static_cast<std::uint16_t>(keySlots.size()));
    for (const KeySlot &s : keySlots) {
        w.u8(static_cast<std::uint8_t>(s.kind));
        w.text(s.login);
        w.u8(static_cast<std::uint8_t>(s.kdf.algorithm));
        w.u32(s.kdf.memoryKiB);
        w.u32(s.kdf.iterations);
        w.u32(s.kdf.lanes);
        w.fixed(s.salt, kSalt);
        w.fixed(s.publicKey, kKey);
        w.fixed(s.privateKeyNonce, kNonce);
        w.fixed(s.wrappedPrivateKey, kWrapped);
        w.fixed(s.ephemeralPublicKey, kKey);
        w.fixed(s.fileKeyNonce, kNonce);
        w.fixed(s.wrappedFileKey, kWrapped);
        w.i64(s.createdAtMs);
        w.i64(s.lockedAtMs);
        w.u32(s.droppedFailures);
        w.u16(static_cast<std::uint16_t>(s.failuresMs.size()));
        for (std::int64_t t : s.failuresMs)
            w.i64(t);
    }
    return w.bytes();
}

std::optional<KeyHeader> KeyHeader::decodePayload(const QByteArray &payload)
{
    Reader r(payload);
    KeyHeader h;
    const int count = r.u16();
    if (count > kMaxSlots)
        return std::nullopt;
    int recoverySlots = 0;
    for (int i = 0; i < count && r.ok(); ++i) {
        KeySlot s;
        const std::uint8_t kind = r.u8();
        if (kind != static_cast<std::uint8_t>(KeySlot::Kind::Account) &&
            kind != static_cast<std::uint8_t>(KeySlot::Kind::Recovery))
            return std::nullopt;
        s.kind = static_cast<KeySlot::Kind>(kind);
        s.login = r.text();
        const std::uint8_t algorithm = r.u8();
        s.kdf.algorithm = static_cast<KdfParams::Algorithm>(algorithm);
        s.kdf.memoryKiB = r.u32();
        s.kdf.iterations = r.u32();
        s.kdf.lanes = r.u32();
        s.salt = r.fixed(kSalt);
        s.publicKey = r.fixed(kKey);
        s.privateKeyNonce = r.fixed(kNonce);
        s.wrappedPrivateKey = r.fixed(kWrapped);
        s.ephemeralPublicKey = r.fixed(kKey);
        s.fileKeyNonce = r.fixed(kNonce);
        s.wrappedFileKey = r.fixed(kWrapped);
        s.createdAtMs = r.i64();
        s.lockedAtMs = r.i64();
        s.droppedFailures = r.u32();
        const int failures = r.u16();
        if (failures > KeySlot::kMaxKeptFailures)
            return std::nullopt;
        for (int f = 0; f < failures; ++f)
            s.failuresMs << r.i64();
        const bool kdfFits = s.isRecovery() ? s.kdf.algorithm == KdfParams::Algorithm::HkdfSha256
                                            : s.kdf.algorithm == KdfParams::Algorithm::Argon2id;
        if (!r.ok() || !kdfFits || !s.kdf.plausible() || s.login.trimmed().isEmpty())
            return std::nullopt;
        // One slot per login, one recovery slot at most.
        if (s.isRecovery() ? ++recoverySlots > 1 : h.account(s.login) != nullptr)
            return std::nullopt;
        h.keySlots << s;
    }
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return h;
}

namespace header {

std::int64_t copySize()
{
    return container::kHeaderSize / 2;
}

std::int64_t copyOffset(int copy)
{
    return copy == 0 ? 0 : copySize();
}

QByteArray encodeCopy(const KeyHeader &h)
{
    const QByteArray payload = h.encodePayload();
    Writer w;
    w.bytes().append(kMagic, kMagicSize);
    w.u32(kFormatVersion);
    w.u64(h.sequence);
    w.u32(static_cast<std::uint32_t>(payload.size()));
    w.bytes().append(payload);
    w.bytes().append(crypto::sha256(w.bytes()));
    QByteArray copy = w.bytes();
    if (copy.size() > copySize())
        throw Error(ErrorKind::Refused,
                    Tr::tr("The case file has too many accounts to keep their keys in its header (%1 bytes, at most %2).")
                        .arg(copy.size())
                        .arg(copySize()));
    // Padded to the whole copy: nothing of a longer header written before stays behind.
    copy.resize(static_cast<qsizetype>(copySize()), '\0');
    return copy;
}

std::optional<KeyHeader> decodeCopy(const QByteArray &copy)
{
    if (copy.size() < kFixedPart + kDigestSize || !copy.startsWith(QByteArray::fromRawData(kMagic, kMagicSize)))
        return std::nullopt;
    Reader r(copy);
    r.fixed(kMagicSize);
    const std::uint32_t version = r.u32();
    const std::uint64_t sequence = r.u64();
    const std::uint32_t length = r.u32();
    if (version != kFormatVersion || length > static_cast<std::uint64_t>(copy.size() - kFixedPart - kDigestSize))
        return std::nullopt;
    const qsizetype end = kFixedPart + static_cast<qsizetype>(length);
    if (crypto::sha256(copy.left(end)) != copy.mid(end, kDigestSize))
        return std::nullopt;
    std::optional<KeyHeader> h = KeyHeader::decodePayload(copy.mid(kFixedPart, static_cast<qsizetype>(length)));
    if (h)
        h->sequence = sequence;
    return h;
}

std::optional<KeyHeader> Copies::current() const
{
    const int i = currentIndex();
    if (i < 0)
        return std::nullopt;
    return i == 0 ? a : b;
}

int Copies::currentIndex() const
{
    if (a && (!b || a->sequence >= b->sequence))
        return 0;
    if (b)
        return 1;
    return -1;
}

bool Copies::settled() const
{
    return a && b && *a == *b;
}

bool hasMagic(container::HeaderFile &file)
{
    const QByteArray magic = QByteArray::fromRawData(kMagic, kMagicSize);
    return file.read(copyOffset(0), kMagicSize) == magic || file.read(copyOffset(1), kMagicSize) == magic;
}

Copies read(container::HeaderFile &file)
{
    Copies c;
    c.a = decodeCopy(file.read(copyOffset(0), copySize()));
    c.b = decodeCopy(file.read(copyOffset(1), copySize()));
    return c;
}

KeyHeader commit(container::HeaderFile &file, const Copies &before, KeyHeader next)
{
    const int current = before.currentIndex();
    const std::optional<KeyHeader> old = before.current();
    next.sequence = (old ? old->sequence : 0) + 1;
    const QByteArray bytes = encodeCopy(next);
    const int target = current == 0 ? 1 : 0;
    file.write(copyOffset(target), bytes);
    file.sync(); // the commit point
    // The old header goes too. After the commit point the change stands whatever happens here:
    // a failure leaves the old copy for heal() to overwrite later.
    try {
        file.write(copyOffset(1 - target), bytes);
        file.sync();
    } catch (const Error &) {
    }
    return next;
}

void writeFresh(container::HeaderFile &file, KeyHeader h)
{
    h.sequence = std::max<std::uint64_t>(h.sequence, 1);
    const QByteArray bytes = encodeCopy(h);
    file.write(copyOffset(0), bytes);
    file.write(copyOffset(1), bytes);
    file.sync();
}

void heal(container::HeaderFile &file, const Copies &copies) noexcept
{
    try {
        const std::optional<KeyHeader> current = copies.current();
        if (!current || copies.settled() || !file.writable())
            return;
        file.write(copyOffset(1 - copies.currentIndex()), encodeCopy(*current));
        file.sync();
    } catch (...) {
    }
}

} // namespace header

} // namespace cb::auth
