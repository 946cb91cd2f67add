#include "platforms/local/Invoker.h"

#include "core/ActivationId.h"
#include "platforms/local/MinInstances.h"
#include "platforms/local/Sequences.h"

#include <QDateTime>
#include <QJsonDocument>

#include <atomic>

namespace funcdesk {

namespace {
constexpr int kWaitCheckMs = 50;
// The invoker's threads, for every namespace, and the share one namespace may hold at once.
constexpr int kInvokerThreads = 256;
constexpr int kInvokerThreadsPerNamespace = 64;

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
// A built-in action run here, recorded like any activation: its result, or an application
// error {"error": message}; no logs, no process (kind "builtin").
Activation runBuiltin(BuiltinAction &builtin, const InvocationRequest &request, const QString &caller)
{
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    const Result<QJsonObject> result =
        builtin.run(BuiltinCall{caller, request.name, request.activationId, request.params});
    Activation activation;
    activation.activationId = request.activationId;
    activation.ns = caller;
    activation.subject = caller;
    activation.name = caller == request.ns ? request.name : request.name.section(QLatin1Char('/'), -1);
    activation.version = request.version;
    activation.publish = false;
    activation.start = start;
    activation.end = QDateTime::currentMSecsSinceEpoch();
    activation.duration = *activation.end - start;
    ActivationResponse response;
    response.setStatus(result ? ActivationStatus::Success : ActivationStatus::ApplicationError);
    response.result = result ? result.value() : QJsonObject{{QLatin1StringView("error"), result.error().message}};
    activation.response = response;
    activation.logs = QStringList();
    activation.annotations = KeyValueList{
        {QStringLiteral("path"), request.ns + QLatin1Char('/') + request.name, {}},
        {QStringLiteral("kind"), SystemCatalog::builtinKind(), {}},
        {QStringLiteral("limits"), request.limits.toJson(), {}},
        {QStringLiteral("timeout"), false, {}},
        {QStringLiteral("waitTime"), 0, {}},
    };
    return activation;
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
    : QObject(parent), m_state(state), m_recorded(std::move(recorded)),
      m_queue(kInvokerThreads, kInvokerThreadsPerNamespace)
{
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
    Result<EngineState::ResolvedAction> resolved = m_state.resolveAction(ns, name);
    if (!resolved)
        return refuse(resolved.error());
    const Action &action = resolved->action;
    const QByteArray payload = QJsonDocument(params).toJson(QJsonDocument::Compact);
    if (auto problem = checkPayload(action, params, payload.size(), m_state.config.limits))
        return refuse(*problem);
    const int maxWait = m_state.config.maxBlockingWaitMs;
    if (options.blocking && options.timeoutMs && (*options.timeoutMs <= 0 || *options.timeoutMs > maxWait))
        return refuse(PlatformError{PlatformError::Kind::Invalid,
                                    QStringLiteral("Timeout must be number of milliseconds up to %1.").arg(maxWait)});
    if (Sequences::isSequence(action)) {
        // OpenWhisk checks that the caller may invoke every component before it runs any.
        for (const QString &component : action.exec->components.value_or(QStringList())) {
            const std::optional<QualifiedName> target = QualifiedName::resolve(ns, component);
            if (target) {
                if (auto refused = m_state.checkEntitled(ns, *target))
                    return refuse(*refused);
            }
        }
    }
    Prepared ready = prepared(ns, std::move(resolved).value(), params, payload);
    ready.slot = slot.value();
    return ready;
}

Invoker::Prepared Invoker::prepared(const QString &caller, EngineState::ResolvedAction resolved,
                                    const QJsonObject &params, const QByteArray &payload)
{
    const QualifiedName &target = resolved.target;
    const Action &action = resolved.action;
    Prepared prepared;
    prepared.caller = caller;
    prepared.binding = resolved.binding;
    prepared.received = QDateTime::currentMSecsSinceEpoch();
    if (target.ns == SystemCatalog::ns())
        prepared.builtin = m_state.catalog->builtin(target.name);
    InvocationRequest &request = prepared.request;
    request = executorRequest(target.ns, target.name, action); // as minimum instances keep it warm
    request.activationId = newActivationId();
    if (Sequences::isSequence(action)) {
        prepared.components = action.exec->components.value_or(QStringList());
        request.params = params;
        return prepared;
    }
    // OpenWhisk's order: package, binding, action, then the invoke's own parameters.
    request.params = resolved.inherited;
    const QJsonObject own = action.parameters ? action.parameters->toObject() : QJsonObject();
    for (auto it = own.begin(); it != own.end(); ++it)
        request.params.insert(it.key(), it.value());
    if (request.params.isEmpty() && !payload.isEmpty())
        request.paramsJson = payload; // nothing merged in: the executor sends these very bytes
    for (auto it = params.begin(); it != params.end(); ++it)
        request.params.insert(it.key(), it.value());
    return prepared;
}

Result<Activation> Invoker::run(const Prepared &prepared)
{
    const InvocationRequest &request = prepared.request;
    if (prepared.components) {
        int atomic = 0;
        return runSequence(prepared, true, QString(), atomic);
    }
    Result<Activation> ran =
        prepared.builtin ? runBuiltin(*prepared.builtin, request, prepared.caller) : m_state.executor->invoke(request);
    if (ran && prepared.caller != request.ns && !prepared.builtin) {
        // Another namespace's action: recorded where it was invoked from, named as OpenWhisk
        // names it there; `path` keeps where the action lives.
        Activation &activation = ran.value();
        activation.ns = prepared.caller;
        activation.subject = prepared.caller;
        activation.name = request.name.section(QLatin1Char('/'), -1);
    }
    if (ran && !prepared.binding.isEmpty()) // OpenWhisk: invoked through a package binding
        ran.value().annotations->set(QStringLiteral("binding"), prepared.binding);
    return ran;
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
    // Waits as data until its action has a free slot and its namespace its turn (InvokerQueue).
    const QString lane = prepared->request.ns + QLatin1Char('/') + prepared->request.name;
    const int concurrency = int(m_state.config.limits.withDefaults(prepared->request.limits).concurrency.value_or(1));
    const int queueCap = m_state.config.executor.queuePerAction;
    const QString activationId = prepared->request.activationId;
    std::shared_ptr<Wait> wait;
    QFuture<Result<InvokeOutcome>> answer;
    if (options.blocking) {
        wait = startWait(activationId, options, {});
        wait->promise.start();
        answer = wait->promise.future();
    } else {
        wait = std::make_shared<Wait>();
        wait->activationId = activationId;
        wait->done = true; // answered now; the activation is only recorded
        answer = readyResult<InvokeOutcome>(InvokeOutcome{activationId, std::nullopt, std::nullopt, {}});
    }

    const Prepared job = std::move(prepared).value();
    const bool queued = m_queue.post(ns, lane, concurrency, queueCap, [this, job, wait, cause] {
        Result<Activation> ran = run(job);
        job.slot->release(); // before the answer: its caller may invoke again at once
        if (auto outcome = finish(wait, cause, std::move(ran))) {
            wait->promise.addResult(std::move(*outcome));
            wait->promise.finish();
        }
    });
    if (!queued) { // its action's queue is full: refused as the executor's gate would
        job.slot->release();
        Result<InvokeOutcome> refused =
            PlatformError{PlatformError::Kind::Limit,
                          QStringLiteral("Too many concurrent requests in flight (count: %1, allowed: %2).")
                              .arg(concurrency + queueCap + 1)
                              .arg(concurrency + queueCap)};
        if (claim(wait)) {
            wait->promise.addResult(refused);
            wait->promise.finish();
        }
        return options.blocking ? answer : readyResult<InvokeOutcome>(refused.error());
    }
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
    Result<Activation> ran = run(*prepared);
    prepared->slot->release();
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
    m_queue.waitForIdle();
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
