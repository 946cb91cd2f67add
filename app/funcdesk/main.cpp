#include "ConsoleRuntime.h"

#include "models/settings/ConsoleSettings.h"
#include "translations/Translations.h"

#include <QApplication>
#include <QMessageBox>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("funcdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Funcdesk"));
    QApplication::setOrganizationName(QStringLiteral("Funcdesk"));
    QApplication::setApplicationVersion(QStringLiteral(FUNCDESK_VERSION));

    // The language: FUNCDESK_LANGUAGE, else the Settings ▸ Language choice, else the system's.
    QString language = qEnvironmentVariable("FUNCDESK_LANGUAGE");
    if (language.isEmpty())
        language = funcdesk::ConsoleSettings::language().get(QSettings());
    funcdesk::installTranslations(app, language);

    QString dataDir = qEnvironmentVariable("FUNCDESK_DATA_DIR");
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    funcdesk::ConsoleOptions options;
    options.dataDir = dataDir;
    auto runtime = funcdesk::ConsoleRuntime::start(options);
    if (!runtime) {
        QMessageBox::critical(
            nullptr, QObject::tr("Funcdesk cannot start"),
            QObject::tr("The local platform in %1 could not start:\n%2").arg(dataDir, runtime.error().message));
        return 1;
    }
    funcdesk::MainWindow window(runtime.value()->context());
    window.show();
    const int status = app.exec();
    return status;
}
