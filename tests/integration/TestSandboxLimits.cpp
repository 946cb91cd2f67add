// Issue 15's limits over REST on a real funcdeskd: `limits.storage`, `.network` and
// `.minInstances` are stored and read back, out-of-range values are refused with 400 and their
// text, the platform says which sandbox it has, `warmInstances` is read-only, and minimum
// instances keep warm processes of the current version so steady invokes never start cold.

#include "IntegrationFixture.h"

#include "RawHttp.h"
#include "TestSuites.h"

#include <QJsonDocument>

using namespace funcdesk;

namespace {
const QString kEcho = QStringLiteral("function main(params) { return {v: 1}; }");
const QString kEchoV2 = QStringLiteral("function main(params) { return {v: 2}; }");
constexpr int kWarmWaitMs = 15000; // the executor starts kept processes on its maintenance thread
// warmInstances counts a kept process from the moment it starts; its init then takes ~50 ms here
// (more on a loaded machine): the steady load starts once they have had time to finish.
constexpr int kInitSettleMs = 1500;

Action withLimits(const QString &code, const ActionLimits &limits)
{
    Action action = nodeAction(code);
    action.limits = limits;
    return action;
}

QString startTypeOf(const Activation &activation)
{
    return activation.annotations.value_or(KeyValueList()).value(QStringLiteral("startType")).toString();
}
} // namespace

class TestSandboxLimits : public IntegrationSuite
{
    Q_OBJECT

private:
    QByteArray authorization() { return "Basic " + fixture.server().guestKey().toUtf8().toBase64(); }

    // GET's warmInstances, polled until it is `count` or the wait runs out; the last value seen.
    qint64 awaitWarmInstances(const QString &name, qint64 count)
    {
        qint64 seen = -1;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < kWarmWaitMs) {
            const auto action = wait(platform->getAction(name, false));
            seen = action ? action->warmInstances.value_or(-1) : -2;
            if (seen == count)
                break;
            QTest::qWait(100);
        }
        return seen;
    }

