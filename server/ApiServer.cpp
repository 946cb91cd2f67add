#include "server/ApiServer.h"

#include "server/ActionsApi.h"
#include "server/ActivationsApi.h"
#include "server/ApiMessages.h"
#include "server/BasicAuth.h"
#include "server/HttpTransport.h"
#include "server/InfoApi.h"
#include "server/ObjectsApi.h"
#include "server/PackagesApi.h"
#include "server/PublicAccess.h"
#include "server/RequestLog.h"
#include "server/RulesApi.h"
#include "server/TriggersApi.h"
#include "server/WebActions.h"

#include "platforms/local/ApiRouteTable.h"

namespace funcdesk {

namespace {
using Method = HttpMethod;

// Web actions and routes are anonymous unless the request carries valid credentials; wrong ones
// count as none.
std::optional<Identity> webCaller(LocalEngine &engine, const HttpRequest &http)
{
    const QByteArray authorization = http.header(QByteArrayLiteral("authorization"));
    if (authorization.isEmpty())
        return std::nullopt;
    auto identity = authenticateBasic(engine, authorization);
    if (!identity)
        return std::nullopt;
    return std::move(identity).value();
}
} // namespace

ApiServer::ApiServer(LocalEngine &engine, ApiServerOptions options, QObject *parent)
    : QObject(parent), m_engine(engine), m_options(options), m_info(std::make_unique<InfoApi>(engine)),
      m_actions(std::make_unique<ActionsApi>(engine)), m_triggers(std::make_unique<TriggersApi>(engine)),
      m_rules(std::make_unique<RulesApi>(engine)), m_packages(std::make_unique<PackagesApi>(engine)),
      m_activations(std::make_unique<ActivationsApi>(engine)), m_objects(std::make_unique<ObjectsApi>(engine)),
      m_web(std::make_unique<WebActions>(engine))
{
    if (m_options.logRequests)
        m_log = std::make_shared<RequestLog>();
    if (m_options.metrics != MetricsAccess::Off)
        m_metrics = std::make_unique<MetricsApi>(engine, m_options.metrics, m_options.maxMetricsSeries);
    m_transport = std::make_unique<HttpTransport>(
        [this](HttpRequest &request, const std::shared_ptr<HttpConnection> &connection) {
            handleRequest(request, connection);
        },
        [this](HttpConnection::ReadStatus status, const HttpRequest &partial,
               const std::shared_ptr<HttpConnection> &connection) { refuse(status, partial, connection); },
        m_options.http, this);
    m_transport->setTls(m_options.tls);
    m_transport->setBodySinks(
        [&engine](const HttpRequest &headers) { return ObjectsApi::objectBodySink(engine, headers); });
}

ApiServer::~ApiServer()
{
    m_transport.reset(); // answers what is in progress, then ends every connection
}

Result<quint16> ApiServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto bound = m_transport->listen(address, port);
    if (bound) {
        // Where routes answer when a request names no host (gwApiUrl for in-process callers).
        const bool any =
            address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
        QString host = any ? QStringLiteral("localhost") : address.toString();
        if (address.protocol() == QAbstractSocket::IPv6Protocol && !any)
            host = QLatin1Char('[') + host + QLatin1Char(']');
        m_engine.routes().setServedAt(QStringLiteral("%1://%2:%3")
                                          .arg(m_options.tls ? QStringLiteral("https") : QStringLiteral("http"), host)
                                          .arg(bound.value()));
    }
    return bound;
}

void ApiServer::stopListening()
{
    m_transport->stopListening();
}

void ApiServer::flushRequestLog()
{
    if (m_log)
        m_log->flush();
}

bool ApiServer::noteInRequestLog(const QByteArray &text)
{
    if (!m_log)
        return false;
    m_log->note(text);
    return true;
}

Reply ApiServer::replyFor(const HttpRequest &http, const QString &path,
                          const std::shared_ptr<HttpConnection> &connection)
{
    Reply::Context context;
    context.connection = connection;
    context.transport = m_transport.get();
    context.method = http.methodName;
    context.path = path;
    context.number = ++m_requestCount;
    context.start = std::chrono::steady_clock::now();
    context.head = http.method == Method::Head;
    context.close = !http.keepAlive;
    context.confirmKeepAlive = http.http10 && http.keepAlive;
    context.log = m_log;
    return Reply(std::move(context));
}

void ApiServer::refuse(HttpConnection::ReadStatus status, const HttpRequest &partial,
                       const std::shared_ptr<HttpConnection> &connection)
{
    HttpRequest closing = partial;
    closing.keepAlive = false;
    Reply reply = replyFor(closing, QString::fromUtf8(partial.target), connection);
    if (status == HttpConnection::ReadStatus::TooLarge) {
        const qint64 allowed = partial.sink ? partial.sink->maxBytes() : m_transport->limits().maxBodyBytes;
        const qint64 size = connection->refusedBodySize() >= 0 ? connection->refusedBodySize() : allowed + 1;
        reply.sendError(413, messages::requestTooLarge(size, allowed));
    } else {
        reply.sendError(400, messages::malformedRequest());
    }
}

