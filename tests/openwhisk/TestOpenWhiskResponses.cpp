// What the client makes of OpenWhisk's answers: statuses to typed errors with the server's
// message, and the bodies of invoke, fire, count and logs as the controller sends them.

#include "platforms/openwhisk/OpenWhiskResponses.h"

#include <QDateTime>
#include <QTest>

using namespace funcdesk;

namespace {
HttpExchange answer(int status, const char *body, const char *reason = "")
{
    HttpExchange exchange;
    exchange.method = QByteArrayLiteral("GET");
    exchange.url = QUrl(QStringLiteral("http://127.0.0.1:3233/api/v1/namespaces/_/actions/hello"));
    exchange.status = status;
    exchange.reason = QString::fromLatin1(reason);
    exchange.body = QByteArray(body);
    return exchange;
}

const char *kActivation =
    R"({"namespace":"guest","name":"hello","version":"0.0.1","activationId":"0123456789abcdef0123456789abcdef",
    "start":1700000000000,"end":1700000000005,"duration":5,
    "response":{"status":"success","success":true,"result":{"payload":"Hello"}},"logs":[],"annotations":[]})";
const char *kFailedActivation = R"({"namespace":"guest","name":"boom","activationId":"fedcba9876543210fedcba9876543210",
    "start":1700000000000,"response":{"status":"application error","success":false,"result":{"error":"bad input"}}})";
} // namespace

