#include "server/RequestLog.h"

#include <QLoggingCategory>

#include <cerrno>
#include <chrono>
#include <unistd.h>

namespace funcdesk {

Q_LOGGING_CATEGORY(lcRequests, "funcdesk.http", QtInfoMsg)

namespace {
constexpr auto kFlushEvery = std::chrono::milliseconds(50);
constexpr qsizetype kFlushAt = 64 * 1024;        // a batch worth writing at once
constexpr qsizetype kMaxPending = 4 * 1024 * 1024;  // past this, lines are dropped (stderr stuck)
const QByteArray kPrefix = QByteArrayLiteral("funcdesk.http: ");
}  // namespace

RequestLog::RequestLog(int fd) : m_fd(fd), m_throughQt(qEnvironmentVariableIsSet("QT_MESSAGE_PATTERN"))
{
    if (!m_throughQt)
        m_thread = std::thread([this] { run(); });
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
        wake = before < kFlushAt && m_pending.size() >= kFlushAt;
    }
    if (wake)
        m_wake.notify_one();
}

void RequestLog::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, kFlushEvery, [this] { return m_stopping || m_pending.size() >= kFlushAt; });
        QByteArray batch;
        batch.swap(m_pending);
        if (m_dropped > 0) {
            batch += kPrefix + QByteArray::number(m_dropped) + " request lines were dropped: the log was not being read\n";
            m_dropped = 0;
        }
        const bool stopping = m_stopping;
        lock.unlock();
        if (!batch.isEmpty())
            writeOut(batch);
        lock.lock();
        if (stopping && m_pending.isEmpty())
            return;
    }
}

void RequestLog::writeOut(const QByteArray &bytes)
{
    for (qsizetype sent = 0; sent < bytes.size();) {
        const ssize_t n = ::write(m_fd, bytes.constData() + sent, static_cast<size_t>(bytes.size() - sent));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;  // closed or broken: nothing to do with the lines
        sent += n;
    }
}

}  // namespace funcdesk
