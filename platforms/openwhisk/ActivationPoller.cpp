#include "platforms/openwhisk/ActivationPoller.h"

#include "platforms/openwhisk/OpenWhiskResponses.h"
#include "platforms/openwhisk/RestTransport.h"

#include <QPointer>

namespace funcdesk {

namespace {
// Enough summaries to know every id at the newest start when seeding.
constexpr int kSeedLimit = 50;
} // namespace

ActivationPoller::ActivationPoller(RestTransport *transport, OpenWhiskUrls urls, QObject *parent)
    : QObject(parent), m_transport(transport), m_urls(std::move(urls)),
      m_backoff(transport->config().retryBaseMs, transport->config().retryMaxMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ActivationPoller::poll);
}

template <typename Emit> bool ActivationPoller::emitStillWanted(Emit emitSignal)
{
    // A slot may turn polling off (or on again), or delete the poller.
    const QPointer<ActivationPoller> alive(this);
    const quint64 generation = m_generation;
    emitSignal();
    return alive && generation == m_generation;
}

void ActivationPoller::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    ++m_generation;
    m_timer.stop();
    m_cursor.reset();
    m_backoff.succeeded();
    if (enabled)
        poll();
}

void ActivationPoller::poll()
{
    if (!m_enabled)
        return;
    if (m_cursor.isSeeded())
        requestPage();
    else
        requestSeed();
}

void ActivationPoller::requestSeed()
{
    ActivationQuery query;
    query.limit = kSeedLimit;
    RestTransport::Request request;
    request.url = m_urls.activations(OpenWhiskUrls::activationQuery(query));
    const quint64 generation = m_generation;
    m_transport->send(request, this, [this, generation](const HttpExchange &exchange) {
        if (generation == m_generation)
            seedAnswered(exchange);
    });
}

void ActivationPoller::requestPage()
{
    ActivationQuery query;
    query.since = m_cursor.since();
    query.skip = m_cursor.skip();
    query.limit = ActivationCursor::kPageSize;
    query.docs = true;
    RestTransport::Request request;
    request.url = m_urls.activations(OpenWhiskUrls::activationQuery(query));
    const quint64 generation = m_generation;
    m_transport->send(request, this, [this, generation](const HttpExchange &exchange) {
        if (generation == m_generation)
            pageAnswered(exchange);
    });
}

void ActivationPoller::seedAnswered(const HttpExchange &exchange)
{
    auto page = OpenWhiskResponses::list<Activation>(exchange);
    if (!page) {
        fail(page.error(), exchange.retryAfterMs);
        return;
    }
    m_cursor.seed(page.value());
    m_backoff.succeeded();
    if (!emitStillWanted([this] { Q_EMIT succeeded(); }))
        return;
    scheduleNext(m_transport->config().pollIntervalMs);
}

void ActivationPoller::pageAnswered(const HttpExchange &exchange)
{
    auto page = OpenWhiskResponses::list<Activation>(exchange);
    if (!page) {
        m_cursor.abandonCycle();
        fail(page.error(), exchange.retryAfterMs);
        return;
    }
    m_backoff.succeeded();
    if (!emitStillWanted([this] { Q_EMIT succeeded(); }))
        return;
    if (m_cursor.addPage(page.value())) {
        requestPage();
        return;
    }
    const QList<Activation> fresh = m_cursor.finishCycle();
    if (!fresh.isEmpty() && !emitStillWanted([this, &fresh] { Q_EMIT arrived(fresh); }))
        return;
    scheduleNext(m_transport->config().pollIntervalMs);
}

void ActivationPoller::fail(const PlatformError &error, std::optional<int> retryAfterMs)
{
    const bool honoursRetryAfter =
        error.kind == PlatformError::Kind::Limit || error.kind == PlatformError::Kind::Server;
    const int delay = m_backoff.failed(honoursRetryAfter ? retryAfterMs : std::nullopt);
    if (emitStillWanted([&] { Q_EMIT failed(error, delay); }))
        scheduleNext(delay);
}

void ActivationPoller::scheduleNext(int delayMs)
{
    if (m_enabled)
        m_timer.start(std::max(0, delayMs));
}

} // namespace funcdesk
