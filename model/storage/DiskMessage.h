#pragma once

#include <QString>

namespace cb::db {

// A full or failing disk is for the user to act on: says what happened to `file`, whether the
// change was kept and what to do, instead of SQLite's "disk I/O error". Empty for an error that is
// not about the disk. `code` is an SQLite extended result code (SQLITE_FULL, SQLITE_IOERR_*). Used
// for the database's pages (Database.cpp) and for the key header (ContainerVfs.cpp) alike.
QString diskErrorMessage(int code, const QString &file);

} // namespace cb::db
