// libFuzzer target: CaseBoard's JSON exchange format (io::importJson into an empty case file).
//
// Beyond the harness's checks, an accepted document must be stored as written: every value of
// every row that Qt's own JSON reader also reads is compared with what the case file holds, so
// that a value changed on the way in (text, a number, null) is a finding, not a silent loss.
//
// With CASEBOARD_FUZZ_WRITE_SEEDS=DIR set, the target writes its generated seeds to DIR and exits
// (JsonSeeds.h); scripts/fuzz.sh does that before every run.

#include "FuzzHarness.h"
#include "JsonSeeds.h"

#include "model/io/JsonExchange.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace {

using namespace Qt::StringLiterals;
using namespace cb;
using cb::fuzz::finding;

cb::fuzz::Harness &harness()
{
    static cb::fuzz::Harness h(nullptr); // importJson takes only an empty case file
    return h;
}

QString show(const QVariant &v)
{
    if (v.isNull())
        return u"null"_s;
    if (v.typeId() == QMetaType::QString)
        return u"text \"%1\" (%2)"_s.arg(v.toString().left(40), QString::fromLatin1(v.toString().toUtf8().left(40).toHex()));
    return u"%1 %2"_s.arg(QString::fromLatin1(v.typeName()), v.toString());
}

QString show(const QJsonValue &v)
{
    return show(v.toVariant());
}

// Whether the case file holds what the document says.
bool same(const QJsonValue &json, const QVariant &stored)
{
    switch (json.type()) {
    case QJsonValue::Null:
        return stored.isNull();
    case QJsonValue::String:
        // Qt's reader drops a byte order mark at the start of a string (it decodes with
        // QString::fromUtf8); the case file keeping it is right.
        return stored.typeId() == QMetaType::QString &&
               (stored.toString() == json.toString() || stored.toString() == QChar(0xFEFF) + json.toString());
    case QJsonValue::Double:
        if (stored.typeId() == QMetaType::LongLong) {
            // An integer Qt can hold exactly; a larger one Qt reads as a double.
            const double d = json.toDouble();
            return json.toInteger(std::numeric_limits<qint64>::min()) == stored.toLongLong() ||
                   (std::abs(d) >= 0x1p53 && d == static_cast<double>(stored.toLongLong()));
        }
        return stored.typeId() == QMetaType::Double && stored.toDouble() == json.toDouble();
    default:
        return false; // true, false, arrays and objects are not values of the format
    }
}

// The column's value; text from its bytes, so that what is compared is what the file holds, not
// what a reader of it makes of the bytes.
QVariant storedValue(db::Statement &s, int column)
{
    const QVariant value = s.value(column);
    if (value.typeId() != QMetaType::QString)
        return value;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return QString(utf8.decode(s.blob(column)));
}

QStringList primaryKey(db::Database &db, const QString &table)
{
    db::Statement s = db.prepare("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk");
    s.bind(1, table);
    QStringList out;
    while (s.step())
        out << s.text(0);
    return out;
}

QString quoted(const QString &identifier)
{
    return u'"' + QString(identifier).replace(u'"', u"\"\""_s) + u'"';
}

// Each row of the document that names its primary key, compared column by column with the row
// of the case file under that key. Only when Qt reads the document too: the two readers differ on
// what they refuse (Qt keeps the last of two equal keys, say), and then there is nothing to compare.
void checkStoredAsWritten(db::Database &db, QByteArray input)
{
    if (input.startsWith("\xEF\xBB\xBF"))
        input.remove(0, 3);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(input, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return;
    const QJsonObject tables = doc.object().value(u"tables"_s).toObject();
    for (auto t = tables.begin(); t != tables.end(); ++t) {
        const QString table = t.key();
        const QStringList key = primaryKey(db, table);
        const QJsonArray rows = t.value().toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows.at(i).toObject();
            if (key.isEmpty() || !std::all_of(key.begin(), key.end(), [&](const QString &k) { return row.contains(k); }))
                continue;
            const QStringList columns = row.keys();
            QStringList where;
            for (qsizetype k = 0; k < key.size(); ++k)
                where << quoted(key[k]) + u" = ?"_s + QString::number(k + 1);
            QStringList select;
            for (const QString &c : columns)
                select << quoted(c);
            const QString sql = u"SELECT "_s + select.join(u", "_s) + u" FROM "_s + quoted(table) + u" WHERE "_s +
                                where.join(u" AND "_s);
            db::Statement s = db.prepare(sql.toStdString());
            for (qsizetype k = 0; k < key.size(); ++k)
                s.bind(static_cast<int>(k + 1), row.value(key[k]).toVariant());
            if (!s.step())
                finding(u"tables.%1[%2]: accepted, but no such row in the case file"_s.arg(table).arg(i));
            for (qsizetype c = 0; c < columns.size(); ++c) {
                const QVariant stored = storedValue(s, static_cast<int>(c));
                const QJsonValue written = row.value(columns[c]);
                if (!same(written, stored))
                    finding(u"tables.%1[%2].%3: the document has %4, the case file %5"_s.arg(table)
                                .arg(i)
                                .arg(columns[c], show(written), show(stored)));
            }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    const QString seeds = qEnvironmentVariable("CASEBOARD_FUZZ_WRITE_SEEDS");
    if (!seeds.isEmpty()) {
        try {
            cb::fuzz::writeJsonSeeds(seeds);
        } catch (const Error &e) {
            finding(u"cannot write the seeds: "_s + e.message());
        }
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    cb::fuzz::Harness &h = harness();
    db::Database &db = h.database();
    const QByteArray input = cb::fuzz::bytesOf(data, size);
    io::ExchangeSummary summary;
    const auto import = [&] {
        QByteArray bytes = input;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        summary = io::importJson(h.store(), buffer, u"fuzz.json"_s);
    };
    const auto checkAccepted = [&] {
        // The case file was empty: what it holds now is what the import says it read.
        const std::pair<QString, int> expected[] = {{u"members"_s, summary.members}, {u"cases"_s, summary.cases},
                                                    {u"victims"_s, summary.victims}, {u"leads"_s, summary.leads},
                                                    {u"notes"_s, summary.notes}};
        for (const auto &[table, n] : expected) {
            const qint64 rows = cb::fuzz::rowCount(db, table);
            if (rows != n)
                finding(u"the import reports %1 rows of %2, the case file holds %3"_s.arg(n).arg(table).arg(rows));
        }
        const qint64 audit = cb::fuzz::rowCount(db, u"audit"_s);
        if (audit < summary.auditEntries)
            finding(u"the import reports %1 audit entries, the case file holds %2"_s.arg(summary.auditEntries)
                        .arg(audit));
        checkStoredAsWritten(db, input);
    };
    h.run(import, checkAccepted);
    return 0;
}
