#pragma once

// A whole console on a real local platform in a temporary folder, built by app/funcdesk's own
// ConsoleRuntime (engine, REST server on loopback, connections with settings in a temporary
// file, drafts), and its main window.

#include "app/funcdesk/ConsoleRuntime.h"
#include "models/connections/ConnectionManager.h"
#include "models/connections/ConnectionStore.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"
#include "support/Futures.h"
#include "ui/shell/MainWindow.h"

#include <QDir>
#include <QFile>
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

    // Puts a MetricsStore snapshot where the console's MetricsService loads the Local connection's
    // from (its cache folder is the data folder's metrics/): call before start().
    bool placeMetricsSnapshot(const QByteArray &snapshot)
    {
        QDir(dir.path()).mkpath(QStringLiteral("metrics"));
        QFile file(dir.filePath(QStringLiteral("metrics/metrics-%1.bin").arg(ConnectionProfile::localId())));
        return file.open(QIODevice::WriteOnly) && file.write(snapshot) == snapshot.size();
    }

    // The action as the platform stores it now (an empty Action when there is none).
    Action stored(const QString &name)
    {
        const auto action = wait(engine->getAction(QStringLiteral("guest"), name));
        return action.ok() ? action.value() : Action();
    }

    ~Console()
    {
        window.reset();
        runtime.reset();
    }
};

} // namespace funcdesk::test
