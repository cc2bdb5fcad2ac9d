// The RAII wrapper over SQLCipher: typed binds, storage classes, statement hygiene, errors and
// transactions, against an in-memory database; and a guard that the process really runs on SQLCipher.

#include "model/storage/Database.h"
#include "model/storage/Error.h"

#include <QRegularExpression>
#include <QTest>

#include <cstdint>
#include <limits>
#include <optional>

using namespace cb;
using namespace cb::db;
using namespace Qt::StringLiterals;

namespace {

// Runs fn, which must throw cb::Error of the given kind (a test failure otherwise); returns the
// message for further checks.
template<typename Fn>
QString expectErrorAt(Fn &&fn, ErrorKind kind, const char *what, const char *file, int line)
{
    try {
        fn();
    } catch (const Error &e) {
        if (e.kind() != kind) {
            QTest::qFail(qPrintable(QStringLiteral("%1: error kind %2, expected %3 (%4)")
                                        .arg(QString::fromUtf8(what))
                                        .arg(int(e.kind()))
                                        .arg(int(kind))
                                        .arg(e.message())),
                         file, line);
        }
        return e.message();
    }
    QTest::qFail(qPrintable(QStringLiteral("%1: no cb::Error thrown").arg(QString::fromUtf8(what))), file, line);
    return {};
}
#define expectError(...) expectErrorAt(__VA_ARGS__, __FILE__, __LINE__)

// typeof() of the first column after binding with fn: the storage class SQLite received.
template<typename Fn>
QString storedTypeOf(Database &db, Fn &&bindFn)
{
    Statement s = db.prepare("SELECT typeof(?1)");
    bindFn(s);
    if (!s.step())
        return QStringLiteral("<no row>");
    return s.text(0);
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
    void openMemory();
    void bindNull();
    void bindBool();
    void bindInt();
    void bindInt64Limits_data();
    void bindInt64Limits();
    void bindDouble_data();
    void bindDouble();
    void bindText_data();
    void bindText();
    void bindNullVersusEmptyText();
    void bindBlob_data();
    void bindBlob();
    void bindVariant_data();
    void bindVariant();
    void bindVariantUnsupported();
    void bindOptional();
    void bindAll();
    void namedParameters();
    void resetAndRerun();
    void valueStorageClasses();
    void columnAccessors();
    void tableRoundTrip();
    void scalarNoRow();
    void invalidSql();
    void oneStatementOnly_data();
    void oneStatementOnly();
    void emptySql();
    void constraintViolation();
    void closedDatabase();
    void bindIndexOutOfRange_data();
    void bindIndexOutOfRange();
    void stepErrorReleasesStatement();
    void transactionRollsBackOnDestruction();
    void transactionCommit();
    void transactionDeferred();
    void transactionAfterFailedCommitStatement();
    void moveKeepsConnection();
    void linkedToSqlCipher();
    void textKeepsALeadingByteOrderMark();
    void sha256Function_data();
    void sha256Function();
};

void TestDatabase::openMemory()
{
    Database closed;
    QVERIFY(!closed.isOpen());
    QVERIFY(!closed.inTransaction());
    QCOMPARE(closed.path(), QString());

    Database db = Database::openMemory();
    QVERIFY(db.isOpen());
    QVERIFY(!db.inTransaction());
    QCOMPARE(db.scalar("SELECT 6 * 7").toLongLong(), 42);
    db.close();
    QVERIFY(!db.isOpen());
}

void TestDatabase::bindNull()
{
    Database db = Database::openMemory();
    QCOMPARE(storedTypeOf(db, [](Statement &s) { s.bindNull(1); }), u"null"_s);
    QCOMPARE(storedTypeOf(db, [](Statement &s) { s.bind(1, nullptr); }), u"null"_s);

    Statement s = db.prepare("SELECT ?1 IS NULL, ?1");
    s.bindNull(1);
    QVERIFY(s.step());
    QCOMPARE(s.int64(0), 1);
    QVERIFY(s.isNull(1));
    QVERIFY(!s.value(1).isValid());
    QCOMPARE(s.optText(1), std::nullopt);
    QCOMPARE(s.optInt64(1), std::nullopt);
}

void TestDatabase::bindBool()
{
    Database db = Database::openMemory();
    // A bool is stored as the integer 0 or 1 (the schema's CHECK (x IN (0, 1)) relies on it).
    Statement s = db.prepare("SELECT typeof(?1), ?1, typeof(?2), ?2");
    s.bind(1, true).bind(2, false);
    QVERIFY(s.step());
    QCOMPARE(s.text(0), u"integer"_s);
    QCOMPARE(s.int64(1), 1);
    QCOMPARE(s.text(2), u"integer"_s);
    QCOMPARE(s.int64(3), 0);
}

void TestDatabase::bindInt()
{
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT typeof(?1), ?1, ?2, ?3, ?1 + ?2");
    s.bind(1, 12345).bind(2, -7).bind(3, std::numeric_limits<int>::min());
    QVERIFY(s.step());
    QCOMPARE(s.text(0), u"integer"_s);
    QCOMPARE(s.integer(1), 12345);
    QCOMPARE(s.integer(2), -7);
    QCOMPARE(s.integer(3), std::numeric_limits<int>::min());
    QCOMPARE(s.int64(4), 12338);
}

void TestDatabase::bindInt64Limits_data()
{
    QTest::addColumn<qint64>("value");
    QTest::newRow("max") << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << std::numeric_limits<qint64>::min();
    QTest::newRow("2^31") << qint64(2147483648LL);
    QTest::newRow("-(2^31)-1") << qint64(-2147483649LL);
    QTest::newRow("2^53+1 (not exact as a double)") << qint64(9007199254740993LL);
    QTest::newRow("zero") << qint64(0);
}

void TestDatabase::bindInt64Limits()
{
    QFETCH(qint64, value);
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT typeof(?1), ?1, CAST(?1 AS TEXT)");
    s.bind(1, std::int64_t(value));
    QVERIFY(s.step());
    QCOMPARE(s.text(0), u"integer"_s);
    QCOMPARE(s.int64(1), value);
    QCOMPARE(s.optInt64(1), std::optional<std::int64_t>(value));
    // SQLite's own decimal rendering, so that a double round trip could not pass unnoticed.
    QCOMPARE(s.text(2), QString::number(value));
    const QVariant v = s.value(1);
    QCOMPARE(v.typeId(), int(QMetaType::LongLong));
    QCOMPARE(v.toLongLong(), value);
}

void TestDatabase::bindDouble_data()
{
    QTest::addColumn<double>("value");
    QTest::newRow("0.1") << 0.1;
    QTest::newRow("-2.5") << -2.5;
    QTest::newRow("1e308") << 1e308;
    QTest::newRow("smallest denormal") << std::numeric_limits<double>::denorm_min();
    QTest::newRow("whole number") << 3.0;
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity();
}

void TestDatabase::bindDouble()
{
    QFETCH(double, value);
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT typeof(?1), ?1");
    s.bind(1, value);
    QVERIFY(s.step());
    // A whole-valued double stays a real: it is not silently turned into an integer.
    QCOMPARE(s.text(0), u"real"_s);
    QCOMPARE(s.real(1), value); // bit-exact: SQLite keeps the IEEE double
    const QVariant v = s.value(1);
    QCOMPARE(v.typeId(), int(QMetaType::Double));
    QCOMPARE(v.toDouble(), value);
}

void TestDatabase::bindText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("codePoints"); // counted by hand
    QTest::addColumn<int>("utf8Bytes");  // counted by hand
    QTest::newRow("ascii") << u"plain text"_s << 10 << 10;
    QTest::newRow("empty") << u""_s << 0 << 0;
    // é as one code point (2 bytes) and ñ as n + combining tilde (1 + 2 bytes): NFC is not applied.
    QTest::newRow("accents") << u"caf\u00e9 an\u0303o"_s << 9 << 11;
    // CJK: 3 bytes each.
    QTest::newRow("cjk") << u"\u6BBA\u4EBA"_s << 2 << 6;
    // A non-BMP code point (a surrogate pair in UTF-16, 4 bytes in UTF-8).
    QTest::newRow("emoji") << u"\U0001F50D x"_s << 3 << 6;
    // Right-to-left text and a quote that would break spliced SQL.
    QTest::newRow("rtl and quotes") << u"\u05E9\u05DC\u05D5\u05DD 'O''Brien'; --"_s << 19 << 23;
}

