#pragma once

// A whole console on a real local platform in a temporary folder: engine, connections (with
// settings in a temporary file), drafts, and the main window, as app/funcdesk builds them.

#include "models/code/DraftStore.h"
#include "models/connections/ConnectionManager.h"
#include "models/connections/ConnectionStore.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"
#include "ui/shell/MainWindow.h"

#include <QSettings>
#include <QTemporaryDir>

namespace funcdesk::test {

struct Console
{
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<LocalEngine> engine;
    std::unique_ptr<LocalPlatform> local;
    std::unique_ptr<ConnectionStore> store;
    std::unique_ptr<ConnectionManager> connections;
    std::unique_ptr<DraftStore> drafts;
    std::unique_ptr<MainWindow> window;

    bool start(const QString &webBaseUrl = QStringLiteral("http://127.0.0.1:3233"))
    {
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        LocalConfig config;
        config.dataDir = dir.filePath(QStringLiteral("platform"));
        config.executor.stemCellsPerRuntime = 0;
        auto opened = LocalEngine::open(config);
        if (!opened)
            return false;
        engine = std::move(opened).value();
        local = std::make_unique<LocalPlatform>(engine.get(), QStringLiteral("guest"));
        store = std::make_unique<ConnectionStore>(settings.get());
        connections = std::make_unique<ConnectionManager>(store.get());
        connections->setLocalPlatform(local.get());
        connections->setCurrent(ConnectionProfile::localId());
        drafts = std::make_unique<DraftStore>(dir.filePath(QStringLiteral("drafts")));
        ConsoleContext context;
        context.settings = settings.get();
        context.connections = connections.get();
        context.connectionStore = store.get();
        context.drafts = drafts.get();
        context.localExecutor = &engine->executor();
        context.localWebBaseUrl = webBaseUrl;
        window = std::make_unique<MainWindow>(context);
        return true;
    }

    ~Console()
    {
        window.reset();
        drafts.reset();
        connections.reset();
        store.reset();
        local.reset();
        engine.reset();
    }
};

} // namespace funcdesk::test
