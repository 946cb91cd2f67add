#include "platforms/local/StoreWorker.h"

#include <QDateTime>

#include <chrono>
#include <future>

namespace funcdesk {

namespace {
// How long a first queued record waits for company before its batch is written, and how many
// records make a batch worth writing at once. 10 ms: at thousands of invokes a second a batch
// of ~50 records shares its index pages and WAL frames, and the store thread's CPU per record
// halves against 3 ms (~25 instead of ~40 µs); 25 ms saved a little more CPU but held a core
// long enough to show in the invoke latency's p99.
constexpr auto kBatchWindow = std::chrono::milliseconds(10);
constexpr qsizetype kBatchSize = 512;
constexpr qint64 kPruneEveryMs = 60 * 1000;
constexpr qint64 kPruneEveryInserts = 10000;
// Free pages given back per step of the store thread (1 MB of 4 KB pages, ~10 ms),
// then queued tasks and records run before the next step.
constexpr int kVacuumPagesPerStep = 256;
constexpr qint64 kShrinkAfterBytes = 1024 * 1024;
} // namespace

Result<std::unique_ptr<StoreWorker>>
StoreWorker::start(const QString &databasePath, ActivationRepository::Retention retention, qint64 maxQueuedBytes)
{
    std::unique_ptr<StoreWorker> worker(new StoreWorker);
    worker->m_retention = retention;
    worker->m_maxQueuedBytes = maxQueuedBytes;
    std::promise<Result<Done>> started;
    std::future<Result<Done>> ready = started.get_future();
    worker->m_thread = std::thread([w = worker.get(), databasePath, &started] { w->run(databasePath, started); });
    Result<Done> result = ready.get();
    if (!result) {
        worker->m_thread.join();
        return result.error();
    }
    return worker;
}

StoreWorker::~StoreWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void StoreWorker::enqueue(std::function<void(Store &)> task)
{
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    m_wake.notify_one();
}

void StoreWorker::record(ActivationRepository::Row row)
{
    const qint64 bytes = row.document.size() + 256; // the document and the row's other fields
    bool wake = false;
    {
        std::unique_lock lock(m_mutex);
        // Held in memory: the records waiting and the batch being written.
        const auto held = [this] { return m_queuedBytes + m_writingBytes; };
        if (held() > 0 && held() + bytes > m_maxQueuedBytes && std::this_thread::get_id() != m_thread.get_id()) {
            m_wake.notify_one(); // a full queue is a batch worth writing now
            const bool room = m_room.wait_for(lock, std::chrono::milliseconds(kMaxRecordWaitMs),
                                              [&] { return held() == 0 || held() + bytes <= m_maxQueuedBytes; });
            if (!room)
                qWarning("funcdesk: the activation store has not taken queued records for %d s; queueing past "
                         "its %lld-byte bound",
                         kMaxRecordWaitMs / 1000, m_maxQueuedBytes);
        }
        m_queuedBytes += bytes;
        m_pending.append(std::move(row));
        wake = m_pending.size() == 1 || m_pending.size() >= kBatchSize || m_queuedBytes >= m_maxQueuedBytes;
    }
    if (wake)
        m_wake.notify_one();
}

qint64 StoreWorker::queuedBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_queuedBytes + m_writingBytes;
}

void StoreWorker::flush()
{
    // An empty task: by the time it runs, every record queued before it is written.
    post<int>([](Store &) { return 0; }).waitForFinished();
}

void StoreWorker::run(const QString &databasePath, std::promise<Result<Done>> &started)
{
    auto opened = Database::open(databasePath);
    if (!opened) {
        started.set_value(opened.error());
        return;
    }
    std::shared_ptr<Database> database = opened.value();
    Store store{*database, ActionRepository(database), ActivationRepository(database), EntityRepository(database)};
    m_lastPruneMs = QDateTime::currentMSecsSinceEpoch();
    started.set_value(Done{});
    prune(store, m_lastPruneMs); // a lower bound than last time applies at once

    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty() || !m_pending.isEmpty() || m_compacting; });
        const auto full = [this] { return m_pending.size() >= kBatchSize || m_queuedBytes >= m_maxQueuedBytes; };
        if (m_tasks.empty() && !m_stopping && !full())
            m_wake.wait_for(lock, kBatchWindow, [&] { return m_stopping || !m_tasks.empty() || full(); });
        QList<ActivationRepository::Row> batch;
        batch.swap(m_pending);
        m_writingBytes = std::exchange(m_queuedBytes, 0);
        std::deque<std::function<void(Store &)>> tasks;
        tasks.swap(m_tasks);
        const bool stopping = m_stopping;
        lock.unlock();

        if (!batch.isEmpty())
            writeBatch(store, std::move(batch));
        lock.lock();
        if (std::exchange(m_writingBytes, 0) > 0)
            m_room.notify_all(); // the records are written: room for the waiting ones
        lock.unlock();
        for (auto &task : tasks)
            task(store);
        if (m_compacting)
            compactStep(store);

        lock.lock();
        if (stopping && m_tasks.empty() && m_pending.isEmpty())
            break;
    }
}

void StoreWorker::writeBatch(Store &store, QList<ActivationRepository::Row> batch)
{
    const qsizetype count = batch.size();
    if (auto written = store.activations.insert(batch); !written)
        qWarning("funcdesk: %d activation records could not be stored: %s", int(count),
                 qPrintable(written.error().message));
    // Large records (logs of megabytes) passed through SQLite's page cache: give its memory back
    // (the pages stay in the OS's cache), so the server's RSS returns to its idle level.
    qint64 bytes = 0;
    for (const ActivationRepository::Row &row : std::as_const(batch))
        bytes += row.document.size();
    if (bytes >= kShrinkAfterBytes)
        store.db.execute(QStringLiteral("PRAGMA shrink_memory"));
    m_insertedSincePrune += count;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_insertedSincePrune >= kPruneEveryInserts || now - m_lastPruneMs >= kPruneEveryMs)
        prune(store, now);
}

void StoreWorker::prune(Store &store, qint64 now)
{
    if (auto pruned = store.activations.prune(m_retention, now); !pruned)
        qWarning("funcdesk: pruning old activations failed: %s", qPrintable(pruned.error().message));
    m_insertedSincePrune = 0;
    m_lastPruneMs = now;
    m_compacting = true; // the freed pages and the WAL go back to the file system, step by step
}

void StoreWorker::compactStep(Store &store)
{
    if (auto error = store.db.compact(kVacuumPagesPerStep)) {
        qWarning("funcdesk: compacting the database failed: %s", qPrintable(error->message));
        m_compacting = false;
        return;
    }
    m_compacting = store.db.freePages() > 0;
}

} // namespace funcdesk