void TestDatabase::bindText()
{
    QFETCH(QString, text);
    QFETCH(int, codePoints);
    QFETCH(int, utf8Bytes);
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT typeof(?1), ?1, length(?1), length(CAST(?1 AS BLOB))");
    s.bind(1, text);
    QVERIFY(s.step());
    QCOMPARE(s.text(0), u"text"_s);
    QCOMPARE(s.text(1), text);
    QCOMPARE(s.optText(1), std::optional<QString>(text));
    QCOMPARE(s.integer(2), codePoints);
    QCOMPARE(s.integer(3), utf8Bytes);
    const QVariant v = s.value(1);
    QCOMPARE(v.typeId(), int(QMetaType::QString));
    QCOMPARE(v.toString(), text);
}

void TestDatabase::bindNullVersusEmptyText()
{
    // The wrapper's contract: a QString always binds text, even a null one, so that a
    // default-constructed field cannot break a NOT NULL column; NULL is said explicitly.
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT typeof(?1), typeof(?2), ?2, typeof(?3), typeof(?4), typeof(?5)");
    s.bind(1, QString()).bind(2, u""_s).bind(3, QVariant(QString())).bind(4, std::optional<QString>()).bindNull(5);
    QVERIFY(s.step());
    QCOMPARE(s.text(0), u"text"_s);
    QCOMPARE(s.text(1), u"text"_s);
    QVERIFY(s.text(2).isEmpty());
    QCOMPARE(s.text(3), u"text"_s);
    QCOMPARE(s.text(4), u"null"_s);
    QCOMPARE(s.text(5), u"null"_s);

    // Read back, '' is an empty string and NULL a null one.
    Statement r = db.prepare("SELECT '', NULL");
    QVERIFY(r.step());
    QVERIFY(!r.text(0).isNull());
    QVERIFY(r.text(0).isEmpty());
    QVERIFY(r.text(1).isNull());
    QCOMPARE(r.optText(0), std::optional<QString>(QString()));
    QCOMPARE(r.optText(1), std::nullopt);

    // Against a NOT NULL column, as CaseStore's defaults meet it.
    db.execScript("CREATE TABLE t (s TEXT NOT NULL) STRICT");
    Statement ins = db.prepare("INSERT INTO t VALUES (?1)");
    ins.bind(1, QString());
    ins.run();
    QCOMPARE(db.scalar("SELECT count(*) FROM t WHERE s = ''").toLongLong(), 1);
}

