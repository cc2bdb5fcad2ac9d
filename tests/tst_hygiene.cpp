// House rules that a compiler does not check: kept by a test so that they stay kept.

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestHygiene : public QObject {
    Q_OBJECT

private:
    QString m_source = qEnvironmentVariable("CASEBOARD_SOURCE_DIR");
    QString m_build = qEnvironmentVariable("CASEBOARD_BUILD_DIR");

    // Every C++ file under the given top-level folders, with its text.
    QList<std::pair<QString, QString>> sources(const QStringList &folders) const
    {
        QList<std::pair<QString, QString>> out;
        for (const QString &folder : folders) {
            QDirIterator it(m_source + u'/' + folder, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                if (f.open(QIODevice::ReadOnly))
                    out.append({path.mid(m_source.size() + 1), QString::fromUtf8(f.readAll())});
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!m_source.isEmpty());
        QVERIFY(!m_build.isEmpty());
    }

    void onlyPointerToMemberConnects()
    {
        const QRegularExpression stringConnect(QStringLiteral("\\b(SIGNAL|SLOT)\\s*\\("));
        const auto files = sources({QStringLiteral("model"), QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("tests")});
        QVERIFY(!files.isEmpty());
        for (const auto &[path, text] : files) {
            if (path.endsWith(QStringLiteral("tst_hygiene.cpp")))
                continue;
            QVERIFY2(!stringConnect.match(text).hasMatch(), qPrintable(path + QStringLiteral(": string-based connect")));
        }
    }

    void modelHasNoWidgetsAndNoQtSql()
    {
        const QRegularExpression forbidden(QStringLiteral("#include\\s*[<\"](QtWidgets|QtSql|QSql\\w*|QWidget|Poco/Data)\\b"));
        for (const auto &[path, text] : sources({QStringLiteral("model")}))
            QVERIFY2(!forbidden.match(text).hasMatch(), qPrintable(path));
    }

    void sqlcipherHeadersStayInsideModel()
    {
        // The raw handle and SQLCipher's header never leave the storage layer's private sources.
        const QRegularExpression header(QStringLiteral("#include\\s*[<\"]sqlite3\\.h[>\"]|\\bsqlite3\\s*\\*"));
        for (const auto &[path, text] : sources({QStringLiteral("model"), QStringLiteral("ui"), QStringLiteral("app")})) {
            if (path == QStringLiteral("model/storage/Database.cpp") ||
                path == QStringLiteral("model/storage/ContainerVfs.cpp") ||
                path == QStringLiteral("model/storage/DiskMessage.cpp"))
                continue;
            QVERIFY2(!header.match(text).hasMatch(), qPrintable(path));
        }
    }

    void binariesLinkSqlcipherOnly_data()
    {
        QTest::addColumn<QString>("binary");
        QTest::newRow("caseboard") << QStringLiteral("app/caseboard");
        QTest::newRow("caseboard-cli") << QStringLiteral("app/caseboard-cli");
    }

    void binariesLinkSqlcipherOnly()
    {
        // Plain libsqlite3 or Qt SQL in the same process would bind to SQLCipher's symbols or write
        // plaintext (shared docs/sqlcipher.md): neither may be linked.
        QFETCH(QString, binary);
        QProcess ldd;
        ldd.start(QStringLiteral("ldd"), {m_build + u'/' + binary});
        QVERIFY(ldd.waitForFinished());
        const QString libs = QString::fromLocal8Bit(ldd.readAllStandardOutput());
        QVERIFY2(libs.contains(QStringLiteral("libsqlcipher")), qPrintable(libs));
        QVERIFY2(!libs.contains(QStringLiteral("libsqlite3")), qPrintable(libs));
        QVERIFY2(!libs.contains(QStringLiteral("libQt6Sql")), qPrintable(libs));
        QVERIFY2(!libs.contains(QStringLiteral("PocoData")), qPrintable(libs));
    }

    void styleFilesPresent()
    {
        for (const char *name : {".clang-format", ".editorconfig"})
            QVERIFY2(QFile::exists(m_source + u'/' + QLatin1String(name)), name);
    }
};

QTEST_GUILESS_MAIN(TestHygiene)
#include "tst_hygiene.moc"
