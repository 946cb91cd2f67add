#include "server/RequestLog.h"

#include <QLoggingCategory>

#include <cerrno>
#include <chrono>
#include <climits>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace funcdesk {

Q_LOGGING_CATEGORY(lcRequests, "funcdesk.http", QtInfoMsg)

namespace {
constexpr auto kFlushEvery = std::chrono::milliseconds(50);
constexpr qsizetype kFlushAt = 64 * 1024;          // a batch worth writing at once
constexpr qsizetype kMaxPending = 4 * 1024 * 1024; // past this, lines are dropped (stderr stuck)
const QByteArray kPrefix = QByteArrayLiteral("funcdesk.http: ");
} // namespace

namespace {
constexpr int kStallMs = 1000; // a log that takes nothing for this long loses the batch

// The log's own descriptor for `fd`, non-blocking where that can be had without touching `fd`'s
// own flags (which a shell or a pager shares): a pipe, FIFO or terminal opened anew through
// /proc/self/fd. A regular file (which never stalls, and where a second open would write at its
// own offset) and a socket get a plain dup(); writeOut() then waits for room in poll(), bounded.
int openOwnDescriptor(int fd, bool *mayBlock)
{
    struct stat status = {};
    const bool known = ::fstat(fd, &status) == 0;
    if (known && !S_ISREG(status.st_mode) && !S_ISSOCK(status.st_mode)) {
        const QByteArray path = "/proc/self/fd/" + QByteArray::number(fd);
        const int own = ::open(path.constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (own >= 0)
            return own;
    }
    const int flags = ::fcntl(fd, F_GETFL);
    *mayBlock = !(known && S_ISREG(status.st_mode)) && (flags < 0 || !(flags & O_NONBLOCK));
    return ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
}
} // namespace

RequestLog::RequestLog(int fd)
    : m_fd(openOwnDescriptor(fd, &m_mayBlock)), m_throughQt(qEnvironmentVariableIsSet("QT_MESSAGE_PATTERN"))
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
    if (m_fd >= 0)
        ::close(m_fd);
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

void RequestLog::note(const QByteArray &text)
{
    if (m_throughQt) { // no batches: the request lines went out already
        writeOut(text + '\n');
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_pending += text;
        m_pending += '\n';
    }
    writePending();
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
    // Waits for room, a second at most; not at all while the reader is known to be stalled (the
    // last write found no room), so a stalled log costs the shutdown one second, not one a batch.
    const auto room = [this] {
        pollfd out{m_fd, POLLOUT, 0};
        const bool ready = ::poll(&out, 1, m_stalled ? 0 : kStallMs) > 0 && !(out.revents & (POLLERR | POLLNVAL));
        m_stalled = !ready;
        return ready;
    };
    for (qsizetype sent = 0; sent < bytes.size();) {
        // A descriptor that may block (a socket) is written only once poll() says there is room,
        // a pipe's worth at a time, so a reader that stopped holds the writer a second at most.
        if (m_mayBlock && !room())
            break;
        const qsizetype left = bytes.size() - sent;
        const ssize_t n = ::write(m_fd, bytes.constData() + sent,
                                  static_cast<size_t>(m_mayBlock ? std::min<qsizetype>(left, PIPE_BUF) : left));
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN && room()) // full: wait for the reader, a second at most
            continue;
        // Closed, broken or stuck for a second: the rest is lost; count its lines, and end a line
        // cut short so the next batch starts on its own line.
        const QByteArrayView rest = QByteArrayView(bytes).sliced(sent);
        std::lock_guard lock(m_mutex);
        m_dropped += rest.count('\n');
        if (sent > 0 && bytes[sent - 1] != '\n' && (!m_mayBlock || room())) [[maybe_unused]]
            auto ignored = ::write(m_fd, "\n", 1);
        return;
    }
}

} // namespace funcdesk