void TestDatabase::bindBlob_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("zero bytes inside") << QByteArray("a\0b\0\0c", 6);
    QTest::newRow("all zero") << QByteArray(16, '\0');
    QTest::newRow("high bytes") << QByteArray("\xff\xfe\x80\x00\x7f", 5);
    QTest::newRow("invalid utf-8 stays bytes") << QByteArray("\xc3\x28\xa0\xa1", 4);
}

void TestDatabase::bindBlob()
{
    QFETCH(QByteArray, bytes);
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT typeof(?1), ?1, length(?1), hex(?1)");
    s.bindBlob(1, bytes);
    QVERIFY(s.step());
    QCOMPARE(s.text(0), u"blob"_s);
    QCOMPARE(s.blob(1), bytes);
    QCOMPARE(s.integer(2), int(bytes.size()));
    QCOMPARE(s.text(3), QString::fromLatin1(bytes.toHex().toUpper()));
    const QVariant v = s.value(1);
    QCOMPARE(v.typeId(), int(QMetaType::QByteArray));
    QCOMPARE(v.toByteArray(), bytes);
}

void TestDatabase::bindVariant_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("storageClass");
    QTest::addColumn<QString>("asText"); // CAST(? AS TEXT), or empty for NULL and blobs

    QTest::newRow("invalid") << QVariant() << u"null"_s << QString();
    QTest::newRow("null int") << QVariant(QMetaType::fromType<int>()) << u"null"_s << QString();
    QTest::newRow("null string") << QVariant(QMetaType::fromType<QString>()) << u"null"_s << QString();
    QTest::newRow("bool true") << QVariant(true) << u"integer"_s << u"1"_s;
    QTest::newRow("bool false") << QVariant(false) << u"integer"_s << u"0"_s;
    QTest::newRow("int") << QVariant(int(-42)) << u"integer"_s << u"-42"_s;
    QTest::newRow("uint max") << QVariant(std::numeric_limits<uint>::max()) << u"integer"_s << u"4294967295"_s;
    QTest::newRow("long long max") << QVariant(std::numeric_limits<qlonglong>::max()) << u"integer"_s
                                   << u"9223372036854775807"_s;
    QTest::newRow("long") << QVariant::fromValue(long(-5)) << u"integer"_s << u"-5"_s;
    QTest::newRow("short") << QVariant::fromValue(short(300)) << u"integer"_s << u"300"_s;
    QTest::newRow("double") << QVariant(2.5) << u"real"_s << u"2.5"_s;
    QTest::newRow("float") << QVariant(0.5f) << u"real"_s << u"0.5"_s;
    QTest::newRow("string") << QVariant(u"Zo\u00eb"_s) << u"text"_s << u"Zo\u00eb"_s;
    QTest::newRow("empty string") << QVariant(u""_s) << u"text"_s << u""_s;
    QTest::newRow("bytes") << QVariant(QByteArray("\0\1", 2)) << u"blob"_s << QString();
}

