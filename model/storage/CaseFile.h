#pragma once

#include "model/storage/Database.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace cb {

class SecretBytes;

// Rules a new passphrase must meet (see README, "Security model").
struct PassphrasePolicy {
    static constexpr int kMinLength = 12; // Unicode code points
    // An empty string when acceptable, else the reason, ready to show.
    static QString check(const QString &passphrase);
};

// An open, unlocked, migrated case file. Opening is all-or-nothing: a wrong passphrase, a file
// that is not a case file, a damaged file or one from a newer CaseBoard is refused with a clear
// cb::Error before anything is written to it.
class CaseFile {
public:
    // Creates a new case file; refuses to overwrite an existing file.
    static std::unique_ptr<CaseFile> create(const QString &path, const SecretBytes &passphrase);
    static std::unique_ptr<CaseFile> open(const QString &path, const SecretBytes &passphrase);
    // Unlocks and checks the file without migrating or writing anything (for `verify`).
    static std::unique_ptr<CaseFile> openReadOnly(const QString &path, const SecretBytes &passphrase);
    // A new, empty database keyed and ciphered exactly like a case file (owner-only, same cipher
    // parameters) but with no schema: the destination of a backup. Refuses an existing file.
    static db::Database createKeyedEmpty(const QString &path, const SecretBytes &passphrase);

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
    CaseFile(db::Database db, QString path);
    static db::Database unlock(const QString &path, const SecretBytes &passphrase, db::OpenMode mode);
    static void checkUnlocked(db::Database &db, const QString &path, const QString &wrongMessage);
    static void configure(db::Database &db);
    db::Database m_db;
    QString m_path;
};

} // namespace cb
