// PendingReply decides who answers a blocking invoke whose wait ran out just as the activation
// ended: the connection's thread (the result) or the engine's timer (a 202). Exactly one answer
// goes out, and when the timer wins, the connection's own thread must see that the connection
// is no longer its to read. A real socket pair stands in for the client.
#include "server/HttpConnection.h"
#include "server/Reply.h"

#include <QTest>

#include <atomic>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace funcdesk;

namespace {

struct Pair
{
    std::shared_ptr<HttpConnection> server;
    int client = -1;
    Pair()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0) {
            server = std::make_shared<HttpConnection>(fds[0], HttpLimits());
            client = fds[1];
        }
    }
    ~Pair()
    {
        if (client >= 0)
            ::close(client);
    }
    Reply reply() const
    {
        Reply::Context context;
        context.connection = server;
        context.method = "POST";
        context.log = nullptr;
        return Reply(std::move(context));
    }
    // Everything the server wrote so far.
    QByteArray received() const
    {
        QByteArray all;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(client, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0)
                return all;
            all.append(buffer, n);
        }
    }
};

} // namespace

class TestPendingReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theConnectionsThreadWinsWhenItTakesFirst()
    {
        Pair pair;
        QVERIFY(pair.server);
        auto pending = std::make_shared<PendingReply>(pair.reply());
        std::optional<Reply> mine = pending->take();
        QVERIFY(mine);
        pending->answerElsewhere([](Reply &late) { late.sendEmpty(202); }); // too late: nothing
        mine->sendEmpty(200);
        const QByteArray received = pair.received();
        QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
        QVERIFY(!received.contains("202"));
        QCOMPARE(pair.server->turn(), quint64(0)); // still the connection thread's
    }

    void theTimerWinsAndTakesTheConnectionWithIt()
    {
        Pair pair;
        QVERIFY(pair.server);
        auto pending = std::make_shared<PendingReply>(pair.reply());
        pending->answerElsewhere([](Reply &late) { late.sendEmpty(202); });
        QVERIFY(!pending->take());                 // the connection's thread answers nothing
        QCOMPARE(pair.server->turn(), quint64(1)); // and leaves the connection alone
        const QByteArray received = pair.received();
        QVERIFY2(received.startsWith("HTTP/1.1 202"), received.constData());
        QCOMPARE(received.count("HTTP/1.1"), 1);
    }

    // Both sides at once, many times: exactly one answer each time, and the turn moved on
    // exactly when the 202 went out.
    void racingSidesAnswerExactlyOnce()
    {
        for (int round = 0; round < 500; ++round) {
            Pair pair;
            QVERIFY(pair.server);
            auto pending = std::make_shared<PendingReply>(pair.reply());
            std::atomic_bool go = false;
            std::thread timer([&] {
                while (!go.load()) {
                }
                pending->answerElsewhere([](Reply &late) { late.sendEmpty(202); });
            });
            go = true;
            bool mineSent = false;
            if (std::optional<Reply> mine = pending->take()) {
                mine->sendEmpty(200);
                mineSent = true;
            }
            timer.join();
            const QByteArray received = pair.received();
            QCOMPARE(received.count("HTTP/1.1"), 1);
            QCOMPARE(received.startsWith("HTTP/1.1 200"), mineSent);
            QCOMPARE(pair.server->turn(), quint64(mineSent ? 0 : 1));
        }
    }
};

QTEST_GUILESS_MAIN(TestPendingReply)
#include "TestPendingReply.moc"