void TestDatabase::bindVariant()
{
    QFETCH(QVariant, value);
    QFETCH(QString, storageClass);
    QFETCH(QString, asText);
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT typeof(?1), CAST(?1 AS TEXT), ?1");
    s.bind(1, value);
    QVERIFY(s.step());
    QCOMPARE(s.text(0), storageClass);
    if (storageClass == u"null"_s) {
        QVERIFY(s.isNull(2));
    } else if (storageClass == u"blob"_s) {
        QCOMPARE(s.blob(2), value.toByteArray());
    } else {
        QCOMPARE(s.text(1), asText);
    }
}

void TestDatabase::bindVariantUnsupported()
{
    // A date has no single storage: the caller must say (ISO text), so binding one is refused.
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT ?1");
    const QString message = expectError([&] { s.bind(1, QVariant(QDate(2024, 1, 2))); }, ErrorKind::Database,
                                        "bind a QDate");
    QVERIFY2(message.contains(u"QDate"_s), qPrintable(message));
}

void TestDatabase::bindOptional()
{
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT typeof(?1), ?1, typeof(?2), typeof(?3), ?3, typeof(?4)");
    s.bind(1, std::optional<std::int64_t>(77))
        .bind(2, std::optional<std::int64_t>())
        .bind(3, std::optional<QString>(u"x"_s))
        .bind(4, std::optional<QString>());
    QVERIFY(s.step());
    QCOMPARE(s.text(0), u"integer"_s);
    QCOMPARE(s.int64(1), 77);
    QCOMPARE(s.text(2), u"null"_s);
    QCOMPARE(s.text(3), u"text"_s);
    QCOMPARE(s.text(4), u"x"_s);
    QCOMPARE(s.text(5), u"null"_s);

    s.reset();
    s.bind(1, std::optional<double>(1.5)).bind(2, std::optional<bool>(true));
    QVERIFY(s.step());
    QCOMPARE(s.text(0), u"real"_s);
    QCOMPARE(s.real(1), 1.5);
    QCOMPARE(s.text(2), u"integer"_s);
}

void TestDatabase::bindAll()
{
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT ?1, ?2, ?3, ?4, typeof(?5), ?6");
    QCOMPARE(s.parameterCount(), 6);
    s.bindAll(std::int64_t(1), u"two"_s, 3.5, true, nullptr, std::optional<int>(6));
    QVERIFY(s.step());
    QCOMPARE(s.int64(0), 1);
    QCOMPARE(s.text(1), u"two"_s);
    QCOMPARE(s.real(2), 3.5);
    QCOMPARE(s.int64(3), 1);
    QCOMPARE(s.text(4), u"null"_s);
    QCOMPARE(s.int64(5), 6);
    QVERIFY(!s.step());
}

void TestDatabase::namedParameters()
{
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT :a || :b");
    QCOMPARE(s.parameterCount(), 2);
    QCOMPARE(s.parameterIndex(":a"), 1);
    QCOMPARE(s.parameterIndex(":b"), 2);
    QCOMPARE(s.parameterIndex(":missing"), 0);
    s.bind(s.parameterIndex(":b"), u"B"_s).bind(s.parameterIndex(":a"), u"A"_s);
    QVERIFY(s.step());
    QCOMPARE(s.text(0), u"AB"_s);
}

void TestDatabase::resetAndRerun()
{
    Database db = Database::openMemory();
    db.execScript("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT) STRICT");
    Statement ins = db.prepare("INSERT INTO t (v) VALUES (?1)");
    const QStringList values = {u"a"_s, u"b"_s, u"c"_s};
    for (const QString &v : values) {
        ins.reset();
        ins.bind(1, v);
        ins.run();
        QCOMPARE(db.changes(), 1);
    }
    QCOMPARE(db.lastInsertRowId(), 3);

    // reset() clears the binds: a rerun without binding inserts NULL.
    ins.reset();
    ins.run();
    QCOMPARE(db.scalar("SELECT count(*) FROM t WHERE v IS NULL").toLongLong(), 1);

    // A query stepped half-way and reset starts over from its first row.
    Statement q = db.prepare("SELECT v FROM t WHERE v IS NOT NULL ORDER BY id");
    QVERIFY(q.step());
    QCOMPARE(q.text(0), u"a"_s);
    QVERIFY(q.step());
    QCOMPARE(q.text(0), u"b"_s);
    q.reset();
    QStringList all;
    while (q.step())
        all << q.text(0);
    QCOMPARE(all, values);
}