void ApiServer::handleRequest(HttpRequest &http, const std::shared_ptr<HttpConnection> &connection)
{
    ApiRequest request;
    request.http = &http;
    request.method = http.method;
    const QUrl url = QUrl::fromEncoded(http.target);
    request.path = url.path();
    request.segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    request.trailingSlash = request.path.size() > 1 && request.path.endsWith(QLatin1Char('/'));
    if (url.hasQuery()) {
        request.query = QUrlQuery(url);
        request.rawQuery = url.query(QUrl::FullyEncoded);
    }
    request.body = std::move(http.body);
    Reply reply = replyFor(http, request.path, connection);

    // Dispatch on plain string compares of the path segments: this runs for every request.
    const QStringList &segments = request.segments;
    if (segments.isEmpty()) {
        if (request.method == Method::Options)
            reply.sendEmpty(200);
        else
            m_info->root(request, std::move(reply));
        return;
    }
    if (m_metrics && segments.size() == 1 && segments.at(0) == QLatin1StringView("metrics")) {
        m_metrics->handle(request, std::move(reply));
        return;
    }
    if (segments.at(0) != QLatin1StringView("api")) {
        reply.sendError(404, messages::resourceDoesNotExist());
        return;
    }
    if (segments.size() < 2 || segments.at(1) != QLatin1StringView("v1")) {
        serveRoute(request, std::move(reply)); // /api/{basepath}/{relpath}: an API gateway route
        return;
    }
    if (segments.size() > 2 && segments.at(2) == QLatin1StringView("web")) {
        m_web->handle(request, std::move(reply), webCaller(m_engine, http));
        return;
    }
    if (request.method == Method::Options) { // a CORS preflight: the headers are the answer
        reply.sendEmpty(200);
        return;
    }
    if (segments.size() == 2) {
        m_info->apiVersion(request, std::move(reply));
        return;
    }
    if (segments.at(2) == QLatin1StringView("namespaces")) {
        dispatchNamespaces(request, std::move(reply));
        return;
    }
    reply.sendError(404, messages::resourceDoesNotExist());
}

void ApiServer::serveRoute(const ApiRequest &request, Reply reply)
{
    const QString verb = QString::fromLatin1(request.http->methodName).toUpper();
    const RouteMatch route = m_engine.routes().match(request.segments.mid(1), verb);
    switch (route.kind) {
    case RouteMatch::Kind::NoRoute:
        return reply.sendError(404, messages::resourceDoesNotExist());
    case RouteMatch::Kind::WrongVerb:
        reply.addHeader(QByteArrayLiteral("Allow"), route.verbs.join(QStringLiteral(", ")).toLatin1());
        return reply.sendError(405, messages::routeMethodNotAllowed(verb, route.verbs));
    case RouteMatch::Kind::Found:
        return m_web->handleRoute(request, std::move(reply), webCaller(m_engine, *request.http), route);
    }
}

void ApiServer::dispatchNamespaces(ApiRequest &request, Reply reply)
{
    auto identity = authenticateBasic(m_engine, request.header(QByteArrayLiteral("authorization")));
    if (!identity)
        return reply.sendError(identity.error());
    request.caller = std::move(identity).value();

    const QStringList &segments = request.segments; // api, v1, namespaces, ns, collection, entity...
    if (segments.size() == 3)
        return m_info->namespaces(request, std::move(reply));
    const QString &ns = segments.at(3);
    request.ns = ns == QLatin1StringView("_") ? request.caller.ns : ns;
    if (segments.size() > 5)
        request.entity = segments.mid(5);
    if (request.ns != request.caller.ns && !mayReachAcross(m_engine, request)) {
        const QString resource = request.entity.isEmpty() ? ns : ns + QLatin1Char('/') + request.entityName();
        return reply.sendError(403, messages::notAuthorizedToAccess(resource));
    }
    if (segments.size() == 4)
        return reply.sendError(404, messages::resourceDoesNotExist());

    const QString &collection = segments.at(4);
    if (collection == QLatin1StringView("limits"))
        return m_info->limits(request, std::move(reply));
    ApiHandler *handler = nullptr;
    if (collection == QLatin1StringView("actions"))
        handler = m_actions.get();
    else if (collection == QLatin1StringView("activations"))
        handler = m_activations.get();
    else if (collection == QLatin1StringView("triggers"))
        handler = m_triggers.get();
    else if (collection == QLatin1StringView("rules"))
        handler = m_rules.get();
    else if (collection == QLatin1StringView("packages"))
        handler = m_packages.get();
    else if (collection == QLatin1StringView("buckets"))
        handler = m_objects.get();
    if (!handler)
        return reply.sendError(404, messages::resourceDoesNotExist());
    handler->handle(request, std::move(reply));
}

} // namespace funcdesk
