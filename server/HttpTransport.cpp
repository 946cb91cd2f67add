#include "server/HttpTransport.h"

#include "core/PoolTask.h"
#include "server/TlsContext.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace funcdesk {

namespace {

using Clock = std::chrono::steady_clock;

// epoll's user data: a connection's address, or one of these tags (user-space pointers never
// have the top 16 bits set).
constexpr quint64 kWakeTag = 0xFFFF000000000000ULL;
constexpr quint64 kTimerTag = 0xFFFD000000000000ULL;
constexpr quint64 kListenerTag = 0xFFFE000000000000ULL;
constexpr quint64 kTagMask = 0xFFFF000000000000ULL;

constexpr int kTickMs = 100;                // how often the pollers look for deadlines
constexpr int kLingerMs = 2000;             // a refused connection is drained this long
constexpr int kMaxDraining = 1024;          // refused connections drained at once; more are just closed
constexpr rlim_t kDescriptorReserve = 1024; // descriptors kept for the rest of the server
constexpr int kAcceptBurst = 256;           // connections accepted per readiness of a listener

QByteArray statusResponse(const char *status, const char *message)
{
    const QByteArray body = QByteArray("{\"error\":\"") + message + "\"}";
    return QByteArray("HTTP/1.1 ") + status +
           "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

// The client's address as bytes (an IPv4-mapped IPv6 address counts as its IPv4 address).
QByteArray clientKeyOf(const sockaddr_storage &address)
{
    if (address.ss_family == AF_INET) {
        const auto &in = reinterpret_cast<const sockaddr_in &>(address);
        return QByteArray(reinterpret_cast<const char *>(&in.sin_addr), sizeof in.sin_addr);
    }
    const auto &in6 = reinterpret_cast<const sockaddr_in6 &>(address);
    if (IN6_IS_ADDR_V4MAPPED(&in6.sin6_addr))
        return QByteArray(reinterpret_cast<const char *>(&in6.sin6_addr) + 12, 4);
    return QByteArray(reinterpret_cast<const char *>(&in6.sin6_addr), sizeof in6.sin6_addr);
}

// The connection cap that fits the descriptors this process may open: the soft RLIMIT_NOFILE
// (funcdeskd raises it to the hard one at start) less a reserve for the database, the
// executor's pipes and logs.
int capForDescriptors(int wanted)
{
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0)
        return wanted;
    if (files.rlim_cur == RLIM_INFINITY)
        return wanted;
    const rlim_t reserve = std::min(kDescriptorReserve, files.rlim_cur / 2);
    return int(std::min<rlim_t>(rlim_t(wanted), std::max<rlim_t>(16, files.rlim_cur - reserve)));
}

} // namespace

HttpTransport::HttpTransport(Handler handler, Refusal refusal, HttpLimits limits, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_refusal(std::move(refusal)), m_limits(limits),
      m_maxConnections(capForDescriptors(limits.maxConnections))
{
    m_workers.setMaxThreadCount(kMaxWorkers);
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = kWakeTag;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &event);
    m_timer = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    event.data.u64 = kTimerTag;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_timer, &event);
    std::lock_guard lock(m_mutex);
    for (int i = 0; i < 2; ++i) // one to take an event, one left waiting while it serves
        m_pollers.emplace_back([this] { runPoller(); });
}

HttpTransport::~HttpTransport()
{
    stopListening();
    std::vector<std::thread> pollers;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_stopped = true;
        pollers.swap(m_pollers);
    }
    // The eventfd stays readable: every poller sees it and leaves, once done with what it serves
    // (requests being answered still get their answer, then their connection closes).
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t woken = ::write(m_wake, &one, sizeof one);
    for (std::thread &poller : pollers)
        poller.join();
    m_workers.waitForDone();
    // What is left waited for a request, or drained a refusal.
    std::vector<std::shared_ptr<HttpConnection>> left;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[raw, connection] : m_open)
            left.push_back(connection);
    }
    for (const auto &connection : left)
        end(connection);
    ::close(m_epoll);
    ::close(m_wake);
    ::close(m_timer);
}

