#include "server/ActivationsApi.h"

#include "core/EntityName.h"
#include "server/ApiMessages.h"
#include "server/RequestParams.h"

namespace funcdesk {

namespace {

const QLatin1StringView kActivations("activations");
using Method = HttpMethod;

PlatformError invalid(QString message)
{
    return {PlatformError::Kind::Invalid, std::move(message)};
}

// 32 lowercase hex digits (entity/ActivationId.scala).
std::optional<PlatformError> checkActivationId(const QString &id)
{
    if (id.size() != 32)
        return invalid(messages::activationIdLength(id.size()));
    for (const QChar c : id) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return invalid(messages::activationIdIllegal());
    }
    return std::nullopt;
}

// since / upto: epoch milliseconds.
Result<std::optional<qint64>> epochParam(const ApiRequest &request, QLatin1StringView name)
{
    if (!request.hasQueryItem(name))
        return std::optional<qint64>();
    const QString text = request.queryValue(name);
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < 0)
        return invalid(messages::badEpoch(text));
    return std::optional<qint64>(value);
}

// name: "action" or "package/action".
Result<std::optional<QString>> nameParam(const ApiRequest &request)
{
    if (!request.hasQueryItem(QLatin1StringView("name")))
        return std::optional<QString>();
    const QString text = request.queryValue(QLatin1StringView("name"));
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() > 2)
        return invalid(messages::badNameFilter(text));
    for (const QString &part : parts) {
        if (checkEntityName(part))
            return invalid(messages::badNameFilter(text));
    }
    return std::optional<QString>(text);
}

} // namespace

void ActivationsApi::handle(const ApiRequest &request, Reply reply)
{
    if (request.method != Method::Get && request.method != Method::Head)
        return reply.sendError(405, messages::methodNotAllowed());
    if (request.entity.isEmpty())
        return list(request, std::move(reply));
    const QString &id = request.entity.first();
    if (auto error = checkActivationId(id))
        return reply.sendError(*error);
    if (request.entity.size() == 1)
        return sendEntity(m_engine.getActivation(request.ns, id), std::move(reply));
    const QString &part = request.entity.at(1);
    if (request.entity.size() != 2 || (part != QLatin1StringView("logs") && part != QLatin1StringView("result")))
        return reply.sendError(404, messages::resourceDoesNotExist());
    const bool logs = part == QLatin1StringView("logs");
    whenDone(m_engine.getActivation(request.ns, id), std::move(reply), [logs](Activation &&activation, Reply &r) {
        if (logs) {
            QJsonArray lines;
            for (const QString &line : activation.logs.value_or(QStringList()))
                lines.append(line);
            return r.sendJson(200, QJsonObject{{QLatin1StringView("logs"), lines}});
        }
        r.sendJson(200, activation.response ? activation.response->toJson() : QJsonObject());
    });
}

void ActivationsApi::list(const ApiRequest &request, Reply reply)
{
    auto params = listParams(request, kActivations);
    if (!params)
        return reply.sendError(params.error());
    auto docs = boolParam(request, QLatin1StringView("docs"), false);
    if (!docs)
        return reply.sendError(docs.error());
    if (*docs && params->count)
        return reply.sendError(400, messages::docsNotAllowedWithCount());
    auto name = nameParam(request);
    if (!name)
        return reply.sendError(name.error());
    auto since = epochParam(request, QLatin1StringView("since"));
    if (!since)
        return reply.sendError(since.error());
    auto upto = epochParam(request, QLatin1StringView("upto"));
    if (!upto)
        return reply.sendError(upto.error());

    ActivationQuery query;
    query.name = *name;
    query.since = *since;
    query.upto = *upto;
    query.skip = params->options.skip;
    query.limit = params->options.limit;
    query.docs = *docs;
    if (params->count)
        return sendCount(m_engine.countActivations(request.ns, query), std::move(reply), kActivations);
    sendList(m_engine.listActivations(request.ns, query), std::move(reply));
}

} // namespace funcdesk
