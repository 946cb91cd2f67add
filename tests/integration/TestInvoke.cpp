// Invoking actions on a real funcdeskd: blocking (activation or result only), non-blocking with
// the record fetched later, an action's own failure (502) returned as a failed activation, and a
// blocking wait that runs out (202 with only the id).

#include "IntegrationFixture.h"

#include "TestSuites.h"

using namespace funcdesk;

namespace {
const QString kHello = QStringLiteral(
    "function main(params) { console.log('hello log ' + params.name); return {greeting: 'Hello ' + params.name}; }");
const QString kFails = QStringLiteral("function main(params) { return {error: 'no ' + params.what}; }");
const QString kSlow = QStringLiteral("function main(params) { return new Promise(resolve => setTimeout(() => "
                                     "resolve({slept: params.ms}), params.ms)); }");

QJsonObject params(const char *key, const QJsonValue &value)
{
    return QJsonObject{{QLatin1StringView(key), value}};
}

// Fetches an activation until it is recorded (a non-blocking invoke answers before it ends).
Result<Activation> awaitActivation(OpenWhiskPlatform &platform, const QString &id, int timeoutMs = 60000)
{
    QElapsedTimer clock;
    clock.start();
    Result<Activation> last = PlatformError{PlatformError::Kind::NotFound, QStringLiteral("never asked")};
    while (clock.elapsed() < timeoutMs) {
        last = wait(platform.getActivation(id));
        if (last.ok() || last.error().kind != PlatformError::Kind::NotFound)
            return last;
        QTest::qWait(100);
    }
    return last;
}
} // namespace

class TestInvoke : public IntegrationSuite
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        connectToServer();
        if (QTest::currentTestFailed())
            return;
        VERIFY_OK(wait(platform->putAction(QStringLiteral("hello"), nodeAction(kHello), PutOptions{})));
        VERIFY_OK(wait(platform->putAction(QStringLiteral("fails"), nodeAction(kFails), PutOptions{})));
        VERIFY_OK(wait(platform->putAction(QStringLiteral("slow"), nodeAction(kSlow), PutOptions{})));
    }

    void blockingInvokeReturnsTheActivation()
    {
        const auto outcome = wait(
            platform->invokeAction(QStringLiteral("hello"), params("name", QStringLiteral("Ada")), InvokeOptions{}));
        VERIFY_OK(outcome);
        QVERIFY(outcome->finished());
        QCOMPARE(outcome->activationId.size(), 32);
        const Activation &activation = *outcome->activation;
        QCOMPARE(activation.activationId, outcome->activationId);
        QVERIFY(activation.succeeded());
        QCOMPARE(activation.response->result.toObject().value(QLatin1StringView("greeting")).toString(),
                 QStringLiteral("Hello Ada"));
        QCOMPARE(activation.name, QStringLiteral("hello"));
        QVERIFY(activation.logs && activation.logs->join(u'\n').contains(QLatin1StringView("hello log Ada")));
    }

    void resultOnlyReturnsJustTheResult()
    {
        InvokeOptions options;
        options.resultOnly = true;
        const auto outcome =
            wait(platform->invokeAction(QStringLiteral("hello"), params("name", QStringLiteral("Bo")), options));
        VERIFY_OK(outcome);
        QVERIFY(!outcome->activation);
        QCOMPARE(outcome->result->toObject().value(QLatin1StringView("greeting")).toString(),
                 QStringLiteral("Hello Bo"));
    }

    void nonBlockingGivesTheIdAndTheRecordComesLater()
    {
        InvokeOptions options;
        options.blocking = false;
        const auto outcome =
            wait(platform->invokeAction(QStringLiteral("hello"), params("name", QStringLiteral("Cy")), options));
        VERIFY_OK(outcome);
        QVERIFY(!outcome->finished());
        QCOMPARE(outcome->activationId.size(), 32);
        const auto activation = awaitActivation(*platform, outcome->activationId);
        VERIFY_OK(activation);
        QVERIFY(activation->succeeded());
        QCOMPARE(activation->response->result.toObject().value(QLatin1StringView("greeting")).toString(),
                 QStringLiteral("Hello Cy"));
    }

    void failingActionIsASuccessfulCallWithAFailedActivation()
    {
        const auto outcome = wait(
            platform->invokeAction(QStringLiteral("fails"), params("what", QStringLiteral("luck")), InvokeOptions{}));
        VERIFY_OK(outcome);
        QVERIFY(outcome->activation);
        QVERIFY(!outcome->activation->succeeded());
        QCOMPARE(outcome->activation->response->statusValue(), ActivationStatus::ApplicationError);
        QCOMPARE(outcome->activation->response->result.toObject().value(QLatin1StringView("error")).toString(),
                 QStringLiteral("no luck"));

        InvokeOptions resultOnly;
        resultOnly.resultOnly = true;
        const auto result =
            wait(platform->invokeAction(QStringLiteral("fails"), params("what", QStringLiteral("luck")), resultOnly));
        VERIFY_OK(result);
        QCOMPARE(result->result->toObject().value(QLatin1StringView("error")).toString(), QStringLiteral("no luck"));
    }

    void blockingWaitThatRunsOutGivesOnlyTheId()
    {
        InvokeOptions options;
        options.timeoutMs = 300;
        const auto outcome = wait(platform->invokeAction(QStringLiteral("slow"), params("ms", 2500), options));
        VERIFY_OK(outcome);
        QVERIFY(!outcome->finished());
        QCOMPARE(outcome->activationId.size(), 32);
        const auto activation = awaitActivation(*platform, outcome->activationId);
        VERIFY_OK(activation);
        QCOMPARE(activation->response->result.toObject().value(QLatin1StringView("slept")).toInt(), 2500);
    }

    void invokingAMissingActionIsNotFound()
    {
        VERIFY_FAILS_WITH(wait(platform->invokeAction(uniqueName("missing"), {}, InvokeOptions{})),
                          PlatformError::Kind::NotFound);
    }

    void timeoutOutOfRangeIsInvalidWithTheServersMessage()
    {
        InvokeOptions options;
        options.timeoutMs = 3600000;
        const auto outcome = wait(platform->invokeAction(QStringLiteral("hello"), {}, options));
        VERIFY_FAILS_WITH(outcome, PlatformError::Kind::Invalid);
        QVERIFY2(outcome.error().message.startsWith(QLatin1StringView("Timeout must be number of milliseconds up to")),
                 qPrintable(outcome.error().message));
    }

    void payloadOverTheLimitIsTooLarge()
    {
        const QString big(1100 * 1024, QLatin1Char('x'));
        const auto outcome =
            wait(platform->invokeAction(QStringLiteral("hello"), params("name", big), InvokeOptions{}));
        VERIFY_FAILS_WITH(outcome, PlatformError::Kind::TooLarge);
        QVERIFY2(outcome.error().message.startsWith(QLatin1StringView("Request larger than allowed")),
                 qPrintable(outcome.error().message));
    }
};

FUNCDESK_INTEGRATION_SUITE(TestInvoke)
#include "TestInvoke.moc"
