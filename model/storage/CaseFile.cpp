#include "model/storage/CaseFile.h"

#include "model/storage/AuditChain.h"
#include "model/storage/ContainerVfs.h"
#include "model/storage/Schema.h"
#include "model/storage/SecretBytes.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>


#include <string>

namespace cb {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::CaseFile)
};

constexpr qint64 kPageSize = 4096;

// Checks that can be made without the key, so that a wrong file gets the right message.
void precheck(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(ErrorKind::NotFound, Tr::tr("No case file at %1.").arg(path));
    if (!info.isFile())
        throw Error(ErrorKind::NotACaseFile, Tr::tr("%1 is not a file.").arg(path));
    // Read through SQLite's own VFS (ContainerVfs.h), never with a QFile: closing a descriptor of
    // our own would drop every POSIX lock this process holds on the file, the SHARED lock of
    // another connection to it included (a window, a backup), and another process could then
    // checkpoint and delete the log under it. The VFS keeps a descriptor open while such locks
    // are held.
    std::unique_ptr<container::HeaderFile> f;
    qint64 size = 0;
    QByteArray head;
    try {
        f = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
        size = f->size();
        head = f->read(0, 16);
    } catch (const Error &e) {
        throw Error(ErrorKind::Io, Tr::tr("Cannot read %1: %2").arg(path, e.message()));
    }
    f.reset();
    if (size == 0)
        throw Error(ErrorKind::NotACaseFile, Tr::tr("%1 is empty: it is not a CaseBoard case file.").arg(path));
    if (head == QByteArrayLiteral("SQLite format 3\0"))
        throw Error(ErrorKind::NotACaseFile,
                    Tr::tr("%1 is an unencrypted SQLite database, not a CaseBoard case file.").arg(path));
    if (size < kPageSize || size % kPageSize != 0)
        throw Error(ErrorKind::Damaged,
                    Tr::tr("%1 is truncated or damaged (its size, %2 bytes, is not a whole number of pages). "
                           "Restore it from a backup.")
                        .arg(path)
                        .arg(size));
}

void setCipherParameters(db::Database &db)
{
    // SQLCipher 4 defaults, stated so that a library built with other defaults cannot weaken them.
    db.execScript("PRAGMA cipher_page_size = 4096;"
                  "PRAGMA kdf_iter = 256000;"
                  "PRAGMA cipher_hmac_algorithm = HMAC_SHA512;"
                  "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;");
}

bool memorySecurityRequested()
{
    const QByteArray v = qgetenv("CASEBOARD_MEMORY_SECURITY").toLower();
    return v == "on" || v == "1" || v == "true";
}

void quietAndHarden(db::Database &db)
{
    // SQLCipher 4.6 logs "hmac check failed" to stderr on a wrong key; errors reach the user
    // through cb::Error instead. Both pragmas are needed on 4.6.1: the level alone still lets
    // ERROR lines through.
    db.execScript("PRAGMA cipher_log_level = NONE;"
                  "PRAGMA cipher_log_source = NONE;");
    // Key material: SQLCipher allocates the passphrase copy, the derived keys and its page
    // buffers with sqlcipher_malloc, which locks them in memory, and frees them with
    // sqlcipher_free, which zeroes them, whatever this pragma says (sqlcipher.c). The pragma
    // extends locking and wiping to every allocation SQLite makes (page cache, statements): one
    // mlock and one munlock system call per allocation, which made the demo 20 times slower and
    // an import of the Post file take minutes, and which SQLCipher has disabled by default since
    // 4.5 for that reason. It is process-wide and cannot be turned off again, so it is opt-in:
    // CASEBOARD_MEMORY_SECURITY=on (README, "Security model").
    if (memorySecurityRequested())
        db.execScript("PRAGMA cipher_memory_security = ON;");
    // The audit trail's hash chain is computed inside each audit INSERT (AuditChain.h).
    db.addSha256Function();
}

