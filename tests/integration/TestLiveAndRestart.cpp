// What outlives a funcdeskd restart, and the live activation stream: new activations arrive
// through polling once each, the platform goes offline when the server stops and comes back when
// it is started again on the same data folder and port.

#include "IntegrationFixture.h"

#include "TestSuites.h"

#include "core/SemVer.h"

#include <QSignalSpy>

using namespace funcdesk;

namespace {
const QString kEcho = QStringLiteral("function main(params) { return {n: params.n}; }");

QStringList idsArrived(const QSignalSpy &spy)
{
    QStringList ids;
    for (const QList<QVariant> &emission : spy) {
        for (const Activation &activation : emission.at(0).value<QList<Activation>>())
            ids.append(activation.activationId);
    }
    return ids;
}

// Turns live activations on and waits until the poller has answered once (seeded its cursor), so
// what runs afterwards is new to it.
bool startLive(OpenWhiskPlatform &platform)
{
    QSignalSpy exchanges(&platform, &OpenWhiskPlatform::exchangeFinished);
    platform.setLiveActivations(true);
    return QTest::qWaitFor(
        [&exchanges] {
            for (const QList<QVariant> &exchange : exchanges) {
                if (exchange.at(1).toUrl().path().endsWith(QLatin1StringView("/activations")) &&
                    exchange.at(2).toInt() == 200)
                    return true;
            }
            return false;
        },
        15000);
}

QString invokeOnce(OpenWhiskPlatform &platform, const QString &action, int n)
{
    const auto outcome = wait(platform.invokeAction(action, QJsonObject{{QLatin1StringView("n"), n}}, InvokeOptions{}));
    return outcome.ok() ? outcome->activationId : QString();
}
} // namespace

