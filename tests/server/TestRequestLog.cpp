// RequestLog: the request lines of `funcdeskd serve`, batched. Every line appended from many
// threads arrives whole and once, within the flush interval and at destruction; a log nobody
// reads drops lines past its cap and says how many, without holding up the threads appending.

#include "server/RequestLog.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <fcntl.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace funcdesk;

namespace {

struct Pipe
{
    int fds[2] = {-1, -1};
    bool ok = false;
    Pipe() { ok = ::pipe2(fds, O_CLOEXEC) == 0; }
    ~Pipe()
    {
        for (int fd : fds)
            if (fd >= 0)
                ::close(fd);
    }
    // Everything readable now (non-blocking), or until EOF when `toEnd`.
    QByteArray read(bool toEnd)
    {
        if (!toEnd)
            ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
        QByteArray all;
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
            if (n <= 0)
                break;
            all.append(buffer, n);
        }
        return all;
    }
    void closeWriteEnd()
    {
        ::close(fds[1]);
        fds[1] = -1;
    }
};

} // namespace

class TestRequestLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // These would route or silence the lines (RequestLog.h); the tests are about the default.
        qunsetenv("QT_MESSAGE_PATTERN");
        qunsetenv("QT_LOGGING_RULES");
    }

    void linesFromManyThreadsArriveWholeAndOnce()
    {
        Pipe pipe;
        QVERIFY(pipe.ok);
        QByteArray received;
        std::thread reader([&pipe, &received] { received = pipe.read(true); });
        {
            RequestLog log(pipe.fds[1]);
            std::vector<std::thread> threads;
            for (int t = 0; t < 8; ++t) {
                threads.emplace_back([&log, t] {
                    for (int i = 0; i < 2000; ++i)
                        log.append("GET /t" + QByteArray::number(t) + "/" + QByteArray::number(i) + " 200 0.01ms");
                });
            }
            for (auto &thread : threads)
                thread.join();
        } // the destructor writes what is left
        pipe.closeWriteEnd();
        reader.join();
        const QList<QByteArray> lines = received.split('\n');
        QCOMPARE(lines.size(), 8 * 2000 + 1);
        QVERIFY(lines.last().isEmpty());
        QSet<QByteArray> seen;
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            QVERIFY2(lines[i].startsWith("funcdesk.http: GET /t") && lines[i].endsWith(" 200 0.01ms"),
                     lines[i].constData());
            seen.insert(lines[i]);
        }
        QCOMPARE(seen.size(), 8 * 2000);
    }

    void aLineIsWrittenWithoutWaitingForMore()
    {
        Pipe pipe;
        QVERIFY(pipe.ok);
        RequestLog log(pipe.fds[1]);
        log.append("GET /api/v1 200 0.08ms");
        QElapsedTimer timer;
        timer.start();
        QByteArray got;
        while (!got.contains('\n') && timer.elapsed() < 5000) {
            QTest::qWait(5);
            got += pipe.read(false);
        }
        QCOMPARE(got, QByteArray("funcdesk.http: GET /api/v1 200 0.08ms\n"));
    }

    void aLogNobodyReadsDropsLinesAndSaysHowMany()
    {
        Pipe pipe;
        QVERIFY(pipe.ok);
        const int pipeBytes = ::fcntl(pipe.fds[1], F_GETPIPE_SZ);
        const QByteArray line = "POST /api/v1/namespaces/_/actions/" + QByteArray(200, 'a') + " 200 0.10ms";
        constexpr int total = 40000; // ~9.5 MB: more than the pipe and the 4 MiB cap together
        QByteArray received;
        qint64 appendMs = 0;
        std::thread reader;
        {
            RequestLog log(pipe.fds[1]);
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < total; ++i)
                log.append(line);
            appendMs = timer.elapsed();
            // The writer thread is stuck on the full pipe: read now, so it (and the destructor
            // below, which writes what was kept and then the note) can finish.
            reader = std::thread([&pipe, &received] { received = pipe.read(true); });
        }
        pipe.closeWriteEnd();
        reader.join();
        QVERIFY2(appendMs < 5000, "appending must not wait for the reader");
        const QList<QByteArray> lines = received.split('\n');
        qsizetype kept = 0;
        qint64 dropped = 0; // summed: drops may be reported in more than one batch
        for (const QByteArray &got : lines) {
            if (got == "funcdesk.http: " + line)
                ++kept;
            else if (got.endsWith(" request lines were dropped: the log was not being read"))
                dropped += got.sliced(15, got.indexOf(' ', 15) - 15).toLongLong();
            else
                QVERIFY2(got.isEmpty(), got.left(100).constData());
        }
        QVERIFY(dropped > 0);
        QVERIFY(kept > 0);
        QCOMPARE(kept + dropped, total);
        // The cap held: what was kept is at most the batch the writer was stuck on plus the 4 MiB
        // waiting behind it (and what the pipe held), far less than the 9.5 MB appended.
        QVERIFY2(received.size() < 8 * 1024 * 1024 + pipeBytes, QByteArray::number(received.size()).constData());
    }

    void aReaderThatStallsCannotHoldFlushOrTheEnd()
    {
        Pipe pipe; // never read: the pipe fills and stays full
        QVERIFY(pipe.ok);
        std::atomic<bool> ended = false;
        std::thread user([&pipe, &ended] {
            {
                RequestLog log(pipe.fds[1]);
                for (int i = 0; i < 5000; ++i)
                    log.append("GET /api/v1/namespaces/_/actions/" + QByteArray::number(i) + " 200 0.10ms");
                log.flush();
                log.note("funcdeskd: shutting down");
            } // and the destructor
            ended = true;
        });
        QElapsedTimer timer;
        timer.start();
        const bool finished = QTest::qWaitFor([&ended] { return ended.load(); }, 8000);
        while (!ended) // held up: read, or the test cannot end
            pipe.read(false);
        user.join();
        qInfo("append, flush, note and destruction on a stalled pipe: %lld ms", timer.elapsed());
        QVERIFY2(finished, "flush() or note() waited for a reader that never came");
        QVERIFY(timer.elapsed() < 4000);
    }
};

QTEST_GUILESS_MAIN(TestRequestLog)
#include "TestRequestLog.moc"
