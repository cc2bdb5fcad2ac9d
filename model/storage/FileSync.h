#pragma once

// fsync for the files CaseBoard writes beside SQLite: backups, replaced case files, the sign-in
// record. A rename is durable only once the folder that holds the name is flushed too.

#include <QString>

namespace cb::fsync {

// Flushes the file at `path` to disk. Throws cb::Error (Io) naming it.
void syncFile(const QString &path);
// Flushes the folder that holds `path` (so that a rename to `path` survives a power cut).
void syncFolderOf(const QString &path);

} // namespace cb::fsync
