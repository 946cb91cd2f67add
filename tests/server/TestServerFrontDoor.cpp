// The front door under idle and slow clients, against a real `funcdeskd serve`: 2,000 idle
// connections and 600 clients trickling their headers byte by byte must not stop a normal
// authenticated request (answered within 1 s), and the bounds that keep a connection from
// holding the server: the per-client and global connection caps (503 and close), the deadline
// for a request's headers (408 and close) and the idle keep-alive deadline; and the warning
// about plain HTTP beyond loopback.
//
// fd budget: this test holds up to 2,600 client sockets at once and so does the server; it
// raises its own soft RLIMIT_NOFILE (the server inherits it and raises its own to the hard
// limit) and skips when the hard limit is below 4,096.
#include "ServerFixture.h"

#include <QTest>

#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

// A TCP connection to 127.0.0.1:`port` from the loopback address `source` (each 127.x.y.z is a
// client address of its own to the server); -1 when it could not be made.
int connectFrom(const char *source, quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    ::inet_pton(AF_INET, source, &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&from), sizeof from) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

struct Answer
{
    QByteArray bytes;
    qint64 ms = -1;      // until the whole first response (or the close) arrived
    bool closed = false; // the server closed the connection
};

// Sends `request` (may be empty) and reads until a whole response, the close, or `waitMs`.
Answer exchange(int fd, const QByteArray &request, int waitMs)
{
    Answer answer;
    QElapsedTimer timer;
    timer.start();
    if (!request.isEmpty() && ::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) != request.size())
        return answer;
    while (timer.elapsed() < waitMs && firstResponse(answer.bytes).isEmpty()) {
        pollfd wanted{fd, POLLIN, 0};
        if (::poll(&wanted, 1, int(waitMs - timer.elapsed())) <= 0)
            break;
        char buffer[4096];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            answer.closed = true;
            break;
        }
        answer.bytes.append(buffer, n);
    }
    answer.ms = timer.elapsed();
    return answer;
}

// One request on a connection of its own from `source`.
Answer exchangeOnce(const char *source, quint16 port, const QByteArray &request)
{
    const int fd = connectFrom(source, port);
    const Answer answer = exchange(fd, request, 5000);
    ::close(fd);
    return answer;
}

int openDescriptors(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::System).size());
}

const QByteArray kGet = QByteArrayLiteral("GET /api/v1 HTTP/1.1\r\nHost: x\r\n\r\n");

// Another server, on a folder of its own, started with `arguments` (stopped when it goes).
struct OtherServer
{
    QTemporaryDir dir;
    FuncdeskdProcess process{dir.path()};
    bool started = false;
    explicit OtherServer(const QStringList &arguments) : started(process.start(0, arguments)) {}
};

struct Sockets
{
    QList<int> fds;
    ~Sockets()
    {
        for (int fd : std::as_const(fds))
            ::close(fd);
    }
};

} // namespace

