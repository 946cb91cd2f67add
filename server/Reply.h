#pragma once

#include "core/PlatformError.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace funcdesk {

class HttpConnection;
class HttpTransport;
class RequestLog;

// The answer to one HTTP request, written later or at once. Move-only; whoever holds it
// answers the request exactly once. Writes the whole response (status line, headers, body) with
// one socket write, then logs one line. If the client went away meanwhile, nothing is written.
// A Reply dropped unanswered sends a 500, so a forgotten code path never leaves a client hanging.
//
// Why not QHttpServerResponder: in Qt 6.4 it keeps a raw QTcpSocket pointer and a reference to
// the connection's request object, both deleted when the client disconnects, so it cannot
// safely outlive the handler; it also writes every header with several socket writes and takes
// headers only as an initializer_list.
class Reply
{
public:
    struct Context
    {
        std::shared_ptr<HttpConnection> connection;
        HttpTransport *transport = nullptr; // for handOffConnection()
        QByteArray method;
        QString path;
        quint64 number = 0; // the request's sequence number (its id's suffix)
        std::chrono::steady_clock::time_point start;
        bool head = false;               // HEAD: headers only
        bool close = false;              // the client asked for Connection: close
        bool confirmKeepAlive = false;   // an HTTP/1.0 client asked for keep-alive: say yes
        bool cors = true;                // add the CORS headers OpenWhisk sends on API responses
        std::shared_ptr<RequestLog> log; // where the request's line goes (none: not logged); a
                                         // reply may outlive the server (a timer's 202)
    };

    explicit Reply(Context context);
    Reply(Reply &&other) noexcept;
    Reply &operator=(Reply &&) = delete;
    Reply(const Reply &) = delete;
    ~Reply();

    // Extra response headers (name and value are sent as given; no CR or LF).
    void addHeader(QByteArray name, QByteArray value);
    void setCors(bool on) { m_context.cors = on; }

    void sendJson(int status, const QJsonValue &value);
    void sendJsonBytes(int status, const QByteArray &json);
    // OpenWhisk's error body {"error": message, "code": request id}; a 401 also gets the
    // Basic challenge.
    void sendError(int status, const QString &message);
    void sendError(const PlatformError &error);
    void sendEmpty(int status);
    void send(int status, const QByteArray &contentType, const QByteArray &body);
    // `length` bytes of file `fd` from `offset`, streamed from the file (the caller closes it).
    void sendFile(int status, const QByteArray &contentType, int fd, qint64 offset, qint64 length);

    bool sent() const { return m_sent; }
    // For an answer that will not come from the connection's own thread (it stays busy after
    // the answer): the connection's thread leaves the connection alone from now on.
    void releaseConnection();
    // Then: `answer()` runs on a fresh thread, which goes on to serve the connection.
    void continueElsewhere(std::function<void()> answer);
    // OpenWhisk's transaction id: 32 characters, unique per request and per server run.
    QByteArray requestId() const;

private:
    QByteArray statusAndHeaders(int status, const QByteArray &contentType, qint64 length, qsizetype reserve) const;
    void logLine(int status);

    Context m_context;
    QByteArray m_headers; // extra headers, already "Name: value\r\n"
    bool m_sent = false;
};

// A Reply that two threads may race to send: a blocking invoke's result, on the connection's
// thread, and its wait running out, on the engine's. Whoever takes it first answers.
class PendingReply
{
public:
    explicit PendingReply(Reply reply) : m_reply(std::move(reply)) {}
    // For the connection's thread: the reply, unless the other side has it (then the
    // connection is no longer this thread's either).
    std::optional<Reply> take()
    {
        std::lock_guard lock(m_mutex);
        std::optional<Reply> taken = std::move(m_reply);
        m_reply.reset();
        return taken;
    }
    // For the other side: takes the reply and the connection in one step, so the connection's
    // thread cannot go on reading it, then answers with `send` on a fresh thread that serves
    // the connection afterwards. Nothing happens when the reply is gone already.
    void answerElsewhere(std::function<void(Reply &)> send)
    {
        std::shared_ptr<Reply> late;
        {
            std::lock_guard lock(m_mutex);
            if (!m_reply)
                return;
            m_reply->releaseConnection();
            late = std::make_shared<Reply>(std::move(*m_reply));
            m_reply.reset();
        }
        late->continueElsewhere([late, send = std::move(send)] { send(*late); });
    }

private:
    std::mutex m_mutex;
    std::optional<Reply> m_reply;
};

} // namespace funcdesk
