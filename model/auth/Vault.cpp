#include "model/auth/Vault.h"

#include "model/auth/Crypto.h"

#include <openssl/crypto.h>

#include <array>
#include <atomic>

namespace cb::auth {

namespace {

void appendU32(QByteArray &out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>((v >> shift) & 0xff));
}

// Everything a slot's private key is bound to: rename the slot, point it at another public key
// or change its cost, and the private key no longer unwraps.
QByteArray privateKeyAad(const KeySlot &s)
{
    QByteArray aad("CaseBoard key slot v1");
    aad.append('\0');
    aad.append(static_cast<char>(s.kind));
    const QByteArray login = s.login.toUtf8();
    appendU32(aad, static_cast<std::uint32_t>(login.size()));
    aad.append(login);
    aad.append(static_cast<char>(s.kdf.algorithm));
    appendU32(aad, s.kdf.memoryKiB);
    appendU32(aad, s.kdf.iterations);
    appendU32(aad, s.kdf.lanes);
    aad.append(s.salt);
    aad.append(s.publicKey);
    return aad;
}

QByteArray fileKeyInfo()
{
    return QByteArrayLiteral("CaseBoard file key v1");
}

QByteArray fileKeyAad(const KeySlot &s)
{
    QByteArray aad = fileKeyInfo();
    aad.append('\0');
    aad.append(s.ephemeralPublicKey);
    aad.append(s.publicKey);
    aad.append(static_cast<char>(s.kind));
    aad.append(s.login.toUtf8());
    return aad;
}

// The wrap key between an X25519 shared secret and the file key, as age derives its file key
// wrap: HKDF-SHA256 salted with both public keys.
SecretBytes wrapKey(const SecretBytes &shared, const KeySlot &s)
{
    return crypto::hkdfSha256(shared, s.ephemeralPublicKey + s.publicKey, fileKeyInfo(), crypto::kKeySize);
}

SecretBytes keyEncryptionKey(const KeySlot &s, const SecretBytes &secret)
{
    if (s.kdf.algorithm == KdfParams::Algorithm::HkdfSha256)
        return crypto::hkdfSha256(secret, s.salt, QByteArrayLiteral("CaseBoard recovery key v1"), crypto::kKeySize);
    return crypto::argon2id(secret, s.salt, s.kdf.iterations, s.kdf.memoryKiB, s.kdf.lanes, crypto::kKeySize);
}

KeySlot newSlot(KeySlot::Kind kind, const QString &login, const KdfParams &kdf, const SecretBytes &secret,
                const SecretBytes &fileKey, std::int64_t nowMs)
{
    KeySlot s;
    s.kind = kind;
    s.login = login;
    s.kdf = kdf;
    s.salt = crypto::randomBytes(crypto::kSaltSize);
    s.createdAtMs = nowMs;
    crypto::KeyPair pair = crypto::generateX25519();
    s.publicKey = pair.publicKey;
    const SecretBytes kek = keyEncryptionKey(s, secret);
    s.privateKeyNonce = crypto::randomBytes(crypto::kNonceSize);
    s.wrappedPrivateKey = crypto::seal(kek, s.privateKeyNonce, pair.privateKey, privateKeyAad(s));
    Vault::wrapFileKey(s, fileKey);
    return s;
}

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kSymbols = RecoveryKey::kBytes * 8 / 5; // 32
constexpr std::size_t kGroup = 4;

int symbolValue(char c)
{
    if (c >= 'a' && c <= 'z')
        c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O')
        c = '0';
    if (c == 'I' || c == 'L')
        c = '1';
    for (int i = 0; i < 32; ++i)
        if (kAlphabet[i] == c)
            return i;
    return -1;
}

} // namespace

namespace {
std::atomic<bool> g_weakSlots{false};
} // namespace

KdfParams defaultKdf()
{
    return g_weakSlots.load() ? KdfParams::weakForTestsOnly() : KdfParams::standard();
}

void weakenNewSlotsForTests()
{
    g_weakSlots.store(true);
}

SecretBytes Vault::newFileKey()
{
    return crypto::randomSecret(kFileKeySize);
}

