// The namespace throttles of a real funcdeskd, over HTTP: invocations and trigger fires per
// minute, and invocations in flight. A refused call is a Limit error (429) with OpenWhisk's text
// and leaves nothing behind: no activation runs or is recorded. Each limit is set low with
// `serve --set`; each test uses its own namespace, so their budgets do not mix.

#include "IntegrationFixture.h"

#include "TestSuites.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace funcdesk;

namespace {
const QString kNoop = QStringLiteral("function main(params) { return {n: params.n}; }");
const QString kSlow = QStringLiteral(
    "function main(params) { return new Promise(resolve => setTimeout(() => resolve({slept: true}), 2000)); }");

QStringList serveArguments(const QStringList &settings, const QStringList &namespaces)
{
    QStringList arguments;
    for (const QString &setting : settings)
        arguments << QStringLiteral("--set") << setting;
    for (const QString &name : namespaces)
        arguments << QStringLiteral("--namespace") << name;
    return arguments;
}

qint64 recorded(OpenWhiskPlatform &platform, const QString &name)
{
    ActivationQuery query;
    query.name = name;
    const auto count = wait(platform.countActivations(query));
    return count ? count.value() : -1;
}

// A plain HTTP call of a web action: its status and its body.
std::pair<int, QJsonObject> callWebAction(const QString &apiHost, const QString &ns, const QString &action)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(apiHost + QStringLiteral("/api/v1/web/%1/default/%2.json").arg(ns, action)));
    QNetworkReply *reply = manager.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000))
        reply->abort(); // status 0: the comparison that follows fails and says so
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return {status, body};
}
} // namespace

