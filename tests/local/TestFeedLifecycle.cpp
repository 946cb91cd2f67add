// The client side of the feed protocol (core/Platform's createFeedTrigger, callFeed and
// deleteFeedTrigger, core/Feed.h) over a real local platform, with feed actions written in the
// test that answer as a feed does and report what they were given.

#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {
// Answers every lifecycle call with what it received; refuses CREATE when told to.
const QString kRecorder =
    QStringLiteral("function main(p) {"
                   "  if (p.lifecycleEvent === 'CREATE' && p.refuse) return {error: 'refused: ' + p.refuse};"
                   "  return {event: p.lifecycleEvent, triggerName: p.triggerName, authKey: p.authKey, cron: p.cron,"
                   "          config: {cron: p.cron || ''}, status: {active: true}};"
                   "}");
// Refuses DELETE.
const QString kStubborn =
    QStringLiteral("function main(p) { return p.lifecycleEvent === 'DELETE' ? {error: 'still firing'} : {}; }");
} // namespace

class TestFeedLifecycle : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;

    QString guestKey() const { return local->engine->ensureNamespace(QStringLiteral("guest"))->authString(); }
    // The results of the recorder's activations, oldest first.
    QList<QJsonObject> recorded()
    {
        local->flush();
        ActivationQuery query;
        query.name = QStringLiteral("recorder");
        query.docs = true;
        query.limit = 50;
        QList<QJsonObject> results;
        for (const Activation &activation : take(local->platform->listActivations(query)))
            results.prepend(activation.response ? activation.response->result.toObject() : QJsonObject());
        return results;
    }

