// Issue 18, the activation-record queue to SQLite has a bound in bytes: while the store's thread
// is held (a slow disk, a long prune), records of 1 MiB pile up only to the bound and the
// recording thread waits; once the store moves again every record is written, none lost.

#include "platforms/local/StoreWorker.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <future>
#include <thread>

using namespace funcdesk;

class TestStoreBackPressure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsWaitPastTheBoundAndNoneIsLost()
    {
        QTemporaryDir dir;
        constexpr qint64 kBound = 8 * 1024 * 1024;
        auto started = StoreWorker::start(dir.filePath(QStringLiteral("funcdesk.db")), {}, kBound);
        QVERIFY(started.ok());
        std::unique_ptr<StoreWorker> store = std::move(started).value();

        std::promise<void> release;
        std::shared_future<void> released = release.get_future().share();
        QFuture<int> held = store->post<int>([released](StoreWorker::Store &) {
            released.wait(); // the store's thread is busy until the test lets it go
            return 0;
        });

        constexpr int kRecords = 100;
        std::atomic<int> recorded = 0;
        std::thread recorder([&store, &recorded] {
            const qint64 now = 1700000000000;
            for (int i = 0; i < kRecords; ++i) {
                const QString id = QStringLiteral("%1").arg(i, 32, 10, QLatin1Char('0'));
                const QByteArray document = R"({"activationId":")" + id.toUtf8() + R"(","namespace":"guest",)" +
                                            R"("name":"big","start":)" + QByteArray::number(now + i) + R"(,"logs":[")" +
                                            QByteArray(1024 * 1024, 'x') + R"("]})";
                store->record({id, QStringLiteral("guest"), QStringLiteral("big"), now + i, document});
                ++recorded;
            }
        });
        QTest::qWait(1500);
        const int whileHeld = recorded;
        const qint64 queued = store->queuedBytes();
        qInfo("while the store was held: %d of %d records queued, %lld bytes", whileHeld, kRecords, queued);
        release.set_value();
        const bool all = QTest::qWaitFor([&recorded] { return recorded == kRecords; }, 30000);
        recorder.join();
        QVERIFY(all);
        QVERIFY2(whileHeld < kRecords, "record() must wait while the queue is full");
        QVERIFY2(queued <= kBound, QByteArray::number(queued).constData());

        store->flush();
        ActivationRepository::Query query;
        query.ns = QStringLiteral("guest");
        const auto count =
            store->post<Result<qint64>>([query](StoreWorker::Store &s) { return s.activations.count(query); }).result();
        QVERIFY(count.ok());
        QCOMPARE(count.value(), qint64(kRecords));
        held.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestStoreBackPressure)
#include "TestStoreBackPressure.moc"
