#include "model/storage/Database.h"

#include "model/storage/DiskMessage.h"
#include "model/storage/SecretBytes.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <dlfcn.h>
#include <openssl/evp.h>
#include <sqlite3.h>

#include <mutex>
#include <utility>

namespace cb::db {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::db::Database)
};

ErrorKind kindFor(int code)
{
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorKind::Busy;
    case SQLITE_NOTADB:
        // "file is not a database": no header SQLite recognises; under SQLCipher, also a key
        // that does not decrypt page 1. CaseFile tells the user which.
        return ErrorKind::NotACaseFile;
    case SQLITE_CORRUPT:
        return ErrorKind::Damaged;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
        return ErrorKind::Io;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
        return ErrorKind::Invalid;
    default:
        return ErrorKind::Database;
    }
}

// The file an error is about: the connection's main database (the case file, a backup's copy).
QString fileOf(sqlite3 *db)
{
    const char *name = db ? sqlite3_db_filename(db, "main") : nullptr;
    return name && *name ? QString::fromUtf8(name) : Tr::tr("the database");
}

// The disk message for the connection's main database file (DiskMessage.h); empty for other errors.
QString diskMessage(sqlite3 *db, int code)
{
    return diskErrorMessage(code, fileOf(db));
}

[[noreturn]] void fail(sqlite3 *db, int code, const QString &context = {})
{
    // The disk message names the file already; an SQL snippet as context would only confuse.
    if (const QString disk = diskMessage(db, code); !disk.isEmpty())
        throw Error(kindFor(code), disk);
    // SQLite's "database disk image is malformed" tells a detective nothing: say what it means
    // for them and what to do. (CaseFile's sign-in says the same in its own words.)
    if ((code & 0xff) == SQLITE_CORRUPT)
        throw Error(ErrorKind::Damaged,
                    Tr::tr("%1 is damaged: a part of it cannot be read, so this could not be done. Restore the file "
                           "from a backup; caseboard-cli verify names the damaged pages.")
                        .arg(fileOf(db)));
    const QString detail = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(code));
    QString message = context.isEmpty() ? detail : context + QStringLiteral(": ") + detail;
    throw Error(kindFor(code), message);
}

void check(sqlite3 *db, int code)
{
    if (code != SQLITE_OK)
        fail(db, code);
}

[[noreturn]] void notOpen()
{
    throw Error(ErrorKind::Database, Tr::tr("The database is not open."));
}

QString sqlSnippet(std::string_view sql)
{
    // For error messages: the statement's start, never its bound values.
    QString s = QString::fromUtf8(sql.data(), static_cast<qsizetype>(std::min<std::size_t>(sql.size(), 80)));
    return s.simplified();
}

// Process-wide settings, made once before the library initialises. Memory statistics are off:
// with them on, every allocation takes a global mutex, and Debian's SQLCipher (built without the
// lookaside allocator) allocates for nearly every value it moves. Nothing here reads them.
void configureLibraryOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLITE_MISUSE if the library was already initialised (a test that opened it directly):
        // the defaults then stay, which is correct, only slower.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

} // namespace

struct Database::Impl {
    sqlite3 *handle = nullptr;
    QString path;
    ~Impl()
    {
        if (handle)
            sqlite3_close_v2(handle);
    }
};

struct Statement::Impl {
    sqlite3_stmt *stmt = nullptr;
    sqlite3 *db = nullptr;
    ~Impl()
    {
        if (stmt)
            sqlite3_finalize(stmt);
    }
};

// --- Database -------------------------------------------------------------------------------

Database::Database() = default;
Database::~Database() = default;
Database::Database(Database &&) noexcept = default;
Database &Database::operator=(Database &&) noexcept = default;

Database Database::openMemory()
{
    configureLibraryOnce();
    Database db;
    db.d = std::make_unique<Impl>();
    const int rc = sqlite3_open_v2(":memory:", &db.d->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK)
        fail(db.d->handle, rc);
    sqlite3_extended_result_codes(db.d->handle, 1);
    return db;
}

Database Database::open(const QString &path, OpenMode mode, const char *vfs)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    configureLibraryOnce();
    Database db;
    db.d = std::make_unique<Impl>();
    db.d->path = path;
    const QByteArray file = path.toUtf8();
    const int rc = sqlite3_open_v2(file.constData(), &db.d->handle, flags, vfs);
    if (rc != SQLITE_OK)
        fail(db.d->handle, rc, path);
    return db;
}

bool Database::isOpen() const noexcept
{
    return d && d->handle;
}

void Database::close()
{
    d.reset();
}

QString Database::path() const
{
    return d ? d->path : QString();
}

