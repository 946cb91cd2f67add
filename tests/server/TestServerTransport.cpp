// The HTTP transport itself, on a raw socket against a real `funcdeskd serve`: a connection whose
// blocking invoke ran out of wait goes on serving at once, Expect: 100-continue, chunked bodies,
// HTTP/1.0, and bytes that are not HTTP or bodies that are too large.
#include "ServerFixture.h"

#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

class TestServerTransport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    FuncdeskdProcess m_server{m_dir.path()};

    QByteArray authHeader() const { return "Authorization: Basic " + m_server.guestKey().toUtf8().toBase64() + "\r\n"; }

    void connectTo(QTcpSocket &socket)
    {
        const QUrl url(m_server.url(QStringLiteral("/")));
        socket.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(socket.waitForConnected(5000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        HttpClient http;
        QCOMPARE(
            http.request("PUT", m_server.url(QStringLiteral("/api/v1/namespaces/_/actions/sleepy")),
                         nodeAction(QStringLiteral(
                             "function main(){return new Promise(r => setTimeout(() => r({slept: true}), 3000))}")),
                         m_server.guestKey().toUtf8())
                .status,
            200);
        QCOMPARE(http.request("PUT", m_server.url(QStringLiteral("/api/v1/namespaces/_/actions/echo")),
                              nodeAction(QStringLiteral("function main(p){return p}")), m_server.guestKey().toUtf8())
                     .status,
                 200);
    }
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    // The invoke runs on the connection's thread; when its wait runs out the connection must not
    // stay tied to that thread until the activation ends.
    void connectionWhoseWaitRanOutServesTheNextRequestAtOnce()
    {
        QTcpSocket socket;
        connectTo(socket);
        QElapsedTimer timer;
        timer.start();
        socket.write("POST /api/v1/namespaces/_/actions/sleepy?blocking=true&timeout=300 HTTP/1.1\r\nHost: x\r\n" +
                     authHeader() + "Content-Length: 2\r\n\r\n{}");
        QByteArray received = readUntil(socket, 10000, [](const QByteArray &r) { return !firstResponse(r).isEmpty(); });
        const QByteArray accepted = firstResponse(received);
        QVERIFY2(accepted.startsWith("HTTP/1.1 202"), received.constData());
        QVERIFY(accepted.contains("activationId"));
        received.remove(0, accepted.size());

        socket.write("GET /api/v1 HTTP/1.1\r\nHost: x\r\n\r\n");
        received +=
            readUntil(socket, 10000, [&](const QByteArray &r) { return !firstResponse(received + r).isEmpty(); });
        QVERIFY2(firstResponse(received).startsWith("HTTP/1.1 200"), received.constData());
        // Answered while the action still sleeps (3 s from the invoke).
        QVERIFY2(timer.elapsed() < 2500, QByteArray::number(timer.elapsed()).constData());
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void expectContinueGetsContinueBeforeTheBodyIsSent()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("POST /api/v1/namespaces/_/actions/echo?blocking=true&result=true HTTP/1.1\r\nHost: x\r\n" +
                     authHeader() +
                     "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n");
        const QByteArray interim = readUntil(socket, 5000, [](const QByteArray &r) { return r.contains("\r\n\r\n"); });
        QCOMPARE(interim, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        socket.write("{\"a\":\"b\"} ");
        const QByteArray answer =
            readUntil(socket, 10000, [](const QByteArray &r) { return !firstResponse(r).isEmpty(); });
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.endsWith("{\"a\":\"b\"}"));
    }

    void chunkedBodyArrivesWhole()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("POST /api/v1/namespaces/_/actions/echo?blocking=true&result=true HTTP/1.1\r\nHost: x\r\n" +
                     authHeader() +
                     "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "4\r\n{\"k\"\r\n5\r\n:\"v\"}\r\n0\r\n\r\n");
        const QByteArray answer =
            readUntil(socket, 10000, [](const QByteArray &r) { return !firstResponse(r).isEmpty(); });
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY2(answer.endsWith("{\"k\":\"v\"}"), answer.constData());
    }

    void http10WithoutKeepAliveIsClosedAfterTheAnswer()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("GET /api/v1 HTTP/1.0\r\n\r\n");
        const QByteArray answer = readUntil(socket, 5000, [](const QByteArray &) { return false; });
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.contains("Connection: close\r\n"));
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    }

    void http10KeepAliveIsConfirmedAndKept()
    {
        QTcpSocket socket;
        connectTo(socket);
        for (int i = 0; i < 2; ++i) {
            socket.write("GET /api/v1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            const QByteArray answer =
                readUntil(socket, 5000, [](const QByteArray &r) { return !firstResponse(r).isEmpty(); });
            QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
            QVERIFY2(answer.contains("Connection: keep-alive\r\n"), answer.constData());
            QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        }
    }

    // A client that sends its body without asking first (fetch, Python's requests) still reads
    // the 413. (The server also drains what the client sends for a while before it closes, so a
    // reset cannot overtake the answer on a real network; on loopback the answer arrives first
    // either way, so this does not single that out.)
    void refusalReachesAClientStillSendingItsBody()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("PUT /api/v1/namespaces/_/actions/huge HTTP/1.1\r\nHost: x\r\n" + authHeader() +
                     "Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n");
        socket.write(QByteArray(4 * 1024 * 1024, 'x'));
        const QByteArray answer =
            readUntil(socket, 10000, [](const QByteArray &r) { return !firstResponse(r).isEmpty(); });
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    }

    void bytesThatAreNotHttpAre400AndClose()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("HELLO THERE\r\n\r\n");
        const QByteArray answer = readUntil(socket, 5000, [](const QByteArray &) { return false; });
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QVERIFY(answer.contains("\"error\":"));
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        // The server is unharmed.
        QCOMPARE(HttpClient().request("GET", m_server.url(QStringLiteral("/api/v1"))).status, 200);
    }

    void bodyOverTheLimitIs413BeforeItIsSent()
    {
        QTcpSocket socket;
        connectTo(socket);
        socket.write("PUT /api/v1/namespaces/_/actions/huge HTTP/1.1\r\nHost: x\r\n" + authHeader() +
                     "Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{\"exec\":");
        const QByteArray answer = readUntil(socket, 5000, [](const QByteArray &) { return false; });
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY2(answer.contains("1000000000"), answer.constData());
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(HttpClient()
                     .request("GET", m_server.url(QStringLiteral("/api/v1/namespaces/_/actions/huge")), {},
                              m_server.guestKey().toUtf8())
                     .status,
                 404);
    }
};

QTEST_GUILESS_MAIN(TestServerTransport)
#include "TestServerTransport.moc"
