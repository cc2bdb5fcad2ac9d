#include "model/cli/Cli.h"
#include "model/util/Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <sys/resource.h>

int main(int argc, char *argv[])
{
    // No core dumps: a dump of this process could hold case data and key material.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("CaseBoard"));
    QCoreApplication::setOrganizationName(QStringLiteral("CaseBoard"));
    cb::installTranslations(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return cb::cli::run(app.arguments().mid(1), out, err);
}