// Q_ASSERT is compiled out of release builds: a closed connection must be an error, not a crash.
#define CB_REQUIRE_OPEN()                                                                                              \
    do {                                                                                                               \
        if (!isOpen())                                                                                                 \
            notOpen();                                                                                                 \
    } while (false)

void Database::key(const SecretBytes &passphrase)
{
    CB_REQUIRE_OPEN();
    // sqlite3_key_v2 does not set the connection's error message: name the code instead.
    const int rc = sqlite3_key_v2(d->handle, "main", passphrase.data(), static_cast<int>(passphrase.size()));
    if (rc != SQLITE_OK)
        throw Error(kindFor(rc), Tr::tr("The key could not be set (%1).").arg(QString::fromUtf8(sqlite3_errstr(rc))));
}

void Database::rekey(const SecretBytes &passphrase)
{
    CB_REQUIRE_OPEN();
    check(d->handle, sqlite3_rekey_v2(d->handle, "main", passphrase.data(), static_cast<int>(passphrase.size())));
}

namespace {
void sha256Function(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    // sqlite3_value_blob gives the bytes of a blob, and of text as UTF-8 (numbers as their text).
    const void *bytes = sqlite3_value_blob(argv[0]);
    const int size = sqlite3_value_bytes(argv[0]);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    static const unsigned char empty = 0;
    // The algorithm is fetched once and the context reused: OpenSSL 3 looks the algorithm up
    // again on every EVP_Digest(EVP_sha256()), which cost more than hashing an audit entry.
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!sha256 || !ctx || EVP_DigestInit_ex2(ctx.get(), sha256, nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), bytes ? bytes : &empty, static_cast<std::size_t>(size)) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1) {
        sqlite3_result_error(context, "cb_sha256: the digest could not be computed", -1);
        return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    char hex[2 * EVP_MAX_MD_SIZE];
    for (unsigned int i = 0; i < length; ++i) {
        hex[2 * i] = kHex[digest[i] >> 4];
        hex[2 * i + 1] = kHex[digest[i] & 0xf];
    }
    sqlite3_result_text(context, hex, static_cast<int>(2 * length), SQLITE_TRANSIENT);
}
} // namespace

void Database::addSha256Function()
{
    CB_REQUIRE_OPEN();
    check(d->handle, sqlite3_create_function_v2(d->handle, "cb_sha256", 1,
                                                SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                                &sha256Function, nullptr, nullptr, nullptr));
}

void Database::execScript(std::string_view sql)
{
    CB_REQUIRE_OPEN();
    // sqlite3_exec needs a NUL-terminated string.
    const std::string copy(sql);
    char *message = nullptr;
    const int rc = sqlite3_exec(d->handle, copy.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString disk = diskMessage(d->handle, rc);
        const QString text = !disk.isEmpty() ? disk
                             : message     ? QString::fromUtf8(message)
                                           : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(message);
        throw Error(kindFor(rc), text);
    }
}

Statement Database::prepare(std::string_view sql)
{
    CB_REQUIRE_OPEN();
    Statement s;
    s.d = std::make_unique<Statement::Impl>();
    s.d->db = d->handle;
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v3(d->handle, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &s.d->stmt, &tail);
    if (rc != SQLITE_OK)
        fail(d->handle, rc, sqlSnippet(sql));
    if (!s.d->stmt)
        throw Error(ErrorKind::Database, Tr::tr("No SQL statement in: %1").arg(sqlSnippet(sql)));
    // Reject a trailing second statement: only whitespace and comments may follow.
    const char *end = sql.data() + sql.size();
    while (tail && tail < end) {
        sqlite3_stmt *extra = nullptr;
        const char *next = nullptr;
        const int rc2 = sqlite3_prepare_v2(d->handle, tail, static_cast<int>(end - tail), &extra, &next);
        if (extra) {
            sqlite3_finalize(extra);
            throw Error(ErrorKind::Database, Tr::tr("More than one SQL statement in: %1").arg(sqlSnippet(sql)));
        }
        if (rc2 != SQLITE_OK)
            fail(d->handle, rc2, sqlSnippet(sql));
        if (next == tail)
            break;
        tail = next;
    }
    return s;
}

QVariant Database::scalar(std::string_view sql)
{
    Statement s = prepare(sql);
    return s.step() ? s.value(0) : QVariant();
}

void Database::setCheckpointOnClose(bool enabled)
{
    CB_REQUIRE_OPEN();
    check(d->handle,
          sqlite3_db_config(d->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, enabled ? 0 : 1, static_cast<int *>(nullptr)));
}

std::int64_t Database::lastInsertRowId() const
{
    CB_REQUIRE_OPEN();
    return sqlite3_last_insert_rowid(d->handle);
}

