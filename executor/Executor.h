#pragma once

#include "core/Action.h"
#include "core/Activation.h"
#include "core/SystemLimits.h"
#include "executor/RuntimeCatalog.h"

#include <QFuture>
#include <QJsonObject>

#include <memory>

namespace funcdesk {

struct ExecutorConfig
{
    enum class Enforcement {
        Auto,     // cgroups where the machine lets us create groups, else the fallbacks
        Fallback, // never cgroups: RSS watchdog and SIGSTOP/SIGCONT duty cycle
    };
    Enforcement enforcement = Enforcement::Auto;
    enum class Sandbox {
        Auto, // bubblewrap where it can run here, else none (said once in the log; see sandboxName())
        Off,  // never: functions run unisolated and their activations say sandbox "none"
    };
    Sandbox sandbox = Sandbox::Auto;
    // The bubblewrap program (name on PATH or a path). The FUNCDESK_BWRAP environment variable,
    // when set, overrides it (an empty or missing program makes the sandbox unavailable: tests).
    QString bubblewrap = QStringLiteral("bwrap");
    // The uid/gid functions run as, outside the sandbox's user namespace. Unset: the executor's
    // own, except under root, where it is nobody/nogroup (65534).
    std::optional<uint> sandboxUid;
    std::optional<uint> sandboxGid;
    SystemLimits systemLimits;
    qint64 idleTimeoutMs = 10 * 60 * 1000; // warm processes idle this long are stopped
    // Warm processes idle this long are frozen (cgroup freezer) until their next activation, and
    // everything they started with them; back-to-back calls never wait for a thaw. Negative: never.
    qint64 freezeAfterMs = 100;
    int stemCellsPerRuntime = 1;
    // Runtime families whose stem cells start with the executor; the others' start after their
    // first cold start, so that runtimes nobody uses cost no idle process (docs/executor.md).
    QStringList stemCellFamilies{QStringLiteral("nodejs"), QStringLiteral("python")};
    int warmCapacity = 64; // idle warm processes kept, across all actions
    // The memory limits of the idle warm processes, summed, stay within this many MB (the least
    // recently used go first). 0: half of the machine's memory.
    qint64 warmMemoryMb = 0;
    int queuePerAction = 100;           // waiting invocations per action past its cap
    int maxProcessesPerActivation = 64; // pids limit per function process: contains fork bombs
    // A lone warm call whose launcher answered this fast before polls for the answer this long
    // before it sleeps (RuntimeProcess::step); 0 turns that off.
    qint64 spinMicros = 200;
    std::optional<RuntimeCatalog> catalog; // discovered from PATH when unset
    // refreshRuntimes() looks at PATH again at most this often; a call sooner returns the catalog
    // it has (docs/executor.md, "Runtimes installed later").
    qint64 runtimeRefreshIntervalMs = 2000;
    // Go and native actions' executables, one folder per code digest (docs/executor.md, "Go and
    // native actions"). Empty: $TMPDIR/funcdesk-cache-<uid>. The sandbox's user must be able to read it.
    QString cacheDirectory;
    // A Go compile that takes longer is stopped; the activation is a developer error.
    qint64 compileTimeoutMs = 60000;
};

// What to run: an action version and the parameters of this invocation.
struct InvocationRequest
{
    QString ns = QStringLiteral("guest");
    QString name;
    QString version = QStringLiteral("0.0.1");
    Exec exec;
    ActionLimits limits;   // unset fields take the system defaults
    QJsonObject params;    // already merged: action defaults + invocation payload
    QByteArray paramsJson; // `params` as compact JSON when the caller has it already, else empty
    QString activationId;  // generated when empty
    // Processes serve only requests with the same tag: the Test panel's local runs ("test") never
    // take a process that the platform's invocations warmed, so their first run starts one.
    QString poolTag;
};

// Runs action code in launcher processes with the action's limits enforced by the OS, and
// measures every activation. Thread-safe; invoke() blocks its caller (never call it on the GUI
// thread: use invokeAsync()). An activation that fails is still an activation (ok() with a
// developer or application error inside); an invocation that cannot start is a PlatformError.
class Executor
{
public:
    explicit Executor(ExecutorConfig config = {});
    ~Executor();
    Executor(const Executor &) = delete;
    Executor &operator=(const Executor &) = delete;

    Result<Activation> invoke(const InvocationRequest &request);
    QFuture<Result<Activation>> invokeAsync(InvocationRequest request);

    // Ends the running (or queued) activation with this id at once: its whole process tree is
    // killed, the process is not reused, and its record says "Cancelled by the user." with the
    // annotation cancelled: true (docs/executor.md, "Cancellation"). An id not yet running is
    // remembered briefly, so a cancel right after invokeAsync() is not lost. Any thread.
    void cancel(const QString &activationId);
    // Quit: cancels every running activation ("Cancelled: the platform is shutting down.") and
    // every later one before it starts. The destructor does the same rather than wait.
    void shutdown();
    // The first step of a graceful quit: activations waiting for their turn (concurrency) and
    // every later one end at once, unrun, recorded as cancelled by the shutdown; running ones go
    // on (shutdown() ends them).
    void refuseQueued();
    // Invocations in invoke() right now, queued ones included.
    int runningCount() const;

    // The runtimes offered now: a copy, since refreshRuntimes() may replace them at any time.
    RuntimeCatalog catalog() const;
    // Looks for the interpreters again (RuntimeCatalog::discover, then what the sandbox reaches)
    // and offers what it finds from then on; returns that catalog. Runtimes gone are refused as
    // unknown kinds are, their stem cells stopped; new ones get stem cells after their first
    // cold start. Blocks for the discovery (a fraction of a second): not on the GUI thread. One
    // discovery at a time (a caller arriving meanwhile waits and shares it), and at most one per
    // ExecutorConfig::runtimeRefreshIntervalMs (the start's does not count): a call sooner returns
    // the current catalog. A catalog given in the configuration is kept as it is.
    RuntimeCatalog refreshRuntimes();
    // Whether a folder on PATH (or PATH itself) changed since the last discovery began: a few
    // stat calls, cheap enough for every GET / or health check. False with a configured catalog.
    bool runtimesMayHaveChanged() const;
    const SystemLimits &systemLimits() const;
    // "cgroup-v1", "cgroup-v2" or "fallback": what new processes get.
    QString enforcementName() const;
    // "bubblewrap" when functions run sandboxed, else "none".
    QString sandboxName() const;
    // Why there is no sandbox (empty when there is one), e.g. "bwrap: setting up uid map: Permission denied".
    QString sandboxProblem() const;

    // Minimum instances: keeps `count` initialised, idle-or-busy processes of this action version
    // ready at all times (started by the maintenance thread, replaced when they die or time out).
    // A call for the same ns/name with another version, code or limits retires the old ones;
    // count 0 stops keeping any.
    void keepWarm(const InvocationRequest &action, int count);
    // Warm processes (idle or busy) of the ns/name's most recent version known to the executor.
    int warmInstances(const QString &ns, const QString &name) const;

    // Introspection for tests and status displays.
    int warmProcessCount() const;
    int stemCellCount() const;
    // Actions whose shared processes' latest version is remembered (bounded by those with one).
    int sharedActionsRemembered() const;
    // The same for the exclusive warm pool (WarmPool::actionsRemembered).
    int warmActionsRemembered() const;
    // Stops warm processes idle for longer than the configured timeout, now.
    void reapIdleProcesses();
    // Blocks until the stem cells are back to their quota (tests, benchmarks); false when that
    // failed or took longer than timeoutMs.
    bool waitForStemCells(int timeoutMs = 30000);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace funcdesk