// SQLCipher reads x'<hex>' of the right length as a raw key. An old-format file is keyed with its
// passphrase itself, so there any x'...' shape is refused when one is typed (no such file was ever
// created under one: the old policy refused them). Files with key slots never give a passphrase to
// SQLCipher, and PassphrasePolicy accepts the shape there.
bool looksLikeRawKey(const QString &passphrase)
{
    static const QRegularExpression rawKey(QStringLiteral(R"(^\s*[xX]'.*'\s*$)"),
                                           QRegularExpression::DotMatchesEverythingOption);
    return rawKey.match(passphrase).hasMatch();
}

QString rowsLabel(qint64 n)
{
    return Tr::tr("%n row(s)", nullptr, static_cast<int>(n));
}

} // namespace

CaseFile::CaseFile(db::Database db, QString path) : m_db(std::move(db)), m_path(std::move(path)) {}

CaseFile::~CaseFile() = default;

db::Database CaseFile::unlock(const QString &path, const SecretBytes &passphrase, db::OpenMode mode)
{
    precheck(path);
    const QString wrong = Tr::tr("The passphrase is wrong, or %1 is damaged. The file was not changed.").arg(path);
    // No key at all would open the file as plain SQLite; an x'...' passphrase would be taken as a raw key.
    if (passphrase.isEmpty())
        throw Error(ErrorKind::WrongPassphrase, wrong);
    if (looksLikeRawKey(QString::fromUtf8(passphrase.data(), static_cast<qsizetype>(passphrase.size()))))
        throw Error(ErrorKind::WrongPassphrase, wrong);
    const bool hadLog = QFileInfo::exists(path + QStringLiteral("-wal"));
    db::Database db = db::Database::open(path, mode);
    // Closing the last connection would fold a crashed session's log into the file even under a
    // wrong key (the frames are copied still encrypted): not before the file is accepted.
    db.setCheckpointOnClose(false);
    try {
        quietAndHarden(db);
        db.key(passphrase);
        setCipherParameters(db);
        db.setBusyTimeout(10000);
        checkUnlocked(db, path, wrong);
    } catch (...) {
        // A log this connection created is empty; closing may remove it (and its index) again.
        if (!hadLog)
            db.setCheckpointOnClose(true);
        throw;
    }
    db.setCheckpointOnClose(true);
    return db;
}

namespace {
// SQLite's own words ("database disk image is malformed", with the statement that met it) help
// nobody at the door of a case file: say what it means and what to do.
QString damagedMessage(const QString &path)
{
    return Tr::tr("%1 is damaged: the passphrase is right, but parts of the file cannot be read. Restore it from "
                  "a backup; the file was not changed.")
        .arg(path);
}
} // namespace

void CaseFile::checkUnlocked(db::Database &db, const QString &path, const QString &wrongMessage)
{
    qint64 appId = 0;
    try {
        // SQLCipher checks the key only when a page is read: the header is on page 1.
        appId = db.scalar("PRAGMA application_id").toLongLong();
    } catch (const Error &e) {
        // Page 1 failed its HMAC: a wrong key, or a damaged first page; SQLCipher cannot tell.
        if (e.kind() == ErrorKind::NotACaseFile)
            throw Error(ErrorKind::WrongPassphrase, wrongMessage);
        // Page 1 decrypted, so the key is right, but the header does not fit the file (truncated).
        if (e.kind() == ErrorKind::Damaged)
            throw Error(ErrorKind::Damaged, damagedMessage(path));
        throw Error(e.kind(), Tr::tr("Cannot read %1: %2").arg(path, e.message()));
    }
    try {
        db.scalar("SELECT count(*) FROM sqlite_master");
    } catch (const Error &e) {
        if (e.kind() == ErrorKind::Busy || e.kind() == ErrorKind::Io)
            throw Error(e.kind(), Tr::tr("Cannot read %1: %2").arg(path, e.message()));
        // Page 1 passed its HMAC under this key, so the passphrase is right: the damage is further in.
        throw Error(ErrorKind::Damaged, damagedMessage(path));
    }
    if (appId != schema::kApplicationId)
        throw Error(ErrorKind::NotACaseFile,
                    Tr::tr("%1 is an encrypted database, but not a CaseBoard case file.").arg(path));
    const int version = schema::currentVersion(db);
    if (version > schema::latestVersion())
        throw Error(ErrorKind::NewerVersion,
                    Tr::tr("%1 was written by a newer CaseBoard (schema %2; this one understands up to %3). "
                           "It was not changed.")
                        .arg(path)
                        .arg(version)
                        .arg(schema::latestVersion()));
}

