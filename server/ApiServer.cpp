#include "server/ApiServer.h"

#include "server/ActionsApi.h"
#include "server/ActivationsApi.h"
#include "server/ApiMessages.h"
#include "server/BasicAuth.h"
#include "server/HttpTransport.h"
#include "server/InfoApi.h"
#include "server/PackagesApi.h"
#include "server/PublicAccess.h"
#include "server/RequestLog.h"
#include "server/RulesApi.h"
#include "server/TriggersApi.h"
#include "server/WebActions.h"

namespace funcdesk {

namespace {
using Method = HttpMethod;
// Connections served at once (a thread each); more wait for a free thread.
constexpr int kMaxConnections = 512;
} // namespace

ApiServer::ApiServer(LocalEngine &engine, ApiServerOptions options, QObject *parent)
    : QObject(parent), m_engine(engine), m_options(options), m_info(std::make_unique<InfoApi>(engine)),
      m_actions(std::make_unique<ActionsApi>(engine)), m_triggers(std::make_unique<TriggersApi>(engine)),
      m_rules(std::make_unique<RulesApi>(engine)), m_packages(std::make_unique<PackagesApi>(engine)),
      m_activations(std::make_unique<ActivationsApi>(engine)), m_web(std::make_unique<WebActions>(engine))
{
    if (m_options.logRequests)
        m_log = std::make_shared<RequestLog>();
    m_transport = std::make_unique<HttpTransport>(
        [this](HttpRequest &request, const std::shared_ptr<HttpConnection> &connection) {
            handleRequest(request, connection);
        },
        [this](HttpConnection::ReadStatus status, const HttpRequest &partial,
               const std::shared_ptr<HttpConnection> &connection) { refuse(status, partial, connection); },
        HttpLimits(), kMaxConnections, this);
}

ApiServer::~ApiServer()
{
    m_transport.reset(); // answers what is in progress, then ends every connection
}

Result<quint16> ApiServer::listenOn(const QHostAddress &address, quint16 port)
{
    return m_transport->listen(address, port);
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
        const qint64 allowed = m_transport->limits().maxBodyBytes;
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
    if (segments.size() < 2 || segments.at(0) != QLatin1StringView("api") ||
        segments.at(1) != QLatin1StringView("v1")) {
        reply.sendError(404, messages::resourceDoesNotExist());
        return;
    }
    if (segments.size() > 2 && segments.at(2) == QLatin1StringView("web")) {
        // Web actions are anonymous unless the action asks for credentials; wrong ones count
        // as none.
        std::optional<Identity> caller;
        const QByteArray authorization = http.header(QByteArrayLiteral("authorization"));
        if (!authorization.isEmpty()) {
            if (auto identity = authenticateBasic(m_engine, authorization))
                caller = std::move(identity).value();
        }
        m_web->handle(request, std::move(reply), std::move(caller));
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
    if (!handler)
        return reply.sendError(404, messages::resourceDoesNotExist());
    handler->handle(request, std::move(reply));
}

} // namespace funcdesk
