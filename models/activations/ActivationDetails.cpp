#include "models/activations/ActivationDetails.h"

#include "models/activations/ActivationIsolation.h"
#include "models/activations/ActivationSummary.h"
#include "models/activations/ActivationText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace funcdesk {

namespace {

QString compactJson(const QJsonValue &value)
{
    // QJsonDocument holds only objects and arrays: a scalar travels in a one-element array.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

// Annotation values for reading: strings bare, objects as "key: value" pairs (limits,
// enforcement), anything else as its JSON literal.
QString annotationText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject()) {
        QStringList parts;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            parts << it.key() + QStringLiteral(": ") + annotationText(it.value());
        return parts.join(QStringLiteral(", "));
    }
    return compactJson(value);
}

} // namespace

QString ActivationDetails::prettyJson(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    return compactJson(value);
}

ActivationDetails ActivationDetails::of(const Activation &activation)
{
    const ActivationSummary summary = ActivationSummary::of(activation);
    ActivationDetails details;
    details.activationId = activation.activationId;
    details.function = summary.function;
    details.version = activation.version.value_or(QString());
    details.status = ActivationText::statusWithEnding(summary);
    details.succeeded = summary.status == ActivationStatus::Success;
    if (activation.response) {
        const QJsonValue result = activation.response->result;
        details.result = prettyJson(result);
        if (!details.succeeded && result[QLatin1String("error")].isString())
            details.errorMessage = result[QLatin1String("error")].toString();
    }
    details.logs = activation.logs.value_or(QStringList());
    const KeyValueList annotations = activation.annotations.value_or(KeyValueList());
    const ActivationIsolation isolation = ActivationIsolation::of(activation);
    for (const KeyValue &annotation : annotations.items()) {
        QString text = annotationText(annotation.value);
        if (annotation.key == QLatin1StringView("storageUsed") && isolation.storageUsedBytes) // bytes: say MB too
            text = ActivationIsolation::tr("%1 (%2 bytes)")
                       .arg(isolation.storageText(), QLocale().toString(*isolation.storageUsedBytes));
        details.annotations.append({annotation.key, text});
    }
    details.started = ActivationText::time(summary.start, true);
    if (summary.durationMs)
        details.duration = ActivationText::milliseconds(static_cast<double>(*summary.durationMs));
    if (summary.initTimeMs)
        details.initTime = ActivationText::milliseconds(static_cast<double>(*summary.initTimeMs));
    if (summary.waitTimeMs)
        details.waitTime = ActivationText::milliseconds(static_cast<double>(*summary.waitTimeMs));
    details.startType = ActivationText::start(summary);
    details.memory = ActivationText::memory(summary);
    if (summary.cpuTimeMs)
        details.cpuTime = ActivationText::milliseconds(*summary.cpuTimeMs);
    if (!isolation.storageText().isEmpty())
        details.storage = ActivationIsolation::tr("/tmp %1").arg(isolation.storageText());
    details.sandbox = isolation.sandboxText();
    details.unisolated = isolation.unisolated();
    details.cause = activation.cause.value_or(QString());
    return details;
}

} // namespace funcdesk
