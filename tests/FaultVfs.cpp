#include "FaultVfs.h"

#include <QStringList>

#include <atomic>
#include <mutex>
#include <sqlite3.h>
#include <stdexcept>
#include <string>

namespace cb::test {

namespace {

// The armed plan and its counters. SQLite may call in from any connection; the tests use one
// thread, but the counters are atomic so a stray background reader cannot tear them.
struct State {
    std::atomic<bool> armed { false };
    FaultVfs::Plan plan;
    std::atomic<qint64> calls { 0 };
    std::atomic<qint64> failures { 0 };
    std::atomic<qint64> perOp[4] = { 0, 0, 0, 0 }; // every call while armed, by kind
    std::mutex mutex; // guards firstFailed
    std::string firstFailed;
};

State &state()
{
    static State s;
    return s;
}

sqlite3_vfs *g_real = nullptr; // the VFS this one forwards to
sqlite3_vfs g_vfs {};

struct FaultFile {
    sqlite3_file base; // must be first: SQLite sees a FaultFile as an sqlite3_file
    sqlite3_file *real; // the wrapped file, allocated right after this struct
    const char *name; // SQLite keeps xOpen's name valid until xClose; null for temp files
};

sqlite3_file *realOf(sqlite3_file *file)
{
    return reinterpret_cast<FaultFile *>(file)->real;
}

int codeFor(FaultVfs::Op op, FaultVfs::Fault fault)
{
    if (fault == FaultVfs::Fault::DiskFull)
        return SQLITE_FULL;
    switch (op) {
    case FaultVfs::Write: return SQLITE_IOERR_WRITE;
    case FaultVfs::Sync: return SQLITE_IOERR_FSYNC;
    case FaultVfs::Truncate: return SQLITE_IOERR_TRUNCATE;
    case FaultVfs::ShmMap: return SQLITE_IOERR_SHMMAP;
    }
    return SQLITE_IOERR;
}

int opIndex(FaultVfs::Op op)
{
    switch (op) {
    case FaultVfs::Write: return 0;
    case FaultVfs::Sync: return 1;
    case FaultVfs::Truncate: return 2;
    case FaultVfs::ShmMap: return 3;
    }
    return 0;
}

// SQLITE_OK, or the error the call must return instead of happening.
int injected(sqlite3_file *file, FaultVfs::Op op)
{
    State &s = state();
    if (!s.armed.load())
        return SQLITE_OK;
    ++s.perOp[opIndex(op)];
    if ((s.plan.ops & op) == 0)
        return SQLITE_OK;
    const qint64 n = ++s.calls;
    if (n < s.plan.failAt || (n > s.plan.failAt && !s.plan.sticky))
        return SQLITE_OK;
    if (s.failures++ == 0) {
        const std::lock_guard lock(s.mutex);
        const char *name = reinterpret_cast<FaultFile *>(file)->name;
        s.firstFailed = name ? name : "";
    }
    return codeFor(op, s.plan.fault);
}

// --- sqlite3_io_methods: forward, with a failure injected where the plan says ------------------

int xClose(sqlite3_file *file)
{
    sqlite3_file *real = realOf(file);
    const int rc = real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
    file->pMethods = nullptr;
    return rc;
}

int xRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xRead(real, buffer, amount, offset);
}

int xWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    if (const int rc = injected(file, FaultVfs::Write))
        return rc;
    sqlite3_file *real = realOf(file);
    return real->pMethods->xWrite(real, buffer, amount, offset);
}

int xTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    if (const int rc = injected(file, FaultVfs::Truncate))
        return rc;
    sqlite3_file *real = realOf(file);
    return real->pMethods->xTruncate(real, size);
}

int xSync(sqlite3_file *file, int flags)
{
    if (const int rc = injected(file, FaultVfs::Sync))
        return rc;
    sqlite3_file *real = realOf(file);
    return real->pMethods->xSync(real, flags);
}

int xFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xFileSize(real, size);
}

