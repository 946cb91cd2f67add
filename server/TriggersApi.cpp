#include "server/TriggersApi.h"

#include "server/ApiMessages.h"
#include "server/RequestParams.h"

namespace funcdesk {

namespace {
const QLatin1StringView kTriggers("triggers");
constexpr qint64 kMaxPutBodyBytes = 2 * 1024 * 1024; // parameters (1 MB) and annotations
using Method = HttpMethod;
} // namespace

void TriggersApi::handle(const ApiRequest &request, Reply reply)
{
    if (request.entity.isEmpty()) {
        if (request.method != Method::Get && request.method != Method::Head)
            return reply.sendError(405, messages::methodNotAllowed());
        auto params = listParams(request, kTriggers);
        if (!params)
            return reply.sendError(params.error());
        if (params->count)
            return sendCount(m_engine.count(request.ns, Collection::Triggers), std::move(reply), kTriggers);
        return sendList(m_engine.listTriggers(request.ns, params->options), std::move(reply));
    }
    if (request.entity.size() > 1) // triggers do not live in packages
        return reply.sendError(404, messages::resourceDoesNotExist());
    const QString &name = request.entity.first();
    switch (request.method) {
    case Method::Get:
    case Method::Head:
        return sendEntity(m_engine.getTrigger(request.ns, name), std::move(reply));
    case Method::Put:
        return put(request, std::move(reply));
    case Method::Delete:
        return sendEntity(m_engine.deleteTrigger(request.ns, name), std::move(reply));
    case Method::Post:
        return fire(request, std::move(reply));
    default:
        return reply.sendError(405, messages::methodNotAllowed());
    }
}

void TriggersApi::put(const ApiRequest &request, Reply reply)
{
    if (auto error = checkBodySize(request.body.size(), kMaxPutBodyBytes))
        return reply.sendError(*error);
    if (auto error = checkEntityPath(request.entity))
        return reply.sendError(*error);
    auto overwrite = boolParam(request, QLatin1StringView("overwrite"), false);
    if (!overwrite)
        return reply.sendError(overwrite.error());
    auto body = jsonObjectBody(request.body);
    if (!body)
        return reply.sendError(body.error());
    auto trigger = Trigger::fromJson(*body);
    if (!trigger)
        return reply.sendError(trigger.error());
    sendEntity(
        m_engine.putTrigger(request.ns, request.entity.first(), std::move(trigger).value(), PutOptions{*overwrite, {}}),
        std::move(reply));
}

// 202 with the trigger activation's id when at least one active rule ran; 204 when none did.
void TriggersApi::fire(const ApiRequest &request, Reply reply)
{
    if (auto error = checkBodySize(request.body.size(), m_engine.config().limits.maxPayloadBytes))
        return reply.sendError(*error);
    auto payload = jsonObjectBody(request.body);
    if (!payload)
        return reply.sendError(payload.error());
    whenDone(m_engine.fireTrigger(request.ns, request.entity.first(), std::move(payload).value()), std::move(reply),
             [](std::optional<QString> &&activationId, Reply &r) {
                 if (!activationId)
                     return r.sendEmpty(204);
                 r.addHeader(QByteArrayLiteral("x-openwhisk-activation-id"), activationId->toLatin1());
                 r.sendJson(202, QJsonObject{{QLatin1StringView("activationId"), *activationId}});
             });
}

} // namespace funcdesk
