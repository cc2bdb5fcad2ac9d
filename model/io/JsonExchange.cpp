#include "model/io/JsonExchange.h"

#include "model/storage/AuditChain.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/storage/Schema.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QTime>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <typeinfo>
#include <vector>

namespace cb::io {
namespace {

// A plain name: lupdate reads "JsonArray::Ptr f(...)" as a member of JsonArray and files the
// strings inside under the wrong context.
using JsonArrayPtr = Poco::JSON::Array::Ptr;

// A REAL value on its way out. Poco writes a double without a fraction as "1", which every reader
// takes for an integer: this type is written with ".0" so that the storage class survives.
struct RealNumber {
    double value = 0;
};
} // namespace
} // namespace cb::io

namespace Poco::Dynamic {

template<>
class VarHolderImpl<cb::io::RealNumber> : public VarHolder {
public:
    explicit VarHolderImpl(const cb::io::RealNumber &value) : m_value(value) {}
    const std::type_info &type() const override { return typeid(cb::io::RealNumber); }
    VarHolder *clone(Placeholder<VarHolder> *holder = nullptr) const override { return cloneHolder(holder, m_value); }
    const cb::io::RealNumber &value() const { return m_value; }

    using VarHolder::convert;
    void convert(double &out) const override { out = m_value.value; }
    // The shortest text that reads back as the same double, always with a fraction or an exponent.
    void convert(std::string &out) const override
    {
        char buffer[64];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, m_value.value).ptr;
        out.assign(buffer, end);
        if (out.find_first_of(".e") == std::string::npos)
            out += ".0";
    }

private:
    cb::io::RealNumber m_value;
};

} // namespace Poco::Dynamic

namespace cb::io {

namespace {

using namespace Qt::StringLiterals;
using Poco::Dynamic::Var;
using JsonArray = Poco::JSON::Array;
using JsonObject = Poco::JSON::Object;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::io::JsonExchange)
};

// Contract strings of the format (docs/json-format.md): never translated.
constexpr const char *kFormatName = "caseboard-exchange";
constexpr int kFormatVersion = 1;
// The format nests four levels (document, tables, rows, row); anything much deeper is not ours.
constexpr std::size_t kMaxDepth = 16;

// --- the schema, as the case file describes itself ------------------------------------------

enum class ColumnType { Integer, Real, Text, Any };

struct Column {
    QString name;
    ColumnType type = ColumnType::Any;
    bool notNull = false;
    bool hasDefault = false;
    bool primaryKey = false;
    bool nullable() const { return !notNull && !primaryKey; }
    // A column that may be left out of a row: SQLite then stores its default (or NULL).
    bool required() const { return primaryKey || (notNull && !hasDefault); }
};

struct Table {
    QString name;
    QList<Column> columns;
    QStringList primaryKey;
    QStringList parents; // tables this one refers to (itself excluded)
    int columnIndex(const QString &column) const
    {
        for (int i = 0; i < columns.size(); ++i)
            if (columns[i].name == column)
                return i;
        return -1;
    }
};

std::string quoted(const QString &identifier)
{
    QString q = identifier;
    q.replace(u'"', u"\"\""_s);
    return '"' + q.toStdString() + '"';
}

ColumnType columnType(const QString &table, const QString &column, const QString &declared)
{
    const QString t = declared.trimmed().toUpper();
    if (t == u"INTEGER" || t == u"INT")
        return ColumnType::Integer;
    if (t == u"REAL")
        return ColumnType::Real;
    if (t == u"TEXT")
        return ColumnType::Text;
    if (t == u"ANY")
        return ColumnType::Any;
    throw Error(ErrorKind::Database, Tr::tr("Column %1.%2 has type %3, which the JSON exchange format cannot carry.")
                                         .arg(table, column, declared));
}

