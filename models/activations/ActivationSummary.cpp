#include "models/activations/ActivationSummary.h"

namespace funcdesk {

namespace {

std::optional<qint64> integerAnnotation(const Activation &activation, const QString &key)
{
    const QJsonValue value = activation.annotation(key);
    if (!value.isDouble())
        return std::nullopt;
    return static_cast<qint64>(value.toDouble());
}

std::optional<ActivationStatus> statusOf(const Activation &activation)
{
    if (activation.response)
        return activation.response->statusValue();
    const std::optional<qint64> code = activation.statusCode;
    if (code && *code >= 0 && *code <= static_cast<qint64>(ActivationStatus::InternalError))
        return static_cast<ActivationStatus>(*code);
    if (code)
        return ActivationStatus::InternalError;
    return std::nullopt;
}

ActivationSummary::Ending endingOf(const Activation &activation)
{
    if (activation.annotation(QStringLiteral("cancelled")).toBool())
        return ActivationSummary::Ending::Cancelled;
    if (activation.annotation(QStringLiteral("timeout")).toBool())
        return ActivationSummary::Ending::TimedOut;
    if (activation.annotation(QStringLiteral("memoryExceeded")).toBool())
        return ActivationSummary::Ending::OutOfMemory;
    // OpenWhisk records an out-of-memory end only in the result (full records, not list summaries).
    if (activation.response) {
        const QJsonValue error = activation.response->result[QLatin1String("error")];
        if (error.isString() && error.toString().contains(QLatin1String("exhausted its memory")))
            return ActivationSummary::Ending::OutOfMemory;
    }
    return ActivationSummary::Ending::Normal;
}

} // namespace

ActivationSummary ActivationSummary::of(const Activation &activation)
{
    ActivationSummary summary;
    summary.function = functionOf(activation);
    summary.status = statusOf(activation);
    summary.start = activation.start.value_or(0);
    summary.durationMs = activation.duration;
    summary.initTimeMs = integerAnnotation(activation, QStringLiteral("initTime"));
    summary.waitTimeMs = integerAnnotation(activation, QStringLiteral("waitTime"));
    const QString startType = activation.annotation(QStringLiteral("startType")).toString();
    // Stock OpenWhisk writes no startType: there an initTime is what marks a cold start.
    summary.cold = startType == QLatin1String("cold") || startType == QLatin1String("prewarm") ||
                   (startType.isEmpty() && summary.initTimeMs.has_value());
    const QJsonValue limits = activation.annotation(QStringLiteral("limits"));
    const QJsonValue memory = limits[QLatin1String("memory")];
    if (memory.isDouble())
        summary.memoryLimitMb = static_cast<qint64>(memory.toDouble());
    const QJsonValue timeout = limits[QLatin1String("timeout")];
    if (timeout.isDouble())
        summary.timeoutLimitMs = static_cast<qint64>(timeout.toDouble());
    summary.ending = endingOf(activation);
    summary.peakMemoryBytes = integerAnnotation(activation, QStringLiteral("peakMemory"));
    const QJsonValue cpuTime = activation.annotation(QStringLiteral("cpuTime"));
    if (cpuTime.isDouble())
        summary.cpuTimeMs = cpuTime.toDouble();
    return summary;
}

QString ActivationSummary::functionOf(const Activation &activation)
{
    const QString path = activation.annotation(QStringLiteral("path")).toString();
    if (path.count(QLatin1Char('/')) >= 1)
        return path.section(QLatin1Char('/'), 1);
    return activation.name.value_or(QString());
}

QString ActivationSummary::functionOf(const Action &action)
{
    const QString name = action.name.value_or(QString());
    const QString ns = action.ns.value_or(QString());
    if (ns.contains(QLatin1Char('/')))
        return ns.section(QLatin1Char('/'), 1) + QLatin1Char('/') + name;
    return name;
}

Activation ActivationSummary::withoutPayload(const Activation &activation)
{
    Activation summary = activation;
    if (summary.response && !summary.statusCode)
        summary.statusCode = static_cast<qint64>(summary.response->statusValue());
    summary.response.reset();
    summary.logs.reset();
    return summary;
}

} // namespace funcdesk
