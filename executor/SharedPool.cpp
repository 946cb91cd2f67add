#include "executor/SharedPool.h"

#include <algorithm>

namespace funcdesk {

SharedPool::Acquired SharedPool::acquire(const std::string &key, std::chrono::steady_clock::time_point deadline,
                                         qint64 timeoutMs)
{
    std::unique_lock lock(m_mutex);
    quint64 awaited = 0; // the start this caller waits for
    for (;;) {
        Entry &entry = m_entries[key];
        if (entry.process) {
            if (entry.process->usable()) {
                if (entry.process->users++ == 0)
                    entry.process->thaw();
                return {entry.process, false, std::nullopt};
            }
            if (entry.process->users == 0)
                m_deadIdle.push_back(entry.process->release());
            entry.process.reset(); // a user still in it retires it on release()
        }
        if (awaited != 0 && entry.failedStart == awaited && entry.lastFailure)
            return {nullptr, false, entry.lastFailure};
        if (!entry.starting) {
            entry.starting = true;
            ++entry.starts;
            return {nullptr, true, std::nullopt};
        }
        awaited = entry.starts;
        const bool expired = m_startEnded.wait_until(lock, deadline) == std::cv_status::timeout;
        const Entry &now = m_entries[key]; // looked up again: the entry may have gone meanwhile
        if (expired && now.starting && now.starts == awaited) {
            StepResult late;
            late.end = StepResult::End::TimedOut;
            return {nullptr, false, verdictForInit(late, timeoutMs)};
        }
    }
}

void SharedPool::started(const std::string &key, const std::shared_ptr<SharedProcess> &process)
{
    {
        std::lock_guard lock(m_mutex);
        Entry &entry = m_entries[key];
        entry.process = process;
        entry.starting = false;
        entry.lastFailure.reset();
        process->users = 1;
        // A new version (or new limits) of the action: its older processes serve nobody new, so
        // the idle ones go now and the busy ones when their last activation ends (release()).
        const std::string action = actionOf(key);
        process->action = action;
        m_latest[action] = key;
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            const auto &older = it->second.process;
            if (it->first != key && older && older->users == 0 && actionOf(it->first) == action) {
                m_deadIdle.push_back(older->release());
                it = m_entries.erase(it);
            } else {
                ++it;
            }
        }
    }
    m_startEnded.notify_all();
}

std::string SharedPool::actionOf(const std::string &key)
{
    // "ns/name@version|…": names may hold '@', versions and names never '|'.
    const size_t bar = key.find('|');
    const size_t at = key.rfind('@', bar);
    return key.substr(0, at == std::string::npos ? bar : at);
}

void SharedPool::startFailed(const std::string &key, const std::optional<StepVerdict> &verdict)
{
    {
        std::lock_guard lock(m_mutex);
        Entry &entry = m_entries[key];
        entry.starting = false;
        entry.lastFailure = verdict;
        entry.failedStart = entry.starts;
    }
    m_startEnded.notify_all(); // those who waited for this start get its verdict
}

std::unique_ptr<RuntimeProcess> SharedPool::release(const std::string &key,
                                                    const std::shared_ptr<SharedProcess> &process, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    process->lastUsedMs = nowMs;
    --process->users;
    const auto latest = m_latest.find(process->action);
    const bool superseded = latest != m_latest.end() && latest->second != key;
    // Whether it died while idle is asked when it is next acquired (a waitid() there); here only
    // what its users saw counts, so a release costs no system call.
    if (!process->knownDead() && !(superseded && process->users == 0))
        return nullptr;
    const auto it = m_entries.find(key);
    if (it != m_entries.end() && it->second.process == process)
        it->second.process.reset(); // new callers start a fresh process at once

    return process->users == 0 ? process->release() : nullptr;
}

std::vector<std::unique_ptr<RuntimeProcess>> SharedPool::takeIdleSince(qint64 cutoffMs)
{
    std::lock_guard lock(m_mutex);
    std::vector<std::unique_ptr<RuntimeProcess>> idle = std::move(m_deadIdle);
    m_deadIdle.clear();
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const auto &process = it->second.process;
        const bool expired = process && process->lastUsedMs <= cutoffMs && !m_kept.contains(it->first);
        if (process && process->users == 0 && (expired || !process->usable())) {
            idle.push_back(process->release());
            it = m_entries.erase(it);
        } else if (!process && !it->second.starting) {
            it = m_entries.erase(it); // a failed start's verdict, kept for its waiters until now
        } else {
            ++it;
        }
    }
    // An action none of whose versions has an entry any more (idle too long, deleted) is
    // forgotten: the map of latest versions holds only actions with processes.
    for (auto it = m_latest.begin(); it != m_latest.end();) {
        const std::string &action = it->first;
        const bool inUse = std::any_of(m_entries.begin(), m_entries.end(),
                                       [&action](const auto &entry) { return actionOf(entry.first) == action; });
        it = inUse ? std::next(it) : m_latest.erase(it);
    }
    return idle;
}

int SharedPool::actionsRemembered() const
{
    std::lock_guard lock(m_mutex);
    return int(m_latest.size());
}

bool SharedPool::freezeIdleSince(qint64 cutoffMs)
{
    std::lock_guard lock(m_mutex);
    bool pending = false;
    for (auto &[key, entry] : m_entries) {
        const auto &process = entry.process;
        if (!process || process->users > 0 || process->knownDead() || process->frozen() || !process->freezable())
            continue;
        if (process->lastUsedMs > cutoffMs)
            pending = true;
        else
            process->freeze();
    }
    return pending;
}

void SharedPool::setKept(const std::string &key, bool kept)
{
    std::lock_guard lock(m_mutex);
    if (kept)
        m_kept.insert(key);
    else
        m_kept.erase(key);
}

int SharedPool::count(const std::string &key) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    return it != m_entries.end() && it->second.process && !it->second.process->knownDead() ? 1 : 0;
}

int SharedPool::size() const
{
    std::lock_guard lock(m_mutex);
    int count = 0;
    for (const auto &[key, entry] : m_entries)
        count += entry.process ? 1 : 0;
    return count;
}

} // namespace funcdesk
