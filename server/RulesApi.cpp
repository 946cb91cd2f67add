#include "server/RulesApi.h"

namespace funcdesk {

RulesApi::RulesApi(LocalEngine &engine)
    : EntityCollection(engine, {QLatin1StringView("rules"), Collection::Rules, 1024 * 1024, &LocalEngine::listRules,
                                &LocalEngine::getRule, &LocalEngine::putRule, &LocalEngine::deleteRule})
{
}

// POST {"status": "active" | "inactive"} enables or disables: 200 with the rule as it now is
// (also when it already was in that state).
void RulesApi::post(const ApiRequest &request, Reply reply)
{
    if (auto error = checkBodySize(request.body.size(), m_kind.maxPutBodyBytes))
        return reply.sendError(*error);
    auto body = jsonObjectBody(request.body);
    if (!body)
        return reply.sendError(body.error());
    const QJsonValue status = body->value(QLatin1StringView("status"));
    const QString state = status.toString();
    if (state != QLatin1StringView("active") && state != QLatin1StringView("inactive"))
        return reply.sendError(
            400, messages::invalidRuleState(status.isString() ? state : QStringLiteral("(not a string)")));
    const QString ns = request.ns;
    const QString name = request.entity.first();
    whenDone(m_engine.setRuleActive(ns, name, state == QLatin1StringView("active")), std::move(reply),
             [this, ns, name](Done &&, Reply &r) { sendEntity(m_engine.getRule(ns, name), std::move(r)); });
}

} // namespace funcdesk
