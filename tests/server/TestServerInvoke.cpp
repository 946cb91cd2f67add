// Invoking over HTTP: blocking, non-blocking, result-only, failures (502), a wait that runs out
// (202), oversized payloads (413); triggers and rules (fire → 202 or 204); the activation
// records the invocations leave (list, get, logs, result).

#include "ServerFixture.h"

#include <QTest>

class TestServerInvoke : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FuncdeskdProcess m_server{m_dir.path()};
    HttpClient m_http;

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return m_http.request(method, m_server.url(QStringLiteral("/api/v1/namespaces/_") + path), body,
                              m_server.guestKey().toUtf8());
    }
    void put(const QString &name, const QString &code, const QJsonObject &limits = {})
    {
        const HttpResult result = call("PUT", QStringLiteral("/actions/") + name + QStringLiteral("?overwrite=true"),
                                       nodeAction(code, {}, limits));
        QVERIFY2(result.status == 200, result.body.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), m_server.stderrText().constData());
        put(QStringLiteral("echo"), QStringLiteral("function main(p){console.log('echoing'); return {got: p}}"));
        put(QStringLiteral("fails"), QStringLiteral("function main(){return {error: 'no luck'}}"));
        put(QStringLiteral("throws"), QStringLiteral("function main(){throw new Error('boom')}"));
        put(QStringLiteral("list"), QStringLiteral("function main(){return [1, 2, 3]}"));
        put(QStringLiteral("sleepy"),
            QStringLiteral(
                "function main(p){return new Promise(r => setTimeout(() => r({slept: true}), p.ms || 1500))}"));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void blockingInvokeAnswersWithTheActivation()
    {
        const HttpResult result =
            call("POST", QStringLiteral("/actions/echo?blocking=true"), QByteArray("{\"name\":\"x\"}"));
        QCOMPARE(result.status, 200);
        const QJsonObject activation = result.object();
        QCOMPARE(activation.value(QStringLiteral("name")).toString(), QStringLiteral("echo"));
        QCOMPARE(activation.value(QStringLiteral("response"))
                     .toObject()
                     .value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("got"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("x"));
        QCOMPARE(result.header("x-openwhisk-activation-id"),
                 activation.value(QStringLiteral("activationId")).toString().toLatin1());
    }

    void resultOnlyAnswersWithTheResult()
    {
        const HttpResult result =
            call("POST", QStringLiteral("/actions/echo?blocking=true&result=true"), QByteArray("{\"a\":1}"));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.object().value(QStringLiteral("got")).toObject().value(QStringLiteral("a")).toInt(), 1);
        QCOMPARE(result.header("x-openwhisk-activation-id").size(), 32);
    }

    void arrayResultIsReturnedAsIs()
    {
        const HttpResult result = call("POST", QStringLiteral("/actions/list?blocking=true&result=true"));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.array(), (QJsonArray{1, 2, 3}));
    }

    void nonBlockingInvokeIs202WithId()
    {
        const HttpResult result = call("POST", QStringLiteral("/actions/echo"), QByteArray("{}"));
        QCOMPARE(result.status, 202);
        const QString id = result.object().value(QStringLiteral("activationId")).toString();
        QCOMPARE(id.size(), 32);
        QCOMPARE(result.header("x-openwhisk-activation-id"), id.toLatin1());
    }

    void applicationAndDeveloperErrorsAre502()
    {
        const HttpResult failed = call("POST", QStringLiteral("/actions/fails?blocking=true&result=true"));
        QCOMPARE(failed.status, 502);
        QCOMPARE(failed.object().value(QStringLiteral("error")).toString(), QStringLiteral("no luck"));

        const HttpResult thrown = call("POST", QStringLiteral("/actions/throws?blocking=true"));
        QCOMPARE(thrown.status, 502);
        QCOMPARE(
            thrown.object().value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("action developer error"));
    }

    void blockingWaitThatRunsOutIs202AndTheActivationFinishesLater()
    {
        const HttpResult result =
            call("POST", QStringLiteral("/actions/sleepy?blocking=true&timeout=200"), QByteArray("{\"ms\":1200}"));
        QCOMPARE(result.status, 202);
        const QString id = result.object().value(QStringLiteral("activationId")).toString();
        QCOMPARE(id.size(), 32);
        HttpResult record;
        QTRY_VERIFY_WITH_TIMEOUT((record = call("GET", QStringLiteral("/activations/") + id)).status == 200, 10000);
        QCOMPARE(record.object()
                     .value(QStringLiteral("response"))
                     .toObject()
                     .value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("slept"))
                     .toBool(),
                 true);
    }

    void badInvokeParametersAre400Or413()
    {
        const HttpResult timeout = call("POST", QStringLiteral("/actions/echo?blocking=true&timeout=600000"));
        QCOMPARE(timeout.status, 400);
        QCOMPARE(timeout.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("Timeout must be number of milliseconds up to 60000."));

        const QByteArray big = "{\"blob\":\"" + QByteArray(1024 * 1024 + 16, 'x') + "\"}";
        const HttpResult tooLarge = call("POST", QStringLiteral("/actions/echo?blocking=true"), big);
        QCOMPARE(tooLarge.status, 413);
        QVERIFY(tooLarge.object()
                    .value(QStringLiteral("error"))
                    .toString()
                    .startsWith(QStringLiteral("Request larger than allowed: ")));

        const HttpResult malformed = call("POST", QStringLiteral("/actions/echo?blocking=true"), QByteArray("{nope"));
        QCOMPARE(malformed.status, 400);
        QCOMPARE(call("POST", QStringLiteral("/actions/nosuchaction?blocking=true")).status, 404);
    }

    void triggerWithActiveRuleFires202AndWithoutOne204()
    {
        QCOMPARE(call("PUT", QStringLiteral("/triggers/bell"), QByteArray("{}")).status, 200);
        const HttpResult silent = call("POST", QStringLiteral("/triggers/bell"), QByteArray("{\"n\":1}"));
        QCOMPARE(silent.status, 204);
        QVERIFY(silent.body.isEmpty());

        const HttpResult rule =
            call("PUT", QStringLiteral("/rules/ring"), QByteArray("{\"trigger\":\"/_/bell\",\"action\":\"/_/echo\"}"));
        QCOMPARE(rule.status, 200);
        const HttpResult fired = call("POST", QStringLiteral("/triggers/bell"), QByteArray("{\"n\":2}"));
        QCOMPARE(fired.status, 202);
        const QString triggerActivation = fired.object().value(QStringLiteral("activationId")).toString();
        QCOMPARE(triggerActivation.size(), 32);
        QCOMPARE(fired.header("x-openwhisk-activation-id"), triggerActivation.toLatin1());

        const HttpResult disabled =
            call("POST", QStringLiteral("/rules/ring"), QByteArray("{\"status\":\"inactive\"}"));
        QCOMPARE(disabled.status, 200);
        QCOMPARE(call("GET", QStringLiteral("/rules/ring")).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("inactive"));
        QCOMPARE(call("POST", QStringLiteral("/triggers/bell"), QByteArray("{}")).status, 204);
        QCOMPARE(call("POST", QStringLiteral("/rules/ring"), QByteArray("{\"status\":\"sideways\"}")).status, 400);
        QCOMPARE(call("POST", QStringLiteral("/rules/ring"), QByteArray("{\"status\":\"active\"}")).status, 200);
        QCOMPARE(call("POST", QStringLiteral("/triggers/bell"), QByteArray("{}")).status, 202);

        QCOMPARE(call("GET", QStringLiteral("/triggers")).array().size(), 1);
        QCOMPARE(call("GET", QStringLiteral("/rules?count=true")).object().value(QStringLiteral("rules")).toInt(), 1);
        QCOMPARE(call("DELETE", QStringLiteral("/rules/ring")).status, 200);
        QCOMPARE(call("DELETE", QStringLiteral("/triggers/bell")).status, 200);
        QCOMPARE(call("POST", QStringLiteral("/triggers/bell"), QByteArray("{}")).status, 404);
    }

    void activationsListGetLogsAndResult()
    {
        const HttpResult invoked =
            call("POST", QStringLiteral("/actions/echo?blocking=true"), QByteArray("{\"k\":\"v\"}"));
        QCOMPARE(invoked.status, 200);
        const QString id = invoked.object().value(QStringLiteral("activationId")).toString();

        HttpResult list;
        QTRY_VERIFY_WITH_TIMEOUT(
            (list = call("GET", QStringLiteral("/activations?name=echo&limit=200"))).array().size() > 0, 10000);
        QCOMPARE(list.status, 200);
        bool found = false;
        for (const QJsonValue &item : list.array()) {
            QCOMPARE(item.toObject().value(QStringLiteral("name")).toString(), QStringLiteral("echo"));
            found = found || item.toObject().value(QStringLiteral("activationId")).toString() == id;
        }
        QVERIFY(found);

        const HttpResult record = call("GET", QStringLiteral("/activations/") + id);
        QCOMPARE(record.status, 200);
        QCOMPARE(record.object().value(QStringLiteral("activationId")).toString(), id);
        const HttpResult logs = call("GET", QStringLiteral("/activations/") + id + QStringLiteral("/logs"));
        QCOMPARE(logs.status, 200);
        QVERIFY(logs.object()
                    .value(QStringLiteral("logs"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QStringLiteral("echoing")));
        const HttpResult result = call("GET", QStringLiteral("/activations/") + id + QStringLiteral("/result"));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.object().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
        QCOMPARE(result.object()
                     .value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("got"))
                     .toObject()
                     .value(QStringLiteral("k"))
                     .toString(),
                 QStringLiteral("v"));

        const HttpResult count = call("GET", QStringLiteral("/activations?count=true&name=echo"));
        QCOMPARE(count.status, 200);
        QVERIFY(count.object().value(QStringLiteral("activations")).toInteger() >= 1);
        QCOMPARE(call("GET", QStringLiteral("/activations?count=true&docs=true")).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/activations?since=yesterday")).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/activations?name=a/b/c")).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/activations/tooshort")).status, 400);
        QCOMPARE(call("GET", QStringLiteral("/activations/") + QString(32, QLatin1Char('0'))).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestServerInvoke)
#include "TestServerInvoke.moc"
