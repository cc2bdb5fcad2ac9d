#include "model/auth/Crypto.h"

#include "model/storage/Error.h"

#include <QCoreApplication>

#include <argon2.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <array>
#include <memory>

namespace cb::auth::crypto {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::auth::Crypto)
};

[[noreturn]] void fail(const char *what)
{
    const unsigned long code = ERR_get_error();
    char detail[256] = {};
    if (code != 0)
        ERR_error_string_n(code, detail, sizeof detail);
    ERR_clear_error();
    throw Error(ErrorKind::Database, Tr::tr("The cryptographic library failed (%1: %2).")
                                         .arg(QString::fromLatin1(what), QString::fromLatin1(detail)));
}

struct PkeyFree {
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
};
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX *p) const { EVP_CIPHER_CTX_free(p); }
};
struct KdfFree {
    void operator()(EVP_KDF *p) const { EVP_KDF_free(p); }
};
struct KdfCtxFree {
    void operator()(EVP_KDF_CTX *p) const { EVP_KDF_CTX_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

const unsigned char *bytesOf(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

const unsigned char *bytesOf(const SecretBytes &s)
{
    return reinterpret_cast<const unsigned char *>(s.data());
}

// A stack buffer that is wiped when it goes away; its bytes become a SecretBytes.
template<std::size_t N>
struct Scratch {
    std::array<unsigned char, N> bytes{};
    ~Scratch() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
    unsigned char *data() { return bytes.data(); }
    SecretBytes secret(std::size_t size) const
    {
        return SecretBytes::fromRaw(reinterpret_cast<const char *>(bytes.data()), size);
    }
};

} // namespace

QByteArray randomBytes(std::size_t size)
{
    QByteArray out(static_cast<qsizetype>(size), '\0');
    if (size > 0 && RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), static_cast<int>(size)) != 1)
        fail("RAND_bytes");
    return out;
}

SecretBytes randomSecret(std::size_t size)
{
    Scratch<64> buffer;
    if (size > buffer.bytes.size())
        fail("randomSecret size");
    if (RAND_priv_bytes(buffer.data(), static_cast<int>(size)) != 1)
        fail("RAND_priv_bytes");
    return buffer.secret(size);
}

QByteArray sha256(const QByteArray &bytes)
{
    QByteArray out(32, '\0');
    unsigned int length = 0;
    if (EVP_Digest(bytes.constData(), static_cast<std::size_t>(bytes.size()), reinterpret_cast<unsigned char *>(out.data()),
                   &length, EVP_sha256(), nullptr) != 1 ||
        length != 32)
        fail("SHA-256");
    return out;
}

SecretBytes toHex(const SecretBytes &secret)
{
    static constexpr char kHex[] = "0123456789abcdef";
    Scratch<128> buffer;
    if (secret.size() * 2 > buffer.bytes.size())
        fail("toHex size");
    for (std::size_t i = 0; i < secret.size(); ++i) {
        const auto byte = static_cast<unsigned char>(secret.data()[i]);
        buffer.bytes[2 * i] = static_cast<unsigned char>(kHex[byte >> 4]);
        buffer.bytes[2 * i + 1] = static_cast<unsigned char>(kHex[byte & 0xf]);
    }
    return buffer.secret(secret.size() * 2);
}

KeyPair generateX25519()
{
    Pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    if (!key)
        fail("X25519 key generation");
    Scratch<kKeySize> priv;
    std::size_t privLength = priv.bytes.size();
    QByteArray pub(kKeySize, '\0');
    std::size_t pubLength = kKeySize;
    if (EVP_PKEY_get_raw_private_key(key.get(), priv.data(), &privLength) != 1 || privLength != kKeySize ||
        EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(pub.data()), &pubLength) != 1 ||
        pubLength != kKeySize)
        fail("X25519 key export");
    return {priv.secret(kKeySize), pub};
}

