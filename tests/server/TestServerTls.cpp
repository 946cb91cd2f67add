// HTTPS on a real `funcdeskd serve --tls-cert --tls-key`, with a CA and a server certificate this
// test generates (support/TestCertificates.h): an authenticated invoke over TLS; TLS 1.1, a weak
// cipher and plain HTTP on the TLS port are refused cleanly; clients that stall in the handshake
// hold no one up and are dropped at the header deadline; the transport's refusals and pipelining
// behave as over plain HTTP; and a missing, unreadable or mismatched certificate or key stops
// the start with a clear message (a group-readable key only warns).
#include "ServerFixture.h"
#include "support/TestCertificates.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using funcdesk::test::TestCertificates;

namespace {

// A raw TCP connection to 127.0.0.1:`port`, or -1.
int rawConnect(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

struct Ran
{
    int exitCode = -1;
    QByteArray output;
};

Ran runOpenssl(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    process.closeWriteChannel();
    Ran ran;
    if (process.waitForFinished(20000))
        ran.exitCode = process.exitCode();
    else
        process.kill();
    ran.output = process.readAll();
    return ran;
}

} // namespace

class TestServerTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QTemporaryDir m_certDir;
    TestCertificates m_certs;
    FuncdeskdProcess m_server{m_dir.path()};

    QByteArray key() const { return m_server.guestKey().toUtf8(); }
    QString connectArgument() const { return QStringLiteral("127.0.0.1:%1").arg(m_server.port()); }

