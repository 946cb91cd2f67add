// The live-activation poller's bookkeeping on pages: each activation reported once and oldest
// first, bursts larger than a page fetched with skip, the inclusive `since` de-duplicated.

#include "platforms/openwhisk/ActivationCursor.h"
#include "platforms/openwhisk/RetryBackoff.h"

#include <QTest>

#include <algorithm>

using namespace funcdesk;

namespace {
Activation activation(const QString &id, qint64 start)
{
    Activation a;
    a.activationId = id;
    a.start = start;
    return a;
}

// `count` activations from `firstStart` on (one per ms), newest first as OpenWhisk lists them.
QList<Activation> newestFirst(const QString &prefix, int count, qint64 firstStart)
{
    QList<Activation> list;
    for (int i = count - 1; i >= 0; --i)
        list.append(activation(prefix + QString::number(i), firstStart + i));
    return list;
}

QStringList ids(const QList<Activation> &activations)
{
    QStringList out;
    for (const Activation &a : activations)
        out.append(a.activationId);
    return out;
}
} // namespace

class TestActivationCursor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedsAtTheNewestStartAndReportsNothingOld()
    {
        ActivationCursor cursor;
        cursor.seed({activation(QStringLiteral("b"), 200), activation(QStringLiteral("a"), 100)});
        QVERIFY(cursor.isSeeded());
        QCOMPARE(cursor.since(), 200);
        // since is inclusive: the poll sees "b" again, and nothing is new.
        QVERIFY(!cursor.addPage({activation(QStringLiteral("b"), 200)}));
        QVERIFY(cursor.finishCycle().isEmpty());
        QCOMPARE(cursor.since(), 200);
    }

    void emptySeedMakesEverythingLaterNew()
    {
        ActivationCursor cursor;
        cursor.seed({});
        QCOMPARE(cursor.since(), 0);
        QVERIFY(!cursor.addPage({activation(QStringLiteral("x"), 5)}));
        QCOMPARE(ids(cursor.finishCycle()), QStringList{QStringLiteral("x")});
        QCOMPARE(cursor.since(), 5);
    }

    void newActivationsComeOldestFirstAndOnce()
    {
        ActivationCursor cursor;
        cursor.seed({activation(QStringLiteral("old"), 100)});
        cursor.addPage({activation(QStringLiteral("n2"), 300), activation(QStringLiteral("n1"), 200),
                        activation(QStringLiteral("old"), 100)});
        QCOMPARE(ids(cursor.finishCycle()), QStringList({QStringLiteral("n1"), QStringLiteral("n2")}));
        QCOMPARE(cursor.since(), 300);
        cursor.addPage({activation(QStringLiteral("n2"), 300)});
        QVERIFY(cursor.finishCycle().isEmpty());
    }

    void sameMillisecondArrivalsAfterTheCursorAreNotLost()
    {
        ActivationCursor cursor;
        cursor.seed({});
        cursor.addPage({activation(QStringLiteral("a"), 500)});
        QCOMPARE(ids(cursor.finishCycle()), QStringList{QStringLiteral("a")});
        // "b" started in the same ms as "a" but was recorded later.
        cursor.addPage({activation(QStringLiteral("b"), 500), activation(QStringLiteral("a"), 500)});
        QCOMPARE(ids(cursor.finishCycle()), QStringList{QStringLiteral("b")});
        cursor.addPage({activation(QStringLiteral("b"), 500), activation(QStringLiteral("a"), 500)});
        QVERIFY(cursor.finishCycle().isEmpty());
    }

    void aBurstLargerThanAPageIsFetchedWithSkip()
    {
        ActivationCursor cursor;
        cursor.seed({});
        const QList<Activation> burst = newestFirst(QStringLiteral("burst"), 450, 1000);
        QCOMPARE(cursor.skip(), 0);
        QVERIFY(cursor.addPage(burst.mid(0, 200)));
        QCOMPARE(cursor.skip(), 200);
        QVERIFY(cursor.addPage(burst.mid(200, 200)));
        QCOMPARE(cursor.skip(), 400);
        QVERIFY(!cursor.addPage(burst.mid(400, 200))); // 50: the last page
        const QList<Activation> fresh = cursor.finishCycle();
        QCOMPARE(fresh.size(), 450);
        QCOMPARE(fresh.first().start, 1000);
        QCOMPARE(fresh.last().start, 1449);
        QVERIFY(std::is_sorted(fresh.begin(), fresh.end(),
                               [](const Activation &a, const Activation &b) { return *a.start < *b.start; }));
        QCOMPARE(cursor.skip(), 0);
        QCOMPARE(cursor.since(), 1449);
    }

    void activationsArrivingBetweenPagesAreNotDuplicated()
    {
        ActivationCursor cursor;
        cursor.seed({});
        const QList<Activation> first = newestFirst(QStringLiteral("a"), 200, 1000);
        QVERIFY(cursor.addPage(first));
        // Five newer ones arrived: the next page (skip 200) starts 5 older than it would have,
        // so it repeats the 5 oldest of the first page.
        QList<Activation> second = first.mid(195, 5);
        second.append(newestFirst(QStringLiteral("older"), 30, 100));
        QVERIFY(!cursor.addPage(second));
        const QList<Activation> fresh = cursor.finishCycle();
        QCOMPARE(fresh.size(), 230);
        const QStringList freshIds = ids(fresh);
        QCOMPARE(QSet<QString>(freshIds.begin(), freshIds.end()).size(), 230);
        // The five newer ones are the next cycle's.
        cursor.addPage(newestFirst(QStringLiteral("late"), 5, 1200));
        QCOMPARE(cursor.finishCycle().size(), 5);
    }

    void aServerThatIgnoresSkipDoesNotLoopForever()
    {
        ActivationCursor cursor;
        cursor.seed({});
        const QList<Activation> page = newestFirst(QStringLiteral("same"), 200, 1000);
        QVERIFY(cursor.addPage(page));
        QVERIFY(!cursor.addPage(page)); // nothing new on a full page: stop
        QCOMPARE(cursor.finishCycle().size(), 200);
    }

    void anAbandonedCycleIsRepeatedFromTheSameCursor()
    {
        ActivationCursor cursor;
        cursor.seed({activation(QStringLiteral("s"), 10)});
        cursor.addPage(newestFirst(QStringLiteral("x"), 200, 20));
        cursor.abandonCycle();
        QCOMPARE(cursor.since(), 10);
        QCOMPARE(cursor.skip(), 0);
        cursor.addPage(newestFirst(QStringLiteral("x"), 3, 20));
        QCOMPARE(cursor.finishCycle().size(), 3);
    }

    void backoffDoublesUpToTheCapAndHonoursRetryAfter()
    {
        RetryBackoff backoff(2000, 60000);
        QCOMPARE(backoff.failed(), 2000);
        QCOMPARE(backoff.failed(), 4000);
        QCOMPARE(backoff.failed(), 8000);
        QCOMPARE(backoff.failed(), 16000);
        QCOMPARE(backoff.failed(), 32000);
        QCOMPARE(backoff.failed(), 60000);
        QCOMPARE(backoff.failed(), 60000);
        QCOMPARE(backoff.failed(7000), 7000);
        backoff.succeeded();
        QCOMPARE(backoff.failed(), 2000);
    }
};

QTEST_GUILESS_MAIN(TestActivationCursor)
#include "TestActivationCursor.moc"