int xLock(sqlite3_file *file, int level)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xLock(real, level);
}

int xUnlock(sqlite3_file *file, int level)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xUnlock(real, level);
}

int xCheckReservedLock(sqlite3_file *file, int *out)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xCheckReservedLock(real, out);
}

int xFileControl(sqlite3_file *file, int op, void *arg)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xFileControl(real, op, arg);
}

int xSectorSize(sqlite3_file *file)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xSectorSize(real);
}

int xDeviceCharacteristics(sqlite3_file *file)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xDeviceCharacteristics(real);
}

int xShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
    if (const int rc = injected(file, FaultVfs::ShmMap)) {
        *out = nullptr;
        return rc;
    }
    sqlite3_file *real = realOf(file);
    return real->pMethods->xShmMap(real, region, size, extend, out);
}

int xShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xShmLock(real, offset, n, flags);
}

void xShmBarrier(sqlite3_file *file)
{
    sqlite3_file *real = realOf(file);
    real->pMethods->xShmBarrier(real);
}

int xShmUnmap(sqlite3_file *file, int deleteFlag)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xShmUnmap(real, deleteFlag);
}

int xFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xFetch(real, offset, amount, out);
}

int xUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *page)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xUnfetch(real, offset, page);
}

// One table per io_methods version: a wrapped file must not claim methods its real file lacks
// (SQLite checks iVersion before it calls xShmMap or xFetch).
sqlite3_io_methods methodsOfVersion(int version)
{
    sqlite3_io_methods m {};
    m.iVersion = version;
    m.xClose = xClose;
    m.xRead = xRead;
    m.xWrite = xWrite;
    m.xTruncate = xTruncate;
    m.xSync = xSync;
    m.xFileSize = xFileSize;
    m.xLock = xLock;
    m.xUnlock = xUnlock;
    m.xCheckReservedLock = xCheckReservedLock;
    m.xFileControl = xFileControl;
    m.xSectorSize = xSectorSize;
    m.xDeviceCharacteristics = xDeviceCharacteristics;
    if (version >= 2) {
        m.xShmMap = xShmMap;
        m.xShmLock = xShmLock;
        m.xShmBarrier = xShmBarrier;
        m.xShmUnmap = xShmUnmap;
    }
    if (version >= 3) {
        m.xFetch = xFetch;
        m.xUnfetch = xUnfetch;
    }
    return m;
}

const sqlite3_io_methods *methodsFor(const sqlite3_io_methods *real)
{
    static const sqlite3_io_methods v1 = methodsOfVersion(1);
    static const sqlite3_io_methods v2 = methodsOfVersion(2);
    static const sqlite3_io_methods v3 = methodsOfVersion(3);
    if (real->iVersion >= 3)
        return &v3;
    return real->iVersion == 2 ? &v2 : &v1;
}

// --- sqlite3_vfs: open wraps the file; everything else goes straight to the real VFS ----------

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *f = reinterpret_cast<FaultFile *>(file);
    f->real = reinterpret_cast<sqlite3_file *>(f + 1);
    f->name = name;
    f->real->pMethods = nullptr;
    const int rc = g_real->xOpen(g_real, name, f->real, flags, outFlags);
    // SQLite calls xClose even after a failed open when pMethods is set: keep the two in step.
    file->pMethods = f->real->pMethods ? methodsFor(f->real->pMethods) : nullptr;
    return rc;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return g_real->xDelete(g_real, name, syncDir);
}

int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_real->xAccess(g_real, name, flags, out);
}

int vfsFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return g_real->xFullPathname(g_real, name, size, out);
}

void *vfsDlOpen(sqlite3_vfs *, const char *name)
{
    return g_real->xDlOpen(g_real, name);
}

void vfsDlError(sqlite3_vfs *, int size, char *out)
{
    g_real->xDlError(g_real, size, out);
}

void (*vfsDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return g_real->xDlSym(g_real, handle, symbol);
}

void vfsDlClose(sqlite3_vfs *, void *handle)
{
    g_real->xDlClose(g_real, handle);
}