Result<quint16> HttpTransport::listen(const QHostAddress &address, quint16 port)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    const bool any = address == QHostAddress::Any;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto &in = reinterpret_cast<sockaddr_in &>(storage);
        in.sin_family = AF_INET;
        in.sin_port = htons(port);
        in.sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof in;
    } else {
        auto &in6 = reinterpret_cast<sockaddr_in6 &>(storage);
        in6.sin6_family = AF_INET6;
        in6.sin6_port = htons(port);
        if (!any) {
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            std::memcpy(&in6.sin6_addr, bytes.c, sizeof bytes.c);
            in6.sin6_scope_id = address.scopeId().toUInt();
        }
        length = sizeof in6;
    }
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return PlatformError{PlatformError::Kind::Network, QString::fromLocal8Bit(std::strerror(errno))};
    const int one = 1;
    const int zero = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (storage.ss_family == AF_INET6) // Any: IPv6 and IPv4; "::" or another: IPv6 only (as QTcpServer)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, any ? &zero : &one, sizeof one);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 || ::listen(fd, SOMAXCONN) != 0) {
        const QString reason = errno == EADDRINUSE ? tr("The bound address is already in use")
                                                   : QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return PlatformError{PlatformError::Kind::Network, reason};
    }
    length = sizeof storage;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length);
    const quint16 bound = ntohs(storage.ss_family == AF_INET ? reinterpret_cast<sockaddr_in &>(storage).sin_port
                                                             : reinterpret_cast<sockaddr_in6 &>(storage).sin6_port);
    {
        std::lock_guard lock(m_mutex);
        m_listeners.append(fd);
        m_listening = true;
    }
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = kListenerTag | quint64(fd);
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    return bound;
}

void HttpTransport::stopListening()
{
    QList<int> listeners;
    {
        std::lock_guard lock(m_mutex);
        m_listening = false;
        listeners.swap(m_listeners);
    }
    for (int fd : std::as_const(listeners)) {
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        // shutdown() first: a loop in accept4() on it now fails rather than accepts.
        ::shutdown(fd, SHUT_RDWR);
        ::close(fd);
    }
}

void HttpTransport::runPoller()
{
    for (;;) {
        epoll_event event{};
        m_waiting.fetch_add(1);
        // One event per thread: the thread may go on to serve it for long (a blocking invoke).
        const int ready = ::epoll_wait(m_epoll, &event, 1, -1);
        m_waiting.fetch_sub(1);
        if (ready != 1)
            continue; // EINTR
        const quint64 data = event.data.u64;
        if ((data & kTagMask) == kWakeTag)
            return; // stopping
        if ((data & kTagMask) == kTimerTag) {
            quint64 expirations = 0;
            if (::read(m_timer, &expirations, sizeof expirations) > 0 && m_tickMutex.try_lock()) {
                expire();
                m_tickMutex.unlock();
            }
        } else if ((data & kTagMask) == kListenerTag) {
            acceptAll(int(data & ~kTagMask));
        } else {
            onReadable(static_cast<HttpConnection *>(event.data.ptr));
        }
    }
}

void HttpTransport::setTicking(bool on)
{
    if (m_ticking == on)
        return;
    m_ticking = on;
    itimerspec every{};
    if (on) {
        every.it_interval.tv_nsec = long(kTickMs) * 1000000L;
        every.it_value = every.it_interval;
    }
    ::timerfd_settime(m_timer, 0, &every, nullptr);
}

bool HttpTransport::ensureSparePoller()
{
    if (m_waiting.load() > 0)
        return true;
    std::lock_guard lock(m_mutex);
    if (m_stopping || int(m_pollers.size()) >= kMaxPollers)
        return false;
    m_pollers.emplace_back([this] { runPoller(); });
    return true;
}

