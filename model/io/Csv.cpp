#include "model/io/Csv.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <array>
#include <utility>

namespace cb::io {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::io::Csv)
};

// WHATWG windows-1252, bytes 0x80..0x9F; the undefined ones map to themselves (C1 controls).
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

bool isContinuation(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

} // namespace

bool isStrictUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if (b >= 0xC2 && b <= 0xDF) {
            extra = 1;
            cp = b & 0x1F;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            extra = 2;
            cp = b & 0x0F;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            extra = 3;
            cp = b & 0x07;
            min = 0x10000;
        } else {
            return false; // a continuation byte first, C0/C1 (always overlong), or F5..FF
        }
        if (i + extra >= n)
            return false; // truncated at the end
        for (int k = 1; k <= extra; ++k) {
            if (!isContinuation(p[i + k]))
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

QString decodeCsvText(QByteArrayView bytes, bool *recoded)
{
    if (recoded)
        *recoded = false;
    bool ascii = true;
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return QString::fromLatin1(bytes.data(), bytes.size());
    if (isStrictUtf8(bytes)) {
        // Not QString::fromUtf8, which drops a byte order mark at the start: inside a field it is
        // text like any other (the file's own mark is skipped by CsvReader).
        QStringDecoder utf8(QStringDecoder::Utf8,
                            QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
        return utf8.decode(bytes);
    }
    if (recoded)
        *recoded = true;
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        dst[i] = (b >= 0x80 && b <= 0x9F) ? QChar(kCp1252High[b - 0x80]) : QChar(char16_t(b));
    }
    return out;
}

CsvReader::CsvReader(QByteArray data) : m_data(std::move(data))
{
    if (m_data.startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
}

bool CsvReader::atLineEnd(qsizetype pos) const
{
    const char c = m_data.at(pos);
    return c == '\r' || c == '\n';
}

// At a CR or LF: steps over CRLF, LF or a lone CR, counting one line.
void CsvReader::consumeLineEnd()
{
    if (m_data.at(m_pos) == '\r' && m_pos + 1 < m_data.size() && m_data.at(m_pos + 1) == '\n')
        m_pos += 2;
    else
        ++m_pos;
    ++m_line;
}

// After a syntax error: the record ends at the next line break, whatever quotes come before it,
// so that one bad row does not swallow the rows after it.
void CsvReader::skipRestOfLine()
{
    while (m_pos < m_data.size() && !atLineEnd(m_pos))
        ++m_pos;
    if (m_pos < m_data.size())
        consumeLineEnd();
}

bool CsvReader::next(CsvRecord &record)
{
    record.fields.clear();
    record.recodedFields.clear();
    record.error.reset();
    const char *d = m_data.constData();
    const qsizetype n = m_data.size();
    while (m_pos < n && atLineEnd(m_pos))
        consumeLineEnd();
    if (m_pos >= n)
        return false;
    record.line = m_line;

    const auto append = [&record](QByteArrayView bytes) {
        bool recoded = false;
        record.fields.append(decodeCsvText(bytes, &recoded));
        if (recoded)
            record.recodedFields.append(static_cast<int>(record.fields.size() - 1));
    };
    const auto fail = [&record](QString reason) {
        record.error = CsvSyntaxError{static_cast<int>(record.fields.size()), std::move(reason)};
    };

    for (;;) {
        if (m_pos < n && d[m_pos] == '"') {
            ++m_pos;
            m_buffer.clear();
            bool closed = false;
            while (m_pos < n) {
                const char c = d[m_pos];
                if (c == '"') {
                    if (m_pos + 1 < n && d[m_pos + 1] == '"') {
                        m_buffer += '"';
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    closed = true;
                    break;
                }
                // A line break inside quotes is part of the value but still a physical line.
                if (c == '\n' || (c == '\r' && !(m_pos + 1 < n && d[m_pos + 1] == '\n')))
                    ++m_line;
                m_buffer += c;
                ++m_pos;
            }
            if (!closed) {
                fail(Tr::tr("a quoted field is not closed before the end of the file"));
                return true;
            }
            append(QByteArrayView(m_buffer.data(), static_cast<qsizetype>(m_buffer.size())));
            if (m_pos >= n)
                return true;
            if (d[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (atLineEnd(m_pos)) {
                consumeLineEnd();
                return true;
            }
            record.fields.removeLast();
            record.recodedFields.removeAll(static_cast<int>(record.fields.size()));
            fail(Tr::tr("text after the closing quote"));
            skipRestOfLine();
            return true;
        }

        const qsizetype start = m_pos;
        while (m_pos < n) {
            const char c = d[m_pos];
            if (c == ',' || c == '\r' || c == '\n')
                break;
            if (c == '"') {
                fail(Tr::tr("a quote inside a field that is not quoted"));
                skipRestOfLine();
                return true;
            }
            ++m_pos;
        }
        append(QByteArrayView(d + start, m_pos - start));
        if (m_pos >= n)
            return true;
        if (d[m_pos] == ',') {
            ++m_pos;
            continue;
        }
        consumeLineEnd();
        return true;
    }
}

} // namespace cb::io
