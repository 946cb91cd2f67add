#include "server/ApiServer.h"

#include "server/ActionsApi.h"
#include "server/ActivationsApi.h"
#include "server/ApiMessages.h"
#include "server/BasicAuth.h"
#include "server/InfoApi.h"
#include "server/LowDelayTcpServer.h"
#include "server/PackagesApi.h"
#include "server/RulesApi.h"
#include "server/TriggersApi.h"
#include "server/WebActions.h"

#include <QHttpServerRequest>

namespace funcdesk {

namespace {

using Method = QHttpServerRequest::Method;

QByteArray methodText(Method method)
{
    switch (method) {
    case Method::Get:
        return QByteArrayLiteral("GET");
    case Method::Put:
        return QByteArrayLiteral("PUT");
    case Method::Delete:
        return QByteArrayLiteral("DELETE");
    case Method::Post:
        return QByteArrayLiteral("POST");
    case Method::Head:
        return QByteArrayLiteral("HEAD");
    case Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case Method::Patch:
        return QByteArrayLiteral("PATCH");
    case Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("?");
    }
}

} // namespace

ApiServer::ApiServer(LocalEngine &engine, ApiServerOptions options, QObject *parent)
    : QAbstractHttpServer(parent), m_engine(engine), m_options(options), m_info(std::make_unique<InfoApi>(engine)),
      m_actions(std::make_unique<ActionsApi>(engine, this)), m_triggers(std::make_unique<TriggersApi>(engine, this)),
      m_rules(std::make_unique<RulesApi>(engine, this)), m_packages(std::make_unique<PackagesApi>(engine, this)),
      m_activations(std::make_unique<ActivationsApi>(engine, this)), m_web(std::make_unique<WebActions>(engine, this))
{
}

ApiServer::~ApiServer() = default;

Result<quint16> ApiServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto *tcp = new LowDelayTcpServer(this);
    if (!tcp->listen(address, port)) {
        const QString reason = tcp->errorString();
        delete tcp;
        return PlatformError{PlatformError::Kind::Network, reason};
    }
    bind(tcp);
    return tcp->serverPort();
}

void ApiServer::stopListening()
{
    for (QTcpServer *server : servers())
        server->close();
}

bool ApiServer::handleRequest(const QHttpServerRequest &http, QTcpSocket *socket)
{
    ApiRequest request;
    request.http = &http;
    request.method = http.method();
    const QUrl url = http.url();
    request.path = url.path();
    request.segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    request.trailingSlash = request.path.size() > 1 && request.path.endsWith(QLatin1Char('/'));
    if (url.hasQuery())
        request.query = QUrlQuery(url);
    request.body = http.body();

    Reply::Context context;
    context.socket = socket;
    context.order = orderOf(socket);
    context.sequence = context.order->admit();
    context.method = methodText(request.method);
    context.path = request.path;
    context.number = ++m_requestCount;
    context.start = std::chrono::steady_clock::now();
    context.head = request.method == Method::Head;
    const QByteArray connection = http.value(QByteArrayLiteral("connection"));
    context.close = !connection.isEmpty() && connection.toLower().contains("close");
    context.log = m_options.logRequests;
    Reply reply(std::move(context));

    // Dispatch on plain string compares of the path segments: this runs for every request.
    const QStringList &segments = request.segments;
    if (segments.isEmpty()) {
        if (request.method == Method::Options)
            reply.sendEmpty(200);
        else
            m_info->root(request, std::move(reply));
        return true;
    }
    if (segments.size() < 2 || segments.at(0) != QLatin1StringView("api") ||
        segments.at(1) != QLatin1StringView("v1")) {
        reply.sendError(404, messages::resourceDoesNotExist());
        return true;
    }
    if (segments.size() > 2 && segments.at(2) == QLatin1StringView("web")) {
        // Web actions are anonymous unless the action asks for credentials; wrong ones count
        // as none.
        std::optional<Identity> caller;
        const QByteArray authorization = http.value(QByteArrayLiteral("authorization"));
        if (!authorization.isEmpty()) {
            if (auto identity = authenticateBasic(m_engine, authorization))
                caller = std::move(identity).value();
        }
        m_web->handle(request, std::move(reply), std::move(caller));
        return true;
    }
    if (request.method == Method::Options) { // a CORS preflight: the headers are the answer
        reply.sendEmpty(200);
        return true;
    }
    if (segments.size() == 2) {
        m_info->apiVersion(request, std::move(reply));
        return true;
    }
    if (segments.at(2) == QLatin1StringView("namespaces")) {
        dispatchNamespaces(request, std::move(reply));
        return true;
    }
    reply.sendError(404, messages::resourceDoesNotExist());
    return true;
}

// One ResponseOrder per connection, dropped with its socket (QtHttpServer deletes the socket
// once the client disconnects).
std::shared_ptr<ResponseOrder> ApiServer::orderOf(QTcpSocket *socket)
{
    std::shared_ptr<ResponseOrder> &order = m_connections[socket];
    if (!order) {
        order = std::make_shared<ResponseOrder>();
        connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    }
    return order;
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
    if (request.ns != request.caller.ns) {
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
    if (!handler)
        return reply.sendError(404, messages::resourceDoesNotExist());
    handler->handle(request, std::move(reply));
}

// handleRequest() answers every request itself, so QtHttpServer never calls this; kept total.
void ApiServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    Reply::Context context;
    context.socket = socket;
    context.start = std::chrono::steady_clock::now();
    context.log = m_options.logRequests;
    Reply(std::move(context)).sendError(404, messages::resourceDoesNotExist());
}

} // namespace funcdesk
