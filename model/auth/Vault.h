#pragma once

// What a key slot does with keys: two levels, as disk encryption and age do it.
//
//   passphrase --Argon2id(salt, cost)--> key-encryption key --AES-256-GCM--> slot private key (X25519)
//   slot private key + ephemeral public key --X25519, HKDF-SHA256--> wrap key --AES-256-GCM--> file key
//
// The file key (32 random bytes) is SQLCipher's raw key for the database. It is wrapped to each
// slot's public key, so that anyone who holds the file key can re-wrap a new file key to every
// slot without knowing any passphrase: that is how removing an account re-keys the file
// (CaseFile, Accounts). The recovery slot is the same with a 160-bit random recovery key in place
// of the passphrase, stretched by HKDF rather than Argon2id (it needs no slow hash).

#include "model/auth/KdfParams.h"
#include "model/auth/KeyHeader.h"
#include "model/storage/SecretBytes.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace cb::auth {

class Vault {
public:
    static constexpr std::size_t kFileKeySize = 32;
    static SecretBytes newFileKey();

    // A slot for an account, its private key wrapped under the passphrase, the file key wrapped to it.
    static KeySlot accountSlot(const QString &login, const SecretBytes &passphrase, const KdfParams &kdf,
                               const SecretBytes &fileKey, std::int64_t nowMs);
    // The recovery slot for a recovery key (its 20 raw bytes, RecoveryKey::parse).
    static KeySlot recoverySlot(const SecretBytes &recoveryKey, const SecretBytes &fileKey, std::int64_t nowMs);

    // The slot's private key, or nullopt when the secret does not unwrap it (a wrong passphrase,
    // or a slot changed by hand).
    static std::optional<SecretBytes> unlockPrivateKey(const KeySlot &slot, const SecretBytes &secret);
    // The file key the slot holds, or nullopt when its wrapping does not open (a damaged slot).
    static std::optional<SecretBytes> unwrapFileKey(const KeySlot &slot, const SecretBytes &privateKey);
    // Wraps `fileKey` to the slot's public key with a new ephemeral key.
    static void wrapFileKey(KeySlot &slot, const SecretBytes &fileKey);
};

// Recovery keys: 160 random bits, written as 32 characters of Crockford's base 32 in groups of
// four (XXXX-XXXX-...-XXXX). Reading accepts lower case, no dashes, spaces, and O/I/L for 0/1/1.
class RecoveryKey {
public:
    static constexpr std::size_t kBytes = 20;
    static SecretBytes generate();
    static SecretBytes format(const SecretBytes &raw);
    // The raw bytes, or nullopt when the text is not a recovery key.
    static std::optional<SecretBytes> parse(const SecretBytes &text);
};

} // namespace cb::auth
