#include "model/storage/DiskMessage.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace cb::db {

namespace {

// The context of these messages since they were written in Database.cpp: their translations stay.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::db::Database)
};

} // namespace

QString diskErrorMessage(int code, const QString &file)
{
    if ((code & 0xff) == SQLITE_FULL)
        return Tr::tr("The disk is full: %1 could not be written, so the change was not saved. "
                      "Free some space on that disk, then try again.")
            .arg(file);
    if ((code & 0xff) != SQLITE_IOERR)
        return {};
    switch (code) {
    case SQLITE_IOERR_FSYNC:
    case SQLITE_IOERR_DIR_FSYNC:
        // In write-ahead-log mode the commit record may already be in the log when the flush
        // fails: this session no longer sees the change, but the log may hold it. Neither
        // "saved" nor "not saved" would be true for certain.
        return Tr::tr("The disk did not confirm that %1 was written (flushing it to the disk failed), so the "
                      "change may not have been saved. Check the disk, then reopen the case file to see whether "
                      "the change is there before you enter it again.")
            .arg(file);
    case SQLITE_IOERR_READ:
    case SQLITE_IOERR_SHORT_READ:
        return Tr::tr("The disk reported an error while reading %1 (it may be failing or disconnected). "
                      "Check the disk, then try again; if it keeps happening, restore the file from a backup.")
            .arg(file);
    case SQLITE_IOERR_NOMEM:
        return Tr::tr("CaseBoard ran out of memory while working on %1, so the change was not saved. "
                      "Close other programs, then try again.")
            .arg(file);
    case SQLITE_IOERR_WRITE:
    case SQLITE_IOERR_TRUNCATE:
        return Tr::tr("The disk reported an error while writing %1 (it may be failing or disconnected), so the "
                      "change was not saved. Check the disk, then try again.")
            .arg(file);
    default:
        // Locks, the shared-memory index, file sizes: SQLite rolls the transaction back after
        // these, as after a failed write (only a failed flush leaves the outcome open, above).
        return Tr::tr("The disk reported an error while CaseBoard was using %1 (it may be failing or "
                      "disconnected), so nothing was saved. Check the disk, then try again.")
            .arg(file);
    }
}


} // namespace cb::db
