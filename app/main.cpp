#include "model/util/ProcessHardening.h"
#include "model/util/Translations.h"
#include "ui/SessionController.h"

#include <QApplication>
#include <QCommandLineParser>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(caseboard)
};
} // namespace

int main(int argc, char *argv[])
{
    // No core dumps and no ptrace attach: this process's memory holds case data and key material.
    // Done before anything else, so that no secret ever exists in a dumpable process.
    const cb::HardeningResult hardening = cb::disableCoreDumps();

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CaseBoard"));
    QApplication::setOrganizationName(QStringLiteral("CaseBoard"));
    QApplication::setApplicationVersion(QStringLiteral(CASEBOARD_VERSION));
    cb::installTranslations(app);
    // Not a reason to refuse to start (neither call fails on Linux in practice), but worth saying.
    if (!hardening.ok())
        qWarning("%s", qPrintable(hardening.describe()));

    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("CaseBoard: case management for homicide units, over an encrypted case file."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  Tr::tr("Open the demo case file signed in as its sergeant, creating it first if it "
                                         "is missing (the sign-in window offers its other accounts)."));
    const QCommandLineOption file(QStringLiteral("file"), Tr::tr("Choose the case file at <path> to unlock."),
                                  Tr::tr("path"));
    parser.addOption(demo);
    parser.addOption(file);
    parser.process(app);

    cb::ui::SessionController session;
    if (parser.isSet(demo))
        session.openDemo();
    else
        session.showUnlock(parser.value(file));
    return app.exec();
}
