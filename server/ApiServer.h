#pragma once

#include "core/Result.h"
#include "server/HttpConnection.h"
#include "server/MetricsApi.h"

#include <QHostAddress>
#include <QObject>

#include <atomic>
#include <memory>

namespace funcdesk {

class LocalEngine;
class InfoApi;
class ApiHandler;
class WebActions;
struct ApiRequest;
class Reply;
class HttpTransport;
class RequestLog;
class TlsContext;

struct ApiServerOptions
{
    bool logRequests = true;                    // one info line per request on the "funcdesk.http" category
    MetricsAccess metrics = MetricsAccess::Off; // GET /metrics (Prometheus), opt-in
    int maxMetricsSeries = ActionMetrics::kDefaultMaxSeries;
    HttpLimits http;                       // connections, deadlines (docs/server.md)
    std::shared_ptr<const TlsContext> tls; // HTTPS when set (server/TlsContext.h)
};

// The OpenWhisk REST API (and web actions) over a LocalEngine. Reads the request line, checks
// Basic credentials and the namespace, and hands the request to the handler of its collection.
// Requests are handled and answered on the transport's threads (HttpTransport: the thread that
// read the request serves it), several at once.
class ApiServer final : public QObject
{
    Q_OBJECT

public:
    explicit ApiServer(LocalEngine &engine, ApiServerOptions options = {}, QObject *parent = nullptr);
    ~ApiServer() override;

    // Starts listening; the port bound (a free one when `port` is 0), or why it could not.
    Result<quint16> listenOn(const QHostAddress &address, quint16 port);
    // Accepts no new connections; requests already received are still answered.
    void stopListening();
    // Writes the request lines logged so far (they are written in batches), so that a message
    // printed next comes after them.
    void flushRequestLog();
    // Writes `text` as a line after the request lines, through the log's own non-blocking
    // descriptor (a stalled stderr holds it a second or two at most). False without a request
    // log (logRequests off): then nothing was written.
    bool noteInRequestLog(const QByteArray &text);

private:
    void handleRequest(HttpRequest &http, const std::shared_ptr<HttpConnection> &connection);
    void refuse(HttpConnection::ReadStatus status, const HttpRequest &partial,
                const std::shared_ptr<HttpConnection> &connection);
    Reply replyFor(const HttpRequest &http, const QString &path, const std::shared_ptr<HttpConnection> &connection);
    void dispatchNamespaces(ApiRequest &request, Reply reply);
    void serveRoute(const ApiRequest &request, Reply reply);

    LocalEngine &m_engine;
    ApiServerOptions m_options;
    std::atomic<quint64> m_requestCount = 0;
    std::unique_ptr<InfoApi> m_info;
    std::unique_ptr<ApiHandler> m_actions;
    std::unique_ptr<ApiHandler> m_triggers;
    std::unique_ptr<ApiHandler> m_rules;
    std::unique_ptr<ApiHandler> m_packages;
    std::unique_ptr<ApiHandler> m_activations;
    std::unique_ptr<ApiHandler> m_objects;
    std::unique_ptr<WebActions> m_web;
    std::unique_ptr<MetricsApi> m_metrics;      // with options.metrics
    std::shared_ptr<RequestLog> m_log;          // with logRequests; shared with the replies
    std::unique_ptr<HttpTransport> m_transport; // last: its threads stop before the handlers go
};

} // namespace funcdesk
