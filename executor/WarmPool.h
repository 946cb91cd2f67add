#pragma once

#include "executor/RuntimeProcess.h"

#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace funcdesk {

// Initialised runtime processes keyed by action version (code, kind, main and limits all take
// part in the key, so a changed action never meets an old process): the idle ones, and a count of
// those out serving an activation (taken, or started for one and not yet put back). Keys kept
// warm (minimum instances, setKept) keep that many idle processes past the idle timeout and the
// capacity. The pool is bounded by count (capacity) and by memory: the memory limits of the idle
// processes, summed, stay within `memoryBudgetBytes` (the least recently used go first). When a
// process is started for a newer version of an action (any other key of the same action and
// pool tag), the older versions' idle processes go, and their busy ones when put back. Thread-safe.
class WarmPool
{
public:
    using Process = std::unique_ptr<RuntimeProcess>;

    explicit WarmPool(int capacity, qint64 memoryBudgetBytes = std::numeric_limits<qint64>::max())
        : m_capacity(capacity), m_memoryBudget(memoryBudgetBytes)
    {
    }

    // An idle process for `key` (counted as busy until put() or checkIn()), thawed, or nullptr.
    Process take(const std::string &key);
    // A process started for `key` outside the pool now counts as busy (put() or checkIn() ends that).
    // `key` becomes its action's latest: returns the idle processes of the action's other keys,
    // to be retired outside the lock.
    [[nodiscard]] std::vector<Process> checkOut(const std::string &key);
    // A busy process of `key` was not put back (it died or is retired).
    void checkIn(const std::string &key);
    // Puts a busy process back. Returns whatever had to be evicted to stay within capacity and
    // the memory budget (the least recently used), or the process itself when a newer version of
    // its action has started meanwhile, so the caller destroys it outside the lock.
    std::vector<Process> put(const std::string &key, Process process, qint64 nowMs);
    std::vector<Process> takeIdleSince(qint64 cutoffMs);
    std::vector<Process> takeAll();
    // Every idle process of `key`.
    std::vector<Process> takeKey(const std::string &key);
    // The idle processes of `key` for which `dead` says so (called under the lock: keep it cheap).
    std::vector<Process> takeIf(const std::string &key, const std::function<bool(RuntimeProcess &)> &dead);
    // Freezes the idle processes not used since cutoffMs (see RuntimeProcess::freeze); true when
    // idle ones used later remain unfrozen (ask again).
    bool freezeIdleSince(qint64 cutoffMs);
    // Exempts up to `count` idle processes of `key` (the most recently used) from the idle
    // timeout and from capacity eviction; 0 ends that.
    void setKept(const std::string &key, int count);
    int size() const;
    // The memory limits of the idle processes, summed.
    qint64 idleMemoryBytes() const;
    // Idle and busy processes of `key`.
    int count(const std::string &key) const;
    // Actions whose latest version the pool remembers: those with an idle or busy process (the
    // others are forgotten when idle processes are reaped, so deleted actions do not stay).
    int actionsRemembered() const;

private:
    int keptLocked(const std::string &key) const;
    void evictLocked(std::vector<Process> &evicted);
    void forgetActionsWithoutProcessesLocked();

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::vector<Process>> m_idle;
    std::unordered_map<std::string, int> m_busy;
    std::unordered_map<std::string, int> m_kept;
    std::unordered_map<std::string, std::string> m_latest; // action (and pool tag) → its latest key
    int m_count = 0;
    int m_capacity;
    qint64 m_memory = 0; // of the idle processes
    qint64 m_memoryBudget;
};

} // namespace funcdesk
