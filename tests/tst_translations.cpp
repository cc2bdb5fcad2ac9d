// The translations stay complete and faithful to their sources, and reach the running program:
// caseboard_es.ts (every message) and caseboard_en.ts (English plural forms of the %n messages).

#include "model/domain/Domain.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/util/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString type;               // "unfinished", "vanished", "obsolete", or empty when finished
    QStringList translations;   // one entry, or one per numerus form
};

struct TsFile {
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ts.error = path + QStringLiteral(": ") + f.errorString();
        return ts;
    }
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == u"TS") {
            ts.language = xml.attributes().value(QLatin1StringView("language")).toString();
        } else if (name == u"context") {
            context.clear();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            message = TsMessage{context, {}, xml.attributes().value(QLatin1StringView("numerus")) == u"yes", {}, {}};
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"translation") {
            message.type = xml.attributes().value(QLatin1StringView("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform")
                        message.translations << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.translations << xml.readElementText();
            }
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

// The %-markers that QString::arg() and tr(..., n) replace: %1..%99, %L1.., %n, %Ln.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QStringList out;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    out.sort();
    return out;
}

// Accelerator markers: a lone '&' (a doubled one is a literal ampersand).
QString accelerators(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&')
            continue;
        if (text[i + 1] != u'&')
            out += text[i + 1].toLower();
        ++i;
    }
    return out;
}

QString describe(const TsMessage &m)
{
    return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
}

void removeInstalledTranslators()
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

void installFor(const QByteArray &language)
{
    qputenv("CASEBOARD_LANG", language);
    cb::installTranslations(*QCoreApplication::instance());
}

