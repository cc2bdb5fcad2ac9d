#include "model/storage/ContainerVfs.h"

#include "model/storage/Database.h"
#include "model/storage/DiskMessage.h"
#include "model/storage/Error.h"

#include <QCoreApplication>
#include <QFile>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

namespace cb::container {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::ContainerVfs)
};

constexpr char kVfsName[] = "caseboard-container";

// What SQLite allocates for a main database file of ours (szOsFile bytes): our sqlite3_file,
// then the underlying VFS's file, as ext/misc/appendvfs.c lays it out.
struct ShimFile {
    sqlite3_file base;
};

sqlite3_vfs g_vfs{};

sqlite3_vfs *underlying()
{
    return static_cast<sqlite3_vfs *>(g_vfs.pAppData);
}

sqlite3_file *inner(sqlite3_file *file)
{
    return reinterpret_cast<sqlite3_file *>(reinterpret_cast<ShimFile *>(file) + 1);
}

// --- the main database file, shifted past the header ------------------------------------------

int shimClose(sqlite3_file *file)
{
    sqlite3_file *f = inner(file);
    return f->pMethods->xClose(f);
}

int shimRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    sqlite3_file *f = inner(file);
    return f->pMethods->xRead(f, buffer, amount, offset + kHeaderSize);
}

int shimWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    sqlite3_file *f = inner(file);
    return f->pMethods->xWrite(f, buffer, amount, offset + kHeaderSize);
}

int shimTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    sqlite3_file *f = inner(file);
    return f->pMethods->xTruncate(f, size + kHeaderSize);
}

int shimSync(sqlite3_file *file, int flags)
{
    sqlite3_file *f = inner(file);
    return f->pMethods->xSync(f, flags);
}

int shimFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    sqlite3_file *f = inner(file);
    sqlite3_int64 whole = 0;
    const int rc = f->pMethods->xFileSize(f, &whole);
    // A file shorter than its header holds no database yet (CaseFile refuses such a file before
    // SQLite sees it; a new container gets its header before SQLite writes a page).
    *size = whole > kHeaderSize ? whole - kHeaderSize : 0;
    return rc;
}

int shimLock(sqlite3_file *file, int level)
{
    sqlite3_file *f = inner(file);
    return f->pMethods->xLock(f, level);
}

int shimUnlock(sqlite3_file *file, int level)
{
    sqlite3_file *f = inner(file);
    return f->pMethods->xUnlock(f, level);
}

int shimCheckReservedLock(sqlite3_file *file, int *out)
{
    sqlite3_file *f = inner(file);
    return f->pMethods->xCheckReservedLock(f, out);
}

int shimFileControl(sqlite3_file *file, int op, void *arg)
{
    sqlite3_file *f = inner(file);
    switch (op) {
    case SQLITE_FCNTL_SIZE_HINT: {
        sqlite3_int64 whole = *static_cast<sqlite3_int64 *>(arg) + kHeaderSize;
        return f->pMethods->xFileControl(f, op, &whole);
    }
    case SQLITE_FCNTL_MMAP_SIZE:
        // No memory map: it would be of the whole file, header included, at the wrong offsets.
        *static_cast<sqlite3_int64 *>(arg) = 0;
        return SQLITE_OK;
    default:
        break;
    }
    const int rc = f->pMethods->xFileControl(f, op, arg);
    if (rc == SQLITE_OK && op == SQLITE_FCNTL_VFSNAME)
        *static_cast<char **>(arg) = sqlite3_mprintf("%s/%z", kVfsName, *static_cast<char **>(arg));
    return rc;
}

int shimSectorSize(sqlite3_file *file)
{
    sqlite3_file *f = inner(file);
    return f->pMethods->xSectorSize(f);
}

int shimDeviceCharacteristics(sqlite3_file *file)
{
    sqlite3_file *f = inner(file);
    return f->pMethods->xDeviceCharacteristics(f);
}

int shimShmMap(sqlite3_file *file, int page, int pageSize, int extend, void volatile **out)
{
    sqlite3_file *f = inner(file);
    if (f->pMethods->iVersion < 2)
        return SQLITE_IOERR_SHMMAP;
    return f->pMethods->xShmMap(f, page, pageSize, extend, out);
}

int shimShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    sqlite3_file *f = inner(file);
    if (f->pMethods->iVersion < 2)
        return SQLITE_IOERR_SHMLOCK;
    return f->pMethods->xShmLock(f, offset, n, flags);
}

void shimShmBarrier(sqlite3_file *file)
{
    sqlite3_file *f = inner(file);
    if (f->pMethods->iVersion >= 2)
        f->pMethods->xShmBarrier(f);
}

int shimShmUnmap(sqlite3_file *file, int deleteFlag)
{
    sqlite3_file *f = inner(file);
    if (f->pMethods->iVersion < 2)
        return SQLITE_OK;
    return f->pMethods->xShmUnmap(f, deleteFlag);
}

// Memory-mapped reads are refused (see SQLITE_FCNTL_MMAP_SIZE): SQLite then reads with xRead.
int shimFetch(sqlite3_file *, sqlite3_int64, int, void **out)
{
    *out = nullptr;
    return SQLITE_OK;
}

int shimUnfetch(sqlite3_file *, sqlite3_int64, void *)
{
    return SQLITE_OK;
}

const sqlite3_io_methods kShimMethods = {
    3,
    shimClose,
    shimRead,
    shimWrite,
    shimTruncate,
    shimSync,
    shimFileSize,
    shimLock,
    shimUnlock,
    shimCheckReservedLock,
    shimFileControl,
    shimSectorSize,
    shimDeviceCharacteristics,
    shimShmMap,
    shimShmLock,
    shimShmBarrier,
    shimShmUnmap,
    shimFetch,
    shimUnfetch,
};

// --- the VFS: main databases get the shim, everything else is the underlying VFS's ------------

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    sqlite3_vfs *base = underlying();
    if ((flags & SQLITE_OPEN_MAIN_DB) == 0)
        return base->xOpen(base, name, file, flags, outFlags);
    std::memset(file, 0, sizeof(ShimFile));
    sqlite3_file *f = inner(file);
    const int rc = base->xOpen(base, name, f, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (f->pMethods)
            f->pMethods->xClose(f);
        file->pMethods = nullptr;
        return rc;
    }
    file->pMethods = &kShimMethods;
    return SQLITE_OK;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return underlying()->xDelete(underlying(), name, syncDir);
}

int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return underlying()->xAccess(underlying(), name, flags, out);
}

int vfsFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return underlying()->xFullPathname(underlying(), name, size, out);
}

void *vfsDlOpen(sqlite3_vfs *, const char *name)
{
    return underlying()->xDlOpen(underlying(), name);
}

void vfsDlError(sqlite3_vfs *, int size, char *out)
{
    underlying()->xDlError(underlying(), size, out);
}

void (*vfsDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return underlying()->xDlSym(underlying(), handle, symbol);
}

void vfsDlClose(sqlite3_vfs *, void *handle)
{
    underlying()->xDlClose(underlying(), handle);
}

int vfsRandomness(sqlite3_vfs *, int size, char *out)
{
    return underlying()->xRandomness(underlying(), size, out);
}

int vfsSleep(sqlite3_vfs *, int microseconds)
{
    return underlying()->xSleep(underlying(), microseconds);
}

int vfsCurrentTime(sqlite3_vfs *, double *out)
{
    return underlying()->xCurrentTime(underlying(), out);
}

int vfsGetLastError(sqlite3_vfs *, int size, char *out)
{
    return underlying()->xGetLastError(underlying(), size, out);
}

int vfsCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return underlying()->xCurrentTimeInt64(underlying(), out);
}

int vfsSetSystemCall(sqlite3_vfs *, const char *name, sqlite3_syscall_ptr call)
{
    return underlying()->xSetSystemCall(underlying(), name, call);
}

sqlite3_syscall_ptr vfsGetSystemCall(sqlite3_vfs *, const char *name)
{
    return underlying()->xGetSystemCall(underlying(), name);
}

const char *vfsNextSystemCall(sqlite3_vfs *, const char *name)
{
    return underlying()->xNextSystemCall(underlying(), name);
}

QString errorText(int rc)
{
    return QString::fromUtf8(sqlite3_errstr(rc));
}

} // namespace

