#include "model/util/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cb {

void installTranslations(QCoreApplication &app)
{
    const QByteArray forced = qgetenv("CASEBOARD_LANG");
    const QLocale requested = forced.isEmpty() ? QLocale() : QLocale(QString::fromLatin1(forced));
    // C/POSIX has no language of its own; its text is English, and English needs its plural forms.
    const QLocale locale = requested.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : requested;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("caseboard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

} // namespace cb
