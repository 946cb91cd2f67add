#pragma once

#include "executor/RuntimeProcess.h"

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace funcdesk {

// Idle initialised runtime processes, keyed by action version (code, kind, main and limits all
// take part in the key, so a changed action never meets an old process). Thread-safe.
class WarmPool
{
public:
    using Process = std::unique_ptr<RuntimeProcess>;

    explicit WarmPool(int capacity) : m_capacity(capacity) {}

    Process take(const std::string &key);
    // Returns whatever had to be evicted to stay within capacity (the least recently used),
    // so the caller destroys it outside the lock.
    std::vector<Process> put(const std::string &key, Process process, qint64 nowMs);
    std::vector<Process> takeIdleSince(qint64 cutoffMs);
    std::vector<Process> takeAll();
    int size() const;

private:
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::vector<Process>> m_idle;
    int m_count = 0;
    int m_capacity;
};

} // namespace funcdesk
