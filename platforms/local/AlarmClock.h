#pragma once

#include <QDateTime>

#include <functional>
#include <map>
#include <mutex>

namespace funcdesk {

// The alarm scheduler's time source (epoch ms). The default reads the system clock; tests hand
// in a ManualAlarmClock and move it themselves, so fire timing is tested without waiting.
class AlarmClock
{
public:
    virtual ~AlarmClock() = default;
    virtual qint64 nowMs() const { return QDateTime::currentMSecsSinceEpoch(); }
    // True when time moves only when told (the scheduler then sleeps until the clock is moved,
    // not for the real time left until the next fire).
    virtual bool isManual() const { return false; }
    // Called after the clock was moved (manual clocks only); returns a token for unsubscribe().
    virtual int subscribe(std::function<void()>) { return 0; }
    virtual void unsubscribe(int) {}
};

// A clock that stands still until the test sets or advances it.
class ManualAlarmClock : public AlarmClock
{
public:
    explicit ManualAlarmClock(qint64 startMs) : m_now(startMs) {}

    qint64 nowMs() const override
    {
        std::lock_guard lock(m_mutex);
        return m_now;
    }
    bool isManual() const override { return true; }
    void set(qint64 ms)
    {
        std::map<int, std::function<void()>> listeners;
        {
            std::lock_guard lock(m_mutex);
            m_now = ms;
            listeners = m_listeners;
        }
        for (const auto &[token, listener] : listeners)
            listener();
    }
    void advance(qint64 ms) { set(nowMs() + ms); }

    int subscribe(std::function<void()> listener) override
    {
        std::lock_guard lock(m_mutex);
        m_listeners.emplace(++m_lastToken, std::move(listener));
        return m_lastToken;
    }
    void unsubscribe(int token) override
    {
        std::lock_guard lock(m_mutex);
        m_listeners.erase(token);
    }

private:
    mutable std::mutex m_mutex;
    qint64 m_now;
    int m_lastToken = 0;
    std::map<int, std::function<void()>> m_listeners;
};

} // namespace funcdesk
