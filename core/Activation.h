#pragma once

#include "core/ActivationStatus.h"
#include "core/KeyValue.h"

#include <QStringList>

namespace funcdesk {

// `response` of an activation record: {status, statusCode?, success, result, size?}.
struct ActivationResponse
{
    QString status;
    std::optional<qint64> statusCode; // older records and list summaries carry it
    std::optional<bool> success;
    QJsonValue result = QJsonValue(QJsonValue::Undefined);
    std::optional<qint64> size;
    QJsonObject extra;

    static Result<ActivationResponse> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    // Fills status, success and statusCode consistently.
    void setStatus(ActivationStatus value);
    ActivationStatus statusValue() const { return statusFromText(status); }

    friend bool operator==(const ActivationResponse &, const ActivationResponse &) = default;
};

// An OpenWhisk activation record, in its extended JSON form. Lossless like Action.
struct Activation
{
    std::optional<QString> ns;
    std::optional<QString> name;
    std::optional<QString> version;
    std::optional<bool> publish;
    std::optional<QString> subject;
    QString activationId;
    std::optional<qint64> start;
    std::optional<qint64> end;
    std::optional<qint64> duration;
    std::optional<QString> cause;
    std::optional<qint64> statusCode; // list summaries
    std::optional<ActivationResponse> response;
    std::optional<QStringList> logs;
    std::optional<KeyValueList> annotations;
    QJsonObject extra;

    static Result<Activation> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    // QJsonDocument(toJson()).toJson(Compact), byte for byte, written directly: about a tenth
    // of the time (every invocation serialises its record once).
    QByteArray toCompactJson() const;

    bool succeeded() const { return response && response->statusValue() == ActivationStatus::Success; }
    // Convenience for annotations (Undefined when absent).
    QJsonValue annotation(const QString &key) const;

    friend bool operator==(const Activation &, const Activation &) = default;
};

} // namespace funcdesk
