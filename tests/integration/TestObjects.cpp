// Funcdesk's object storage on a real funcdeskd, over raw HTTP as any S3-minded client would use
// it: buckets, streamed uploads (large, interrupted, over the limit), Range, HEAD, listings, and
// keys that try to leave their bucket.

#include "IntegrationFixture.h"
#include "RawHttp.h"

#include "TestSuites.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QThread>

using namespace funcdesk;

namespace {

qint64 vmValue(qint64 pid, const QByteArray &field) // kB
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QStringList leftoverUploads(const QString &dataDir)
{
    QStringList found;
    QDirIterator it(dataDir + QStringLiteral("/buckets"), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileName().startsWith(QLatin1StringView(".funcdesk-upload-")))
            found.append(path);
    }
    return found;
}

} // namespace

class TestObjects : public IntegrationSuite
{
    Q_OBJECT

    QByteArray authorization() { return "Basic " + fixture.server().guestKey().toUtf8().toBase64(); }

    QString bucketPath(const QString &bucket) { return QStringLiteral("/api/v1/namespaces/_/buckets/") + bucket; }

    HttpAnswer request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       QList<std::pair<QByteArray, QByteArray>> headers = {}, int repeat = 0)
    {
        return rawRequest(fixture.server().port(), authorization(), method, path, body, headers, repeat);
    }

    void createBucket(const QString &bucket)
    {
        const HttpAnswer created = request("PUT", bucketPath(bucket));
        QVERIFY2(created.status == 200, created.body.constData());
    }

