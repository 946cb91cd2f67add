#include "executor/SharedPool.h"

namespace funcdesk {

std::shared_ptr<SharedProcess> SharedPool::acquire(const std::string &key)
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        Entry &entry = m_entries[key];
        if (entry.process) {
            if (entry.process->usable()) {
                ++entry.process->users;
                return entry.process;
            }
            if (entry.process->users == 0)
                m_deadIdle.push_back(entry.process->release());
            entry.process.reset();  // a user still in it retires it on release()
        }
        if (!entry.starting) {
            entry.starting = true;
            return nullptr;
        }
        m_startEnded.wait(lock);
    }
}

void SharedPool::started(const std::string &key, const std::shared_ptr<SharedProcess> &process)
{
    {
        std::lock_guard lock(m_mutex);
        Entry &entry = m_entries[key];
        entry.process = process;
        entry.starting = false;
        process->users = 1;
    }
    m_startEnded.notify_all();
}

void SharedPool::startFailed(const std::string &key)
{
    {
        std::lock_guard lock(m_mutex);
        m_entries.erase(key);
    }
    m_startEnded.notify_all();  // one of the waiters tries next
}

std::unique_ptr<RuntimeProcess> SharedPool::release(const std::string &key, const std::shared_ptr<SharedProcess> &process,
                                                    qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    process->lastUsedMs = nowMs;
    --process->users;
    if (process->usable())
        return nullptr;
    const auto it = m_entries.find(key);
    if (it != m_entries.end() && it->second.process == process)
        it->second.process.reset();  // new callers start a fresh process at once
    if (it != m_entries.end() && !it->second.process && !it->second.starting)
        m_entries.erase(it);
    return process->users == 0 ? process->release() : nullptr;
}

std::vector<std::unique_ptr<RuntimeProcess>> SharedPool::takeIdleSince(qint64 cutoffMs)
{
    std::lock_guard lock(m_mutex);
    std::vector<std::unique_ptr<RuntimeProcess>> idle = std::move(m_deadIdle);
    m_deadIdle.clear();
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const auto &process = it->second.process;
        if (process && process->users == 0 && (process->lastUsedMs <= cutoffMs || !process->usable())) {
            idle.push_back(process->release());
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    return idle;
}

int SharedPool::size() const
{
    std::lock_guard lock(m_mutex);
    int count = 0;
    for (const auto &[key, entry] : m_entries)
        count += entry.process ? 1 : 0;
    return count;
}

}  // namespace funcdesk
