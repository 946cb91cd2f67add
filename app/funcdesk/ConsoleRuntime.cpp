#include "ConsoleRuntime.h"

#include "models/code/DraftStore.h"
#include "models/connections/ConnectionManager.h"
#include "models/connections/ConnectionStore.h"
#include "models/metrics/MetricsService.h"
#include "models/settings/ConsoleSettings.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"
#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "server/ApiServer.h"
#include "translations/Translations.h"
#include "ui/shell/FirstFrame.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QPointer>
#include <QStatusBar>
#include <QTimer>
#include <QWindow>

namespace funcdesk {

namespace {

// Held by the console that runs the data folder's local platform (see ConsoleRuntime).
const QString kLockFile = QStringLiteral("console.lock");
// How the other consoles reach it: {"apiHost", "namespace", "auth"}, readable by the user only.
// The key stays in this file as the client's credential (as ~/.wskprops keeps wsk's); the
// platform's database holds only its hash, so a console that runs the platform again gets a
// fresh guest key, written here anew.
const QString kServerFile = QStringLiteral("console-server.json");
constexpr qint64 kServerFileMaxBytes = 4096;
// A second console started while the first is still starting waits for it up to 10 s.
constexpr int kJoinAttempts = 20;
constexpr int kJoinRetryMs = 500;

bool writeServerFile(const QString &path, const QJsonObject &server)
{
    QFile::remove(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return false;
    const QByteArray bytes = QJsonDocument(server).toJson(QJsonDocument::Compact);
    return file.write(bytes) == bytes.size();
}

} // namespace

Result<std::unique_ptr<ConsoleRuntime>> ConsoleRuntime::start(const ConsoleOptions &options)
{
    auto runtime = open(options);
    if (!runtime)
        return runtime;
    if (auto started = runtime.value()->startPlatform(); !started)
        return started.error();
    return runtime;
}

Result<std::unique_ptr<ConsoleRuntime>> ConsoleRuntime::open(const ConsoleOptions &options)
{
    std::unique_ptr<ConsoleRuntime> runtime(new ConsoleRuntime);
    runtime->m_options = options;
    runtime->m_settings = options.settingsFile.isEmpty()
                              ? std::make_unique<QSettings>()
                              : std::make_unique<QSettings>(options.settingsFile, QSettings::IniFormat);
    const QDir dataDir(options.dataDir);
    // The data folder's lock is taken behind the window (buildPlatform()): QLockFile syncs the
    // file to disk (fdatasync: ~1 ms here, more on a slow disk), and nothing before the window
    // needs it. A folder that cannot be created or locked is said there, over the function list.

    runtime->m_store = std::make_unique<ConnectionStore>(runtime->m_settings.get());
    runtime->m_connections = std::make_unique<ConnectionManager>(runtime->m_store.get());
    const QString last = ConsoleSettings::currentConnection().get(*runtime->m_settings);
    if (!runtime->m_connections->setCurrent(last))
        runtime->m_connections->setCurrent(ConnectionProfile::localId());
    if (!options.connection.isEmpty()) {
        QStringList names;
        QString chosen;
        for (const ConnectionProfile &profile : runtime->m_store->profiles()) {
            names.append(profile.name);
            if (chosen.isEmpty() && (profile.id == options.connection ||
                                     profile.name.compare(options.connection, Qt::CaseInsensitive) == 0))
                chosen = profile.id;
        }
        if (chosen.isEmpty() || !runtime->m_connections->setCurrent(chosen))
            return Result<std::unique_ptr<ConsoleRuntime>>::failure(
                PlatformError::Kind::Invalid, tr("There is no connection named %1. The connections are: %2.")
                                                  .arg(options.connection, names.join(QStringLiteral(", "))));
    }
    QObject::connect(runtime->m_connections.get(), &ConnectionManager::currentProfileChanged,
                     runtime->m_connections.get(),
                     [settings = runtime->m_settings.get()](const ConnectionProfile &profile) {
                         ConsoleSettings::currentConnection().set(*settings, profile.id);
                     });
    runtime->m_drafts = std::make_unique<DraftStore>(dataDir.filePath(QStringLiteral("drafts")));
    runtime->m_metrics = std::make_unique<MetricsService>(dataDir.filePath(QStringLiteral("metrics")));
    return runtime;
}

Result<Done> ConsoleRuntime::startPlatform()
{
    if (m_localPlatform)
        return Done{};
    auto built = buildPlatform();
    if (built)
        connectPlatform();
    return built;
}

Result<Done> ConsoleRuntime::lockDataDir()
{
    const QDir dataDir(m_options.dataDir);
    if (!dataDir.mkpath(QStringLiteral(".")))
        return Result<Done>::failure(PlatformError::Kind::Server,
                                     tr("The data folder %1 cannot be created.").arg(m_options.dataDir));
    if (!m_lock) {
        m_lock = std::make_unique<QLockFile>(dataDir.filePath(kLockFile));
        m_lock->setStaleLockTime(0); // stale only when its process is gone: a console runs for days
    }
    m_ownsPlatform = m_lock->tryLock(0);
    m_lockedByOther = !m_ownsPlatform && m_lock->error() == QLockFile::LockFailedError;
    if (!m_ownsPlatform && !m_lockedByOther)
        return Result<Done>::failure(
            PlatformError::Kind::Server,
            tr("The data folder %1 cannot be locked (is it writable?).").arg(m_options.dataDir));
    return Done{};
}

Result<Done> ConsoleRuntime::buildPlatform()
{
    if (!m_ownsPlatform) { // not locked yet, or the other console has quit meanwhile
        if (auto locked = lockDataDir(); !locked)
            return locked.error();
    }
    return m_ownsPlatform ? runPlatform() : joinPlatform();
}

Result<Done> ConsoleRuntime::runPlatform()
{
    const QDir dataDir(m_options.dataDir);
    auto config = LocalConfig::fromDataDir(dataDir.filePath(QStringLiteral("platform")));
    if (!config)
        return config.error();
    if (m_options.stemCellsPerRuntime)
        config.value().executor.stemCellsPerRuntime = *m_options.stemCellsPerRuntime;
    auto engine = LocalEngine::open(config.value());
    if (!engine)
        return engine.error();
    m_engine = std::move(engine).value();
    const auto guest = m_engine->ensureNamespace(QStringLiteral("guest"));
    if (!guest)
        return guest.error();

    ApiServerOptions serverOptions;
    serverOptions.logRequests = false;
    m_server = std::make_unique<ApiServer>(*m_engine, serverOptions);
    auto port = m_server->listenOn(QHostAddress::LocalHost, m_options.preferredPort);
    if (!port && m_options.preferredPort != 0)
        port = m_server->listenOn(QHostAddress::LocalHost, 0);
    if (port) {
        m_webBaseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port.value());
        const QJsonObject server{{QStringLiteral("apiHost"), m_webBaseUrl},
                                 {QStringLiteral("namespace"), guest->ns},
                                 {QStringLiteral("auth"), guest->authString()}};
        if (!writeServerFile(dataDir.filePath(kServerFile), server))
            qWarning("funcdesk: a second console on %s cannot join this one: %s is not writable",
                     qPrintable(m_options.dataDir), qPrintable(kServerFile));
    } else {
        QFile::remove(dataDir.filePath(kServerFile));
        qWarning("funcdesk: web actions are unavailable: %s", qPrintable(port.error().message));
    }
    m_local = std::make_unique<LocalPlatform>(m_engine.get(), QStringLiteral("guest"));
    m_localPlatform = m_local.get();
    return Done{};
}

Result<Done> ConsoleRuntime::joinPlatform()
{
    const QDir dataDir(m_options.dataDir);
    qint64 pid = 0;
    QString host, app;
    m_lock->getLockInfo(&pid, &host, &app);
    QFile file(dataDir.filePath(kServerFile));
    if (!file.open(QIODevice::ReadOnly) || file.size() > kServerFileMaxBytes)
        return Result<Done>::failure(PlatformError::Kind::Network,
                                     tr("Another Funcdesk console (process %1) runs the local platform in %2 but has "
                                        "not said how to reach it yet: try again in a moment, or close it.")
                                         .arg(QString::number(pid), m_options.dataDir));
    const QJsonObject server = QJsonDocument::fromJson(file.read(kServerFileMaxBytes)).object();
    OpenWhiskConfig config;
    config.apiHost = server.value(QStringLiteral("apiHost")).toString();
    config.ns = server.value(QStringLiteral("namespace")).toString();
    config.auth = server.value(QStringLiteral("auth")).toString();
    if (!config.rootUrl().isValid() || config.ns.isEmpty() || config.auth.isEmpty())
        return Result<Done>::failure(PlatformError::Kind::Network,
                                     tr("Another Funcdesk console (process %1) runs the local platform in %2, but "
                                        "its %3 is damaged: close that console and start again.")
                                         .arg(QString::number(pid), m_options.dataDir, kServerFile));
    m_joined = std::make_unique<OpenWhiskPlatform>(config);
    m_webBaseUrl = config.apiHost;
    m_localPlatform = m_joined.get();
    return Done{};
}

void ConsoleRuntime::connectPlatform()
{
    m_connections->setLocalPlatform(m_localPlatform);
}

void ConsoleRuntime::afterFirstFrame(QWidget *window, std::function<void()> then)
{
    funcdesk::afterFirstFrame(window, std::move(then));
}

void ConsoleRuntime::startPlatformBehind(MainWindow &window, std::function<void()> shown,
                                         std::function<void(const Result<Done> &)> ready)
{
    window.statusBar()->showMessage(tr("Starting the local platform…"));
    QPointer<MainWindow> guarded(&window);
    afterFirstFrame(&window, [this, guarded, shown = std::move(shown), ready = std::move(ready)] {
        if (shown)
            shown();
        finishStart(guarded, ready, 0);
    });
}

void ConsoleRuntime::finishStart(QPointer<MainWindow> window, std::function<void(const Result<Done> &)> ready,
                                 int attempt)
{
    const bool startedBefore = m_localPlatform != nullptr; // startPlatform() was called already
    const Result<Done> built = startedBefore ? Result<Done>(Done{}) : buildPlatform();
    // The console holding the lock has not said where its server is: it is starting too. Wait
    // for it a little (kJoinAttempts × kJoinRetryMs) before saying so.
    if (!built && m_lockedByOther && attempt < kJoinAttempts) {
        QTimer::singleShot(kJoinRetryMs, m_connections.get(),
                           [this, window, ready, attempt] { finishStart(window, ready, attempt + 1); });
        return;
    }
    if (window) {
        if (built) {
            window->setLocalPlatformProblem(QString());
            m_connections->setLocalProblem(QString());
            window->setLocalServices(context().localExecutor, m_webBaseUrl);
            window->statusBar()->showMessage(ownsPlatform() ? tr("The local platform is ready.")
                                                            : tr("Using the local platform of the other "
                                                                 "Funcdesk console on this data folder."),
                                             8000);
        } else {
            const QString problem = tr("The local platform could not start: %1").arg(built.error().message);
            window->statusBar()->showMessage(problem);
            m_connections->setLocalProblem(problem); // the connection's status says it too
            window->setLocalPlatformProblem(problem, [this, window, ready] {
                if (!window)
                    return;
                window->setLocalPlatformProblem(QString());
                m_connections->setLocalProblem(QString());
                window->statusBar()->showMessage(tr("Starting the local platform…"));
                // One turn later: the status bar shows before a start that may take a while.
                QTimer::singleShot(0, m_connections.get(), [this, window, ready] { finishStart(window, ready, 0); });
            });
        }
    }
    if (built && !startedBefore)
        connectPlatform();
    if (ready)
        ready(built);
}

ConsoleRuntime::~ConsoleRuntime()
{
    m_drafts.reset();  // writes pending drafts
    m_metrics.reset(); // saves its snapshot while the platform is still there
    m_connections.reset();
    m_store.reset();
    m_joined.reset();
    m_local.reset();
    m_server.reset();
    m_engine.reset();
    if (m_ownsPlatform) {
        QFile::remove(QDir(m_options.dataDir).filePath(kServerFile));
        m_lock->unlock();
    }
}

ConsoleContext ConsoleRuntime::context()
{
    ConsoleContext context;
    context.settings = m_settings.get();
    context.connections = m_connections.get();
    context.connectionStore = m_store.get();
    context.drafts = m_drafts.get();
    context.localExecutor = m_engine ? &m_engine->executor() : nullptr;
    context.localWebBaseUrl = m_webBaseUrl;
    context.metrics = m_metrics.get();
    context.applyLanguage = [](const QString &language) {
        installTranslations(*QCoreApplication::instance(), language);
    };
    return context;
}

} // namespace funcdesk
