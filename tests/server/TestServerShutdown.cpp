// Issue 18, shutdown in a bounded time, on a real `funcdeskd serve`:
// - stderr is a FIFO nobody reads, 5,000 requests fill it, SIGTERM: the server exits within
//   a few seconds (before: its request log's blocking write held the shutdown forever);
// - six blocking 3 s calls of a concurrency-1 action (one running, five queued), SIGTERM: the
//   server exits within the 2 s grace plus a margin (before: it ran all six, 18 s, waiting for
//   the connections in progress), and the queued ones are recorded, refused by the shutdown.

#include "ServerFixture.h"

#include <QDir>
#include <QScopeGuard>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr qint64 kGraceMs = 2000; // ServeCommand's kShutdownGrace, docs/server.md

// Starts funcdeskd with stderr going to `stderrPath`; the "listening" line gives the port.
bool startWithStderr(QProcess &process, const QString &dataDir, const QString &stderrPath, quint16 &port)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_MESSAGE_PATTERN"));
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    process.setProcessEnvironment(environment);
    process.setStandardErrorFile(stderrPath);
    process.start(FuncdeskdProcess::binary(), {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                                               QStringLiteral("--data-dir"), dataDir});
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000 && process.state() != QProcess::NotRunning) {
        if (process.canReadLine()) {
            const QByteArray line = process.readLine();
            const qsizetype colon = line.lastIndexOf(':');
            if (line.startsWith("funcdeskd listening on ") && colon > 0) {
                port = line.mid(colon + 1).trimmed().toUShort();
                return true;
            }
            continue;
        }
        process.waitForReadyRead(200);
    }
    return false;
}

} // namespace

class TestServerShutdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aStderrNobodyReadsDoesNotHoldTheShutdown()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("stderr.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        // Opened for reading (so the server can open it for writing) and never read.
        const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        QVERIFY(reader >= 0);
        auto closeReader = qScopeGuard([reader] { ::close(reader); });
        QProcess server;
        auto killServer = qScopeGuard([&server] {
            server.kill();
            server.waitForFinished(5000);
        });
        quint16 port = 0;
        QVERIFY(startWithStderr(server, dir.filePath(QStringLiteral("data")), fifo, port));

        // 5,000 requests, pipelined on one connection: ~250 KB of request lines, far more than
        // the FIFO holds.
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(socket.waitForConnected(5000));
        int answered = 0;
        QElapsedTimer timer;
        timer.start();
        for (int sent = 0; sent < 5000 && timer.elapsed() < 60000;) {
            for (int i = 0; i < 100; ++i, ++sent)
                socket.write("GET /api/v1 HTTP/1.1\r\nHost: x\r\n\r\n");
            while (answered < sent && timer.elapsed() < 60000) {
                socket.waitForReadyRead(100);
                answered += int(socket.readAll().count("HTTP/1.1 200"));
            }
        }
        QCOMPARE(answered, 5000);
        QTest::qWait(200); // the log's writer is now stuck on the full FIFO

        timer.restart();
        ::kill(pid_t(server.processId()), SIGTERM);
        const bool exited = server.waitForFinished(10000);
        const qint64 tookMs = timer.elapsed();
        qInfo("exit after SIGTERM with stderr stalled: %lld ms", tookMs);
        QVERIFY2(exited, "still running 10 s after SIGTERM");
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QVERIFY2(tookMs < 6000, QByteArray::number(tookMs).constData());
    }

    void queuedActivationsAreRefusedAndRecordedOnSigterm()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        QVERIFY2(server.start(), qPrintable(server.errorText()));
        const QByteArray auth = server.guestKey().toUtf8();
        HttpClient http;
        const QString action = server.url(QStringLiteral("/api/v1/namespaces/_/actions/slow"));
        QCOMPARE(http.request("PUT", action,
                              nodeAction(QStringLiteral("function main(){return new Promise(r => setTimeout(() => "
                                                        "r({done: true}), 3000))}"),
                                         {}, {{QStringLiteral("concurrency"), 1}}),
                              auth)
                     .status,
                 200);
        // Six blocking calls, each on its own connection: one runs, five wait for their turn on
        // their connections' threads.
        const QUrl url(action);
        const QByteArray authorization = "Basic " + auth.toBase64();
        std::vector<std::unique_ptr<QTcpSocket>> callers;
        for (int i = 0; i < 6; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(url.host(), quint16(url.port()));
            QVERIFY(socket->waitForConnected(5000));
            socket->write("POST " + url.path().toUtf8() + "?blocking=true HTTP/1.1\r\nHost: x\r\nAuthorization: " +
                          authorization + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            QVERIFY(socket->waitForBytesWritten(5000));
            callers.push_back(std::move(socket));
        }
        QTest::qWait(1000); // the first one runs, five wait for their turn

        QElapsedTimer timer;
        timer.start();
        QCOMPARE(server.stop(), 0);
        const qint64 tookMs = timer.elapsed();
        qInfo("exit after SIGTERM with 1 running and 5 queued 3 s calls: %lld ms", tookMs);
        QVERIFY2(tookMs < kGraceMs + 3000, QByteArray::number(tookMs).constData());

        // Every one is recorded; the queued ones say the shutdown refused them.
        QVERIFY(server.start());
        const HttpResult list = http.request(
            "GET", server.url(QStringLiteral("/api/v1/namespaces/_/activations?name=slow&docs=true")), {}, auth);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.array().size(), 6);
        int refused = 0;
        for (const QJsonValue &record : list.array()) {
            const QJsonObject response = record.toObject().value(QStringLiteral("response")).toObject();
            const QString error =
                response.value(QStringLiteral("result")).toObject().value(QStringLiteral("error")).toString();
            bool cancelled = false;
            for (const QJsonValue &annotation : record.toObject().value(QStringLiteral("annotations")).toArray()) {
                if (annotation.toObject().value(QStringLiteral("key")) == QStringLiteral("cancelled"))
                    cancelled = annotation.toObject().value(QStringLiteral("value")).toBool();
            }
            if (error == QStringLiteral("Cancelled: the platform is shutting down.") && cancelled)
                ++refused;
        }
        QVERIFY2(refused >= 5, QByteArray::number(refused).constData());
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerShutdown)
#include "TestServerShutdown.moc"