std::optional<SecretBytes> x25519(const SecretBytes &privateKey, const QByteArray &peerPublicKey)
{
    if (privateKey.size() != kKeySize || peerPublicKey.size() != static_cast<qsizetype>(kKeySize))
        return std::nullopt;
    Pkey own(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, bytesOf(privateKey), kKeySize));
    Pkey peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, bytesOf(peerPublicKey), kKeySize));
    if (!own || !peer) {
        ERR_clear_error();
        return std::nullopt;
    }
    PkeyCtx ctx(EVP_PKEY_CTX_new(own.get(), nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1)
        fail("X25519 derive");
    Scratch<kKeySize> shared;
    std::size_t length = shared.bytes.size();
    // OpenSSL refuses a peer key of small order (an all-zero shared secret), as RFC 7748 advises.
    if (EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1 || EVP_PKEY_derive(ctx.get(), shared.data(), &length) != 1 ||
        length != kKeySize) {
        ERR_clear_error();
        return std::nullopt;
    }
    return shared.secret(kKeySize);
}

SecretBytes hkdfSha256(const SecretBytes &inputKey, const QByteArray &salt, const QByteArray &info, std::size_t size)
{
    std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    if (!kdf)
        fail("HKDF");
    std::unique_ptr<EVP_KDF_CTX, KdfCtxFree> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        fail("HKDF");
    char digest[] = "SHA256";
    QByteArray saltCopy = salt, infoCopy = info;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(inputKey.data()), inputKey.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, saltCopy.data(), static_cast<std::size_t>(saltCopy.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, infoCopy.data(), static_cast<std::size_t>(infoCopy.size())),
        OSSL_PARAM_construct_end(),
    };
    Scratch<64> out;
    if (size > out.bytes.size() || EVP_KDF_derive(ctx.get(), out.data(), size, params) != 1)
        fail("HKDF");
    return out.secret(size);
}

SecretBytes argon2id(const SecretBytes &passphrase, const QByteArray &salt, std::uint32_t timeCost,
                     std::uint32_t memoryKiB, std::uint32_t lanes, std::size_t size)
{
    Scratch<64> out;
    if (size > out.bytes.size())
        fail("argon2id size");
    // The whole passphrase, however long: nothing is truncated (libargon2 takes up to 2^32 - 1 bytes).
    const int rc = argon2id_hash_raw(timeCost, memoryKiB, lanes, passphrase.data(), passphrase.size(), salt.constData(),
                                     static_cast<std::size_t>(salt.size()), out.data(), size);
    if (rc != ARGON2_OK)
        throw Error(rc == ARGON2_MEMORY_ALLOCATION_ERROR ? ErrorKind::Io : ErrorKind::Invalid,
                    Tr::tr("The passphrase could not be hashed (Argon2id: %1).")
                        .arg(QString::fromLatin1(argon2_error_message(rc))));
    return out.secret(size);
}

QByteArray seal(const SecretBytes &key, const QByteArray &nonce, const SecretBytes &plaintext, const QByteArray &aad)
{
    if (key.size() != kKeySize || nonce.size() != static_cast<qsizetype>(kNonceSize))
        fail("AES-GCM parameters");
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    QByteArray out(static_cast<qsizetype>(plaintext.size() + kTagSize), '\0');
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    int length = 0, finalLength = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytesOf(key), bytesOf(nonce)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytesOf(aad), static_cast<int>(aad.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), o, &length, bytesOf(plaintext), static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), o + length, &finalLength) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagSize), o + plaintext.size()) != 1)
        fail("AES-GCM seal");
    return out;
}

std::optional<SecretBytes> open(const SecretBytes &key, const QByteArray &nonce, const QByteArray &sealed,
                                const QByteArray &aad)
{
    if (key.size() != kKeySize || nonce.size() != static_cast<qsizetype>(kNonceSize) ||
        sealed.size() < static_cast<qsizetype>(kTagSize) || sealed.size() > 64 + static_cast<qsizetype>(kTagSize))
        return std::nullopt;
    const std::size_t textSize = static_cast<std::size_t>(sealed.size()) - kTagSize;
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    Scratch<64> out;
    QByteArray tag = sealed.right(static_cast<qsizetype>(kTagSize));
    int length = 0, finalLength = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytesOf(key), bytesOf(nonce)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytesOf(aad), static_cast<int>(aad.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), out.data(), &length, bytesOf(sealed), static_cast<int>(textSize)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagSize), tag.data()) != 1)
        fail("AES-GCM open");
    if (EVP_DecryptFinal_ex(ctx.get(), out.data() + length, &finalLength) != 1) {
        ERR_clear_error();
        return std::nullopt;
    }
    return out.secret(textSize);
}

} // namespace cb::auth::crypto
