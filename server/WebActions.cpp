#include "server/WebActions.h"

#include "core/JsonWriter.h"

#include "server/ApiMessages.h"
#include "server/RequestParams.h"

#include <QJsonDocument>

namespace funcdesk {

namespace {

using Method = HttpMethod;

const QByteArray kCorsMethods = QByteArrayLiteral("OPTIONS, GET, DELETE, POST, PUT, HEAD, PATCH");
const QByteArray kCorsHeaders =
    QByteArrayLiteral("Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent");

QString methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("get");
    case Method::Put:
        return QStringLiteral("put");
    case Method::Delete:
        return QStringLiteral("delete");
    case Method::Post:
        return QStringLiteral("post");
    case Method::Head:
        return QStringLiteral("head");
    case Method::Options:
        return QStringLiteral("options");
    case Method::Patch:
        return QStringLiteral("patch");
    default:
        return QStringLiteral("unknown");
    }
}

bool isReserved(const QString &key)
{
    static const QStringList reserved{QStringLiteral("__ow_method"), QStringLiteral("__ow_headers"),
                                      QStringLiteral("__ow_path"),   QStringLiteral("__ow_user"),
                                      QStringLiteral("__ow_query"),  QStringLiteral("__ow_body")};
    return reserved.contains(key);
}

bool annotationTrue(const Action &action, const QString &key)
{
    return action.annotations && action.annotations->value(key).toBool(false);
}

// A body that is not promoted to parameters: text as is, binary (and, as OpenWhisk does for
// old actions, JSON) as base64.
QString opaqueBody(const QByteArray &body, const QByteArray &contentType)
{
    if (isBinaryContentType(contentType) || isJsonContentType(contentType))
        return QString::fromLatin1(body.toBase64());
    return QString::fromUtf8(body);
}

} // namespace

// Everything the invocation needs from the request.
struct WebActions::Call
{
    QString ns;
    QString action; // "name" or "package/name"
    WebExtension extension = WebExtension::Http;
    Method method = Method::Unknown;
    QString extraPath;
    QJsonObject headers; // lowercased names
    QByteArray contentType;
    QByteArray requireWhiskAuth; // the X-Require-Whisk-Auth header
    QByteArray requestedHeaders; // Access-Control-Request-Headers
    QString rawQuery;
    QList<std::pair<QString, QString>> queryItems;
    QByteArray body;
    std::optional<Identity> caller;
    QJsonObject pathParameters; // a route's, e.g. {"id": "42"} for /items/{id}
};

WebActions::WebActions(LocalEngine &engine) : m_engine(engine)
{
}

std::shared_ptr<WebActions::Call> WebActions::callFor(const ApiRequest &request, std::optional<Identity> caller) const
{
    auto call = std::make_shared<Call>();
    call->method = request.method;
    for (const auto &[key, value] : request.http->headers) {
        const QString lower = QString::fromLatin1(key);
        const QString text = QString::fromUtf8(value);
        const QJsonValue previous = call->headers.value(lower);
        call->headers.insert(lower, previous.isString() ? previous.toString() + QStringLiteral(", ") + text : text);
    }
    call->contentType = request.header(QByteArrayLiteral("content-type"));
    call->requireWhiskAuth = request.header(QByteArrayLiteral("x-require-whisk-auth"));
    call->requestedHeaders = request.header(QByteArrayLiteral("access-control-request-headers"));
    call->rawQuery = request.rawQuery;
    call->queryItems = request.query.queryItems(QUrl::FullyDecoded);
    call->body = request.body;
    call->caller = std::move(caller);
    return call;
}

