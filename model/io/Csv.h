#pragma once

// A small, strict reader of RFC 4180 CSV for the public files we import (docs/import.md).
// It never guesses: a stray quote or text after a closing quote makes the record bad, with the
// physical line number and the field, and reading carries on at the next line.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>

namespace cb::io {

// Text of one field. Valid UTF-8 is read as UTF-8; anything else as WHATWG windows-1252, where
// the five bytes that code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1
// control characters of the same value, as in Latin-1. So every byte maps to one character and
// the original bytes can be recovered. *recoded (if given) says whether the fallback was used.
QString decodeCsvText(QByteArrayView bytes, bool *recoded = nullptr);

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence.
bool isStrictUtf8(QByteArrayView bytes);

struct CsvSyntaxError {
    int field = 0;  // 0-based index of the field where the problem is
    QString reason; // translated
};

struct CsvRecord {
    qint64 line = 0; // 1-based physical line where the record starts
    QStringList fields;
    QList<int> recodedFields;            // fields that were not valid UTF-8 (see decodeCsvText)
    std::optional<CsvSyntaxError> error; // set when the record is malformed; fields are then partial
};

class CsvReader {
public:
    // The whole file. A UTF-8 byte order mark at the start is skipped.
    explicit CsvReader(QByteArray data);

    // Reads the next record, skipping empty lines. Returns false at the end of the data.
    // A record ends at CRLF, LF or a lone CR outside quotes, or at the end of the data (a final
    // line terminator is optional). Quoted fields may hold commas, line breaks and doubled quotes.
    bool next(CsvRecord &record);

private:
    void skipRestOfLine();
    bool atLineEnd(qsizetype pos) const;
    void consumeLineEnd();

    QByteArray m_data;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    std::string m_buffer; // a quoted field without its doubled quotes
};

} // namespace cb::io