private Q_SLOTS:
    void rootReportsTheSandboxAndStorageLimits()
    {
        const auto info = wait(platform->info());
        VERIFY_OK(info);
        QVERIFY(info->storageLimits);
        QVERIFY2(info->sandbox == QLatin1StringView("bubblewrap") || info->sandbox == QLatin1StringView("none"),
                 qPrintable(info->sandbox));
        QCOMPARE(info->limits.storageMb.min, 512);
        QCOMPARE(info->limits.storageMb.max, 10240);
        QCOMPARE(info->limits.minInstances.max, 8);
    }

    void storageNetworkAndMinInstancesAreStoredAndReadBack()
    {
        const QString name = uniqueName("limits");
        ActionLimits limits;
        limits.storageMb = 1024;
        limits.network = QStringLiteral("off");
        limits.minInstances = 0;
        VERIFY_OK(wait(platform->putAction(name, withLimits(kEcho, limits), PutOptions{})));
        const auto read = wait(platform->getAction(name, false));
        VERIFY_OK(read);
        QCOMPARE(read->limits->storageMb, std::optional<qint64>(1024));
        QCOMPARE(read->limits->network, std::optional<QString>(QStringLiteral("off")));
        QCOMPARE(read->limits->minInstances, std::optional<qint64>(0));
        QCOMPARE(read->warmInstances, std::optional<qint64>(0));

        ActionLimits update; // an update changes only what it gives
        update.network = QStringLiteral("on");
        VERIFY_OK(wait(platform->putAction(name, withLimits(kEcho, update), PutOptions{true, {}})));
        const auto updated = wait(platform->getAction(name, false));
        VERIFY_OK(updated);
        QCOMPARE(updated->limits->network, std::optional<QString>(QStringLiteral("on")));
        QCOMPARE(updated->limits->storageMb, std::optional<qint64>(1024));
        VERIFY_OK(wait(platform->deleteAction(name)));
    }

    void outOfRangeLimitsAreRefusedWithTheirText_data()
    {
        QTest::addColumn<QByteArray>("limits");
        QTest::addColumn<QString>("message");
        QTest::newRow("storage high") << QByteArray(R"({"storage": 20000})")
                                      << "storage size 20000 MB exceeds allowed threshold of 10240 MB";
        QTest::newRow("storage low") << QByteArray(R"({"storage": 100})")
                                     << "storage size 100 MB below allowed threshold of 512 MB";
        QTest::newRow("network maybe") << QByteArray(R"({"network": "maybe"})")
                                       << "network must be \"on\" or \"off\", not \"maybe\"";
        QTest::newRow("minInstances high")
            << QByteArray(R"({"minInstances": 9})") << "minInstances 9 exceeds allowed threshold of 8";
        QTest::newRow("minInstances negative")
            << QByteArray(R"({"minInstances": -1})") << "minInstances -1 below allowed threshold of 0";
    }

    void outOfRangeLimitsAreRefusedWithTheirText()
    {
        QFETCH(QByteArray, limits);
        QFETCH(QString, message);
        const QString name = uniqueName("badlimits");
        const QByteArray body =
            R"({"exec": {"kind": "nodejs:default", "code": "function main() { return {}; }"}, "limits": )" + limits +
            "}";
        const HttpAnswer answer = rawRequest(fixture.server().port(), authorization(), "PUT",
                                             QStringLiteral("/api/v1/namespaces/_/actions/") + name, body,
                                             {{"Content-Type", "application/json"}});
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.json().toObject().value(QLatin1StringView("error")).toString(), message);
        const auto stored = wait(platform->getAction(name, false));
        VERIFY_FAILS_WITH(stored, PlatformError::Kind::NotFound); // nothing half-stored
    }

    void warmInstancesSentByAClientIsIgnored()
    {
        const QString name = uniqueName("warmfield");
        const QByteArray body = R"({"exec": {"kind": "nodejs:default", "code": "function main() { return {}; }"},
                                    "warmInstances": 5})";
        const HttpAnswer put = rawRequest(fixture.server().port(), authorization(), "PUT",
                                          QStringLiteral("/api/v1/namespaces/_/actions/") + name, body,
                                          {{"Content-Type", "application/json"}});
        QCOMPARE(put.status, 200);
        // The answer carries what the executor holds (as a GET does), never the 5 sent.
        QVERIFY2(put.json().toObject().value(QLatin1StringView("warmInstances")).toInteger(-1) == 0,
                 put.body.constData());
        const auto read = wait(platform->getAction(name, false));
        VERIFY_OK(read);
        QCOMPARE(read->warmInstances, std::optional<qint64>(0)); // what the executor holds, not the 5 sent
        const HttpAnswer wrongType =
            rawRequest(fixture.server().port(), authorization(), "PUT",
                       QStringLiteral("/api/v1/namespaces/_/actions/") + name + QStringLiteral("?overwrite=true"),
                       R"({"warmInstances": "many"})", {{"Content-Type", "application/json"}});
        QCOMPARE(wrongType.status, 200);
        VERIFY_OK(wait(platform->deleteAction(name)));
    }

    void minInstancesKeepWarmProcessesAndSteadyInvokesNeverStartCold()
    {
        const QString name = uniqueName("kept");
        ActionLimits limits;
        limits.minInstances = 2;
        VERIFY_OK(wait(platform->putAction(name, withLimits(kEcho, limits), PutOptions{})));
        QCOMPARE(awaitWarmInstances(name, 2), 2);

        // New code: the kept processes are replaced by ones of the new version.
        VERIFY_OK(wait(platform->putAction(name, nodeAction(kEchoV2), PutOptions{true, {}})));
        QCOMPARE(awaitWarmInstances(name, 2), 2);

        // A restarted platform starts them again by itself.
        QVERIFY2(fixture.restart(), qPrintable(fixture.errorText()));
        QCOMPARE(awaitWarmInstances(name, 2), 2);
        QTest::qWait(kInitSettleMs);
        QCOMPARE(awaitWarmInstances(name, 2), 2);

        for (int i = 0; i < 20; ++i) {
            const auto outcome = wait(platform->invokeAction(name, {}, InvokeOptions{}));
            VERIFY_OK(outcome);
            QVERIFY(outcome->activation.has_value());
            QCOMPARE(outcome->activation->response->result.toObject().value(QLatin1StringView("v")).toInt(), 2);
            const QString startType = startTypeOf(*outcome->activation);
            QVERIFY2(startType != QLatin1StringView("cold") && startType != QLatin1StringView("prewarm"),
                     qPrintable(QStringLiteral("invoke %1 started %2").arg(i).arg(startType)));
        }

        ActionLimits none; // lowered to 0: no process is kept any more
        none.minInstances = 0;
        VERIFY_OK(wait(platform->putAction(name, withLimits(kEchoV2, none), PutOptions{true, {}})));
        VERIFY_OK(wait(platform->deleteAction(name)));
    }
};

FUNCDESK_INTEGRATION_SUITE(TestSandboxLimits)
#include "TestSandboxLimits.moc"