int vfsRandomness(sqlite3_vfs *, int size, char *out)
{
    return g_real->xRandomness(g_real, size, out);
}

int vfsSleep(sqlite3_vfs *, int microseconds)
{
    return g_real->xSleep(g_real, microseconds);
}

int vfsCurrentTime(sqlite3_vfs *, double *out)
{
    return g_real->xCurrentTime(g_real, out);
}

int vfsGetLastError(sqlite3_vfs *, int size, char *out)
{
    return g_real->xGetLastError ? g_real->xGetLastError(g_real, size, out) : 0;
}

int vfsCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return g_real->xCurrentTimeInt64(g_real, out);
}

int vfsSetSystemCall(sqlite3_vfs *, const char *name, sqlite3_syscall_ptr call)
{
    return g_real->xSetSystemCall(g_real, name, call);
}

sqlite3_syscall_ptr vfsGetSystemCall(sqlite3_vfs *, const char *name)
{
    return g_real->xGetSystemCall(g_real, name);
}

const char *vfsNextSystemCall(sqlite3_vfs *, const char *name)
{
    return g_real->xNextSystemCall(g_real, name);
}

} // namespace

void FaultVfs::install()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_real = sqlite3_vfs_find(nullptr);
        if (!g_real)
            throw std::runtime_error("FaultVfs: SQLite has no default VFS");
        g_vfs.iVersion = g_real->iVersion;
        g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
        g_vfs.mxPathname = g_real->mxPathname;
        g_vfs.zName = "cb-fault";
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
        if (g_real->iVersion >= 2)
            g_vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        if (g_real->iVersion >= 3) {
            g_vfs.xSetSystemCall = vfsSetSystemCall;
            g_vfs.xGetSystemCall = vfsGetSystemCall;
            g_vfs.xNextSystemCall = vfsNextSystemCall;
        }
        if (sqlite3_vfs_register(&g_vfs, 1) != SQLITE_OK)
            throw std::runtime_error("FaultVfs: sqlite3_vfs_register failed");
    });
}

bool FaultVfs::isInstalled()
{
    return g_real != nullptr && sqlite3_vfs_find(nullptr) == &g_vfs;
}

void FaultVfs::arm(const Plan &plan)
{
    State &s = state();
    s.armed = false;
    s.plan = plan;
    s.calls = 0;
    s.failures = 0;
    for (auto &n : s.perOp)
        n = 0;
    {
        const std::lock_guard lock(s.mutex);
        s.firstFailed.clear();
    }
    s.armed = true;
}

void FaultVfs::disarm()
{
    state().armed = false;
}

bool FaultVfs::isArmed()
{
    return state().armed.load();
}

qint64 FaultVfs::calls()
{
    return state().calls.load();
}

qint64 FaultVfs::callsOf(Op op)
{
    return state().perOp[opIndex(op)].load();
}

qint64 FaultVfs::failures()
{
    return state().failures.load();
}

QString FaultVfs::firstFailedFile()
{
    State &s = state();
    const std::lock_guard lock(s.mutex);
    return QString::fromUtf8(s.firstFailed.c_str());
}

QString FaultVfs::describe(const Plan &plan)
{
    QStringList ops;
    if (plan.ops & Write)
        ops << QStringLiteral("write");
    if (plan.ops & Sync)
        ops << QStringLiteral("sync");
    if (plan.ops & Truncate)
        ops << QStringLiteral("truncate");
    if (plan.ops & ShmMap)
        ops << QStringLiteral("shm-map");
    const QString fault
        = plan.fault == Fault::DiskFull ? QStringLiteral("SQLITE_FULL") : QStringLiteral("SQLITE_IOERR_*");
    return QStringLiteral("%1 #%2 -> %3%4")
        .arg(ops.join(u'/'))
        .arg(plan.failAt)
        .arg(fault, plan.sticky ? QStringLiteral(", sticky") : QString());
}

} // namespace cb::test