const char *vfsName()
{
    static std::once_flag once;
    static int registered = SQLITE_ERROR;
    std::call_once(once, [] {
        // Database's one-time library settings must come before SQLite initialises, and finding a
        // VFS initialises it: let Database make them first.
        (void)db::Database::openMemory();
        sqlite3_vfs *base = sqlite3_vfs_find(nullptr);
        if (!base)
            return;
        g_vfs.iVersion = std::min(base->iVersion, 3);
        g_vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + base->szOsFile;
        g_vfs.mxPathname = base->mxPathname;
        g_vfs.zName = kVfsName;
        g_vfs.pAppData = base;
        g_vfs.xOpen = vfsOpen;
        g_vfs.xDelete = vfsDelete;
        g_vfs.xAccess = vfsAccess;
        g_vfs.xFullPathname = vfsFullPathname;
        g_vfs.xDlOpen = vfsDlOpen;
        g_vfs.xDlError = vfsDlError;
        g_vfs.xDlSym = vfsDlSym;
        g_vfs.xDlClose = vfsDlClose;
        g_vfs.xRandomness = vfsRandomness;
        g_vfs.xSleep = vfsSleep;
        g_vfs.xCurrentTime = vfsCurrentTime;
        g_vfs.xGetLastError = vfsGetLastError;
        if (base->iVersion >= 2)
            g_vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        if (base->iVersion >= 3) {
            g_vfs.xSetSystemCall = vfsSetSystemCall;
            g_vfs.xGetSystemCall = vfsGetSystemCall;
            g_vfs.xNextSystemCall = vfsNextSystemCall;
        }
        registered = sqlite3_vfs_register(&g_vfs, 0);
    });
    if (registered != SQLITE_OK)
        throw Error(ErrorKind::Database, Tr::tr("The case file storage layer could not be set up (%1).")
                                             .arg(errorText(registered)));
    return kVfsName;
}

// --- HeaderFile ---------------------------------------------------------------------------------

struct HeaderFile::Impl {
    QString path;
    sqlite3_vfs *vfs = nullptr;
    sqlite3_filename name = nullptr;
    std::vector<std::max_align_t> storage; // the underlying VFS's sqlite3_file, szOsFile bytes
    sqlite3_file *file = nullptr;
    bool open = false;
    bool writable = false;
    int lockLevel = SQLITE_LOCK_NONE;

    ~Impl()
    {
        if (open) {
            if (lockLevel != SQLITE_LOCK_NONE)
                file->pMethods->xUnlock(file, SQLITE_LOCK_NONE);
            // The underlying VFS keeps the descriptor open while this process holds locks on the
            // file through another connection, so that closing it cancels none of them.
            file->pMethods->xClose(file);
        }
        if (name)
            sqlite3_free_filename(name);
    }

    [[noreturn]] void fail(int rc, const QString &what) const
    {
        // A full or failing disk in the words the database's own pages get (a header write is
        // as much a change of the file as a page write), never SQLite's "database or disk is full".
        if (const QString disk = db::diskErrorMessage(rc, path); !disk.isEmpty())
            throw Error(ErrorKind::Io, disk);
        ErrorKind kind = ErrorKind::Io;
        if ((rc & 0xff) == SQLITE_BUSY)
            kind = ErrorKind::Busy;
        throw Error(kind, Tr::tr("%1 %2: %3").arg(what, path, errorText(rc)));
    }
};

HeaderFile::HeaderFile() : d(std::make_unique<Impl>()) {}

HeaderFile::~HeaderFile() = default;

