#pragma once

// What the libFuzzer targets share (README, "Security model", and scripts/fuzz.sh).
//
// Each process works on one real case file, created once in a temporary directory: creating one
// per input would spend nearly all the time in the key derivation. Every input is imported inside
// an outer CaseStore::batch that is always rolled back, so that every input meets the same file
// and a finding reproduces from its input alone. Inside that batch the importer runs as it does
// anywhere else (its own all-or-nothing transaction becomes a savepoint).
//
// The oracle, for every input:
//  - a rejection is a cb::Error of kind Invalid or Refused with a non-empty message, and the case
//    file holds exactly the rows it held before (all or nothing);
//  - an acceptance leaves counts that match what the importer reports;
//  - any other exception, a transaction left open, or a file that differs from the baseline once
//    the input is undone is a finding: the target prints it and aborts, so that libFuzzer keeps
//    the input. Crashes, leaks, hangs and undefined behaviour are caught by libFuzzer and the
//    sanitizers themselves.

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace cb {
class CaseFile;
class CaseStore;
class FixedClock;
namespace db {
class Database;
}
} // namespace cb

namespace cb::fuzz {

// Reports a finding on standard error and aborts (libFuzzer then saves the input).
[[noreturn]] void finding(const QString &what);

// The number of rows of every table, in schema order.
using TableCounts = QList<std::pair<QString, qint64>>;
TableCounts tableCounts(db::Database &db);
qint64 rowCount(db::Database &db, const QString &table);

// One case file for the life of the process.
class Harness {
public:
    // Builds the case file's starting content, once, through the store.
    using Setup = std::function<void(CaseStore &)>;
    explicit Harness(const Setup &setup);
    ~Harness();
    Harness(const Harness &) = delete;
    Harness &operator=(const Harness &) = delete;

    CaseStore &store() { return *m_store; }
    db::Database &database();

    // Runs importFn inside a transaction that is always undone and checks the oracle above.
    // importFn throws cb::Error to reject the input; checkAccepted runs after an acceptance,
    // while the import's rows are still there. Returns whether the input was accepted.
    bool run(const std::function<void()> &importFn, const std::function<void()> &checkAccepted);

private:
    struct Files;
    std::unique_ptr<Files> m_files;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<CaseFile> m_file;
    std::unique_ptr<CaseStore> m_store;
    TableCounts m_baseline;
};

inline QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    // The importers read a QIODevice: a QBuffer over a copy of libFuzzer's bytes.
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

} // namespace cb::fuzz
