#include "server/HttpTransport.h"

#include <QTcpServer>

#include <unistd.h>

namespace funcdesk {

namespace {

// Hands each accepted socket descriptor over as is: no QTcpSocket, which would bind the
// connection to this thread's event loop.
class DescriptorServer final : public QTcpServer
{
public:
    DescriptorServer(std::function<void(qintptr)> accepted, QObject *parent)
        : QTcpServer(parent), m_accepted(std::move(accepted))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_accepted(descriptor); }

private:
    std::function<void(qintptr)> m_accepted;
};

} // namespace

HttpTransport::HttpTransport(Handler handler, Refusal refusal, HttpLimits limits, int maxConnections, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_refusal(std::move(refusal)), m_limits(limits)
{
    m_threads.setMaxThreadCount(maxConnections);
}

HttpTransport::~HttpTransport()
{
    stopListening();
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        for (auto &[raw, weak] : m_open) {
            if (auto connection = weak.lock())
                connection->stopReading(); // a request being answered still gets its answer
        }
    }
    m_threads.waitForDone();
}

Result<quint16> HttpTransport::listen(const QHostAddress &address, quint16 port)
{
    auto *server = new DescriptorServer([this](qintptr descriptor) { accept(descriptor); }, this);
    if (!server->listen(address, port)) {
        const QString reason = server->errorString();
        delete server;
        return PlatformError{PlatformError::Kind::Network, reason};
    }
    m_listeners.append(server);
    return server->serverPort();
}

void HttpTransport::stopListening()
{
    for (QTcpServer *server : std::as_const(m_listeners))
        server->close();
}

void HttpTransport::accept(qintptr descriptor)
{
    auto connection = std::make_shared<HttpConnection>(int(descriptor), m_limits, &m_awake, &m_sinks);
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return; // closed with `connection`
        m_open.emplace(connection.get(), connection);
    }
    m_threads.start([this, connection] { serve(connection); });
}

void HttpTransport::continueServing(const std::shared_ptr<HttpConnection> &connection, bool keepAlive,
                                    std::function<void()> answer)
{
    // Not on the caller's thread: that is the engine's (the GUI's, in the console), and a client
    // that stops reading could hold a write for the write timeout.
    m_threads.start([this, connection, keepAlive, answer = std::move(answer)] {
        answer();
        bool stopping = false;
        {
            std::lock_guard lock(m_mutex);
            stopping = m_stopping;
        }
        if (stopping || !keepAlive || connection->failed())
            end(connection);
        else
            serve(connection);
    });
}

void HttpTransport::serve(std::shared_ptr<HttpConnection> connection)
{
    const quint64 turn = connection->turn();
    m_awake.fetch_add(1, std::memory_order_relaxed);
    struct Asleep
    {
        std::atomic<int> &awake;
        ~Asleep() { awake.fetch_sub(1, std::memory_order_relaxed); }
    } leaving{m_awake};
    HttpRequest request;
    for (;;) {
        const HttpConnection::ReadStatus status = connection->readRequest(request);
        if (status == HttpConnection::ReadStatus::Request) {
            const bool keepAlive = request.keepAlive;
            m_handler(request, connection);
            if (connection->turn() != turn)
                return; // handed off: another thread reads this connection now
            if (keepAlive && !connection->failed())
                continue;
        } else if (status == HttpConnection::ReadStatus::Invalid || status == HttpConnection::ReadStatus::TooLarge) {
            m_refusal(status, request, connection);
            connection->lingeringClose();
        }
        break;
    }
    end(connection);
}

void HttpTransport::end(const std::shared_ptr<HttpConnection> &connection)
{
    connection->finishWriting();
    std::lock_guard lock(m_mutex);
    m_open.erase(connection.get());
}

} // namespace funcdesk
