#include "translations/Translations.h"

#include "core/InstallPaths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace funcdesk {

void installTranslations(QCoreApplication &app, const QString &localeName)
{
    // A language chosen while running replaces the one installed before.
    static QList<QPointer<QTranslator>> installed;
    for (const QPointer<QTranslator> &translator : std::as_const(installed)) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installed.clear();
    const QLocale locale = localeName.isEmpty() ? QLocale() : QLocale(localeName);
    auto *own = new QTranslator(&app);
    // An installed tree's DATADIR/funcdesk/translations first, else the compiled-in ones.
    const QString dataDirectory = installedDataDirectory();
    const bool loaded = (!dataDirectory.isEmpty() && own->load(locale, QStringLiteral("funcdesk"), QStringLiteral("_"),
                                                               dataDirectory + QStringLiteral("/translations"))) ||
                        own->load(locale, QStringLiteral("funcdesk"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (loaded)
        QCoreApplication::installTranslator(own);
    installed.append(own);
    auto *qt = new QTranslator(&app); // Qt's standard dialogs and context menus
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    installed.append(qt);
}

} // namespace funcdesk
