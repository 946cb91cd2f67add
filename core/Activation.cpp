#include "core/Activation.h"

#include "core/JsonFields.h"

namespace funcdesk {

namespace {
const QLatin1StringView kStatus("status");
const QLatin1StringView kStatusCode("statusCode");
const QLatin1StringView kSuccess("success");
const QLatin1StringView kResult("result");
const QLatin1StringView kSize("size");

const QLatin1StringView kNamespace("namespace");
const QLatin1StringView kName("name");
const QLatin1StringView kVersion("version");
const QLatin1StringView kPublish("publish");
const QLatin1StringView kSubject("subject");
const QLatin1StringView kActivationId("activationId");
const QLatin1StringView kStart("start");
const QLatin1StringView kEnd("end");
const QLatin1StringView kDuration("duration");
const QLatin1StringView kCause("cause");
const QLatin1StringView kResponse("response");
const QLatin1StringView kLogs("logs");
const QLatin1StringView kAnnotations("annotations");
}  // namespace

Result<ActivationResponse> ActivationResponse::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    ActivationResponse response;
    response.status = fields.string(kStatus).value_or(QString());
    response.statusCode = fields.integer(kStatusCode);
    response.success = fields.boolean(kSuccess);
    response.result = fields.any(kResult);
    response.size = fields.integer(kSize);
    if (fields.error())
        return *fields.error();
    response.extra = fields.rest();
    return response;
}

QJsonObject ActivationResponse::toJson() const
{
    QJsonObject object = extra;
    object.insert(kStatus, status);
    insertIfSet(object, kStatusCode, statusCode);
    insertIfSet(object, kSuccess, success);
    if (!result.isUndefined())
        object.insert(kResult, result);
    insertIfSet(object, kSize, size);
    return object;
}

void ActivationResponse::setStatus(ActivationStatus value)
{
    status = statusText(value);
    success = value == ActivationStatus::Success;
    if (statusCode)
        statusCode = static_cast<qint64>(value);
}

Result<Activation> Activation::fromJson(const QJsonObject &object)
{
    JsonFields fields(object);
    Activation activation;
    activation.ns = fields.string(kNamespace);
    activation.name = fields.string(kName);
    activation.version = fields.string(kVersion);
    activation.publish = fields.boolean(kPublish);
    activation.subject = fields.string(kSubject);
    activation.activationId = fields.string(kActivationId).value_or(QString());
    activation.start = fields.integer(kStart);
    activation.end = fields.integer(kEnd);
    activation.duration = fields.integer(kDuration);
    activation.cause = fields.string(kCause);
    activation.statusCode = fields.integer(kStatusCode);
    fields.nested(kResponse, activation.response);
    if (const auto logs = fields.array(kLogs)) {
        QStringList lines;
        lines.reserve(logs->size());
        for (const QJsonValue &line : *logs) {
            if (!line.isString())
                return JsonFields::malformed(QStringLiteral("'logs' must be an array of strings."));
            lines.append(line.toString());
        }
        activation.logs = lines;
    }
    if (const auto annotations = fields.array(kAnnotations)) {
        auto parsed = KeyValueList::fromJson(*annotations, kAnnotations);
        if (!parsed)
            return parsed.error();
        activation.annotations = std::move(parsed).value();
    }
    if (fields.error())
        return *fields.error();
    if (activation.activationId.isEmpty())
        return JsonFields::malformed(QStringLiteral("an activation must have an 'activationId'."));
    activation.extra = fields.rest();
    return activation;
}

QJsonObject Activation::toJson() const
{
    QJsonObject object = extra;
    insertIfSet(object, kNamespace, ns);
    insertIfSet(object, kName, name);
    insertIfSet(object, kVersion, version);
    insertIfSet(object, kPublish, publish);
    insertIfSet(object, kSubject, subject);
    object.insert(kActivationId, activationId);
    insertIfSet(object, kStart, start);
    insertIfSet(object, kEnd, end);
    insertIfSet(object, kDuration, duration);
    insertIfSet(object, kCause, cause);
    insertIfSet(object, kStatusCode, statusCode);
    if (response)
        object.insert(kResponse, response->toJson());
    if (logs)
        object.insert(kLogs, QJsonArray::fromStringList(*logs));
    if (annotations)
        object.insert(kAnnotations, annotations->toJson());
    return object;
}

QJsonValue Activation::annotation(const QString &key) const
{
    return annotations ? annotations->value(key) : QJsonValue(QJsonValue::Undefined);
}

}  // namespace funcdesk
