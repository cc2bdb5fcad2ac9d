// Importers of the public homicide files (model/io/Csv, model/io/PublicImport; docs/import.md).
// The fixtures in tests/data are written by hand with made-up names; every expected value below
// is read off those files by eye (line numbers count the header as line 1). The real files are
// used when CASEBOARD_REAL_DATA names their folder; there the expected counts are taken from the
// raw bytes by code that shares nothing with the importer.

#include "TestSupport.h"

#include "model/io/Csv.h"
#include "model/io/PublicImport.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace cb;
using namespace cb::io;
using namespace Qt::StringLiterals;

namespace {

QString dataPath(const QString &name)
{
    return QFINDTESTDATA(u"data/"_s + name);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

PublicImportOptions wapo(const QString &fileName, bool skipBad = false, const QString &city = {})
{
    PublicImportOptions o;
    o.format = PublicFormat::Wapo;
    o.fileName = fileName;
    o.skipBad = skipBad;
    o.city = city;
    return o;
}

PublicImportOptions chicago(const QString &fileName, bool skipBad = false)
{
    PublicImportOptions o;
    o.format = PublicFormat::ChicagoPortal;
    o.fileName = fileName;
    o.skipBad = skipBad;
    return o;
}

PublicImportReport importBytes(CaseStore &store, const QByteArray &bytes, const PublicImportOptions &options)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return importPublic(store, buffer, options);
}

PublicImportReport importFile(CaseStore &store, const QString &path, const PublicImportOptions &options)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return importPublic(store, f, options);
}

// Rows in every table of the case file, the audit trail included.
QMap<QString, qint64> tableCounts(db::Database &db)
{
    QMap<QString, qint64> out;
    QStringList names;
    db::Statement s = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (s.step())
        names << s.text(0);
    for (const QString &name : names)
        out.insert(name, db.scalar("SELECT count(*) FROM \"" + name.toStdString() + "\"").toLongLong());
    return out;
}

QMap<QString, qint64> statusCounts(db::Database &db)
{
    QMap<QString, qint64> out;
    db::Statement s = db.prepare("SELECT status, count(*) FROM cases GROUP BY status");
    while (s.step())
        out.insert(s.text(0), s.int64(1));
    return out;
}

QStringList victimRefs(db::Database &db, Id caseId)
{
    QStringList out;
    db::Statement s = db.prepare("SELECT source_ref FROM victims WHERE case_id = ?1 ORDER BY source_ref");
    s.bind(1, caseId);
    while (s.step())
        out << s.text(0);
    return out;
}

qint64 count(db::Database &db, const char *sql)
{
    return db.scalar(sql).toLongLong();
}

// (line, field) of each problem, in order.
QList<std::pair<qint64, QString>> places(const QList<RowProblem> &problems)
{
    QList<std::pair<qint64, QString>> out;
    for (const RowProblem &p : problems)
        out.append({p.line, p.field});
    return out;
}

void verifyAllOk(CaseFile &file)
{
    for (const CaseFile::Check &c : file.verify())
        QVERIFY2(c.ok, qPrintable(c.name + u": "_s + c.problems.join(u"; "_s)));
}

std::optional<double> opt(double v)
{
    return v;
}

bool sameCoordinate(const std::optional<double> &a, const std::optional<double> &b)
{
    return a.has_value() == b.has_value() && (!a || std::abs(*a - *b) < 1e-9);
}

// The lines of a file as the test reads them: split at LF, a CR before it dropped.
QList<QByteArray> rawLines(const QByteArray &bytes)
{
    QList<QByteArray> lines = bytes.split('\n');
    for (QByteArray &l : lines) {
        if (l.endsWith('\r'))
            l.chop(1);
    }
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// Fields of a line with no line break inside quotes: enough for the Chicago extract's rows.
QList<QByteArray> splitQuoted(const QByteArray &line)
{
    QList<QByteArray> out(1);
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                out.last() += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == ',' && !quoted) {
            out.append(QByteArray());
        } else {
            out.last() += c;
        }
    }
    return out;
}

using Records = QList<std::pair<qint64, QStringList>>;

} // namespace

class TestImport : public QObject {
    Q_OBJECT

private slots:
    // --- the CSV reader ----------------------------------------------------------------------

