#pragma once

// A case file is one file: a key header of kHeaderSize bytes (model/auth/KeyHeader.h), then the
// SQLCipher database. SQLite reaches the database through a small VFS shim that shifts every read,
// write, truncation and size of the main database file by kHeaderSize, so that SQLite never sees
// the header and the header can never drift apart from the database it unlocks: a copy, a backup
// or a restore of the file carries both. Journals, the write-ahead log and the shared-memory
// index are the underlying VFS's own, untouched.
//
// The header itself is read and written through the same underlying VFS (HeaderFile below), never
// with open()/close() of our own: closing a second descriptor of a file would drop the POSIX
// locks SQLite holds on it in this process, and a fault-injecting test VFS sees header writes too.

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>

namespace cb::container {

// 128 KiB: two copies of 64 KiB each (KeyHeader.h). A multiple of every page size SQLite allows,
// so the database inside stays page-aligned on disk.
inline constexpr std::int64_t kHeaderSize = 128 * 1024;

// Registers the shim once (std::call_once) and returns its name, for db::Database::open. It
// forwards to the VFS that was the default when it was registered (sqlite3_vfs_find(nullptr)),
// so a test that installs its own default VFS before opening any database is honoured; the shim
// itself never becomes the default.
const char *vfsName();

// The whole file, header included, through the underlying VFS (see above). Throws cb::Error.
class HeaderFile {
public:
    enum class Mode { Read, ReadWrite, CreateNew };
    // CreateNew refuses an existing file and creates it owner-only (0600) before anything is written.
    static std::unique_ptr<HeaderFile> open(const QString &path, Mode mode);
    ~HeaderFile();
    HeaderFile(const HeaderFile &) = delete;
    HeaderFile &operator=(const HeaderFile &) = delete;

    const QString &path() const;
    bool writable() const;
    std::int64_t size();
    // At most `length` bytes from `offset`; fewer at the end of the file.
    QByteArray read(std::int64_t offset, std::int64_t length);
    void write(std::int64_t offset, const QByteArray &bytes);
    // Flushes the file to stable storage (fsync); a header write counts only after it.
    void sync();

    // A lock between processes (and between connections of this process) for a read-modify-write
    // of the header: SQLite's RESERVED lock on the file. A case file is always in WAL mode, where
    // SQLite's writers lock the shared-memory index instead, so nothing else takes RESERVED;
    // readers keep their SHARED lock and are not held up. Waits up to timeoutMs, then throws Busy.
    void lockForUpdate(int timeoutMs = 10000);
    void unlock();

private:
    HeaderFile();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cb::container