// Every table of the case file, parents before children (so that rows can be inserted in order),
// ties kept in the order the schema created them.
QList<Table> schemaTables(db::Database &db)
{
    QList<Table> created;
    // derived_* tables are kept by triggers from the others (Schema.cpp): importing the audit
    // trail rebuilds them, so they are not part of the format.
    db::Statement names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                     "AND name NOT LIKE 'derived\\_%' ESCAPE '\\' ORDER BY rowid");
    while (names.step()) {
        Table t;
        t.name = names.text(0);
        db::Statement info = db.prepare("SELECT name, type, \"notnull\", dflt_value IS NOT NULL, pk "
                                        "FROM pragma_table_info(?1) ORDER BY cid");
        info.bind(1, t.name);
        std::map<int, QString> keyParts;
        while (info.step()) {
            Column c;
            c.name = info.text(0);
            c.type = columnType(t.name, c.name, info.text(1));
            c.notNull = info.integer(2) != 0;
            c.hasDefault = info.integer(3) != 0;
            c.primaryKey = info.integer(4) > 0;
            if (c.primaryKey)
                keyParts[info.integer(4)] = c.name;
            t.columns << c;
        }
        for (const auto &part : keyParts)
            t.primaryKey << part.second;
        db::Statement fks = db.prepare("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)");
        fks.bind(1, t.name);
        while (fks.step())
            if (fks.text(0) != t.name)
                t.parents << fks.text(0);
        created << t;
    }
    QList<Table> ordered;
    QSet<QString> placed;
    while (!created.isEmpty()) {
        qsizetype next = 0; // a cycle (none in the schema) falls back to creation order
        for (qsizetype i = 0; i < created.size(); ++i) {
            const QStringList &parents = created[i].parents;
            if (std::all_of(parents.begin(), parents.end(), [&](const QString &p) { return placed.contains(p); })) {
                next = i;
                break;
            }
        }
        placed.insert(created[next].name);
        ordered << created.takeAt(next);
    }
    return ordered;
}

QString tablePath(const QString &table)
{
    return u"tables."_s + table;
}

QString rowPath(const QString &table, qsizetype index)
{
    return tablePath(table) + u'[' + QString::number(index) + u']';
}

QString columnPath(const QString &table, qsizetype index, const QString &column)
{
    return rowPath(table, index) + u'.' + column;
}

JsonObject::Ptr orderedObject()
{
    return new JsonObject(Poco::JSON_PRESERVE_KEY_ORDER);
}

void setCount(ExchangeSummary &summary, const QString &table, int rows)
{
    if (table == u"members")
        summary.members = rows;
    else if (table == u"cases")
        summary.cases = rows;
    else if (table == u"victims")
        summary.victims = rows;
    else if (table == u"leads")
        summary.leads = rows;
    else if (table == u"notes")
        summary.notes = rows;
    else if (table == u"audit")
        summary.auditEntries = rows;
}

// The detail of an 'export' or 'import' audit event: a small JSON object, so that it reads the same
// way as the 'create' snapshots beside it.
QString eventDetail(JsonObject::Ptr fields, const QList<std::pair<QString, int>> &counts)
{
    JsonObject::Ptr rows = orderedObject();
    for (const auto &[table, n] : counts)
        rows->set(table.toStdString(), n);
    fields->set("rows", rows);
    std::ostringstream text;
    fields->stringify(text);
    return QString::fromStdString(text.str());
}

// --- export ----------------------------------------------------------------------------------

// Null, an integer, a real or a text; nothing for what JSON cannot hold (a blob, an infinite real).
std::optional<Var> jsonValue(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return Var();
    switch (value.typeId()) {
    case QMetaType::LongLong:
        return Var(static_cast<Poco::Int64>(value.toLongLong()));
    case QMetaType::Double:
        if (!std::isfinite(value.toDouble()))
            return std::nullopt;
        return Var(RealNumber{value.toDouble()});
    case QMetaType::QString:
        return Var(value.toString().toStdString());
    default:
        return std::nullopt;
    }
}

JsonArrayPtr readRows(db::Database &db, const Table &table)
{
    std::string sql = "SELECT ";
    for (qsizetype i = 0; i < table.columns.size(); ++i)
        sql += (i ? ", " : "") + quoted(table.columns[i].name);
    sql += " FROM " + quoted(table.name) + " ORDER BY ";
    if (table.primaryKey.isEmpty())
        sql += "rowid";
    for (qsizetype i = 0; i < table.primaryKey.size(); ++i)
        sql += (i ? ", " : "") + quoted(table.primaryKey[i]);
    db::Statement s = db.prepare(sql);
    std::vector<std::string> keys;
    for (const Column &c : table.columns)
        keys.push_back(c.name.toStdString());
    JsonArray::Ptr rows = new JsonArray;
    qsizetype index = 0;
    while (s.step()) {
        JsonObject::Ptr row = orderedObject();
        for (int i = 0; i < s.columnCount(); ++i) {
            const std::optional<Var> value = jsonValue(s.value(i));
            if (!value)
                throw Error(ErrorKind::Refused,
                            Tr::tr("%1: binary data or an infinite number cannot be written in JSON.")
                                .arg(columnPath(table.name, index, table.columns[i].name)));
            row->set(keys[static_cast<std::size_t>(i)], *value);
        }
        rows->add(row);
        ++index;
    }
    return rows;
}