void TestDatabase::valueStorageClasses()
{
    Database db = Database::openMemory();
    db.execScript("CREATE TABLE t (a ANY) STRICT;"
                  "INSERT INTO t VALUES (NULL), (7), (7.25), ('seven'), (x'00ff');");
    Statement s = db.prepare("SELECT a FROM t ORDER BY rowid");
    QVERIFY(s.step());
    QVERIFY(!s.value(0).isValid());
    QVERIFY(s.step());
    QCOMPARE(s.value(0).typeId(), int(QMetaType::LongLong));
    QCOMPARE(s.value(0).toLongLong(), 7);
    QVERIFY(s.step());
    QCOMPARE(s.value(0).typeId(), int(QMetaType::Double));
    QCOMPARE(s.value(0).toDouble(), 7.25);
    QVERIFY(s.step());
    QCOMPARE(s.value(0).typeId(), int(QMetaType::QString));
    QCOMPARE(s.value(0).toString(), u"seven"_s);
    QVERIFY(s.step());
    QCOMPARE(s.value(0).typeId(), int(QMetaType::QByteArray));
    QCOMPARE(s.value(0).toByteArray(), QByteArray("\x00\xff", 2));
    QVERIFY(!s.step());
}

void TestDatabase::columnAccessors()
{
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT 1 AS one, 'x' AS \"the letter\", NULL AS absent");
    QCOMPARE(s.columnCount(), 3);
    QCOMPARE(s.columnName(0), u"one"_s);
    QCOMPARE(s.columnName(1), u"the letter"_s);
    QCOMPARE(s.columnName(2), u"absent"_s);
    QVERIFY(s.step());
    QVERIFY(!s.isNull(0));
    QVERIFY(s.isNull(2));
    QVERIFY(s.text(2).isNull());
    QVERIFY(s.blob(2).isNull());
    QCOMPARE(s.int64(2), 0);
}

void TestDatabase::tableRoundTrip()
{
    // The typed binds against STRICT columns, as the schema uses them.
    Database db = Database::openMemory();
    db.execScript("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB) STRICT");
    Statement ins = db.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)");
    ins.bindAll(std::numeric_limits<std::int64_t>::min(), 0.1, u"\u00e9t\u00e9"_s, nullptr);
    ins.bindBlob(4, QByteArray("\0\0\1", 3));
    ins.run();
    Statement s = db.prepare("SELECT i, r, s, b FROM t");
    QVERIFY(s.step());
    QCOMPARE(s.int64(0), std::numeric_limits<std::int64_t>::min());
    QCOMPARE(s.real(1), 0.1);
    QCOMPARE(s.text(2), u"\u00e9t\u00e9"_s);
    QCOMPARE(s.blob(3), QByteArray("\0\0\1", 3));

    // A STRICT column refuses a value of the wrong type: the binds must be the right ones.
    Statement bad = db.prepare("INSERT INTO t (i) VALUES (?1)");
    bad.bind(1, u"not a number"_s);
    expectError([&] { bad.run(); }, ErrorKind::Invalid, "text into a STRICT INTEGER column");
    QCOMPARE(db.scalar("SELECT count(*) FROM t").toLongLong(), 1);
}

void TestDatabase::scalarNoRow()
{
    Database db = Database::openMemory();
    db.execScript("CREATE TABLE t (x INTEGER)");
    const QVariant none = db.scalar("SELECT x FROM t");
    QVERIFY(!none.isValid());
    QVERIFY(none.isNull());
    // A row whose value is NULL reads the same way: scalar() cannot tell them apart by design.
    QVERIFY(!db.scalar("SELECT NULL").isValid());
    QCOMPARE(db.scalar("SELECT 'v'").toString(), u"v"_s);
}

void TestDatabase::invalidSql()
{
    Database db = Database::openMemory();
    const QString syntax = expectError([&] { db.prepare("SELEC 1"); }, ErrorKind::Database, "syntax error");
    // The message quotes the statement, so that the failing SQL can be found.
    QVERIFY2(syntax.contains(u"SELEC 1"_s), qPrintable(syntax));
    QVERIFY2(syntax.contains(u"syntax error"_s), qPrintable(syntax));

    const QString noTable =
        expectError([&] { db.prepare("SELECT * FROM no_such_table"); }, ErrorKind::Database, "missing table");
    QVERIFY2(noTable.contains(u"no_such_table"_s), qPrintable(noTable));

    expectError([&] { db.execScript("CREATE TABLE"); }, ErrorKind::Database, "bad script");
    expectError([&] { db.scalar("SELECT nope FROM"); }, ErrorKind::Database, "bad scalar");
    // The connection is still usable after the errors.
    QCOMPARE(db.scalar("SELECT 1").toLongLong(), 1);
}

