#include "platforms/local/InvokerQueue.h"

#include "core/PoolTask.h"

#include <algorithm>

namespace funcdesk {

InvokerQueue::InvokerQueue(int threads, int perNamespace)
    : m_threads(threads), m_perNamespace(std::min(threads, perNamespace))
{
    m_pool.setMaxThreadCount(threads);
}

InvokerQueue::~InvokerQueue()
{
    waitForIdle();
    m_pool.waitForDone();
}

bool InvokerQueue::post(const QString &ns, const QString &action, int concurrency, int queueCap, Job job)
{
    std::lock_guard lock(m_mutex);
    Space &space = m_spaces[ns];
    Lane &lane = space.lanes[action];
    lane.concurrency = std::max(1, concurrency);
    if (std::ssize(lane.waiting) >= queueCap + std::max(0, lane.concurrency - lane.running)) {
        if (lane.waiting.empty() && lane.running == 0)
            space.lanes.remove(action);
        return false;
    }
    if (lane.waiting.empty())
        space.turns.push_back(action);
    if (space.turns.size() == 1 && lane.waiting.empty())
        m_turns.push_back(ns);
    lane.waiting.push_back(std::move(job));
    ++m_waiting;
    pump();
    return true;
}

bool InvokerQueue::takeStartable(Space &space, Job &job, QString &lane)
{
    if (space.running >= m_perNamespace)
        return false;
    // Each lane with waiting jobs once, in turn; a lane at its concurrency goes to the back.
    for (size_t i = 0, n = space.turns.size(); i < n; ++i) {
        const QString name = space.turns.front();
        space.turns.pop_front();
        Lane &candidate = space.lanes[name];
        if (candidate.running >= candidate.concurrency) {
            space.turns.push_back(name);
            continue;
        }
        job = std::move(candidate.waiting.front());
        candidate.waiting.pop_front();
        if (!candidate.waiting.empty())
            space.turns.push_back(name);
        lane = name;
        return true;
    }
    return false;
}

void InvokerQueue::pump()
{
    // One job per namespace per round, the namespaces in turn, while threads are free.
    bool started = true;
    while (started && m_running < m_threads && !m_turns.empty()) {
        started = false;
        for (size_t i = 0, n = m_turns.size(); i < n && m_running < m_threads; ++i) {
            const QString ns = m_turns.front();
            m_turns.pop_front();
            Space &space = m_spaces[ns];
            Job job;
            QString lane;
            if (takeStartable(space, job, lane)) {
                started = true;
                ++space.running;
                ++space.lanes[lane].running;
                ++m_running;
                --m_waiting;
                PoolTask::start(m_pool, [this, ns, lane, job = std::move(job)] {
                    job();
                    finished(ns, lane);
                });
            }
            if (!space.turns.empty())
                m_turns.push_back(ns);
        }
    }
}

void InvokerQueue::finished(const QString &ns, const QString &lane)
{
    std::lock_guard lock(m_mutex);
    Space &space = m_spaces[ns];
    Lane &ended = space.lanes[lane];
    --ended.running;
    --space.running;
    --m_running;
    // A namespace with waiting jobs is in m_turns already (pump() keeps it there): it gets its
    // turn in the pump below.
    if (ended.running == 0 && ended.waiting.empty())
        space.lanes.remove(lane);
    if (space.lanes.isEmpty())
        m_spaces.remove(ns);
    pump();
    if (m_running == 0 && m_waiting == 0)
        m_idle.notify_all();
}

void InvokerQueue::waitForIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_running == 0 && m_waiting == 0; });
}

} // namespace funcdesk