// --- import ----------------------------------------------------------------------------------

// Text of the document as written. Not QString::fromStdString, which drops a byte order mark at
// the start: a value that begins with U+FEFF would lose it on the way in (and then differ from its
// audit entry). Poco's parser has already refused bytes that are not UTF-8.
QString textOf(const std::string &utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(QByteArrayView(utf8.data(), static_cast<qsizetype>(utf8.size())));
}

QString describe(const Var &v)
{
    if (v.isEmpty())
        return Tr::tr("null");
    if (v.type() == typeid(bool))
        return v.extract<bool>() ? Tr::tr("the boolean true") : Tr::tr("the boolean false");
    if (v.type() == typeid(std::string))
        return Tr::tr("the text \"%1\"").arg(textOf(v.extract<std::string>()).left(40));
    if (v.type() == typeid(JsonObject::Ptr))
        return Tr::tr("an object");
    if (v.type() == typeid(JsonArray::Ptr))
        return Tr::tr("an array");
    if (v.isInteger())
        return Tr::tr("the integer %1").arg(QString::fromStdString(v.convert<std::string>()));
    if (v.isNumeric())
        return Tr::tr("the real number %1").arg(QString::fromStdString(v.convert<std::string>()));
    return Tr::tr("an unknown value");
}

bool isReal(const Var &v)
{
    return v.type() == typeid(double) || v.type() == typeid(float);
}