private Q_SLOTS:
    void init()
    {
        local = std::make_unique<LocalFixture>();
        local->put(QStringLiteral("recorder"), kRecorder);
        local->put(QStringLiteral("stubborn"), kStubborn);
    }
    void cleanup() { local.reset(); }

    void callFeedSendsTheEventTheQualifiedTriggerNameTheKeyAndTheParameters()
    {
        const QJsonObject answer = take(local->platform->callFeed(
            QStringLiteral("/guest/recorder"), FeedLifecycleEvent::Read, QStringLiteral("periodic"),
            {{QStringLiteral("cron"), QStringLiteral("*/5 * * * *")}}));
        QCOMPARE(answer.value(QLatin1StringView("event")).toString(), QStringLiteral("READ"));
        QCOMPARE(answer.value(QLatin1StringView("triggerName")).toString(), QStringLiteral("/guest/periodic"));
        QCOMPARE(answer.value(QLatin1StringView("authKey")).toString(), guestKey());
        QCOMPARE(answer.value(QLatin1StringView("cron")).toString(), QStringLiteral("*/5 * * * *"));
    }

    void pauseAndUnpauseAreLifecycleEventsToo()
    {
        QCOMPARE(take(local->platform->callFeed(QStringLiteral("/guest/recorder"), FeedLifecycleEvent::Pause,
                                                QStringLiteral("t")))
                     .value(QLatin1StringView("event"))
                     .toString(),
                 QStringLiteral("PAUSE"));
        QCOMPARE(take(local->platform->callFeed(QStringLiteral("/guest/recorder"), FeedLifecycleEvent::Unpause,
                                                QStringLiteral("t")))
                     .value(QLatin1StringView("event"))
                     .toString(),
                 QStringLiteral("UNPAUSE"));
    }

    void createStoresTheTriggerWithTheFeedAnnotationThenTellsTheFeed()
    {
        const Trigger created = take(
            local->platform->createFeedTrigger(QStringLiteral("periodic"), Trigger{}, QStringLiteral("/guest/recorder"),
                                               {{QStringLiteral("cron"), QStringLiteral("0 * * * *")}}));
        QCOMPARE(created.feed(), QStringLiteral("/guest/recorder"));
        const Trigger stored = take(local->platform->getTrigger(QStringLiteral("periodic")));
        QCOMPARE(stored.feed(), QStringLiteral("/guest/recorder"));
        // The feed's parameters go to the feed, not into the trigger; nor does the key.
        const QByteArray document = QJsonDocument(stored.toJson()).toJson();
        QVERIFY(!document.contains("0 * * * *"));
        QVERIFY(!document.contains(guestKey().section(QLatin1Char(':'), 1).toUtf8()));

        const QList<QJsonObject> calls = recorded();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().value(QLatin1StringView("event")).toString(), QStringLiteral("CREATE"));
        QCOMPARE(calls.first().value(QLatin1StringView("cron")).toString(), QStringLiteral("0 * * * *"));
    }

    void aFeedThatRefusesCreateLeavesNoTriggerAndItsReasonIsTheError()
    {
        const PlatformError error = failure(
            local->platform->createFeedTrigger(QStringLiteral("periodic"), Trigger{}, QStringLiteral("/guest/recorder"),
                                               {{QStringLiteral("refuse"), QStringLiteral("bad cron")}}));
        QVERIFY2(error.message.contains(QLatin1StringView("refused: bad cron")), qPrintable(error.message));
        QCOMPARE(failure(local->platform->getTrigger(QStringLiteral("periodic"))).kind, PlatformError::Kind::NotFound);
    }

    void aTriggerThatExistsAlreadyIsNotTouchedAndTheFeedNotCalled()
    {
        take(local->platform->putTrigger(QStringLiteral("periodic"), Trigger{}, PutOptions{}));
        const PlatformError error = failure(local->platform->createFeedTrigger(QStringLiteral("periodic"), Trigger{},
                                                                               QStringLiteral("/guest/recorder"), {}));
        QCOMPARE(error.kind, PlatformError::Kind::Conflict);
        QVERIFY(recorded().isEmpty());
        QVERIFY(take(local->platform->getTrigger(QStringLiteral("periodic"))).feed().isEmpty());
    }

    void deleteTellsTheFeedFirstThenDeletesTheTrigger()
    {
        take(local->platform->createFeedTrigger(QStringLiteral("periodic"), Trigger{},
                                                QStringLiteral("/guest/recorder"), {}));
        take(local->platform->deleteFeedTrigger(QStringLiteral("periodic")));
        const QList<QJsonObject> calls = recorded();
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.last().value(QLatin1StringView("event")).toString(), QStringLiteral("DELETE"));
        QCOMPARE(calls.last().value(QLatin1StringView("triggerName")).toString(), QStringLiteral("/guest/periodic"));
        QCOMPARE(failure(local->platform->getTrigger(QStringLiteral("periodic"))).kind, PlatformError::Kind::NotFound);
    }

    void aFeedThatRefusesDeleteKeepsTheTrigger()
    {
        take(local->platform->createFeedTrigger(QStringLiteral("sticky"), Trigger{}, QStringLiteral("/guest/stubborn"),
                                                {}));
        const PlatformError error = failure(local->platform->deleteFeedTrigger(QStringLiteral("sticky")));
        QVERIFY2(error.message.contains(QLatin1StringView("still firing")), qPrintable(error.message));
        QCOMPARE(take(local->platform->getTrigger(QStringLiteral("sticky"))).feed(), QStringLiteral("/guest/stubborn"));
    }

    void deleteOfATriggerWithoutAFeedCallsNoFeed()
    {
        take(local->platform->putTrigger(QStringLiteral("plain"), Trigger{}, PutOptions{}));
        take(local->platform->deleteFeedTrigger(QStringLiteral("plain")));
        QVERIFY(recorded().isEmpty());
        QCOMPARE(failure(local->platform->getTrigger(QStringLiteral("plain"))).kind, PlatformError::Kind::NotFound);
    }

    void aFeedThatDoesNotExistFailsAndLeavesNoTrigger()
    {
        const PlatformError error = failure(local->platform->createFeedTrigger(QStringLiteral("periodic"), Trigger{},
                                                                               QStringLiteral("/guest/nowhere"), {}));
        QCOMPARE(error.kind, PlatformError::Kind::NotFound);
        QCOMPARE(failure(local->platform->getTrigger(QStringLiteral("periodic"))).kind, PlatformError::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestFeedLifecycle)
#include "TestFeedLifecycle.moc"
