#pragma once

#include "executor/Cgroup.h"
#include "executor/ChildProcess.h"
#include "executor/LogCapture.h"
#include "executor/RuntimeCatalog.h"
#include "executor/Sandbox.h"

#include <QString>

#include <atomic>
#include <memory>

namespace funcdesk {

// How the limits of one runtime process are enforced; recorded on every activation.
struct Enforcement
{
    QString memory;    // "cgroup-v1" | "cgroup-v2" | "rss-watchdog"
    QString cpu;       // "cgroup-v1" | "cgroup-v2" | "sigstop-duty-cycle" | "unlimited"
    QString processes; // "cgroup-v1" | "cgroup-v2" | "process-group"
    QString timeout = QStringLiteral("process-group-kill");
    QString sandbox = QStringLiteral("none"); // "bubblewrap" | "none"
    QString storage;                          // "tmpfs" (limits.storage enforced) | "none"
    QString network;                          // "on" | "off" (empty network namespace) | "host" (not sandboxed)
};

// What one init or run step ended with.
struct StepResult
{
    // Aborted: ended by something else than this activation (exitDescription says what).
    // Cancelled: the cancel flag (setCancelFlag) was raised; the process tree was killed.
    enum class End { Completed, TimedOut, Exited, MemoryExceeded, Aborted, Cancelled };
    End end = End::Completed;
    QByteArray outcome;      // the fd 3 line (without the newline), empty unless Completed
    qint64 outcomeBytes = 0; // its full length, even when too large to keep
    qint64 cpuNanos = -1;    // CPU time of the step, every process of the action included
    // Without /tmp when it is a tmpfs charged to the group: the group's peak minus /tmp at the end.
    qint64 peakMemoryBytes = -1;
    qint64 storageUsedBytes = -1; // bytes in the tmpfs /tmp at the end of the step; -1: not known
    QString exitDescription;      // when Exited / MemoryExceeded
};

// A launcher process: spawned blank (a stem cell), given an action's code by init(), then
// serving run() calls one at a time. All waiting happens in poll() on the calling thread, so
// a warm call costs a pipe round trip and nothing else. Not thread-safe: one owner at a time.
class RuntimeProcess
{
public:
    struct Limits
    {
        qint64 memoryBytes = 256LL << 20;
        double cpu = 1.0;
        int maxProcesses = 256;
        // The size of /tmp. When it is a tmpfs charged to the group (enforcement.storage "tmpfs"),
        // the group's limit is memory + storage and step() watches memory without /tmp.
        qint64 storageBytes = 0;
    };

    // With a sandbox, the launcher starts inside it (scratchFolder unused: its /tmp is the
    // scratch); without, in scratchFolder (HOME, TMPDIR, working folder; removed with it).
    static Result<std::unique_ptr<RuntimeProcess>> start(const Runtime &runtime, CgroupHost *cgroups,
                                                         const QList<QByteArray> &environment,
                                                         const QString &scratchFolder, Sandbox *sandbox = nullptr,
                                                         const SandboxOptions &options = {});
    ~RuntimeProcess();

    const Runtime &runtime() const { return m_runtime; }
    pid_t pid() const { return m_child->pid(); }
    // Applies limits before init; returns how each is enforced.
    Enforcement applyLimits(const Limits &limits);
    const Enforcement &enforcement() const { return m_enforcement; }
    // The memory limit applied (what an idle process may hold: the warm pool's budget counts it).
    qint64 memoryLimitBytes() const { return m_limits.memoryBytes; }

    StepResult step(const QByteArray &line, qint64 timeoutMs, qint64 maxOutcomeBytes, LogCapture &logs);
    // False once the process has exited or a step left it unusable.
    bool usable();
    // After a step: whether it may serve another call (no exit check: that waits for take()).
    bool reusable() const { return m_usable; }
    void markUnusable() { m_usable = false; }
    // How long a step may poll for its outcome without sleeping, when the process answered
    // within that time before and no other step is running (0: never). See step().
    void setSpinBudget(qint64 micros) { m_spinBudgetMicros = micros; }
    // A flag another thread may raise to end the current step at once (Executor::cancel): the
    // step kills the whole tree within one poll slice (≤ 100 ms) and ends Cancelled. nullptr: none.
    void setCancelFlag(const std::atomic<bool> *flag) { m_cancel = flag; }

    // Between activations (cgroup freezer): stops the process and everything it started; false
    // when it cannot be frozen (no cgroup, no freezer: such a process is left running).
    bool freeze() { return m_group && m_group->freeze(); }
    // Before its next step. Costs nothing when it is not frozen.
    void thaw()
    {
        if (m_group)
            m_group->thaw();
    }
    bool frozen() const { return m_group && m_group->frozen(); }
    bool freezable() const { return m_group && m_group->canFreeze(); }
    // Whether a SIGKILL waits for it (sent from outside while it was frozen: it dies when thawed).
    bool killPending() const;

    qint64 lastUsedMs = 0;

    // Counts the executor's steps in flight while it lives; `others` is how many were running
    // when it began. Only a lone step spins for its outcome (see step()).
    struct StepCount
    {
        StepCount();
        ~StepCount();
        int others;
    };

private:
    friend class SharedProcess;
    RuntimeProcess() = default;
    qint64 cpuNanosNow() const;
    qint64 rssBytesNow() const;
    void resetPeakMemory();
    qint64 peakMemoryNow() const;

    Runtime m_runtime;
    QString m_scratchFolder; // HOME, TMPDIR and working folder; removed with the process
    std::unique_ptr<ChildProcess> m_child;
    std::unique_ptr<ProcessCgroup> m_group;
    Enforcement m_enforcement;
    Limits m_limits;
    qint64 m_spinBudgetMicros = 0;
    const std::atomic<bool> *m_cancel = nullptr;
    qint64 m_lastStepMicros = -1; // the last step's wall time; -1 before the first
    bool m_cgroupCpu = false;
    bool m_watchShmem = false; // tmpfs /tmp charged to the group: watch memory without it
    // Memory charged to the group without its /tmp (tmpfs pages), or -1.
    qint64 memoryWithoutStorage() const;
    bool m_usable = true;
    qint64 m_lastCpuNanos = 0;
    qint64 m_oomKillsSeen = 0;
    pid_t m_measuredPid = -1; // the launcher: the child, or inside a sandbox the program bubblewrap started
    int m_statFd = -1;        // /proc/<pid>/stat, kept open, for the watchdog's CPU time
    int m_statmFd = -1;       // /proc/<pid>/statm, for the watchdog's RSS
};

} // namespace funcdesk
