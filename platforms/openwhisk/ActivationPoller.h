#pragma once

#include "platforms/openwhisk/ActivationCursor.h"
#include "platforms/openwhisk/OpenWhiskUrls.h"
#include "platforms/openwhisk/RetryBackoff.h"

#include <QObject>
#include <QTimer>

namespace funcdesk {

class RestTransport;
struct HttpExchange;

// Live activations from a remote platform, the way `wsk activation poll` finds them: every
// interval `GET activations?since=<cursor>&docs=true&limit=200`, paged with skip while pages come
// back full. After a failure it backs off exponentially (Retry-After wins on 429/503) and tries
// again until it succeeds or is disabled.
class ActivationPoller final : public QObject
{
    Q_OBJECT

public:
    ActivationPoller(RestTransport *transport, OpenWhiskUrls urls, QObject *parent = nullptr);

    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

Q_SIGNALS:
    // New activations, oldest first, each once.
    void arrived(const QList<funcdesk::Activation> &activations);
    // A request failed; `retryInMs` says when the poller tries again.
    void failed(const funcdesk::PlatformError &error, int retryInMs);
    // A request succeeded (after failures or not).
    void succeeded();

private:
    void poll();
    void requestSeed();
    void requestPage();
    void seedAnswered(const HttpExchange &exchange);
    void pageAnswered(const HttpExchange &exchange);
    void fail(const PlatformError &error, std::optional<int> retryAfterMs);
    void scheduleNext(int delayMs);
    // Runs `emitSignal`; false when polling should not go on from here afterwards.
    template <typename Emit> bool emitStillWanted(Emit emitSignal);

    RestTransport *m_transport;
    OpenWhiskUrls m_urls;
    ActivationCursor m_cursor;
    RetryBackoff m_backoff;
    QTimer m_timer;
    bool m_enabled = false;
    quint64 m_generation = 0; // answers to requests of an earlier enable are dropped
};

} // namespace funcdesk
