#include "models/objects/ObjectTransfer.h"

#include <QFileInfo>

namespace funcdesk {

ObjectTransfer::ObjectTransfer(QObject *parent) : QObject(parent)
{
}

ObjectTransfer::~ObjectTransfer()
{
    cancel();
}

void ObjectTransfer::setPlatform(Platform *platform)
{
    if (platform == m_platform)
        return;
    cancel();
    m_platform = platform;
}

void ObjectTransfer::enqueue(const Job &job)
{
    m_waiting.append(job);
    ++m_total;
    if (!m_running)
        startNext();
    else
        Q_EMIT descriptionChanged(description());
}

void ObjectTransfer::cancel()
{
    m_waiting.clear();
    if (!m_running)
        return;
    // The platform stops at the next chunk and removes the partial object; the watcher's
    // finished() reports the cancellation.
    m_running->future().cancel();
}

QString ObjectTransfer::description() const
{
    if (!m_running)
        return {};
    const QString file = QFileInfo(m_job.direction == Direction::Upload ? m_job.file : m_job.key).fileName();
    const QString text =
        m_job.direction == Direction::Upload ? tr("Uploading %1").arg(file) : tr("Downloading %1").arg(file);
    return m_total > 1 ? tr("%1 (%2 of %3)").arg(text).arg(m_done + 1).arg(m_total) : text;
}

void ObjectTransfer::startNext()
{
    if (m_waiting.isEmpty() || !m_platform) {
        const bool wasRunning = m_done > 0 || m_total > 0;
        m_waiting.clear();
        m_done = 0;
        m_total = 0;
        if (wasRunning) {
            Q_EMIT descriptionChanged({});
            Q_EMIT runningChanged(false);
        }
        return;
    }
    m_job = m_waiting.takeFirst();
    QFuture<Result<ObjectInfo>> future = m_job.direction == Direction::Upload
                                             ? m_platform->putObject(m_job.bucket, m_job.key, m_job.file)
                                             : m_platform->getObject(m_job.bucket, m_job.key, m_job.file);
    const bool first = m_done == 0;
    m_running = std::make_unique<QFutureWatcher<Result<ObjectInfo>>>();
    connect(m_running.get(), &QFutureWatcherBase::progressRangeChanged, this,
            [this](int, int maximum) { Q_EMIT progressChanged(m_running->progressValue(), maximum); });
    connect(m_running.get(), &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { Q_EMIT progressChanged(value, m_running->progressMaximum()); });
    connect(m_running.get(), &QFutureWatcherBase::finished, this, &ObjectTransfer::finished);
    Q_EMIT progressChanged(0, 0);
    if (first)
        Q_EMIT runningChanged(true);
    Q_EMIT descriptionChanged(description());
    m_running->setFuture(future);
}

void ObjectTransfer::finished()
{
    const QFuture<Result<ObjectInfo>> future = m_running->future();
    // Deleted later: this runs inside the watcher's own signal.
    m_running.release()->deleteLater();
    const Job job = m_job;
    ++m_done;
    if (future.isCanceled() || future.resultCount() == 0)
        Q_EMIT jobFinished(job, false, tr("Cancelled."));
    else if (const Result<ObjectInfo> result = future.result(); !result)
        Q_EMIT jobFinished(job, false, result.error().message);
    else
        Q_EMIT jobFinished(job, true, {});
    startNext();
}

} // namespace funcdesk
