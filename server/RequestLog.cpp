#include "server/RequestLog.h"

#include <QLoggingCategory>

#include <cerrno>
#include <chrono>
#include <poll.h>
#include <unistd.h>

namespace funcdesk {

Q_LOGGING_CATEGORY(lcRequests, "funcdesk.http", QtInfoMsg)

namespace {
constexpr auto kFlushEvery = std::chrono::milliseconds(50);
constexpr qsizetype kFlushAt = 64 * 1024;          // a batch worth writing at once
constexpr qsizetype kMaxPending = 4 * 1024 * 1024; // past this, lines are dropped (stderr stuck)
const QByteArray kPrefix = QByteArrayLiteral("funcdesk.http: ");
} // namespace

RequestLog::RequestLog(int fd) : m_fd(fd), m_throughQt(qEnvironmentVariableIsSet("QT_MESSAGE_PATTERN"))
{
    if (!m_throughQt) {
        m_pending.reserve(kFlushAt * 2);
        m_thread = std::thread([this] { run(); });
    }
}

RequestLog::~RequestLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

bool RequestLog::enabled()
{
    return lcRequests().isInfoEnabled();
}

void RequestLog::append(const QByteArray &line)
{
    if (m_throughQt) {
        qCInfo(lcRequests, "%s", line.constData());
        return;
    }
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_pending.size() + kPrefix.size() + line.size() + 1 > kMaxPending) {
            ++m_dropped;
            return;
        }
        const qsizetype before = m_pending.size();
        m_pending += kPrefix;
        m_pending += line;
        m_pending += '\n';
        // The writer sleeps without a timeout while nothing waits: the first line wakes it.
        wake = before == 0 || (before < kFlushAt && m_pending.size() >= kFlushAt);
    }
    if (wake)
        m_wake.notify_one();
}

void RequestLog::flush()
{
    if (!m_throughQt)
        writePending();
}

bool RequestLog::writePending()
{
    // Whoever writes holds m_writeMutex from taking the batch to the end of its write, so batches
    // reach the fd in the order they were taken (the thread and flush() may both be writing).
    std::lock_guard writing(m_writeMutex);
    QByteArray batch;
    bool stopping = false;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_pending);
        m_pending.swap(m_spare); // keeps its capacity: appends do not reallocate under the lock
        if (m_dropped > 0) {
            batch +=
                kPrefix + QByteArray::number(m_dropped) + " request lines were dropped: the log was not being read\n";
            m_dropped = 0;
        }
        stopping = m_stopping;
    }
    if (!batch.isEmpty())
        writeOut(batch);
    batch.resize(0); // keeps the capacity for the next swap (clear() would free it)
    std::lock_guard lock(m_mutex);
    if (m_spare.capacity() < batch.capacity())
        m_spare.swap(batch);
    return stopping && m_pending.isEmpty();
}

void RequestLog::run()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_pending.isEmpty(); });
            m_wake.wait_for(lock, kFlushEvery, [this] { return m_stopping || m_pending.size() >= kFlushAt; });
        }
        if (writePending())
            return;
    }
}

void RequestLog::writeOut(const QByteArray &bytes)
{
    for (qsizetype sent = 0; sent < bytes.size();) {
        const ssize_t n = ::write(m_fd, bytes.constData() + sent, static_cast<size_t>(bytes.size() - sent));
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) { // a non-blocking stderr (inherited): wait for room
            pollfd out{m_fd, POLLOUT, 0};
            if (::poll(&out, 1, 1000) > 0 && !(out.revents & (POLLERR | POLLNVAL)))
                continue;
        }
        // Closed, broken or stuck for a second: the rest is lost; count its lines, and end a line
        // cut short so the next batch starts on its own line.
        const QByteArrayView rest = QByteArrayView(bytes).sliced(sent);
        std::lock_guard lock(m_mutex);
        m_dropped += rest.count('\n');
        if (sent > 0 && bytes[sent - 1] != '\n') [[maybe_unused]]
            auto ignored = ::write(m_fd, "\n", 1);
        return;
    }
}

} // namespace funcdesk
