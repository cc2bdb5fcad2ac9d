#pragma once

// A test VFS that makes the k-th write, sync, truncate or shared-memory map fail, as a full or
// failing disk would. It sits in front of the VFS that was the default when it was installed
// and becomes the default itself, so every connection opened afterwards, and every VFS that
// forwards to "the default VFS" (a shim registered later), goes through it. Counting covers
// every file SQLite opens: the main database, its write-ahead log, a rollback journal, a backup.
// SQLite's headers stay in FaultVfs.cpp.

#include <QString>
#include <QtGlobal>

namespace cb::test {

class FaultVfs {
public:
    // The calls that can be made to fail; a plan may count several together.
    enum Op : unsigned {
        Write = 1u << 0, // xWrite
        Sync = 1u << 1, // xSync
        Truncate = 1u << 2, // xTruncate
        ShmMap = 1u << 3, // xShmMap (the write-ahead log's index)
    };
    enum class Fault {
        DiskFull, // SQLITE_FULL, what the unix VFS returns on ENOSPC
        IoError, // the call's own SQLITE_IOERR_* code (WRITE, FSYNC, TRUNCATE, SHMMAP)
    };
    struct Plan {
        unsigned ops = Write;
        qint64 failAt = 1; // the failAt-th counted call after arm() fails (1-based)
        Fault fault = Fault::IoError;
        bool sticky = false; // every later counted call fails too: the disk stays full
    };

    // Registers the VFS as the default; once per process, before the first database is opened
    // (a connection keeps the VFS it was opened with). Idempotent. Throws std::runtime_error if
    // SQLite refuses.
    static void install();
    static bool isInstalled();
    // Starts counting from zero under `plan`. Without a plan armed nothing is counted or failed.
    static void arm(const Plan &plan);
    static void disarm();
    static bool isArmed();
    // Counted calls since arm(), failed ones included.
    static qint64 calls();
    // Calls of one kind since arm(), whether the plan counts that kind or not: a plan with
    // ops = 0 fails nothing and measures how often an action writes, syncs, truncates, maps.
    static qint64 callsOf(Op op);
    // Calls made to fail since arm().
    static qint64 failures();
    // The file of the first failed call ("" for a temporary file), for diagnostics.
    static QString firstFailedFile();
    // e.g. "write #7 -> SQLITE_FULL, sticky", for test messages.
    static QString describe(const Plan &plan);

    // Arms on construction, disarms on destruction: a failed QVERIFY cannot leave it armed.
    class Armed {
    public:
        explicit Armed(const Plan &plan) { arm(plan); }
        ~Armed() { disarm(); }
        Armed(const Armed &) = delete;
        Armed &operator=(const Armed &) = delete;
    };
};

} // namespace cb::test