    void connectTls(QSslSocket &socket)
    {
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server.port());
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
    }

    // `funcdeskd serve` with `arguments` on a fresh folder must not come up; its exit code and stderr.
    std::pair<int, QByteArray> refusedStart(const QStringList &arguments)
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        if (server.start(0, arguments)) {
            server.stop();
            return {0, QByteArrayLiteral("it started")};
        }
        return {server.exitCode(), server.stderrText()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid() && m_certDir.isValid());
        m_certs = TestCertificates::generate(m_certDir.path());
        QVERIFY2(m_certs.error.isEmpty(), qPrintable(m_certs.error));
        // Every client of this process (HttpClient, QSslSocket) trusts the test's CA.
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        QVERIFY(trusting.addCaCertificates(m_certs.caCertificate));
        QSslConfiguration::setDefaultConfiguration(trusting);
        QVERIFY2(
            m_server.start(0, {QStringLiteral("--tls-cert"), m_certs.serverCertificate, QStringLiteral("--tls-key"),
                               m_certs.serverKey, QStringLiteral("--header-timeout"), QStringLiteral("2")}),
            qPrintable(m_server.errorText()));
        QVERIFY2(m_server.apiHost().startsWith(QLatin1String("https://")), qPrintable(m_server.apiHost()));
        QVERIFY(!m_server.stderrText().contains("warning"));
    }
    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void authenticatedInvokeOverTls()
    {
        HttpClient http;
        QCOMPARE(http.request("PUT", m_server.url(QStringLiteral("/api/v1/namespaces/_/actions/echo")),
                              nodeAction(QStringLiteral("function main(p){return {got: p.a}}")), key())
                     .status,
                 200);
        const HttpResult invoked = http.request(
            "POST", m_server.url(QStringLiteral("/api/v1/namespaces/_/actions/echo?blocking=true&result=true")),
            "{\"a\":42}", key());
        QCOMPARE(invoked.status, 200);
        QCOMPARE(invoked.object().value(QStringLiteral("got")).toInt(), 42);
        // Still authenticated: no key, no entry.
        QCOMPARE(http.request("GET", m_server.url(QStringLiteral("/api/v1/namespaces/_/actions"))).status, 401);
    }

    void plainHttpOnTheTlsPortGetsAPlain400()
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_server.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /api/v1 HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray answer = readUntil(socket, 5000, [](const QByteArray &) { return false; });
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QVERIFY2(answer.contains("HTTPS"), answer.constData());
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(HttpClient().request("GET", m_server.url(QStringLiteral("/api/v1"))).status, 200);
    }

    void oldProtocolsAndWeakCiphersAreRefused()
    {
        // OpenSSL's client allows TLS 1.1 only at security level 0; the server must still say no.
        const Ran tls11 =
            runOpenssl({QStringLiteral("s_client"), QStringLiteral("-connect"), connectArgument(),
                        QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), QStringLiteral("DEFAULT@SECLEVEL=0")});
        QVERIFY2(tls11.exitCode != 0, tls11.output.constData());
        QVERIFY2(tls11.output.contains("protocol version") || tls11.output.contains("no protocols available"),
                 tls11.output.constData());
        const Ran weak = runOpenssl({QStringLiteral("s_client"), QStringLiteral("-connect"), connectArgument(),
                                     QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                                     QStringLiteral("AES128-SHA:@SECLEVEL=0")});
        QVERIFY2(weak.exitCode != 0, weak.output.constData());
        QVERIFY2(weak.output.contains("handshake failure"), weak.output.constData());
        // TLS 1.2 with a policy cipher is fine.
        const Ran tls12 = runOpenssl({QStringLiteral("s_client"), QStringLiteral("-connect"), connectArgument(),
                                      QStringLiteral("-tls1_2"), QStringLiteral("-CAfile"), m_certs.caCertificate});
        QVERIFY2(tls12.output.contains("Verify return code: 0 (ok)"), tls12.output.constData());
        QVERIFY2(tls12.output.contains("ECDHE"), tls12.output.constData());
    }

    // 100 clients that open a TLS handshake and stall (half a record), 100 that send nothing:
    // a normal request is answered at once, and the stalled ones are dropped at the header
    // deadline (2 s here).
    void stalledHandshakesHoldNoOneAndAreDroppedAtTheHeaderDeadline()
    {
        std::vector<int> stalled;
        for (int i = 0; i < 200; ++i) {
            const int fd = rawConnect(m_server.port());
            QVERIFY(fd >= 0);
            if (i % 2 == 0)
                QCOMPARE(::send(fd, "\x16\x03\x01\x02", 4, MSG_NOSIGNAL), 4);
            stalled.push_back(fd);
        }
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(
            HttpClient().request("GET", m_server.url(QStringLiteral("/api/v1/namespaces/_/actions")), {}, key()).status,
            200);
        QVERIFY2(timer.elapsed() < 1000, QByteArray::number(timer.elapsed()).constData());
        QVERIFY(closedWithin(stalled.front(), 6000));
        QVERIFY(closedWithin(stalled.back(), 2000));
        for (int fd : stalled)
            ::close(fd);
    }

    // Each case sent to a plain funcdeskd and to the TLS one: the same answers, the same close.
    void refusalsAndPipeliningAreTheSameOverTls()
    {
        QTemporaryDir plainData;
        FuncdeskdProcess plain(plainData.path());
        QVERIFY2(plain.start(), qPrintable(plain.errorText()));
        const auto statusLines = [](const QByteArray &answers) {
            QList<QByteArray> lines;
            for (qsizetype at = answers.indexOf("HTTP/1.1 "); at >= 0; at = answers.indexOf("HTTP/1.1 ", at + 1))
                lines.append(answers.mid(at, 12));
            return lines;
        };
        const auto exchange = [](QTcpSocket &socket, const QByteArray &auth, const QByteArray &request) {
            socket.write(QByteArray(request).replace("AUTH", auth));
            return readUntil(socket, 1500, [](const QByteArray &) { return false; });
        };
        const QList<QByteArray> requests{
            "HELLO THERE\r\n\r\n",
            "PUT /api/v1/namespaces/_/actions/huge HTTP/1.1\r\nHost: x\r\nAUTHContent-Type: application/json\r\n"
            "Content-Length: 1000000000\r\n\r\n{\"exec\":",
            // Smuggling shapes: Content-Length with Transfer-Encoding, and two Content-Lengths.
            "POST /api/v1/namespaces/_/actions/nothing?blocking=true HTTP/1.1\r\nHost: x\r\nAUTHContent-Length: 4\r\n"
            "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/v1 HTTP/1.1\r\n\r\n",
            "POST /api/v1/namespaces/_/actions/nothing?blocking=true HTTP/1.1\r\nHost: x\r\nAUTHContent-Length: 2\r\n"
            "Content-Length: 30\r\n\r\n{}GET /api/v1 HTTP/1.1\r\n\r\n",
            // Pipelined: both answered, in order, the connection kept.
            "GET /api/v1 HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/namespaces/_/actions/nothing HTTP/1.1\r\nHost: x\r\n"
            "AUTH\r\n",
        };
        for (const QByteArray &request : requests) {
            QTcpSocket plainSocket;
            plainSocket.connectToHost(QStringLiteral("127.0.0.1"), plain.port());
            QVERIFY(plainSocket.waitForConnected(5000));
            const QByteArray plainAuth = "Authorization: Basic " + plain.guestKey().toUtf8().toBase64() + "\r\n";
            const QByteArray plainAnswer = exchange(plainSocket, plainAuth, request);
            QSslSocket tlsSocket;
            connectTls(tlsSocket);
            const QByteArray tlsAuth = "Authorization: Basic " + key().toBase64() + "\r\n";
            const QByteArray tlsAnswer = exchange(tlsSocket, tlsAuth, request);
            QVERIFY2(!statusLines(plainAnswer).isEmpty(), request.constData());
            QVERIFY2(statusLines(plainAnswer) == statusLines(tlsAnswer),
                     (request + "\n-- plain:\n" + plainAnswer + "\n-- TLS:\n" + tlsAnswer).constData());
            QCOMPARE(tlsSocket.state() == QAbstractSocket::ConnectedState,
                     plainSocket.state() == QAbstractSocket::ConnectedState);
        }
        QCOMPARE(plain.stop(), 0);
    }

    void badCertificateOrKeyStopsTheStart()
    {
        const QString tlsCert = QStringLiteral("--tls-cert");
        const QString tlsKey = QStringLiteral("--tls-key");
        auto [missingCode, missing] =
            refusedStart({tlsCert, m_certDir.filePath(QStringLiteral("nope.pem")), tlsKey, m_certs.serverKey});
        QCOMPARE(missingCode, 1);
        QVERIFY2(missing.contains("cannot read the TLS certificate") && missing.contains("nope.pem"),
                 missing.constData());
        auto [notPemCode, notPem] =
            refusedStart({tlsCert, m_certDir.filePath(QStringLiteral("server.ext")), tlsKey, m_certs.serverKey});
        QCOMPARE(notPemCode, 1);
        QVERIFY2(notPem.contains("is not a PEM certificate"), notPem.constData());
        auto [mismatchCode, mismatch] = refusedStart({tlsCert, m_certs.serverCertificate, tlsKey, m_certs.otherKey});
        QCOMPARE(mismatchCode, 1);
        QVERIFY2(mismatch.contains("does not belong to the certificate"), mismatch.constData());
        auto [aloneCode, alone] = refusedStart({tlsCert, m_certs.serverCertificate});
        QCOMPARE(aloneCode, 2);
        QVERIFY2(alone.contains("--tls-cert and --tls-key go together"), alone.constData());
    }

    // A key others can read starts with a warning; TLS beyond loopback has no plain-HTTP warning.
    void readableKeyWarnsAndTlsBeyondLoopbackIsNotPlain()
    {
        const QString loose = m_certDir.filePath(QStringLiteral("loose.key"));
        QVERIFY(QFile::copy(m_certs.serverKey, loose));
        QVERIFY(QFile::setPermissions(loose, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                                 QFileDevice::ReadOther));
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        QVERIFY2(server.start(0, {QStringLiteral("--tls-cert"), m_certs.serverCertificate, QStringLiteral("--tls-key"),
                                  loose, QStringLiteral("--host"), QStringLiteral("0.0.0.0")}),
                 qPrintable(server.errorText()));
        const QByteArray log = server.stderrText();
        QVERIFY2(log.contains("can be read by other users (mode 644)"), log.constData());
        QVERIFY2(!log.contains("plain HTTP"), log.constData());
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "TestServerTls.moc"
