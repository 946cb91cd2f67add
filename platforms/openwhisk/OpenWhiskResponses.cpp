#include "platforms/openwhisk/OpenWhiskResponses.h"

namespace funcdesk {

namespace {
const QLatin1StringView kActivationId("activationId");

QString idFrom(const HttpExchange &exchange, const QJsonObject &body)
{
    const QString fromBody = body.value(kActivationId).toString();
    return fromBody.isEmpty() ? exchange.activationIdHeader : fromBody;
}
} // namespace

Result<QJsonObject> OpenWhiskResponses::jsonObject(const HttpExchange &exchange)
{
    const auto document = exchange.json();
    if (!document || !document->isObject())
        return exchange.unexpected(QStringLiteral("expected a JSON object"));
    return document->object();
}

Result<qint64> OpenWhiskResponses::count(const HttpExchange &exchange, const QString &key)
{
    if (auto error = exchange.error())
        return *error;
    const auto object = jsonObject(exchange);
    if (!object)
        return object.error();
    const QJsonValue value = object->value(key);
    if (!value.isDouble())
        return exchange.unexpected(QStringLiteral("expected {\"%1\": <count>}").arg(key));
    return value.toInteger();
}

Result<InvokeOutcome> OpenWhiskResponses::invoke(const HttpExchange &exchange, bool resultOnly)
{
    // 502: the action failed (application or developer error). The call itself succeeded and the
    // body has the failed activation, or its {"error": ...} result; anything else at 502 (a proxy's
    // own page, say) is a server failure.
    const bool actionFailed = exchange.status == 502;
    if (!actionFailed) {
        if (auto error = exchange.error())
            return *error;
    }
    const auto document = exchange.json();
    if (!document) {
        if (actionFailed)
            return *exchange.error();
        if (exchange.status == 202 && !exchange.activationIdHeader.isEmpty())
            return InvokeOutcome{exchange.activationIdHeader, std::nullopt, std::nullopt, {}};
        return exchange.unexpected(QStringLiteral("expected JSON"));
    }

    InvokeOutcome outcome;
    outcome.activationId = exchange.activationIdHeader;
    if (exchange.status == 202) {
        outcome.activationId = idFrom(exchange, document->object());
        if (outcome.activationId.isEmpty())
            return exchange.unexpected(QStringLiteral("a 202 must carry an activationId"));
        return outcome;
    }
    // A result that is a JSON array comes back as is, whatever `result` asked for.
    if (document->isArray()) {
        outcome.result = document->array();
        return outcome;
    }
    const QJsonObject body = document->object();
    if (resultOnly) {
        outcome.result = body;
        return outcome;
    }
    auto activation = Activation::fromJson(body);
    if (!activation) {
        if (actionFailed)
            return *exchange.error();
        return exchange.unexpected(activation.error().message);
    }
    outcome.activationId = activation->activationId;
    outcome.activation = std::move(activation).value();
    return outcome;
}

Result<std::optional<QString>> OpenWhiskResponses::fire(const HttpExchange &exchange)
{
    if (auto error = exchange.error())
        return *error;
    if (exchange.status == 204)
        return std::optional<QString>();
    const auto document = exchange.json();
    const QString id = idFrom(exchange, document ? document->object() : QJsonObject());
    if (id.isEmpty())
        return exchange.unexpected(QStringLiteral("a fired trigger's answer must carry an activationId"));
    return std::optional<QString>(id);
}

Result<QStringList> OpenWhiskResponses::logs(const HttpExchange &exchange)
{
    if (auto error = exchange.error())
        return *error;
    const auto object = jsonObject(exchange);
    if (!object)
        return object.error();
    const QJsonValue logs = object->value(QLatin1StringView("logs"));
    if (!logs.isArray())
        return exchange.unexpected(QStringLiteral("expected {\"logs\": [...]}"));
    QStringList lines;
    for (const QJsonValue &line : logs.toArray()) {
        if (!line.isString())
            return exchange.unexpected(QStringLiteral("'logs' must be an array of strings"));
        lines.append(line.toString());
    }
    return lines;
}

Result<Done> OpenWhiskResponses::done(const HttpExchange &exchange)
{
    if (auto error = exchange.error())
        return *error;
    return Done{};
}

Result<QString> OpenWhiskResponses::firstNamespace(const HttpExchange &exchange)
{
    if (auto error = exchange.error())
        return *error;
    const auto document = exchange.json();
    if (!document || !document->isArray() || document->array().isEmpty() || !document->array().first().isString())
        return exchange.unexpected(QStringLiteral("expected [\"namespace\"]"));
    return document->array().first().toString();
}

} // namespace funcdesk