int Database::changes() const
{
    CB_REQUIRE_OPEN();
    return sqlite3_changes(d->handle);
}

bool Database::inTransaction() const
{
    return isOpen() && sqlite3_get_autocommit(d->handle) == 0;
}

void Database::setBusyTimeout(int milliseconds)
{
    CB_REQUIRE_OPEN();
    check(d->handle, sqlite3_busy_timeout(d->handle, milliseconds));
}

void Database::backupTo(Database &destination)
{
    CB_REQUIRE_OPEN();
    if (!destination.isOpen())
        notOpen();
    sqlite3_backup *backup = sqlite3_backup_init(destination.d->handle, "main", d->handle, "main");
    if (!backup)
        fail(destination.d->handle, sqlite3_errcode(destination.d->handle), destination.path());
    int rc = SQLITE_OK;
    // -1 copies every page in one step, so the copy never mixes two committed states. BUSY or
    // LOCKED means another connection holds a lock: retry after a pause (the busy handler does not
    // apply to the backup's own locks).
    for (int attempt = 0; attempt < 1000; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(10);
    }
    const int finishRc = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        fail(destination.d->handle, rc, destination.path());
    if (finishRc != SQLITE_OK)
        fail(destination.d->handle, finishRc, destination.path());
}

#undef CB_REQUIRE_OPEN

// --- Statement ------------------------------------------------------------------------------

namespace {
// A default-constructed or moved-from Statement has no Impl; using it is an error, not a crash.
[[noreturn]] void noStatement()
{
    throw Error(ErrorKind::Database, Tr::tr("The SQL statement was never prepared."));
}
} // namespace

#define CB_REQUIRE_STMT()                                                                                              \
    do {                                                                                                               \
        if (!d || !d->stmt)                                                                                            \
            noStatement();                                                                                             \
    } while (false)

Statement::Statement() = default;
Statement::~Statement() = default;
Statement::Statement(Statement &&) noexcept = default;
Statement &Statement::operator=(Statement &&) noexcept = default;

Statement &Statement::bindNull(int index)
{
    CB_REQUIRE_STMT();
    check(d->db, sqlite3_bind_null(d->stmt, index));
    return *this;
}

Statement &Statement::bind(int index, bool value)
{
    return bind(index, static_cast<std::int64_t>(value ? 1 : 0));
}

