#pragma once

#include "ui/shell/MainWindow.h"

#include <QSettings>

#include <memory>

namespace funcdesk {

class ApiServer;
class LocalEngine;
class LocalPlatform;

// Everything the console runs on, built once at start: the embedded local platform in the
// user's data folder with its REST server on loopback (so web actions have real URLs), the
// connections, drafts. Owns them in the order they must go away.
class ConsoleRuntime
{
public:
    // `dataDir`: where the local platform and drafts live (the user's data folder by default).
    static Result<std::unique_ptr<ConsoleRuntime>> start(const QString &dataDir);
    ~ConsoleRuntime();

    ConsoleContext context();
    LocalEngine &engine() { return *m_engine; }

private:
    ConsoleRuntime() = default;

    QSettings m_settings;
    std::unique_ptr<LocalEngine> m_engine;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<LocalPlatform> m_local;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<ConnectionManager> m_connections;
    std::unique_ptr<DraftStore> m_drafts;
    QString m_webBaseUrl;
};

} // namespace funcdesk
