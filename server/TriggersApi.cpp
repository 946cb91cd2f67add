#include "server/TriggersApi.h"

namespace funcdesk {

TriggersApi::TriggersApi(LocalEngine &engine)
    : EntityCollection(engine, {QLatin1StringView("triggers"), Collection::Triggers,
                                2 * 1024 * 1024, // parameters (1 MB) and annotations
                                &LocalEngine::listTriggers, &LocalEngine::getTrigger, &LocalEngine::putTrigger,
                                &LocalEngine::deleteTrigger})
{
}

// POST fires: 202 with the trigger activation's id when at least one active rule ran; 204 when
// none did.
void TriggersApi::post(const ApiRequest &request, Reply reply)
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
