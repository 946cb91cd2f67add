#pragma once

#include "ui/shell/MainWindow.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSettings>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;

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
    // The connection to open (`funcdesk --connection NAME`: a profile's name or id); empty: the
    // one used last. An unknown name makes open() fail and says which names there are.
    QString connection;
};

// Everything the console runs on: the embedded local platform in the user's data folder with its
// REST server on loopback (so web actions have real URLs), the connections, drafts, the metrics
// service (snapshots in the data folder's metrics/). Owns them in the order they must go away.
//
// Two steps, so the window shows before the slow part: open() (settings, connections, drafts,
// metrics; it does not touch the data folder) and startPlatform() (the data folder's lock, engine,
// server, the Local connection's platform). A data folder that cannot be created or locked does
// not stop the window: startPlatform() fails with the reason (the window says it over the function list). The console
// holding the data folder's lock (console.lock) runs the platform; a second console on the same data folder runs none:
// its Local connection is the first one's REST server, reached with the address and key the first left in
// console-server.json (0600). So both show the same functions and only one engine fires timer triggers.
class ConsoleRuntime
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleRuntime)

public:
    // Both steps at once (the GUI tests).
    static Result<std::unique_ptr<ConsoleRuntime>> start(const ConsoleOptions &options);
    // The quick step, before the window.
    static Result<std::unique_ptr<ConsoleRuntime>> open(const ConsoleOptions &options);
    // The slow step: the Local connection has a platform afterwards. Once; later calls do nothing.
    Result<Done> startPlatform();
    // The program's way: says "Starting the local platform…" in `window`'s status bar, runs
    // startPlatform() once the window has shown its first frame, then hands the panels the
    // local executor. When it fails, the window shows why over the function list, with Retry.
    // `shown` (may be empty) is called at the first frame, before the start; `ready` (may be
    // empty) after it (and after each Retry), with the outcome.
    void startPlatformBehind(MainWindow &window, std::function<void()> shown = {},
                             std::function<void(const Result<Done> &)> ready = {});
    ~ConsoleRuntime();
    // Runs `then` once `window` has shown its first frame (its first expose is handled), or after
    // a second if it never shows (started minimized, or not shown at all).
    static void afterFirstFrame(QWidget *window, std::function<void()> then);

    ConsoleContext context();
    bool platformStarted() const { return m_localPlatform != nullptr; }
    // Whether this console runs the local platform (holds the data folder's lock); false when it
    // uses another console's.
    bool ownsPlatform() const { return m_ownsPlatform; }
    // Only when ownsPlatform() and platformStarted().
    LocalEngine &engine() { return *m_engine; }
    LocalPlatform &localPlatform() { return *m_local; }

private:
    ConsoleRuntime() = default;
    // Creates the data folder and tries its lock: fails when either cannot be done (not when
    // another console holds the lock: then ownsPlatform() is false).
    Result<Done> lockDataDir();
    Result<Done> buildPlatform();
    Result<Done> runPlatform();  // this console's engine and server
    Result<Done> joinPlatform(); // the other console's server
    void connectPlatform();
    void finishStart(QPointer<MainWindow> window, std::function<void(const Result<Done> &)> ready, int attempt);

    ConsoleOptions m_options;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QLockFile> m_lock;
    bool m_ownsPlatform = false;
    bool m_lockedByOther = false; // another console holds the data folder's lock (its platform is joined)
    std::unique_ptr<LocalEngine> m_engine;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<LocalPlatform> m_local;
    std::unique_ptr<Platform> m_joined; // another console's platform, when this one runs none
    Platform *m_localPlatform = nullptr;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<ConnectionManager> m_connections;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<MetricsService> m_metrics;
    QString m_webBaseUrl;
};

} // namespace funcdesk