void WebActions::handle(const ApiRequest &request, Reply reply, std::optional<Identity> caller)
{
    // segments: api, v1, web, namespace, package, action[.ext], extra path...
    if (request.segments.size() < 6)
        return reply.sendError(404, messages::resourceDoesNotExist());
    if (auto error = checkBodySize(request.body.size(), m_engine.config().limits.maxPayloadBytes))
        return reply.sendError(*error);

    auto call = callFor(request, std::move(caller));
    call->ns = request.segments.at(3);
    const QString &package = request.segments.at(4);
    auto [name, extension] = splitWebExtension(request.segments.at(5));
    call->action = package == QLatin1StringView("default") ? name : package + QLatin1Char('/') + name;
    call->extension = extension;
    if (request.segments.size() > 6) {
        call->extraPath = QLatin1Char('/') + request.segments.mid(6).join(QLatin1Char('/'));
        if (request.trailingSlash)
            call->extraPath += QLatin1Char('/');
    }
    runExported(std::move(call), std::move(reply));
}

void WebActions::handleRoute(const ApiRequest &request, Reply reply, std::optional<Identity> caller,
                             const RouteMatch &route)
{
    if (auto error = checkBodySize(request.body.size(), m_engine.config().limits.maxPayloadBytes))
        return reply.sendError(*error);
    auto call = callFor(request, std::move(caller));
    call->ns = route.ns;
    call->action = route.action;
    call->extension = splitWebExtension(QStringLiteral("route.") + route.responseType).second;
    call->extraPath = request.path.mid(4); // after "/api": the base path and the relative path
    call->pathParameters = route.pathParameters;
    runExported(std::move(call), std::move(reply));
}

void WebActions::runExported(std::shared_ptr<Call> call, Reply reply)
{
    const QString ns = call->ns;
    const QString name = call->action;
    awaitResult(m_engine.getAction(ns, name, false), [this, call, &reply](Result<Action> found) {
        // Missing, not exported or not readable: all the same 404, leaking nothing.
        if (!found || !annotationTrue(*found, QStringLiteral("web-export")))
            return reply.sendError(404, messages::resourceDoesNotExist());
        run(call, std::move(found).value(), std::move(reply));
    });
}

