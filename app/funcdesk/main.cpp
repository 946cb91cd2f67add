#include "ConsoleRuntime.h"

#include "models/settings/ConsoleSettings.h"
#include "translations/Translations.h"
#include "ui/shell/FirstFrame.h"
#include "ui/shell/LazyToolBarIcons.h"
#include "ui/views/Views.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFontDatabase>
#include <QIcon>
#include <QMessageBox>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <chrono>
#include <cstdio>
#include <ctime>

#include <fontconfig/fontconfig.h>

namespace {

// FUNCDESK_STARTUP_PROBE=1 (tests/bench/startup_bench): prints the steady clock (ns) when the
// first frame is up (with the CPU time the process has used by then) and when the local platform
// is, with whether the views module (charts, code editor) loads (views=1), then quits. "platform-first" starts the
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
            std::printf("funcdesk-startup ready_ns=%lld ok=%d views=%d\n", now(), started ? 1 : 0,
                        funcdesk::views::available() ? 1 : 0);
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        });
}

// The application's icon, the windows' too: rendered from resources/icons at build time
// (cmake/FuncdeskIcons.cmake).
void setApplicationIcon()
{
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/funcdesk/icons/%1/io.github.funcdesk.Funcdesk.png").arg(size),
                     QSize(size, size));
    QApplication::setWindowIcon(icon);
}

// The command line: funcdesk [--connection NAME] [--data-dir DIR] [--lang LANGUAGE] (man funcdesk).
struct CommandLine
{
    QCommandLineOption connection{QStringLiteral("connection"),
                                  QCoreApplication::translate("funcdesk", "Open the connection NAME (its name as "
                                                                          "Connection ▸ Manage connections shows it)."),
                                  QStringLiteral("NAME")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QCoreApplication::translate("funcdesk", "Keep the local platform, drafts and metrics "
                                                                       "in DIR (default: %1).")
                                   .arg(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)),
                               QStringLiteral("DIR")};
    QCommandLineOption lang{QStringLiteral("lang"),
                            QCoreApplication::translate("funcdesk", "Show the console in LANGUAGE (en, zh_CN) "
                                                                    "instead of the chosen or the system's one."),
                            QStringLiteral("LANGUAGE")};
    QCommandLineParser parser;

    CommandLine()
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("funcdesk", "Funcdesk: a desktop console for serverless functions."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({connection, dataDir, lang});
    }
};

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("funcdesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("Funcdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FUNCDESK_VERSION));
}

// --help and --version need no display: answered by a QCoreApplication before the GUI starts.
// Returns whether it answered (then the program ends).
bool answerWithoutDisplay(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const bool informational = std::any_of(arguments.cbegin() + 1, arguments.cend(), [](const QString &argument) {
        return argument == QLatin1String("--help") || argument == QLatin1String("-h") ||
               argument == QLatin1String("--help-all") || argument == QLatin1String("-?") ||
               argument == QLatin1String("--version") || argument == QLatin1String("-v");
    });
    if (!informational)
        return false;
    QCoreApplication app(argc, argv);
    setApplicationNames();
    CommandLine line;
    (void)line.parser.parse(QCoreApplication::arguments());
    QString language = line.parser.value(line.lang);
    if (language.isEmpty())
        language = qEnvironmentVariable("FUNCDESK_LANGUAGE");
    funcdesk::installTranslations(app, language);
    CommandLine translated;         // the option texts again, now in the language
    translated.parser.process(app); // prints the help or the version and exits
    return true;
}

// Fonts, on a second core while the GUI thread starts: fontconfig's set-up (reading /etc/fonts and
// its caches, ~5 ms here) while QApplication connects to the display, then, once the application
// exists, Qt's font database (every installed font registered: what the first text laid out in
// the window would otherwise wait for). QFontDatabase is thread-safe (its own lock): the GUI
// thread's first font waits for the database if it is still being filled, and never fills it
// twice. waitForFontconfig() before the window, so that Qt's own FcInit() finds it done (two at
// once would both do the work: fontconfig keeps the first and drops the other); join() before
// QApplication goes.
class FontWarmup
{
public:
    FontWarmup() : m_thread([this] { run(); }) {}
    ~FontWarmup() { join(); }
    FontWarmup(const FontWarmup &) = delete;
    FontWarmup &operator=(const FontWarmup &) = delete;

