#pragma once

// The key slots of a case file, kept in the file's header region (model/storage/ContainerVfs.h),
// in two copies, A and B, each of container::kHeaderSize / 2 bytes:
//
//   magic "CBKEYHDR" | format version (u32) | sequence (u64) | payload length (u32) | payload |
//   SHA-256 of everything before it | zero padding to the end of the copy
//
// (integers big-endian). The current header is the valid copy with the highest sequence (A when
// both are equal). A new header is written over the copy that is not current, with the sequence
// one higher, and flushed: that is the commit point, so a crash at any moment leaves either the
// old header or the new one, never a mix. The other copy is then overwritten with the new
// header too, so that no old key wrapping stays behind once a change is complete; if that
// second write is cut short, the next header write or sign-in heals it.
//
// The SHA-256 only tells a torn or damaged copy from a whole one: the header is not secret and
// not authenticated. What protects the key is in each slot (Vault.h): a private key that only its
// passphrase unwraps, and the file key wrapped to that private key's public half; both under
// AES-256-GCM with the slot's fields as associated data, so a slot edited by hand opens nothing.

#include "model/auth/KdfParams.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace cb::container {
class HeaderFile;
}

namespace cb::auth {

struct KeySlot {
    enum class Kind : std::uint8_t { Account = 1, Recovery = 2 };
    // The most failed sign-ins a slot of an old header holds (see below).
    static constexpr int kMaxKeptFailures = 32;

    Kind kind = Kind::Account;
    QString login; // a member's badge; "recovery" for the recovery slot
    KdfParams kdf;
    QByteArray salt;               // 16 bytes
    QByteArray publicKey;          // X25519, 32 bytes
    QByteArray privateKeyNonce;    // 12 bytes
    QByteArray wrappedPrivateKey;  // AES-256-GCM of the 32-byte private key: 48 bytes
    QByteArray ephemeralPublicKey; // X25519, 32 bytes
    QByteArray fileKeyNonce;       // 12 bytes
    QByteArray wrappedFileKey;     // AES-256-GCM of the 32-byte file key: 48 bytes
    std::int64_t createdAtMs = 0;
    // Failed sign-ins and the lock as CaseBoard kept them in the header before they moved to the
    // sign-in record beside the file (SignInLog.h, Lockout.h). Still part of the format, so that
    // old files read as they are (and new ones in older builds); read, moved out at the next sign-in
    // for work or change of accounts, and otherwise always written empty.
    std::int64_t lockedAtMs = 0;   // 0: not locked
    QList<std::int64_t> failuresMs; // oldest first
    std::uint32_t droppedFailures = 0;

    bool isRecovery() const { return kind == Kind::Recovery; }
    bool locked() const { return lockedAtMs != 0; }
    bool operator==(const KeySlot &) const = default;
};

struct KeyHeader {
    std::uint64_t sequence = 0;
    QList<KeySlot> keySlots;

    KeySlot *account(const QString &login);
    const KeySlot *account(const QString &login) const;
    KeySlot *recovery();
    const KeySlot *recovery() const;
    QStringList accountLogins() const;

    QByteArray encodePayload() const;
    // nullopt when the payload is not a well-formed header of this format.
    static std::optional<KeyHeader> decodePayload(const QByteArray &payload);
    bool operator==(const KeyHeader &) const = default;
};

namespace header {

inline constexpr std::uint32_t kFormatVersion = 1;
std::int64_t copySize();
std::int64_t copyOffset(int copy); // 0: A, 1: B

// One copy as it is written (copySize() bytes); throws cb::Error if the header does not fit.
QByteArray encodeCopy(const KeyHeader &header);
// nullopt when the copy is torn, damaged or not a header copy.
std::optional<KeyHeader> decodeCopy(const QByteArray &copy);

struct Copies {
    std::optional<KeyHeader> a, b;
    // The current header, and which copy holds it (0 or 1); nullopt when neither copy is valid.
    std::optional<KeyHeader> current() const;
    int currentIndex() const;
    // Both copies valid and equal: nothing left over from an unfinished write.
    bool settled() const;
};

// Whether the file starts like a case file with key slots (either copy's magic is there).
bool hasMagic(container::HeaderFile &file);
Copies read(container::HeaderFile &file);
// Writes `next` as the successor of `before`'s current header (the sequence is set here) and
// returns it as written. Call with the file locked for update (HeaderFile::lockForUpdate).
KeyHeader commit(container::HeaderFile &file, const Copies &before, KeyHeader next);
// Writes both copies of a new file's header.
void writeFresh(container::HeaderFile &file, KeyHeader header);
// Finishes a write that was cut short after its commit point (see above); never throws.
void heal(container::HeaderFile &file, const Copies &copies) noexcept;

} // namespace header

} // namespace cb::auth
