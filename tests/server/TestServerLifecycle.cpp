// funcdeskd serve as a process: first start (auth file), keep-alive, a client that hangs up
// mid-invoke, SIGTERM (clean exit 0) and a restart on the same data folder that finds
// everything where it was.

#include "ServerFixture.h"

#include <QFileInfo>
#include <QTcpSocket>
#include <QTest>

class TestServerLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstStartWritesAPrivateAuthFile()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        QVERIFY2(server.start(), server.stderrText().constData());
        const QFileInfo auth(dir.filePath(QStringLiteral("auth")));
        QVERIFY(auth.exists());
        QCOMPARE(auth.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QVERIFY(server.guestKey().toUtf8().contains(':'));
        QCOMPARE(server.guestKey().toUtf8().size() - server.guestKey().toUtf8().indexOf(':') - 1, 64);
        QVERIFY(server.stop() == 0);
        // stderr names the file and never prints the key itself.
        const QByteArray log = server.stderrText();
        QVERIFY(log.contains(dir.filePath(QStringLiteral("auth")).toUtf8()));
        QVERIFY(!log.contains(server.guestKey().toUtf8().mid(server.guestKey().toUtf8().indexOf(':') + 1)));
    }

    void eachRequestIsLoggedOnOneLine()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        QVERIFY(server.start());
        HttpClient http;
        QCOMPARE(http.request("GET", server.url(QStringLiteral("/api/v1"))).status, 200);
        QCOMPARE(http.request("GET", server.url(QStringLiteral("/api/v1/namespaces/_/actions?x=%0Aforged"))).status,
                 401);
        // Written in batches, but within a fraction of a second while the server runs.
        QTRY_VERIFY_WITH_TIMEOUT(server.stderrText().contains("funcdesk.http: GET /api/v1/namespaces/_/actions 401 "),
                                 5000);
        const QByteArray running = server.stderrText();
        QVERIFY2(running.contains("funcdesk.http: GET /api/v1 200 "), running.constData());
        QVERIFY(!running.contains("forged")); // never the query
        // A request answered just before SIGTERM: its line is written before the shutdown note.
        QCOMPARE(http.request("GET", server.url(QStringLiteral("/api/v1/namespaces"))).status, 401);
        QCOMPARE(server.stop(), 0);
        const QByteArray all = server.stderrText();
        static const QRegularExpression requestLine(
            QStringLiteral("^funcdesk\\.http: GET /api/v1\\S* [0-9]{3} [0-9.]+ms( id=\\w+)?$"),
            QRegularExpression::MultilineOption);
        int lines = 0;
        for (auto it = requestLine.globalMatch(QString::fromUtf8(all)); it.hasNext(); it.next())
            ++lines;
        QCOMPARE(lines, 3); // whole lines, none glued to another
        QCOMPARE(all.count("funcdesk.http: "), 3);
        const qsizetype last = all.indexOf("funcdesk.http: GET /api/v1/namespaces 401 ");
        QVERIFY2(last >= 0 && last < all.indexOf("funcdeskd: shutting down"), all.constData());
    }

    void quietLogsNoRequests()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        QVERIFY(server.start(0, {QStringLiteral("--quiet")}));
        HttpClient http;
        QCOMPARE(http.request("GET", server.url(QStringLiteral("/api/v1"))).status, 200);
        QCOMPARE(server.stop(), 0);
        QVERIFY(server.stderrText().contains("funcdeskd: shutting down")); // stderr was read to the end
        QVERIFY(!server.stderrText().contains("funcdesk.http"));
    }

    void authOptionSetsTheGuestKey()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        const QByteArray auth = "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:" + QByteArray(64, 'k');
        QVERIFY(server.start(0, {QStringLiteral("--auth"), QString::fromLatin1(auth)}));
        QCOMPARE(server.guestKey().toUtf8(), auth);
        HttpClient http;
        QCOMPARE(http.request("GET", server.url(QStringLiteral("/api/v1/namespaces")), {}, auth).status, 200);
        QCOMPARE(server.stop(), 0);
    }

    void keepAliveServesManyRequestsOnOneConnection()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        QVERIFY(server.start());
        const QUrl url(server.url(QStringLiteral("/api/v1")));
        QTcpSocket socket;
        socket.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(socket.waitForConnected(5000));
        for (int i = 0; i < 3; ++i) {
            socket.write("GET /api/v1 HTTP/1.1\r\nHost: x\r\n\r\n");
            // Read one whole response: headers, then Content-Length bytes.
            const QByteArray response =
                readUntil(socket, 5000, [](const QByteArray &r) { return !firstResponse(r).isEmpty(); });
            QVERIFY(response.toLower().contains("content-length: "));
            const qsizetype expected = firstResponse(response).size();
            QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
            QCOMPARE(response.size(), expected);
            QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        }
        QCOMPARE(server.stop(), 0);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        QVERIFY(server.start());
        HttpClient http;
        QCOMPARE(http.request("PUT", server.url(QStringLiteral("/api/v1/namespaces/_/actions/later")),
                              nodeAction(QStringLiteral(
                                  "function main(){return new Promise(r => setTimeout(() => r({first: true}), 300))}")),
                              server.guestKey().toUtf8())
                     .status,
                 200);
        const QUrl url(server.url(QStringLiteral("/")));
        QTcpSocket socket;
        socket.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(socket.waitForConnected(5000));
        // Two requests in one write: a slow invoke, then a GET the server can answer at once.
        socket.write("POST /api/v1/namespaces/_/actions/later?blocking=true&result=true HTTP/1.1\r\nHost: x\r\n"
                     "Authorization: Basic " +
                     server.guestKey().toUtf8().toBase64() +
                     "\r\nContent-Length: 2\r\n\r\n{}"
                     "GET /api/v1 HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray received;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000 && (!received.contains("first") || !received.contains("api_version"))) {
            socket.waitForReadyRead(100);
            received += socket.readAll();
        }
        QVERIFY(received.contains("first"));
        QVERIFY(received.contains("api_version"));
        QVERIFY2(received.indexOf("first") < received.indexOf("api_version"), received.constData());
        QCOMPARE(server.stop(), 0);
    }

    void clientHangingUpMidInvokeLeavesTheServerServing()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        QVERIFY(server.start());
        HttpClient http;
        QCOMPARE(http.request("PUT", server.url(QStringLiteral("/api/v1/namespaces/_/actions/slow")),
                              nodeAction(QStringLiteral(
                                  "function main(){return new Promise(r => setTimeout(() => r({}), 500))}")),
                              server.guestKey().toUtf8())
                     .status,
                 200);
        {
            const QUrl url(server.url(QStringLiteral("/")));
            QTcpSocket socket;
            socket.connectToHost(url.host(), quint16(url.port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write(
                "POST /api/v1/namespaces/_/actions/slow?blocking=true HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " +
                server.guestKey().toUtf8().toBase64() + "\r\nContent-Length: 2\r\n\r\n{}");
            QVERIFY(socket.waitForBytesWritten(5000));
            QTest::qWait(100);
            socket.abort();
        }
        QTest::qWait(800); // the answer arrives for a client that is gone
        QCOMPARE(http.request("GET", server.url(QStringLiteral("/api/v1"))).status, 200);
        QCOMPARE(server.stop(), 0);
    }

    void sigtermExitsCleanlyAndRestartKeepsEverything()
    {
        QTemporaryDir dir;
        QByteArray auth;
        QString activationId;
        {
            FuncdeskdProcess server(dir.path());
            QVERIFY(server.start());
            auth = server.guestKey().toUtf8();
            HttpClient http;
            const QString ns = server.url(QStringLiteral("/api/v1/namespaces/_"));
            QCOMPARE(http.request("PUT", ns + QStringLiteral("/actions/kept"),
                                  nodeAction(QStringLiteral("function main(){return {k:1}}")), auth)
                         .status,
                     200);
            QCOMPARE(http.request("PUT", ns + QStringLiteral("/triggers/t"), QByteArray("{}"), auth).status, 200);
            QCOMPARE(http.request("PUT", ns + QStringLiteral("/rules/r"),
                                  QByteArray("{\"trigger\":\"t\",\"action\":\"kept\"}"), auth)
                         .status,
                     200);
            const HttpResult invoked =
                http.request("POST", ns + QStringLiteral("/actions/kept?blocking=true"), QByteArray("{}"), auth);
            QCOMPARE(invoked.status, 200);
            activationId = invoked.object().value(QStringLiteral("activationId")).toString();
            QCOMPARE(server.stop(SIGTERM), 0);
        }
        FuncdeskdProcess again(dir.path());
        QVERIFY(again.start());
        QCOMPARE(again.guestKey().toUtf8(), auth); // the same key, not a new one
        HttpClient http;
        const QString ns = again.url(QStringLiteral("/api/v1/namespaces/_"));
        QCOMPARE(http.request("GET", ns + QStringLiteral("/actions/kept"), {}, auth).status, 200);
        QCOMPARE(http.request("GET", ns + QStringLiteral("/triggers/t"), {}, auth).status, 200);
        QCOMPARE(http.request("GET", ns + QStringLiteral("/rules/r"), {}, auth)
                     .object()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("active"));
        QCOMPARE(http.request("GET", ns + QStringLiteral("/activations/") + activationId, {}, auth).status, 200);
        QCOMPARE(again.stop(SIGINT), 0);
    }

    void badUsageExitsWith2()
    {
        QProcess process;
        process.start(FuncdeskdProcess::binary(),
                      {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("99999")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        process.start(FuncdeskdProcess::binary(),
                      {QStringLiteral("serve"), QStringLiteral("--auth"), QStringLiteral("nokey")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestServerLifecycle)
#include "TestServerLifecycle.moc"