void HttpTransport::acceptAll(int listener)
{
    for (int i = 0; i < kAcceptBurst; ++i) {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        const int fd =
            ::accept4(listener, reinterpret_cast<sockaddr *>(&address), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            // Out of descriptors (the connection cap keeps clear of that, but the executor's
            // pipes count too): the listener stays readable, so pause this poller a moment
            // rather than spin on it; the others go on.
            if (errno == EMFILE || errno == ENFILE)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            return;
        }
        const QByteArray key = clientKeyOf(address);
        QByteArray refusal;
        {
            std::lock_guard lock(m_mutex);
            if (!m_listening || m_stopping) {
                ::close(fd);
                return;
            }
            int &fromClient = m_perClient[key];
            if (int(m_open.size()) - m_refusedOpen >= m_maxConnections) {
                refusal = "The server has too many open connections.";
            } else if (fromClient >= m_limits.maxConnectionsPerClient) {
                refusal = "Too many open connections from this address.";
            } else {
                ++fromClient;
                auto connection = std::make_shared<HttpConnection>(fd, m_limits, &m_sinks);
                if (m_tls)
                    connection->startTls(m_tls->newSession(fd));
                connection->clientKey = key;
                m_open.emplace(connection.get(), connection);
                m_parked.emplace(connection.get(), true);
                setTicking(true);
                epoll_event event{};
                event.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
                event.data.ptr = connection.get();
                ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
                continue;
            }
            if (fromClient == 0)
                m_perClient.erase(key);
        }
        refuseConnection(fd, refusal);
    }
}

void HttpTransport::refuseConnection(int fd, const QByteArray &why)
{
    // 503 and close; the client's request, if sent already, is drained so that it reads the 503
    // rather than a reset. Over TLS there is no answer without a handshake: just the close.
    if (m_tls) {
        ::close(fd);
        return;
    }
    auto connection = std::make_shared<HttpConnection>(fd, m_limits);
    connection->tryWrite(statusResponse("503 Service Unavailable", why.constData()));
    {
        std::lock_guard lock(m_mutex);
        if (m_refusedOpen >= kMaxDraining)
            return; // closed with `connection`
        ++m_refusedOpen;
        m_open.emplace(connection.get(), connection);
        setTicking(true);
    }
    linger(connection);
}

void HttpTransport::onReadable(HttpConnection *raw)
{
    std::shared_ptr<HttpConnection> connection;
    {
        std::lock_guard lock(m_mutex);
        if (!m_parked.erase(raw))
            return;
        connection = m_open.at(raw);
    }
    if (connection->lingering) {
        if (connection->drain() && Clock::now() < connection->lingerUntil)
            park(connection);
        else
            end(connection);
        return;
    }
    const HttpConnection::ReadStatus status = connection->readAvailable();
    if (status == HttpConnection::ReadStatus::Pending)
        park(connection);
    else if (status == HttpConnection::ReadStatus::Closed)
        end(connection);
    else if (ensureSparePoller())
        serve(connection, status); // here: no hand-over to another thread
    else
        PoolTask::start(m_workers, [this, connection, status] { serve(connection, status); });
}

