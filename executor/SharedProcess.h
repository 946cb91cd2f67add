#pragma once

#include "executor/RuntimeProcess.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>

namespace funcdesk {

// A launcher initialised in concurrent mode, serving several activations at once: OpenWhisk's
// intra-container concurrency (limits.concurrency > 1, Node.js). Requests carry a sequence
// number and the launcher tags everything it writes on fd 3 with it (docs/runtime-protocol.md,
// "Concurrent mode").
//
// There is no reader thread: whichever caller finds the reader role free polls the pipes and
// hands each outcome and log record to its caller (leader/follower), so a lone call costs what an
// exclusive step costs and a busy process wakes each caller once. Thread-safe.
//
// Shared fate, as in an OpenWhisk container: an activation that times out kills the process, and
// every activation in flight in it ends with a developer error. CPU time is the process's CPU
// while the activation was in flight (shared with those in flight with it); peak memory is the
// process's peak since it was last idle.
class SharedProcess
{
public:
    explicit SharedProcess(std::unique_ptr<RuntimeProcess> process);
    ~SharedProcess();
    SharedProcess(const SharedProcess &) = delete;
    SharedProcess &operator=(const SharedProcess &) = delete;

    // Runs one activation: `request` is a run line ('{' … '}\n'). Blocks until its outcome, its
    // deadline or the end of the process. nullopt: the process had ended (or announced its end)
    // before the whole request was sent, so nothing ran: try another process.
    std::optional<StepResult> run(const QByteArray &request, qint64 timeoutMs, qint64 maxOutcomeBytes,
                                  LogCapture &logs);

    // False once the process has ended or was killed; new activations must go elsewhere. While
    // nothing runs in it, this also notices a process that died idle.
    bool usable();
    // What usable() says without looking at the process itself (no system call): false once it
    // was killed, was seen to end or said it is exiting.
    bool knownDead() const { return m_dead || !m_process; }
    const Enforcement &enforcement() const { return m_process->enforcement(); }
    // Freezing while nothing runs in it (SharedPool, under its lock); see RuntimeProcess.
    bool freeze() { return m_process && m_process->freeze(); }
    void thaw()
    {
        if (m_process)
            m_process->thaw();
    }
    bool frozen() const { return m_process && m_process->frozen(); }
    bool freezable() const { return m_process && m_process->freezable(); }
    // Takes the process back (to retire it); only when nothing runs in it.
    std::unique_ptr<RuntimeProcess> release() { return std::move(m_process); }

    // Bookkeeping for the executor's registry (guarded by the registry's lock, not this class).
    int users = 0;
    qint64 lastUsedMs = 0;
    std::string action; // the action it serves (SharedPool's key without version, limits, code)

private:
    struct Waiter
    {
        LogCapture *logs = nullptr;
        qint64 maxOutcomeBytes = 0;
        qint64 cpuAtStart = -1;
        StepResult result;
        bool done = false;
        bool sleeping = false; // in wait_until: needs a wake to take a free reader role
        std::condition_variable wake;
    };

    using Clock = std::chrono::steady_clock;
    bool writeRequest(const QByteArray &line, Clock::time_point deadline);
    // Takes the reader role if it is free for one short turn (a writer whose request does not fit
    // in the pipe drains the launcher's output meanwhile, so the launcher can go on reading).
    bool readTurnIfFree(int waitMs);
    // Gives the reader role up and wakes a caller asleep in wait_until to take it.
    void releaseReaderLocked();
    // One turn of the reader: polls the pipes (spinning first for spinMicros, then sleeping up to
    // waitMs), reads what they have and delivers it. Called without m_mutex, by the one caller
    // holding the reader role.
    void readTurn(int waitMs, qint64 spinMicros);
    void takeLines(const char *data, qsizetype size);
    void deliverLine(const QByteArray &line, qint64 lineBytes, std::unique_lock<std::mutex> &lock);
    void endAll(StepResult::End end, const QString &why, std::unique_lock<std::mutex> &lock);
    void killLocked();

    std::unique_ptr<RuntimeProcess> m_process;
    mutable std::mutex m_mutex;
    // Lines must not interleave in stdin. A line of at most PIPE_BUF bytes goes in one atomic
    // write, so such writers only share this lock; a longer line, written in pieces, holds it alone.
    std::shared_timed_mutex m_writeMutex;
    std::map<quint64, Waiter *> m_waiters;
    quint64 m_nextSeq = 1;
    bool m_readerActive = false;
    std::atomic<bool> m_dead{false}; // takes no more activations (killed, gone, or said it is exiting)
    bool m_exited = false;           // its end was seen and the activations in it ended
    qint64 m_lastCpuNanos = -1;
    qint64 m_lastPeakBytes = -1;
    qint64 m_lastStepMicros = -1;
    qint64 m_spinBudgetMicros = 0;
    // Reader state (only the reader touches it).
    QByteArray m_line;                     // the fd 3 line being read
    qint64 m_lineBytes = 0;                // its full length, kept or not
    std::atomic<qint64> m_keepBytes{0};    // how much of a line is kept
    QByteArray m_pipeOutput[2];            // fd 1/2 output waiting for the next outcome (under m_mutex)
    qint64 m_pipeDropped = 0;              // bytes of it dropped past the cap since the last outcome
    bool m_eof = false;                    // fd 3 closed
    bool m_pipeClosed[2] = {false, false}; // fd 1/2 closed (by the action): no longer polled
    std::vector<QByteArray> m_completeLines;
    std::vector<qint64> m_completeLineBytes;
};

} // namespace funcdesk
