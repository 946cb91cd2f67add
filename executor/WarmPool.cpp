#include "executor/WarmPool.h"

#include <unordered_set>

namespace funcdesk {

namespace {

// The action a pool key belongs to: "ns/name" of "ns/name@version|…", plus its pool tag
// ("|#tag", last), so a Test panel run never retires what the platform's invocations warmed.
std::string actionOf(const std::string &key)
{
    const size_t bar = key.find('|');
    const size_t at = key.rfind('@', bar);
    std::string action = key.substr(0, at == std::string::npos ? bar : at);
    if (const size_t tag = key.rfind("|#"); tag != std::string::npos)
        action += key.substr(tag);
    return action;
}

} // namespace

WarmPool::Process WarmPool::take(const std::string &key)
{
    Process process;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_idle.find(key);
        if (it == m_idle.end() || it->second.empty())
            return nullptr;
        process = std::move(it->second.back()); // most recently used: warmest caches
        it->second.pop_back();
        --m_count;
        m_memory -= process->memoryLimitBytes();
        ++m_busy[key];
    }
    if (process->frozen()) { // idle for a while: thaw (a few µs); was it killed from outside meanwhile?
        if (process->killPending())
            process->markUnusable(); // it dies as it thaws: usable() says so, not this activation
        process->thaw();
    }
    return process;
}

std::vector<WarmPool::Process> WarmPool::checkOut(const std::string &key)
{
    std::vector<Process> older;
    std::lock_guard lock(m_mutex);
    ++m_busy[key];
    std::string &latest = m_latest[actionOf(key)];
    if (latest == key)
        return older;
    latest = key;
    // A newer version (or new limits, new code) of the action: its older idle processes serve
    // nobody any more. Kept ones are the WarmKeeper's to retire (Executor::keepWarm).
    const std::string action = actionOf(key);
    for (auto it = m_idle.begin(); it != m_idle.end();) {
        if (it->first != key && keptLocked(it->first) == 0 && actionOf(it->first) == action) {
            for (auto &process : it->second) {
                m_memory -= process->memoryLimitBytes();
                older.push_back(std::move(process));
            }
            m_count -= static_cast<int>(it->second.size());
            it = m_idle.erase(it);
        } else {
            ++it;
        }
    }
    return older;
}

void WarmPool::checkIn(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_busy.find(key);
    if (it != m_busy.end() && --it->second <= 0)
        m_busy.erase(it);
}

int WarmPool::keptLocked(const std::string &key) const
{
    const auto it = m_kept.find(key);
    return it == m_kept.end() ? 0 : it->second;
}

std::vector<WarmPool::Process> WarmPool::put(const std::string &key, Process process, qint64 nowMs)
{
    std::vector<Process> evicted;
    process->lastUsedMs = nowMs;
    std::lock_guard lock(m_mutex);
    if (const auto busy = m_busy.find(key); busy != m_busy.end() && --busy->second <= 0)
        m_busy.erase(busy);
    if (const auto latest = m_latest.find(actionOf(key));
        latest != m_latest.end() && latest->second != key && keptLocked(key) == 0) {
        evicted.push_back(std::move(process)); // superseded while it ran
        return evicted;
    }
    m_memory += process->memoryLimitBytes();
    m_idle[key].push_back(std::move(process));
    ++m_count;
    evictLocked(evicted);
    return evicted;
}

void WarmPool::evictLocked(std::vector<Process> &evicted)
{
    while (m_count > m_capacity || m_memory > m_memoryBudget) {
        // The least recently used process that is not kept warm; kept ones may exceed the
        // capacity (bounded by SystemLimits::minInstances per action).
        std::vector<Process> *oldestList = nullptr;
        qint64 oldest = std::numeric_limits<qint64>::max();
        for (auto &[name, list] : m_idle) {
            if (static_cast<int>(list.size()) > keptLocked(name) && list.front()->lastUsedMs < oldest) {
                oldest = list.front()->lastUsedMs;
                oldestList = &list;
            }
        }
        if (!oldestList)
            break;
        m_memory -= oldestList->front()->memoryLimitBytes();
        evicted.push_back(std::move(oldestList->front()));
        oldestList->erase(oldestList->begin());
        --m_count;
    }
}

