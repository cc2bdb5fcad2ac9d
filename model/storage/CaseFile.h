#pragma once

#include "model/auth/KdfParams.h"
#include "model/auth/PassphrasePolicy.h"
#include "model/domain/Domain.h"
#include "model/storage/Database.h"
#include "model/storage/SecretBytes.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace cb {

class Clock;
namespace auth {
class Accounts;
struct KeyHeader;
}

// Who signs in, and with what (the secret is not copied). An empty login means the file's only
// account; with several, it is an error that asks for one.
struct SignIn {
    QString login;
    const SecretBytes &secret;     // the passphrase, or the recovery key's text
    bool withRecoveryKey = false;  // then `login` is ignored
};

struct OpenOptions {
    const Clock *clock = nullptr; // for the lockout window and audit times; nullptr: the system clock
    // Whether a successful sign-in that opens the file for writing records a 'sign_in' event.
    // Failed sign-ins waiting in the sign-in record are moved to the audit trail either way.
    bool auditSignIn = true;
};

// Who is signed in to an open case file. The role is the member's (members.badge = login), read
// from the database after it is unlocked, never from the header.
struct Session {
    QString login;                   // empty for an old-format file
    std::optional<Id> memberId;      // no member with that badge: no role
    std::optional<Role> role;
    bool recovery = false;           // opened with the recovery key: may manage accounts
    bool legacy = false;             // an old-format file: one passphrase, no accounts
    bool canManageAccounts() const { return recovery || role == Role::Administrator; }
};

// A new case file's first account: its administrator.
struct NewCaseFile {
    QString adminLogin = QStringLiteral("admin");
    // With a name, the administrator becomes a member (badge = adminLogin, role Administrator) in
    // the new file; without, no member is made (a file to be filled by an import of a unit that
    // brings its own members).
    QString adminName;
    bool recoveryKey = true;
    auth::KdfParams kdf = auth::defaultKdf(); // standard() outside test suites
    const Clock *clock = nullptr;
};

// An open, unlocked, migrated case file. Opening is all-or-nothing: a wrong passphrase, a file
// that is not a case file, a damaged file or one from a newer CaseBoard is refused with a clear
// cb::Error before anything is written to it.
class CaseFile {
public:
    // Creates a new case file with one account, "admin", under `passphrase`, no member and no
    // recovery key; refuses to overwrite an existing file. For tools and tests: the app and the
    // CLI create with create(path, NewCaseFile, passphrase) below.
    static std::unique_ptr<CaseFile> create(const QString &path, const SecretBytes &passphrase);
    // Opens as the file's only account (or an old-format file with its passphrase). Counts a
    // failed sign-in like any other, but records no 'sign_in' event: for tools and tests.
    static std::unique_ptr<CaseFile> open(const QString &path, const SecretBytes &passphrase);
    // Unlocks and checks the file without migrating or writing anything (for `verify`).
    static std::unique_ptr<CaseFile> openReadOnly(const QString &path, const SecretBytes &passphrase);
    // A new, empty database keyed and ciphered exactly like an old-format case file (owner-only,
    // same cipher parameters) but with no schema: the destination of a backup of such a file.
    // Refuses an existing file. A file with key slots makes its copies with createEmptyCopy().
    static db::Database createKeyedEmpty(const QString &path, const SecretBytes &passphrase);

    // --- accounts and key slots (README, "Accounts and key slots"; model/auth/)
    struct Created {
        std::unique_ptr<CaseFile> file;
        SecretBytes recoveryKey; // its text, to show once; empty when none was made
    };
    // A new case file whose database key is random, with its administrator's account and a
    // recovery key. The passphrase must meet PassphrasePolicy.
    static Created create(const QString &path, const NewCaseFile &spec, const SecretBytes &passphrase);
    static Created create(const QString &path, const QString &adminLogin, const QString &adminName,
                          const SecretBytes &passphrase);
    // Signs in and opens for work. A wrong passphrase changes no byte of the case file; it is
    // counted in the sign-in record beside it ("<path>.signins", model/auth/Lockout.h), and five
    // within 15 minutes lock the account until an administrator releases it (kind Refused from
    // then on). Failed sign-ins waiting there move to the audit trail at the next successful
    // sign-in. A damaged sign-in record refuses the accounts of a file that can lock (kind
    // Refused, naming the record) until the recovery key signs in for work.
    static std::unique_ptr<CaseFile> open(const QString &path, const SignIn &signIn, const OpenOptions &options = {});
    static std::unique_ptr<CaseFile> open(const QString &path, const QString &login, const SecretBytes &passphrase);
    static std::unique_ptr<CaseFile> openWithRecoveryKey(const QString &path, const SecretBytes &recoveryKey,
                                                         const OpenOptions &options = {});
    // Signs in (counting a failure like open()) and opens without migrating or writing anything.
    static std::unique_ptr<CaseFile> openReadOnly(const QString &path, const SignIn &signIn,
                                                  const OpenOptions &options = {});
    // The accounts of a file, read from its header without any secret; empty for an old-format
    // file. Throws cb::Error for a missing or damaged file.
    static QStringList accountLogins(const QString &path);
    // Converts an old-format file (one SQLCipher passphrase) into one with key slots, in place and
    // atomically (a re-encrypted copy beside it is checked, then renamed over it): its first
    // account `adminLogin` keeps `passphrase`, and a recovery key is made. When no member has the
    // badge adminLogin and adminName is given, one is added with the role Administrator. The file
    // must be open nowhere else.
    static Created upgrade(const QString &path, const SecretBytes &passphrase, const NewCaseFile &spec);

