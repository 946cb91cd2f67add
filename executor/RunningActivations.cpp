#include "executor/RunningActivations.h"

namespace funcdesk {

std::shared_ptr<RunningActivations::Entry> RunningActivations::enter(const QString &activationId)
{
    auto entry = std::make_shared<Entry>();
    std::lock_guard lock(m_mutex);
    if (m_shuttingDown || m_cancelledEarly.remove(activationId))
        entry->cancelled = true;
    m_running.insert(activationId, entry);
    return entry;
}

void RunningActivations::leave(const QString &activationId, const Entry *entry)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_running.find(activationId); it != m_running.end() && it.key() == activationId; ++it) {
        if (it.value().get() == entry) {
            m_running.erase(it);
            return;
        }
    }
}

void RunningActivations::cancel(const QString &activationId)
{
    std::lock_guard lock(m_mutex);
    bool found = false;
    for (auto it = m_running.find(activationId); it != m_running.end() && it.key() == activationId; ++it) {
        it.value()->cancelled = true;
        found = true;
    }
    if (found)
        return;
    if (m_cancelledEarly.size() >= kMaxEarlyCancels) // ids nobody invoked: keep the set bounded
        m_cancelledEarly.clear();
    m_cancelledEarly.insert(activationId);
}

void RunningActivations::shutdown()
{
    std::lock_guard lock(m_mutex);
    m_shuttingDown = true;
    for (const auto &entry : std::as_const(m_running))
        entry->cancelled = true;
}

int RunningActivations::count() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_running.size());
}

} // namespace funcdesk
