#pragma once

#include "core/Result.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>

#include <memory>

namespace funcdesk {

class LocalEngine;
class InfoApi;
class ApiHandler;
class WebActions;
struct ApiRequest;
class Reply;
class ResponseOrder;

struct ApiServerOptions
{
    bool logRequests = true; // one info line per request on the "funcdesk.http" category
};

// The OpenWhisk REST API (and web actions) over a LocalEngine. Reads the request line, checks
// Basic credentials and the namespace, and hands the request to the handler of its collection.
// Runs on the thread it lives on; engine calls finish on other threads and are answered back here.
class ApiServer final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit ApiServer(LocalEngine &engine, ApiServerOptions options = {}, QObject *parent = nullptr);
    ~ApiServer() override;

    // Starts listening; the port bound (a free one when `port` is 0), or why it could not.
    Result<quint16> listenOn(const QHostAddress &address, quint16 port);
    // Accepts no new connections; requests already received are still answered.
    void stopListening();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void dispatchNamespaces(ApiRequest &request, Reply reply);
    std::shared_ptr<ResponseOrder> orderOf(QTcpSocket *socket);

    LocalEngine &m_engine;
    ApiServerOptions m_options;
    quint64 m_requestCount = 0;
    QHash<QTcpSocket *, std::shared_ptr<ResponseOrder>> m_connections;
    std::unique_ptr<InfoApi> m_info;
    std::unique_ptr<ApiHandler> m_actions;
    std::unique_ptr<ApiHandler> m_triggers;
    std::unique_ptr<ApiHandler> m_rules;
    std::unique_ptr<ApiHandler> m_packages;
    std::unique_ptr<ApiHandler> m_activations;
    std::unique_ptr<WebActions> m_web;
};

} // namespace funcdesk