private Q_SLOTS:
    void bucketsAreCreatedListedAndDeletedOnlyWhenEmpty()
    {
        createBucket(QStringLiteral("photos"));
        QCOMPARE(request("PUT", bucketPath(QStringLiteral("photos"))).status, 409);
        QCOMPARE(request("PUT", bucketPath(QStringLiteral("Bad_Name"))).status, 400);
        const HttpAnswer list = request("GET", QStringLiteral("/api/v1/namespaces/_/buckets"));
        QCOMPARE(list.status, 200);
        QVERIFY2(list.body.contains("\"photos\""), list.body.constData());

        QCOMPARE(request("PUT", bucketPath(QStringLiteral("photos")) + QStringLiteral("/objects/a.txt"), "x").status,
                 200);
        const HttpAnswer refused = request("DELETE", bucketPath(QStringLiteral("photos")));
        QCOMPARE(refused.status, 409);
        QCOMPARE(request("DELETE", bucketPath(QStringLiteral("photos")) + QStringLiteral("/objects/a.txt")).status,
                 204);
        QCOMPARE(request("DELETE", bucketPath(QStringLiteral("photos"))).status, 204);
        QCOMPARE(request("GET", bucketPath(QStringLiteral("photos")) + QStringLiteral("/objects")).status, 404);
    }

    void putGetHeadAndDeleteAnObject()
    {
        createBucket(QStringLiteral("docs"));
        const QString url = bucketPath(QStringLiteral("docs")) + QStringLiteral("/objects/reports/2026/q1.csv");
        const QByteArray content = "id,amount\n1,10\n2,20\n";
        const HttpAnswer put = request("PUT", url, content, {{"Content-Type", "text/csv"}});
        QCOMPARE(put.status, 200);
        const QByteArray md5 = QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex();
        QCOMPARE(put.headers.value("etag"), '"' + md5 + '"');
        QCOMPARE(put.json().toObject().value(QLatin1StringView("size")).toInt(), content.size());

        const HttpAnswer get = request("GET", url);
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body, content);
        QCOMPARE(get.headers.value("content-type"), QByteArray("text/csv"));
        QCOMPARE(get.headers.value("etag"), '"' + md5 + '"');

        const HttpAnswer head = request("HEAD", url);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.headers.value("content-length").toLongLong(), content.size());
        QVERIFY(head.body.isEmpty());

        QCOMPARE(request("DELETE", url).status, 204);
        QCOMPARE(request("GET", url).status, 404);
        QCOMPARE(request("DELETE", url).status, 404);
        // The folders the key made are gone with it.
        QVERIFY(!QFile::exists(fixture.server().dataDir() + QStringLiteral("/buckets/guest/docs/reports")));
    }

    void rangeRequestsAnswer206Or416()
    {
        createBucket(QStringLiteral("ranges"));
        const QString url = bucketPath(QStringLiteral("ranges")) + QStringLiteral("/objects/digits");
        QCOMPARE(request("PUT", url, "0123456789").status, 200);
        HttpAnswer part = request("GET", url, {}, {{"Range", "bytes=2-5"}});
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, QByteArray("2345"));
        QCOMPARE(part.headers.value("content-range"), QByteArray("bytes 2-5/10"));
        part = request("GET", url, {}, {{"Range", "bytes=-3"}});
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, QByteArray("789"));
        part = request("GET", url, {}, {{"Range", "bytes=7-"}});
        QCOMPARE(part.body, QByteArray("789"));
        const HttpAnswer beyond = request("GET", url, {}, {{"Range", "bytes=10-20"}});
        QCOMPARE(beyond.status, 416);
        QCOMPARE(beyond.headers.value("content-range"), QByteArray("bytes */10"));
    }

    void keysThatLeaveTheBucketAreRefused()
    {
        createBucket(QStringLiteral("jail"));
        const QString objects = bucketPath(QStringLiteral("jail")) + QStringLiteral("/objects/");
        for (const char *key : {"../escape", "a/../../escape", "./x", "a//b", "%2Fetc%2Fpasswd", "a%5Cb", "a%00b",
                                "a/%2E%2E/%2E%2E/x", "..", "dir/"}) {
            const HttpAnswer put = request("PUT", objects + QLatin1StringView(key), "evil");
            QVERIFY2(put.status == 400, qPrintable(QStringLiteral("%1 → %2 %3")
                                                       .arg(QLatin1StringView(key))
                                                       .arg(put.status)
                                                       .arg(QString::fromUtf8(put.body))));
            QVERIFY2(!put.json().toObject().value(QLatin1StringView("error")).toString().isEmpty(), key);
        }
        QVERIFY(!QFile::exists(fixture.server().dataDir() + QStringLiteral("/buckets/guest/escape")));
        QVERIFY(!QFile::exists(fixture.server().dataDir() + QStringLiteral("/buckets/escape")));
        QVERIFY(leftoverUploads(fixture.server().dataDir()).isEmpty());
    }

    void listingPagesAndFoldsAtTheDelimiter()
    {
        createBucket(QStringLiteral("tree"));
        const QString base = bucketPath(QStringLiteral("tree"));
        for (const char *key : {"a.txt", "b/1.txt", "b/2.txt", "c/x/1.txt", "d.csv", "e.csv"})
            QCOMPARE(request("PUT", base + QStringLiteral("/objects/") + QLatin1StringView(key), key).status, 200);
        auto keys = [](const HttpAnswer &answer) {
            QStringList list;
            for (const QJsonValue &object : answer.json().toObject().value(QLatin1StringView("objects")).toArray())
                list.append(object.toObject().value(QLatin1StringView("key")).toString());
            return list;
        };
        const HttpAnswer all = request("GET", base + QStringLiteral("/objects"));
        QCOMPARE(keys(all),
                 QStringList({QStringLiteral("a.txt"), QStringLiteral("b/1.txt"), QStringLiteral("b/2.txt"),
                              QStringLiteral("c/x/1.txt"), QStringLiteral("d.csv"), QStringLiteral("e.csv")}));
        QCOMPARE(keys(request("GET", base + QStringLiteral("/objects?prefix=b/"))),
                 QStringList({QStringLiteral("b/1.txt"), QStringLiteral("b/2.txt")}));
        QCOMPARE(keys(request("GET", base + QStringLiteral("/objects?limit=2&skip=3"))),
                 QStringList({QStringLiteral("c/x/1.txt"), QStringLiteral("d.csv")}));
        const HttpAnswer folded = request("GET", base + QStringLiteral("/objects?delimiter=/"));
        QCOMPARE(keys(folded),
                 QStringList({QStringLiteral("a.txt"), QStringLiteral("d.csv"), QStringLiteral("e.csv")}));
        QCOMPARE(folded.json().toObject().value(QLatin1StringView("prefixes")).toArray(),
                 QJsonArray({QStringLiteral("b/"), QStringLiteral("c/")}));
        QCOMPARE(request("GET", base + QStringLiteral("/objects?limit=0")).status, 400);
    }

    void largeUploadIsStreamedNotHeldInMemory()
    {
        createBucket(QStringLiteral("big"));
        const qint64 pid = fixture.server().processId();
        const qint64 peakBefore = vmValue(pid, "VmHWM");
        QVERIFY(peakBefore > 0);
        QByteArray piece(1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < piece.size(); ++i)
            piece[i] = char(i * 7 + 3);
        QCryptographicHash md5(QCryptographicHash::Md5);
        for (int i = 0; i < 50; ++i)
            md5.addData(piece);
        const QString url = bucketPath(QStringLiteral("big")) + QStringLiteral("/objects/blob.bin");
        const HttpAnswer put = request("PUT", url, piece, {}, 50);
        QCOMPARE(put.status, 200);
        QCOMPARE(put.headers.value("etag"), '"' + md5.result().toHex() + '"');
        const qint64 peakAfter = vmValue(pid, "VmHWM");
        // 50 MB went through; the server's peak grew by far less than the body.
        QVERIFY2(peakAfter - peakBefore < 20 * 1024,
                 qPrintable(QStringLiteral("VmHWM %1 kB → %2 kB").arg(peakBefore).arg(peakAfter)));
        const HttpAnswer head = request("HEAD", url);
        QCOMPARE(head.headers.value("content-length").toLongLong(), 50LL * 1024 * 1024);
        const HttpAnswer tail = request("GET", url, {}, {{"Range", "bytes=-4"}});
        QCOMPARE(tail.body, piece.right(4));
    }

    void interruptedUploadLeavesNoObjectAndNoFile()
    {
        createBucket(QStringLiteral("cut"));
        const QString url = bucketPath(QStringLiteral("cut")) + QStringLiteral("/objects/partial.bin");
        {
            QTcpSocket socket;
            socket.connectToHost(QStringLiteral("127.0.0.1"), fixture.server().port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write("PUT " + url.toUtf8() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization() +
                         "\r\nContent-Length: 10485760\r\n\r\n");
            socket.write(QByteArray(1024 * 1024, 'p'));
            while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(5000)) {
            }
            QTRY_VERIFY_WITH_TIMEOUT(!leftoverUploads(fixture.server().dataDir()).isEmpty(), 5000);
            socket.abort();
        }
        QTRY_VERIFY_WITH_TIMEOUT(leftoverUploads(fixture.server().dataDir()).isEmpty(), 5000);
        QCOMPARE(request("GET", url).status, 404);
    }

    void bodyOverTheLimitIs413()
    {
        createBucket(QStringLiteral("limit"));
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), fixture.server().port());
        QVERIFY(socket.waitForConnected(5000));
        const QString url = bucketPath(QStringLiteral("limit")) + QStringLiteral("/objects/huge.bin");
        socket.write("PUT " + url.toUtf8() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization() +
                     "\r\nContent-Length: 209715200\r\n\r\n");
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY2(answer.contains("104857600"), answer.constData()); // the object limit, not the API's
        QCOMPARE(request("GET", url).status, 404);
    }

    void objectsNeedCredentialsAndStayInTheirNamespace()
    {
        createBucket(QStringLiteral("private"));
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), fixture.server().port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("PUT /api/v1/namespaces/_/buckets/private/objects/x HTTP/1.1\r\nHost: localhost\r\n"
                     "Connection: close\r\nContent-Length: 3\r\n\r\nabc");
        QByteArray answer;
        while (socket.waitForReadyRead(5000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
        QCOMPARE(request("PUT", QStringLiteral("/api/v1/namespaces/other/buckets/private/objects/x"), "abc").status,
                 403);
        QCOMPARE(request("GET", bucketPath(QStringLiteral("private")) + QStringLiteral("/objects/x")).status, 404);
    }

    // Last: it restarts the server.
    void aRestartRemovesWhatACrashedUploadLeftAndKeepsTheObjects()
    {
        createBucket(QStringLiteral("crashed"));
        const QString url = bucketPath(QStringLiteral("crashed")) + QStringLiteral("/objects/kept.txt");
        QCOMPARE(request("PUT", url, "kept").status, 200);
        fixture.stop();
        // What a kill during an upload leaves: the temporary file, written up to where it stopped.
        const QString folder = fixture.server().dataDir() + QStringLiteral("/buckets/guest/crashed/");
        QFile leftover(folder + QStringLiteral(".funcdesk-upload-5eed"));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.write(QByteArray(4096, 'c'));
        leftover.close();
        QCOMPARE(leftoverUploads(fixture.server().dataDir()).size(), 1);

        QVERIFY2(fixture.restart(), qPrintable(fixture.errorText()));
        QVERIFY(leftoverUploads(fixture.server().dataDir()).isEmpty());
        const HttpAnswer kept = request("GET", url);
        QCOMPARE(kept.status, 200);
        QCOMPARE(kept.body, QByteArray("kept"));
        const HttpAnswer listing = request("GET", bucketPath(QStringLiteral("crashed")) + QStringLiteral("/objects"));
        QCOMPARE(listing.json().toObject().value(QLatin1StringView("objects")).toArray().size(), 1);
    }
};

FUNCDESK_INTEGRATION_SUITE(TestObjects)

#include "TestObjects.moc"
