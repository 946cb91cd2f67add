#include "platforms/local/Invoker.h"

#include "platforms/local/Sequences.h"

#include <QDateTime>

// Sequences on the invoker (OpenWhisk's actions/SequenceActions.scala): the components run one
// after the other on the thread that runs the sequence, each recorded as its own activation
// (cause: the sequence's id, annotation causedBy: sequence); the sequence's activation lists
// their ids as its logs and ends with the last one's response.

namespace funcdesk {

namespace {

ActivationResponse failure(ActivationStatus status, const QString &message)
{
    ActivationResponse response;
    response.setStatus(status);
    response.result = QJsonObject{{QLatin1StringView("error"), message}};
    return response;
}

} // namespace

void Invoker::recordComponent(Activation activation)
{
    const QByteArray json = activation.toCompactJson();
    m_state.store->record(ActivationRepository::Row::of(activation, json));
    m_recorded(activation);
}

Result<Activation> Invoker::runSequence(const Prepared &sequence, bool topmost, const QString &cause, int &atomic)
{
    const InvocationRequest &request = sequence.request;
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    QJsonObject input = request.params;
    ActivationResponse last;
    last.setStatus(ActivationStatus::Success);
    last.result = input;
    QStringList logs;
    qint64 duration = 0;
    std::optional<qint64> maxMemory;
    for (const QString &component : sequence.components.value_or(QStringList())) {
        if (atomic >= Sequences::kMaxLength) {
            last = failure(ActivationStatus::ApplicationError, Sequences::tooLong());
            break;
        }
        Result<EngineState::ResolvedAction> resolved = m_state.resolveAction(sequence.caller, component);
        if (!resolved) {
            last = failure(ActivationStatus::ApplicationError, Sequences::componentNotFound());
            break;
        }
        const Prepared step = prepared(sequence.caller, std::move(resolved).value(), input, QByteArray());
        if (!step.components)
            ++atomic;
        Result<Activation> ran = step.components ? runSequence(step, false, request.activationId, atomic) : run(step);
        if (!ran) {
            last = failure(ActivationStatus::InternalError, Sequences::failed());
            break;
        }
        Activation activation = std::move(ran).value();
        activation.cause = request.activationId;
        activation.annotations->set(QStringLiteral("causedBy"), Sequences::kind());
        logs.append(activation.activationId);
        duration += activation.duration.value_or(0);
        const QJsonValue memory =
            activation.annotation(QStringLiteral("limits")).toObject().value(QLatin1String("memory"));
        if (memory.isDouble())
            maxMemory = std::max(maxMemory.value_or(0), qint64(memory.toDouble()));
        last = activation.response.value_or(failure(ActivationStatus::InternalError, Sequences::failed()));
        recordComponent(std::move(activation));
        // OpenWhisk stops at the first result with an `error` field.
        if (!last.result.isObject() || last.result.toObject().contains(QLatin1StringView("error")))
            break;
        input = last.result.toObject();
    }

    Activation activation;
    activation.activationId = request.activationId;
    activation.ns = sequence.caller;
    activation.subject = sequence.caller;
    activation.name = sequence.caller == request.ns ? request.name : request.name.section(QLatin1Char('/'), -1);
    activation.version = request.version;
    activation.publish = false;
    activation.start = start;
    activation.end = QDateTime::currentMSecsSinceEpoch();
    activation.duration = duration; // the components' time, not the time between them
    if (!topmost)
        activation.cause = cause;
    activation.response = last;
    activation.logs = logs;
    QJsonObject limits{{QStringLiteral("timeout"), qint64(request.limits.timeoutMs.value_or(0))},
                       {QStringLiteral("logs"), qint64(request.limits.logsMb.value_or(0))}};
    KeyValueList annotations{
        {QStringLiteral("topmost"), topmost, {}},
        {QStringLiteral("path"), request.ns + QLatin1Char('/') + request.name, {}},
        {QStringLiteral("kind"), Sequences::kind(), {}},
    };
    if (!topmost)
        annotations.set(QStringLiteral("causedBy"), Sequences::kind());
    annotations.set(QStringLiteral("waitTime"), start - sequence.received);
    if (!sequence.binding.isEmpty())
        annotations.set(QStringLiteral("binding"), sequence.binding);
    if (maxMemory) {
        limits.insert(QStringLiteral("memory"), *maxMemory);
        annotations.set(QStringLiteral("limits"), limits);
    }
    activation.annotations = annotations;
    return activation;
}

} // namespace funcdesk
