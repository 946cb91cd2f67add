// libFuzzer target: the HTTP request reader (server/HttpConnection::readAvailable, Node's
// http_parser underneath) and what ApiServer makes of a request before it dispatches: the target
// as a URL, its path segments and query, the body as a JSON object. The input arrives on a real
// socket (a socketpair) as a client would send it, then the client closes; every request in it
// is read (pipelining), with small limits so that the 413 paths and streamed bodies are reached.
#include "server/HttpConnection.h"
#include "server/RequestParams.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QUrl>
#include <QUrlQuery>

#include <sys/socket.h>
#include <unistd.h>

namespace {

using funcdesk::HttpConnection;
using funcdesk::HttpRequest;

constexpr qint64 kMaxBody = 4096;
constexpr qint64 kMaxStreamed = 1024;

// An upload's body goes to a sink chunk by chunk (ObjectsApi); this one only counts.
class CountingSink : public funcdesk::BodySink
{
public:
    qint64 maxBytes() const override { return kMaxStreamed; }
    void write(const char *, qsizetype size) override
    {
        m_written += size;
        FUZZ_CHECK(m_written <= kMaxStreamed, "a sink never gets more than its bound");
    }

private:
    qint64 m_written = 0;
};

void inspect(HttpRequest &request)
{
    FUZZ_CHECK(request.body.size() <= kMaxBody, "a body over the limit is refused, not read");
    (void)request.header(QByteArrayLiteral("content-type"));
    const QUrl url = QUrl::fromEncoded(request.target);
    const QString path = url.path();
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &segment : segments)
        (void)funcdesk::checkEntityPath({segment});
    if (url.hasQuery()) {
        const QUrlQuery query(url);
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
            (void)(key.size() + value.size());
        (void)url.query(QUrl::FullyEncoded);
    }
    (void)funcdesk::jsonObjectBody(request.body);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
        return 0;
    const int buffer = int(size) + 4096;
    ::setsockopt(fds[1], SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
    ::setsockopt(fds[0], SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    size_t sent = 0;
    while (sent < size) {
        const ssize_t n = ::send(fds[1], data + sent, size - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        sent += size_t(n);
    }
    ::close(fds[1]); // the client is done: the reader sees the end, never waits

    funcdesk::HttpLimits limits;
    limits.maxBodyBytes = kMaxBody;
    const funcdesk::BodySinkFactory sinks = [](const HttpRequest &headers) -> std::shared_ptr<funcdesk::BodySink> {
        if (headers.target.startsWith("/upload"))
            return std::make_shared<CountingSink>();
        return nullptr;
    };
    HttpConnection connection(fds[0], limits, &sinks);
    // Each request takes at least a few bytes, so the reader ends well within this many turns.
    for (size_t turn = 0; turn <= size + 1; ++turn) {
        const auto status = connection.readAvailable();
        if (status == HttpConnection::ReadStatus::Pending)
            continue; // what was read so far makes no whole request yet; the end comes next
        if (status != HttpConnection::ReadStatus::Request)
            return 0;
        HttpRequest &request = connection.request();
        inspect(request);
        if (!request.keepAlive)
            return 0;
    }
    FUZZ_CHECK(false, "the reader ends once the client's bytes are used up");
    return 0;
}
