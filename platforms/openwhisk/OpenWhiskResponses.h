#pragma once

#include "core/Platform.h"
#include "platforms/openwhisk/HttpExchange.h"

#include <QJsonArray>

namespace funcdesk {

// Turns OpenWhisk's answers into typed results: an error status becomes its PlatformError, and
// a 2xx whose body is not the JSON the call expects becomes a Server error saying what was wrong.
class OpenWhiskResponses
{
public:
    // One entity document (Action, Trigger, Rule, Package, Activation, ActivationResponse).
    template <typename T> static Result<T> entity(const HttpExchange &exchange)
    {
        if (auto error = exchange.error())
            return *error;
        const auto object = jsonObject(exchange);
        if (!object)
            return object.error();
        auto parsed = T::fromJson(object.value());
        if (!parsed)
            return exchange.unexpected(parsed.error().message);
        return parsed;
    }

    // A list of entity documents.
    template <typename T> static Result<QList<T>> list(const HttpExchange &exchange)
    {
        if (auto error = exchange.error())
            return *error;
        const auto document = exchange.json();
        if (!document || !document->isArray())
            return exchange.unexpected(QStringLiteral("expected a JSON array"));
        QList<T> items;
        for (const QJsonValue &value : document->array()) {
            if (!value.isObject())
                return exchange.unexpected(QStringLiteral("expected an array of objects"));
            auto parsed = T::fromJson(value.toObject());
            if (!parsed)
                return exchange.unexpected(parsed.error().message);
            items.append(std::move(parsed).value());
        }
        return items;
    }

    // {"actions": N} for `count=true` on the collection `key`.
    static Result<qint64> count(const HttpExchange &exchange, const QString &key);
    // 200 / 502 with an activation or a result, 202 with only an id.
    static Result<InvokeOutcome> invoke(const HttpExchange &exchange, bool resultOnly);
    // 202 {"activationId"} or 204 when no active rule ran.
    static Result<std::optional<QString>> fire(const HttpExchange &exchange);
    // {"logs": ["...", ...]}
    static Result<QStringList> logs(const HttpExchange &exchange);
    // Any 2xx.
    static Result<Done> done(const HttpExchange &exchange);
    // ["guest"]: the namespace the key addresses.
    static Result<QString> firstNamespace(const HttpExchange &exchange);

private:
    static Result<QJsonObject> jsonObject(const HttpExchange &exchange);
};

} // namespace funcdesk