// An integer that fits in 64 signed bits; true, false and reals are not integers here.
std::optional<qint64> integerOf(const Var &v)
{
    if (v.type() == typeid(bool) || !v.isInteger())
        return std::nullopt;
    if (v.isSigned())
        return v.convert<Poco::Int64>();
    const auto u = v.convert<Poco::UInt64>();
    if (u > static_cast<Poco::UInt64>(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return static_cast<qint64>(u);
}

bool isIsoDate(const QString &s)
{
    static const QRegularExpression shape(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    return shape.match(s).hasMatch() && QDate::fromString(s, Qt::ISODate).isValid();
}

bool isClockTime(const QString &s)
{
    static const QRegularExpression shape(u"^\\d{2}:\\d{2}$"_s);
    return shape.match(s).hasMatch() && QTime::fromString(s, u"HH:mm"_s).isValid();
}

// The one column of the table that an SQLite constraint message names, if there is exactly one:
// "UNIQUE constraint failed: cases.case_number", "CHECK constraint failed: role IN ('detective', ...)".
QString constraintColumn(const Table &table, const QString &message)
{
    QString detail = message.mid(message.indexOf(u':') + 1);
    static const QRegularExpression literal(u"'(?:[^']|'')*'"_s);
    detail.remove(literal);
    static const QRegularExpression identifier(u"[A-Za-z_][A-Za-z0-9_]*"_s);
    QSet<QString> named;
    for (auto it = identifier.globalMatch(detail); it.hasNext();) {
        const QString word = it.next().captured();
        if (table.columnIndex(word) >= 0)
            named.insert(word);
    }
    return named.size() == 1 ? *named.begin() : QString();
}

// Poco keeps the last of two equal keys in an object without a word; in an audited record a
// silently dropped value is a loss, so the first repeated key is noted with its path.
class DuplicateKeyHandler : public Poco::JSON::ParseHandler {
public:
    const QString &duplicate() const { return m_duplicate; }

    void reset() override
    {
        ParseHandler::reset();
        m_frames.clear();
        m_duplicate.clear();
    }
    void startObject() override
    {
        element();
        ParseHandler::startObject();
        m_frames.push_back({true, {}, {}, -1});
    }
    void endObject() override
    {
        m_frames.pop_back();
        ParseHandler::endObject();
    }
    void startArray() override
    {
        element();
        ParseHandler::startArray();
        m_frames.push_back({false, {}, {}, -1});
    }
    void endArray() override
    {
        m_frames.pop_back();
        ParseHandler::endArray();
    }
    void key(const std::string &k) override
    {
        Frame &f = m_frames.back();
        f.key = k;
        if (!f.keys.insert(k).second && m_duplicate.isEmpty())
            m_duplicate = path();
        ParseHandler::key(k);
    }
    void null() override
    {
        element();
        ParseHandler::null();
    }
    void value(int v) override
    {
        element();
        ParseHandler::value(v);
    }
    void value(unsigned v) override
    {
        element();
        ParseHandler::value(v);
    }
    void value(Poco::Int64 v) override
    {
        element();
        ParseHandler::value(v);
    }
    void value(Poco::UInt64 v) override
    {
        element();
        ParseHandler::value(v);
    }
    void value(const std::string &v) override
    {
        element();
        ParseHandler::value(v);
    }
    void value(double v) override
    {
        element();
        ParseHandler::value(v);
    }
    void value(bool v) override
    {
        element();
        ParseHandler::value(v);
    }

private:
    struct Frame {
        bool object = false;
        std::set<std::string> keys;
        std::string key; // the object's current key
        qsizetype index = -1; // the array's current element
    };
    std::vector<Frame> m_frames;
    QString m_duplicate;

    void element()
    {
        if (!m_frames.empty() && !m_frames.back().object)
            ++m_frames.back().index;
    }
    QString path() const
    {
        QString out;
        for (const Frame &f : m_frames) {
            if (!f.object)
                out += u'[' + QString::number(f.index) + u']';
            else
                out += (out.isEmpty() ? QString() : u"."_s) + textOf(f.key);
        }
        return out;
    }
};

struct Row {
    std::vector<QVariant> values; // one per column of the table
    std::vector<bool> present;    // false: left out, the column's default applies
};

struct TableRows {
    const Table *table = nullptr;
    std::vector<Row> rows;
    QHash<qint64, qsizetype> indexByRowid; // filled while inserting, to name a row that breaks a reference
};

class Importer {
public:
    Importer(CaseStore &store, const QString &sourceName)
        : m_store(store), m_db(store.database()), m_source(sourceName), m_tables(schemaTables(m_db))
    {
    }

    ExchangeSummary run(QIODevice &in)
    {
        requireEmpty();
        if (!in.isReadable())
            throw Error(ErrorKind::Io, Tr::tr("%1: cannot be read.").arg(m_source));
        readDocument(parse(in.readAll()));

        ExchangeSummary summary;
        QList<std::pair<QString, int>> counts;
        for (const TableRows &t : m_data) {
            counts.append({t.table->name, static_cast<int>(t.rows.size())});
            setCount(summary, t.table->name, static_cast<int>(t.rows.size()));
        }
        JsonObject::Ptr detail = orderedObject();
        detail->set("source", m_source.toStdString());
        detail->set("format", kFormatName);
        detail->set("version", kFormatVersion);
        detail->set("exported_at", m_exportedAt.toStdString());

        m_store.batch([&] {
            requireEmpty(); // again, inside the write lock
            // References are checked once every row is in (PRAGMA foreign_key_check below), so
            // that a row may point at one that comes later in the file, such as a later note.
            m_db.execScript("PRAGMA defer_foreign_keys = ON");
            for (TableRows &t : m_data)
                insert(t);
            checkReferences();
            checkAuditChain();
            m_store.recordEvent(u"import"_s, u"case_file"_s, eventDetail(detail, counts));
        });
        return summary;
    }

private:
    CaseStore &m_store;
    db::Database &m_db;
    QString m_source;
    QList<Table> m_tables;
    std::vector<TableRows> m_data;
    QString m_exportedAt;

    [[noreturn]] void fail(const QString &path, const QString &reason) const
    {
        const QString where = path.isEmpty() ? QString() : path + u": "_s;
        const QString source = m_source.isEmpty() ? QString() : m_source + u": "_s;
        throw Error(ErrorKind::Invalid, source + where + reason);
    }

    void requireEmpty()
    {
        QStringList held;
        for (const Table &t : m_tables) {
            // Settings are not records of the unit: a fresh case file may be created with some.
            if (t.name == u"settings")
                continue;
            const qint64 n = m_db.scalar("SELECT count(*) FROM " + quoted(t.name)).toLongLong();
            if (n > 0)
                held << u"%1: %2"_s.arg(t.name).arg(n);
        }
        if (!held.isEmpty())
            throw Error(ErrorKind::Refused,
                        Tr::tr("The case file is not empty (%1). A JSON export can only be imported into a new, "
                               "empty case file.")
                            .arg(held.join(u", "_s)));
    }

    static QString positionAt(const QByteArray &data, qsizetype offset)
    {
        offset = std::clamp<qsizetype>(offset, 0, data.size());
        const qsizetype lineStart = offset > 0 ? data.lastIndexOf('\n', offset - 1) + 1 : 0;
        const qsizetype line = data.left(offset).count('\n') + 1;
        const qsizetype column = QString::fromUtf8(data.mid(lineStart, offset - lineStart)).toUcs4().size() + 1;
        return Tr::tr("line %1, column %2").arg(line).arg(column);
    }

    // Poco's messages carry no position; Qt's reader tells where it stopped, at or just after the
    // offending character, and only that is taken from it.
    static QString syntaxErrorPosition(const QByteArray &data)
    {
        QJsonParseError error;
        QJsonDocument::fromJson(data, &error);
        if (error.error == QJsonParseError::NoError)
            return {};
        return positionAt(data, error.offset);
    }

    // Poco 1.11 turns a few integers just beyond 64 bits into others without a word (2^64 becomes
    // 0, -2^63 - 1 becomes -2^63): its overflow check misses the last digit. So every integer of
    // a document Poco has read is checked here too, and one beyond 64 bits refused like the rest.
    void refuseIntegersBeyond64Bits(const QByteArray &data) const
    {
        const char *d = data.constData();
        const qsizetype n = data.size();
        bool inString = false;
        for (qsizetype i = 0; i < n; ++i) {
            if (inString) {
                if (d[i] == '\\')
                    ++i;
                else if (d[i] == '"')
                    inString = false;
                continue;
            }
            if (d[i] == '"') {
                inString = true;
                continue;
            }
            if (d[i] != '-' && (d[i] < '0' || d[i] > '9'))
                continue;
            qsizetype end = i;
            bool integer = true;
            for (; end < n && ((d[end] >= '0' && d[end] <= '9') || d[end] == '-' || d[end] == '+' || d[end] == '.' ||
                               d[end] == 'e' || d[end] == 'E');
                 ++end)
                integer = integer && d[end] != '.' && d[end] != 'e' && d[end] != 'E';
            if (integer) {
                std::int64_t signedValue = 0;
                std::uint64_t unsignedValue = 0;
                const bool fits = d[i] == '-' ? std::from_chars(d + i, d + end, signedValue).ec == std::errc()
                                              : std::from_chars(d + i, d + end, unsignedValue).ec == std::errc();
                if (!fits)
                    fail(positionAt(data, i), Tr::tr("%1 is out of range: integers have at most 64 bits, with a sign")
                                                  .arg(QString::fromLatin1(data.mid(i, end - i))));
            }
            i = end - 1;
        }
    }

    Var parse(QByteArray data) const
    {
        if (data.startsWith("\xEF\xBB\xBF"))
            data.remove(0, 3); // a byte-order mark left by some editors
        if (data.trimmed().isEmpty())
            fail({}, Tr::tr("the file is empty, not a JSON export"));
        Poco::SharedPtr<DuplicateKeyHandler> handler = new DuplicateKeyHandler;
        Poco::JSON::Parser parser(handler);
        parser.setDepth(kMaxDepth);
        Var document;
        try {
            document = parser.parse(std::string(data.constData(), static_cast<std::size_t>(data.size())));
        } catch (const Poco::Exception &e) {
            const std::string why = e.message().empty() ? e.displayText() : e.message();
            fail(syntaxErrorPosition(data), Tr::tr("not valid JSON (%1)").arg(QString::fromStdString(why)));
        }
        refuseIntegersBeyond64Bits(data);
        if (!handler->duplicate().isEmpty())
            fail(handler->duplicate(), Tr::tr("given twice in the same object"));
        return document;
    }

    qint64 headerInteger(const JsonObject::Ptr &root, const char *key) const
    {
        const QString path = QString::fromLatin1(key);
        if (!root->has(key))
            fail(path, Tr::tr("missing"));
        const Var &v = root->get(key);
        const auto n = integerOf(v);
        if (!n)
            fail(path, Tr::tr("expected an integer, found %1").arg(describe(v)));
        return *n;
    }

    void readDocument(const Var &document)
    {
        if (document.type() != typeid(JsonObject::Ptr))
            fail({}, Tr::tr("expected a JSON object with \"format\": \"%1\", found %2")
                         .arg(QLatin1String(kFormatName), describe(document)));
        const JsonObject::Ptr root = document.extract<JsonObject::Ptr>();

        // The format and version first: a newer file must be refused for what it is, not for
        // whatever else it may do differently.
        if (!root->has("format"))
            fail(u"format"_s, Tr::tr("missing, so this is not a CaseBoard exchange file"));
        const Var &format = root->get("format");
        if (format.type() != typeid(std::string) || format.extract<std::string>() != kFormatName)
            fail(u"format"_s, Tr::tr("expected \"%1\", found %2: this is not a CaseBoard exchange file")
                                 .arg(QLatin1String(kFormatName), describe(format)));
        const qint64 version = headerInteger(root, "version");
        if (version > kFormatVersion)
            fail(u"version"_s, Tr::tr("this file was made by a newer CaseBoard (exchange format version %1; this "
                                      "CaseBoard reads version %2). Import it with a newer CaseBoard.")
                                   .arg(version)
                                   .arg(kFormatVersion));
        if (version < 1)
            fail(u"version"_s, Tr::tr("%1 is not a version of the exchange format").arg(version));
        const qint64 fileSchema = headerInteger(root, "schema_version");
        const int ourSchema = schema::currentVersion(m_db);
        if (fileSchema > ourSchema)
            fail(u"schema_version"_s, Tr::tr("this file was made by a newer CaseBoard (schema %1; this case file has "
                                             "schema %2). Import it with a newer CaseBoard.")
                                          .arg(fileSchema)
                                          .arg(ourSchema));
        if (fileSchema != ourSchema)
            fail(u"schema_version"_s,
                 Tr::tr("the file has schema %1, this case file schema %2: open the original case file with this "
                        "CaseBoard, which upgrades it, and export it again")
                     .arg(fileSchema)
                     .arg(ourSchema));

        static const QSet<QString> known = {u"format"_s, u"version"_s, u"schema_version"_s, u"exported_at"_s,
                                            u"tables"_s};
        for (const std::string &key : root->getNames())
            if (!known.contains(textOf(key)))
                fail(textOf(key), Tr::tr("unknown field"));

        if (!root->has("exported_at"))
            fail(u"exported_at"_s, Tr::tr("missing"));
        const Var &exportedAt = root->get("exported_at");
        if (exportedAt.type() != typeid(std::string) ||
            !QDateTime::fromString(textOf(exportedAt.extract<std::string>()), Qt::ISODate).isValid())
            fail(u"exported_at"_s, Tr::tr("expected an ISO 8601 date and time, found %1").arg(describe(exportedAt)));
        m_exportedAt = textOf(exportedAt.extract<std::string>());

        if (!root->has("tables"))
            fail(u"tables"_s, Tr::tr("missing"));
        const Var &tables = root->get("tables");
        if (tables.type() != typeid(JsonObject::Ptr))
            fail(u"tables"_s,
                 Tr::tr("expected an object with one array of rows per table, found %1").arg(describe(tables)));
        readTables(tables.extract<JsonObject::Ptr>());
    }

    void readTables(const JsonObject::Ptr &tables)
    {
        for (const std::string &key : tables->getNames()) {
            const QString name = textOf(key);
            if (std::none_of(m_tables.begin(), m_tables.end(), [&](const Table &t) { return t.name == name; }))
                fail(tablePath(name), Tr::tr("unknown table"));
        }
        for (const Table &t : m_tables) {
            const std::string key = t.name.toStdString();
            if (!tables->has(key))
                fail(tablePath(t.name), Tr::tr("missing (a table without rows is an empty array)"));
            const Var &rows = tables->get(key);
            if (rows.type() != typeid(JsonArray::Ptr))
                fail(tablePath(t.name), Tr::tr("expected an array of rows, found %1").arg(describe(rows)));
            m_data.push_back(readRows(t, rows.extract<JsonArray::Ptr>()));
        }
    }

    TableRows readRows(const Table &t, const JsonArray::Ptr &rows) const
    {
        TableRows out;
        out.table = &t;
        out.rows.reserve(rows->size());
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const auto index = static_cast<qsizetype>(i);
            const Var &item = rows->get(static_cast<unsigned int>(i));
            if (item.type() != typeid(JsonObject::Ptr))
                fail(rowPath(t.name, index), Tr::tr("expected an object (one row), found %1").arg(describe(item)));
            const JsonObject::Ptr object = item.extract<JsonObject::Ptr>();
            for (const std::string &key : object->getNames()) {
                const QString column = textOf(key);
                if (t.columnIndex(column) < 0)
                    fail(columnPath(t.name, index, column), Tr::tr("unknown column of table %1").arg(t.name));
            }
            Row row;
            for (const Column &c : t.columns) {
                const std::string key = c.name.toStdString();
                const bool present = object->has(key);
                if (!present && c.required())
                    fail(columnPath(t.name, index, c.name), Tr::tr("missing (required)"));
                row.present.push_back(present);
                row.values.push_back(present ? readValue(c, object->get(key), columnPath(t.name, index, c.name))
                                             : QVariant());
            }
            out.rows.push_back(std::move(row));
        }
        return out;
    }

    QVariant readValue(const Column &c, const Var &v, const QString &path) const
    {
        if (v.isEmpty()) {
            if (!c.nullable())
                fail(path, Tr::tr("must not be null"));
            return {};
        }
        const auto integer = integerOf(v);
        if (!integer && v.isInteger() && v.type() != typeid(bool) && c.type != ColumnType::Text)
            fail(path, Tr::tr("%1 is out of range: integers have at most 64 bits, with a sign")
                           .arg(QString::fromStdString(v.convert<std::string>())));
        switch (c.type) {
        case ColumnType::Integer:
            if (!integer)
                fail(path, Tr::tr("expected an integer, found %1").arg(describe(v)));
            return QVariant::fromValue<qlonglong>(*integer);
        case ColumnType::Real:
            if (integer)
                return static_cast<double>(*integer);
            if (!isReal(v))
                fail(path, Tr::tr("expected a number, found %1").arg(describe(v)));
            return v.convert<double>();
        case ColumnType::Text: {
            if (v.type() != typeid(std::string))
                fail(path, Tr::tr("expected a text, found %1").arg(describe(v)));
            const QString s = textOf(v.extract<std::string>());
            // Named by the schema's own convention; checked here so that the message can say why.
            if (c.name.endsWith(u"_date") && !isIsoDate(s))
                fail(path, Tr::tr("not a date (YYYY-MM-DD): \"%1\"").arg(s));
            if (c.name.endsWith(u"_time") && !isClockTime(s))
                fail(path, Tr::tr("not a time of day (HH:MM): \"%1\"").arg(s));
            return s;
        }
        case ColumnType::Any:
            if (integer)
                return QVariant::fromValue<qlonglong>(*integer);
            if (isReal(v))
                return v.convert<double>();
            if (v.type() == typeid(std::string))
                return textOf(v.extract<std::string>());
            fail(path, Tr::tr("expected an integer, a real number, a text or null, found %1").arg(describe(v)));
        }
        fail(path, Tr::tr("unsupported column type"));
    }

    void insert(TableRows &data)
    {
        const Table &t = *data.table;
        std::map<std::vector<bool>, db::Statement> statements; // one per set of columns given
        for (std::size_t i = 0; i < data.rows.size(); ++i) {
            const Row &row = data.rows[i];
            auto it = statements.find(row.present);
            if (it == statements.end()) {
                std::string columns, params;
                int n = 0;
                for (qsizetype c = 0; c < t.columns.size(); ++c) {
                    if (!row.present[static_cast<std::size_t>(c)])
                        continue;
                    columns += (n ? ", " : "") + quoted(t.columns[c].name);
                    params += (n ? ", ?" : "?") + std::to_string(n + 1);
                    ++n;
                }
                const std::string sql = "INSERT INTO " + quoted(t.name) +
                                        (n ? " (" + columns + ") VALUES (" + params + ")" : " DEFAULT VALUES");
                it = statements.emplace(row.present, m_db.prepare(sql)).first;
            }
            db::Statement &s = it->second;
            s.reset();
            int param = 0;
            for (std::size_t c = 0; c < row.values.size(); ++c)
                if (row.present[c])
                    s.bind(++param, row.values[c]);
            const auto index = static_cast<qsizetype>(i);
            try {
                s.run();
            } catch (const Error &e) {
                // Constraint failures come as Invalid; a busy or damaged file keeps its own kind.
                if (e.kind() != ErrorKind::Invalid)
                    throw;
                const QString column = constraintColumn(t, e.message());
                fail(column.isEmpty() ? rowPath(t.name, index) : columnPath(t.name, index, column),
                     Tr::tr("refused by the case file (%1)").arg(e.message()));
            }
            data.indexByRowid.insert(m_db.lastInsertRowId(), index);
        }
    }

    // Names the first broken reference in file order: the row, the column and the missing id.
    // The trail must arrive as an unbroken chain (AuditChain.h): a document whose trail was edited,
    // cut in the middle or reordered is refused, naming the first entry that does not link.
    void checkAuditChain()
    {
        const auto broken = audit::firstBrokenLink(m_db);
        if (!broken)
            return;
        const auto it = std::find_if(m_data.begin(), m_data.end(),
                                     [](const TableRows &r) { return r.table->name == u"audit"_s; });
        const qsizetype row = it != m_data.end() ? it->indexByRowid.value(broken->id, -1) : -1;
        fail(row >= 0 ? rowPath(u"audit"_s, row) : tablePath(u"audit"_s), broken->reason);
    }

    void checkReferences()
    {
        struct Broken {
            std::size_t table = 0; // index into m_data
            qsizetype row = -1;
            QString parent;
            qint64 constraint = 0; // the id of the foreign key in pragma_foreign_key_list
        };
        std::optional<Broken> first;
        db::Statement check = m_db.prepare("PRAGMA foreign_key_check");
        while (check.step()) {
            const QString table = check.text(0);
            const auto it = std::find_if(m_data.begin(), m_data.end(),
                                         [&](const TableRows &r) { return r.table->name == table; });
            Broken b;
            b.table = static_cast<std::size_t>(it - m_data.begin());
            if (it != m_data.end() && !check.isNull(1))
                b.row = it->indexByRowid.value(check.int64(1), -1);
            b.parent = check.text(2);
            b.constraint = check.int64(3);
            if (!first || std::pair(b.table, b.row) < std::pair(first->table, first->row))
                first = b;
        }
        if (!first)
            return;
        if (first->table == m_data.size() || first->row < 0)
            fail(tablePath(first->parent), Tr::tr("a row refers to a row of this table that is not in the file"));

        const TableRows &data = m_data[first->table];
        const Table &t = *data.table;
        db::Statement fk =
            m_db.prepare("SELECT \"from\", \"to\" FROM pragma_foreign_key_list(?1) WHERE id = ?2 ORDER BY seq");
        fk.bindAll(t.name, first->constraint);
        QString from, to;
        if (fk.step()) {
            from = fk.text(0);
            to = fk.isNull(1) ? QString() : fk.text(1);
        }
        if (to.isEmpty()) { // the parent's primary key
            const auto parent = std::find_if(m_tables.begin(), m_tables.end(),
                                             [&](const Table &p) { return p.name == first->parent; });
            to = parent != m_tables.end() ? parent->primaryKey.join(u", "_s) : QString();
        }
        const int column = t.columnIndex(from);
        if (column < 0)
            fail(rowPath(t.name, first->row), Tr::tr("refers to a row of %1 that is not in the file")
                                                 .arg(tablePath(first->parent)));
        const Row &row = data.rows[static_cast<std::size_t>(first->row)];
        const QVariant &value = row.values[static_cast<std::size_t>(column)];
        fail(columnPath(t.name, first->row, from),
             Tr::tr("there is no row with %1 %2 in %3").arg(to, value.toString(), tablePath(first->parent)));
    }
};

} // namespace

ExchangeSummary exportJson(CaseStore &store, QIODevice &out)
{
    // A plaintext copy of every case: command staff only (model/auth/Permissions.h).
    store.require(auth::Permission::ExportCaseFile);
    db::Database &db = store.database();
    ExchangeSummary summary;
    QList<std::pair<QString, int>> counts;
    JsonObject::Ptr root = orderedObject();
    {
        // One read transaction: every table from the same moment, however busy the file is.
        db::Transaction snapshot(db, db::Transaction::Mode::Deferred);
        const QList<Table> tables = schemaTables(db);
        root->set("format", kFormatName);
        root->set("version", kFormatVersion);
        root->set("schema_version", schema::currentVersion(db));
        root->set("exported_at", store.clock().nowUtc().toUTC().toString(Qt::ISODate).toStdString());
        JsonObject::Ptr all = orderedObject();
        for (const Table &t : tables) {
            const JsonArray::Ptr rows = readRows(db, t);
            const int n = static_cast<int>(rows->size());
            counts.append({t.name, n});
            setCount(summary, t.name, n);
            all->set(t.name.toStdString(), rows);
        }
        root->set("tables", all);
        snapshot.commit();
    }

    std::ostringstream text;
    root->stringify(text, 2);
    text << '\n';
    const std::string bytes = text.str();
    if (out.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()))
        throw Error(ErrorKind::Io, Tr::tr("Could not write the export: %1").arg(out.errorString()));

    // After the snapshot, so that an export never holds its own event.
    JsonObject::Ptr detail = orderedObject();
    detail->set("format", kFormatName);
    detail->set("version", kFormatVersion);
    store.recordEvent(u"export"_s, u"case_file"_s, eventDetail(detail, counts));
    return summary;
}

ExchangeSummary importJson(CaseStore &store, QIODevice &in, const QString &sourceName)
{
    store.require(auth::Permission::Import);
    return Importer(store, sourceName).run(in);
}

} // namespace cb::io
