#pragma once

// Encrypted, consistent backups of an open case file, and a restore that checks a backup fully
// before it replaces anything (README, "Security model").

#include <QString>

namespace cb {

class CaseFile;
class SecretBytes;
struct SignIn;

// Writes an encrypted, consistent copy of the open case file to `destination`, which must not
// exist, keyed like the source: a file with key slots gives the copy its header (the same
// accounts) and its database key; `passphrase` keys the copy of an old-format file. Uses SQLite's
// online backup API, never a file copy, so the app can keep working. Atomic: a temporary file
// beside the destination is written, synced, checked (it opens with the same key;
// integrity_check and cipher_integrity_check pass; application_id
// and user_version equal the source's) and only then renamed into place. On any failure no
// destination file exists and the temporary one is removed. Throws cb::Error.
void backupCaseFile(CaseFile &source, const QString &destination, const SecretBytes &passphrase);

// Checks a backup fully (it opens with the passphrase and every CaseFile::verify() check passes)
// before anything is replaced, then puts it in place of `target` atomically. An existing target
// (with its -wal/-shm) is kept beside it as `<target>.before-restore-<UTC timestamp>`: nothing is
// silently deleted. A backup that fails a check throws cb::Error naming the check, and `target`
// is left byte for byte as it was. The target must not be open elsewhere.
void restoreCaseFile(const QString &backup, const QString &target, const SecretBytes &passphrase);
// The same, signing in to the backup as `signIn` says (an account, or the recovery key); a file
// with several accounts needs this one.
void restoreCaseFile(const QString &backup, const QString &target, const SignIn &signIn);

} // namespace cb
