#pragma once

// A small, closed RAII wrapper over SQLCipher's C API. The raw handles and SQLCipher's headers
// stay in Database.cpp: callers see Database, Statement and Transaction only. Every value is
// bound, never spliced into SQL. Errors are thrown as cb::Error and never carry a key.

#include "model/storage/Error.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>

namespace cb {
class SecretBytes;
}

namespace cb::db {

class Statement;

enum class OpenMode { ReadOnly, ReadWrite, ReadWriteCreate };

class Database {
public:
    Database();
    ~Database();
    Database(Database &&) noexcept;
    Database &operator=(Database &&) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // An in-memory database (no key) for tests and scratch work.
    static Database openMemory();
    // Opens the file without reading it; nothing is read or written until the first statement.
    // `vfs` names a registered SQLite VFS (nullptr: the default one).
    static Database open(const QString &path, OpenMode mode, const char *vfs = nullptr);

    bool isOpen() const noexcept;
    void close();
    QString path() const;

    // Gives SQLCipher the passphrase bytes (sqlite3_key_v2); the bytes are not kept.
    void key(const SecretBytes &passphrase);
    // Re-encrypts the whole database under a new passphrase (sqlite3_rekey_v2).
    void rekey(const SecretBytes &passphrase);

    // Runs one or more statements with no parameters and no result (DDL, PRAGMA writes).
    void execScript(std::string_view sql);
    // Prepares exactly one statement; a trailing second statement is an error.
    Statement prepare(std::string_view sql);
    // Convenience: prepare, bind nothing, step once, return the first column of the first row
    // (a null QVariant when there is no row).
    QVariant scalar(std::string_view sql);

    // Adds the deterministic SQL function cb_sha256(X) to this connection: the SHA-256 of X's
    // bytes (text as UTF-8, a blob as is; NULL gives NULL) as 64 lower-case hex digits. The audit
    // trail's hash chain is computed with it inside the INSERT that writes each entry.
    void addSha256Function();

    // Whether closing the last connection folds the write-ahead log into the main file (SQLite's
    // default: on). CaseFile turns it off until a file is accepted, so that a refused open leaves
    // the log of a crashed session exactly as it found it.
    void setCheckpointOnClose(bool enabled);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const;
    void setBusyTimeout(int milliseconds);

    // Copies this whole database into `destination` with SQLite's online backup API, in one
    // step: the copy is the last committed state, read under one read transaction (in WAL mode
    // a writer elsewhere neither blocks it nor shows through). Waits on the busy timeout.
    void backupTo(Database &destination);

private:
    friend class Statement;
    struct Impl;
    std::unique_ptr<Impl> d;
};

class Statement {
public:
    Statement();
    ~Statement();
    Statement(Statement &&) noexcept;
    Statement &operator=(Statement &&) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Binds are 1-based, as in SQLite.
    Statement &bindNull(int index);
    Statement &bind(int index, std::nullptr_t) { return bindNull(index); }
    Statement &bind(int index, bool value);
    Statement &bind(int index, int value);
    Statement &bind(int index, std::int64_t value);
    // Any other signed integer (qint64 is long long where std::int64_t is long), and unsigned ones
    // that fit in 64 signed bits; quint64 is left out on purpose: it may not fit.
    template<typename T>
        requires(std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, int> &&
                 !std::is_same_v<T, std::int64_t> && !std::is_same_v<T, char> &&
                 (std::is_signed_v<T> ? sizeof(T) <= 8 : sizeof(T) < 8))
    Statement &bind(int index, T value)
    {
        return bind(index, static_cast<std::int64_t>(value));
    }
    Statement &bind(int index, double value);
    // Always text: a null QString binds '' too. NULL is said explicitly (bindNull, nullptr, an
    // empty QVariant, std::nullopt), so that a default-constructed field never breaks NOT NULL.
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const char *utf8) = delete; // say what you mean: QString or blob
    Statement &bindBlob(int index, const QByteArray &value);
    // Text given as UTF-8 bytes (copied).
    Statement &bindUtf8(int index, std::string_view utf8);
    Statement &bind(int index, const QVariant &value);
    template<typename T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }
    // Binds the arguments to parameters 1..N.
    template<typename... Args>
    Statement &bindAll(const Args &...args)
    {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }
    int parameterIndex(const char *name) const;
    int parameterCount() const;

    // Steps once; true when a row is available, false when done.
    bool step();
    // Steps to the end, for statements that return no rows.
    void run();
    // Back to the start, binds cleared, ready to run again.
    void reset();

    int columnCount() const;
    QString columnName(int column) const;
    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    int integer(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    std::optional<QString> optText(int column) const;
    std::optional<std::int64_t> optInt64(int column) const;
    // The column as a QVariant of its storage class: null, qint64, double, QString or QByteArray.
    QVariant value(int column) const;
    enum class Type { Null, Integer, Real, Text, Blob };
    Type type(int column) const;
    // The column's bytes without a copy: text as UTF-8, a blob as is. Valid until the next
    // step, reset or accessor call on this column.
    std::string_view bytes(int column) const;

private:
    friend class Database;
    struct Impl;
    std::unique_ptr<Impl> d;
};

// BEGIN IMMEDIATE on construction (a writer takes the lock up front, so a second writer waits
// on the busy timeout instead of failing half-way); ROLLBACK on destruction unless committed.
class Transaction {
public:
    enum class Mode { Deferred, Immediate };
    explicit Transaction(Database &db, Mode mode = Mode::Immediate);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

// Facts about the linked library, for `caseboard-cli version` and the guard test.
struct LibraryInfo {
    QString sqliteVersion;
    QString cipherVersion;  // empty if the library is not SQLCipher
    QString cipherProvider; // e.g. "openssl"
    QString libraryPath;    // the shared object sqlite3_open_v2 resolves into
};
LibraryInfo libraryInfo();

} // namespace cb::db
