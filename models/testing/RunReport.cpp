#include "models/testing/RunReport.h"

#include "models/activations/ActivationIsolation.h"
#include "models/activations/ActivationText.h"
#include "models/testing/PrettyJson.h"

#include <QJsonObject>
#include <QLocale>

namespace funcdesk {

namespace {

QString missing()
{
    return QStringLiteral("\u2014");
}

QString milliseconds(double ms)
{
    const QLocale locale;
    if (ms >= 10000.0)
        return RunReport::tr("%1 s").arg(locale.toString(ms / 1000.0, 'f', 1));
    if (ms < 10.0 && ms != static_cast<double>(static_cast<qint64>(ms)))
        return RunReport::tr("%1 ms").arg(locale.toString(ms, 'f', 2));
    return RunReport::tr("%1 ms").arg(locale.toString(ms, 'f', 0));
}

QString bytes(qint64 value)
{
    const QLocale locale;
    if (value < 1024 * 1024)
        return RunReport::tr("%1 KB").arg(locale.toString(static_cast<double>(value) / 1024.0, 'f', 0));
    return RunReport::tr("%1 MB").arg(locale.toString(static_cast<double>(value) / (1024.0 * 1024.0), 'f', 1));
}

// An action's failure message: OpenWhisk puts it in result.error, a string or an Error-like object.
QString errorOf(const QJsonValue &result)
{
    const QJsonValue error = result.toObject().value(QLatin1StringView("error"));
    if (error.isString())
        return error.toString();
    const QJsonObject object = error.toObject();
    if (object.value(QLatin1StringView("message")).isString()) {
        const QString name = object.value(QLatin1StringView("name")).toString();
        const QString message = object.value(QLatin1StringView("message")).toString();
        return name.isEmpty() ? message : name + QStringLiteral(": ") + message;
    }
    if (!error.isUndefined() && !error.isNull())
        return PrettyJson::render(error).text();
    return {};
}

QString displayStatus(const QString &status)
{
    // The platform's own words, translated for display; unknown statuses pass through.
    if (status == QLatin1StringView("success"))
        return RunReport::tr("success");
    if (status == QLatin1StringView("application error"))
        return RunReport::tr("application error");
    if (status == QLatin1StringView("action developer error"))
        return RunReport::tr("action developer error");
    if (status == QLatin1StringView("whisk internal error"))
        return RunReport::tr("whisk internal error");
    return status;
}

void describeEnforcement(RunReport &report, const QJsonValue &annotation)
{
    const QJsonObject enforcement = annotation.toObject();
    if (enforcement.isEmpty()) {
        report.enforcementText = RunReport::tr("not reported by the platform");
        report.enforcementNote = RunReport::tr("This platform does not record how it enforced the limits.");
        return;
    }
    auto field = [&](QLatin1StringView key) {
        const QString value = enforcement.value(key).toString();
        return value.isEmpty() ? missing() : value;
    };
    report.enforcementText = RunReport::tr("memory: %1, CPU: %2, processes: %3, timeout: %4")
                                 .arg(field(QLatin1StringView("memory")), field(QLatin1StringView("cpu")),
                                      field(QLatin1StringView("processes")), field(QLatin1StringView("timeout")));
    const bool cgroups = field(QLatin1StringView("memory")).startsWith(QLatin1StringView("cgroup"));
    report.enforcementNote =
        cgroups ? RunReport::tr("Limits enforced by the kernel (cgroups), as strictly as on a platform.")
                : RunReport::tr("No cgroups here: memory is watched by sampling and CPU by pausing the process, "
                                "so limits are close to the platform's but not exact.");
}

RunReport empty(RunReport::Target target, RunReport::Outcome outcome)
{
    RunReport report;
    report.target = target;
    report.outcome = outcome;
    for (QString *text :
         {&report.durationText, &report.startText, &report.memoryText, &report.cpuText, &report.costText,
          &report.enforcementText, &report.sandboxText, &report.networkText, &report.storageText})
        *text = missing();
    return report;
}

} // namespace

RunReport RunReport::fromActivation(Target target, const Activation &activation, const CostModel &costs)
{
    RunReport report = empty(target, Outcome::Finished);
    report.activationId = activation.activationId;
    report.success = activation.succeeded();
    if (activation.response) {
        report.status = displayStatus(activation.response->status);
        report.result = activation.response->result;
        report.resultText = PrettyJson::render(report.result).text();
        if (!report.success)
            report.errorMessage = errorOf(report.result);
    } else {
        report.status = tr("no response recorded");
    }
    // Ended by the platform (timeout, memory limit, cancel): the reason, not only the status.
    if (const QString ending = ActivationText::ending(ActivationSummary::of(activation)); !ending.isEmpty())
        report.status = tr("%1: %2").arg(report.status, ending);
    report.logs = activation.logs.value_or(QStringList());

    report.durationMs = activation.duration;
    if (!report.durationMs && activation.start && activation.end)
        report.durationMs = *activation.end - *activation.start;
    if (report.durationMs)
        report.durationText = milliseconds(static_cast<double>(*report.durationMs));

    const QJsonValue initTime = activation.annotation(QStringLiteral("initTime"));
    if (initTime.isDouble())
        report.initTimeMs = initTime.toInteger();
    report.startType = activation.annotation(QStringLiteral("startType")).toString();
    if (report.startType.isEmpty())
        report.startType = report.initTimeMs ? QStringLiteral("cold") : QStringLiteral("warm");
    report.coldStart = report.startType != QLatin1StringView("warm");
    if (report.startType == QLatin1StringView("prewarm"))
        report.startText = report.initTimeMs ? tr("Cold start (pre-warmed process), init %1")
                                                   .arg(milliseconds(static_cast<double>(*report.initTimeMs)))
                                             : tr("Cold start (pre-warmed process)");
    else if (report.coldStart)
        report.startText = report.initTimeMs
                               ? tr("Cold start, init %1").arg(milliseconds(static_cast<double>(*report.initTimeMs)))
                               : tr("Cold start");
    else
        report.startText = tr("Warm");

    const QJsonValue peak = activation.annotation(QStringLiteral("peakMemory"));
    if (peak.isDouble()) {
        report.peakMemoryBytes = peak.toInteger();
        report.memoryText = bytes(*report.peakMemoryBytes);
    }
    const QJsonValue cpu = activation.annotation(QStringLiteral("cpuTime"));
    if (cpu.isDouble()) {
        report.cpuTimeMs = cpu.toDouble();
        report.cpuText = milliseconds(*report.cpuTimeMs);
    }
    report.cost = costs.estimate(activation);
    if (report.cost) {
        report.costText = costs.format(report.cost->total);
        report.costDetail = tr("%1 pricing: %2 ms billed at %3 MB")
                                .arg(costs.prices().name)
                                .arg(report.cost->billedMs)
                                .arg(report.cost->memoryMb);
    }
    describeEnforcement(report, activation.annotation(QStringLiteral("enforcement")));
    const ActivationIsolation isolation = ActivationIsolation::of(activation);
    report.sandboxWarning = isolation.unisolated();
    report.sandboxNote = isolation.sandboxNote();
    report.storageUsedBytes = isolation.storageUsedBytes;
    const auto orMissing = [](const QString &text) { return text.isEmpty() ? missing() : text; };
    report.sandboxText = orMissing(isolation.sandboxText());
    report.networkText = orMissing(isolation.networkText());
    report.storageText = orMissing(isolation.storageText());
    return report;
}

RunReport RunReport::notStarted(Target target, const QString &message)
{
    RunReport report = empty(target, Outcome::NotStarted);
    report.status = tr("Could not run");
    report.errorMessage = message;
    return report;
}

RunReport RunReport::cancelled(Target target)
{
    RunReport report = empty(target, Outcome::Cancelled);
    report.status = tr("Cancelled");
    return report;
}

RunReport RunReport::stillRunning(Target target, const QString &activationId, const QString &message)
{
    RunReport report = empty(target, Outcome::StillRunning);
    report.status = tr("Still running");
    report.activationId = activationId;
    report.errorMessage = message;
    return report;
}

QString RunReport::targetName(Target target)
{
    return target == Target::Local ? tr("Local") : tr("Platform");
}

} // namespace funcdesk