class TestLiveAndRestart : public IntegrationSuite
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<QList<Activation>>();
        connectToServer();
        if (QTest::currentTestFailed())
            return;
        VERIFY_OK(wait(platform->putAction(QStringLiteral("echo"), nodeAction(kEcho), PutOptions{})));
    }

    void liveActivationsArriveOnceEach()
    {
        const QString before = invokeOnce(*platform, QStringLiteral("echo"), 0);
        QVERIFY(!before.isEmpty());
        QSignalSpy arrived(platform.get(), &Platform::activationsArrived);
        QVERIFY(startLive(*platform)); // seeded: what ran before is not new

        QStringList expected;
        for (int n = 1; n <= 3; ++n)
            expected.append(invokeOnce(*platform, QStringLiteral("echo"), n));
        QVERIFY(!expected.contains(QString()));
        QTRY_VERIFY_WITH_TIMEOUT(idsArrived(arrived).size() >= 3, 15000);
        QTest::qWait(800); // a few more polls: nothing is reported twice
        const QStringList ids = idsArrived(arrived);
        QCOMPARE(ids, expected); // oldest first, each once
        QVERIFY(!ids.contains(before));
        platform->setLiveActivations(false);
    }

    void aBurstOfNonBlockingInvokesAllArrive()
    {
        QSignalSpy arrived(platform.get(), &Platform::activationsArrived);
        QVERIFY(startLive(*platform));
        QStringList expected;
        InvokeOptions nonBlocking;
        nonBlocking.blocking = false;
        QList<QFuture<Result<InvokeOutcome>>> calls;
        for (int n = 0; n < 25; ++n)
            calls.append(
                platform->invokeAction(QStringLiteral("echo"), QJsonObject{{QLatin1StringView("n"), n}}, nonBlocking));
        for (auto &call : calls) {
            const auto outcome = wait(call);
            VERIFY_OK(outcome);
            expected.append(outcome->activationId);
        }
        QTRY_VERIFY_WITH_TIMEOUT(idsArrived(arrived).size() >= expected.size(), 30000);
        QTest::qWait(600);
        QStringList ids = idsArrived(arrived);
        QCOMPARE(ids.size(), expected.size());
        ids.sort();
        expected.sort();
        QCOMPARE(ids, expected);
        platform->setLiveActivations(false);
    }

    void aBurstLargerThanAPageArrivesWhole()
    {
        // A slow poll interval lets more than one page (200) pile up between two polls.
        OpenWhiskConfig config = fixture.config();
        config.pollIntervalMs = 6000;
        auto slowPoller = fixture.connect(config);
        QSignalSpy arrived(slowPoller.get(), &Platform::activationsArrived);
        QSignalSpy exchanges(slowPoller.get(), &OpenWhiskPlatform::exchangeFinished);
        QVERIFY(startLive(*slowPoller));

        InvokeOptions nonBlocking;
        nonBlocking.blocking = false;
        QList<QFuture<Result<InvokeOutcome>>> calls;
        for (int n = 0; n < 230; ++n)
            calls.append(
                platform->invokeAction(QStringLiteral("echo"), QJsonObject{{QLatin1StringView("n"), n}}, nonBlocking));
        QStringList expected;
        for (auto &call : calls) {
            const auto outcome = wait(call);
            VERIFY_OK(outcome);
            expected.append(outcome->activationId);
        }
        QTRY_VERIFY_WITH_TIMEOUT(idsArrived(arrived).size() >= expected.size(), 60000);
        QStringList ids = idsArrived(arrived);
        QCOMPARE(ids.size(), expected.size());
        ids.sort();
        expected.sort();
        QCOMPARE(ids, expected);
        bool paged = false;
        for (const QList<QVariant> &exchange : exchanges)
            paged = paged || exchange.at(1).toUrl().query().contains(QLatin1StringView("skip=200"));
        if (!paged)
            qInfo("the burst spread over two polls; no second page was needed this time");
        slowPoller->setLiveActivations(false);
    }

    void everythingSurvivesARestart()
    {
        VERIFY_OK(wait(platform->putAction(QStringLiteral("echo"), nodeAction(kEcho), PutOptions{true, {}})));
        VERIFY_OK(wait(platform->putTrigger(QStringLiteral("kept-trigger"), emptyTrigger(), PutOptions{})));
        VERIFY_OK(
            wait(platform->putRule(QStringLiteral("kept-rule"),
                                   ruleLinking(QStringLiteral("kept-trigger"), QStringLiteral("echo")), PutOptions{})));
        VERIFY_OK(wait(platform->setRuleActive(QStringLiteral("kept-rule"), false)));
        const QString id = invokeOnce(*platform, QStringLiteral("echo"), 7);
        QVERIFY(!id.isEmpty());
        const auto before = wait(platform->getAction(QStringLiteral("echo")));
        VERIFY_OK(before);

        QVERIFY2(fixture.restart(), qPrintable(fixture.errorText()));

        const auto action = wait(platform->getAction(QStringLiteral("echo")));
        VERIFY_OK(action);
        QCOMPARE(action->version, before->version);
        QCOMPARE(action->exec->code, kEcho);
        VERIFY_OK(wait(platform->getTrigger(QStringLiteral("kept-trigger"))));
        const auto rule = wait(platform->getRule(QStringLiteral("kept-rule")));
        VERIFY_OK(rule);
        QCOMPARE(rule->status, QStringLiteral("inactive"));
        const auto activation = wait(platform->getActivation(id));
        VERIFY_OK(activation);
        QCOMPARE(activation->response->result.toObject().value(QLatin1StringView("n")).toInt(), 7);
        QCOMPARE(fixture.server().guestKey(), platform->config().auth);
    }

    void acknowledgedWritesSurviveKillNine()
    {
        // PUTs eight at a time (new actions, and updates of one), then kill -9 with writes in
        // flight: after a restart every acknowledged action is there, and the updated one is at
        // least at the last acknowledged version.
        const QString updated = uniqueName("survivor");
        VERIFY_OK(wait(platform->putAction(updated, nodeAction(kEcho), PutOptions{})));
        QStringList acknowledged;
        QString lastUpdateVersion;
        struct Write
        {
            QString name;
            QFuture<Result<Action>> future;
        };
        QList<Write> inFlight;
        int next = 0;
        while (acknowledged.size() < 60) {
            while (inFlight.size() < 8) {
                const bool update = next % 3 == 0;
                const QString name = update ? updated : uniqueName("durable");
                inFlight.append({name, platform->putAction(name, nodeAction(kEcho), PutOptions{update, {}})});
                ++next;
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            for (qsizetype i = inFlight.size() - 1; i >= 0; --i) {
                if (!inFlight[i].future.isFinished())
                    continue;
                const Result<Action> done = inFlight[i].future.result();
                QVERIFY2(done.ok(), qPrintable(describe(done)));
                if (inFlight[i].name == updated) {
                    if (lastUpdateVersion.isEmpty() ||
                        SemVer::parse(*done->version).value() > SemVer::parse(lastUpdateVersion).value())
                        lastUpdateVersion = *done->version;
                } else {
                    acknowledged.append(inFlight[i].name);
                }
                inFlight.removeAt(i);
            }
        }
        for (int i = 0; i < 8; ++i) { // more on their way while the server dies
            const QString name = uniqueName("durable");
            inFlight.append({name, platform->putAction(name, nodeAction(kEcho), PutOptions{})});
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        fixture.server().killHard();
        for (const Write &write : inFlight) // their answers are lost with the server
            wait(write.future);

        QVERIFY2(fixture.start(), qPrintable(fixture.errorText()));
        for (const QString &name : acknowledged)
            QVERIFY2(wait(platform->getAction(name)).ok(), qPrintable(name));
        const auto survivor = wait(platform->getAction(updated));
        VERIFY_OK(survivor);
        QVERIFY(!lastUpdateVersion.isEmpty());
        QVERIFY2(SemVer::parse(*survivor->version).value() >= SemVer::parse(lastUpdateVersion).value(),
                 qPrintable(*survivor->version + QStringLiteral(" < ") + lastUpdateVersion));
    }

    void stoppedServerMakesThePlatformUnavailableUntilItIsBack()
    {
        QSignalSpy availability(platform.get(), &Platform::availabilityChanged);
        QSignalSpy arrived(platform.get(), &Platform::activationsArrived);
        QVERIFY(startLive(*platform));
        QVERIFY(availability.isEmpty());

        fixture.stop();
        QTRY_COMPARE_WITH_TIMEOUT(availability.size(), 1, 10000);
        QCOMPARE(availability.at(0).at(0).toBool(), false);
        QVERIFY(!availability.at(0).at(1).toString().isEmpty());
        VERIFY_FAILS_WITH(wait(platform->listActions(ListOptions{})), PlatformError::Kind::Network);
        QCOMPARE(availability.size(), 1);

        QVERIFY2(fixture.start(), qPrintable(fixture.errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(availability.size(), 2, 10000);
        QCOMPARE(availability.at(1).at(0).toBool(), true);

        const QString id = invokeOnce(*platform, QStringLiteral("echo"), 8);
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(idsArrived(arrived).contains(id), 15000);
        platform->setLiveActivations(false);
    }
};

FUNCDESK_INTEGRATION_SUITE(TestLiveAndRestart)
#include "TestLiveAndRestart.moc"
