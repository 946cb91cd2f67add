#pragma once

#include <QHash>
#include <QString>
#include <QThreadPool>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace funcdesk {

// Where the invoker's jobs (non-blocking invokes, rule-fired activations, the engine's blocking
// invokes) wait for a thread: as data, not on threads. A job starts only when
// - its action runs fewer jobs than its concurrency limit (more would only wait in the
//   executor's per-action gate, each holding a thread, until the pool was full of waiters);
// - its namespace holds fewer than `perNamespace` of the pool's threads; and
// - the pool has a free thread.
// A freed thread goes to the namespaces with startable work in turn (round robin, one job each),
// so one namespace's queued calls cannot keep another's waiting. Thread-safe.
class InvokerQueue
{
public:
    using Job = std::function<void()>;
    InvokerQueue(int threads, int perNamespace);
    ~InvokerQueue(); // waits for the jobs queued and running

    // Queues `job` for action `action` of namespace `ns`. False (nothing queued) when `queueCap`
    // jobs of the action wait already.
    bool post(const QString &ns, const QString &action, int concurrency, int queueCap, Job job);
    // Returns once nothing waits or runs.
    void waitForIdle();

private:
    struct Lane
    {
        std::deque<Job> waiting;
        int running = 0;
        int concurrency = 1;
    };
    struct Space
    {
        QHash<QString, Lane> lanes;
        std::deque<QString> turns; // lanes with waiting jobs, in turn
        int running = 0;
    };
    // Starts what may start now. With m_mutex held.
    void pump();
    // A job taken from `space`'s next lane that may start, with its lane's name.
    bool takeStartable(Space &space, Job &job, QString &lane);
    void finished(const QString &ns, const QString &lane);

    const int m_threads;
    const int m_perNamespace;
    mutable std::mutex m_mutex;
    std::condition_variable m_idle;
    QHash<QString, Space> m_spaces;
    std::deque<QString> m_turns; // namespaces with waiting jobs, in turn
    int m_running = 0;
    int m_waiting = 0;
    QThreadPool m_pool;
};

} // namespace funcdesk
