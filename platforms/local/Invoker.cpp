#include "platforms/local/Invoker.h"

#include "core/ActivationId.h"

#include <QDateTime>
#include <QJsonDocument>

#include <atomic>

namespace funcdesk {

namespace {
constexpr int kWaitCheckMs = 50;

// OpenWhisk's invoke-time checks, in its order: final parameters, then payload size.
std::optional<PlatformError> checkPayload(const Action &action, const QJsonObject &params, qint64 size,
                                          const SystemLimits &limits)
{
    const KeyValueList annotations = action.annotations.value_or(KeyValueList());
    if (annotations.value(QStringLiteral("final")).toBool(false) && action.parameters) {
        for (const KeyValue &item : action.parameters->items()) {
            if (params.contains(item.key))
                return PlatformError{
                    PlatformError::Kind::Invalid,
                    QStringLiteral("Request defines parameters that are not allowed (e.g., reserved properties).")};
        }
    }
    if (size > limits.maxPayloadBytes)
        return PlatformError{
            PlatformError::Kind::TooLarge,
            QStringLiteral("Request larger than allowed: %1 > %2 bytes.").arg(size).arg(limits.maxPayloadBytes)};
    return std::nullopt;
}
} // namespace

struct Invoker::Wait
{
    QPromise<Result<InvokeOutcome>> promise;
    std::atomic_bool done = false;
    QString activationId;
    bool resultOnly = false;
    WaitExpired expired; // set for invokeHere(): called instead of answering the promise
    std::optional<std::multimap<qint64, std::shared_ptr<Wait>>::iterator> position;
};

Invoker::Invoker(EngineState &state, Recorded recorded, QObject *parent)
    : QObject(parent), m_state(state), m_recorded(std::move(recorded))
{
    m_threads.setMaxThreadCount(256); // beyond the executor's per-action gates, nothing waits here
    m_timer.setInterval(kWaitCheckMs);
    connect(&m_timer, &QTimer::timeout, this, &Invoker::expireWaits);
    m_timer.start();
}

Result<Invoker::Prepared> Invoker::prepare(const QString &ns, const QString &name, const QJsonObject &params,
                                           const InvokeOptions &options)
{
    // The namespace's throttles come first, as OpenWhisk checks them with the entitlement,
    // before it looks at the action or the request.
    const Result<RateLimiter::Slot> slot = m_state.rates->admitInvocation(ns);
    if (!slot)
        return slot.error();
    const auto refuse = [&slot](PlatformError error) -> Result<Prepared> {
        slot->release();
        return error;
    };
    std::optional<Action> action;
    {
        QReadLocker locker(&m_state.lock);
        action = EngineState::find(m_state.actions, ns, name);
    }
    if (!action)
        return refuse(notFoundError());
    const QByteArray payload = QJsonDocument(params).toJson(QJsonDocument::Compact);
    if (auto problem = checkPayload(*action, params, payload.size(), m_state.config.limits))
        return refuse(*problem);
    const int maxWait = m_state.config.maxBlockingWaitMs;
    if (options.blocking && options.timeoutMs && (*options.timeoutMs <= 0 || *options.timeoutMs > maxWait))
        return refuse(PlatformError{PlatformError::Kind::Invalid,
                                    QStringLiteral("Timeout must be number of milliseconds up to %1.").arg(maxWait)});

    Prepared prepared{InvocationRequest(), slot.value()};
    InvocationRequest &request = prepared.request;
    request.ns = ns;
    request.name = name;
    request.version = action->version.value_or(QStringLiteral("0.0.1"));
    request.exec = *action->exec;
    request.limits = action->limits.value_or(ActionLimits());
    request.params = action->parameters ? action->parameters->toObject() : QJsonObject();
    if (request.params.isEmpty())
        request.paramsJson = payload; // nothing merged in: the executor sends these very bytes
    for (auto it = params.begin(); it != params.end(); ++it)
        request.params.insert(it.key(), it.value());
    request.activationId = newActivationId();
    return prepared;
}

std::shared_ptr<Invoker::Wait> Invoker::startWait(const QString &activationId, const InvokeOptions &options,
                                                  WaitExpired waitExpired)
{
    auto wait = std::make_shared<Wait>();
    wait->activationId = activationId;
    wait->resultOnly = options.resultOnly;
    wait->expired = std::move(waitExpired); // before the timer can see the wait
    const qint64 deadline =
        QDateTime::currentMSecsSinceEpoch() + options.timeoutMs.value_or(m_state.config.maxBlockingWaitMs);
    std::lock_guard locker(m_mutex);
    wait->position = m_waits.emplace(deadline, wait);
    return wait;
}

QFuture<Result<InvokeOutcome>> Invoker::invoke(const QString &ns, const QString &name, const QJsonObject &params,
                                               const InvokeOptions &options, const QString &cause)
{
    Result<Prepared> prepared = prepare(ns, name, params, options);
    if (!prepared)
        return readyResult<InvokeOutcome>(prepared.error());
    InvocationRequest request = std::move(prepared->request);
    std::shared_ptr<Wait> wait;
    QFuture<Result<InvokeOutcome>> answer;
    if (options.blocking) {
        wait = startWait(request.activationId, options, {});
        wait->promise.start();
        answer = wait->promise.future();
    } else {
        wait = std::make_shared<Wait>();
        wait->activationId = request.activationId;
        wait->done = true; // answered now; the activation is only recorded
        answer = readyResult<InvokeOutcome>(InvokeOutcome{request.activationId, std::nullopt, std::nullopt, {}});
    }

    m_threads.start([this, request = std::move(request), wait, cause, slot = prepared->slot] {
        Result<Activation> ran = m_state.executor->invoke(request);
        slot.release(); // before the answer: its caller may invoke again at once
        if (auto outcome = finish(wait, cause, std::move(ran))) {
            wait->promise.addResult(std::move(*outcome));
            wait->promise.finish();
        }
    });
    return answer;
}

Result<InvokeOutcome> Invoker::invokeHere(const QString &ns, const QString &name, const QJsonObject &params,
                                          const InvokeOptions &options, const QString &cause, WaitExpired waitExpired)
{
    Result<Prepared> prepared = prepare(ns, name, params, options);
    if (!prepared)
        return prepared.error();
    InvokeOptions blocking = options;
    blocking.blocking = true;
    std::shared_ptr<Wait> wait = startWait(prepared->request.activationId, blocking, std::move(waitExpired));
    Result<Activation> ran = m_state.executor->invoke(prepared->request);
    prepared->slot.release();
    Result<InvokeOutcome> outcome = record(wait, cause, std::move(ran));
    claim(wait); // the caller decides whether its answer or the expiry's 202 goes out
    return outcome;
}

std::optional<Result<InvokeOutcome>> Invoker::finish(const std::shared_ptr<Wait> &wait, const QString &cause,
                                                     Result<Activation> ran)
{
    Result<InvokeOutcome> outcome = record(wait, cause, std::move(ran));
    if (!claim(wait))
        return std::nullopt; // answered already: not blocking, or its wait ran out
    return outcome;
}

bool Invoker::claim(const std::shared_ptr<Wait> &wait)
{
    if (wait->done.exchange(true))
        return false;
    std::lock_guard locker(m_mutex);
    if (wait->position)
        m_waits.erase(*wait->position);
    return true;
}

Result<InvokeOutcome> Invoker::record(const std::shared_ptr<Wait> &wait, const QString &cause, Result<Activation> ran)
{
    std::optional<Result<InvokeOutcome>> outcome;
    if (ran) {
        Activation activation = std::move(ran).value();
        if (!cause.isEmpty())
            activation.cause = cause;
        // Serialised once, here, off the server's thread: the store keeps these bytes and a
        // blocking invoke sends them as its answer.
        QByteArray json = activation.toCompactJson();
        m_state.store->record(ActivationRepository::Row::of(activation, json));
        m_recorded(activation);
        InvokeOutcome finished{activation.activationId, activation, std::nullopt, std::move(json)};
        if (wait->resultOnly && activation.response)
            finished.result = activation.response->result;
        outcome = std::move(finished);
    } else {
        if (wait->done)
            qWarning("funcdesk: activation %s could not run: %s", qPrintable(wait->activationId),
                     qPrintable(ran.error().message));
        outcome = ran.error();
    }
    return std::move(*outcome);
}

void Invoker::waitForIdle()
{
    m_threads.waitForDone();
}

void Invoker::expireWaits()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<std::shared_ptr<Wait>> expired;
    {
        std::lock_guard locker(m_mutex);
        while (!m_waits.empty() && m_waits.begin()->first <= now) {
            std::shared_ptr<Wait> wait = m_waits.begin()->second;
            m_waits.erase(m_waits.begin());
            wait->position.reset();
            if (!wait->done.exchange(true))
                expired.push_back(std::move(wait));
        }
    }
    // The wait ran out: answer with the id (202); the activation keeps running and is recorded.
    // Outside the lock: an inline caller's answer goes out on its connection from here.
    for (const std::shared_ptr<Wait> &wait : expired) {
        if (wait->expired) {
            wait->expired(wait->activationId);
        } else {
            wait->promise.addResult(InvokeOutcome{wait->activationId, std::nullopt, std::nullopt, {}});
            wait->promise.finish();
        }
    }
}

} // namespace funcdesk
