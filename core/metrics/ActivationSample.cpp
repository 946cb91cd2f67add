#include "core/metrics/ActivationSample.h"

#include "core/CostModel.h"

#include <QJsonObject>

#include <cmath>
#include <limits>

namespace funcdesk {

static_assert(sizeof(ActivationSample) <= 64, "the store promises at most 64 bytes per activation kept");

namespace {

// OpenWhisk's text for an action that ran out of time (and Funcdesk's, executor/StepOutcome.cpp).
const QLatin1StringView kTimeoutText("The action exceeded its time limits of");

int hexDigit(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

template <typename T> T saturate(double value)
{
    if (!(value > 0.0))
        return 0;
    if (value >= double(std::numeric_limits<T>::max()))
        return std::numeric_limits<T>::max();
    return T(std::llround(value));
}

bool isTimeoutText(const ActivationResponse &response)
{
    const QJsonValue error = response.result.isObject() ? response.result.toObject().value(QLatin1StringView("error"))
                                                        : QJsonValue(QJsonValue::Undefined);
    return error.isString() && error.toString().startsWith(kTimeoutText);
}

} // namespace

std::optional<ActivationSample> ActivationSample::from(const Activation &activation)
{
    if (!activation.start || activation.activationId.size() != 32)
        return std::nullopt;
    // Trigger activations are not invocations of a function (OpenWhisk's user events skip them
    // too). Their records end at 0: an action's record always has a real end.
    if (activation.end && *activation.end == 0)
        return std::nullopt;
    ActivationSample sample;
    for (int i = 0; i < 16; ++i) {
        const int high = hexDigit(activation.activationId.at(2 * i));
        const int low = hexDigit(activation.activationId.at(2 * i + 1));
        if (high < 0 || low < 0)
            return std::nullopt;
        sample.id[size_t(i)] = quint8(high << 4 | low);
    }
    sample.startMs = *activation.start;
    if (activation.duration)
        sample.durationMs = saturate<quint32>(double(*activation.duration));
    else if (activation.end && *activation.end > *activation.start)
        sample.durationMs = saturate<quint32>(double(*activation.end - *activation.start));

    ActivationStatus status = ActivationStatus::Success;
    if (activation.response)
        status = activation.response->statusValue();
    else if (activation.statusCode && *activation.statusCode >= 0 && *activation.statusCode <= 3)
        status = ActivationStatus(*activation.statusCode);
    else if (activation.statusCode)
        status = ActivationStatus::InternalError;
    sample.outcome = SampleOutcome(int(status));

    // Memory defaults as CostModel's: OpenWhisk's 256 MB when the record carries no limits.
    sample.memoryMb = quint16(CostModel::kDefaultMemoryMb);
    bool timedOut = false;
    if (activation.annotations) {
        for (const KeyValue &item : activation.annotations->items()) {
            const QString &key = item.key;
            if (key == QLatin1StringView("timeout")) {
                timedOut = item.value.toBool(false);
            } else if (key == QLatin1StringView("initTime")) {
                if (item.value.isDouble()) {
                    sample.cold = true;
                    sample.initMs = saturate<quint32>(item.value.toDouble());
                }
            } else if (key == QLatin1StringView("waitTime")) {
                sample.waitMs = saturate<quint32>(item.value.toDouble());
            } else if (key == QLatin1StringView("peakMemory")) {
                sample.peakMemoryKb = saturate<quint32>(std::ceil(item.value.toDouble() / 1024.0));
            } else if (key == QLatin1StringView("cpuTime")) {
                sample.cpuMicros = saturate<quint32>(item.value.toDouble() * 1000.0);
            } else if (key == QLatin1StringView("limits") && item.value.isObject()) {
                const QJsonObject limits = item.value.toObject();
                const QJsonValue memory = limits.value(QLatin1StringView("memory"));
                if (memory.isDouble())
                    sample.memoryMb = saturate<quint16>(memory.toDouble());
                sample.cpuMilli = saturate<quint16>(limits.value(QLatin1StringView("cpu")).toDouble() * 1000.0);
                sample.diskMb = saturate<quint16>(limits.value(QLatin1StringView("storage")).toDouble());
            }
        }
    }
    if (status == ActivationStatus::DeveloperError && activation.response && isTimeoutText(*activation.response))
        timedOut = true;
    if (timedOut)
        sample.outcome = SampleOutcome::Timeout;
    return sample;
}

QString ActivationSample::functionNameOf(const Activation &activation)
{
    // The `path` annotation is "namespace/package/action" or "namespace/action"; the record's
    // `name` lacks the package.
    const QJsonValue path = activation.annotation(QStringLiteral("path"));
    if (path.isString()) {
        const QString full = path.toString();
        const qsizetype slash = full.indexOf(QLatin1Char('/'));
        if (slash >= 0 && slash + 1 < full.size())
            return full.mid(slash + 1);
    }
    return activation.name.value_or(QString());
}

} // namespace funcdesk
