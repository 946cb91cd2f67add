#include "models/connections/ConnectionHealth.h"
#include "core/FutureCallback.h"

#include "core/Platform.h"
#include "models/connections/ConnectionTest.h"

namespace funcdesk {

ConnectionHealth::ConnectionHealth(QObject *parent) : QObject(parent)
{
    m_nextCheck.setSingleShot(true);
    m_answerTimeout.setSingleShot(true);
    connect(&m_nextCheck, &QTimer::timeout, this, &ConnectionHealth::checkNow);
    connect(&m_answerTimeout, &QTimer::timeout, this, [this] {
        ++m_serial;
        m_inFlight = false;
        fail(tr("The server did not answer within %n second(s).", nullptr, m_intervals.answerTimeoutMs / 1000));
    });
}

void ConnectionHealth::watch(Platform *platform, const QString &blockedReason)
{
    if (m_platform)
        disconnect(m_platform, nullptr, this, nullptr);
    m_platform = platform;
    m_blockedReason = blockedReason;
    ++m_serial;
    m_inFlight = false;
    m_keyVerified = false;
    m_downDelayMs = m_intervals.downMinMs;
    m_nextCheck.stop();
    m_answerTimeout.stop();
    if (!platform)
        return set(false, blockedReason.isEmpty() ? tr("No platform is connected.") : blockedReason);
    if (!blockedReason.isEmpty())
        return set(false, blockedReason);
    connect(platform, &Platform::availabilityChanged, this, &ConnectionHealth::onPlatformAvailability);
    // Switching is instant: assume the new connection works until the first check says otherwise.
    set(true, {});
    checkNow();
}

void ConnectionHealth::checkNow()
{
    if (!m_platform || !m_blockedReason.isEmpty() || m_inFlight)
        return;
    m_nextCheck.stop();
    m_inFlight = true;
    const quint64 serial = ++m_serial;
    m_answerTimeout.start(m_intervals.answerTimeoutMs);
    onResult(m_platform->info(), this, [this, serial](Result<PlatformInfo> info) {
        if (serial != m_serial)
            return;
        if (!info) {
            m_inFlight = false;
            m_answerTimeout.stop();
            return fail(ConnectionTest::describeFailure(info.error()));
        }
        if (!m_keyVerified && m_platform)
            return verifyKey(serial);
        m_inFlight = false;
        m_answerTimeout.stop();
        succeed();
    });
}

void ConnectionHealth::verifyKey(quint64 serial)
{
    // GET / needs no key; the first check after (re)connecting also makes a keyed call.
    onResult(m_platform->count(Collection::Actions), this, [this, serial](Result<qint64> counted) {
        if (serial != m_serial)
            return;
        m_inFlight = false;
        m_answerTimeout.stop();
        if (!counted)
            return fail(ConnectionTest::describeFailure(counted.error()));
        m_keyVerified = true;
        succeed();
    });
}

void ConnectionHealth::onPlatformAvailability(bool available, const QString &reason)
{
    if (available) {
        if (!m_online)
            checkNow();
        return;
    }
    if (m_online) {
        // The next periodic check (or a call that gets through) brings the connection back.
        fail(reason);
    }
}

void ConnectionHealth::succeed()
{
    m_downDelayMs = m_intervals.downMinMs;
    set(true, {});
    schedule(m_intervals.upMs);
}

void ConnectionHealth::fail(const QString &reason)
{
    m_keyVerified = false;
    set(false, reason.isEmpty() ? tr("The server cannot be reached.") : reason);
    if (!m_inFlight)
        schedule(m_downDelayMs);
    m_downDelayMs = std::min(m_downDelayMs * 2, m_intervals.downMaxMs);
}

void ConnectionHealth::set(bool online, const QString &reason)
{
    if (online == m_online && reason == m_reason)
        return;
    m_online = online;
    m_reason = reason;
    Q_EMIT availabilityChanged(online, reason);
}

void ConnectionHealth::schedule(int delayMs)
{
    m_nextCheck.start(delayMs);
}

} // namespace funcdesk
