#pragma once

// The few primitives the key slots need, over OpenSSL 3 (EVP) and libargon2. Secrets come and go
// as SecretBytes (wiped when dropped); public material (salts, nonces, public keys, ciphertexts)
// as QByteArray. Failures of the libraries themselves throw cb::Error.

#include "model/storage/SecretBytes.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace cb::auth::crypto {

inline constexpr std::size_t kKeySize = 32;   // AES-256, X25519, HKDF output
inline constexpr std::size_t kNonceSize = 12; // AES-GCM
inline constexpr std::size_t kTagSize = 16;   // AES-GCM
inline constexpr std::size_t kSaltSize = 16;

QByteArray randomBytes(std::size_t size);
SecretBytes randomSecret(std::size_t size);
QByteArray sha256(const QByteArray &bytes);
// Hex text of a secret, as SecretBytes (for SQLCipher's x'...' raw key).
SecretBytes toHex(const SecretBytes &secret);

struct KeyPair {
    SecretBytes privateKey; // 32 bytes
    QByteArray publicKey;   // 32 bytes
};
KeyPair generateX25519();
// The shared secret of X25519; nullopt when the peer's key is not a usable point.
std::optional<SecretBytes> x25519(const SecretBytes &privateKey, const QByteArray &peerPublicKey);

SecretBytes hkdfSha256(const SecretBytes &inputKey, const QByteArray &salt, const QByteArray &info, std::size_t size);
// Argon2id (RFC 9106) with the given cost: time (passes), memory (KiB) and lanes.
SecretBytes argon2id(const SecretBytes &passphrase, const QByteArray &salt, std::uint32_t timeCost,
                     std::uint32_t memoryKiB, std::uint32_t lanes, std::size_t size);

// AES-256-GCM: the ciphertext followed by its 16-byte tag.
QByteArray seal(const SecretBytes &key, const QByteArray &nonce, const SecretBytes &plaintext, const QByteArray &aad);
// nullopt when the tag does not verify: the wrong key, or the bytes or the associated data changed.
std::optional<SecretBytes> open(const SecretBytes &key, const QByteArray &nonce, const QByteArray &sealed,
                                const QByteArray &aad);

} // namespace cb::auth::crypto
