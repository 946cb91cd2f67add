#pragma once

#include "core/Result.h"
#include "server/HttpConnection.h"

#include <QHostAddress>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <unordered_map>

class QTcpServer;

namespace funcdesk {

// HTTP/1.1 over TCP with one thread per busy connection. A connection's thread reads a request,
// calls the handler, which answers it on that same thread, and reads the next: a blocking
// invoke runs the action from there and writes the answer, without handing the request to
// another thread and back (docs/server.md says why: each hand-over is a wake-up that costs tens
// of µs on a 2-core VM). A handler that must keep working after it has answered (an invoke whose
// blocking wait ran out) hands the connection to a fresh thread with handOff().
//
// Accepts on the thread the transport lives on; everything else runs on its pool. Idle
// keep-alive connections hold a sleeping thread each, up to maxConnections; beyond that, new
// connections wait for a free thread.
class HttpTransport : public QObject
{
    Q_OBJECT

public:
    // Called on a connection's thread for each request. It answers on `connection` (now, or
    // later from another thread after handOff()).
    using Handler = std::function<void(HttpRequest &request, const std::shared_ptr<HttpConnection> &connection)>;
    // Called for a request that could not be read (Invalid or TooLarge): answer 400 or 413.
    using Refusal = std::function<void(HttpConnection::ReadStatus status, const HttpRequest &partial,
                                       const std::shared_ptr<HttpConnection> &connection)>;

    HttpTransport(Handler handler, Refusal refusal, HttpLimits limits = {}, int maxConnections = 512,
                  QObject *parent = nullptr);
    // Streams the bodies `sinks` chooses (HttpConnection's BodySinkFactory). Before listen().
    void setBodySinks(BodySinkFactory sinks) { m_sinks = std::move(sinks); }
    // Stops listening, ends every connection once its current request is answered, and waits.
    ~HttpTransport() override;

    Result<quint16> listen(const QHostAddress &address, quint16 port);
    void stopListening();
    const HttpLimits &limits() const { return m_limits; }

    // For a request whose thread is busy with work that outlives the answer: a pool thread
    // calls `answer()` (which writes it), then serves the connection's next requests, or ends
    // the connection when `keepAlive` is false. The connection's turn must have been moved on
    // (HttpConnection::nextTurn) so that its old thread leaves it alone.
    void continueServing(const std::shared_ptr<HttpConnection> &connection, bool keepAlive,
                         std::function<void()> answer);

private:
    void accept(qintptr descriptor);
    void serve(std::shared_ptr<HttpConnection> connection);
    // No more answers on it; it closes when its last holder lets go.
    void end(const std::shared_ptr<HttpConnection> &connection);

    Handler m_handler;
    Refusal m_refusal;
    HttpLimits m_limits;
    BodySinkFactory m_sinks;
    QList<QTcpServer *> m_listeners;
    QThreadPool m_threads;
    std::mutex m_mutex;
    bool m_stopping = false;
    std::unordered_map<HttpConnection *, std::weak_ptr<HttpConnection>> m_open;
    std::atomic<int> m_awake = 0; // connection threads not asleep waiting for a request
};

} // namespace funcdesk