void TestDatabase::oneStatementOnly_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("two statements") << QByteArray("SELECT 1; SELECT 2") << false;
    QTest::newRow("two without space") << QByteArray("SELECT 1;SELECT 2;") << false;
    QTest::newRow("second after comment") << QByteArray("SELECT 1; -- c\nDELETE FROM t") << false;
    QTest::newRow("second after blank statement") << QByteArray("SELECT 1;; SELECT 2") << false;
    QTest::newRow("garbage after") << QByteArray("SELECT 1; nonsense") << false;
    QTest::newRow("plain") << QByteArray("SELECT 1") << true;
    QTest::newRow("trailing semicolon") << QByteArray("SELECT 1;") << true;
    QTest::newRow("trailing whitespace") << QByteArray("SELECT 1;  \n\t ") << true;
    QTest::newRow("trailing line comment") << QByteArray("SELECT 1; -- the answer") << true;
    QTest::newRow("trailing block comment") << QByteArray("SELECT 1 /* the answer */") << true;
    QTest::newRow("comment then whitespace") << QByteArray("SELECT 1; /* a */ \n -- b\n  ") << true;
    QTest::newRow("extra semicolons") << QByteArray("SELECT 1;;") << true;
}

void TestDatabase::oneStatementOnly()
{
    QFETCH(QByteArray, sql);
    QFETCH(bool, accepted);
    Database db = Database::openMemory();
    db.execScript("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (5);");
    const std::string_view text(sql.constData(), std::size_t(sql.size()));
    if (accepted) {
        Statement s = db.prepare(text);
        QVERIFY(s.step());
        QCOMPARE(s.int64(0), 1);
    } else {
        const QString message = expectError([&] { db.prepare(text); }, ErrorKind::Database, sql.constData());
        QVERIFY2(!message.isEmpty(), "an empty error message");
        // Nothing of the refused text ran.
        QCOMPARE(db.scalar("SELECT count(*) FROM t").toLongLong(), 1);
    }
}

void TestDatabase::emptySql()
{
    Database db = Database::openMemory();
    expectError([&] { db.prepare(""); }, ErrorKind::Database, "empty");
    expectError([&] { db.prepare("  -- only a comment"); }, ErrorKind::Database, "comment only");
}

void TestDatabase::constraintViolation()
{
    Database db = Database::openMemory();
    db.execScript("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, n INTEGER CHECK (n > 0))");
    Statement ins = db.prepare("INSERT INTO t (code, n) VALUES (?1, ?2)");
    ins.bindAll(u"A"_s, 1);
    ins.run();

    ins.reset();
    ins.bindAll(u"A"_s, 2);
    const QString unique = expectError([&] { ins.run(); }, ErrorKind::Invalid, "unique");
    QVERIFY2(unique.contains(u"UNIQUE"_s) && unique.contains(u"t.code"_s), qPrintable(unique));

    ins.reset();
    ins.bindAll(u"B"_s, -1);
    const QString check = expectError([&] { ins.run(); }, ErrorKind::Invalid, "check");
    QVERIFY2(check.contains(u"CHECK"_s), qPrintable(check));

    ins.reset();
    ins.bindAll(nullptr, 3);
    const QString notNull = expectError([&] { ins.run(); }, ErrorKind::Invalid, "not null");
    QVERIFY2(notNull.contains(u"NOT NULL"_s), qPrintable(notNull));

    db.execScript("PRAGMA foreign_keys = ON; CREATE TABLE child (p INTEGER REFERENCES t(id))");
    expectError([&] { db.execScript("INSERT INTO child VALUES (99)"); }, ErrorKind::Invalid, "foreign key");

    db.execScript("CREATE TRIGGER t_no_delete BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'kept'); END");
    const QString trigger = expectError([&] { db.execScript("DELETE FROM t"); }, ErrorKind::Invalid, "trigger");
    QVERIFY2(trigger.contains(u"kept"_s), qPrintable(trigger));

    QCOMPARE(db.scalar("SELECT count(*) FROM t").toLongLong(), 1);
    // The statement can be used again after its error.
    ins.reset();
    ins.bindAll(u"C"_s, 3);
    ins.run();
    QCOMPARE(db.scalar("SELECT count(*) FROM t").toLongLong(), 2);
}