void WebActions::run(std::shared_ptr<Call> call, Action action, Reply reply)
{
    const bool customOptions = annotationTrue(action, QStringLiteral("web-custom-options"));
    reply.setCors(false); // web actions get their own CORS headers, unless they answer OPTIONS themselves
    if (!customOptions) {
        reply.addHeader(QByteArrayLiteral("Access-Control-Allow-Origin"), QByteArrayLiteral("*"));
        reply.addHeader(QByteArrayLiteral("Access-Control-Allow-Methods"), kCorsMethods);
        reply.addHeader(QByteArrayLiteral("Access-Control-Allow-Headers"),
                        call->requestedHeaders.isEmpty() ? kCorsHeaders : call->requestedHeaders);
        if (call->method == Method::Options)
            return reply.sendEmpty(200);
    }

    // require-whisk-auth: true wants valid credentials; a string or number wants that value in
    // the X-Require-Whisk-Auth header. OPTIONS passes, so the action can answer a preflight.
    const QJsonValue requireAuth =
        action.annotations ? action.annotations->value(QStringLiteral("require-whisk-auth")) : QJsonValue();
    if (!requireAuth.isUndefined() && !(requireAuth.isBool() && !requireAuth.toBool()) &&
        call->method != Method::Options) {
        bool allowed = false;
        if (requireAuth.isBool())
            allowed = call->caller.has_value();
        else if (requireAuth.isString())
            allowed = !call->requireWhiskAuth.isEmpty() && call->requireWhiskAuth == requireAuth.toString().toUtf8();
        else if (requireAuth.isDouble()) {
            QByteArray number;
            appendJsonValue(number, requireAuth);
            allowed = !call->requireWhiskAuth.isEmpty() && call->requireWhiskAuth == number;
        }
        if (!allowed)
            return reply.sendError(401, messages::authenticationInvalid());
    }

    QJsonObject params{{QStringLiteral("__ow_method"), methodName(call->method)},
                       {QStringLiteral("__ow_headers"), call->headers},
                       {QStringLiteral("__ow_path"), call->extraPath}};
    // OpenWhisk passes the namespace of any valid credentials (WebActions.scala's metadata), which
    // is how whisk.system's apimgmt web actions learn their caller.
    if (call->caller)
        params.insert(QStringLiteral("__ow_user"), call->caller->ns);

    if (annotationTrue(action, QStringLiteral("raw-http"))) {
        params.insert(QStringLiteral("__ow_query"), call->rawQuery);
        params.insert(QStringLiteral("__ow_body"), opaqueBody(call->body, call->contentType));
    } else {
        for (const auto &[key, value] : call->queryItems) {
            if (isReserved(key))
                return reply.sendError(400, messages::parametersNotAllowed());
            params.insert(key, value);
        }
        if (!call->body.isEmpty()) {
            QJsonObject bodyParams;
            if (isJsonContentType(call->contentType)) {
                QJsonParseError error{};
                const QJsonDocument document = QJsonDocument::fromJson(call->body, &error);
                if (error.error != QJsonParseError::NoError)
                    return reply.sendError(
                        400, messages::malformedContent(
                                 QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset)));
                if (document.isObject())
                    bodyParams = document.object();
                else
                    params.insert(QStringLiteral("__ow_body"), document.array());
            } else if (call->contentType.toLower().startsWith("application/x-www-form-urlencoded")) {
                // QUrlQuery keeps '+' literal; in a form it is a space.
                QByteArray form = call->body;
                form.replace('+', "%20");
                const QUrlQuery query(QString::fromUtf8(form));
                for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
                    bodyParams.insert(key, value);
            } else {
                params.insert(QStringLiteral("__ow_body"), opaqueBody(call->body, call->contentType));
            }
            for (auto it = bodyParams.begin(); it != bodyParams.end(); ++it) {
                if (isReserved(it.key()))
                    return reply.sendError(400, messages::parametersNotAllowed());
                params.insert(it.key(), it.value()); // the body wins over the query
            }
        }
    }

    for (auto it = call->pathParameters.begin(); it != call->pathParameters.end(); ++it)
        params.insert(it.key(), it.value()); // the route's path wins over query and body

    InvokeOptions options;
    options.blocking = true;
    options.resultOnly = false;
    const WebExtension extension = call->extension;
    invokeOnThisThread(
        m_engine, call->ns, call->action, params, options, std::move(reply),
        [](Reply &late, const QString &id) {
            late.addHeader(QByteArrayLiteral("x-openwhisk-activation-id"), id.toLatin1());
            late.sendError(202, messages::responseNotReady());
        },
        [extension](Reply &answer, Result<InvokeOutcome> outcome) {
            sendOutcome(answer, extension, std::move(outcome));
        });
}

void WebActions::sendOutcome(Reply &reply, WebExtension extension, Result<InvokeOutcome> outcome)
{
    if (!outcome)
        return reply.sendError(outcome.error());
    reply.addHeader(QByteArrayLiteral("x-openwhisk-activation-id"), outcome->activationId.toLatin1());
    if (!outcome->activation)
        return reply.sendError(202, messages::responseNotReady());
    const Activation &activation = *outcome->activation;
    const ActivationStatus status =
        activation.response ? activation.response->statusValue() : ActivationStatus::InternalError;
    const QJsonValue result = activation.response ? activation.response->result : QJsonValue();
    if (status == ActivationStatus::Success)
        return sendWebResult(reply, extension, result);
    if (status == ActivationStatus::ApplicationError) {
        // The action's error object is its response (docs/webactions.md, Error Handling).
        const QJsonValue error = result.toObject().value(QLatin1StringView("error"));
        if (error.isUndefined())
            return reply.sendError(404, messages::propertyNotFound());
        return sendWebResult(reply, extension, error);
    }
    reply.sendError(400, messages::errorProcessingRequest());
}

} // namespace funcdesk