class TestThrottles : public QObject
{
    Q_OBJECT

private:
    IntegrationFixture perMinute{
        serveArguments({QStringLiteral("limits.invocationsPerMinute=3"), QStringLiteral("limits.firesPerMinute=2")},
                       {QStringLiteral("invokers"), QStringLiteral("firers")})};
    IntegrationFixture inFlight{serveArguments({QStringLiteral("limits.concurrentInvocations=1")}, {})};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(perMinute.start(), qPrintable(perMinute.errorText()));
        QVERIFY2(inFlight.start(), qPrintable(inFlight.errorText()));
    }

    void invocationsPastThePerMinuteLimitAreRefused()
    {
        auto platform = perMinute.connect(perMinute.namespaceAuth(QStringLiteral("invokers")));
        VERIFY_OK(wait(platform->putAction(QStringLiteral("noop"), nodeAction(kNoop), PutOptions{})));
        for (int n = 1; n <= 3; ++n)
            VERIFY_OK(wait(platform->invokeAction(QStringLiteral("noop"), QJsonObject{{QLatin1StringView("n"), n}},
                                                  InvokeOptions{})));

        const auto refused = wait(platform->invokeAction(QStringLiteral("noop"), {}, InvokeOptions{}));
        VERIFY_FAILS_WITH(refused, PlatformError::Kind::Limit);
        QCOMPARE(refused.error().message,
                 QStringLiteral("Too many requests in the last minute (count: 4, allowed: 3)."));
        InvokeOptions nonBlocking;
        nonBlocking.blocking = false;
        const auto alsoRefused = wait(platform->invokeAction(QStringLiteral("noop"), {}, nonBlocking));
        VERIFY_FAILS_WITH(alsoRefused, PlatformError::Kind::Limit);
        QCOMPARE(alsoRefused.error().message,
                 QStringLiteral("Too many requests in the last minute (count: 5, allowed: 3)."));
        QCOMPARE(recorded(*platform, QStringLiteral("noop")), 3);

        // The budget is the namespace's: guest, on the same server, still invokes.
        auto guest = perMinute.connect();
        VERIFY_OK(wait(guest->putAction(QStringLiteral("noop"), nodeAction(kNoop), PutOptions{})));
        VERIFY_OK(wait(guest->invokeAction(QStringLiteral("noop"), {}, InvokeOptions{})));
    }

    void firesPastThePerMinuteLimitAreRefused()
    {
        auto platform = perMinute.connect(perMinute.namespaceAuth(QStringLiteral("firers")));
        VERIFY_OK(wait(platform->putAction(QStringLiteral("handler"), nodeAction(kNoop), PutOptions{})));
        VERIFY_OK(wait(platform->putTrigger(QStringLiteral("tick"), emptyTrigger(), PutOptions{})));
        VERIFY_OK(wait(platform->putRule(
            QStringLiteral("on-tick"), ruleLinking(QStringLiteral("tick"), QStringLiteral("handler")), PutOptions{})));
        for (int n = 1; n <= 2; ++n) {
            const auto fired =
                wait(platform->fireTrigger(QStringLiteral("tick"), QJsonObject{{QLatin1StringView("n"), n}}));
            VERIFY_OK(fired);
            QVERIFY(fired->has_value());
        }
        const auto refused = wait(platform->fireTrigger(QStringLiteral("tick"), {}));
        VERIFY_FAILS_WITH(refused, PlatformError::Kind::Limit);
        QCOMPARE(refused.error().message,
                 QStringLiteral("Too many requests in the last minute (count: 3, allowed: 2)."));

        // Two trigger activations, and the rule's action ran twice, not three times.
        QCOMPARE(recorded(*platform, QStringLiteral("tick")), 2);
        QTRY_COMPARE_WITH_TIMEOUT(recorded(*platform, QStringLiteral("handler")), 2, 30000);
        QTest::qWait(300); // a third run, were there one, would be recorded by now too
        QCOMPARE(recorded(*platform, QStringLiteral("handler")), 2);
    }

    void invocationsPastTheInFlightLimitAreRefused()
    {
        auto platform = inFlight.connect();
        VERIFY_OK(wait(platform->putAction(QStringLiteral("slow"), nodeAction(kSlow), PutOptions{})));
        Action web = nodeAction(kNoop);
        web.annotations = KeyValueList{{QStringLiteral("web-export"), true, {}}};
        VERIFY_OK(wait(platform->putAction(QStringLiteral("page"), web, PutOptions{})));

        InvokeOptions nonBlocking;
        nonBlocking.blocking = false;
        const auto first = wait(platform->invokeAction(QStringLiteral("slow"), {}, nonBlocking));
        VERIFY_OK(first); // 202: it runs for two seconds

        const auto refused = wait(platform->invokeAction(QStringLiteral("slow"), {}, InvokeOptions{}));
        VERIFY_FAILS_WITH(refused, PlatformError::Kind::Limit);
        QCOMPARE(refused.error().message,
                 QStringLiteral("Too many concurrent requests in flight (count: 1, allowed: 1)."));
        // A web action of the namespace counts too.
        const auto [status, body] =
            callWebAction(inFlight.server().apiHost(), QStringLiteral("guest"), QStringLiteral("page"));
        QCOMPARE(status, 429);
        QCOMPARE(body.value(QLatin1StringView("error")).toString(),
                 QStringLiteral("Too many concurrent requests in flight (count: 1, allowed: 1)."));

        // Once the first has ended, there is room again.
        QTRY_COMPARE_WITH_TIMEOUT(recorded(*platform, QStringLiteral("slow")), 1, 30000);
        VERIFY_OK(wait(platform->invokeAction(QStringLiteral("slow"), {}, InvokeOptions{})));
        const auto [after, page] =
            callWebAction(inFlight.server().apiHost(), QStringLiteral("guest"), QStringLiteral("page"));
        QCOMPARE(after, 200);
        QCOMPARE(recorded(*platform, QStringLiteral("slow")), 2);
        QCOMPARE(recorded(*platform, QStringLiteral("page")), 1);
    }
};

FUNCDESK_INTEGRATION_SUITE(TestThrottles)
#include "TestThrottles.moc"
