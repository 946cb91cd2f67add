#include "ConsoleRuntime.h"

#include "models/settings/ConsoleSettings.h"
#include "translations/Translations.h"

#include <QApplication>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace {

// FUNCDESK_STARTUP_PROBE=1 (tests/bench/startup_bench): prints the steady clock (ns) when the
// first frame is up (with the CPU time the process has used by then) and when the local platform
// is, then quits. "platform-first" starts the
// platform before the window, as the console did before, for the benchmark's comparison.
void probeStartup(funcdesk::ConsoleRuntime &runtime, funcdesk::MainWindow &window)
{
    const auto now = [] {
        return static_cast<long long>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
                .count());
    };
    runtime.startPlatformBehind(
        window,
        [now] {
            const auto cpu = static_cast<long long>(double(std::clock()) * 1e9 / CLOCKS_PER_SEC);
            std::printf("funcdesk-startup window_ns=%lld cpu_ns=%lld\n", now(), cpu);
            std::fflush(stdout);
        },
        [now](const funcdesk::Result<funcdesk::Done> &started) {
            std::printf("funcdesk-startup ready_ns=%lld ok=%d\n", now(), started ? 1 : 0);
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        });
}

} // namespace

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
    // The quick part before the window, the local platform behind it (its status bar says so).
    auto runtime = funcdesk::ConsoleRuntime::open(options);
    if (!runtime) {
        QMessageBox::critical(
            nullptr, QObject::tr("Funcdesk cannot start"),
            QObject::tr("The local platform in %1 could not start:\n%2").arg(dataDir, runtime.error().message));
        return 1;
    }
    if (qEnvironmentVariable("FUNCDESK_STARTUP_PROBE") == QLatin1String("platform-first"))
        (void)runtime.value()->startPlatform();
    funcdesk::MainWindow window(runtime.value()->context());
    window.show();
    if (qEnvironmentVariableIsSet("FUNCDESK_STARTUP_PROBE"))
        probeStartup(*runtime.value(), window);
    else
        runtime.value()->startPlatformBehind(window);
    const int status = app.exec();
    return status;
}
