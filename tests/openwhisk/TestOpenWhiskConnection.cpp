// The client against real sockets with no platform behind them: a refused connection, a server
// that accepts and never answers, a reverse proxy's error page, and a client destroyed with calls
// in flight. No platform is needed; the integration tests drive a real funcdeskd.

#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "support/Futures.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {
const QString kAuth = QStringLiteral("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:"
                                     "123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP");

// A loopback port nobody listens on.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

OpenWhiskConfig configFor(quint16 port)
{
    OpenWhiskConfig config;
    config.apiHost = QStringLiteral("http://127.0.0.1:%1").arg(port);
    config.auth = kAuth;
    config.requestTimeoutMs = 5000;
    config.pollIntervalMs = 50;
    config.retryBaseMs = 50;
    config.retryMaxMs = 200;
    return config;
}

void verifyNoKey(const QString &text)
{
    const QString key = kAuth.section(QLatin1Char(':'), 1);
    QVERIFY2(!text.contains(key), qPrintable(text));
    QVERIFY2(!text.contains(QString::fromLatin1(kAuth.toUtf8().toBase64())), qPrintable(text));
}

// Accepts connections, reads what comes, and answers every request with `response` (or never).
class CannedHttpServer : public QTcpServer
{
public:
    explicit CannedHttpServer(QByteArray response = {}) : m_response(std::move(response))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                m_sockets.append(socket);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_received += socket->readAll();
                    if (!m_response.isEmpty() && m_received.contains("\r\n\r\n"))
                        socket->write(m_response);
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
    const QByteArray &received() const { return m_received; }

private:
    QByteArray m_response;
    QByteArray m_received;
    QList<QTcpSocket *> m_sockets;
};
Action nodeAction()
{
    Action action;
    action.exec = Exec{QStringLiteral("nodejs:20"), QStringLiteral("function main() {}"), {}, {}, {}, {}, {}};
    return action;
}

// The bytes putAction sends (to a server that never answers).
QByteArray sentPut(const QString &name, const Action &action, const PutOptions &options)
{
    CannedHttpServer silent;
    OpenWhiskConfig config = configFor(silent.serverPort());
    config.requestTimeoutMs = 300;
    OpenWhiskPlatform platform(config);
    wait(platform.putAction(name, action, options));
    return silent.received();
}
} // namespace

class TestOpenWhiskConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedConnectionIsANetworkErrorAndMakesThePlatformUnavailable()
    {
        OpenWhiskPlatform platform(configFor(closedPort()));
        QSignalSpy availability(&platform, &Platform::availabilityChanged);
        QSignalSpy exchanges(&platform, &OpenWhiskPlatform::exchangeFinished);

        const auto actions = wait(platform.listActions({}));
        QVERIFY(!actions);
        QCOMPARE(actions.error().kind, PlatformError::Kind::Network);
        verifyNoKey(actions.error().message);
        QVERIFY(!platform.isAvailable());
        QTRY_COMPARE(availability.size(), 1);
        QCOMPARE(availability.first().at(0).toBool(), false);
        verifyNoKey(availability.first().at(1).toString());

        // Every exchange is reported, with status 0 and no credentials in the URL.
        QTRY_VERIFY(!exchanges.isEmpty());
        for (const auto &exchange : exchanges) {
            QCOMPARE(exchange.at(2).toInt(), 0);
            QVERIFY(exchange.at(1).toUrl().userInfo().isEmpty());
        }

        // A second failure does not repeat the signal.
        QVERIFY(!wait(platform.getAction(QStringLiteral("hello"))));
        QCOMPARE(availability.size(), 1);
    }

    void silentServerTimesOut()
    {
        CannedHttpServer silent;
        OpenWhiskConfig config = configFor(silent.serverPort());
        config.requestTimeoutMs = 300;
        OpenWhiskPlatform platform(config);
        QSignalSpy availability(&platform, &Platform::availabilityChanged);

        QElapsedTimer clock;
        clock.start();
        const auto action = wait(platform.getAction(QStringLiteral("hello")));
        QVERIFY(!action);
        QCOMPARE(action.error().kind, PlatformError::Kind::Timeout);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        // A slow answer is not an unreachable platform.
        QVERIFY(availability.isEmpty());
    }

    void requestsCarryBasicAuthAndJson()
    {
        const QByteArray received =
            sentPut(QStringLiteral("pkg/hello"), nodeAction(), PutOptions{true, {QStringLiteral("web-export")}});
        QVERIFY2(received.contains("PUT /api/v1/namespaces/_/actions/pkg/hello?overwrite=true HTTP/1.1"),
                 received.constData());
        QVERIFY(received.contains("Authorization: Basic " + kAuth.toUtf8().toBase64()));
        QVERIFY(received.contains("Content-Type: application/json"));
        QVERIFY(received.contains(R"("delAnnotations":["web-export"])"));
    }

    void sandboxLimitsTravelAsGivenAndWarmInstancesStaysHome()
    {
        Action action = nodeAction();
        ActionLimits limits;
        limits.storageMb = 2048;
        limits.network = QStringLiteral("off");
        limits.minInstances = 2;
        action.limits = limits;
        action.warmInstances = 2; // as a GET returned it: read-only, not sent back
        const QByteArray received = sentPut(QStringLiteral("hello"), action, PutOptions{true, {}});
        QVERIFY2(received.contains(R"("storage":2048)"), received.constData());
        QVERIFY2(received.contains(R"("network":"off")"), received.constData());
        QVERIFY2(received.contains(R"("minInstances":2)"), received.constData());
        QVERIFY2(!received.contains("warmInstances"), received.constData());
    }

    void controllerRootIsAskedWithoutTheKey()
    {
        CannedHttpServer silent;
        OpenWhiskConfig config = configFor(silent.serverPort());
        config.ns = QStringLiteral("guest"); // no namespace lookup
        config.requestTimeoutMs = 300;
        OpenWhiskPlatform platform(config);
        wait(platform.info());
        QVERIFY2(silent.received().startsWith("GET / HTTP/1.1"), silent.received().constData());
        QVERIFY(!silent.received().contains("Authorization"));
    }

    void proxyErrorPageIsAServerErrorWithTheStatus()
    {
        CannedHttpServer proxy(
            QByteArrayLiteral("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 24\r\n"
                              "Connection: close\r\n\r\n<html>Bad Gateway</html>"));
        OpenWhiskPlatform platform(configFor(proxy.serverPort()));
        const auto outcome = wait(platform.invokeAction(QStringLiteral("hello"), {}, InvokeOptions{}));
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().kind, PlatformError::Kind::Server);
        QVERIFY2(outcome.error().message.contains(QLatin1StringView("502")), qPrintable(outcome.error().message));
    }

    void aNameIsRequiredAndNothingIsSent()
    {
        OpenWhiskPlatform platform(configFor(closedPort()));
        QSignalSpy exchanges(&platform, &OpenWhiskPlatform::exchangeFinished);
        const auto action = wait(platform.getAction(QString()));
        QVERIFY(!action);
        QCOMPARE(action.error().kind, PlatformError::Kind::Invalid);
        QVERIFY(exchanges.isEmpty());
    }

    void unusableHostIsANetworkError()
    {
        OpenWhiskConfig config = configFor(1);
        config.apiHost = QStringLiteral("http://");
        OpenWhiskPlatform platform(config);
        const auto actions = wait(platform.listActions({}));
        QVERIFY(!actions);
        QCOMPARE(actions.error().kind, PlatformError::Kind::Network);
    }

    void pollingAnUnreachablePlatformReportsOnceAndKeepsTrying()
    {
        OpenWhiskPlatform platform(configFor(closedPort()));
        QSignalSpy availability(&platform, &Platform::availabilityChanged);
        QSignalSpy exchanges(&platform, &OpenWhiskPlatform::exchangeFinished);
        platform.setLiveActivations(true);
        QTRY_COMPARE(availability.size(), 1);
        QCOMPARE(availability.first().at(0).toBool(), false);
        verifyNoKey(availability.first().at(1).toString());
        // Backing off (50, 100, 200, 200 ms ...) it keeps asking, without repeating the signal.
        QTRY_VERIFY(exchanges.size() >= 4);
        QCOMPARE(availability.size(), 1);
        platform.setLiveActivations(false);
        QTest::qWait(100); // a request already on its way still reports its exchange
        const qsizetype asked = exchanges.size();
        QTest::qWait(400);
        QCOMPARE(exchanges.size(), asked);
    }

    void destroyingThePlatformFinishesPendingCalls()
    {
        CannedHttpServer silent;
        auto platform = std::make_unique<OpenWhiskPlatform>(configFor(silent.serverPort()));
        QSignalSpy availability(platform.get(), &Platform::availabilityChanged);
        auto pending = platform->listActions({});
        platform->setLiveActivations(true);
        QTRY_VERIFY(!silent.received().isEmpty());
        platform.reset();
        QVERIFY(pending.isFinished());
        QVERIFY(!pending.result());
        QCOMPARE(pending.result().error().kind, PlatformError::Kind::Network);
        QVERIFY(availability.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOpenWhiskConnection)
#include "TestOpenWhiskConnection.moc"
