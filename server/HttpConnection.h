#pragma once

#include <QByteArray>
#include <QList>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

struct http_parser;
struct http_parser_settings;

namespace funcdesk {

enum class HttpMethod { Unknown, Get, Put, Delete, Post, Head, Options, Patch, Connect, Trace };

struct HttpRequest;

// Where a streamed request body goes (object uploads): chunk by chunk as it arrives, never
// whole in memory. Its own size bound replaces HttpLimits::maxBodyBytes for that request.
class BodySink
{
public:
    virtual ~BodySink() = default;
    virtual qint64 maxBytes() const = 0;
    // One chunk of the (decoded) body. A sink that fails keeps its error and drops the rest.
    virtual void write(const char *data, qsizetype size) = 0;
};
// Called on a connection's thread once a request's headers are in (the body is not): a sink for
// a body to stream, or none to read it whole as usual. Must be quick: it runs for every request.
using BodySinkFactory = std::function<std::shared_ptr<BodySink>(const HttpRequest &headers)>;

// One request as it arrived on a connection.
struct HttpRequest
{
    HttpMethod method = HttpMethod::Unknown;
    QByteArray methodName;                            // as sent, for the log
    QByteArray target;                                // path and query as sent (percent-encoded)
    QList<std::pair<QByteArray, QByteArray>> headers; // names lowercased, in arrival order
    QByteArray body;                                  // chunked bodies arrive decoded
    std::shared_ptr<BodySink> sink;                   // a streamed body went there, not to `body`
    bool keepAlive = true; // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with keep-alive
    bool http10 = false;   // an HTTP/1.0 request (its keep-alive must be confirmed in the answer)

    // The first value of a header (name in lower case), or empty.
    QByteArray header(const QByteArray &lowerName) const;
};

struct HttpLimits
{
    qint64 maxBodyBytes = 64LL * 1024 * 1024; // larger bodies are refused with 413
    int idleTimeoutMs = 60000;                // a keep-alive connection with no request is closed
    int requestTimeoutMs = 60000;             // from a request's first byte to its last
    int writeTimeoutMs = 30000;               // a client that reads nothing for this long is dropped
    int spinMicros = 100;                     // see HttpConnection::readRequest (0: never spin)
};

// One client connection, read by one thread at a time with blocking waits (the thread that
// serves it) and written by whoever answers (normally the same thread). Parses with Node's
// http_parser (Debian's libhttp-parser): pipelined requests, chunked bodies, Expect: 100-continue.
class HttpConnection
{
public:
    enum class ReadStatus {
        Request,  // `request` holds the next request
        Closed,   // the client closed the connection (or it failed)
        TimedOut, // idle for too long, or a request took too long to arrive
        Invalid,  // not HTTP; answer 400 and close
        TooLarge, // the body is over the limit; answer 413 and close
    };

    // `awake` counts the connections of a server whose threads are not asleep waiting for a
    // request; a connection that is alone in that spins briefly before it sleeps.
    // `sinks` (may be null) chooses the requests whose body is streamed; it outlives the reads.
    HttpConnection(int fd, HttpLimits limits, std::atomic<int> *awake = nullptr,
                   const BodySinkFactory *sinks = nullptr); // takes over `fd`
    ~HttpConnection();                                      // closes it
    HttpConnection(const HttpConnection &) = delete;
    HttpConnection &operator=(const HttpConnection &) = delete;

    ReadStatus readRequest(HttpRequest &request);
    // The size the client announced for a TooLarge body (-1 when it sent it chunked).
    qint64 refusedBodySize() const { return m_refusedSize; }

    // Writes everything (thread-safe); false once the client is gone or stopped reading.
    bool write(const QByteArray &bytes);
    // Writes `length` bytes of file `fd` from `offset` (sendfile: no copy through user space).
    bool writeFile(int fd, qint64 offset, qint64 length);
    bool failed() const { return m_writeFailed.load(); }
    // No more responses: the client sees the end of the stream after what was written.
    void finishWriting();
    // After refusing a request whose body is still coming: ends our side, then reads and drops
    // what the client still sends for a while, so the refusal reaches it rather than a reset.
    void lingeringClose();
    // Wakes a read that waits for the next request, which then sees the connection closed.
    // Responses still being worked on can be written.
    void stopReading();

    // Which turn of serving the connection is current: a thread that handed the connection to
    // another one (HttpTransport::handOff) sees the turn change and leaves it alone.
    quint64 turn() const { return m_turn.load(); }
    quint64 nextTurn() { return ++m_turn; }

private:
    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings &settings();
    http_parser &parser() { return *m_parser; }

    // Parses what is buffered; true when a whole request (or an error) came of it.
    bool parseBuffered(ReadStatus &status);

    int m_fd;
    HttpLimits m_limits;
    std::atomic<int> *m_awake;
    const BodySinkFactory *m_sinks;
    qint64 m_streamed = 0; // bytes of the current request's body given to its sink
    std::unique_ptr<http_parser> m_parser;
    QByteArray m_in; // received, from m_inOffset on not parsed yet
    qsizetype m_inOffset = 0;
    HttpRequest *m_request = nullptr;
    bool m_inValue = false; // the last header callback was a value
    bool m_complete = false;
    bool m_tooLarge = false;
    qint64 m_refusedSize = -1;
    std::mutex m_writeMutex;
    std::atomic_bool m_writeFailed = false;
    std::atomic<quint64> m_turn = 0;
};

} // namespace funcdesk
