#include "executor/ConcurrencyGate.h"

namespace funcdesk {

ConcurrencyGate::Ticket::~Ticket()
{
    if (m_gate)
        m_gate->leave(m_key);
}

Result<ConcurrencyGate::Ticket> ConcurrencyGate::enter(const std::string &action, int inFlightCap, int queueCap)
{
    std::unique_lock lock(m_mutex);
    if (m_closed)
        return Ticket(nullptr, {});
    Counts &counts = m_counts[action];
    if (counts.running >= inFlightCap) {
        if (counts.waiting >= queueCap) {
            return PlatformError{PlatformError::Kind::Limit,
                                 QStringLiteral("Too many concurrent requests in flight (count: %1, allowed: %2).")
                                     .arg(counts.running + counts.waiting + 1)
                                     .arg(inFlightCap + queueCap)};
        }
        ++counts.waiting;
        m_released.wait(lock, [this, &counts, inFlightCap] { return m_closed || counts.running < inFlightCap; });
        --counts.waiting;
        if (m_closed) {
            if (counts.running == 0 && counts.waiting == 0)
                m_counts.erase(action);
            return Ticket(nullptr, {});
        }
    }
    ++counts.running;
    return Ticket(this, action);
}

void ConcurrencyGate::leave(const std::string &action)
{
    bool someoneWaits = false;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_counts.find(action);
        --it->second.running;
        someoneWaits = it->second.waiting > 0;
        if (it->second.running == 0 && !someoneWaits)
            m_counts.erase(it);
    }
    if (someoneWaits)
        m_released.notify_all();
}

void ConcurrencyGate::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_released.notify_all();
}

int ConcurrencyGate::inFlight(const std::string &action) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_counts.find(action);
    return it == m_counts.end() ? 0 : it->second.running;
}

} // namespace funcdesk