    // Where the database starts in the file at `path`: after the key header for a file with key
    // slots (container::kHeaderSize), 0 for an old-format file. For tools and tests that look at
    // pages on disk.
    static qint64 databaseOffset(const QString &path);
    // A connection to the database that bypasses CaseFile and CaseStore, as a repair tool (or an
    // attacker who has the key) would open it: keyed, nothing checked, migrated or recorded, and
    // a wrong secret counted nowhere. For a path that does not exist yet (ReadWriteCreate) or an
    // old-format file, the passphrase itself is SQLCipher's key, as before key slots. For tools
    // and tests only.
    static db::Database rawConnection(const QString &path, const SignIn &signIn,
                                      db::OpenMode mode = db::OpenMode::ReadWrite);

    const Session &session() const { return m_session; }
    // False for an old-format file.
    bool hasKeySlots() const { return m_container; }

    // Copies for backups: an empty database keyed like this file (for a file with key slots, a
    // container that carries this file's current header) and the copy opened read-only with the
    // same key, without a sign-in. `legacyPassphrase` keys copies of an old-format file.
    db::Database createEmptyCopy(const QString &path, const SecretBytes &legacyPassphrase) const;
    std::unique_ptr<CaseFile> openCopyReadOnly(const QString &path, const SecretBytes &legacyPassphrase) const;

    ~CaseFile();
    CaseFile(const CaseFile &) = delete;
    CaseFile &operator=(const CaseFile &) = delete;

    db::Database &db() { return m_db; }
    const QString &path() const { return m_path; }
    int schemaVersion();

    struct Check {
        QString name;
        bool ok = false;
        QStringList problems; // each one line, at most a few dozen
    };
    // PRAGMA integrity_check, PRAGMA cipher_integrity_check (HMAC of every page), schema version,
    // foreign keys, derived tables, and audit completeness (every row's current values are
    // explained by the trail).
    QList<Check> verify();

private:
    friend class auth::Accounts;
    CaseFile(db::Database db, QString path);
    static db::Database unlock(const QString &path, const SecretBytes &passphrase, db::OpenMode mode);
    static void checkUnlocked(db::Database &db, const QString &path, const QString &wrongMessage);
    static void configure(db::Database &db);
    // Connection settings of every case file connection, before and after its key (CaseFile.cpp).
    static void beforeKey(db::Database &db);
    static void afterKey(db::Database &db);
    // The steps after a successful unlock: migrate for work, or make the connection read-only.
    static void finishOpen(db::Database &db, bool readOnly);

    // Files with key slots (model/auth/CaseFileKeys.cpp).
    static std::unique_ptr<CaseFile> signIn(const QString &path, const SignIn &signIn, bool readOnly,
                                            const OpenOptions &options);
    static db::Database openContainer(const QString &path, const SecretBytes &fileKey);
    static std::unique_ptr<CaseFile> openWithFileKey(const QString &path, const SecretBytes &fileKey, bool readOnly);
    // Copies the database `source` (which must be the only connection to `path`) into a new
    // container beside `path` under `header` and `fileKey`, lets `fill` write to the copy (its
    // audit entries), checks the copy and renames it over `path`. Nothing changes at `path` unless
    // every step succeeds.
    static void replaceWithContainer(db::Database &source, const QString &path, const auth::KeyHeader &header,
                                     const SecretBytes &fileKey, const std::function<void(CaseFile &)> &fill);
    void loadSession(const QString &login, bool recovery);

    db::Database m_db;
    QString m_path;
    bool m_container = false;
    SecretBytes m_fileKey; // the database key of a file with key slots, for account changes and backups
    Session m_session;
};

} // namespace cb
