#include "core/JsonFields.h"

#include <cmath>
#include <limits>

namespace funcdesk {

QJsonValue JsonFields::take(QLatin1StringView key)
{
    const auto it = m_rest.find(key);
    if (it == m_rest.end())
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue value = it.value();
    m_rest.erase(it);
    return value;
}

void JsonFields::typeError(QLatin1StringView key, const char *expected)
{
    fail(malformed(QStringLiteral("'%1' must be %2.").arg(key, QLatin1StringView(expected))));
}

void JsonFields::fail(const PlatformError &error)
{
    if (!m_error)
        m_error = error;
}

PlatformError JsonFields::malformed(const QString &detail)
{
    return {PlatformError::Kind::Invalid, QStringLiteral("The request content was malformed: %1").arg(detail)};
}

std::optional<QString> JsonFields::string(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        typeError(key, "a string");
        return std::nullopt;
    }
    return v.toString();
}

std::optional<qint64> JsonFields::integer(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!v.isDouble() || !std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9.0e15) {
        typeError(key, "a whole number");
        return std::nullopt;
    }
    return v.toInteger();
}

std::optional<double> JsonFields::number(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        typeError(key, "a number");
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<bool> JsonFields::boolean(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isBool()) {
        typeError(key, "true or false");
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<QJsonObject> JsonFields::object(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isObject()) {
        typeError(key, "an object");
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QJsonArray> JsonFields::array(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isArray()) {
        typeError(key, "an array");
        return std::nullopt;
    }
    return v.toArray();
}

QJsonValue JsonFields::any(QLatin1StringView key)
{
    return take(key);
}

void insertIfSet(QJsonObject &object, QLatin1StringView key, const std::optional<QString> &value)
{
    if (value)
        object.insert(key, *value);
}

void insertIfSet(QJsonObject &object, QLatin1StringView key, const std::optional<qint64> &value)
{
    if (value)
        object.insert(key, *value);
}

void insertIfSet(QJsonObject &object, QLatin1StringView key, const std::optional<double> &value)
{
    if (value)
        object.insert(key, *value);
}

void insertIfSet(QJsonObject &object, QLatin1StringView key, const std::optional<bool> &value)
{
    if (value)
        object.insert(key, *value);
}

} // namespace funcdesk