class TestServerFrontDoor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    FuncdeskdProcess m_server{m_dir.path()};

    QByteArray normalRequest() const
    {
        return "GET /api/v1/namespaces/_/actions HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " +
               m_server.guestKey().toUtf8().toBase64() + "\r\n\r\n";
    }

    // A normal authenticated request on a fresh connection from 127.0.0.1, answered 200 within 1 s.
    void checkNormalRequestIsAnswered()
    {
        const int fd = connectFrom("127.0.0.1", m_server.port());
        QVERIFY(fd >= 0);
        const Answer answer = exchange(fd, normalRequest(), 10000);
        ::close(fd);
        QVERIFY2(answer.bytes.startsWith("HTTP/1.1 200"), answer.bytes.left(200).constData());
        QVERIFY2(answer.ms < 1000, QByteArray::number(answer.ms).constData());
    }

    // `count` connections, `perAddress` from each of 127.0.`net`.1, .2, ...
    static bool openMany(Sockets &into, int count, int perAddress, int net, quint16 port)
    {
        for (int i = 0; i < count; ++i) {
            const QByteArray source =
                QByteArray("127.0.") + QByteArray::number(net) + '.' + QByteArray::number(1 + i / perAddress);
            const int fd = connectFrom(source.constData(), port);
            if (fd < 0)
                return false;
            into.fds.append(fd);
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        rlimit files{};
        ::getrlimit(RLIMIT_NOFILE, &files);
        if (files.rlim_max != RLIM_INFINITY && files.rlim_max < 4096)
            QSKIP("RLIMIT_NOFILE's hard limit is below 4,096: cannot hold 2,000 connections on both sides");
        files.rlim_cur = std::max<rlim_t>(files.rlim_cur, std::min<rlim_t>(files.rlim_max, 8192));
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &files), 0);
        QVERIFY2(m_server.start(), qPrintable(m_server.errorText()));
    }
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void twoThousandIdleConnectionsDoNotStopTheApi()
    {
        Sockets idle;
        const int before = openDescriptors(m_server.processId());
        QVERIFY(openMany(idle, 2000, 100, 1, m_server.port())); // 20 client addresses
        // The server has accepted them all (they are not just waiting in its backlog).
        QTRY_VERIFY_WITH_TIMEOUT(openDescriptors(m_server.processId()) >= before + 1990, 20000);
        for (int i = 0; i < 3 && !QTest::currentTestFailed(); ++i)
            checkNormalRequestIsAnswered();
        if (QTest::currentTestFailed())
            return;
        // The idle ones are still open.
        QVERIFY(!closedWithin(idle.fds.first(), 10));
    }

    void clientsTricklingTheirHeadersDoNotStopOthers()
    {
        Sockets slow;
        QVERIFY(openMany(slow, 600, 100, 2, m_server.port()));
        const QByteArray head = "GET /api/v1 HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        std::atomic_bool stop = false;
        std::atomic<int> rounds = 0;
        std::thread trickler([&] {
            for (int i = 0; i < 40 && !stop; ++i) { // one byte per connection every 50 ms
                for (int fd : std::as_const(slow.fds))
                    ::send(fd, head.constData() + std::min<qsizetype>(i, head.size() - 1), 1, MSG_NOSIGNAL);
                rounds = i + 1;
                QThread::msleep(50);
            }
        });
        QThread::msleep(300);
        for (int i = 0; i < 3 && !QTest::currentTestFailed(); ++i)
            checkNormalRequestIsAnswered();
        if (QTest::currentTestFailed())
            return;
        stop = true;
        trickler.join();
        // A request that came byte by byte is answered once it is whole.
        const Answer finished = exchange(slow.fds.first(), head.mid(rounds) + "1\r\n\r\n", 10000);
        QVERIFY2(finished.bytes.startsWith("HTTP/1.1 200"), finished.bytes.left(200).constData());
    }

    // Plain HTTP beyond loopback sends every key in clear: the server says so (and only then).
    void plainHttpBeyondLoopbackIsWarnedAbout()
    {
        QVERIFY(!m_server.stderrText().contains("unencrypted"));
        OtherServer other({QStringLiteral("--host"), QStringLiteral("0.0.0.0")});
        FuncdeskdProcess &open = other.process;
        QVERIFY2(other.started, qPrintable(open.errorText()));
        QVERIFY2(open.stderrText().contains("funcdeskd: warning: serving plain HTTP on 0.0.0.0, not a loopback "
                                            "address: namespace keys and all traffic cross the network unencrypted"),
                 open.stderrText().constData());
        QCOMPARE(open.stop(), 0);
    }

    // The deadlines, on a server started with short ones.
    void headerAndIdleDeadlines()
    {
        OtherServer other({QStringLiteral("--header-timeout"), QStringLiteral("1"), QStringLiteral("--idle-timeout"),
                           QStringLiteral("2")});
        FuncdeskdProcess &tight = other.process;
        QVERIFY2(other.started, qPrintable(tight.errorText()));

        // Headers that take longer than their deadline: 408 and close, even if bytes keep coming.
        {
            const int fd = connectFrom("127.0.0.9", tight.port());
            QElapsedTimer timer;
            timer.start();
            Answer answer;
            for (char c : QByteArray("GET /api/v1 HTTP/1.1\r\nHost: x\r\nX-Slow: 12345678901234567890")) {
                ::send(fd, &c, 1, MSG_NOSIGNAL);
                answer = exchange(fd, {}, 100);
                if (answer.closed || !answer.bytes.isEmpty())
                    break;
            }
            ::close(fd);
            QVERIFY2(answer.bytes.startsWith("HTTP/1.1 408"), answer.bytes.constData());
            QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 4000, QByteArray::number(timer.elapsed()).constData());
        }
        // An idle keep-alive connection is closed after its deadline, not before.
        {
            const int fd = connectFrom("127.0.0.9", tight.port());
            QVERIFY(exchange(fd, kGet, 5000).bytes.startsWith("HTTP/1.1 200"));
            QVERIFY(!closedWithin(fd, 1000));
            QVERIFY(closedWithin(fd, 3000));
            ::close(fd);
        }
    }

    // The connection caps, on a server started with small ones.
    void connectionCaps()
    {
        OtherServer other({QStringLiteral("--max-connections"), QStringLiteral("8"),
                           QStringLiteral("--max-connections-per-client"), QStringLiteral("4")});
        FuncdeskdProcess &capped = other.process;
        QVERIFY2(other.started, qPrintable(capped.errorText()));
        // Four connections from one address, each served; then a refusal of `why` for a fifth
        // connection from `next`.
        auto fourThenRefused = [&](Sockets &four, int net, const char *next, const QByteArray &why) {
            QVERIFY(openMany(four, 4, 4, net, capped.port()));
            for (int fd : std::as_const(four.fds))
                QVERIFY(exchange(fd, kGet, 5000).bytes.startsWith("HTTP/1.1 200"));
            const Answer refused = exchangeOnce(next, capped.port(), kGet);
            QVERIFY2(refused.bytes.startsWith("HTTP/1.1 503"), refused.bytes.constData());
            QVERIFY(refused.bytes.contains("Connection: close\r\n"));
            QVERIFY2(refused.bytes.contains(why), refused.bytes.constData());
        };
        // The fifth from the same address gets a 503 and is closed.
        Sockets first;
        fourThenRefused(first, 10, "127.0.10.1", "Too many open connections from this address.");
        // Four more from another address reach the global cap of 8: a third address gets a 503.
        Sockets second;
        fourThenRefused(second, 11, "127.0.12.1", "The server has too many open connections.");
        if (QTest::currentTestFailed())
            return;
        // Once one is closed, the third address gets in.
        ::close(second.fds.takeLast());
        Answer admitted;
        for (int attempt = 0; attempt < 50 && !admitted.bytes.startsWith("HTTP/1.1 200"); ++attempt) {
            QThread::msleep(100);
            admitted = exchangeOnce("127.0.12.1", capped.port(), kGet);
        }
        QVERIFY2(admitted.bytes.startsWith("HTTP/1.1 200"), admitted.bytes.constData());
        QCOMPARE(capped.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerFrontDoor)
#include "TestServerFrontDoor.moc"
