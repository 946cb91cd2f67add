#pragma once

#include "core/Result.h"
#include "server/HttpConnection.h"

#include <QHostAddress>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <thread>
#include <unordered_map>

namespace funcdesk {

// HTTP/1.1 over TCP, event-driven: one loop thread (epoll) accepts every connection and reads
// the ones waiting for a request, without a thread each, so idle or slow clients cost a socket
// and a few hundred bytes, not a thread. A whole request goes to a worker (a pool of up to 512
// threads), which calls the handler; the handler answers on that thread (a blocking invoke runs
// the action there: it holds a worker, never the loop), and the worker then reads the client's
// next request itself when it is there already, or gives the connection back to the loop.
// The loop also enforces the deadlines (idle keep-alive, a request's headers, a whole request)
// and the connection caps (in all, per client address), and drains refused connections.
// docs/server.md has every number.
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

    static constexpr int kMaxWorkers = 512;

    HttpTransport(Handler handler, Refusal refusal, HttpLimits limits = {}, QObject *parent = nullptr);
    // Streams the bodies `sinks` chooses (HttpConnection's BodySinkFactory). Before listen().
    void setBodySinks(BodySinkFactory sinks) { m_sinks = std::move(sinks); }
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
    void runLoop();
    void acceptAll(int listener);
    void onReadable(HttpConnection *raw);
    void expire();
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
    QList<int> m_listeners;
    int m_epoll = -1;
    int m_wake = -1; // an eventfd: wakes the loop to stop
    std::thread m_loop;
    QThreadPool m_workers;
    std::atomic<int> m_busy = 0; // workers serving a connection

    std::mutex m_mutex; // guards what follows
    bool m_stopping = false;
    bool m_listening = false;
    std::unordered_map<HttpConnection *, std::shared_ptr<HttpConnection>> m_open;
    std::unordered_map<HttpConnection *, bool> m_parked; // held by the loop (waiting to read)
    std::unordered_map<QByteArray, int> m_perClient;
    int m_refusedOpen = 0; // refused connections still draining (not counted against the cap)
};

} // namespace funcdesk
