#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace funcdesk {

class Platform;
struct PlatformError;

// Whether the current connection works, kept up to date without the user asking: the platform's
// own availabilityChanged, plus a periodic check — `info()` every few seconds while up (and once
// per recovery a keyed call, so a refused key shows as well), backing off while down — so a server
// that comes back is noticed by itself.
class ConnectionHealth : public QObject
{
    Q_OBJECT

public:
    struct Intervals
    {
        int upMs = 5000;             // between checks while online
        int downMinMs = 5000;        // first retry after going offline, doubled each time...
        int downMaxMs = 20000;       // ...up to this
        int answerTimeoutMs = 10000; // a check that gets no answer in this time counts as down
    };

    explicit ConnectionHealth(QObject *parent = nullptr);

    void setIntervals(Intervals intervals) { m_intervals = intervals; }
    // Watches `platform` from now on (not owned; nullptr for none). A non-empty `blockedReason`
    // is a reason it cannot work whatever the server says (no key): offline, no checks.
    void watch(Platform *platform, const QString &blockedReason = {});

    bool isOnline() const { return m_online; }
    QString reason() const { return m_reason; }
    void checkNow();

Q_SIGNALS:
    void availabilityChanged(bool online, const QString &reason);

private:
    void onPlatformAvailability(bool available, const QString &reason);
    void verifyKey(quint64 serial);
    void succeed();
    void fail(const QString &reason);
    void set(bool online, const QString &reason);
    void schedule(int delayMs);

    Intervals m_intervals;
    QPointer<Platform> m_platform;
    QString m_blockedReason;
    QTimer m_nextCheck;
    QTimer m_answerTimeout;
    quint64 m_serial = 0; // answers to an older check or platform are dropped
    bool m_inFlight = false;
    bool m_keyVerified = false;
    int m_downDelayMs = 0;
    bool m_online = false;
    QString m_reason;
};

} // namespace funcdesk
