#pragma once

#include <QString>

#include <stdexcept>

namespace cb {

// What went wrong, in terms a caller can act on. The CLI maps kinds to exit codes,
// the UI to the message it shows; the text is already translated and never holds a secret.
enum class ErrorKind {
    Database,        // an SQL error that should not happen: a bug or a damaged file
    NotFound,        // the file or record does not exist
    AlreadyExists,   // refusing to overwrite
    NotACaseFile,    // a plain SQLite file, an empty file, some other file
    Damaged,         // truncated, corrupted
    WrongPassphrase, // or damaged: SQLCipher cannot tell the two apart
    NewerVersion,    // made by a newer CaseBoard
    Invalid,         // bad input: a value, a field, a row
    Refused,         // a rule forbids the action
    Busy,            // another process holds the file
    Io,              // disk full, permission denied
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const QString &message)
        : std::runtime_error(message.toStdString()), m_kind(kind), m_message(message)
    {
    }
    ErrorKind kind() const noexcept { return m_kind; }
    const QString &message() const noexcept { return m_message; }

private:
    ErrorKind m_kind;
    QString m_message;
};

} // namespace cb
