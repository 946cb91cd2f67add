#pragma once

#include "core/Result.h"
#include "server/HttpConnection.h"

#include <QHostAddress>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace funcdesk {

class TlsContext;

// HTTP/1.1 over TCP, event-driven: connections wait for their requests in one epoll set, not on
// a thread each, so idle or slow clients cost a socket and a few hundred bytes, not a thread.
// Pollers (leader/followers): a few threads wait in epoll_wait on that set, one event each
// (EPOLLONESHOT: one thread owns a connection at a time). The thread that gets a readable
// connection reads and parses what came; when that makes a whole request it calls the handler
// itself, without handing the request to another thread (each hand-over is a wake-up, tens of
// µs on a 2-core VM, milliseconds on a busy one), and first makes sure another poller is left
// waiting: a blocking invoke holds its own thread, never the loop. After the answer the thread
// reads the client's next request when it is there already, or gives the connection back to
// the set and polls again. At most kMaxPollers threads; beyond, requests queue for a worker.
// The pollers also enforce the deadlines (idle keep-alive, a request's headers, a whole
// request), the connection caps (in all, per client address), and drain refused connections.
// With TLS (setTls) the loop drives each connection's handshake and records the same way, never
// blocking: a handshake that waits for the client parks the connection like a partial request
// (bounded by the header deadline). docs/server.md has every number.
class HttpTransport : public QObject
{
    Q_OBJECT

public:
    // Called on a worker for each request. It answers on `connection` (now, or later from
    // another thread after continueServing()).
    using Handler = std::function<void(HttpRequest &request, const std::shared_ptr<HttpConnection> &connection)>;
    // Called on a worker for a request that could not be read (Invalid or TooLarge): answer 400
    // or 413.
    using Refusal = std::function<void(HttpConnection::ReadStatus status, const HttpRequest &partial,
                                       const std::shared_ptr<HttpConnection> &connection)>;

    static constexpr int kMaxPollers = 512; // threads serving requests, plus one waiting for events
    static constexpr int kMaxWorkers = 512; // the overflow: requests that arrive when all are busy

    HttpTransport(Handler handler, Refusal refusal, HttpLimits limits = {}, QObject *parent = nullptr);
    // Streams the bodies `sinks` chooses (HttpConnection's BodySinkFactory). Before listen().
    void setBodySinks(BodySinkFactory sinks) { m_sinks = std::move(sinks); }
    // Speaks TLS on every connection (server/TlsContext.h); null: plain HTTP. Before listen().
    void setTls(std::shared_ptr<const TlsContext> tls) { m_tls = std::move(tls); }
    // Stops listening, ends every connection once its current request is answered, and waits.
    ~HttpTransport() override;

    Result<quint16> listen(const QHostAddress &address, quint16 port);
    void stopListening();
    const HttpLimits &limits() const { return m_limits; }
    // The connection cap in effect: HttpLimits::maxConnections, lowered to fit RLIMIT_NOFILE.
    int maxConnections() const { return m_maxConnections; }

    // For a request whose worker is busy with work that outlives the answer: a worker calls
    // `answer()` (which writes it), then serves the connection's next requests, or ends the
    // connection when `keepAlive` is false. The connection's turn must have been moved on
    // (HttpConnection::nextTurn) so that its old worker leaves it alone.
    void continueServing(const std::shared_ptr<HttpConnection> &connection, bool keepAlive,
                         std::function<void()> answer);

private:
    void runPoller();
    // Another poller, when none is left waiting for events (false at the cap or when stopping).
    bool ensureSparePoller();
    void acceptAll(int listener);
    void onReadable(HttpConnection *raw);
    void expire();
    void setTicking(bool on); // with m_mutex held
    // On a worker: answers `status` (a request or a refusal), then goes on with the connection.
    void serve(std::shared_ptr<HttpConnection> connection, HttpConnection::ReadStatus status);
    // Hands the connection (not being read by anyone) to the loop until it is readable.
    void park(const std::shared_ptr<HttpConnection> &connection);
    // After a refusal: the loop drops what the client still sends for a while, then closes.
    void linger(const std::shared_ptr<HttpConnection> &connection);
    // No more answers on it; it closes when its last holder lets go.
    void end(const std::shared_ptr<HttpConnection> &connection);
    void refuseConnection(int fd, const QByteArray &why);

    Handler m_handler;
    Refusal m_refusal;
    HttpLimits m_limits;
    int m_maxConnections = 0;
    BodySinkFactory m_sinks;
    std::shared_ptr<const TlsContext> m_tls;
    QList<int> m_listeners;
    int m_epoll = -1;
    int m_wake = -1; // an eventfd: wakes the loop to stop
    QThreadPool m_workers;
    std::atomic<int> m_busy = 0;    // threads serving a connection
    std::atomic<int> m_waiting = 0; // pollers in (or about to enter) epoll_wait
    std::atomic_bool m_stopped = false;
    int m_timer = -1;       // a timerfd: every 100 ms while connections are open, for the deadlines
    std::mutex m_tickMutex; // one poller at a time looks for deadlines

    std::mutex m_mutex; // guards what follows
    bool m_stopping = false;
    bool m_ticking = false; // m_timer is armed
    std::vector<std::thread> m_pollers;
    bool m_listening = false;
    std::unordered_map<HttpConnection *, std::shared_ptr<HttpConnection>> m_open;
    std::unordered_map<HttpConnection *, bool> m_parked; // held by the loop (waiting to read)
    std::unordered_map<QByteArray, int> m_perClient;
    int m_refusedOpen = 0; // refused connections still draining (not counted against the cap)
};

} // namespace funcdesk
