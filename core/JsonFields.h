#pragma once

#include "core/PlatformError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace funcdesk {

// Reads the known fields of a JSON object with type checks and keeps the rest, so a type
// parsed from JSON can write back every field it did not understand (lossless round trip).
// The first type error is kept; later reads still work so callers need no early returns.
class JsonFields
{
public:
    explicit JsonFields(QJsonObject object) : m_rest(std::move(object)) {}

    std::optional<QString> string(QLatin1StringView key);
    std::optional<qint64> integer(QLatin1StringView key);
    std::optional<double> number(QLatin1StringView key);
    std::optional<bool> boolean(QLatin1StringView key);
    std::optional<QJsonObject> object(QLatin1StringView key);
    std::optional<QJsonArray> array(QLatin1StringView key);
    // Any JSON value, present or not (Undefined when missing).
    QJsonValue any(QLatin1StringView key);

    // A nested object parsed by T::fromJson into `out`; a failure is recorded like a type error.
    template <typename T> void nested(QLatin1StringView key, std::optional<T> &out)
    {
        if (const auto value = object(key)) {
            auto parsed = T::fromJson(*value);
            if (parsed)
                out = std::move(parsed).value();
            else
                fail(parsed.error());
        }
    }

    // A nested array parsed by T::fromJson(array, key) (KeyValueList), recorded like nested().
    template <typename T> void nestedArray(QLatin1StringView key, std::optional<T> &out)
    {
        if (const auto value = array(key)) {
            auto parsed = T::fromJson(*value, key);
            if (parsed)
                out = std::move(parsed).value();
            else
                fail(parsed.error());
        }
    }

    // Records an error found by a nested parser (the first one wins).
    void fail(const PlatformError &error);

    const std::optional<PlatformError> &error() const { return m_error; }
    // The fields nobody asked for.
    const QJsonObject &rest() const { return m_rest; }

    static PlatformError malformed(const QString &detail);

private:
    QJsonValue take(QLatin1StringView key);
    void typeError(QLatin1StringView key, const char *expected);

    QJsonObject m_rest;
    std::optional<PlatformError> m_error;
};

// Writes `value` under `key` when it is set.
void insertIfSet(QJsonObject &object, QLatin1StringView key, const std::optional<QString> &value);
void insertIfSet(QJsonObject &object, QLatin1StringView key, const std::optional<qint64> &value);
void insertIfSet(QJsonObject &object, QLatin1StringView key, const std::optional<double> &value);
void insertIfSet(QJsonObject &object, QLatin1StringView key, const std::optional<bool> &value);

} // namespace funcdesk
