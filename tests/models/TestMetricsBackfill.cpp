// The backfill's paging as MetricsWorker decides it, page by page: since/upto/skip of each
// request, skip up to its maximum then `upto` moved to the oldest start seen, a window whose
// activations all share one start stepped past, the start at the snapshot's newest less the
// overlap, and pages of a superseded connection ignored. The worker runs on the test's thread
// here; its hooks record what it asks for. (The whole service over a real platform:
// TestMetricsService.)

#include "models/metrics/MetricsWorker.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;

namespace {
constexpr qint64 kNow = 1'765'000'000'000; // 2025-12-06
constexpr qint64 kDayMs = 24 * 3600 * 1000;

Activation activation(int n, qint64 start)
{
    Activation a;
    a.ns = QStringLiteral("guest");
    a.name = QStringLiteral("f");
    a.activationId = QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
    a.start = start;
    a.end = start + 1;
    a.duration = 1;
    ActivationResponse response;
    response.setStatus(ActivationStatus::Success);
    a.response = response;
    return a;
}

// `count` activations numbered from `first`, newest first, one a millisecond back from `newest`.
QList<Activation> page(int first, int count, qint64 newest, qint64 stepMs = 1)
{
    QList<Activation> list;
    for (int i = 0; i < count; ++i)
        list.append(activation(first + i, newest - i * stepMs));
    return list;
}
} // namespace

class TestMetricsBackfill : public QObject
{
    Q_OBJECT

private:
    QList<ActivationQuery> asked;
    QList<quint64> done;
    qint64 samples = 0;

    std::unique_ptr<MetricsWorker> worker(int maxSkip = MetricsWorker::kMaxSkip)
    {
        MetricsWorker::Hooks hooks;
        hooks.requestPage = [this](quint64, ActivationQuery next) { asked.append(next); };
        hooks.backfillDone = [this](quint64 generation) { done.append(generation); };
        hooks.progress = [this](qint64, qint64, qint64 count) { samples = count; };
        return std::make_unique<MetricsWorker>(std::move(hooks), maxSkip);
    }

private Q_SLOTS:
    void init()
    {
        asked.clear();
        done.clear();
        samples = 0;
    }

    void pagesWithSkipThenMovesUptoPastTheMaximumSkip()
    {
        auto w = worker(400);
        w->begin(1, {}, 30, kNow);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0].since, kNow - 30 * kDayMs);
        QCOMPARE(asked[0].upto, kNow);
        QCOMPARE(asked[0].skip, 0);
        QCOMPARE(asked[0].limit, 200);
        QVERIFY(asked[0].docs);

        w->page(1, page(0, 200, kNow));
        QCOMPARE(asked.last().skip, 200);
        QCOMPARE(asked.last().upto, kNow);
        w->page(1, page(200, 200, kNow - 200)); // oldest start: kNow - 399
        QCOMPARE(asked.last().skip, 0);
        QCOMPARE(asked.last().upto, kNow - 399); // inclusive: the oldest is read again
        QCOMPARE(asked.last().since, kNow - 30 * kDayMs);
        QList<Activation> next = page(399, 1, kNow - 399) + page(400, 49, kNow - 400);
        w->page(1, next); // short: the end
        QCOMPARE(done, QList<quint64>{1});
        QCOMPARE(samples, 449); // the repeat is not counted
        QCOMPARE(asked.size(), 3);
    }

    void aWindowOfOneStartIsSteppedPast()
    {
        auto w = worker(200);
        w->begin(1, {}, 30, kNow);
        w->page(1, page(0, 200, kNow, 0)); // all at kNow: moving upto to kNow would loop
        QCOMPARE(asked.last().upto, kNow - 1);
        QCOMPARE(asked.last().skip, 0);
    }

    void theBackfillEndsWhenUptoPassesBackfillDays()
    {
        auto w = worker(200);
        w->begin(1, {}, 1, kNow);
        const qint64 since = kNow - kDayMs;
        QCOMPARE(asked.last().since, since);
        // A full window at the bound itself: upto moves to it, then past it, and that ends.
        w->page(1, page(0, 200, since, 0));
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked.last().upto, since);
        QVERIFY(done.isEmpty());
        w->page(1, page(0, 200, since, 0));
        QCOMPARE(done, QList<quint64>{1});
        QCOMPARE(asked.size(), 2);
        QCOMPARE(samples, 200);
    }

    void aSnapshotStartsTheBackfillAtItsNewestLessTheOverlap()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(QStringLiteral("metrics-x.bin"));
        {
            auto first = worker();
            first->begin(1, path, 30, kNow - kDayMs);
            first->live(page(0, 3, kNow - 60 * 60 * 1000));
            QCOMPARE(samples, 3);
            first->save();
        }
        asked.clear();
        auto second = worker();
        second->begin(2, path, 30, kNow);
        QCOMPARE(samples, 3); // loaded before any page
        QCOMPARE(asked.last().since, kNow - 60 * 60 * 1000 - MetricsWorker::kOverlapMs);
        QCOMPARE(asked.last().upto, kNow);
    }

    void pagesOfASupersededConnectionAreIgnored()
    {
        auto w = worker();
        w->begin(1, {}, 30, kNow);
        w->begin(2, {}, 30, kNow);
        asked.clear();
        w->page(1, page(0, 5, kNow));
        QCOMPARE(samples, 0);
        QVERIFY(done.isEmpty());
        QVERIFY(asked.isEmpty());
        w->page(2, page(0, 5, kNow));
        QCOMPARE(samples, 5);
        QCOMPARE(done, QList<quint64>{2});
    }
};

QTEST_GUILESS_MAIN(TestMetricsBackfill)
#include "TestMetricsBackfill.moc"