void TestDatabase::closedDatabase()
{
    // Every operation on a closed connection is a cb::Error, never a crash.
    Database db;
    expectError([&] { db.prepare("SELECT 1"); }, ErrorKind::Database, "prepare");
    expectError([&] { db.scalar("SELECT 1"); }, ErrorKind::Database, "scalar");
    expectError([&] { db.execScript("SELECT 1"); }, ErrorKind::Database, "execScript");
    expectError([&] { db.lastInsertRowId(); }, ErrorKind::Database, "lastInsertRowId");
    expectError([&] { db.changes(); }, ErrorKind::Database, "changes");
    expectError([&] { db.setBusyTimeout(10); }, ErrorKind::Database, "setBusyTimeout");
    expectError([&] { Transaction t(db); }, ErrorKind::Database, "Transaction");

    Database closedLater = Database::openMemory();
    closedLater.close();
    const QString message =
        expectError([&] { closedLater.prepare("SELECT 1"); }, ErrorKind::Database, "prepare after close");
    QVERIFY2(message.contains(u"not open"_s), qPrintable(message));

    // A default-constructed statement is likewise an error to use.
    Statement none;
    expectError([&] { none.bind(1, 1); }, ErrorKind::Database, "bind on an empty statement");
    expectError([&] { none.step(); }, ErrorKind::Database, "step on an empty statement");
}

void TestDatabase::bindIndexOutOfRange_data()
{
    QTest::addColumn<int>("index");
    QTest::newRow("zero") << 0;
    QTest::newRow("one past") << 3;
    QTest::newRow("negative") << -1;
}

void TestDatabase::bindIndexOutOfRange()
{
    QFETCH(int, index);
    Database db = Database::openMemory();
    Statement s = db.prepare("SELECT ?1, ?2");
    expectError([&] { s.bind(index, 1); }, ErrorKind::Invalid, "bind int");
    expectError([&] { s.bind(index, u"x"_s); }, ErrorKind::Invalid, "bind text");
    expectError([&] { s.bindBlob(index, QByteArray("b")); }, ErrorKind::Invalid, "bind blob");
    expectError([&] { s.bindNull(index); }, ErrorKind::Invalid, "bind null");
    expectError([&] { s.bind(index, QVariant(2.0)); }, ErrorKind::Invalid, "bind variant");
    // bindAll with more values than parameters fails on the first extra one.
    Statement one = db.prepare("SELECT ?1");
    expectError([&] { one.bindAll(1, 2); }, ErrorKind::Invalid, "bindAll with too many values");
}

void TestDatabase::stepErrorReleasesStatement()
{
    // A failed step leaves no statement running, so that a transaction can still be ended.
    Database db = Database::openMemory();
    db.execScript("CREATE TABLE t (x INTEGER UNIQUE)");
    {
        Transaction txn(db);
        db.execScript("INSERT INTO t VALUES (1)");
        Statement s = db.prepare("INSERT INTO t VALUES (1)");
        expectError([&] { s.run(); }, ErrorKind::Invalid, "duplicate");
        QVERIFY(db.inTransaction());
        txn.commit();
    }
    QVERIFY(!db.inTransaction());
    QCOMPARE(db.scalar("SELECT count(*) FROM t").toLongLong(), 1);
}

void TestDatabase::transactionRollsBackOnDestruction()
{
    Database db = Database::openMemory();
    db.execScript("CREATE TABLE t (x INTEGER)");
    {
        Transaction txn(db);
        QVERIFY(db.inTransaction());
        db.execScript("INSERT INTO t VALUES (1), (2)");
        QCOMPARE(db.scalar("SELECT count(*) FROM t").toLongLong(), 2);
    }
    QVERIFY(!db.inTransaction());
    QCOMPARE(db.scalar("SELECT count(*) FROM t").toLongLong(), 0);

    // Through an exception, as a failed action would leave it.
    try {
        Transaction txn(db);
        db.execScript("INSERT INTO t VALUES (3)");
        throw Error(ErrorKind::Refused, u"stop"_s);
    } catch (const Error &e) {
        QCOMPARE(e.kind(), ErrorKind::Refused);
    }
    QVERIFY(!db.inTransaction());
    QCOMPARE(db.scalar("SELECT count(*) FROM t").toLongLong(), 0);
}

void TestDatabase::transactionCommit()
{
    Database db = Database::openMemory();
    db.execScript("CREATE TABLE t (x INTEGER)");
    {
        Transaction txn(db);
        db.execScript("INSERT INTO t VALUES (1)");
        txn.commit();
        QVERIFY(!db.inTransaction());
    }
    QCOMPARE(db.scalar("SELECT count(*) FROM t").toLongLong(), 1);

    // A transaction cannot be opened inside another one.
    Transaction outer(db);
    expectError([&] { Transaction inner(db); }, ErrorKind::Database, "nested");
    QVERIFY(db.inTransaction());
}

