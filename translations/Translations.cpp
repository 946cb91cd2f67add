#include "translations/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace funcdesk {

void installTranslations(QCoreApplication &app, const QString &localeName)
{
    const QLocale locale = localeName.isEmpty() ? QLocale() : QLocale(localeName);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("funcdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app); // Qt's standard dialogs and context menus
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace funcdesk
