#pragma once

#include "core/Result.h"

#include <condition_variable>
#include <mutex>
#include <string>
#include <unordered_map>

namespace funcdesk {

// Per-action in-flight cap with a bounded queue: callers past the cap wait their turn, callers
// past the queue are turned away with OpenWhisk's 429 message. Once closed (shutdown), waiting
// callers and every later one get a refused ticket at once. Thread-safe.
class ConcurrencyGate
{
public:
    class Ticket
    {
    public:
        Ticket(Ticket &&other) noexcept : m_gate(std::exchange(other.m_gate, nullptr)), m_key(std::move(other.m_key)) {}
        Ticket &operator=(Ticket &&) = delete;
        ~Ticket();
        // The gate was closed before this caller's turn came: it must not run.
        bool refused() const { return m_gate == nullptr; }

    private:
        friend class ConcurrencyGate;
        Ticket(ConcurrencyGate *gate, std::string key) : m_gate(gate), m_key(std::move(key)) {}
        ConcurrencyGate *m_gate;
        std::string m_key;
    };

    Result<Ticket> enter(const std::string &action, int inFlightCap, int queueCap);
    // Refuses the waiting callers now, and every later one.
    void close();
    int inFlight(const std::string &action) const;

private:
    struct Counts
    {
        int running = 0;
        int waiting = 0;
    };
    void leave(const std::string &action);

    mutable std::mutex m_mutex;
    std::condition_variable m_released;
    std::unordered_map<std::string, Counts> m_counts;
    bool m_closed = false;
};

} // namespace funcdesk
