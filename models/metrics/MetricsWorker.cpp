#include "models/metrics/MetricsWorker.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>

#include <algorithm>

namespace funcdesk {

namespace {
Q_LOGGING_CATEGORY(lcMetrics, "funcdesk.metrics")

// A snapshot of the store at its bounds (2,000,000 samples, 400 days of hourly roll-ups) is
// far below this; a bigger file is not one of ours and is not read into memory.
constexpr qint64 kMaxSnapshotBytes = qint64(1) << 30;

// A snapshot that cannot be read is kept aside (never silently overwritten) and the store
// starts empty: the backfill reads the history again.
void setAside(const QString &path, const char *why)
{
    const QString aside = path + QStringLiteral(".unreadable");
    QFile::remove(aside);
    QFile::rename(path, aside);
    qCWarning(lcMetrics, "metrics snapshot %s %s; kept as %s, backfilling again", qPrintable(path), why,
              qPrintable(aside));
}
} // namespace

MetricsWorker::MetricsWorker(Hooks hooks) : m_hooks(std::move(hooks)), m_saveTimer(new QTimer(this))
{
    m_saveTimer->setInterval(kSaveIntervalMs);
    connect(m_saveTimer, &QTimer::timeout, this, [this] { save(); });
}

MetricsWorker::~MetricsWorker() = default;

void MetricsWorker::begin(quint64 generation, QString snapshotPath, int backfillDays, qint64 nowMs)
{
    save();
    m_store.clear();
    m_dirty = false;
    m_generation = generation;
    m_snapshotPath = std::move(snapshotPath);
    if (!m_saveTimer->isActive())
        m_saveTimer->start();
    if (!m_snapshotPath.isEmpty() && QFile::exists(m_snapshotPath)) {
        QFile file(m_snapshotPath);
        if (file.size() > kMaxSnapshotBytes)
            setAside(m_snapshotPath, "is too large");
        else if (!file.open(QIODevice::ReadOnly))
            qCWarning(lcMetrics, "cannot read metrics snapshot %s: %s", qPrintable(m_snapshotPath),
                      qPrintable(file.errorString()));
        else if (!m_store.load(file.readAll())) {
            file.close();
            setAside(m_snapshotPath, "is damaged or of another version");
        }
    }
    m_hooks.progress(0, m_store.oldestMs(), m_store.sampleCount());
    if (generation == 0)
        return;
    m_sinceMs = nowMs - qint64(std::max(0, backfillDays)) * 24 * 3600 * 1000;
    if (m_store.sampleCount() > 0)
        m_sinceMs = std::max(m_sinceMs, m_store.newestMs() - kOverlapMs);
    m_uptoMs = nowMs;
    m_oldestInWindow = nowMs;
    m_skip = 0;
    m_hooks.requestPage(m_generation, currentQuery());
}

ActivationQuery MetricsWorker::currentQuery() const
{
    ActivationQuery query;
    query.docs = true;
    query.since = m_sinceMs;
    query.upto = m_uptoMs;
    query.skip = m_skip;
    query.limit = kPageSize;
    return query;
}

void MetricsWorker::page(quint64 generation, const QList<Activation> &activations)
{
    if (generation != m_generation || generation == 0)
        return;
    for (const Activation &activation : activations)
        if (activation.start)
            m_oldestInWindow = std::min(m_oldestInWindow, *activation.start);
    ingested(m_store.ingest(activations));
    if (activations.size() < kPageSize) {
        m_hooks.backfillDone(m_generation);
        return;
    }
    m_skip += static_cast<int>(activations.size());
    if (m_skip >= kMaxSkip) {
        // `upto` is inclusive: the activations at the oldest start are read again (and dropped);
        // when a whole window shares one start, step past it rather than loop.
        m_uptoMs = m_oldestInWindow < m_uptoMs ? m_oldestInWindow : m_uptoMs - 1;
        m_oldestInWindow = m_uptoMs;
        m_skip = 0;
        if (m_uptoMs < m_sinceMs) {
            m_hooks.backfillDone(m_generation);
            return;
        }
    }
    m_hooks.requestPage(m_generation, currentQuery());
}

void MetricsWorker::live(const QList<Activation> &activations)
{
    ingested(m_store.ingest(activations));
}

void MetricsWorker::ingested(qsizetype added)
{
    if (added > 0)
        m_dirty = true;
    m_hooks.progress(added, m_store.oldestMs(), m_store.sampleCount());
}

void MetricsWorker::query(const SeriesQuery &query, const std::shared_ptr<QPromise<MetricsSeries>> &promise) const
{
    promise->start();
    promise->addResult(m_store.query(query));
    promise->finish();
}

void MetricsWorker::save()
{
    if (!m_dirty || m_snapshotPath.isEmpty())
        return;
    QSaveFile file(m_snapshotPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_store.save()) < 0 || !file.commit()) {
        qCWarning(lcMetrics, "cannot write metrics snapshot %s: %s", qPrintable(m_snapshotPath),
                  qPrintable(file.errorString()));
        return;
    }
    m_dirty = false;
}

void MetricsWorker::shutdown()
{
    save();
    m_saveTimer->stop();
}

} // namespace funcdesk