QString translate(const char *context, const char *source, int n = -1)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private:
    QString m_source = qEnvironmentVariable("CASEBOARD_SOURCE_DIR");

    TsFile load(const QString &language) const
    {
        return readTs(m_source + QStringLiteral("/translations/caseboard_") + language + QStringLiteral(".ts"));
    }

    static void addFiles()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("es") << QStringLiteral("es");
        QTest::newRow("en") << QStringLiteral("en");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!m_source.isEmpty());
    }

    void cleanup()
    {
        removeInstalledTranslators();
        qunsetenv("CASEBOARD_LANG");
    }

    void everyMessageFinished_data() { addFiles(); }
    void everyMessageFinished()
    {
        QFETCH(QString, language);
        const TsFile ts = load(language);
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QCOMPARE(ts.language, language);
        QVERIFY(!ts.messages.isEmpty());
        for (const TsMessage &m : ts.messages) {
            QVERIFY2(m.type.isEmpty(), qPrintable(describe(m) + QStringLiteral(" is ") + m.type));
            // Spanish and English both have two plural forms.
            QCOMPARE(m.translations.size(), m.numerus ? 2 : 1);
            for (const QString &t : m.translations)
                QVERIFY2(!t.isEmpty(), qPrintable(describe(m) + QStringLiteral(": empty translation")));
        }
    }

    void placeholdersKept_data() { addFiles(); }
    void placeholdersKept()
    {
        QFETCH(QString, language);
        const TsFile ts = load(language);
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        for (const TsMessage &m : ts.messages) {
            const QStringList expected = placeholders(m.source);
            for (const QString &t : m.translations) {
                const QStringList found = placeholders(t);
                QVERIFY2(found == expected,
                         qPrintable(describe(m) + QStringLiteral(" -> \"") + t + QStringLiteral("\": ") +
                                    found.join(u' ') + QStringLiteral(" instead of ") + expected.join(u' ')));
            }
        }
    }

    void acceleratorsKept_data() { addFiles(); }
    void acceleratorsKept()
    {
        QFETCH(QString, language);
        const TsFile ts = load(language);
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        for (const TsMessage &m : ts.messages) {
            for (const QString &t : m.translations)
                QVERIFY2(accelerators(t).size() == accelerators(m.source).size(),
                         qPrintable(describe(m) + QStringLiteral(" -> \"") + t + u'"'));
        }
    }

    // Within one form every control is on screen at once, so a letter may serve only one of them.
    void acceleratorsUniqueInForms_data()
    {
        QTest::addColumn<QString>("context");
        QTest::newRow("unlock") << QStringLiteral("cb::ui::UnlockWindow");
        QTest::newRow("new case file") << QStringLiteral("cb::ui::NewCaseFileForm");
    }
    void acceleratorsUniqueInForms()
    {
        QFETCH(QString, context);
        const TsFile ts = load(QStringLiteral("es"));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QString letters;
        for (const TsMessage &m : ts.messages) {
            if (m.context == context)
                letters += accelerators(m.translations.value(0));
        }
        QVERIFY(letters.size() >= 4);
        for (const QChar c : letters)
            QVERIFY2(letters.count(c) == 1, qPrintable(context + QStringLiteral(": &") + c + QStringLiteral(" twice")));
    }

    // caseboard_en.ts is the -pluralonly extract of the same sources: exactly the %n messages.
    void englishFileHoldsEveryPluralMessage()
    {
        const TsFile es = load(QStringLiteral("es"));
        const TsFile en = load(QStringLiteral("en"));
        QVERIFY2(es.error.isEmpty(), qPrintable(es.error));
        QVERIFY2(en.error.isEmpty(), qPrintable(en.error));
        QSet<QString> plural;
        for (const TsMessage &m : es.messages) {
            if (m.numerus)
                plural.insert(m.context + u'|' + m.source);
        }
        QSet<QString> english;
        for (const TsMessage &m : en.messages) {
            QVERIFY2(m.numerus, qPrintable(describe(m) + QStringLiteral(" is not a plural message")));
            english.insert(m.context + u'|' + m.source);
        }
        QVERIFY(plural.contains(QStringLiteral("cb::CaseFile|%n row(s)")));
        QCOMPARE(english, plural);
    }

    void spanishReachesTheProgram()
    {
        installFor("es");
        QCOMPARE(translate("cb::Domain", "Cleared by arrest"), QStringLiteral("Esclarecido por arresto"));
        QCOMPARE(cb::label(cb::CaseStatus::ClearedExceptionally), QStringLiteral("Esclarecido por medios excepcionales"));
        QCOMPARE(cb::label(cb::CaseStatus::Unfounded), QStringLiteral("Infundado"));
        QCOMPARE(translate("cb::ui::RelativeTime", "%n days ago", 1), QStringLiteral("hace 1 día"));
        QCOMPARE(translate("cb::ui::RelativeTime", "%n days ago", 5), QStringLiteral("hace 5 días"));

        // Messages built by the model itself, in the cb::CaseFile context.
        QCOMPARE(cb::PassphrasePolicy::check(QStringLiteral("corta")),
                 QStringLiteral("Una frase de contraseña necesita al menos 12 caracteres; esta tiene 5. "
                                "Unas cuantas palabras separadas por espacios forman una buena."));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(QStringLiteral("ninguno.caseboard"));
        try {
            cb::CaseFile::open(missing, cb::SecretBytes::fromPassphrase(QStringLiteral("blue harbour lantern 42")));
            QFAIL("opening a missing case file succeeded");
        } catch (const cb::Error &e) {
            QCOMPARE(e.kind(), cb::ErrorKind::NotFound);
            QCOMPARE(e.message(), QStringLiteral("No hay ningún archivo de casos en ") + missing + u'.');
        }
    }

    void englishPlurals_data()
    {
        QTest::addColumn<QByteArray>("language");
        QTest::newRow("en") << QByteArray("en");
        QTest::newRow("en_US") << QByteArray("en_US");
        QTest::newRow("en_GB") << QByteArray("en_GB");
        // The C (POSIX) locale is English without a language of its own: it should get English
        // plurals too, e.g. under LC_ALL=C.UTF-8 as ctest runs.
        QTest::newRow("C") << QByteArray("C");
    }
    void englishPlurals()
    {
        QFETCH(QByteArray, language);
        installFor(language);
        // QTranslator::load(QLocale::c(), ...) would look for caseboard_C.qm, never caseboard_en.qm:
        // installTranslations maps C to English first (the "C" row).
        QCOMPARE(translate("cb::CaseFile", "%n row(s)", 1), QStringLiteral("1 row"));
        QCOMPARE(translate("cb::CaseFile", "%n row(s)", 3), QStringLiteral("3 rows"));
        QCOMPARE(translate("cb::ui::MainWindow", "%n cases", 1), QStringLiteral("1 case"));
        QCOMPARE(translate("cb::ui::CaseListView", "%1 of %n cases", 2), QStringLiteral("%1 of 2 cases"));
        // Only the plural file is loaded: everything else stays in the English source text.
        QCOMPARE(cb::label(cb::CaseStatus::ClearedByArrest), QStringLiteral("Cleared by arrest"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
