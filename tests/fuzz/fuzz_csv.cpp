// libFuzzer target: the CSV reader under both public importers (io::CsvReader, io::decodeCsvText,
// io::isStrictUtf8) on its own, without a case file: thousands of inputs a second where the
// importer targets manage about a hundred, and checks that only the reader can be held to:
//  - reading ends (at most one record per byte), and line numbers only go forward;
//  - text gives its bytes back (docs/import.md): valid UTF-8 as UTF-8, anything else through
//    the Windows-1252 fallback, one character per byte;
//  - isStrictUtf8 agrees with Qt's own UTF-8 decoder;
//  - the records read without error, written again with every field quoted, read back the same.

#include "FuzzHarness.h"

#include "model/io/Csv.h"

#include <QHash>
#include <QStringDecoder>

#include <array>

namespace {

using namespace Qt::StringLiterals;
using cb::fuzz::finding;
namespace io = cb::io;

QString hex(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().left(64).toHex(' '));
}

// The fallback's character for each byte from 0x80, found through decodeCsvText itself (a lone
// byte from 0x80 is never UTF-8); two bytes with one character would lose the original bytes.
const QHash<char16_t, char> &fallbackBytes()
{
    static const QHash<char16_t, char> table = [] {
        QHash<char16_t, char> out;
        for (int b = 0x80; b <= 0xFF; ++b) {
            const char byte = static_cast<char>(b);
            bool recoded = false;
            const QString text = io::decodeCsvText(QByteArrayView(&byte, 1), &recoded);
            if (!recoded || text.size() != 1)
                finding(u"byte %1 is not read as one character of the fallback"_s.arg(b, 2, 16));
            if (out.contains(text[0].unicode()))
                finding(u"bytes %1 and %2 are both read as U+%3"_s.arg(int(static_cast<unsigned char>(
                                                                            out.value(text[0].unicode()))),
                                                                        2, 16)
                            .arg(b, 2, 16)
                            .arg(text[0].unicode(), 4, 16));
            out.insert(text[0].unicode(), byte);
        }
        return out;
    }();
    return table;
}

// The bytes a field was read from.
QByteArray bytesOf(const QString &text, bool recoded)
{
    if (!recoded)
        return text.toUtf8();
    QByteArray out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            out.append(static_cast<char>(c.unicode()));
            continue;
        }
        const auto it = fallbackBytes().constFind(c.unicode());
        if (it == fallbackBytes().constEnd())
            finding(u"U+%1 is not a character of the fallback"_s.arg(c.unicode(), 4, 16));
        out.append(*it);
    }
    return out;
}

void checkDecoding(QByteArrayView bytes)
{
    const bool strict = io::isStrictUtf8(bytes);
    // A byte order mark is text here: decodeCsvText keeps one inside a field.
    QStringDecoder qt(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    const QString byQt = qt.decode(bytes);
    if (strict == qt.hasError())
        finding(u"isStrictUtf8 says %1, Qt's decoder %2, for %3"_s.arg(strict ? u"valid"_s : u"not valid"_s,
                                                                           qt.hasError() ? u"not valid"_s : u"valid"_s,
                                                                           hex(bytes)));
    bool recoded = false;
    const QString text = io::decodeCsvText(bytes, &recoded);
    bool ascii = true;
    for (const char c : bytes)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (recoded && (ascii || strict))
        finding(u"the fallback was used for valid UTF-8: %1"_s.arg(hex(bytes)));
    if (!recoded && !ascii && !strict)
        finding(u"the fallback was not used for text that is not UTF-8: %1"_s.arg(hex(bytes)));
    if (recoded && text.size() != bytes.size())
        finding(u"%1 bytes read as %2 characters by the fallback"_s.arg(bytes.size()).arg(text.size()));
    if (!recoded && text != byQt)
        finding(u"valid UTF-8 read differently from Qt: %1"_s.arg(hex(bytes)));
    if (bytesOf(text, recoded) != bytes)
        finding(u"the bytes cannot be recovered from the text: %1"_s.arg(hex(bytes)));
}

struct Good {
    QStringList fields;
    QList<int> recoded;
    bool operator==(const Good &) const = default;
};

// Reads everything, checking termination and line numbers; returns the records without error.
QList<Good> readAll(const QByteArray &data)
{
    io::CsvReader reader(data);
    io::CsvRecord record;
    QList<Good> good;
    qint64 lastLine = 0;
    const qint64 maxLine = data.count('\n') + data.count('\r') + 1;
    qsizetype records = 0;
    while (reader.next(record)) {
        if (++records > data.size())
            finding(u"more records than bytes: the reader does not end"_s);
        if (record.line <= lastLine || record.line > maxLine)
            finding(u"a record on line %1 after one on line %2 (the data has at most %3 lines)"_s.arg(record.line)
                        .arg(lastLine)
                        .arg(maxLine));
        lastLine = record.line;
        if (record.error) {
            if (record.error->reason.isEmpty() || record.error->field < 0)
                finding(u"a syntax error without a reason or a field"_s);
            continue;
        }
        if (record.fields.isEmpty())
            finding(u"a record without fields on line %1"_s.arg(record.line));
        for (int i : record.recodedFields) {
            if (i < 0 || i >= record.fields.size())
                finding(u"recoded field %1 of a record of %2 fields"_s.arg(i).arg(record.fields.size()));
        }
        good.append({record.fields, record.recodedFields});
    }
    return good;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = cb::fuzz::bytesOf(data, size);
    checkDecoding(input);

    const QList<Good> good = readAll(input);
    QByteArray again;
    for (const Good &g : good) {
        for (qsizetype i = 0; i < g.fields.size(); ++i) {
            QByteArray field = bytesOf(g.fields[i], g.recoded.contains(static_cast<int>(i)));
            field.replace('"', "\"\"");
            again += (i ? ",\"" : "\"") + field + '"';
        }
        again += "\r\n";
    }
    if (readAll(again) != good)
        finding(u"the records read without error, quoted and written again, read back differently"_s);
    return 0;
}
