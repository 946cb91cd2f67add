#include "executor/ActivationRecord.h"

#include "core/JsonWriter.h"
#include "executor/Executor.h"
#include "executor/StepOutcome.h"

#include <QJsonDocument>

namespace funcdesk {

namespace {

QString fullName(const InvocationRequest &request)
{
    return QLatin1Char('/') + request.ns + QLatin1Char('/') + request.name;
}

} // namespace

Activation makeActivationRecord(const InvocationRequest &request, ActivationFacts facts, ActivationResponse response,
                                QStringList logs)
{
    Activation activation;
    activation.ns = request.ns;
    activation.name = request.name;
    activation.version = request.version;
    activation.publish = false;
    activation.subject = request.ns;
    activation.activationId = facts.activationId;
    activation.start = facts.start;
    activation.end = facts.end;
    activation.duration = facts.end - facts.start;
    activation.response = std::move(response);
    activation.logs = std::move(logs);
    // The limits and enforcement of consecutive activations on a thread are mostly the same:
    // their JSON objects are kept and shared (implicitly) instead of built for each record.
    thread_local ActionLimits lastLimits;
    thread_local QJsonObject lastLimitsJson;
    if (lastLimitsJson.isEmpty() || !(lastLimits == facts.limits)) {
        lastLimits = facts.limits;
        lastLimitsJson = facts.limits.toJson();
    }
    thread_local Enforcement lastEnforcement;
    thread_local QJsonObject lastEnforcementJson;
    const Enforcement &enforcement = facts.enforcement;
    if (lastEnforcementJson.isEmpty() || lastEnforcement.memory != enforcement.memory ||
        lastEnforcement.cpu != enforcement.cpu || lastEnforcement.processes != enforcement.processes ||
        lastEnforcement.timeout != enforcement.timeout || lastEnforcement.sandbox != enforcement.sandbox ||
        lastEnforcement.storage != enforcement.storage || lastEnforcement.network != enforcement.network) {
        lastEnforcement = enforcement;
        lastEnforcementJson = QJsonObject{{QStringLiteral("memory"), enforcement.memory},
                                          {QStringLiteral("cpu"), enforcement.cpu},
                                          {QStringLiteral("processes"), enforcement.processes},
                                          {QStringLiteral("timeout"), enforcement.timeout},
                                          {QStringLiteral("sandbox"), enforcement.sandbox}};
        if (!enforcement.storage.isEmpty())
            lastEnforcementJson.insert(QStringLiteral("storage"), enforcement.storage);
        if (!enforcement.network.isEmpty())
            lastEnforcementJson.insert(QStringLiteral("network"), enforcement.network);
    }
    KeyValueList annotations{
        {QStringLiteral("path"), request.ns + QLatin1Char('/') + request.name, {}},
        {QStringLiteral("kind"), facts.kind, {}},
        {QStringLiteral("limits"), lastLimitsJson, {}},
        {QStringLiteral("timeout"), facts.timedOut, {}},
        {QStringLiteral("waitTime"), facts.start - facts.received, {}},
    };
    if (facts.initTime)
        annotations.set(QStringLiteral("initTime"), *facts.initTime);
    if (facts.memoryExceeded)
        annotations.set(QStringLiteral("memoryExceeded"), true);
    if (facts.cancelled)
        annotations.set(QStringLiteral("cancelled"), true);
    annotations.set(QStringLiteral("startType"), facts.startType);
    annotations.set(QStringLiteral("cpuTime"), static_cast<double>(facts.cpuNanos / 1000) / 1000.0);
    if (facts.peakMemoryBytes >= 0)
        annotations.set(QStringLiteral("peakMemory"), facts.peakMemoryBytes);
    if (facts.storageUsedBytes >= 0)
        annotations.set(QStringLiteral("storageUsed"), facts.storageUsedBytes);
    annotations.set(QStringLiteral("enforcement"), lastEnforcementJson);
    activation.annotations = std::move(annotations);
    return activation;
}

QByteArray initLine(const InvocationRequest &request, qint64 concurrency)
{
    const QJsonObject env{{QStringLiteral("__OW_NAMESPACE"), request.ns},
                          {QStringLiteral("__OW_ACTION_NAME"), fullName(request)},
                          {QStringLiteral("__OW_ACTION_VERSION"), request.version}};
    QJsonObject init{{QStringLiteral("name"), fullName(request)},
                     {QStringLiteral("main"), request.exec.mainOrDefault()},
                     {QStringLiteral("code"), request.exec.code.value_or(QString())},
                     {QStringLiteral("binary"), request.exec.binary.value_or(false)},
                     {QStringLiteral("env"), env}};
    if (concurrency > 1)
        init.insert(QStringLiteral("concurrency"), concurrency);
    return QJsonDocument(QJsonObject{{QStringLiteral("init"), init}}).toJson(QJsonDocument::Compact) + '\n';
}

QList<QByteArray> initEnvironment(const InvocationRequest &request)
{
    return {"__OW_NAMESPACE=" + request.ns.toUtf8(), "__OW_ACTION_NAME=" + fullName(request).toUtf8(),
            "__OW_ACTION_VERSION=" + request.version.toUtf8()};
}

QByteArray runLine(const InvocationRequest &request, const QByteArray &params, const QString &activationId,
                   qint64 deadlineMs)
{
    // Built by hand, not through QJsonDocument: this is on every warm call's path.
    const QByteArray id = activationId.toLatin1();
    QByteArray line;
    line.reserve(params.size() + 256);
    line += "{\"value\":" + params + ",\"namespace\":";
    appendJsonString(line, request.ns);
    line += ",\"action_name\":";
    appendJsonString(line, fullName(request));
    line += ",\"action_version\":";
    appendJsonString(line, request.version);
    line += ",\"activation_id\":\"" + id + "\",\"transaction_id\":\"" + id + "\",\"deadline\":\"" +
            QByteArray::number(deadlineMs) + "\"}\n";
    return line;
}

} // namespace funcdesk
