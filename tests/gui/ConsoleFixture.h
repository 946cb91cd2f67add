#pragma once

// A whole console on a real local platform in a temporary folder, built by app/funcdesk's own
// ConsoleRuntime (engine, REST server on loopback, connections with settings in a temporary
// file, drafts), and its main window.

#include "app/funcdesk/ConsoleRuntime.h"
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
    std::unique_ptr<ConsoleRuntime> runtime;
    std::unique_ptr<MainWindow> window;
    // Parts of the runtime, for the checks.
    LocalEngine *engine = nullptr;
    LocalPlatform *local = nullptr;
    ConnectionStore *store = nullptr;
    ConnectionManager *connections = nullptr;
    QSettings *settings = nullptr;

    // `preferredPort`: the local server's (0: any free one, so consoles started at once do not
    // compete for the program's default).
    bool start(quint16 preferredPort = 0)
    {
        ConsoleOptions options;
        options.dataDir = dir.path();
        options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
        options.preferredPort = preferredPort;
        options.stemCellsPerRuntime = 0; // few invokes here, many consoles at once
        auto started = ConsoleRuntime::start(options);
        if (!started) {
            qWarning("the console did not start: %s", qPrintable(started.error().message));
            return false;
        }
        runtime = std::move(started).value();
        engine = &runtime->engine();
        local = &runtime->localPlatform();
        const ConsoleContext context = runtime->context();
        settings = context.settings;
        store = context.connectionStore;
        connections = context.connections;
        window = std::make_unique<MainWindow>(context);
        return true;
    }

    ~Console()
    {
        window.reset();
        runtime.reset();
    }
};

} // namespace funcdesk::test