    void applicationReady() { set(m_appReady); }
    void waitForFontconfig()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_fontconfigReady; });
    }
    void join()
    {
        set(m_stopped);
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void set(bool &flag)
    {
        {
            std::lock_guard lock(m_mutex);
            flag = true;
        }
        m_changed.notify_all();
    }
    void run()
    {
        FcInit();
        set(m_fontconfigReady);
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_appReady || m_stopped; });
        if (m_stopped)
            return;
        lock.unlock();
        (void)QFontDatabase::families();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_fontconfigReady = false;
    bool m_appReady = false;
    bool m_stopped = false;
    std::thread m_thread; // last: starts once the rest is made
};

} // namespace

int main(int argc, char *argv[])
{
    if (answerWithoutDisplay(argc, argv))
        return 0;
    FontWarmup fonts;
    QApplication app(argc, argv);
    funcdesk::installLazyToolBarIcons(); // before any widget (ui/shell/LazyToolBarIcons.h)
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Funcdesk"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.funcdesk.Funcdesk"));
    CommandLine line;
    line.parser.process(app); // an unknown option: says so and exits (std::exit: no destructor runs)
    // Qt's font database only now: an exit above would leave the thread filling it while Qt's
    // statics go.
    fonts.applicationReady();
    const auto joinFonts = qScopeGuard([&fonts] { fonts.join(); }); // before app goes

    // The language: --lang, else FUNCDESK_LANGUAGE, else the Settings ▸ Language choice, else the system's.
    QString language = line.parser.value(line.lang);
    if (language.isEmpty())
        language = qEnvironmentVariable("FUNCDESK_LANGUAGE");
    if (language.isEmpty())
        language = funcdesk::ConsoleSettings::language().get(QSettings());
    funcdesk::installTranslations(app, language);

    QString dataDir = line.parser.value(line.dataDir);
    if (dataDir.isEmpty())
        dataDir = qEnvironmentVariable("FUNCDESK_DATA_DIR");
    if (dataDir.isEmpty())
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    funcdesk::ConsoleOptions options;
    options.dataDir = dataDir;
    options.connection = line.parser.value(line.connection);
    // The quick part before the window, the local platform behind it (its status bar says so).
    auto runtime = funcdesk::ConsoleRuntime::open(options);
    if (!runtime) {
        // A bad command line (an unknown --connection) says only what is wrong with it.
        const QString message =
            runtime.error().kind == funcdesk::PlatformError::Kind::Invalid
                ? runtime.error().message
                : QObject::tr("The local platform in %1 could not start:\n%2").arg(dataDir, runtime.error().message);
        std::fprintf(stderr, "funcdesk: %s\n", qPrintable(message));
        if (QGuiApplication::platformName() != QLatin1String("offscreen")) { // nobody would see it there
            setApplicationIcon();
            QMessageBox::critical(nullptr, QObject::tr("Funcdesk cannot start"), message);
        }
        return 1;
    }
    if (qEnvironmentVariable("FUNCDESK_STARTUP_PROBE") == QLatin1String("platform-first"))
        (void)runtime.value()->startPlatform();
    // No plugin search while the window is built: reading the toolbars' built-in PNGs would load
    // every image format plugin first, to ask each whether it knows the file (~2 ms; the PNG reader
    // is built in). The paths are back before anything else loads a plugin.
    fonts.waitForFontconfig();
    const QStringList pluginPaths = QCoreApplication::libraryPaths();
    QCoreApplication::setLibraryPaths({});
    funcdesk::MainWindow window(runtime.value()->context());
    QCoreApplication::setLibraryPaths(pluginPaths);
    window.show();
    // The icon after the first frame: decoding its six PNGs, and Qt's search of the image format
    // plugins that comes with the first one, took ~5 ms of CPU before it (perf, startup_bench).
    funcdesk::afterFirstFrame(&window, setApplicationIcon);
    if (qEnvironmentVariableIsSet("FUNCDESK_STARTUP_PROBE"))
        probeStartup(*runtime.value(), window);
    else
        runtime.value()->startPlatformBehind(window);
    const int status = app.exec();
    return status;
}
