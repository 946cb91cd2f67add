#include "server/HttpConnection.h"

#include "server/TlsContext.h"

#include <http_parser.h>

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

namespace funcdesk {

namespace {

constexpr qsizetype kReadChunk = 64 * 1024;

HttpMethod methodOf(unsigned method)
{
    switch (method) {
    case HTTP_GET:
        return HttpMethod::Get;
    case HTTP_PUT:
        return HttpMethod::Put;
    case HTTP_DELETE:
        return HttpMethod::Delete;
    case HTTP_POST:
        return HttpMethod::Post;
    case HTTP_HEAD:
        return HttpMethod::Head;
    case HTTP_OPTIONS:
        return HttpMethod::Options;
    case HTTP_PATCH:
        return HttpMethod::Patch;
    case HTTP_CONNECT:
        return HttpMethod::Connect;
    case HTTP_TRACE:
        return HttpMethod::Trace;
    default:
        return HttpMethod::Unknown;
    }
}

HttpConnection *connectionOf(http_parser *parser)
{
    return static_cast<HttpConnection *>(parser->data);
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return QByteArray();
}

HttpConnection::HttpConnection(int fd, HttpLimits limits, const BodySinkFactory *sinks)
    : m_fd(fd), m_limits(limits), m_sinks(sinks), m_parser(std::make_unique<http_parser>()), m_idleSince(Clock::now())
{
    // Nothing ever waits on the socket itself: the transport's loop (epoll) or poll() does.
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    // Small responses go out at once, not after the client's delayed ACK.
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    http_parser_init(m_parser.get(), HTTP_REQUEST);
    m_parser->data = this;
}

HttpConnection::~HttpConnection()
{
    m_tls.reset(); // before its descriptor goes
    ::close(m_fd);
}

void HttpConnection::startTls(std::unique_ptr<TlsStream> tls)
{
    m_tls = std::move(tls);
}

bool HttpConnection::wantsWrite() const
{
    return m_tls && m_tls->wantsWrite();
}

bool HttpConnection::refusePlainHttp()
{
    if (m_tlsChecked)
        return false;
    unsigned char first = 0;
    const ssize_t n = ::recv(m_fd, &first, 1, MSG_PEEK);
    if (n != 1)
        return false; // nothing yet (or the end): SSL_read tells
    m_tlsChecked = true;
    if (first == 0x16) // a TLS handshake record
        return false;
    // Not TLS. Something that looks like an HTTP request line gets a plain answer saying why;
    // what it sent so far is read first, so that the close does not reset the answer away.
    if (first >= 'A' && first <= 'Z') {
        char chunk[16 * 1024];
        while (::recv(m_fd, chunk, sizeof chunk, MSG_DONTWAIT) > 0) {
        }
        static const QByteArray body = QByteArrayLiteral("{\"error\":\"This port speaks HTTPS (TLS): the request "
                                                         "was sent as plain HTTP.\"}");
        const QByteArray answer = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        ::send(m_fd, answer.constData(), size_t(answer.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    return true;
}

HttpConnection::ReadStatus HttpConnection::readTls(qsizetype maxBytes)
{
    if (!m_tlsEstablished && refusePlainHttp())
        return ReadStatus::Closed;
    ReadStatus status = ReadStatus::Pending;
    char chunk[kReadChunk];
    for (qsizetype taken = 0; taken < maxBytes || m_tls->pending();) {
        qsizetype n = 0;
        switch (m_tls->read(chunk, sizeof chunk, n)) {
        case TlsStream::Status::Done:
            m_tlsEstablished = true;
            taken += n;
            if (receive(chunk, n, status))
                return status;
            continue;
        case TlsStream::Status::WantRead:
        case TlsStream::Status::WantWrite:
            m_tlsEstablished = m_tlsEstablished || m_tls->established();
            return ReadStatus::Pending;
        case TlsStream::Status::Closed:
            http_parser_execute(m_parser.get(), &settings(), nullptr, 0);
            return m_complete ? ReadStatus::Request : ReadStatus::Closed;
        case TlsStream::Status::Failed:
            return ReadStatus::Closed; // a failed handshake: OpenSSL has sent its alert
        }
    }
    return ReadStatus::Pending;
}

const http_parser_settings &HttpConnection::settings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s{};
        s.on_message_begin = &HttpConnection::onMessageBegin;
        s.on_url = &HttpConnection::onUrl;
        s.on_header_field = &HttpConnection::onHeaderField;
        s.on_header_value = &HttpConnection::onHeaderValue;
        s.on_headers_complete = &HttpConnection::onHeadersComplete;
        s.on_body = &HttpConnection::onBody;
        s.on_message_complete = &HttpConnection::onMessageComplete;
        return s;
    }();
    return settings;
}

int HttpConnection::onMessageBegin(http_parser *parser)
{
    HttpConnection *self = connectionOf(parser);
    self->m_inValue = false; // startRequest() has cleared the request itself
    if (!self->m_started) {  // a pipelined request: its deadlines count from now
        self->m_started = true;
        self->m_startedAt = self->m_lastBytes = Clock::now();
    }
    return 0;
}

int HttpConnection::onUrl(http_parser *parser, const char *at, size_t length)
{
    connectionOf(parser)->m_current.target.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    auto &headers = self->m_current.headers;
    if (headers.isEmpty() || self->m_inValue)
        headers.append({QByteArray(), QByteArray()});
    self->m_inValue = false;
    headers.last().first.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    self->m_inValue = true;
    self->m_current.headers.last().second.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onHeadersComplete(http_parser *parser)
{
    HttpConnection *self = connectionOf(parser);
    HttpRequest &request = self->m_current;
    self->m_headersDone = true;
    for (auto &header : request.headers)
        header.first = header.first.toLower();
    request.method = methodOf(parser->method);
    request.http10 = parser->http_major == 1 && parser->http_minor == 0;
    request.methodName = http_method_str(static_cast<http_method>(parser->method));
    const bool announced = parser->content_length != ULLONG_MAX && (parser->flags & F_CONTENTLENGTH);
    self->m_streamed = 0;
    if (self->m_sinks && *self->m_sinks)
        request.sink = (*self->m_sinks)(request);
    const qint64 allowed = request.sink ? request.sink->maxBytes() : self->m_limits.maxBodyBytes;
    if (announced && parser->content_length > quint64(allowed)) {
        self->m_tooLarge = true;
        self->m_refusedSize = qint64(std::min<quint64>(parser->content_length, quint64(LLONG_MAX)));
        http_parser_pause(parser, 1);
        return 0;
    }
    if (announced && !request.sink)
        request.body.reserve(qsizetype(parser->content_length));
    // curl asks before it sends a body over 1 MB; without this it waits a second, then sends.
    if (request.header(QByteArrayLiteral("expect")).toLower() == "100-continue" && parser->http_minor >= 1)
        self->tryWrite(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    return 0;
}

int HttpConnection::onBody(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    if (BodySink *sink = self->m_current.sink.get()) {
        self->m_streamed += qint64(length);
        if (self->m_streamed > sink->maxBytes()) {
            self->m_tooLarge = true;
            http_parser_pause(parser, 1);
            return 0;
        }
        sink->write(at, qsizetype(length));
        return 0;
    }
    QByteArray &body = self->m_current.body;
    if (body.size() + qint64(length) > self->m_limits.maxBodyBytes) {
        self->m_tooLarge = true;
        http_parser_pause(parser, 1);
        return 0;
    }
    body.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onMessageComplete(http_parser *parser)
{
    HttpConnection *self = connectionOf(parser);
    self->m_complete = true;
    // After an Upgrade or CONNECT the bytes that follow are not HTTP: answer, then close.
    self->m_current.keepAlive = http_should_keep_alive(parser) != 0 && !parser->upgrade;
    http_parser_pause(parser, 1); // one request at a time: the next one is parsed after this is answered
    return 0;
}

bool HttpConnection::receive(const char *bytes, qsizetype size, ReadStatus &status)
{
    m_lastBytes = Clock::now();
    if (!m_started) {
        m_started = true;
        m_startedAt = m_lastBytes;
    }
    m_in.append(bytes, size);
    return parseBuffered(status);
}

bool HttpConnection::parseBuffered(ReadStatus &status)
{
    const qsizetype available = m_in.size() - m_inOffset;
    if (available <= 0)
        return false;
    const size_t parsed =
        http_parser_execute(m_parser.get(), &settings(), m_in.constData() + m_inOffset, size_t(available));
    m_inOffset += qsizetype(parsed);
    if (m_inOffset >= m_in.size()) {
        m_in.clear();
        m_inOffset = 0;
    }
    if (m_tooLarge) {
        status = ReadStatus::TooLarge;
        return true;
    }
    if (m_complete) {
        status = ReadStatus::Request;
        return true;
    }
    const auto error = HTTP_PARSER_ERRNO(m_parser.get());
    if (error != HPE_OK && error != HPE_PAUSED) {
        status = ReadStatus::Invalid;
        return true;
    }
    return false;
}

void HttpConnection::startRequest()
{
    m_current = HttpRequest();
    m_complete = false;
    m_started = false;
    m_headersDone = false;
    m_idleSince = Clock::now();
    if (HTTP_PARSER_ERRNO(m_parser.get()) == HPE_PAUSED)
        http_parser_pause(m_parser.get(), 0);
}

HttpConnection::ReadStatus HttpConnection::readAvailable(qsizetype maxBytes)
{
    if (m_complete)
        startRequest(); // the last one has been answered
    ReadStatus status = ReadStatus::Pending;
    if (parseBuffered(status)) // a pipelined request may be here already
        return status;
    if (m_tls)
        return readTls(maxBytes);
    char chunk[kReadChunk];
    for (qsizetype taken = 0; taken < maxBytes;) {
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n > 0) {
            taken += n;
            if (receive(chunk, n, status))
                return status;
            continue;
        }
        if (n == 0) {
            // The end of the stream also ends a body that runs until the close.
            http_parser_execute(m_parser.get(), &settings(), nullptr, 0);
            return m_complete ? ReadStatus::Request : ReadStatus::Closed;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            return ReadStatus::Closed;
        break;
    }
    return ReadStatus::Pending;
}

HttpConnection::Clock::time_point HttpConnection::deadline() const
{
    using std::chrono::milliseconds;
    if (m_tls && !m_tlsEstablished) // the handshake counts as part of the first request's headers
        return m_idleSince + milliseconds(m_limits.headerTimeoutMs);
    if (!m_started)
        return m_idleSince + milliseconds(m_limits.idleTimeoutMs);
    // A streamed body may take long in all: its deadline counts from the last bytes.
    const Clock::time_point request = m_current.sink ? m_lastBytes + milliseconds(m_limits.requestTimeoutMs)
                                                     : m_startedAt + milliseconds(m_limits.requestTimeoutMs);
    if (m_headersDone)
        return request;
    return std::min(request, m_startedAt + milliseconds(m_limits.headerTimeoutMs));
}

bool HttpConnection::readableWithin(int micros) const
{
    if (m_tls && m_tls->pending())
        return true;
    pollfd wanted{m_fd, POLLIN, 0};
    const auto until = Clock::now() + std::chrono::microseconds(micros);
    do {
        if (::poll(&wanted, 1, 0) > 0)
            return true;
    } while (Clock::now() < until);
    return false;
}

bool HttpConnection::write(const QByteArray &bytes)
{
    std::lock_guard lock(m_writeMutex);
    return sendAll(bytes.constData(), bytes.size());
}

bool HttpConnection::sendAll(const char *data, qsizetype left)
{
    while (left > 0 && !m_writeFailed.load()) {
        short waitFor = POLLOUT;
        if (m_tls) {
            qsizetype n = 0;
            const TlsStream::Status status = m_tls->write(data, left, n);
            if (status == TlsStream::Status::Done) {
                data += n;
                left -= n;
                continue;
            }
            if (status == TlsStream::Status::WantRead)
                waitFor = POLLIN;
            else if (status != TlsStream::Status::WantWrite)
                waitFor = 0;
        } else {
            const ssize_t n = ::send(m_fd, data, size_t(left), MSG_NOSIGNAL);
            if (n > 0) {
                data += n;
                left -= n;
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (!(n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)))
                waitFor = 0;
        }
        if (waitFor != 0) {
            pollfd wanted{m_fd, waitFor, 0};
            if (::poll(&wanted, 1, m_limits.writeTimeoutMs) > 0)
                continue;
        }
        m_writeFailed = true; // gone, or not reading: nothing more goes to this client
    }
    return !m_writeFailed.load();
}

bool HttpConnection::writeFile(int fd, qint64 offset, qint64 length)
{
    std::lock_guard lock(m_writeMutex);
    if (m_tls) { // no sendfile through TLS: read and encrypt it chunk by chunk
        QByteArray chunk(kReadChunk, Qt::Uninitialized);
        for (qint64 done = 0; done < length && !m_writeFailed.load();) {
            const ssize_t n =
                ::pread(fd, chunk.data(), size_t(std::min<qint64>(chunk.size(), length - done)), off_t(offset + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0 || !sendAll(chunk.constData(), n))
                m_writeFailed = true;
            else
                done += n;
        }
        return !m_writeFailed.load();
    }
    off_t position = off_t(offset);
    qint64 left = length;
    while (left > 0 && !m_writeFailed.load()) {
        const ssize_t n = ::sendfile(m_fd, fd, &position, size_t(std::min<qint64>(left, 1 << 20)));
        if (n > 0) {
            left -= n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd wanted{m_fd, POLLOUT, 0};
            if (::poll(&wanted, 1, m_limits.writeTimeoutMs) > 0)
                continue;
        }
        m_writeFailed = true; // gone, not reading, or the file shrank (n == 0): the answer is cut
    }
    return !m_writeFailed.load();
}

void HttpConnection::finishWriting()
{
    std::lock_guard lock(m_writeMutex);
    if (m_tls)
        m_tls->close();
    ::shutdown(m_fd, SHUT_WR);
}

void HttpConnection::tryWrite(const QByteArray &bytes)
{
    std::lock_guard lock(m_writeMutex);
    if (m_writeFailed.load())
        return;
    if (!m_tls) {
        ::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        return;
    }
    // One attempt: a record left half-sent would break the stream, so the connection then fails.
    qsizetype n = 0;
    if (m_tls->write(bytes.constData(), bytes.size(), n) != TlsStream::Status::Done || n != bytes.size())
        m_writeFailed = true;
}

bool HttpConnection::drain()
{
    char chunk[16 * 1024];
    while (m_tls) {
        qsizetype n = 0;
        const TlsStream::Status status = m_tls->read(chunk, sizeof chunk, n);
        if (status == TlsStream::Status::WantRead || status == TlsStream::Status::WantWrite)
            return true;
        if (status != TlsStream::Status::Done)
            return false;
        drained += n;
        if (drained >= 16 * 1024 * 1024)
            return false;
    }
    for (;;) {
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n > 0) {
            drained += n;
            if (drained >= 16 * 1024 * 1024)
                return false;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK); // else the client closed too
    }
}

void HttpConnection::stopReading()
{
    ::shutdown(m_fd, SHUT_RD);
}

} // namespace funcdesk
