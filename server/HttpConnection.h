#pragma once

#include <QByteArray>
#include <QList>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

struct http_parser;
struct http_parser_settings;

namespace funcdesk {

class TlsStream;

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
// Called on the thread reading the connection (mostly the transport's event loop) once a
// request's headers are in (the body is not): a sink for a body to stream, or none to read it
// whole as usual. Must be quick: it runs for every request, and a slow one delays other clients.
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
    int headerTimeoutMs = 10000;              // from a request's first byte to its last header (408)
    int requestTimeoutMs = 60000;             // from a request's first byte to its last
    int writeTimeoutMs = 30000;               // a client that reads nothing for this long is dropped
    int spinMicros = 100;                     // see HttpTransport::serve (0: never spin)
    int maxConnections = 10000;               // open at once (also bounded by RLIMIT_NOFILE); more get 503
    int maxConnectionsPerClient = 256;        // open at once from one client address; more get 503
};

// One client connection. It is read without ever blocking: readAvailable() takes what the
// socket has, feeds it to Node's http_parser (Debian's libhttp-parser) and says whether a whole
// request is in; the transport's event loop calls it when the socket is readable, and the
// thread that answered a request calls it for the next one. Only one thread reads it at a time
// (the transport hands it over); whoever answers writes it. Pipelined requests, chunked
// bodies, Expect: 100-continue.
class HttpConnection
{
public:
    enum class ReadStatus {
        Request,  // request() holds the next request
        Pending,  // no whole request yet: wait until the socket is readable (or deadline())
        Closed,   // the client closed the connection (or it failed)
        Invalid,  // not HTTP; answer 400 and close
        TooLarge, // the body is over the limit; answer 413 and close
    };
    using Clock = std::chrono::steady_clock;

    // `sinks` (may be null) chooses the requests whose body is streamed; it outlives the reads.
    HttpConnection(int fd, HttpLimits limits, const BodySinkFactory *sinks = nullptr); // takes over `fd`
    ~HttpConnection();                                                                 // closes it
    HttpConnection(const HttpConnection &) = delete;
    HttpConnection &operator=(const HttpConnection &) = delete;

    int descriptor() const { return m_fd; }
    // Speaks TLS from now on (before the first read): the handshake happens in readAvailable(),
    // bounded by the header deadline; a client that sends plain HTTP instead gets a plain 400.
    void startTls(std::unique_ptr<TlsStream> tls);
    bool isTls() const { return m_tls != nullptr; }
    // A TLS handshake (or record) waits for room to write: the loop waits for EPOLLOUT too.
    bool wantsWrite() const;
    // Reads what the socket has (at most `maxBytes` this call) and parses it. After a Request,
    // the next call starts the next request (a pipelined one may be buffered already).
    ReadStatus readAvailable(qsizetype maxBytes = 1 << 20);
    // The request of the last Request status (the partial one after Invalid or TooLarge).
    HttpRequest &request() { return m_current; }
    // The size the client announced for a TooLarge body (-1 when it sent it chunked).
    qint64 refusedBodySize() const { return m_refusedSize; }
    // When a connection waiting for (the rest of) a request is given up: the idle deadline
    // before a request's first byte, then its header and request deadlines.
    Clock::time_point deadline() const;
    // Part of a request has arrived (a timeout then gets 408, not a silent close).
    bool requestStarted() const { return m_started; }
    // Whether the socket has bytes to read, waiting up to `micros` (spinning; 0: just look).
    bool readableWithin(int micros) const;

    // Writes everything (thread-safe); false once the client is gone or stopped reading.
    bool write(const QByteArray &bytes);
    // One non-blocking attempt (for the event loop, which never waits on a client).
    void tryWrite(const QByteArray &bytes);
    // Writes `length` bytes of file `fd` from `offset` (sendfile: no copy through user space).
    bool writeFile(int fd, qint64 offset, qint64 length);
    bool failed() const { return m_writeFailed.load(); }
    // No more responses: the client sees the end of the stream after what was written.
    void finishWriting();
    // After a refusal: reads and drops what the client still sends (the transport's loop does,
    // for up to 2 s or 16 MB), so the refusal reaches it rather than a reset. False when done.
    bool drain();
    // Wakes whoever waits for the next request, who then sees the connection closed.
    // Responses still being worked on can be written.
    void stopReading();

    // Which turn of serving the connection is current: a thread that handed the connection to
    // another one (HttpTransport::continueServing) sees the turn change and leaves it alone.
    quint64 turn() const { return m_turn.load(); }
    quint64 nextTurn() { return ++m_turn; }

    // For the transport: the client's address (its per-client count) and whether the event
    // loop holds it (waiting for a request, or draining after a refusal).
    QByteArray clientKey;
    bool lingering = false;
    Clock::time_point lingerUntil;
    qint64 drained = 0;

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
    // Bytes that arrived (from the socket or decrypted): buffered and parsed, as parseBuffered.
    bool receive(const char *bytes, qsizetype size, ReadStatus &status);
    void startRequest();
    // The TLS side of readAvailable(): decrypted bytes into m_in and parsed.
    ReadStatus readTls(qsizetype maxBytes);
    // A client that spoke plain HTTP to the TLS port: a plain 400, then the connection closes.
    bool refusePlainHttp();
    // Sends all of `data`, waiting (poll) for room up to the write timeout; m_writeMutex held.
    bool sendAll(const char *data, qsizetype size);

    int m_fd;
    std::unique_ptr<TlsStream> m_tls; // null: plain HTTP
    bool m_tlsChecked = false;        // the first byte was seen to open a TLS handshake
    bool m_tlsEstablished = false;    // the handshake is done (set by the reader)
    HttpLimits m_limits;
    const BodySinkFactory *m_sinks;
    qint64 m_streamed = 0; // bytes of the current request's body given to its sink
    std::unique_ptr<http_parser> m_parser;
    QByteArray m_in; // received, from m_inOffset on not parsed yet
    qsizetype m_inOffset = 0;
    HttpRequest m_current;
    bool m_inValue = false; // the last header callback was a value
    bool m_complete = false;
    bool m_tooLarge = false;
    bool m_started = false;     // bytes of the current request arrived
    bool m_headersDone = false; // its headers are complete
    Clock::time_point m_idleSince;
    Clock::time_point m_startedAt;
    Clock::time_point m_lastBytes;
    qint64 m_refusedSize = -1;
    std::mutex m_writeMutex;
    std::atomic_bool m_writeFailed = false;
    std::atomic<quint64> m_turn = 0;
};

} // namespace funcdesk