KeySlot Vault::accountSlot(const QString &login, const SecretBytes &passphrase, const KdfParams &kdf,
                           const SecretBytes &fileKey, std::int64_t nowMs)
{
    return newSlot(KeySlot::Kind::Account, login, kdf, passphrase, fileKey, nowMs);
}

KeySlot Vault::recoverySlot(const SecretBytes &recoveryKey, const SecretBytes &fileKey, std::int64_t nowMs)
{
    return newSlot(KeySlot::Kind::Recovery, QStringLiteral("recovery"), KdfParams::recoveryKey(), recoveryKey, fileKey,
                   nowMs);
}

std::optional<SecretBytes> Vault::unlockPrivateKey(const KeySlot &slot, const SecretBytes &secret)
{
    if (secret.isEmpty() || !slot.kdf.plausible())
        return std::nullopt;
    const SecretBytes kek = keyEncryptionKey(slot, secret);
    std::optional<SecretBytes> key = crypto::open(kek, slot.privateKeyNonce, slot.wrappedPrivateKey, privateKeyAad(slot));
    if (key && key->size() != crypto::kKeySize)
        return std::nullopt;
    return key;
}

std::optional<SecretBytes> Vault::unwrapFileKey(const KeySlot &slot, const SecretBytes &privateKey)
{
    const std::optional<SecretBytes> shared = crypto::x25519(privateKey, slot.ephemeralPublicKey);
    if (!shared)
        return std::nullopt;
    std::optional<SecretBytes> key =
        crypto::open(wrapKey(*shared, slot), slot.fileKeyNonce, slot.wrappedFileKey, fileKeyAad(slot));
    if (key && key->size() != kFileKeySize)
        return std::nullopt;
    return key;
}

void Vault::wrapFileKey(KeySlot &slot, const SecretBytes &fileKey)
{
    crypto::KeyPair ephemeral = crypto::generateX25519();
    slot.ephemeralPublicKey = ephemeral.publicKey;
    const std::optional<SecretBytes> shared = crypto::x25519(ephemeral.privateKey, slot.publicKey);
    slot.fileKeyNonce = crypto::randomBytes(crypto::kNonceSize);
    // A public key of our own making is always a usable point; a crafted one gets a wrap of
    // random bytes that opens nothing.
    const SecretBytes key = shared ? wrapKey(*shared, slot) : crypto::randomSecret(crypto::kKeySize);
    slot.wrappedFileKey = crypto::seal(key, slot.fileKeyNonce, fileKey, fileKeyAad(slot));
}

SecretBytes RecoveryKey::generate()
{
    return crypto::randomSecret(kBytes);
}

SecretBytes RecoveryKey::format(const SecretBytes &raw)
{
    std::array<char, kSymbols + kSymbols / kGroup> text{};
    std::size_t out = 0;
    std::uint64_t buffer = 0;
    int bits = 0;
    std::size_t symbols = 0;
    for (std::size_t i = 0; i < raw.size() && i < kBytes; ++i) {
        buffer = (buffer << 8) | static_cast<unsigned char>(raw.data()[i]);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            if (symbols > 0 && symbols % kGroup == 0)
                text[out++] = '-';
            text[out++] = kAlphabet[(buffer >> bits) & 0x1f];
            ++symbols;
        }
    }
    buffer = 0;
    SecretBytes result = SecretBytes::fromRaw(text.data(), out);
    OPENSSL_cleanse(text.data(), text.size());
    return result;
}

std::optional<SecretBytes> RecoveryKey::parse(const SecretBytes &text)
{
    std::array<char, kBytes> raw{};
    std::size_t out = 0;
    std::uint64_t buffer = 0;
    int bits = 0;
    std::size_t symbols = 0;
    bool ok = true;
    for (std::size_t i = 0; i < text.size() && ok; ++i) {
        const char c = text.data()[i];
        if (c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        const int v = symbolValue(c);
        if (v < 0 || symbols >= kSymbols) {
            ok = false;
            break;
        }
        ++symbols;
        buffer = (buffer << 5) | static_cast<std::uint64_t>(v);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            raw[out++] = static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    buffer = 0;
    std::optional<SecretBytes> result;
    if (ok && symbols == kSymbols && out == kBytes)
        result = SecretBytes::fromRaw(raw.data(), raw.size());
    OPENSSL_cleanse(raw.data(), raw.size());
    return result;
}

} // namespace cb::auth