std::unique_ptr<HeaderFile> HeaderFile::open(const QString &path, Mode mode)
{
    vfsName();
    std::unique_ptr<HeaderFile> h(new HeaderFile);
    Impl &d = *h->d;
    d.path = path;
    d.vfs = underlying();
    const QByteArray native = QFile::encodeName(path);
    std::vector<char> full(static_cast<std::size_t>(d.vfs->mxPathname) + 1, '\0');
    int rc = d.vfs->xFullPathname(d.vfs, native.constData(), static_cast<int>(full.size()), full.data());
    if (rc != SQLITE_OK && rc != SQLITE_OK_SYMLINK)
        d.fail(rc, Tr::tr("Cannot find"));
    // A main database's name as SQLite hands it to a VFS (with its journal and log names after it):
    // the underlying VFS may look for URI parameters there.
    d.name = sqlite3_create_filename(full.data(), "", "", 0, nullptr);
    if (!d.name)
        throw Error(ErrorKind::Io, Tr::tr("Out of memory opening %1.").arg(path));
    const std::size_t words = (static_cast<std::size_t>(d.vfs->szOsFile) + sizeof(std::max_align_t) - 1) /
                              sizeof(std::max_align_t);
    d.storage.assign(words, std::max_align_t{});
    d.file = reinterpret_cast<sqlite3_file *>(d.storage.data());
    int flags = SQLITE_OPEN_MAIN_DB;
    switch (mode) {
    case Mode::Read:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::CreateNew:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE;
        break;
    }
    int outFlags = 0;
    rc = d.vfs->xOpen(d.vfs, d.name, d.file, flags, &outFlags);
    if (rc != SQLITE_OK) {
        if (d.file->pMethods)
            d.file->pMethods->xClose(d.file);
        d.fail(rc, Tr::tr("Cannot open"));
    }
    d.open = true;
    // The VFS falls back to read-only when the file may not be written.
    d.writable = mode != Mode::Read && (outFlags & SQLITE_OPEN_READONLY) == 0;
    if (mode == Mode::CreateNew)
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return h;
}

const QString &HeaderFile::path() const
{
    return d->path;
}

bool HeaderFile::writable() const
{
    return d->writable;
}

std::int64_t HeaderFile::size()
{
    sqlite3_int64 size = 0;
    const int rc = d->file->pMethods->xFileSize(d->file, &size);
    if (rc != SQLITE_OK)
        d->fail(rc, Tr::tr("Cannot read the size of"));
    return size;
}

QByteArray HeaderFile::read(std::int64_t offset, std::int64_t length)
{
    const std::int64_t available = std::max<std::int64_t>(0, std::min(length, size() - offset));
    QByteArray bytes(static_cast<qsizetype>(available), '\0');
    if (available == 0)
        return bytes;
    constexpr qsizetype kChunk = 64 * 1024;
    for (qsizetype done = 0; done < bytes.size(); done += kChunk) {
        const qsizetype n = std::min(kChunk, bytes.size() - done);
        const int rc = d->file->pMethods->xRead(d->file, bytes.data() + done, static_cast<int>(n), offset + done);
        if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
            d->fail(rc, Tr::tr("Cannot read"));
    }
    return bytes;
}

void HeaderFile::write(std::int64_t offset, const QByteArray &bytes)
{
    if (!d->writable)
        throw Error(ErrorKind::Io, Tr::tr("Cannot write %1: it is read-only.").arg(d->path));
    // The unix VFS writes at most 128 KiB - 1 bytes a call (it never needs more for a page).
    constexpr qsizetype kChunk = 64 * 1024;
    for (qsizetype done = 0; done < bytes.size(); done += kChunk) {
        const qsizetype n = std::min(kChunk, bytes.size() - done);
        const int rc = d->file->pMethods->xWrite(d->file, bytes.constData() + done, static_cast<int>(n), offset + done);
        if (rc != SQLITE_OK)
            d->fail(rc, Tr::tr("Cannot write"));
    }
}

void HeaderFile::sync()
{
    const int rc = d->file->pMethods->xSync(d->file, SQLITE_SYNC_FULL);
    if (rc != SQLITE_OK)
        d->fail(rc, Tr::tr("Cannot flush to disk"));
}

void HeaderFile::lockForUpdate(int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (int level : {SQLITE_LOCK_SHARED, SQLITE_LOCK_RESERVED}) {
        if (d->lockLevel >= level)
            continue;
        for (;;) {
            const int rc = d->file->pMethods->xLock(d->file, level);
            if (rc == SQLITE_OK) {
                d->lockLevel = level;
                break;
            }
            if ((rc & 0xff) != SQLITE_BUSY)
                d->fail(rc, Tr::tr("Cannot lock"));
            if (std::chrono::steady_clock::now() >= deadline) {
                unlock();
                throw Error(ErrorKind::Busy,
                            Tr::tr("%1 is busy: another CaseBoard is changing its accounts. Try again.").arg(d->path));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
}

void HeaderFile::unlock()
{
    if (d->lockLevel == SQLITE_LOCK_NONE)
        return;
    d->file->pMethods->xUnlock(d->file, SQLITE_LOCK_NONE);
    d->lockLevel = SQLITE_LOCK_NONE;
}

} // namespace cb::container
