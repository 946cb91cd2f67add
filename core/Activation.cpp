#include "core/Activation.h"

#include "core/JsonWriter.h"

#include <QJsonDocument>

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
} // namespace

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

namespace {

// Members are written in QJsonObject's order (sorted keys), each after a comma but the first.
class ObjectWriter
{
public:
    explicit ObjectWriter(QByteArray &out) : m_out(out) { m_out.append('{'); }
    ~ObjectWriter() { m_out.append('}'); }
    QByteArray &key(const char *name)
    {
        if (!m_first)
            m_out.append(',');
        m_first = false;
        m_out.append('"');
        m_out.append(name);
        m_out.append("\":");
        return m_out;
    }
    void string(const char *name, const std::optional<QString> &value)
    {
        if (value)
            appendJsonString(key(name), *value);
    }
    void number(const char *name, const std::optional<qint64> &value)
    {
        if (value)
            key(name).append(QByteArray::number(*value));
    }
    void boolean(const char *name, const std::optional<bool> &value)
    {
        if (value)
            key(name).append(*value ? "true" : "false");
    }

private:
    QByteArray &m_out;
    bool m_first = true;
};

bool extrasInside(const Activation &activation)
{
    if (!activation.extra.isEmpty() || (activation.response && !activation.response->extra.isEmpty()))
        return true;
    if (activation.annotations) {
        for (const KeyValue &item : activation.annotations->items()) {
            if (!item.extra.isEmpty())
                return true;
        }
    }
    return false;
}

} // namespace

QByteArray Activation::toCompactJson() const
{
    // Unknown fields would have to be merged into the sorted order: rare, left to Qt.
    if (extrasInside(*this))
        return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
    QByteArray out;
    out.reserve(1024);
    {
        ObjectWriter object(out);
        appendJsonString(object.key("activationId"), activationId);
        if (annotations) {
            QByteArray &array = object.key("annotations");
            array.append('[');
            bool first = true;
            for (const KeyValue &item : annotations->items()) {
                if (!first)
                    array.append(',');
                first = false;
                array.append("{\"key\":");
                appendJsonString(array, item.key);
                if (!item.value.isUndefined()) { // QJsonObject drops an undefined member
                    array.append(",\"value\":");
                    appendJsonValue(array, item.value);
                }
                array.append('}');
            }
            array.append(']');
        }
        object.string("cause", cause);
        object.number("duration", duration);
        object.number("end", end);
        if (logs) {
            QByteArray &array = object.key("logs");
            array.append('[');
            for (qsizetype i = 0; i < logs->size(); ++i) {
                if (i > 0)
                    array.append(',');
                appendJsonString(array, logs->at(i));
            }
            array.append(']');
        }
        object.string("name", name);
        object.string("namespace", ns);
        object.boolean("publish", publish);
        if (response) {
            ObjectWriter inner(object.key("response"));
            if (!response->result.isUndefined())
                appendJsonValue(inner.key("result"), response->result);
            inner.number("size", response->size);
            appendJsonString(inner.key("status"), response->status);
            inner.number("statusCode", response->statusCode);
            inner.boolean("success", response->success);
        }
        object.number("start", start);
        object.number("statusCode", statusCode);
        object.string("subject", subject);
        object.string("version", version);
    }
    return out;
}

QJsonValue Activation::annotation(const QString &key) const
{
    return annotations ? annotations->value(key) : QJsonValue(QJsonValue::Undefined);
}

} // namespace funcdesk
