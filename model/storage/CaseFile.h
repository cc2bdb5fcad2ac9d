#pragma once

#include "model/storage/Database.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>

namespace cb {

class SecretBytes;

// The audit trail is a hash chain (schema 3): each row's `hash` is the lower-case hex SHA-256 of
// the previous row's hash (in id order; "" for the first row), a newline, and the row's canonical
// text, json_array(id, at, actor_id, actor, action, entity, entity_id, case_id, field, old_value,
// new_value) as SQLite writes it (deterministic, and it keeps each value's type). A row edited,
// deleted, reordered or added outside CaseBoard breaks the link at that row unless the whole rest
// of the chain is recomputed; cutting off the tail leaves a valid chain, so the head is worth
// keeping outside the file (backups record it).
// Shared by the migration that chains the rows written before schema 3, the store that chains
// every new row, and verify().
class AuditChain {
public:
    explicit AuditChain(db::Database &db);
    ~AuditChain();
    AuditChain(const AuditChain &) = delete;
    AuditChain &operator=(const AuditChain &) = delete;

    // Gives row `id` its hash, linked to the row before it; the audit trigger lets a hash be set
    // once, from NULL, and nothing else be changed.
    void seal(std::int64_t id);
    // Seals every row without a hash, in id order (the migration to schema 3).
    void sealAll();

    // The SQL expression of a row's canonical text, over the audit table's columns.
    static const char *canonicalSql();
    // hex(SHA-256(previousHash + "\n" + canonical)), lower case.
    static QByteArray link(const QByteArray &previousHash, const QByteArray &canonical);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

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
    // foreign keys, audit completeness (every row's current values are explained by the trail) and
    // the audit chain (no row of the trail edited, deleted, reordered or inserted since written).
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
