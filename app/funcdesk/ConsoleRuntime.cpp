#include "ConsoleRuntime.h"

#include "models/code/DraftStore.h"
#include "models/connections/ConnectionManager.h"
#include "models/connections/ConnectionStore.h"
#include "models/metrics/MetricsService.h"
#include "models/settings/ConsoleSettings.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"
#include "server/ApiServer.h"
#include "translations/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>

namespace funcdesk {

Result<std::unique_ptr<ConsoleRuntime>> ConsoleRuntime::start(const ConsoleOptions &options)
{
    std::unique_ptr<ConsoleRuntime> runtime(new ConsoleRuntime);
    runtime->m_settings = options.settingsFile.isEmpty()
                              ? std::make_unique<QSettings>()
                              : std::make_unique<QSettings>(options.settingsFile, QSettings::IniFormat);
    const QDir dataDir(options.dataDir);
    auto config = LocalConfig::fromDataDir(dataDir.filePath(QStringLiteral("platform")));
    if (!config)
        return config.error();
    if (options.stemCellsPerRuntime)
        config.value().executor.stemCellsPerRuntime = *options.stemCellsPerRuntime;
    auto engine = LocalEngine::open(config.value());
    if (!engine)
        return engine.error();
    runtime->m_engine = std::move(engine).value();
    if (auto guest = runtime->m_engine->ensureNamespace(QStringLiteral("guest")); !guest)
        return guest.error();

    ApiServerOptions serverOptions;
    serverOptions.logRequests = false;
    runtime->m_server = std::make_unique<ApiServer>(*runtime->m_engine, serverOptions);
    auto port = runtime->m_server->listenOn(QHostAddress::LocalHost, options.preferredPort);
    if (!port && options.preferredPort != 0)
        port = runtime->m_server->listenOn(QHostAddress::LocalHost, 0);
    if (port)
        runtime->m_webBaseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port.value());
    else
        qWarning("funcdesk: web actions are unavailable: %s", qPrintable(port.error().message));

    runtime->m_local = std::make_unique<LocalPlatform>(runtime->m_engine.get(), QStringLiteral("guest"));
    runtime->m_store = std::make_unique<ConnectionStore>(runtime->m_settings.get());
    runtime->m_connections = std::make_unique<ConnectionManager>(runtime->m_store.get());
    runtime->m_connections->setLocalPlatform(runtime->m_local.get());
    const QString last = ConsoleSettings::currentConnection().get(*runtime->m_settings);
    if (!runtime->m_connections->setCurrent(last))
        runtime->m_connections->setCurrent(ConnectionProfile::localId());
    QObject::connect(runtime->m_connections.get(), &ConnectionManager::currentProfileChanged,
                     runtime->m_connections.get(),
                     [settings = runtime->m_settings.get()](const ConnectionProfile &profile) {
                         ConsoleSettings::currentConnection().set(*settings, profile.id);
                     });
    runtime->m_drafts = std::make_unique<DraftStore>(dataDir.filePath(QStringLiteral("drafts")));
    runtime->m_metrics = std::make_unique<MetricsService>(dataDir.filePath(QStringLiteral("metrics")));
    return runtime;
}

ConsoleRuntime::~ConsoleRuntime()
{
    m_drafts.reset();  // writes pending drafts
    m_metrics.reset(); // saves its snapshot while the platform is still there
    m_connections.reset();
    m_store.reset();
    m_local.reset();
    m_server.reset();
    m_engine.reset();
}

ConsoleContext ConsoleRuntime::context()
{
    ConsoleContext context;
    context.settings = m_settings.get();
    context.connections = m_connections.get();
    context.connectionStore = m_store.get();
    context.drafts = m_drafts.get();
    context.localExecutor = &m_engine->executor();
    context.localWebBaseUrl = m_webBaseUrl;
    context.metrics = m_metrics.get();
    context.applyLanguage = [](const QString &language) {
        installTranslations(*QCoreApplication::instance(), language);
    };
    return context;
}

} // namespace funcdesk