Statement &Statement::bind(int index, int value)
{
    CB_REQUIRE_STMT();
    check(d->db, sqlite3_bind_int(d->stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, std::int64_t value)
{
    CB_REQUIRE_STMT();
    check(d->db, sqlite3_bind_int64(d->stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    CB_REQUIRE_STMT();
    check(d->db, sqlite3_bind_double(d->stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    CB_REQUIRE_STMT();
    // A null QString binds as '' (text), not NULL: NULL is said explicitly (bindNull, an empty
    // QVariant, std::nullopt), so that a default-constructed field never violates NOT NULL.
    const QByteArray utf8 = value.toUtf8();
    check(d->db, sqlite3_bind_text64(d->stmt, index, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
                                     SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement &Statement::bindUtf8(int index, std::string_view utf8)
{
    CB_REQUIRE_STMT();
    // Always text, '' included (SQLite binds NULL for a null pointer).
    static const char empty = 0;
    check(d->db, sqlite3_bind_text64(d->stmt, index, utf8.data() ? utf8.data() : &empty, static_cast<sqlite3_uint64>(utf8.size()),
                                     SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &value)
{
    CB_REQUIRE_STMT();
    check(d->db, sqlite3_bind_blob64(d->stmt, index, value.constData(), static_cast<sqlite3_uint64>(value.size()),
                                     SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bind(int index, const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return bindNull(index);
    switch (value.typeId()) {
    case QMetaType::Bool:
        return bind(index, value.toBool());
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
        return bind(index, static_cast<std::int64_t>(value.toLongLong()));
    case QMetaType::Double:
    case QMetaType::Float:
        return bind(index, value.toDouble());
    case QMetaType::QByteArray:
        return bindBlob(index, value.toByteArray());
    case QMetaType::QString:
        return bind(index, value.toString());
    default:
        throw Error(ErrorKind::Database,
                    Tr::tr("Cannot bind a value of type %1.").arg(QString::fromLatin1(value.typeName())));
    }
}

int Statement::parameterIndex(const char *name) const
{
    CB_REQUIRE_STMT();
    return sqlite3_bind_parameter_index(d->stmt, name);
}

int Statement::parameterCount() const
{
    CB_REQUIRE_STMT();
    return sqlite3_bind_parameter_count(d->stmt);
}

bool Statement::step()
{
    CB_REQUIRE_STMT();
    const int rc = sqlite3_step(d->stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // Reset so the statement's lock is released, then report the step's error.
    sqlite3_reset(d->stmt);
    fail(d->db, rc);
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    CB_REQUIRE_STMT();
    sqlite3_reset(d->stmt);
    sqlite3_clear_bindings(d->stmt);
}

int Statement::columnCount() const
{
    CB_REQUIRE_STMT();
    return sqlite3_column_count(d->stmt);
}

QString Statement::columnName(int column) const
{
    CB_REQUIRE_STMT();
    return QString::fromUtf8(sqlite3_column_name(d->stmt, column));
}

bool Statement::isNull(int column) const
{
    CB_REQUIRE_STMT();
    return sqlite3_column_type(d->stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    CB_REQUIRE_STMT();
    return sqlite3_column_int64(d->stmt, column);
}

int Statement::integer(int column) const
{
    CB_REQUIRE_STMT();
    return sqlite3_column_int(d->stmt, column);
}

double Statement::real(int column) const
{
    CB_REQUIRE_STMT();
    return sqlite3_column_double(d->stmt, column);
}

QString Statement::text(int column) const
{
    CB_REQUIRE_STMT();
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(d->stmt, column));
    if (!p)
        return {};
    // Not QString::fromUtf8, which drops a leading U+FEFF: stored text comes back as it was
    // written (found by fuzzing the JSON round trip).
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return utf8.decode(QByteArrayView(p, sqlite3_column_bytes(d->stmt, column)));
}

QByteArray Statement::blob(int column) const
{
    CB_REQUIRE_STMT();
    const void *p = sqlite3_column_blob(d->stmt, column);
    const int n = sqlite3_column_bytes(d->stmt, column);
    return p ? QByteArray(static_cast<const char *>(p), n) : QByteArray();
}

std::optional<QString> Statement::optText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

QVariant Statement::value(int column) const
{
    CB_REQUIRE_STMT();
    switch (sqlite3_column_type(d->stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant::fromValue<qint64>(int64(column));
    case SQLITE_FLOAT:
        return real(column);
    case SQLITE_TEXT:
        return text(column);
    case SQLITE_BLOB:
        return blob(column);
    default:
        return {};
    }
}

Statement::Type Statement::type(int column) const
{
    CB_REQUIRE_STMT();
    switch (sqlite3_column_type(d->stmt, column)) {
    case SQLITE_INTEGER:
        return Type::Integer;
    case SQLITE_FLOAT:
        return Type::Real;
    case SQLITE_TEXT:
        return Type::Text;
    case SQLITE_BLOB:
        return Type::Blob;
    default:
        return Type::Null;
    }
}

std::string_view Statement::bytes(int column) const
{
    CB_REQUIRE_STMT();
    // sqlite3_column_blob on text gives its UTF-8 bytes; the size is read after the pointer.
    const auto *data = static_cast<const char *>(sqlite3_column_blob(d->stmt, column));
    const int size = sqlite3_column_bytes(d->stmt, column);
    return data ? std::string_view(data, static_cast<std::size_t>(size)) : std::string_view();
}

#undef CB_REQUIRE_STMT

// --- Transaction ----------------------------------------------------------------------------

Transaction::Transaction(Database &db, Mode mode) : m_db(db)
{
    m_db.execScript(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction()
{
    if (!m_done && m_db.inTransaction()) {
        try {
            m_db.execScript("ROLLBACK");
        } catch (const Error &) {
            // An automatic rollback after an I/O error already ended the transaction.
        }
    }
}

void Transaction::commit()
{
    m_db.execScript("COMMIT");
    m_done = true;
}

// --- Library facts --------------------------------------------------------------------------

LibraryInfo libraryInfo()
{
    LibraryInfo info;
    info.sqliteVersion = QString::fromLatin1(sqlite3_libversion());
    Database db = Database::openMemory();
    info.cipherVersion = db.scalar("PRAGMA cipher_version").toString();
    // SQLCipher answers cipher_provider only on a keyed connection; the key is a throwaway
    // (an in-memory database holds nothing to protect).
    static constexpr char kProbeKey[] = "library-info probe";
    db.key(SecretBytes::fromRaw(kProbeKey, sizeof kProbeKey - 1));
    info.cipherProvider = db.scalar("PRAGMA cipher_provider").toString();
    Dl_info dl{};
    if (dladdr(reinterpret_cast<void *>(&sqlite3_open_v2), &dl) && dl.dli_fname)
        info.libraryPath = QString::fromLocal8Bit(dl.dli_fname);
    return info;
}

} // namespace cb::db
