#include "model/cli/Cli.h"
#include "model/util/ProcessHardening.h"
#include "model/util/Translations.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // No core dumps and no ptrace attach: this process's memory holds case data and key material.
    // Done before anything else, so that no secret ever exists in a dumpable process.
    const cb::HardeningResult hardening = cb::disableCoreDumps();

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("CaseBoard"));
    QCoreApplication::setOrganizationName(QStringLiteral("CaseBoard"));
    cb::installTranslations(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Not a reason to refuse work (neither call fails on Linux in practice), but worth saying.
    if (!hardening.ok())
        err << hardening.describe() << '\n';
    return cb::cli::run(app.arguments().mid(1), out, err);
}
