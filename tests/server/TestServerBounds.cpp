// funcdeskd's memory and disk after a flood of logs (issue 18): the server's RSS returns near
// its idle level once eight activations with 10 MB of logs each have ended, the database's size
// is in `GET /`, and a lower retention.maxBytes shrinks the files at the next start.

#include "ServerFixture.h"

#include <QTest>

#include <cctype>
#include <memory>
#include <vector>

namespace {

// VmRSS of a process in kB, or -1.
qint64 rssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// The mappings of a process holding more than 1 MB resident, for a failure's message.
QString largeMappings(qint64 pid)
{
    QFile smaps(QStringLiteral("/proc/%1/smaps").arg(pid));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    QString out;
    QByteArray header;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        if (!line.isEmpty() && !std::isupper(static_cast<unsigned char>(line.at(0))))
            header = line;
        else if (line.startsWith("Rss:") && line.mid(4).trimmed().split(' ').first().toLongLong() > 1024)
            out += QString::fromLatin1(header.simplified() + ' ' + line.simplified() + '\n');
    }
    return out;
}

// Prints ~10.5 MB in 1000-character lines: past the 10 MB log limit.
const QString kFlood =
    QStringLiteral("function main(){ const line = 'x'.repeat(1000); for (let i = 0; i < 10500; i++) console.log(line);"
                   " return {done: true}; }");

} // namespace

class TestServerBounds : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FuncdeskdProcess m_server{m_dir.path()};
    HttpClient m_http;

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return m_http.request(method, m_server.url(QStringLiteral("/api/v1/namespaces/_") + path), body,
                              m_server.guestKey().toUtf8());
    }
    void put(const QString &name, const QString &code)
    {
        const HttpResult result =
            call("PUT", QStringLiteral("/actions/") + name + QStringLiteral("?overwrite=true"), nodeAction(code));
        QVERIFY2(result.status == 200, result.body.constData());
    }
    qint64 databaseBytes()
    {
        const HttpResult root = m_http.request("GET", m_server.url(QStringLiteral("/")));
        return root.object()
            .value(QStringLiteral("funcdesk"))
            .toObject()
            .value(QStringLiteral("databaseBytes"))
            .toInteger(-1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), m_server.stderrText().constData());
        put(QStringLiteral("flood"), kFlood);
        put(QStringLiteral("quiet"), QStringLiteral("function main(){ console.log('hi'); return {}; }"));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void rssReturnsNearItsIdleLevelAfterALogFlood()
    {
#if defined(__SANITIZE_THREAD__)
        // ThreadSanitizer keeps shadow memory for every byte the flood touched (several times
        // the heap), so funcdeskd's RSS cannot return near its idle level in this build.
        QSKIP("RSS bounds are not measurable under ThreadSanitizer (its shadow memory)");
#endif
        // Idle: the server after eight plain calls at once (its threads, executor and store in
        // use as the flood will use them).
        QNetworkAccessManager manager;
        const auto eightAtOnce = [&](const QString &action) {
            std::vector<QNetworkReply *> replies;
            for (int i = 0; i < 8; ++i) {
                QNetworkRequest request{
                    QUrl(m_server.url(QStringLiteral("/api/v1/namespaces/_/actions/%1?blocking=true").arg(action)))};
                request.setRawHeader("Authorization", "Basic " + m_server.guestKey().toUtf8().toBase64());
                request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
                replies.push_back(manager.post(request, QByteArray("{}")));
            }
            return replies;
        };
        for (QNetworkReply *reply : eightAtOnce(QStringLiteral("quiet"))) {
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 60000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QTest::qWait(3000);
        const qint64 idle = rssKb(m_server.processId());
        QVERIFY(idle > 0);

        const std::vector<QNetworkReply *> replies = eightAtOnce(QStringLiteral("flood"));
        qint64 peak = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            (peak = std::max(peak, rssKb(m_server.processId())),
             std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); })),
            120000);
        for (QNetworkReply *reply : replies) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            const QJsonObject activation = QJsonDocument::fromJson(reply->readAll()).object();
            const QJsonArray logs = activation.value(QStringLiteral("logs")).toArray();
            QVERIFY(logs.last().toString().contains(QLatin1String("Logs were truncated")));
            reply->deleteLater();
        }
        qint64 after = 0;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (after = rssKb(m_server.processId())) <= idle * 6 / 5,
            qPrintable(QStringLiteral("idle %1 kB, peak %2 kB, after %3 kB; mappings over 1 MB:\n%4")
                           .arg(idle)
                           .arg(peak)
                           .arg(after)
                           .arg(largeMappings(m_server.processId()))),
            20000);
        qInfo("RSS: idle %lld kB, peak %lld kB, after the flood %lld kB", idle, peak, after);
    }

    void aLowerRetentionByBytesShrinksTheFilesAtTheNextStart()
    {
        const qint64 before = databaseBytes();
        QVERIFY2(before > 40 * 1000 * 1000, qPrintable(QString::number(before))); // the flood's records
        QCOMPARE(m_server.stop(), 0);
        QVERIFY2(
            m_server.start(m_server.port(), {QStringLiteral("--set"), QStringLiteral("retention.maxBytes=1000000")}),
            m_server.stderrText().constData());
        qint64 after = -1;
        QTRY_VERIFY2_WITH_TIMEOUT((after = databaseBytes()) >= 0 && after < 5 * 1000 * 1000,
                                  qPrintable(QStringLiteral("%1 -> %2 bytes").arg(before).arg(after)), 20000);
        const HttpResult list = call("GET", QStringLiteral("/activations?limit=200"));
        QVERIFY(list.array().size() < 16); // the quiet ones, and no flood record of 10 MB
    }
};

QTEST_GUILESS_MAIN(TestServerBounds)
#include "TestServerBounds.moc"