class TestOpenWhiskResponses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusesMapToKinds_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("400") << 400 << int(PlatformError::Kind::Invalid);
        QTest::newRow("401") << 401 << int(PlatformError::Kind::Auth);
        QTest::newRow("403") << 403 << int(PlatformError::Kind::Auth);
        QTest::newRow("404") << 404 << int(PlatformError::Kind::NotFound);
        QTest::newRow("408") << 408 << int(PlatformError::Kind::Timeout);
        QTest::newRow("409") << 409 << int(PlatformError::Kind::Conflict);
        QTest::newRow("413") << 413 << int(PlatformError::Kind::TooLarge);
        QTest::newRow("422") << 422 << int(PlatformError::Kind::Invalid);
        QTest::newRow("429") << 429 << int(PlatformError::Kind::Limit);
        QTest::newRow("500") << 500 << int(PlatformError::Kind::Server);
        QTest::newRow("502") << 502 << int(PlatformError::Kind::Server);
        QTest::newRow("503") << 503 << int(PlatformError::Kind::Server);
    }
    void statusesMapToKinds()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        const auto error = answer(status, R"({"error":"The server says so.","code":"tx1"})").error();
        QVERIFY(error);
        QCOMPARE(int(error->kind), kind);
        QCOMPARE(error->message, QStringLiteral("The server says so."));
    }

    void successHasNoError()
    {
        QVERIFY(!answer(200, "{}").error());
        QVERIFY(!answer(202, "{}").error());
        QVERIFY(!answer(204, "").error());
    }

    void errorWithoutMessageNamesTheStatus()
    {
        const auto error = answer(503, "<html>busy</html>", "Service Unavailable").error();
        QVERIFY(error);
        QCOMPARE(error->kind, PlatformError::Kind::Server);
        QVERIFY2(error->message.contains(QLatin1StringView("503")) &&
                     error->message.contains(QLatin1StringView("Service Unavailable")),
                 qPrintable(error->message));
    }

    void noAnswerIsANetworkErrorNamingTheHostOnly()
    {
        HttpExchange exchange = answer(0, "");
        exchange.networkError = QNetworkReply::ConnectionRefusedError;
        exchange.networkErrorText = QStringLiteral("Connection refused");
        const auto error = exchange.error();
        QVERIFY(error);
        QCOMPARE(error->kind, PlatformError::Kind::Network);
        QVERIFY2(error->message.contains(QLatin1StringView("http://127.0.0.1:3233")), qPrintable(error->message));
        QVERIFY2(!error->message.contains(QLatin1StringView("/api/v1")), qPrintable(error->message));
        QVERIFY(error->message.contains(QLatin1StringView("Connection refused")));
    }

    void retryAfterInSecondsOrAsADate()
    {
        QCOMPARE(HttpExchange::parseRetryAfter("7", 0), 7000);
        QCOMPARE(HttpExchange::parseRetryAfter(" 0 ", 0), 0);
        QCOMPARE(HttpExchange::parseRetryAfter("", 0), std::nullopt);
        QCOMPARE(HttpExchange::parseRetryAfter("soon", 0), std::nullopt);
        const QDateTime now = QDateTime::fromString(QStringLiteral("2024-05-01T12:00:00Z"), Qt::ISODate);
        QCOMPARE(HttpExchange::parseRetryAfter("Wed, 01 May 2024 12:00:30 GMT", now.toMSecsSinceEpoch()), 30000);
    }

    void entityBodyThatIsNotJsonIsAServerError()
    {
        const auto action = OpenWhiskResponses::entity<Action>(answer(200, "<html>proxy page</html>"));
        QVERIFY(!action);
        QCOMPARE(action.error().kind, PlatformError::Kind::Server);
        const auto list = OpenWhiskResponses::list<Action>(answer(200, R"({"not":"a list"})"));
        QVERIFY(!list);
        QCOMPARE(list.error().kind, PlatformError::Kind::Server);
    }

    void actionCarriesSandboxLimitsAndWarmInstances()
    {
        const auto action = OpenWhiskResponses::entity<Action>(
            answer(200, R"({"namespace":"guest","name":"hello","version":"0.0.2","publish":false,
                "exec":{"kind":"nodejs:20","binary":false},"annotations":[],
                "limits":{"timeout":60000,"memory":256,"logs":10,"concurrency":1,
                          "storage":4096,"network":"off","minInstances":3},"warmInstances":2})"));
        QVERIFY(action);
        QCOMPARE(action->limits->storageMb, 4096);
        QCOMPARE(action->limits->network, QStringLiteral("off"));
        QCOMPARE(action->limits->minInstances, 3);
        QCOMPARE(action->warmInstances, 2);
        QVERIFY(action->limits->extra.isEmpty());
        // A stock OpenWhisk sends none of them: nothing is made up.
        const auto stock = OpenWhiskResponses::entity<Action>(
            answer(200, R"({"namespace":"guest","name":"hello","limits":{"memory":256}})"));
        QVERIFY(stock);
        QVERIFY(!stock->warmInstances);
        QVERIFY(!stock->limits->storageMb && !stock->limits->network && !stock->limits->minInstances);
    }

    void blockingInvokeGivesTheActivation()
    {
        HttpExchange exchange = answer(200, kActivation);
        exchange.activationIdHeader = QStringLiteral("0123456789abcdef0123456789abcdef");
        const auto outcome = OpenWhiskResponses::invoke(exchange, false);
        QVERIFY(outcome);
        QVERIFY(outcome->finished());
        QCOMPARE(outcome->activationId, QStringLiteral("0123456789abcdef0123456789abcdef"));
        QVERIFY(outcome->activation->succeeded());
        QVERIFY(!outcome->result);
    }

    void resultOnlyGivesTheResult()
    {
        HttpExchange exchange = answer(200, R"({"payload":"Hello"})");
        exchange.activationIdHeader = QStringLiteral("0123456789abcdef0123456789abcdef");
        const auto outcome = OpenWhiskResponses::invoke(exchange, true);
        QVERIFY(outcome);
        QCOMPARE(outcome->result->toObject().value(QLatin1StringView("payload")).toString(), QStringLiteral("Hello"));
        QCOMPARE(outcome->activationId, QStringLiteral("0123456789abcdef0123456789abcdef"));
    }

    void arrayResultComesBackAsTheResult()
    {
        const auto outcome = OpenWhiskResponses::invoke(answer(200, "[1,2,3]"), false);
        QVERIFY(outcome);
        QCOMPARE(outcome->result->toArray().size(), 3);
    }

    void acceptedInvokeHasOnlyTheId()
    {
        auto outcome = OpenWhiskResponses::invoke(answer(202, R"({"activationId":"aaaa"})"), true);
        QVERIFY(outcome);
        QVERIFY(!outcome->finished());
        QCOMPARE(outcome->activationId, QStringLiteral("aaaa"));

        HttpExchange headerOnly = answer(202, "");
        headerOnly.activationIdHeader = QStringLiteral("bbbb");
        outcome = OpenWhiskResponses::invoke(headerOnly, false);
        QVERIFY(outcome);
        QCOMPARE(outcome->activationId, QStringLiteral("bbbb"));
    }

    void failedActionIsASuccessfulCallWithTheFailedActivation()
    {
        auto outcome = OpenWhiskResponses::invoke(answer(502, kFailedActivation), false);
        QVERIFY(outcome);
        QVERIFY(!outcome->activation->succeeded());
        QCOMPARE(outcome->activation->response->statusValue(), ActivationStatus::ApplicationError);

        outcome = OpenWhiskResponses::invoke(answer(502, R"({"error":"bad input"})"), true);
        QVERIFY(outcome);
        QCOMPARE(outcome->result->toObject().value(QLatin1StringView("error")).toString(), QStringLiteral("bad input"));
    }

    void a502ThatIsNoActivationIsAServerError()
    {
        const auto outcome = OpenWhiskResponses::invoke(answer(502, "<html>Bad Gateway</html>", "Bad Gateway"), false);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().kind, PlatformError::Kind::Server);
    }

    void internalErrorIsAnError()
    {
        const auto outcome = OpenWhiskResponses::invoke(answer(500, R"({"error":"whisk internal error"})"), false);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().kind, PlatformError::Kind::Server);
        QCOMPARE(outcome.error().message, QStringLiteral("whisk internal error"));
    }

    void fireGivesAnIdOrNothing()
    {
        auto fired = OpenWhiskResponses::fire(answer(202, R"({"activationId":"cccc"})"));
        QVERIFY(fired);
        QCOMPARE(fired.value(), std::optional<QString>(QStringLiteral("cccc")));
        fired = OpenWhiskResponses::fire(answer(204, ""));
        QVERIFY(fired);
        QVERIFY(!fired.value().has_value());
        fired = OpenWhiskResponses::fire(answer(404, R"({"error":"The requested resource does not exist."})"));
        QVERIFY(!fired);
        QCOMPARE(fired.error().kind, PlatformError::Kind::NotFound);
    }

    void countReadsTheCollectionKey()
    {
        auto count = OpenWhiskResponses::count(answer(200, R"({"actions":3})"), QStringLiteral("actions"));
        QVERIFY(count);
        QCOMPARE(count.value(), 3);
        count = OpenWhiskResponses::count(answer(200, R"({"rules":3})"), QStringLiteral("actions"));
        QVERIFY(!count);
        QCOMPARE(count.error().kind, PlatformError::Kind::Server);
    }

    void logsAndNamespaces()
    {
        const auto logs = OpenWhiskResponses::logs(answer(200, R"({"logs":["a","b"]})"));
        QVERIFY(logs);
        QCOMPARE(logs.value(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        const auto ns = OpenWhiskResponses::firstNamespace(answer(200, R"(["guest"])"));
        QVERIFY(ns);
        QCOMPARE(ns.value(), QStringLiteral("guest"));
        QVERIFY(!OpenWhiskResponses::firstNamespace(answer(200, "[]")));
    }
};

QTEST_GUILESS_MAIN(TestOpenWhiskResponses)
#include "TestOpenWhiskResponses.moc"
