#include "models/metrics/MetricsService.h"

#include "core/FutureCallback.h"
#include "models/metrics/MetricsWorker.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFutureWatcher>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace funcdesk {

namespace {
// updated() at most this often (4 a second): charts re-query on it.
constexpr int kUpdateIntervalMs = 250;
// A failing backfill page is asked again after 1 s, 2 s, 4 s ... at most this long.
constexpr int kMaxRetryMs = 60 * 1000;
} // namespace

// The GUI-thread side of the worker: the thread, the object living on it, and what the service
// needs to retire answers of a superseded connection (the generation).
struct MetricsService::Worker
{
    QThread thread;
    MetricsWorker *object = nullptr; // lives on `thread`, deleted when it finishes
    quint64 generation = 0;
    QMetaObject::Connection live;
    QMetaObject::Connection availability;
    QTimer updateTimer;
    bool updatePending = false;
    bool backfilled = false;
    int retryMs = 0;
};

MetricsService::MetricsService(QString cacheDir, QObject *parent)
    : QObject(parent), m_cacheDir(std::move(cacheDir)), m_worker(std::make_unique<Worker>())
{
    // The hooks run on the worker thread and post to this object; the worker thread ends (in the
    // destructor) before this object does.
    MetricsWorker::Hooks hooks;
    hooks.requestPage = [this](quint64 generation, ActivationQuery next) {
        QMetaObject::invokeMethod(
            this, [this, generation, next] { issuePage(generation, next); }, Qt::QueuedConnection);
    };
    hooks.backfillDone = [this](quint64 generation) {
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation != m_worker->generation)
                    return;
                m_worker->backfilled = true;
                setState(State::Live);
            },
            Qt::QueuedConnection);
    };
    hooks.progress = [this](qint64 added, qint64 oldestMs, qint64 sampleCount) {
        QMetaObject::invokeMethod(
            this, [this, added, oldestMs, sampleCount] { progressed(added, oldestMs, sampleCount); },
            Qt::QueuedConnection);
    };
    m_worker->object = new MetricsWorker(std::move(hooks));
    m_worker->object->moveToThread(&m_worker->thread);
    connect(&m_worker->thread, &QThread::finished, m_worker->object, &QObject::deleteLater);
    m_worker->thread.setObjectName(QStringLiteral("metrics"));
    m_worker->thread.start(QThread::LowPriority);

    m_worker->updateTimer.setSingleShot(true);
    m_worker->updateTimer.setInterval(kUpdateIntervalMs);
    connect(&m_worker->updateTimer, &QTimer::timeout, this, [this] {
        if (!m_worker->updatePending)
            return;
        m_worker->updatePending = false;
        m_worker->updateTimer.start();
        Q_EMIT updated();
    });
}

MetricsService::~MetricsService()
{
    disconnect(m_worker->live);
    disconnect(m_worker->availability);
    MetricsWorker *object = m_worker->object;
    QMetaObject::invokeMethod(
        object, [object] { object->shutdown(); }, Qt::BlockingQueuedConnection);
    m_worker->thread.quit();
    m_worker->thread.wait();
}

