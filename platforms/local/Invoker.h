#pragma once

#include "platforms/local/EngineState.h"
#include "platforms/local/InvokerQueue.h"

#include <QThreadPool>
#include <QTimer>

#include <map>

namespace funcdesk {

// Invokes actions of the local platform: merges parameters, checks payload size and final
// parameters, runs the action on the executor (or, for a built-in of the whisk.system catalog,
// in-process on the same threads), records the activation, and answers a blocking caller when
// the activation finishes or, if its wait runs out first, with the activation id (OpenWhisk's
// 202) while the activation keeps running. Lives on the engine's thread (its one timer checks
// the blocking waits).
//
// `name` may be fully qualified: "/whisk.system/utils/echo" invoked from namespace `ns` runs the
// catalog's action if `ns` is entitled to it (a published package), and records the activation
// in `ns` (OpenWhisk: the invoking subject's namespace) with annotation path
// "whisk.system/utils/echo".
class Invoker : public QObject
{
    Q_OBJECT

public:
    using Recorded = std::function<void(const Activation &)>;
    Invoker(EngineState &state, Recorded recorded, QObject *parent = nullptr);

    QFuture<Result<InvokeOutcome>> invoke(const QString &ns, const QString &name, const QJsonObject &params,
                                          const InvokeOptions &options, const QString &cause);
    // A blocking invoke run on the calling thread, which waits for it: no hand-over to another
    // thread and back. Returns the activation (recorded as always) or why it could not run. If
    // the blocking wait runs out first, `waitExpired(activationId)` is called once, on this
    // object's thread, possibly while the activation is ending: the caller decides which answer
    // goes out.
    using WaitExpired = std::function<void(const QString &activationId)>;
    Result<InvokeOutcome> invokeHere(const QString &ns, const QString &name, const QJsonObject &params,
                                     const InvokeOptions &options, const QString &cause, WaitExpired waitExpired);
    // Returns once every running invocation has finished (before the executor goes away).
    void waitForIdle();

private:
    struct Wait;
    struct Prepared
    {
        InvocationRequest request;              // in the action's own namespace
        std::optional<RateLimiter::Slot> slot;  // none for a sequence's components
        QString caller;                         // where the activation is recorded
        std::shared_ptr<BuiltinAction> builtin; // set for a built-in action
        QString binding;                        // "ns/binding" when invoked through one
        std::optional<QStringList> components;  // set for a sequence
        qint64 received = 0;                    // epoch ms, for the sequence's waitTime
    };
    Result<Prepared> prepare(const QString &ns, const QString &name, const QJsonObject &params,
                             const InvokeOptions &options);
    // The invocation of a resolved action by `caller` with `params`: package, binding and action
    // parameters merged under them (a sequence gets `params` alone, as OpenWhisk passes them).
    Prepared prepared(const QString &caller, EngineState::ResolvedAction resolved, const QJsonObject &params,
                      const QByteArray &payload);
    // Runs a prepared invocation on this thread: the activation as the caller's namespace records it.
    Result<Activation> run(const Prepared &prepared);
    // Runs a sequence's components in order on this thread (InvokerSequence.cpp), recording each
    // one; the sequence's own activation. `atomic` counts the atomic actions run so far under
    // the topmost sequence.
    Result<Activation> runSequence(const Prepared &sequence, bool topmost, const QString &cause, int &atomic);
    // Records a finished activation that no caller waits for (a sequence's component).
    void recordComponent(Activation activation);
    std::shared_ptr<Wait> startWait(const QString &activationId, const InvokeOptions &options, WaitExpired waitExpired);
    void expireWaits();
    // Records the activation; the answer for its caller, or nullopt when that was given already.
    std::optional<Result<InvokeOutcome>> finish(const std::shared_ptr<Wait> &wait, const QString &cause,
                                                Result<Activation> ran);
    Result<InvokeOutcome> record(const std::shared_ptr<Wait> &wait, const QString &cause, Result<Activation> ran);
    // Ends the wait: true if it had not ended (answered or expired) before.
    bool claim(const std::shared_ptr<Wait> &wait);

    EngineState &m_state;
    Recorded m_recorded;
    QTimer m_timer;
    // Invocations block in the executor; each runs on one of this queue's threads, and waits for
    // one as data, with a fair share per namespace (InvokerQueue.h). Not
    // Executor::invokeAsync + QFuture::then: in Qt 6.4.2 a continuation attached while another
    // thread finishes the future can run twice and crash (see core/FutureCallback.h).
    InvokerQueue m_queue;
    std::mutex m_mutex;
    std::multimap<qint64, std::shared_ptr<Wait>> m_waits; // by deadline
};

} // namespace funcdesk
