#include "FuzzHarness.h"

#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <typeinfo>

namespace cb::fuzz {

using namespace Qt::StringLiterals;

namespace {

// Thrown to undo an input's writes: never escapes Harness::run.
struct Undo {};

QString describe(const TableCounts &counts)
{
    QStringList parts;
    for (const auto &[table, n] : counts)
        parts << u"%1=%2"_s.arg(table).arg(n);
    return parts.join(u' ');
}

// CASEBOARD_FUZZ_VERBOSE=1: each input's outcome on standard error, to see what a seed reaches.
bool verbose()
{
    static const bool on = qEnvironmentVariableIntValue("CASEBOARD_FUZZ_VERBOSE") != 0;
    return on;
}

} // namespace

void finding(const QString &what)
{
    std::fprintf(stderr, "\n==== caseboard fuzz finding: %s\n", what.toLocal8Bit().constData());
    std::fflush(stderr);
    std::abort();
}

TableCounts tableCounts(db::Database &db)
{
    TableCounts out;
    db::Statement names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid");
    while (names.step()) {
        const QString table = names.text(0);
        out.append({table, rowCount(db, table)});
    }
    return out;
}

qint64 rowCount(db::Database &db, const QString &table)
{
    // Table names come from sqlite_schema, not from the input; quoted as identifiers all the same.
    QString quoted = table;
    quoted.replace(u'"', u"\"\""_s);
    const QString sql = u"SELECT count(*) FROM \""_s + quoted + u'"';
    return db.scalar(sql.toStdString()).toLongLong();
}

struct Harness::Files {
    QTemporaryDir dir;
};

Harness::Harness(const Setup &setup) : m_files(std::make_unique<Files>())
{
    if (!m_files->dir.isValid())
        finding(u"cannot create a temporary directory: "_s + m_files->dir.errorString());
    // A fixed "now", so that "not in the future" means the same for every run of an input.
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2024, 6, 15), QTime(12, 0), QTimeZone::utc()));
    try {
        m_file = CaseFile::create(m_files->dir.filePath(u"fuzz.caseboard"_s),
                                  SecretBytes::fromPassphrase(u"fuzzing harbour lantern 42"_s));
        m_store = std::make_unique<CaseStore>(*m_file, *m_clock);
        m_store->setActor({std::nullopt, u"system:fuzz"_s});
        if (setup)
            setup(*m_store);
        m_baseline = tableCounts(database());
    } catch (const Error &e) {
        finding(u"the harness's case file could not be set up: "_s + e.message());
    }
}

Harness::~Harness() = default;

db::Database &Harness::database()
{
    return m_store->database();
}

bool Harness::run(const std::function<void()> &importFn, const std::function<void()> &checkAccepted)
{
    db::Database &db = database();
    bool accepted = false;
    try {
        m_store->batch([&] {
            const TableCounts before = tableCounts(db);
            try {
                importFn();
                accepted = true;
            } catch (const Error &e) {
                if (verbose())
                    std::fprintf(stderr, "rejected: %s\n", e.message().toLocal8Bit().constData());
                if (e.message().trimmed().isEmpty())
                    finding(u"a rejection without a message"_s);
                if (e.kind() != ErrorKind::Invalid && e.kind() != ErrorKind::Refused)
                    finding(u"a rejection of kind %1 (not Invalid or Refused): %2"_s.arg(static_cast<int>(e.kind()))
                                .arg(e.message()));
                const TableCounts after = tableCounts(db);
                if (after != before)
                    finding(u"a rejected import changed the case file: before %1, after %2 (%3)"_s.arg(
                        describe(before), describe(after), e.message()));
            } catch (const std::exception &e) {
                finding(u"an exception that is not cb::Error: %1: %2"_s.arg(QString::fromLatin1(typeid(e).name()),
                                                                             QString::fromLocal8Bit(e.what())));
            } catch (...) {
                finding(u"an exception that is not a std::exception"_s);
            }
            if (accepted && verbose())
                std::fprintf(stderr, "accepted\n");
            if (accepted && checkAccepted)
                checkAccepted();
            throw Undo{};
        });
    } catch (const Undo &) {
    } catch (const Error &e) {
        finding(u"undoing the input failed: "_s + e.message());
    }
    if (db.inTransaction())
        finding(u"a transaction is still open after the input"_s);
    const TableCounts now = tableCounts(db);
    if (now != m_baseline)
        finding(u"the input was not undone: baseline %1, now %2"_s.arg(describe(m_baseline), describe(now)));
    return accepted;
}

} // namespace cb::fuzz
