#include "executor/WarmPool.h"

namespace funcdesk {

WarmPool::Process WarmPool::take(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_idle.find(key);
    if (it == m_idle.end() || it->second.empty())
        return nullptr;
    Process process = std::move(it->second.back()); // most recently used: warmest caches
    it->second.pop_back();
    --m_count;
    return process;
}

std::vector<WarmPool::Process> WarmPool::put(const std::string &key, Process process, qint64 nowMs)
{
    std::vector<Process> evicted;
    process->lastUsedMs = nowMs;
    std::lock_guard lock(m_mutex);
    m_idle[key].push_back(std::move(process));
    ++m_count;
    while (m_count > m_capacity) {
        std::vector<Process> *oldestList = nullptr;
        qint64 oldest = std::numeric_limits<qint64>::max();
        for (auto &[name, list] : m_idle) {
            if (!list.empty() && list.front()->lastUsedMs < oldest) {
                oldest = list.front()->lastUsedMs;
                oldestList = &list;
            }
        }
        evicted.push_back(std::move(oldestList->front()));
        oldestList->erase(oldestList->begin());
        --m_count;
    }
    return evicted;
}

std::vector<WarmPool::Process> WarmPool::takeIdleSince(qint64 cutoffMs)
{
    std::vector<Process> idle;
    std::lock_guard lock(m_mutex);
    for (auto it = m_idle.begin(); it != m_idle.end();) {
        auto &list = it->second;
        for (auto p = list.begin(); p != list.end();) {
            if ((*p)->lastUsedMs <= cutoffMs) {
                idle.push_back(std::move(*p));
                p = list.erase(p);
                --m_count;
            } else {
                ++p;
            }
        }
        it = list.empty() ? m_idle.erase(it) : std::next(it);
    }
    return idle;
}

std::vector<WarmPool::Process> WarmPool::takeAll()
{
    return takeIdleSince(std::numeric_limits<qint64>::max());
}

int WarmPool::size() const
{
    std::lock_guard lock(m_mutex);
    return m_count;
}

} // namespace funcdesk
