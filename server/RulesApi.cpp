#include "server/RulesApi.h"

#include "server/ApiMessages.h"
#include "server/RequestParams.h"

namespace funcdesk {

namespace {
const QLatin1StringView kRules("rules");
constexpr qint64 kMaxPutBodyBytes = 1024 * 1024;
using Method = HttpMethod;
} // namespace

void RulesApi::handle(const ApiRequest &request, Reply reply)
{
    if (request.entity.isEmpty()) {
        if (request.method != Method::Get && request.method != Method::Head)
            return reply.sendError(405, messages::methodNotAllowed());
        auto params = listParams(request, kRules);
        if (!params)
            return reply.sendError(params.error());
        if (params->count)
            return sendCount(m_engine.count(request.ns, Collection::Rules), std::move(reply), kRules);
        return sendList(m_engine.listRules(request.ns, params->options), std::move(reply));
    }
    if (request.entity.size() > 1)
        return reply.sendError(404, messages::resourceDoesNotExist());
    const QString &name = request.entity.first();
    switch (request.method) {
    case Method::Get:
    case Method::Head:
        return sendEntity(m_engine.getRule(request.ns, name), std::move(reply));
    case Method::Put:
        return put(request, std::move(reply));
    case Method::Delete:
        return sendEntity(m_engine.deleteRule(request.ns, name), std::move(reply));
    case Method::Post:
        return setState(request, std::move(reply));
    default:
        return reply.sendError(405, messages::methodNotAllowed());
    }
}

void RulesApi::put(const ApiRequest &request, Reply reply)
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
    auto rule = Rule::fromJson(*body);
    if (!rule)
        return reply.sendError(rule.error());
    sendEntity(
        m_engine.putRule(request.ns, request.entity.first(), std::move(rule).value(), PutOptions{*overwrite, {}}),
        std::move(reply));
}

// POST {"status": "active" | "inactive"}: 200 with the rule as it now is (also when it already
// was in that state).
void RulesApi::setState(const ApiRequest &request, Reply reply)
{
    if (auto error = checkBodySize(request.body.size(), kMaxPutBodyBytes))
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