void HttpTransport::expire()
{
    const Clock::time_point now = Clock::now();
    std::vector<std::shared_ptr<HttpConnection>> due;
    {
        std::lock_guard lock(m_mutex);
        if (m_open.empty())
            setTicking(false); // nothing to time out: no wake-ups while no one is connected
        for (auto it = m_parked.begin(); it != m_parked.end();) {
            HttpConnection *raw = it->first;
            if (now >= (raw->lingering ? raw->lingerUntil : raw->deadline())) {
                due.push_back(m_open.at(raw));
                it = m_parked.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const auto &connection : due) {
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection->descriptor(), nullptr);
        if (!connection->lingering && connection->requestStarted()) {
            connection->tryWrite(statusResponse("408 Request Timeout", "The request took too long to arrive."));
            linger(connection);
        } else {
            end(connection);
        }
    }
}

void HttpTransport::serve(std::shared_ptr<HttpConnection> connection, HttpConnection::ReadStatus status)
{
    m_busy.fetch_add(1, std::memory_order_relaxed);
    struct Leaving
    {
        std::atomic<int> &busy;
        ~Leaving() { busy.fetch_sub(1, std::memory_order_relaxed); }
    } leaving{m_busy};
    for (;;) {
        switch (status) {
        case HttpConnection::ReadStatus::Request: {
            const quint64 turn = connection->turn();
            const bool keepAlive = connection->request().keepAlive;
            m_handler(connection->request(), connection);
            if (connection->turn() != turn)
                return; // handed off: another worker goes on with this connection
            if (!keepAlive || connection->failed() || m_stopped.load())
                return end(connection);
            status = connection->readAvailable();
            // Spin briefly, then leave: a client that sends its next request right after reading
            // the answer (a script, a benchmark, a console refreshing) finds this worker still on
            // its core, without the two wake-ups (the loop's, a worker's) of going round the loop.
            // Only while no other connection is being served: under load the cores have better
            // things to do.
            if (status == HttpConnection::ReadStatus::Pending && m_limits.spinMicros > 0 &&
                m_busy.load(std::memory_order_relaxed) == 1 && connection->readableWithin(m_limits.spinMicros))
                status = connection->readAvailable();
            continue;
        }
        case HttpConnection::ReadStatus::Pending:
            return park(connection);
        case HttpConnection::ReadStatus::Invalid:
        case HttpConnection::ReadStatus::TooLarge:
            m_refusal(status, connection->request(), connection);
            return linger(connection);
        case HttpConnection::ReadStatus::Closed:
            return end(connection);
        }
    }
}

void HttpTransport::continueServing(const std::shared_ptr<HttpConnection> &connection, bool keepAlive,
                                    std::function<void()> answer)
{
    // Not on the caller's thread: that is the engine's (the GUI's, in the console), and a client
    // that stops reading could hold a write for the write timeout.
    PoolTask::start(m_workers, [this, connection, keepAlive, answer = std::move(answer)] {
        answer();
        if (!keepAlive || connection->failed())
            end(connection);
        else
            serve(connection, connection->readAvailable());
    });
}

void HttpTransport::park(const std::shared_ptr<HttpConnection> &connection)
{
    bool stopping = false;
    {
        std::lock_guard lock(m_mutex);
        stopping = m_stopping;
        if (!stopping)
            m_parked.emplace(connection.get(), true); // before it is armed: its event may come at once
    }
    if (stopping)
        return end(connection);
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT | (connection->wantsWrite() ? quint32(EPOLLOUT) : 0U);
    event.data.ptr = connection.get();
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection->descriptor(), &event);
}

void HttpTransport::linger(const std::shared_ptr<HttpConnection> &connection)
{
    connection->finishWriting();
    connection->lingering = true;
    connection->lingerUntil = Clock::now() + std::chrono::milliseconds(kLingerMs);
    bool stopping = false;
    {
        std::lock_guard lock(m_mutex);
        stopping = m_stopping;
        if (!stopping)
            m_parked.emplace(connection.get(), true);
    }
    if (stopping)
        return end(connection);
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
    event.data.ptr = connection.get();
    if (::epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection->descriptor(), &event) != 0)
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, connection->descriptor(), &event); // a refused one, new
}

void HttpTransport::end(const std::shared_ptr<HttpConnection> &connection)
{
    connection->finishWriting();
    std::lock_guard lock(m_mutex);
    if (!m_open.erase(connection.get()))
        return;
    m_parked.erase(connection.get());
    if (connection->clientKey.isEmpty()) {
        --m_refusedOpen;
    } else {
        auto count = m_perClient.find(connection->clientKey);
        if (count != m_perClient.end() && --count->second <= 0)
            m_perClient.erase(count);
    }
}

} // namespace funcdesk
