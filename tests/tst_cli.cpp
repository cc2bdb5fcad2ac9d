// caseboard-cli as scripts see it: the real binary, its exit statuses and its one-line errors.

#include "TestSupport.h"

#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cb;

namespace {

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
    QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
};

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cli;
    QString m_passFile;

    Result cli(const QStringList &args, const QString &envPassphrase = {}, const QByteArray &stdinData = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("CASEBOARD_PASSPHRASE"));
        if (!envPassphrase.isNull())
            env.insert(QStringLiteral("CASEBOARD_PASSPHRASE"), envPassphrase);
        env.insert(QStringLiteral("HOME"), m_dir.path()); // the default case file path stays inside the test
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path() + QStringLiteral("/xdg"));
        p.setProcessEnvironment(env);
        p.start(m_cli, args);
        if (!stdinData.isNull())
            p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000))
            qFatal("caseboard-cli did not finish");
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cli = qEnvironmentVariable("CASEBOARD_BUILD_DIR") + QStringLiteral("/app/caseboard-cli");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
        m_passFile = path(QStringLiteral("pass.txt"));
        QFile f(m_passFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(test::passphrase().toUtf8() + "\n");
    }

    void usageErrorsExitOne_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("verify"), QStringLiteral("--bogus")}
                                        << QStringLiteral("bogus");
        QTest::newRow("passphrase argument refused")
            << QStringList{QStringLiteral("--passphrase"), QStringLiteral("secret words here"), QStringLiteral("init")}
            << QStringLiteral("--passphrase-file");
        QTest::newRow("extra argument") << QStringList{QStringLiteral("verify"), QStringLiteral("extra")}
                                        << QStringLiteral("extra");
        QTest::newRow("import without file") << QStringList{QStringLiteral("import")} << QStringLiteral("import");
        QTest::newRow("bad seed") << QStringList{QStringLiteral("demo"), QStringLiteral("--seed"), QStringLiteral("x")}
                                  << QStringLiteral("--seed");
    }

    void usageErrorsExitOne()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Result r = cli(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errLines().value(0).contains(expected), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("secret words here")), "a passphrase argument must not be echoed");
    }

    void noPassphraseIsAUsageError()
    {
        const Result r = cli({QStringLiteral("--db"), path(QStringLiteral("none.caseboard")), QStringLiteral("init")},
                             QString(), QByteArray(""));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("CASEBOARD_PASSPHRASE")));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("none.caseboard"))));
    }

    void helpExitsZero()
    {
        const Result r = cli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *cmd : {"init", "demo", "export", "import", "verify"})
            QVERIFY2(r.out.contains(QLatin1String(cmd)), cmd);
    }

    void initVerifyAndRefuseOverwrite()
    {
        const QString db = path(QStringLiteral("unit.caseboard"));
        Result r = cli({QStringLiteral("--db"), db, QStringLiteral("--passphrase-file"), m_passFile, QStringLiteral("init")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo::exists(db));
        QCOMPARE(QFileInfo(db).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());

        // The environment variable works as well as the file; global options may follow the command.
        r = cli({QStringLiteral("verify"), QStringLiteral("--db"), db}, test::passphrase());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(QStringLiteral("FAILED")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("audit completeness: ok")));
        QVERIFY(r.out.contains(QStringLiteral("cipher integrity")));

        const QByteArray before = test::fileChecksum(db);
        r = cli({QStringLiteral("--db"), db, QStringLiteral("init")}, test::passphrase());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("already exists")));
        QCOMPARE(test::fileChecksum(db), before);
    }

    void wrongPassphraseIsOneLineAndTouchesNothing()
    {
        const QString db = path(QStringLiteral("wrong.caseboard"));
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("init")}, test::passphrase()).exitCode, 0);
        // The database: the failed sign-in is counted in the key header, for the lockout.
        const QByteArray before = test::databaseChecksum(db);
        const Result r = cli({QStringLiteral("--db"), db, QStringLiteral("verify")}, QStringLiteral("not the passphrase 7Q"));
        QCOMPARE(r.exitCode, 2);
        // SQLCipher's own "hmac check failed" log lines must not reach stderr.
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY(r.err.contains(QStringLiteral("passphrase is wrong")));
        QVERIFY(!r.err.contains(QStringLiteral("not the passphrase 7Q")));
        QCOMPARE(test::databaseChecksum(db), before);
    }

    void badInputExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing case file") << QStringList{QStringLiteral("--db"), path(QStringLiteral("absent.caseboard")),
                                                          QStringLiteral("verify")}
                                           << QStringLiteral("No case file");
        QTest::newRow("missing passphrase file")
            << QStringList{QStringLiteral("--passphrase-file"), path(QStringLiteral("nope.txt")), QStringLiteral("--db"),
                           path(QStringLiteral("x.caseboard")), QStringLiteral("init")}
            << QStringLiteral("nope.txt");
        QTest::newRow("import of a missing file")
            << QStringList{QStringLiteral("--db"), path(QStringLiteral("imp.caseboard")), QStringLiteral("import"),
                           path(QStringLiteral("nothing.json"))}
            << QStringLiteral("nothing.json");
    }

    void badInputExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Result r = cli(args, test::passphrase());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void weakPassphraseRefusedAtInit()
    {
        const QString db = path(QStringLiteral("weak.caseboard"));
        const Result r = cli({QStringLiteral("--db"), db, QStringLiteral("init")}, QStringLiteral("short"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("12")));
        QVERIFY(!QFileInfo::exists(db));
    }

    void demoExportImportRoundTrip()
    {
        const QString demo = path(QStringLiteral("demo.caseboard"));
        Result r = cli({QStringLiteral("--db"), demo, QStringLiteral("demo"), QStringLiteral("--seed"), QStringLiteral("7"),
                        QStringLiteral("--end-date"), QStringLiteral("2025-06-30"), QStringLiteral("--years"),
                        QStringLiteral("2")},
                       test::passphrase());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("cases")), qPrintable(r.out + r.err));

        const QString json = path(QStringLiteral("demo.json"));
        r = cli({QStringLiteral("--db"), demo, QStringLiteral("export"), QStringLiteral("--out"), json}, test::passphrase());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo(json).size() > 1000);

        const QString copy = path(QStringLiteral("copy.caseboard"));
        r = cli({QStringLiteral("--db"), copy, QStringLiteral("import"), json}, test::passphrase());
        QCOMPARE(r.exitCode, 0);
        r = cli({QStringLiteral("--db"), copy, QStringLiteral("verify")}, test::passphrase());
        QCOMPARE(r.exitCode, 0);

        // Importing into a case file that already holds cases is refused and changes nothing but the
        // audit trail's record of the sign-in (README, "Accounts and key slots").
        const auto rows = [&] {
            auto file = CaseFile::openReadOnly(copy, test::secret());
            QStringList counts;
            for (const char *sql : {"SELECT count(*) FROM members", "SELECT count(*) FROM cases",
                                    "SELECT count(*) FROM victims", "SELECT count(*) FROM notes",
                                    "SELECT count(*) FROM audit WHERE action <> 'sign_in'"})
                counts << file->db().scalar(sql).toString();
            return counts;
        };
        const QStringList before = rows();
        r = cli({QStringLiteral("--db"), copy, QStringLiteral("import"), json}, test::passphrase());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errLines().size(), 1);
        QCOMPARE(rows(), before);

        // A demo over an existing file is refused.
        r = cli({QStringLiteral("--db"), demo, QStringLiteral("demo")}, test::passphrase());
        QCOMPARE(r.exitCode, 2);
    }

    void rejectedImportLeavesNoNewFile()
    {
        const QString bad = path(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"caseboard-exchange\", ");
        f.close();
        const QString db = path(QStringLiteral("never.caseboard"));
        const Result r = cli({QStringLiteral("--db"), db, QStringLiteral("import"), bad}, test::passphrase());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY(!QFileInfo::exists(db));
    }

    void statsColumnsAreTheContract_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("header");
        QTest::newRow("cohort by year")
            << QStringList{QStringLiteral("stats"), QStringLiteral("cohort"), QStringLiteral("--by"), QStringLiteral("year"),
                           QStringLiteral("--format"), QStringLiteral("csv")}
            << QStringLiteral("period,group,offenses,cleared_by_arrest,cleared_exceptionally,open,cohort_clearance_rate,"
                              "cohort_arrest_rate,as_of");
        QTest::newRow("clearance by month")
            << QStringList{QStringLiteral("stats"), QStringLiteral("clearance"), QStringLiteral("--format"), QStringLiteral("csv")}
            << QStringLiteral("period,from,to,group,offenses,incidents,unfounded,cleared,cleared_by_arrest,"
                              "cleared_exceptionally,exceptional_a,exceptional_b,exceptional_c,exceptional_d,exceptional_e,"
                              "exceptional_unknown,cleared_current_offenses,cleared_earlier_offenses,oldest_offense_year,"
                              "clearance_rate,arrest_rate,as_of");
        QTest::newRow("time to clear")
            << QStringList{QStringLiteral("stats"), QStringLiteral("time-to-clear"), QStringLiteral("--format"), QStringLiteral("csv")}
            << QStringLiteral("group,offenses,cleared,undated_clearances,median_days,within_48h,within_7d,within_30d,"
                              "within_1y,as_of");
        QTest::newRow("caseload")
            << QStringList{QStringLiteral("stats"), QStringLiteral("caseload"), QStringLiteral("--format"), QStringLiteral("csv")}
            << QStringLiteral("member,badge,team,active,open_primary,open_secondary,new_primary_12m,guideline,"
                              "over_guideline,open_leads,overdue_leads,stale_cases,stale_days,as_of");
    }

    void statsColumnsAreTheContract()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, header);
        const QString db = path(QStringLiteral("stats.caseboard"));
        if (!QFileInfo::exists(db))
            QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--end-date"),
                          QStringLiteral("2025-06-30"), QStringLiteral("--years"), QStringLiteral("3")},
                         test::passphrase())
                         .exitCode,
                     0);
        const QByteArray before = test::fileChecksum(db);
        const Result r = cli(QStringList{QStringLiteral("--db"), db} + args +
                                 QStringList{QStringLiteral("--as-of"), QStringLiteral("2025-06-30")},
                             test::passphrase());
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), header);
        QVERIFY(lines.size() > 1);
        const int columns = static_cast<int>(header.count(u',')) + 1;
        for (const QString &line : lines)
            QCOMPARE(static_cast<int>(line.count(u',')) + 1, columns);
        // Every row is as of the requested date, and statistics never write to the case file.
        QVERIFY(lines.at(1).endsWith(QStringLiteral("2025-06-30")));
        QCOMPARE(test::fileChecksum(db), before);
    }

    void cohortRatesAreConsistentFractions()
    {
        const QString db = path(QStringLiteral("stats.caseboard"));
        QVERIFY(QFileInfo::exists(db)); // made by statsColumnsAreTheContract
        const Result r = cli({QStringLiteral("--db"), db, QStringLiteral("stats"), QStringLiteral("cohort"),
                              QStringLiteral("--by"), QStringLiteral("quarter"), QStringLiteral("--as-of"),
                              QStringLiteral("2025-06-30"), QStringLiteral("--format"), QStringLiteral("json")},
                             test::passphrase());
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(rows.size() >= 8);
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            const double offenses = o.value(QStringLiteral("offenses")).toDouble();
            const double arrest = o.value(QStringLiteral("cleared_by_arrest")).toDouble();
            const double exceptional = o.value(QStringLiteral("cleared_exceptionally")).toDouble();
            QCOMPARE(arrest + exceptional + o.value(QStringLiteral("open")).toDouble(), offenses);
            if (offenses > 0) {
                QCOMPARE(o.value(QStringLiteral("cohort_clearance_rate")).toDouble(), (arrest + exceptional) / offenses);
                QVERIFY(o.value(QStringLiteral("cohort_clearance_rate")).toDouble() <= 1.0);
            } else {
                QVERIFY(o.value(QStringLiteral("cohort_clearance_rate")).isNull());
            }
        }
    }

    void publicImportThroughTheCli()
    {
        const QString data = qEnvironmentVariable("CASEBOARD_SOURCE_DIR") + QStringLiteral("/tests/data/");
        const QString db = path(QStringLiteral("wapo.caseboard"));
        // The bad fixture: every bad row on its own line, and no case file left behind.
        Result r = cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--format"),
                        QStringLiteral("wapo"), data + QStringLiteral("wapo-bad.csv")},
                       test::passphrase());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("line 3: reported_date")));
        QVERIFY(r.errLines().size() > 3);
        QVERIFY(!QFileInfo::exists(db));
        // The good fixture, twice: the second time adds nothing.
        r = cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("wapo"),
                 data + QStringLiteral("wapo-sample.csv")},
                test::passphrase());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral(" 0 unchanged")), qPrintable(r.out));
        r = cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("wapo"),
                 data + QStringLiteral("wapo-sample.csv")},
                test::passphrase());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral(" 0 cases created")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral(" 0 victims added")), qPrintable(r.out));
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("verify")}, test::passphrase()).exitCode, 0);
        // Options that do not fit the format are usage errors.
        r = cli({QStringLiteral("--db"), db, QStringLiteral("import"), QStringLiteral("--city"), QStringLiteral("X"),
                 data + QStringLiteral("wapo-sample.csv")},
                test::passphrase());
        QCOMPARE(r.exitCode, 1);
    }

    void backupAndRestore()
    {
        const QString db = path(QStringLiteral("live.caseboard"));
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--years"), QStringLiteral("1"),
                      QStringLiteral("--end-date"), QStringLiteral("2025-06-30")},
                     test::passphrase())
                     .exitCode,
                 0);
        const QString backup = path(QStringLiteral("live-backup.caseboard"));
        Result r = cli({QStringLiteral("--db"), db, QStringLiteral("backup"), QStringLiteral("--out"), backup},
                       test::passphrase());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(cli({QStringLiteral("--db"), backup, QStringLiteral("verify")}, test::passphrase()).exitCode, 0);
        // The live trail holds every entry of the backup (tst_auditchain cuts and rewrites it).
        r = cli({QStringLiteral("--db"), db, QStringLiteral("verify"), QStringLiteral("--against"), backup},
                test::passphrase());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("audit trail against %1: ok").arg(QDir::toNativeSeparators(backup))),
                 qPrintable(r.out));
        // No overwrite; no destination is a usage error.
        const QByteArray backupSum = test::fileChecksum(backup);
        r = cli({QStringLiteral("--db"), db, QStringLiteral("backup"), QStringLiteral("--out"), backup}, test::passphrase());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(test::fileChecksum(backup), backupSum);
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("backup")}, test::passphrase()).exitCode, 1);
        // A wrong passphrase restores nothing; the right one replaces the file and keeps the old one.
        const QByteArray liveSum = test::fileChecksum(db);
        r = cli({QStringLiteral("--db"), db, QStringLiteral("restore"), backup}, QStringLiteral("not the passphrase at all"));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(test::fileChecksum(db), liveSum);
        r = cli({QStringLiteral("--db"), db, QStringLiteral("restore"), backup}, test::passphrase());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(test::fileChecksum(db), backupSum);
        const QStringList kept = QDir(m_dir.path()).entryList({QStringLiteral("live.caseboard.before-restore-*")});
        QCOMPARE(kept.size(), 1);
        QCOMPARE(test::fileChecksum(m_dir.filePath(kept.first())), liveSum);
    }

    void versionNamesSqlCipher()
    {
        const Result r = cli({QStringLiteral("version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QRegularExpression(QStringLiteral("SQLCipher 4\\.\\d+")).match(r.out).hasMatch());
    }
    // --- accounts (README, "Accounts and key slots") -------------------------------------------

private:
    QString writeLine(const QString &name, const QString &line)
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(line.toUtf8() + "\n");
        return f.fileName();
    }

    // An administrator A-1 and a detective D-7 in a new case file; returns the recovery key.
    QString makeUnit(const QString &db)
    {
        const QString admin = writeLine(QStringLiteral("admin.txt"), test::passphrase());
        const QString det = writeLine(QStringLiteral("det.txt"), QStringLiteral("seven silver ferries at dawn"));
        Result r = cli({QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("A-1"),
                        QStringLiteral("--passphrase-file"), admin, QStringLiteral("init"), QStringLiteral("--name"),
                        QStringLiteral("Pat Admin")});
        if (r.exitCode != 0)
            return {};
        const QRegularExpressionMatch key =
            QRegularExpression(QStringLiteral("\\b[0-9A-Z]{4}(-[0-9A-Z]{4}){7}\\b")).match(r.out);
        r = cli({QStringLiteral("--db"), db, QStringLiteral("--passphrase-file"), admin, QStringLiteral("account"),
                 QStringLiteral("add"), QStringLiteral("D-7"), QStringLiteral("--name"), QStringLiteral("Dana Reyes"),
                 QStringLiteral("--role"), QStringLiteral("detective"), QStringLiteral("--new-passphrase-file"), det});
        if (r.exitCode != 0)
            return {};
        return key.captured(0);
    }

private slots:
    void initPrintsTheRecoveryKeyOnce()
    {
        const QString db = path(QStringLiteral("keys.caseboard"));
        const Result r = cli({QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("A-1"), QStringLiteral("init"),
                              QStringLiteral("--name"), QStringLiteral("Pat Admin")},
                             test::passphrase());
        QCOMPARE(r.exitCode, 0);
        const QRegularExpressionMatch key =
            QRegularExpression(QStringLiteral("\\b[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}\\b")).match(r.out);
        QVERIFY2(key.hasMatch(), qPrintable(r.out));
        QCOMPARE(r.out.count(key.captured(0)), 1);
        QVERIFY2(r.out.contains(QStringLiteral("shown this once")) && r.out.contains(QStringLiteral("offline")),
                 qPrintable(r.out));
        // Nowhere else: the file does not hold it, and no later command prints it.
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(key.captured(0).toLatin1()));
        const Result list = cli({QStringLiteral("--db"), db, QStringLiteral("account"), QStringLiteral("list")},
                                test::passphrase());
        QCOMPARE(list.exitCode, 0);
        QVERIFY(!list.out.contains(key.captured(0)));
        QVERIFY2(list.out.contains(QStringLiteral("A-1")) && list.out.contains(QStringLiteral("Pat Admin")) &&
                     list.out.contains(QStringLiteral("Administrator")),
                 qPrintable(list.out));
        // The recovery key opens the file.
        const QString keyFile = writeLine(QStringLiteral("recovery.txt"), key.captured(0));
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("--recovery-key-file"), keyFile, QStringLiteral("verify")})
                     .exitCode,
                 0);
        const QString wrong = writeLine(QStringLiteral("wrong-recovery.txt"), QStringLiteral("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"));
        const Result refused = cli({QStringLiteral("--db"), db, QStringLiteral("--recovery-key-file"), wrong, QStringLiteral("verify")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("recovery key is wrong")), qPrintable(refused.err));
    }

    void severalAccountsNeedUser()
    {
        const QString db = path(QStringLiteral("two.caseboard"));
        QVERIFY(!makeUnit(db).isEmpty());
        const QString det = path(QStringLiteral("det.txt"));
        Result r = cli({QStringLiteral("--db"), db, QStringLiteral("--passphrase-file"), det, QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--user")) && r.err.contains(QStringLiteral("D-7")), qPrintable(r.err));
        r = cli({QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("D-7"), QStringLiteral("--passphrase-file"),
                 det, QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 0);
        // A detective manages no accounts.
        const QString other = writeLine(QStringLiteral("other.txt"), QStringLiteral("quiet orchard under rain"));
        r = cli({QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("D-7"), QStringLiteral("--passphrase-file"),
                 det, QStringLiteral("account"), QStringLiteral("unlock"), QStringLiteral("A-1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("administrator")), qPrintable(r.err));
        r = cli({QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("D-7"), QStringLiteral("--passphrase-file"),
                 det, QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("S-3"), QStringLiteral("--name"),
                 QStringLiteral("Sam Okafor"), QStringLiteral("--role"), QStringLiteral("sergeant"),
                 QStringLiteral("--new-passphrase-file"), other});
        QCOMPARE(r.exitCode, 2);
        // A common password is refused, with the reason.
        const QString common = writeLine(QStringLiteral("common.txt"), QStringLiteral("Password2024!"));
        r = cli({QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("A-1"), QStringLiteral("account"),
                 QStringLiteral("add"), QStringLiteral("S-3"), QStringLiteral("--name"), QStringLiteral("Sam Okafor"),
                 QStringLiteral("--role"), QStringLiteral("sergeant"), QStringLiteral("--new-passphrase-file"), common},
                test::passphrase());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("commonly used")), qPrintable(r.err));
    }

    void rolesHoldAtTheCommandLine()
    {
        // The CLI acts as the member signed in: the model checks their role for the whole-file
        // commands too, and audits each refusal (model/auth/Permissions.h).
        const QString db = path(QStringLiteral("roles.caseboard"));
        QVERIFY(!makeUnit(db).isEmpty());
        const auto as = [&](const QString &user, const QString &pass, const QStringList &args) {
            return cli(QStringList{QStringLiteral("--db"), db, QStringLiteral("--user"), user} + args, pass);
        };
        const QString detPass = QStringLiteral("seven silver ferries at dawn");
        // A detective reads statistics, but exports and backs up nothing.
        QCOMPARE(as(QStringLiteral("D-7"), detPass, {QStringLiteral("stats"), QStringLiteral("caseload")}).exitCode, 0);
        Result r = as(QStringLiteral("D-7"), detPass, {QStringLiteral("export"), QStringLiteral("--out"), path(QStringLiteral("x.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("may not export the case file")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("x.json"))));
        r = as(QStringLiteral("D-7"), detPass, {QStringLiteral("backup"), QStringLiteral("--out"), path(QStringLiteral("x.caseboard"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("may not back up the case file")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("x.caseboard"))));
        // The administrator backs up, but reads no statistics and exports no case.
        QCOMPARE(as(QStringLiteral("A-1"), test::passphrase(), {QStringLiteral("backup"), QStringLiteral("--out"),
                                                               path(QStringLiteral("roles-backup.caseboard"))})
                     .exitCode,
                 0);
        r = as(QStringLiteral("A-1"), test::passphrase(), {QStringLiteral("stats"), QStringLiteral("caseload")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("may not read statistics")), qPrintable(r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QCOMPARE(as(QStringLiteral("A-1"), test::passphrase(), {QStringLiteral("export")}).exitCode, 2);
        // Each refusal is in the trail, under the person refused.
        const auto file = CaseFile::open(db, QStringLiteral("A-1"), test::secret(test::passphrase()));
        db::Statement denied = file->db().prepare("SELECT actor, count(*) FROM audit WHERE action = 'denied' "
                                                  "GROUP BY actor ORDER BY actor");
        QVERIFY(denied.step());
        QCOMPARE(denied.text(0), QStringLiteral("A-1"));
        QCOMPARE(denied.int64(1), 2);
        QVERIFY(denied.step());
        QCOMPARE(denied.text(0), QStringLiteral("D-7"));
        QCOMPARE(denied.int64(1), 2);
        QVERIFY(!denied.step());
    }

    void accountLifecycle()
    {
        const QString db = path(QStringLiteral("life.caseboard"));
        QVERIFY(!makeUnit(db).isEmpty());
        const QString det = path(QStringLiteral("det.txt"));
        const auto asDetective = [&](const QString &pass, const QStringList &args) {
            return cli(QStringList{QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("D-7")} + args, pass);
        };
        const auto asAdmin = [&](const QStringList &args) {
            return cli(QStringList{QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("A-1")} + args,
                       test::passphrase());
        };
        // A new passphrase of one's own.
        const QString renewed = writeLine(QStringLiteral("renewed.txt"), QStringLiteral("harbour lights in november"));
        Result r = cli({QStringLiteral("--db"), db, QStringLiteral("--user"), QStringLiteral("D-7"), QStringLiteral("--passphrase-file"),
                        det, QStringLiteral("account"), QStringLiteral("passwd"), QStringLiteral("--new-passphrase-file"),
                        renewed});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(asDetective(QStringLiteral("seven silver ferries at dawn"), {QStringLiteral("verify")}).exitCode, 2);
        QCOMPARE(asDetective(QStringLiteral("harbour lights in november"), {QStringLiteral("verify")}).exitCode, 0);
        // Five failures lock the account; an administrator releases it.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(asDetective(QStringLiteral("not my passphrase %1").arg(i), {QStringLiteral("verify")}).exitCode, 2);
        r = asDetective(QStringLiteral("harbour lights in november"), {QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("locked")), qPrintable(r.err));
        r = asAdmin({QStringLiteral("account"), QStringLiteral("list")});
        QVERIFY2(r.out.contains(QStringLiteral("locked since")), qPrintable(r.out));
        QCOMPARE(asAdmin({QStringLiteral("account"), QStringLiteral("unlock"), QStringLiteral("D-7")}).exitCode, 0);
        QCOMPARE(asDetective(QStringLiteral("harbour lights in november"), {QStringLiteral("verify")}).exitCode, 0);
        // Removed: the passphrase opens neither the file nor a backup made afterwards.
        QCOMPARE(asAdmin({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("D-7")}).exitCode, 0);
        r = asDetective(QStringLiteral("harbour lights in november"), {QStringLiteral("verify")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no account D-7")), qPrintable(r.err));
        const QString backup = path(QStringLiteral("life-backup.caseboard"));
        QCOMPARE(asAdmin({QStringLiteral("backup"), QStringLiteral("--out"), backup}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("--db"), backup, QStringLiteral("--user"), QStringLiteral("D-7"), QStringLiteral("verify")},
                     QStringLiteral("harbour lights in november"))
                     .exitCode,
                 2);
        r = cli({QStringLiteral("--db"), backup, QStringLiteral("verify")}, test::passphrase());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(QStringLiteral("FAILED")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
