#pragma once

#include <QRunnable>
#include <QThreadPool>

#include <functional>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace funcdesk {

// A job for a QThreadPool whose hand-over ThreadSanitizer can see. Qt is not built with TSan, so
// the pool's own queue (a mutex inside libQt6Core) is invisible to it, and a job's data written by
// the thread that queues it and read by the pool thread that runs it looks like a race (the first
// report of `./dev --tsan test`, docs/testing.md). The task releases itself once built and
// acquires itself before it runs: the same order the pool's mutex gives, told to TSan. Without
// TSan both are nothing.
class PoolTask final : public QRunnable
{
public:
    explicit PoolTask(std::function<void()> job, QThreadPool *pool = nullptr) : m_job(std::move(job)), m_pool(pool)
    {
        setAutoDelete(true);
#if defined(__SANITIZE_THREAD__)
        __tsan_release(this);
#endif
    }
    void run() override
    {
#if defined(__SANITIZE_THREAD__)
        __tsan_acquire(this);
#endif
        {
            auto job = std::move(m_job); // what it captured goes before the job counts as done
            job();
        }
#if defined(__SANITIZE_THREAD__)
        // Everything the job did happens before a QThreadPool::waitForDone() of its pool that
        // returned true (core/TsanQtFutures.cpp acquires the pool there).
        if (m_pool)
            __tsan_release(m_pool);
#endif
    }

    // `pool.start(job)`, seen by TSan.
    static void start(QThreadPool &pool, std::function<void()> job)
    {
        pool.start(new PoolTask(std::move(job), &pool));
    }

private:
    std::function<void()> m_job;
    QThreadPool *m_pool = nullptr;
};

} // namespace funcdesk