void TestDatabase::transactionDeferred()
{
    Database db = Database::openMemory();
    db.execScript("CREATE TABLE t (x INTEGER)");
    {
        Transaction txn(db, Transaction::Mode::Deferred);
        QVERIFY(db.inTransaction());
        db.execScript("INSERT INTO t VALUES (1)");
    }
    QCOMPARE(db.scalar("SELECT count(*) FROM t").toLongLong(), 0);
}

void TestDatabase::transactionAfterFailedCommitStatement()
{
    // A deferred foreign key violation makes COMMIT fail; the guard still rolls back.
    Database db = Database::openMemory();
    db.execScript("PRAGMA foreign_keys = ON;"
                  "CREATE TABLE p (id INTEGER PRIMARY KEY);"
                  "CREATE TABLE c (p INTEGER REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED);");
    {
        Transaction txn(db);
        db.execScript("INSERT INTO c VALUES (42)");
        expectError([&] { txn.commit(); }, ErrorKind::Invalid, "deferred foreign key at commit");
        QVERIFY(db.inTransaction());
    }
    QVERIFY(!db.inTransaction());
    QCOMPARE(db.scalar("SELECT count(*) FROM c").toLongLong(), 0);
}

void TestDatabase::moveKeepsConnection()
{
    Database a = Database::openMemory();
    a.execScript("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (9);");
    Database b = std::move(a);
    QVERIFY(b.isOpen());
    QCOMPARE(b.scalar("SELECT x FROM t").toLongLong(), 9);
    Statement s = b.prepare("SELECT x FROM t");
    Statement moved = std::move(s);
    QVERIFY(moved.step());
    QCOMPARE(moved.int64(0), 9);
}

void TestDatabase::linkedToSqlCipher()
{
    const LibraryInfo info = libraryInfo();
    // "4.6.1 community": major 4, minor at least 5 (the first with the pragmas CaseFile relies on).
    static const QRegularExpression version(uR"(^(\d+)\.(\d+)\.(\d+))"_s);
    const auto m = version.match(info.cipherVersion);
    QVERIFY2(m.hasMatch(), qPrintable(u"cipher_version: '"_s + info.cipherVersion + u"'"_s));
    QVERIFY2(info.cipherVersion.startsWith(u"4."_s), qPrintable(info.cipherVersion));
    QCOMPARE(m.captured(1).toInt(), 4);
    QVERIFY2(m.captured(2).toInt() >= 5, qPrintable(info.cipherVersion));
    QVERIFY2(!info.cipherProvider.isEmpty(), "no cipher provider");
    QVERIFY2(!info.sqliteVersion.isEmpty(), "no SQLite version");
    // The shared object that sqlite3_open_v2 resolves into is SQLCipher's, not the system SQLite.
    QVERIFY2(info.libraryPath.contains(u"sqlcipher"_s, Qt::CaseInsensitive), qPrintable(info.libraryPath));
}

void TestDatabase::textKeepsALeadingByteOrderMark()
{
    db::Database db = db::Database::openMemory();
    db.execScript("CREATE TABLE t (x TEXT)");
    const QString text = QString(QChar(0xFEFF)) + u"x"_s;
    db.prepare("INSERT INTO t VALUES (?1)").bind(1, text).run();
    db::Statement s = db.prepare("SELECT x, length(x) FROM t");
    QVERIFY(s.step());
    QCOMPARE(s.text(0), text); // QString::fromUtf8 would drop the U+FEFF
    QCOMPARE(s.int64(1), 2);
}

void TestDatabase::sha256Function_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QVariant>("expected");
    // FIPS 180-2 test vectors ("abc", the empty string) and the same bytes as a blob.
    QTest::newRow("abc") << u"cb_sha256('abc')"_s
                         << QVariant(u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    QTest::newRow("blob") << u"cb_sha256(X'616263')"_s
                          << QVariant(u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    QTest::newRow("empty") << u"cb_sha256('')"_s
                           << QVariant(u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
    QTest::newRow("two blocks")
        << u"cb_sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')"_s
        << QVariant(u"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"_s);
    QTest::newRow("null") << u"cb_sha256(NULL)"_s << QVariant();
}

void TestDatabase::sha256Function()
{
    QFETCH(QString, expression);
    QFETCH(QVariant, expected);
    db::Database db = db::Database::openMemory();
    QVERIFY_THROWS_EXCEPTION(Error, db.scalar("SELECT cb_sha256('abc')")); // not there until added
    db.addSha256Function();
    const QVariant got = db.scalar(QString(u"SELECT "_s + expression).toStdString());
    QCOMPARE(got.isNull(), expected.isNull());
    if (!expected.isNull())
        QCOMPARE(got.toString(), expected.toString());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
