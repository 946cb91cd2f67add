#pragma once

#include "core/Platform.h"

#include <QFutureWatcher>
#include <QPointer>

#include <memory>

namespace funcdesk {

// Uploads and downloads between local files and a bucket, one at a time in the order asked,
// with the platform future's progress; cancel() really stops the running one (an interrupted
// upload leaves no object) and drops the ones waiting.
class ObjectTransfer : public QObject
{
    Q_OBJECT

public:
    enum class Direction { Upload, Download };
    struct Job
    {
        Direction direction = Direction::Upload;
        QString bucket;
        QString key;
        QString file;
    };

    explicit ObjectTransfer(QObject *parent = nullptr);
    ~ObjectTransfer() override;

    void setPlatform(Platform *platform);
    void enqueue(const Job &job);
    void cancel();
    bool isRunning() const { return m_running != nullptr; }
    // What runs now ("Uploading report.csv (2 of 3)"), empty when idle.
    QString description() const;

Q_SIGNALS:
    void runningChanged(bool running);
    // Progress of the running job, in KiB (the platform's unit); maximum 0 while unknown.
    void progressChanged(int value, int maximum);
    // One job ended: ok, or why not (the platform's message, or that it was cancelled).
    void jobFinished(const funcdesk::ObjectTransfer::Job &job, bool ok, const QString &message);
    void descriptionChanged(const QString &text);

private:
    void startNext();
    void finished();

    QPointer<Platform> m_platform;
    QList<Job> m_waiting;
    Job m_job;
    std::unique_ptr<QFutureWatcher<Result<ObjectInfo>>> m_running;
    int m_done = 0;  // jobs ended in this batch
    int m_total = 0; // jobs in this batch
};

} // namespace funcdesk
