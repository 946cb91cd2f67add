#pragma once

#include <QMultiHash>
#include <QSet>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>

namespace funcdesk {

// The invocations in Executor::invoke() right now, by activation id, each with the flag that
// cancels it (RuntimeProcess::setCancelFlag). Thread-safe.
class RunningActivations
{
public:
    struct Entry
    {
        std::atomic<bool> cancelled{false};
    };

    // Registers an invocation; its flag is raised already when it was cancelled before it got
    // here or everything is shutting down. leave() unregisters it.
    std::shared_ptr<Entry> enter(const QString &activationId);
    void leave(const QString &activationId, const Entry *entry);
    // Raises the flag of every invocation with this id; an id not (yet) running is remembered
    // (at most kMaxEarlyCancels, then forgotten all at once) so that enter() sees it.
    void cancel(const QString &activationId);
    // Raises every flag, now and for every later enter().
    void shutdown();
    bool shuttingDown() const { return m_shuttingDown; }
    int count() const;

    static constexpr int kMaxEarlyCancels = 1024;

private:
    mutable std::mutex m_mutex;
    QMultiHash<QString, std::shared_ptr<Entry>> m_running;
    QSet<QString> m_cancelledEarly;
    std::atomic<bool> m_shuttingDown{false};
};

} // namespace funcdesk