void CaseFile::configure(db::Database &db)
{
    // WAL with synchronous=FULL: a commit acknowledged to the user survives a power cut.
    const QString mode = db.scalar("PRAGMA journal_mode = WAL").toString();
    if (mode.compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        throw Error(ErrorKind::Io, Tr::tr("Could not switch the case file to write-ahead logging (%1).").arg(mode));
    db.execScript("PRAGMA synchronous = FULL;"
                  "PRAGMA foreign_keys = ON;"
                  "PRAGMA temp_store = MEMORY;"
                  "PRAGMA cell_size_check = ON;"
                  "PRAGMA trusted_schema = OFF;"
                  "PRAGMA cache_size = -65536;");
}

std::unique_ptr<CaseFile> CaseFile::create(const QString &path, const SecretBytes &passphrase)
{
    // One account, "admin", and no member: files made by tools and tests hold only what they put in.
    NewCaseFile spec;
    spec.recoveryKey = false;
    return create(path, spec, passphrase).file;
}

void CaseFile::beforeKey(db::Database &db)
{
    quietAndHarden(db);
}

void CaseFile::afterKey(db::Database &db)
{
    setCipherParameters(db);
    db.setBusyTimeout(10000);
}

db::Database CaseFile::createKeyedEmpty(const QString &path, const SecretBytes &passphrase)
{
    if (QFileInfo::exists(path))
        throw Error(ErrorKind::AlreadyExists, Tr::tr("%1 already exists; CaseBoard never overwrites a file.").arg(path));
    if (passphrase.isEmpty())
        throw Error(ErrorKind::Invalid, Tr::tr("An encrypted copy needs a passphrase."));
    db::Database db = db::Database::open(path, db::OpenMode::ReadWriteCreate);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    quietAndHarden(db);
    db.key(passphrase);
    setCipherParameters(db);
    db.setBusyTimeout(10000);
    return db;
}

std::unique_ptr<CaseFile> CaseFile::open(const QString &path, const SecretBytes &passphrase)
{
    OpenOptions options;
    options.auditSignIn = false;
    return signIn(path, SignIn{QString(), passphrase}, false, options);
}

std::unique_ptr<CaseFile> CaseFile::openReadOnly(const QString &path, const SecretBytes &passphrase)
{
    OpenOptions options;
    options.auditSignIn = false;
    return signIn(path, SignIn{QString(), passphrase}, true, options);
}

void CaseFile::finishOpen(db::Database &db, bool readOnly)
{
    if (readOnly) {
        db.execScript("PRAGMA query_only = ON; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;");
        return;
    }
    configure(db);
    schema::migrate(db);
}

int CaseFile::schemaVersion()
{
    return schema::currentVersion(m_db);
}

QList<CaseFile::Check> CaseFile::verify()
{
    constexpr int kMaxProblems = 20;
    QList<Check> checks;

    // A damaged page makes a query fail part-way: that is a finding of the check, and the
    // checks after it still run (cipher_integrity_check names the damaged pages).
    auto perform = [&](const QString &name, auto &&fill) {
        Check c;
        c.name = name;
        try {
            fill(c);
        } catch (const Error &e) {
            c.problems << Tr::tr("could not be completed: %1").arg(e.message());
        }
        c.ok = c.problems.isEmpty();
        return c;
    };
    auto run = [&](const QString &name, auto &&fill) { checks << perform(name, fill); };
    auto add = [&](Check &c, const QString &problem) {
        if (c.problems.size() < kMaxProblems)
            c.problems << problem;
    };

    // The HMAC check first: it reads every page straight from the file and names each one that
    // fails. Reading such a page through SQLite instead puts the connection in an error state
    // (SQLCipher's codec sets the pager's error), so that every later read of the same statement
    // fails as well: after the first damaged page, a whole-file integrity_check reports sound
    // pages as unreadable and the pages below them as never used.
    QList<qint64> damaged;
    const Check cipher = perform(Tr::tr("cipher integrity (HMAC of every page)"), [&](Check &c) {
        static const QRegularExpression hmacFailed(QStringLiteral("^HMAC verification failed for page (\\d+)$"));
        db::Statement s = m_db.prepare("PRAGMA cipher_integrity_check");
        // It prints nothing when every page's HMAC verifies.
        while (s.step()) {
            for (const QString &line : s.text(0).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                const QRegularExpressionMatch m = hmacFailed.match(line);
                if (!m.hasMatch()) {
                    add(c, line);
                    continue;
                }
                damaged << m.captured(1).toLongLong();
                if (c.problems.size() < kMaxProblems - 1)
                    c.problems << Tr::tr("page %1 fails its HMAC check: it is damaged, or was changed outside CaseBoard")
                                      .arg(damaged.last());
            }
        }
        if (damaged.size() >= kMaxProblems)
            c.problems << Tr::tr("pages that fail the HMAC check, in all: %1").arg(damaged.size());
    });

    // With damaged pages, each table (with its indexes) is checked in a statement of its own, so
    // that the damage of one cannot hide the state of the others; within a damaged table, what
    // the check says after the connection's error state set in is left out and said in one line.
    run(Tr::tr("SQLite integrity"), [&](Check &c) {
        // Adds a row's findings; returns how many it had, left out or not.
        auto addFindings = [&](const QString &row, int *leftOut) {
            int findings = 0;
            static const QRegularExpression pageOf(QStringLiteral("\\b[Pp]age (\\d+)\\b"));
            for (const QString &line : row.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (line == QLatin1StringView("ok") || line.startsWith(QLatin1StringView("*** in database ")))
                    continue;
                ++findings;
                const QRegularExpressionMatch m = pageOf.match(line);
                const bool followOn = m.hasMatch() && !damaged.contains(m.captured(1).toLongLong()) &&
                                      (line.contains(QLatin1StringView("unable to get the page")) ||
                                       line.contains(QLatin1StringView("never used")));
                if (followOn && leftOut)
                    ++*leftOut;
                else
                    add(c, line);
            }
            return findings;
        };
        if (damaged.isEmpty()) {
            db::Statement s = m_db.prepare("PRAGMA integrity_check");
            while (s.step() && c.problems.size() < kMaxProblems)
                addFindings(s.text(0), nullptr);
            return;
        }
        QStringList tables{QStringLiteral("sqlite_schema")};
        {
            db::Statement t = m_db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 "
                                           "ORDER BY rootpage");
            while (t.step())
                tables << t.text(0);
        }
        for (const QString &table : tables) {
            int leftOut = 0;
            int findings = 0;
            bool stopped = false;
            try {
                db::Statement s = m_db.prepare("SELECT * FROM pragma_integrity_check(?1)");
                s.bind(1, table);
                while (s.step())
                    findings += addFindings(s.text(0), &leftOut);
            } catch (const Error &) {
                // The statement itself ends in the connection's error state once it read a
                // damaged page; without a finding about this table it is a failure of the check.
                if (findings == 0)
                    throw;
                stopped = true;
            }
            if (leftOut > 0 || stopped)
                add(c, Tr::tr("table %1: not checked past its first damaged page (SQLite reads no other page in the "
                              "same check after one fails its HMAC)")
                           .arg(table));
        }
    });
    checks << cipher;

    run(Tr::tr("schema version"), [&](Check &c) {
        const int v = schemaVersion();
        if (v != schema::latestVersion())
            c.problems << Tr::tr("schema %1, expected %2").arg(v).arg(schema::latestVersion());
    });
    run(Tr::tr("foreign keys"), [&](Check &c) {
        db::Statement s = m_db.prepare("PRAGMA foreign_key_check");
        while (s.step() && c.problems.size() < kMaxProblems)
            c.problems << Tr::tr("%1 row %2 points at a missing %3").arg(s.text(0)).arg(s.int64(1)).arg(s.text(2));
    });
    run(Tr::tr("derived tables"), [&](Check &c) {
        // derived_case_activity must hold each case's last audit time, no more and no less.
        if (schemaVersion() < 2)
            return;
        db::Statement s = m_db.prepare(
            "SELECT coalesce(x.case_id, d.case_id) FROM (SELECT case_id, max(at) AS m FROM audit "
            "WHERE case_id IS NOT NULL GROUP BY case_id) x FULL JOIN derived_case_activity d ON d.case_id = x.case_id "
            "WHERE x.m IS NOT d.last_at LIMIT 20");
        while (s.step())
            c.problems << Tr::tr("derived_case_activity: case %1 does not match the audit trail").arg(s.int64(0));
    });
    // The first broken link only: after it every link is suspect anyway. A trail cut short at its
    // end still verifies here; backups record the head to catch that (AuditChain.h).
    run(Tr::tr("audit chain"), [&](Check &c) {
        if (schemaVersion() < 3)
            return;
        if (const auto broken = audit::firstBrokenLink(m_db))
            c.problems << broken->reason;
    });
    // Replays the audit trail: for every row of every audited table, each column's value must
    // be the last value the trail gave it (the 'create' snapshot or a later 'update').
    run(Tr::tr("audit completeness"), [&](Check &c) {
        int count = 0;
        const schema::AuditedTable *tables = schema::auditedTables(&count);
        for (int i = 0; i < count && c.problems.size() < kMaxProblems; ++i) {
            const std::string table(tables[i].table);
            const QString entity = QString::fromUtf8(tables[i].entity.data(), static_cast<qsizetype>(tables[i].entity.size()));
            db::Statement missing = m_db.prepare(
                "SELECT count(*) FROM " + table + " t WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.entity = ?1 "
                "AND a.entity_id = t.id AND a.action = 'create')");
            missing.bind(1, entity);
            missing.step();
            if (const qint64 n = missing.int64(0); n > 0)
                c.problems << Tr::tr("%1: %2 without a 'create' entry in the audit trail")
                                  .arg(QString::fromStdString(table), rowsLabel(n));

            db::Statement cols = m_db.prepare("SELECT name FROM pragma_table_info(?1) WHERE name <> 'id'");
            cols.bind(1, QString::fromStdString(table));
            while (cols.step() && c.problems.size() < kMaxProblems) {
                const std::string col = cols.text(0).toStdString();
                db::Statement diff = m_db.prepare(
                    // Compared as JSON text: a 'create' snapshot holds a REAL as SQLite's JSON writes
                    // it (15 significant digits), so the stored double is compared the same way.
                    "SELECT t.id FROM " + table + " t WHERE EXISTS (SELECT 1 FROM audit a WHERE a.entity = ?1 "
                    "AND a.entity_id = t.id AND a.action = 'create') AND json_quote(t." + col +
                    ") IS NOT (SELECT json_quote(CASE WHEN a.action = 'create' THEN json_extract(a.new_value, '$." + col +
                    "') ELSE a.new_value END) FROM audit a WHERE a.entity = ?1 AND a.entity_id = t.id AND "
                    "(a.action = 'create' OR (a.action = 'update' AND a.field = ?2)) ORDER BY a.id DESC LIMIT 1) "
                    "LIMIT 5");
                diff.bind(1, entity);
                diff.bind(2, QString::fromStdString(col));
                while (diff.step())
                    c.problems << Tr::tr("%1 %2: field %3 differs from the audit trail (changed outside CaseBoard?)")
                                      .arg(QString::fromStdString(table))
                                      .arg(diff.int64(0))
                                      .arg(QString::fromStdString(col));
            }
        }
    });
    return checks;
}

} // namespace cb