    void csvRecords_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<Records>("expected");
        QTest::newRow("crlf, no final newline")
            << QByteArray("a,b\r\nc,d") << Records{{1, {u"a"_s, u"b"_s}}, {2, {u"c"_s, u"d"_s}}};
        QTest::newRow("lf, final newline")
            << QByteArray("a,b\nc,d\n") << Records{{1, {u"a"_s, u"b"_s}}, {2, {u"c"_s, u"d"_s}}};
        QTest::newRow("lone cr") << QByteArray("a\rb\r") << Records{{1, {u"a"_s}}, {2, {u"b"_s}}};
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFid,x\n1,2")
                             << Records{{1, {u"id"_s, u"x"_s}}, {2, {u"1"_s, u"2"_s}}};
        QTest::newRow("empty lines skipped, still counted")
            << QByteArray("\n\na\r\n\r\nb") << Records{{3, {u"a"_s}}, {5, {u"b"_s}}};
        QTest::newRow("quoted comma and doubled quotes")
            << QByteArray("\"x, y\",\"say \"\"hi\"\"\",\"\"\"\"\n")
            << Records{{1, {u"x, y"_s, u"say \"hi\""_s, u"\""_s}}};
        QTest::newRow("line break inside quotes")
            << QByteArray("1,\"two\nlines\",3\r\n4,5,6")
            << Records{{1, {u"1"_s, u"two\nlines"_s, u"3"_s}}, {3, {u"4"_s, u"5"_s, u"6"_s}}};
        QTest::newRow("empty fields") << QByteArray(",\"\",\n") << Records{{1, {QString(), QString(), QString()}}};
        QTest::newRow("spaces kept") << QByteArray(" a , b ") << Records{{1, {u" a "_s, u" b "_s}}};
    }

    void csvRecords()
    {
        QFETCH(QByteArray, input);
        QFETCH(Records, expected);
        CsvReader reader(input);
        CsvRecord r;
        Records got;
        while (reader.next(r)) {
            QVERIFY2(!r.error, qPrintable(r.error ? r.error->reason : QString()));
            got.append({r.line, r.fields});
        }
        QCOMPARE(got, expected);
    }

    void csvSyntaxErrors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<Records>("after"); // the records read after the bad one
        QTest::newRow("quote inside unquoted field")
            << QByteArray("a,b\"c,d\nx,y") << 1 << u"a quote inside a field that is not quoted"_s
            << Records{{2, {u"x"_s, u"y"_s}}};
        QTest::newRow("text after closing quote")
            << QByteArray("\"ab\"c,d\r\nx") << 0 << u"text after the closing quote"_s << Records{{2, {u"x"_s}}};
        QTest::newRow("unclosed quote") << QByteArray("a,\"bc\nd,e\n") << 1
                                        << u"a quoted field is not closed before the end of the file"_s << Records{};
    }

    void csvSyntaxErrors()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, field);
        QFETCH(QString, reason);
        QFETCH(Records, after);
        CsvReader reader(input);
        CsvRecord r;
        QVERIFY(reader.next(r));
        QCOMPARE(r.line, 1);
        QVERIFY(r.error);
        QCOMPARE(r.error->field, field);
        QCOMPARE(r.error->reason, reason);
        Records got;
        while (reader.next(r))
            got.append({r.line, r.fields});
        QCOMPARE(got, after);
    }

    void decoding_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("recoded");
        QTest::newRow("ascii") << QByteArray("O'NEIL") << u"O'NEIL"_s << false;
        QTest::newRow("utf-8") << QByteArray("JOS\xC3\x89") << u"JOS\u00C9"_s << false;
        QTest::newRow("utf-8, 4 bytes") << QByteArray("\xF0\x9F\x98\x80") << u"\U0001F600"_s << false;
        // 0x90 is undefined in windows-1252: it stays U+0090, as in Latin-1 (the Post's file).
        QTest::newRow("0x90") << QByteArray("O\x90NEIL") << u"O\u0090NEIL"_s << true;
        QTest::newRow("0xD6") << QByteArray("JES\xD6S") << u"JES\u00D6S"_s << true;
        QTest::newRow("0xDB at the end") << QByteArray("TY\xDB") << u"TY\u00DB"_s << true;
        QTest::newRow("cp1252 euro and quote") << QByteArray("\x80\x92") << u"\u20AC\u2019"_s << true;
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << u"\u00C0\u00AF"_s << true;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << u"\u00ED\u00A0\u20AC"_s << true;
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << u"\u00F4\u0090\u20AC\u20AC"_s << true;
        QTest::newRow("truncated") << QByteArray("A\xC3") << u"A\u00C3"_s << true;
    }

    void decoding()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(bool, recoded);
        bool wasRecoded = !recoded;
        QCOMPARE(decodeCsvText(bytes, &wasRecoded), text);
        QCOMPARE(wasRecoded, recoded);
        QCOMPARE(isStrictUtf8(bytes), !recoded);
    }

    // Found by fuzzing (tests/fuzz): QString::fromUtf8 drops a byte order mark at the start of
    // its input, so a field that began with U+FEFF lost it. Only the file's own mark is skipped.
    void byteOrderMarkInsideAFieldIsKept()
    {
        bool recoded = true;
        QCOMPARE(decodeCsvText("\xEF\xBB\xBF" "ABC", &recoded), u"\uFEFFABC"_s);
        QVERIFY(!recoded);
        CsvReader reader("\xEF\xBB\xBF\xEF\xBB\xBFid,name\n1,\"\xEF\xBB\xBFNAME\"\n2,\xEF\xBB\xBF\n");
        CsvRecord r;
        Records got;
        while (reader.next(r)) {
            QVERIFY(!r.error);
            got.append({r.line, r.fields});
        }
        QCOMPARE(got, (Records{{1, {u"\uFEFFid"_s, u"name"_s}}, {2, {u"1"_s, u"\uFEFFNAME"_s}}, {3, {u"2"_s, u"\uFEFF"_s}}}));
    }

    // --- formats -------------------------------------------------------------------------------

    void formatKeys()
    {
        QCOMPARE(publicFormatFromKey(u"wapo"_s), PublicFormat::Wapo);
        QCOMPARE(publicFormatFromKey(u"chicago-portal"_s), PublicFormat::ChicagoPortal);
        QVERIFY(!publicFormatFromKey(u"chicago"_s));
        QVERIFY(!publicFormatFromKey(u"WAPO"_s));
        QCOMPARE(RowProblem({12, u"lat"_s, u"empty"_s}).text(), u"line 12: lat: empty"_s);
    }

    void fixturesAreByteExact()
    {
        // The fixtures' quirks are the point of them: a checkout that rewrote line endings or
        // re-encoded them would make the tests below pass for the wrong reason.
        const QByteArray wapoBytes = readAll(dataPath(u"wapo-sample.csv"_s));
        QVERIFY(!wapoBytes.isEmpty());
        QCOMPARE(wapoBytes.count("\r\n"), 13);
        QCOMPARE(wapoBytes.count('\n'), 13);
        QVERIFY(!wapoBytes.endsWith('\n'));
        QCOMPARE(wapoBytes.count('\x90'), 1);
        QVERIFY(wapoBytes.contains("JOS\xC3\x89"));
        const QByteArray chicagoBytes = readAll(dataPath(u"chicago-sample.csv"_s));
        QVERIFY(chicagoBytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(!chicagoBytes.contains('\r'));
        QCOMPARE(chicagoBytes.count('\n'), 8);
    }

    // --- Washington Post -------------------------------------------------------------------

    void wapoSample()
    {
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        const PublicImportReport r = importFile(*fx.store, dataPath(u"wapo-sample.csv"_s), wapo(u"wapo-sample.csv"_s));
        QCOMPARE(r.rows, 12);
        QCOMPARE(r.casesCreated, 12);
        QCOMPARE(r.casesUpdated, 0);
        QCOMPARE(r.victimsAdded, 12);
        QCOMPARE(r.unchanged, 0);
        QCOMPARE(r.skipped, 0);
        QCOMPARE(r.filteredOut, 0);
        QVERIFY(r.problems.isEmpty());
        // The one byte that is not UTF-8 (0x90 in O?DELL, line 6; line 7 is empty).
        QCOMPARE(places(r.warnings), (QList<std::pair<qint64, QString>>{{6, u"victim_last"_s}}));

        db::Database &db = fx.file->db();
        QCOMPARE(count(db, "SELECT count(*) FROM cases"), 12);
        QCOMPARE(count(db, "SELECT count(*) FROM victims"), 12);
        // Closed by arrest: Spr-1, Spr-5, Riv-4; without arrest: Spr-2, Riv-1, Riv-5; the rest open.
        QCOMPARE(statusCounts(db), (QMap<QString, qint64>{
                                       {u"cleared_arrest"_s, 3}, {u"cleared_exceptional"_s, 3}, {u"open"_s, 6}}));
        QCOMPARE(count(db, "SELECT count(*) FROM cases WHERE clearance_date IS NOT NULL "
                           "OR exceptional_code IS NOT NULL"),
                 0);
        QCOMPARE(count(db, "SELECT count(*) FROM cases WHERE source = 'wapo' AND source_ref = case_number"), 12);
        QCOMPARE(count(db, "SELECT count(*) FROM victims v JOIN cases c ON c.id = v.case_id "
                           "WHERE v.source_ref = c.case_number"),
                 12);
        QCOMPARE(count(db, "SELECT count(*) FROM cases WHERE weapon = 'unknown' AND circumstance = 'unknown'"), 12);
        QCOMPARE(count(db, "SELECT count(*) FROM audit WHERE action = 'import' AND actor = 'system:test'"), 1);
        verifyAllOk(*fx.file);
    }

    void wapoRows_data()
    {
        QTest::addColumn<QString>("uid");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("area");
        QTest::addColumn<CaseStatus>("status");
        QTest::addColumn<QString>("sourceStatus");
        QTest::addColumn<QString>("name");
        QTest::addColumn<std::optional<int>>("age");
        QTest::addColumn<Sex>("sex");
        QTest::addColumn<Race>("race");
        QTest::addColumn<std::optional<double>>("lat");
        QTest::addColumn<std::optional<double>>("lon");
        const QString spr = u"Springfield"_s, riv = u"Riverton"_s;
        const QString arrest = u"Closed by arrest"_s, without = u"Closed without arrest"_s, open = u"Open/No arrest"_s;
        const std::optional<int> noAge;
        const std::optional<double> none;
        QTest::newRow("arrest") << u"Spr-000001"_s << QDate(2015, 3, 1) << spr << CaseStatus::ClearedByArrest << arrest
                                << u"JONAH ALDER"_s << std::optional<int>(23) << Sex::Male << Race::Black << opt(39.78)
                                << opt(-89.65);
        QTest::newRow("without arrest, infant")
            << u"Spr-000002"_s << QDate(2015, 3, 15) << spr << CaseStatus::ClearedExceptionally << without
            << u"MAYA BIRCH"_s << std::optional<int>(0) << Sex::Female << Race::Hispanic << opt(39.79) << opt(-89.64);
        QTest::newRow("all unknown, no coordinates")
            << u"Spr-000003"_s << QDate(2015, 12, 31) << spr << CaseStatus::Open << open << QString() << noAge
            << Sex::Unknown << Race::Unknown << none << none;
        QTest::newRow("nickname, leap day, 130")
            << u"Spr-000004"_s << QDate(2016, 2, 29) << spr << CaseStatus::Open << open << u"DANTE \"SPARKS\" CEDAR"_s
            << std::optional<int>(130) << Sex::Male << Race::White << opt(39.8) << opt(-89.6);
        QTest::newRow("byte 0x90") << u"Spr-000005"_s << QDate(2016, 7, 4) << spr << CaseStatus::ClearedByArrest
                                   << arrest << u"RUBY O\u0090DELL"_s << std::optional<int>(101) << Sex::Female
                                   << Race::Asian << opt(39.81) << opt(-89.66);
        QTest::newRow("first name only, two spaces kept")
            << u"Spr-000006"_s << QDate(2017, 1, 1) << spr << CaseStatus::Open << open << u"LEON  JR."_s
            << std::optional<int>(45) << Sex::Unknown << Race::Other << opt(39.7) << opt(-89.7);
        QTest::newRow("utf-8 accent")
            << u"Riv-000001"_s << QDate(2014, 1, 10) << riv << CaseStatus::ClearedExceptionally << without
            << u"JOS\u00C9 ESPADIRA"_s << std::optional<int>(31) << Sex::Male << Race::Hispanic << opt(40.1)
            << opt(-88.2);
        QTest::newRow("comma in quotes") << u"Riv-000002"_s << QDate(2014, 1, 11) << riv << CaseStatus::Open << open
                                         << u"LENA, MARIE FARROWBY"_s << std::optional<int>(28) << Sex::Female
                                         << Race::Black << opt(40.15) << opt(-88.25);
        QTest::newRow("age unknown") << u"Riv-000003"_s << QDate(2014, 1, 12) << riv << CaseStatus::Open << open
                                     << u"OTTO GARNETTE"_s << noAge << Sex::Male << Race::Black << opt(40.2)
                                     << opt(-88.3);
        QTest::newRow("last row, no newline")
            << u"Riv-000006"_s << QDate(2013, 10, 3) << riv << CaseStatus::Open << open << u"\"DOC\" ISLEWORTH"_s
            << std::optional<int>(57) << Sex::Male << Race::Unknown << opt(40.05) << opt(-88.05);
    }

    void wapoRows()
    {
        QFETCH(QString, uid);
        QFETCH(QDate, date);
        QFETCH(QString, area);
        QFETCH(CaseStatus, status);
        QFETCH(QString, sourceStatus);
        QFETCH(QString, name);
        QFETCH(std::optional<int>, age);
        QFETCH(Sex, sex);
        QFETCH(Race, race);
        QFETCH(std::optional<double>, lat);
        QFETCH(std::optional<double>, lon);
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        importFile(*fx.store, dataPath(u"wapo-sample.csv"_s), wapo(u"wapo-sample.csv"_s));
        const auto c = fx.store->caseByNumber(uid);
        QVERIFY(c);
        QCOMPARE(c->incidentDate, date);
        QVERIFY(!c->incidentTime.isValid());
        QCOMPARE(c->area, area);
        QCOMPARE(c->status, status);
        QVERIFY(!c->clearanceDate.isValid());
        QVERIFY(!c->exceptionalCode);
        QCOMPARE(c->source, u"wapo"_s);
        QCOMPARE(c->sourceRef, uid);
        QCOMPARE(c->sourceStatus, sourceStatus);
        QVERIFY(sameCoordinate(c->latitude, lat));
        QVERIFY(sameCoordinate(c->longitude, lon));
        const QList<Victim> victims = fx.store->victims(c->id);
        QCOMPARE(victims.size(), 1);
        QCOMPARE(victims[0].name, name);
        QCOMPARE(victims[0].age, age);
        QCOMPARE(victims[0].sex, sex);
        QCOMPARE(victims[0].race, race);
        QCOMPARE(victimRefs(fx.file->db(), c->id), QStringList{uid});
        // The source's status, as the last event of the history, with no date and no code. (How
        // the store records the opening of an imported case is the store's business.)
        const QList<StatusChange> history = fx.store->statusHistory(c->id);
        QCOMPARE(history.isEmpty() ? CaseStatus::Open : history.last().status, status);
        if (status != CaseStatus::Open) {
            QVERIFY(!history.last().effectiveDate.isValid());
            QVERIFY(!history.last().exceptionalCode);
        }
    }

    void wapoBadRejectedWhole()
    {
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        test::addSampleCase(*fx.store);
        importFile(*fx.store, dataPath(u"chicago-sample.csv"_s), chicago(u"chicago-sample.csv"_s));
        const auto before = tableCounts(fx.file->db());
        QVERIFY(before.value(u"audit"_s) > 0);
        try {
            importFile(*fx.store, dataPath(u"wapo-bad.csv"_s), wapo(u"wapo-bad.csv"_s));
            QFAIL("a file with bad rows was imported");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Invalid);
            const QStringList lines = e.message().split(u'\n');
            // Bad: 3 (9-digit date), 4 (age 131), 5 (11 fields), 6 (disposition), 8 (30 February
            // and sex "M"), 9 (uid of line 2 again): 6 rows, 7 problems. Lines 2 and 7 are good.
            QCOMPARE(lines.value(0), u"wapo-bad.csv: 6 bad rows"_s);
            const QStringList expected = {
                u"line 3: reported_date: \"201511018\" is not a date in the form YYYYMMDD"_s,
                u"line 4: victim_age: \"131\" is not an age from 0 to 130 or Unknown"_s,
                u"line 5: row: expected 12 fields, found 11"_s,
                u"line 6: disposition: \"Closed by exception\" is not one of: Closed by arrest, "
                u"Closed without arrest, Open/No arrest"_s,
                u"line 8: reported_date: 20150230 is not a calendar date"_s,
                u"line 8: victim_sex: \"M\" is not one of: Male, Female, Unknown"_s,
                u"line 9: uid: Bad-000001 is also on line 2"_s,
            };
            QCOMPARE(lines.mid(1), expected);
        }
        QCOMPARE(tableCounts(fx.file->db()), before);
        QVERIFY(!fx.store->caseByNumber(u"Bad-000001"_s));
    }

    void wapoBadSkipped()
    {
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        const PublicImportReport r = importFile(*fx.store, dataPath(u"wapo-bad.csv"_s), wapo(u"wapo-bad.csv"_s, true));
        QCOMPARE(r.rows, 8);
        QCOMPARE(r.casesCreated, 2);
        QCOMPARE(r.victimsAdded, 2);
        QCOMPARE(r.skipped, 6);
        QCOMPARE(places(r.problems), (QList<std::pair<qint64, QString>>{{3, u"reported_date"_s},
                                                                          {4, u"victim_age"_s},
                                                                          {5, u"row"_s},
                                                                          {6, u"disposition"_s},
                                                                          {8, u"reported_date"_s},
                                                                          {8, u"victim_sex"_s},
                                                                          {9, u"uid"_s}}));
        QCOMPARE(fx.store->caseCount(), 2);
        const auto first = fx.store->caseByNumber(u"Bad-000001"_s);
        QVERIFY(first);
        QCOMPARE(fx.store->victims(first->id).value(0).name, u"JONAH ALDER"_s); // line 2, not line 9
        QVERIFY(fx.store->caseByNumber(u"Bad-000006"_s));
        verifyAllOk(*fx.file);
    }

    void wapoTwiceAddsNothing()
    {
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        importFile(*fx.store, dataPath(u"wapo-sample.csv"_s), wapo(u"wapo-sample.csv"_s));
        auto before = tableCounts(fx.file->db());
        const PublicImportReport r = importFile(*fx.store, dataPath(u"wapo-sample.csv"_s), wapo(u"wapo-sample.csv"_s));
        QCOMPARE(r.rows, 12);
        QCOMPARE(r.casesCreated, 0);
        QCOMPARE(r.casesUpdated, 0);
        QCOMPARE(r.victimsAdded, 0);
        QCOMPARE(r.unchanged, 12);
        // The second import is itself recorded, and changes nothing else.
        before[u"audit"_s] += 1;
        QCOMPARE(tableCounts(fx.file->db()), before);
        verifyAllOk(*fx.file);
    }

    void wapoCityFilter()
    {
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        const PublicImportReport r =
            importFile(*fx.store, dataPath(u"wapo-sample.csv"_s), wapo(u"wapo-sample.csv"_s, false, u"RIVERTON"_s));
        QCOMPARE(r.rows, 12);
        QCOMPARE(r.filteredOut, 6);
        QCOMPARE(r.casesCreated, 6);
        QVERIFY(r.warnings.isEmpty()); // the odd byte is in a Springfield row
        QCOMPARE(count(fx.file->db(), "SELECT count(*) FROM cases WHERE area = 'Riverton'"), 6);
        QCOMPARE(fx.store->caseCount(), 6);
        // Then the rest: the Riverton cases are there already.
        const PublicImportReport all =
            importFile(*fx.store, dataPath(u"wapo-sample.csv"_s), wapo(u"wapo-sample.csv"_s));
        QCOMPARE(all.casesCreated, 6);
        QCOMPARE(all.unchanged, 6);
    }

    void wapoUnknownCity()
    {
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        const auto before = tableCounts(fx.file->db());
        try {
            importFile(*fx.store, dataPath(u"wapo-sample.csv"_s), wapo(u"wapo-sample.csv"_s, true, u"Gotham"_s));
            QFAIL("an unknown city was accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Invalid);
            QCOMPARE(e.message(), u"wapo-sample.csv: no rows matched the city \"Gotham\"; the file's cities are: "
                                  u"Riverton, Springfield"_s);
        }
        QCOMPARE(tableCounts(fx.file->db()), before);
    }

    void wapoHeader_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("message");
        const QByteArray good = "uid,reported_date,victim_last,victim_first,victim_race,victim_age,victim_sex,city,"
                                "state,lat,lon,disposition";
        const QByteArray row = "\r\nX-1,20150101,A,B,Black,1,Male,C,IL,,,Open/No arrest";
        QTest::newRow("renamed") << QByteArray(good).replace("disposition", "status") + row
                                 << u"f.csv: line 1: not the Washington Post header: missing column \"disposition\"; "
                                    u"unexpected column \"status\""_s;
        QTest::newRow("missing") << QByteArray(good).replace(",state", "") + row
                                 << u"f.csv: line 1: not the Washington Post header: missing column \"state\""_s;
        QTest::newRow("reordered") << QByteArray(good).replace("lat,lon", "lon,lat") + row
                                   << u"f.csv: line 1: not the Washington Post header: the columns are not in the "
                                      u"expected order (uid,reported_date,victim_last,victim_first,victim_race,"
                                      u"victim_age,victim_sex,city,state,lat,lon,disposition)"_s;
        QTest::newRow("chicago file") << QByteArray("ID,Case Number") + row
                                      << u"f.csv: line 1: not the Washington Post header: missing column \"uid\", "
                                         u"\"reported_date\", \"victim_last\", \"victim_first\", \"victim_race\", "
                                         u"\"victim_age\", \"victim_sex\", \"city\", \"state\", \"lat\", \"lon\", "
                                         u"\"disposition\"; unexpected column \"ID\", \"Case Number\""_s;
        QTest::newRow("twice") << QByteArray(good + ",uid" + row)
                               << u"f.csv: line 1: not the Washington Post header: column \"uid\" appears twice"_s;
        QTest::newRow("only empty lines")
            << QByteArray("\r\n\r\n") << u"f.csv: the file is empty; expected the Washington Post header"_s;
    }

    void wapoHeader()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, message);
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        try {
            importBytes(*fx.store, file, wapo(u"f.csv"_s, true));
            QFAIL("a wrong header was accepted");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Invalid);
            QCOMPARE(e.message(), message);
        }
        QCOMPARE(fx.store->caseCount(), 0);
    }

    void wapoValues_data()
    {
        // One row, one field changed from a good row; the problem it must report.
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("problem");
        QTest::newRow("future date") << QByteArray("X-1,20240616,A,B,Black,1,Male,C,IL,,,Open/No arrest")
                                     << u"line 2: reported_date: 2024-06-16 is in the future"_s;
        QTest::newRow("date with dashes")
            << QByteArray("X-1,2015-01-01,A,B,Black,1,Male,C,IL,,,Open/No arrest")
            << u"line 2: reported_date: \"2015-01-01\" is not a date in the form YYYYMMDD"_s;
        QTest::newRow("empty uid") << QByteArray(",20150101,A,B,Black,1,Male,C,IL,,,Open/No arrest")
                                   << u"line 2: uid: empty"_s;
        QTest::newRow("race in capitals") << QByteArray("X-1,20150101,A,B,BLACK,1,Male,C,IL,,,Open/No arrest")
                                          << u"line 2: victim_race: \"BLACK\" is not one of: Black, Hispanic, White, "
                                             u"Asian, Other, Unknown"_s;
        QTest::newRow("empty age") << QByteArray("X-1,20150101,A,B,Black,,Male,C,IL,,,Open/No arrest")
                                   << u"line 2: victim_age: \"\" is not an age from 0 to 130 or Unknown"_s;
        QTest::newRow("negative age") << QByteArray("X-1,20150101,A,B,Black,-1,Male,C,IL,,,Open/No arrest")
                                      << u"line 2: victim_age: \"-1\" is not an age from 0 to 130 or Unknown"_s;
        QTest::newRow("latitude only") << QByteArray("X-1,20150101,A,B,Black,1,Male,C,IL,41.5,,Open/No arrest")
                                       << u"line 2: lon: empty, but lat is given"_s;
        QTest::newRow("latitude out of range") << QByteArray("X-1,20150101,A,B,Black,1,Male,C,IL,91,-87,Open/No arrest")
                                               << u"line 2: lat: \"91\" is not a coordinate from -90 to 90"_s;
        QTest::newRow("latitude with a plus sign")
            << QByteArray("X-1,20150101,A,B,Black,1,Male,C,IL,+41.5,-87,Open/No arrest")
            << u"line 2: lat: \"+41.5\" is not a coordinate from -90 to 90"_s;
        QTest::newRow("longitude in exponent form")
            << QByteArray("X-1,20150101,A,B,Black,1,Male,C,IL,41.5,-8.7e1,Open/No arrest")
            << u"line 2: lon: \"-8.7e1\" is not a coordinate from -180 to 180"_s;
        QTest::newRow("two points") << QByteArray("X-1,20150101,A,B,Black,1,Male,C,IL,41.5.1,-87,Open/No arrest")
                                    << u"line 2: lat: \"41.5.1\" is not a coordinate from -90 to 90"_s;
        QTest::newRow("empty city") << QByteArray("X-1,20150101,A,B,Black,1,Male,,IL,,,Open/No arrest")
                                    << u"line 2: city: empty"_s;
        QTest::newRow("stray quote") << QByteArray("X-1,20150101,A,B\"B,Black,1,Male,C,IL,,,Open/No arrest")
                                     << u"line 2: victim_first: a quote inside a field that is not quoted"_s;
        QTest::newRow("13 fields") << QByteArray("X-1,20150101,A,B,Black,1,Male,C,IL,,,Open/No arrest,")
                                   << u"line 2: row: expected 12 fields, found 13"_s;
    }

    void wapoValues()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        const QByteArray header = "uid,reported_date,victim_last,victim_first,victim_race,victim_age,victim_sex,city,"
                                  "state,lat,lon,disposition\n";
        const PublicImportReport r = importBytes(*fx.store, header + row, wapo(u"f.csv"_s, true));
        QCOMPARE(r.skipped, 1);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems[0].text(), problem);
        QCOMPARE(fx.store->caseCount(), 0);
    }

    void refusedCaseNumber()
    {
        // A case number that exists and was entered in CaseBoard is the store's to refuse: a bad
        // row like any other, found inside the write, which is then undone whole.
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        test::addSampleCase(*fx.store, u"Riv-000003"_s);
        const auto before = tableCounts(fx.file->db());
        try {
            importFile(*fx.store, dataPath(u"wapo-sample.csv"_s), wapo(u"wapo-sample.csv"_s));
            QFAIL("a case number of CaseBoard's own was taken over");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Invalid);
            QCOMPARE(e.message(), u"wapo-sample.csv: 1 bad row\nline 11: uid: case number: Riv-000003 exists and was "
                                  u"entered in CaseBoard"_s);
        }
        QCOMPARE(tableCounts(fx.file->db()), before);

        const PublicImportReport r =
            importFile(*fx.store, dataPath(u"wapo-sample.csv"_s), wapo(u"wapo-sample.csv"_s, true));
        QCOMPARE(r.casesCreated, 11);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(places(r.problems), (QList<std::pair<qint64, QString>>{{11, u"uid"_s}}));
        QCOMPARE(fx.store->caseByNumber(u"Riv-000003"_s)->source, QString());
        verifyAllOk(*fx.file);
    }

    // --- Chicago Data Portal -------------------------------------------------------------

    void chicagoSample()
    {
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        const PublicImportReport r =
            importFile(*fx.store, dataPath(u"chicago-sample.csv"_s), chicago(u"chicago-sample.csv"_s));
        QCOMPARE(r.rows, 7);
        QCOMPARE(r.casesCreated, 4);
        QCOMPARE(r.victimsAdded, 7);
        QCOMPARE(r.skipped, 0);
        QVERIFY(r.problems.isEmpty());
        QVERIFY(r.warnings.isEmpty());
        db::Database &db = fx.file->db();
        QCOMPARE(statusCounts(db), (QMap<QString, qint64>{{u"cleared_arrest"_s, 2}, {u"open"_s, 2}}));
        QCOMPARE(count(db, "SELECT count(*) FROM cases WHERE clearance_date IS NOT NULL"), 0);
        QCOMPARE(count(db, "SELECT count(*) FROM victims WHERE name = '' AND age IS NULL AND sex = 'unknown' "
                           "AND race = 'unknown'"),
                 7);
        verifyAllOk(*fx.file);
    }

    void chicagoCases_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("beat");
        QTest::addColumn<QString>("district");
        QTest::addColumn<QString>("ward");
        QTest::addColumn<QString>("communityArea");
        QTest::addColumn<bool>("domestic");
        QTest::addColumn<CaseStatus>("status");
        QTest::addColumn<QString>("sourceStatus");
        QTest::addColumn<std::optional<double>>("lat");
        QTest::addColumn<QStringList>("victims");
        const QString yes = u"portal Arrest flag: True"_s, no = u"portal Arrest flag: False"_s;
        // Three rows (lines 3, 5, 7): the earliest is 90002 on 03/04 at 11:50 PM, with its own
        // block; only the last, 90003, says Arrest True and Domestic True.
        QTest::newRow("three victims")
            << u"JX100001"_s << QDate(2021, 3, 4) << QTime(23, 50) << u"012XX S EXAMPLE AVE"_s << u"0712"_s << u"7"_s
            << u"16"_s << u"68"_s << true << CaseStatus::ClearedByArrest << yes << opt(41.771)
            << QStringList{u"90001"_s, u"90002"_s, u"90003"_s};
        QTest::newRow("noon, no ward, no coordinates")
            << u"JX100002"_s << QDate(2020, 12, 31) << QTime(12, 0) << u"040XX W SAMPLE RD"_s << u"1121"_s << u"11"_s
            << QString() << QString() << false << CaseStatus::Open << no << std::optional<double>()
            << QStringList{u"90004"_s};
        QTest::newRow("12:30 AM, portal spelling")
            << u"JX100003"_s << QDate(2021, 1, 1) << QTime(0, 30) << u"001XX N DEMO ST"_s << u"2533"_s << u"25"_s
            << u"37"_s << u"25"_s << false << CaseStatus::ClearedByArrest << yes << opt(41.9)
            << QStringList{u"90005"_s};
        QTest::newRow("two victims, no arrest")
            << u"JX100004"_s << QDate(2022, 7, 4) << QTime(21, 15) << u"076XX S FICTION DR"_s << u"0624"_s << u"6"_s
            << u"17"_s << u"44"_s << false << CaseStatus::Open << no << opt(41.75)
            << QStringList{u"90006"_s, u"90007"_s};
    }

    void chicagoCases()
    {
        QFETCH(QString, number);
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(QString, address);
        QFETCH(QString, beat);
        QFETCH(QString, district);
        QFETCH(QString, ward);
        QFETCH(QString, communityArea);
        QFETCH(bool, domestic);
        QFETCH(CaseStatus, status);
        QFETCH(QString, sourceStatus);
        QFETCH(std::optional<double>, lat);
        QFETCH(QStringList, victims);
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        importFile(*fx.store, dataPath(u"chicago-sample.csv"_s), chicago(u"chicago-sample.csv"_s));
        const auto c = fx.store->caseByNumber(number);
        QVERIFY(c);
        QCOMPARE(c->incidentDate, date);
        QCOMPARE(c->incidentTime, time);
        QCOMPARE(c->address, address);
        QCOMPARE(c->beat, beat);
        QCOMPARE(c->district, district);
        QCOMPARE(c->ward, ward);
        QCOMPARE(c->communityArea, communityArea);
        QCOMPARE(c->domestic, domestic);
        QCOMPARE(c->status, status);
        QVERIFY(!c->clearanceDate.isValid());
        QCOMPARE(c->source, u"chicago-portal"_s);
        QCOMPARE(c->sourceRef, number);
        QCOMPARE(c->sourceStatus, sourceStatus);
        QCOMPARE(c->weapon, Weapon::Unknown);
        QVERIFY(sameCoordinate(c->latitude, lat));
        QCOMPARE(c->longitude.has_value(), lat.has_value());
        QCOMPARE(victimRefs(fx.file->db(), c->id), victims);
    }

    void chicagoTwiceAndNewVictims()
    {
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        // First without the row of victim 90003 (line 7), as if the portal had not listed it yet.
        const QByteArray full = readAll(dataPath(u"chicago-sample.csv"_s));
        QList<QByteArray> lines = full.split('\n');
        QVERIFY(lines.value(6).startsWith("90003,"));
        lines.removeAt(6);
        const PublicImportReport first = importBytes(*fx.store, lines.join('\n'), chicago(u"partial.csv"_s));
        QCOMPARE(first.casesCreated, 4);
        QCOMPARE(first.victimsAdded, 6);

        const PublicImportReport second =
            importFile(*fx.store, dataPath(u"chicago-sample.csv"_s), chicago(u"chicago-sample.csv"_s));
        QCOMPARE(second.casesCreated, 0);
        QCOMPARE(second.casesUpdated, 1);
        QCOMPARE(second.victimsAdded, 1);
        QCOMPARE(second.unchanged, 3);
        const auto jx1 = fx.store->caseByNumber(u"JX100001"_s);
        QCOMPARE(victimRefs(fx.file->db(), jx1->id), (QStringList{u"90001"_s, u"90002"_s, u"90003"_s}));
        // The new row says Arrest True, but a case already there is not changed (docs/import.md).
        QCOMPARE(jx1->status, CaseStatus::Open);
        QCOMPARE(jx1->sourceStatus, u"portal Arrest flag: False"_s);
        QVERIFY(!jx1->domestic);

        auto before = tableCounts(fx.file->db());
        const PublicImportReport third =
            importFile(*fx.store, dataPath(u"chicago-sample.csv"_s), chicago(u"chicago-sample.csv"_s));
        QCOMPARE(third.casesCreated, 0);
        QCOMPARE(third.victimsAdded, 0);
        QCOMPARE(third.unchanged, 4);
        before[u"audit"_s] += 1;
        QCOMPARE(tableCounts(fx.file->db()), before);
        verifyAllOk(*fx.file);
    }

    void chicagoValues_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QStringList>("problems");
        const auto row = [](const char *date, const char *arrest, const char *district,
                            const char *id = "1") -> QByteArray {
            return QByteArray(id) + ",JX1," + date + ",001XX N DEMO ST,0110,HOMICIDE,FIRST DEGREE MURDER,STREET," +
                   arrest + ",False,0111," + district + ",1.0,1.0,01A,,,2021,07/06/2023 04:46:09 PM,,,";
        };
        const QString notDate = u"\" is not a date and time in the form MM/DD/YYYY hh:mm:ss AM"_s;
        QTest::newRow("24-hour time") << row("01/01/2021 13:30:00 PM", "True", "1.0")
                                      << QStringList{u"line 2: Date: \"01/01/2021 13:30:00 PM"_s + notDate};
        QTest::newRow("iso date") << row("2021-01-01 01:30:00", "True", "1.0")
                                  << QStringList{u"line 2: Date: \"2021-01-01 01:30:00"_s + notDate};
        QTest::newRow("31 April") << row("04/31/2021 01:30:00 AM", "True", "1.0")
                                  << QStringList{u"line 2: Date: \"04/31/2021 01:30:00 AM"_s + notDate};
        QTest::newRow("arrest Y") << row("01/01/2021 01:30:00 AM", "Y", "1.0")
                                  << QStringList{u"line 2: Arrest: \"Y\" is not True or False"_s};
        QTest::newRow("district 1.5") << row("01/01/2021 01:30:00 AM", "True", "1.5")
                                      << QStringList{u"line 2: District: \"1.5\" is not a whole number"_s};
        QTest::newRow("district 1.") << row("01/01/2021 01:30:00 AM", "True", "1.")
                                     << QStringList{u"line 2: District: \"1.\" is not a whole number"_s};
        QTest::newRow("two problems") << row("01/01/2021 01:30:00 AM", "yes", "x", "")
                                      << QStringList{u"line 2: ID: empty"_s,
                                                     u"line 2: Arrest: \"yes\" is not True or False"_s,
                                                     u"line 2: District: \"x\" is not a whole number"_s};
    }

    void chicagoValues()
    {
        QFETCH(QByteArray, row);
        QFETCH(QStringList, problems);
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        const QByteArray header = "ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,"
                                  "Arrest,Domestic,Beat,District,Ward,Community Area,FBI Code,X Coordinate,"
                                  "Y Coordinate,Year,Updated On,Latitude,Longitude,Location\n";
        const PublicImportReport r = importBytes(*fx.store, header + row, chicago(u"f.csv"_s, true));
        QStringList got;
        for (const RowProblem &p : r.problems)
            got << p.text();
        QCOMPARE(got, problems);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(fx.store->caseCount(), 0);
    }

    void chicagoBadRowOfACase()
    {
        // With skipBad, a case keeps its good rows: 90002 (the earliest row) is broken, so the
        // case dates from 90001, the next earliest, and takes its block; 90003 still says Arrest.
        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        QByteArray bytes = readAll(dataPath(u"chicago-sample.csv"_s));
        QVERIFY(bytes.contains("90002,JX100001,03/04/2021"));
        bytes.replace("90002,JX100001,03/04/2021", "90002,JX100001,13/04/2021");
        try {
            importBytes(*fx.store, bytes, chicago(u"c.csv"_s));
            QFAIL("a bad row was imported");
        } catch (const Error &e) {
            QCOMPARE(e.message(), u"c.csv: 1 bad row\nline 5: Date: \"13/04/2021 11:50:00 PM\" is not a date and time "
                                  u"in the form MM/DD/YYYY hh:mm:ss AM"_s);
        }
        QCOMPARE(fx.store->caseCount(), 0);
        const PublicImportReport r = importBytes(*fx.store, bytes, chicago(u"c.csv"_s, true));
        QCOMPARE(r.casesCreated, 4);
        QCOMPARE(r.victimsAdded, 6);
        QCOMPARE(r.skipped, 1);
        const auto c = fx.store->caseByNumber(u"JX100001"_s);
        QCOMPARE(c->incidentDate, QDate(2021, 3, 5));
        QCOMPARE(c->incidentTime, QTime(1, 20));
        QCOMPARE(c->status, CaseStatus::ClearedByArrest);
        QCOMPARE(c->address, u"013XX S EXAMPLE AVE"_s);
    }

    // --- the real files (CASEBOARD_REAL_DATA) --------------------------------------------

    void realWapo()
    {
        const QString folder = qEnvironmentVariable("CASEBOARD_REAL_DATA");
        if (folder.isEmpty())
            QSKIP("CASEBOARD_REAL_DATA is not set: set it to the folder of wapo-homicide-data.csv to run this test");
        const QString path = folder + u"/wapo-homicide-data.csv"_s;
        if (!QFile::exists(path))
            QSKIP(qPrintable(path + u" does not exist"_s));

        // What the raw bytes say, found without the importer.
        const QList<QByteArray> lines = rawLines(readAll(path));
        const qint64 dataLines = lines.size() - 1;
        QMap<QString, qint64> expectedStatus;
        QList<qint64> nineDigitLines;
        QSet<qint64> nonAsciiLines;
        const QRegularExpression nineDigits(u"^[^,]*,[0-9]{9},"_s);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &l = lines[i];
            const qint64 lineNo = i + 1;
            if (std::any_of(l.begin(), l.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
                nonAsciiLines.insert(lineNo);
            if (nineDigits.match(QString::fromLatin1(l)).hasMatch()) {
                nineDigitLines << lineNo;
                continue; // left out of the import below
            }
            if (l.endsWith(",Closed by arrest"))
                ++expectedStatus[u"cleared_arrest"_s];
            else if (l.endsWith(",Closed without arrest"))
                ++expectedStatus[u"cleared_exceptional"_s];
            else if (l.endsWith(",Open/No arrest"))
                ++expectedStatus[u"open"_s];
        }
        QCOMPARE(dataLines, 52179);
        QCOMPARE(nineDigitLines.size(), 2);
        QCOMPARE(nonAsciiLines.size(), 8);

        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        // All or nothing: the two 9-digit dates stop the whole file.
        try {
            importFile(*fx.store, path, wapo(u"wapo-homicide-data.csv"_s));
            QFAIL("the Post's file has two bad dates, yet it was imported");
        } catch (const Error &e) {
            const QStringList msg = e.message().split(u'\n');
            QCOMPARE(msg.size(), 3);
            QCOMPARE(msg[0], u"wapo-homicide-data.csv: 2 bad rows"_s);
            for (int k = 0; k < 2; ++k)
                QVERIFY2(msg[k + 1].startsWith(u"line %1: reported_date: "_s.arg(nineDigitLines[k])),
                         qPrintable(msg[k + 1]));
        }
        QCOMPARE(fx.store->caseCount(), 0);

        QElapsedTimer timer;
        timer.start();
        const PublicImportReport r = importFile(*fx.store, path, wapo(u"wapo-homicide-data.csv"_s, true));
        qInfo("whole Post file imported in %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(r.rows, dataLines);
        QCOMPARE(r.skipped, 2);
        QCOMPARE(places(r.problems), (QList<std::pair<qint64, QString>>{{nineDigitLines[0], u"reported_date"_s},
                                                                          {nineDigitLines[1], u"reported_date"_s}}));
        QCOMPARE(r.casesCreated, dataLines - 2);
        QCOMPARE(r.victimsAdded, dataLines - 2);
        db::Database &db = fx.file->db();
        QCOMPARE(count(db, "SELECT count(*) FROM victims"), dataLines - 2);
        QCOMPARE(statusCounts(db), expectedStatus);
        QSet<qint64> warned;
        for (const RowProblem &w : r.warnings)
            warned.insert(w.line);
        QCOMPARE(warned, nonAsciiLines);

        timer.restart();
        const PublicImportReport again = importFile(*fx.store, path, wapo(u"wapo-homicide-data.csv"_s, true));
        qInfo("imported again (nothing to add) in %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(again.casesCreated, 0);
        QCOMPARE(again.victimsAdded, 0);
        QCOMPARE(again.unchanged, dataLines - 2);
        QCOMPARE(count(db, "SELECT count(*) FROM victims"), dataLines - 2);
    }

    void realChicago()
    {
        const QString folder = qEnvironmentVariable("CASEBOARD_REAL_DATA");
        if (folder.isEmpty())
            QSKIP("CASEBOARD_REAL_DATA is not set: set it to the folder of the Chicago extract to run this test");
        const QString path = folder + u"/chicago-homicides-2001-2023-portal-extract.csv"_s;
        if (!QFile::exists(path))
            QSKIP(qPrintable(path + u" does not exist"_s));

        const QList<QByteArray> lines = rawLines(readAll(path));
        const qint64 dataLines = lines.size() - 1;
        QSet<QByteArray> caseNumbers, arrested;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> f = splitQuoted(lines[i]);
            QCOMPARE(f.size(), 22);
            caseNumbers.insert(f[1]);
            if (f[8] == "True")
                arrested.insert(f[1]);
        }
        QCOMPARE(dataLines, 12657);

        QTemporaryDir dir;
        test::Fixture fx(dir.path());
        QElapsedTimer timer;
        timer.start();
        const PublicImportReport r = importFile(*fx.store, path, chicago(u"chicago.csv"_s));
        qInfo("whole Chicago extract imported in %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(r.rows, dataLines);
        QVERIFY(r.problems.isEmpty());
        QCOMPARE(r.casesCreated, caseNumbers.size());
        QCOMPARE(r.victimsAdded, dataLines);
        db::Database &db = fx.file->db();
        QCOMPARE(count(db, "SELECT count(*) FROM cases"), caseNumbers.size());
        QCOMPARE(count(db, "SELECT count(*) FROM victims"), dataLines);
        QCOMPARE(count(db, "SELECT count(*) FROM cases WHERE status = 'cleared_arrest'"), arrested.size());
        verifyAllOk(*fx.file);
    }
};

int main(int argc, char *argv[])
{
    // The real-data tests import the whole Post file through the store, which takes minutes while
    // the case file runs with SQLCipher's memory security (docs/import.md, "Speed"): more than
    // QtTest's default five minutes per function on a busy machine. An explicit setting wins.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "1800000");
    QCoreApplication app(argc, argv);
    TestImport test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_import.moc"