QString MetricsService::snapshotPath(const QString &connectionId) const
{
    if (m_cacheDir.isEmpty())
        return {};
    QString name = connectionId;
    for (QChar &c : name)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_' && c != u'.')
            c = u'_';
    // Two ids that sanitise alike ("a/b", "a_b") must not share a file.
    if (name != connectionId || name.isEmpty())
        name += u'-' + QString::fromLatin1(
                           QCryptographicHash::hash(connectionId.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
    return QDir(m_cacheDir).filePath(QStringLiteral("metrics-%1.bin").arg(name));
}

void MetricsService::setPlatform(Platform *platform, const QString &connectionId)
{
    disconnect(m_worker->live);
    disconnect(m_worker->availability);
    m_platform = platform;
    m_connectionId = connectionId;
    // Answers of the previous connection (pages, retries) carry an older generation: dropped.
    ++m_worker->generation;
    const quint64 generation = platform ? m_worker->generation : 0;
    m_worker->backfilled = false;
    m_worker->retryMs = 0;
    if (platform && !m_cacheDir.isEmpty())
        QDir().mkpath(m_cacheDir);
    const QString path = platform ? snapshotPath(connectionId) : QString();
    const int days = m_backfillDays;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    MetricsWorker *object = m_worker->object;
    // Posted before the live connection exists: batches of the old platform already queued are
    // ingested into the old store, every later one into this connection's.
    QMetaObject::invokeMethod(
        object, [object, generation, path, days, nowMs] { object->begin(generation, path, days, nowMs); });
    if (!platform) {
        setState(State::Idle);
        return;
    }
    setState(State::Backfilling);
    // Live from the start, not after the backfill: what arrives meanwhile is not lost, and the
    // overlap with the backfill is dropped by id. Batches go straight to the worker's thread.
    m_worker->live = connect(platform, &Platform::activationsArrived, object,
                             [object](const QList<Activation> &activations) { object->live(activations); });
    m_worker->availability =
        connect(platform, &Platform::availabilityChanged, this, [this](bool available, const QString &reason) {
            if (!available) {
                setState(State::Offline);
                Q_EMIT errorOccurred(reason);
            } else if (m_state == State::Offline) {
                setState(m_worker->backfilled ? State::Live : State::Backfilling);
            }
        });
    // Never turned off again: other panels share the stream.
    platform->setLiveActivations(true);
}

void MetricsService::issuePage(quint64 generation, const ActivationQuery &query)
{
    if (generation != m_worker->generation || !m_platform)
        return;
    onResult(m_platform->listActivations(query), this,
             [this, generation, query](const Result<QList<Activation>> &result) {
                 if (generation != m_worker->generation)
                     return;
                 if (!result) {
                     pageFailed(generation, query, result.error().message);
                     return;
                 }
                 m_worker->retryMs = 0;
                 if (m_state == State::Offline)
                     setState(State::Backfilling);
                 MetricsWorker *object = m_worker->object;
                 const QList<Activation> page = result.value();
                 QMetaObject::invokeMethod(object, [object, generation, page] { object->page(generation, page); });
             });
}

void MetricsService::pageFailed(quint64 generation, const ActivationQuery &query, const QString &message)
{
    setState(State::Offline);
    Q_EMIT errorOccurred(message);
    m_worker->retryMs = m_worker->retryMs == 0 ? 1000 : std::min(kMaxRetryMs, m_worker->retryMs * 2);
    QTimer::singleShot(m_worker->retryMs, this, [this, generation, query] { issuePage(generation, query); });
}

void MetricsService::progressed(qint64 added, qint64 oldestMs, qint64 sampleCount)
{
    const bool moved = oldestMs != m_oldestMs || sampleCount != m_sampleCount;
    m_oldestMs = oldestMs;
    m_sampleCount = sampleCount;
    if (moved)
        Q_EMIT coverageChanged(oldestMs, sampleCount);
    if (added <= 0)
        return;
    if (m_worker->updateTimer.isActive()) {
        m_worker->updatePending = true;
        return;
    }
    m_worker->updateTimer.start();
    Q_EMIT updated();
}

void MetricsService::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void MetricsService::setPriceList(const PriceList &prices)
{
    if (prices == m_prices)
        return;
    m_prices = prices;
    // Costs are computed at query time: every chart re-queries and re-prices history.
    Q_EMIT updated();
}

void MetricsService::setBackfillDays(int days)
{
    m_backfillDays = std::max(1, days);
}

QFuture<MetricsSeries> MetricsService::query(SeriesQuery query) const
{
    query.prices = m_prices;
    auto promise = std::make_shared<QPromise<MetricsSeries>>();
    QFuture<MetricsSeries> future = promise->future();
    MetricsWorker *object = m_worker->object;
    QMetaObject::invokeMethod(object, [object, query = std::move(query), promise] { object->query(query, promise); });
    return future;
}

void MetricsService::query(const SeriesQuery &query, QObject *context,
                           std::function<void(const MetricsSeries &)> deliver) const
{
    auto *watcher = new QFutureWatcher<MetricsSeries>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, deliver = std::move(deliver)] {
        watcher->deleteLater();
        if (!watcher->future().isCanceled() && watcher->future().resultCount() > 0)
            deliver(watcher->future().result());
    });
    watcher->setFuture(this->query(query));
}

} // namespace funcdesk