std::vector<WarmPool::Process> WarmPool::takeIdleSince(qint64 cutoffMs)
{
    std::vector<Process> idle;
    std::lock_guard lock(m_mutex);
    for (auto it = m_idle.begin(); it != m_idle.end();) {
        auto &list = it->second;
        // The oldest may go; the newest `kept` stay (the list is in the order they were put back).
        const auto candidates = std::ssize(list) - keptLocked(it->first);
        std::vector<Process> staying;
        for (std::ptrdiff_t i = 0; i < std::ssize(list); ++i) {
            if (i < candidates && list[static_cast<size_t>(i)]->lastUsedMs <= cutoffMs) {
                m_memory -= list[static_cast<size_t>(i)]->memoryLimitBytes();
                idle.push_back(std::move(list[static_cast<size_t>(i)]));
                --m_count;
            } else {
                staying.push_back(std::move(list[static_cast<size_t>(i)]));
            }
        }
        list = std::move(staying);
        it = list.empty() ? m_idle.erase(it) : std::next(it);
    }
    forgetActionsWithoutProcessesLocked();
    return idle;
}

void WarmPool::forgetActionsWithoutProcessesLocked()
{
    // An action with no process left, idle or busy, has nothing to retire when a newer version
    // starts: forgetting it keeps the map bounded by the actions that have processes.
    std::unordered_set<std::string> present;
    for (const auto &[key, list] : m_idle)
        present.insert(actionOf(key));
    for (const auto &[key, busy] : m_busy)
        present.insert(actionOf(key));
    std::erase_if(m_latest, [&](const auto &entry) { return !present.contains(entry.first); });
}

std::vector<WarmPool::Process> WarmPool::takeAll()
{
    std::vector<Process> all;
    std::lock_guard lock(m_mutex);
    for (auto &[key, list] : m_idle) {
        for (auto &process : list)
            all.push_back(std::move(process));
    }
    m_idle.clear();
    m_count = 0;
    m_memory = 0;
    forgetActionsWithoutProcessesLocked();
    return all;
}

std::vector<WarmPool::Process> WarmPool::takeKey(const std::string &key)
{
    return takeIf(key, [](RuntimeProcess &) { return true; });
}

std::vector<WarmPool::Process> WarmPool::takeIf(const std::string &key,
                                                const std::function<bool(RuntimeProcess &)> &dead)
{
    std::vector<Process> taken;
    std::lock_guard lock(m_mutex);
    const auto it = m_idle.find(key);
    if (it == m_idle.end())
        return taken;
    auto &list = it->second;
    for (auto p = list.begin(); p != list.end();) {
        if (dead(**p)) {
            m_memory -= (*p)->memoryLimitBytes();
            taken.push_back(std::move(*p));
            p = list.erase(p);
            --m_count;
        } else {
            ++p;
        }
    }
    if (list.empty())
        m_idle.erase(it);
    return taken;
}

bool WarmPool::freezeIdleSince(qint64 cutoffMs)
{
    std::lock_guard lock(m_mutex);
    bool pending = false;
    for (auto &[key, list] : m_idle) {
        for (auto &process : list) {
            if (process->frozen() || !process->freezable())
                continue;
            if (process->lastUsedMs > cutoffMs)
                pending = true;
            else
                process->freeze(); // a few µs (see CgroupHost's anchor group)
        }
    }
    return pending;
}

void WarmPool::setKept(const std::string &key, int count)
{
    std::lock_guard lock(m_mutex);
    if (count > 0)
        m_kept[key] = count;
    else
        m_kept.erase(key);
}

int WarmPool::size() const
{
    std::lock_guard lock(m_mutex);
    return m_count;
}

qint64 WarmPool::idleMemoryBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_memory;
}

int WarmPool::count(const std::string &key) const
{
    std::lock_guard lock(m_mutex);
    const auto idle = m_idle.find(key);
    const auto busy = m_busy.find(key);
    return (idle == m_idle.end() ? 0 : static_cast<int>(idle->second.size())) +
           (busy == m_busy.end() ? 0 : busy->second);
}

int WarmPool::actionsRemembered() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_latest.size());
}

} // namespace funcdesk
