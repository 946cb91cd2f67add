#pragma once

#include "ui/shell/MainWindow.h"

#include <QSettings>

#include <memory>
#include <optional>

namespace funcdesk {

class ApiServer;
class LocalEngine;
class LocalPlatform;
class MetricsService;

// Where the console keeps its state, and what it starts.
struct ConsoleOptions
{
    QString dataDir;      // the local platform and the drafts (the user's data folder by default)
    QString settingsFile; // an INI file; empty: the user's settings, where QSettings keeps them
    // The local REST server's port: taken when free, so web action URLs stay the same from one
    // start to the next, else any free port. 0: any free port. (3233 is OpenWhisk standalone's.)
    quint16 preferredPort = 3233;
    // Runtime processes started ahead of the first invoke; empty: the executor's default.
    std::optional<int> stemCellsPerRuntime;
};

// Everything the console runs on, built once at start: the embedded local platform in the
// user's data folder with its REST server on loopback (so web actions have real URLs), the
// connections, drafts, the metrics service (snapshots in the data folder's metrics/). Owns them in the order they must
// go away.
class ConsoleRuntime
{
public:
    static Result<std::unique_ptr<ConsoleRuntime>> start(const ConsoleOptions &options);
    ~ConsoleRuntime();

    ConsoleContext context();
    LocalEngine &engine() { return *m_engine; }
    LocalPlatform &localPlatform() { return *m_local; }

private:
    ConsoleRuntime() = default;

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<LocalEngine> m_engine;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<LocalPlatform> m_local;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<ConnectionManager> m_connections;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<MetricsService> m_metrics;
    QString m_webBaseUrl;
};

} // namespace funcdesk
