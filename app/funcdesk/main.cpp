#include "translations/Translations.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("funcdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Funcdesk"));
    QApplication::setOrganizationName(QStringLiteral("Funcdesk"));
    QApplication::setApplicationVersion(QStringLiteral(FUNCDESK_VERSION));
    funcdesk::installTranslations(app, qEnvironmentVariable("FUNCDESK_LANGUAGE"));

    funcdesk::MainWindow window;
    window.show();
    return app.exec();
}
