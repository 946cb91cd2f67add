#pragma once

#include "platforms/local/ActionRepository.h"
#include "platforms/local/ActivationRepository.h"
#include "platforms/local/EntityRepository.h"

#include <QFuture>
#include <QPromise>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace funcdesk {

// The one thread that owns the SQLite connection and does every read and write of the local
// platform's database, in order. Tasks run one after another; activation records queue up and
// are written in batches (one transaction each) a few milliseconds apart or when many are
// waiting, so an invocation never waits on disk. Queued records are written before any task
// runs, so a query always sees every activation recorded before it was posted.
class StoreWorker
{
public:
    struct Store
    {
        Database &db;
        ActionRepository actions;
        ActivationRepository activations;
        EntityRepository entities;
    };

    // Activation records waiting for their batch hold at most this many bytes (their documents).
    static constexpr qint64 kMaxQueuedBytes = 64LL * 1024 * 1024;
    // How long record() waits for room in the queue before it queues the record anyway.
    static constexpr int kMaxRecordWaitMs = 30000;

    static Result<std::unique_ptr<StoreWorker>> start(const QString &databasePath,
                                                      ActivationRepository::Retention retention,
                                                      qint64 maxQueuedBytes = kMaxQueuedBytes);
    ~StoreWorker(); // writes what is queued, then stops

    template <typename T> QFuture<T> post(std::function<T(Store &)> task)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        enqueue([promise, task = std::move(task)](Store &store) {
            promise->addResult(task(store));
            promise->finish();
        });
        return future;
    }

    // Queues an activation record for the next batch. Back-pressure: while the records waiting
    // hold maxQueuedBytes or more (the disk or a prune is slow), the caller waits for the writer
    // to take them, up to kMaxRecordWaitMs; then the record is queued anyway, past the bound
    // (and a warning says so): an acknowledged record is never dropped.
    void record(ActivationRepository::Row row);
    // Bytes of the records waiting now (tests, status).
    qint64 queuedBytes() const;
    // Returns once everything queued before the call is written.
    void flush();

private:
    StoreWorker() = default;
    void enqueue(std::function<void(Store &)> task);
    void run(const QString &databasePath, std::promise<Result<Done>> &started);
    void writeBatch(Store &store, QList<ActivationRepository::Row> batch);
    // Applies the retention, then has the loop compact the file between batches (compactStep).
    void prune(Store &store, qint64 now);
    void compactStep(Store &store);

    ActivationRepository::Retention m_retention;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_room; // the writer took the queued records
    qint64 m_maxQueuedBytes = kMaxQueuedBytes;
    qint64 m_queuedBytes = 0;  // records waiting for their batch
    qint64 m_writingBytes = 0; // the batch being written
    std::deque<std::function<void(Store &)>> m_tasks;
    QList<ActivationRepository::Row> m_pending;
    bool m_stopping = false;
    qint64 m_lastPruneMs = 0;
    qint64 m_insertedSincePrune = 0;
    bool m_compacting = false; // the store thread's own: free pages remain to be given back
};

} // namespace funcdesk
