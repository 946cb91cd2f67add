// HTTP triggers on a real funcdeskd: routes made through whisk.system/apimgmt (one route at a
// time with OpenWhiskPlatform, as the JS client does, or a whole Swagger document with
// x-openwhisk operations), served at /api/{basepath}/{relpath} with the chosen verb and path
// parameters; base paths belong to one namespace; only web actions of the caller's namespace
// can answer; routes outlive a restart.

#include "IntegrationFixture.h"

#include "TestSuites.h"
#include "support/Routes.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace funcdesk;
using funcdesk::test::routeTo;

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray allow;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
};

Answer send(const QByteArray &method, const QString &url, const QByteArray &body = {}, const QString &auth = {})
{
    QNetworkAccessManager manager;
    QNetworkRequest request{QUrl(url)};
    if (!auth.isEmpty())
        request.setRawHeader("Authorization", "Basic " + auth.toUtf8().toBase64());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.allow = reply->rawHeader("Allow");
    delete reply;
    return answer;
}

Action webAction(const QString &code)
{
    Action action = nodeAction(code);
    action.annotations = KeyValueList{{QStringLiteral("web-export"), true, {}}};
    return action;
}

bool holds(const QList<ApiRoute> &routes, const QString &basePath, const QString &relPath, const QString &verb)
{
    return std::any_of(routes.begin(), routes.end(), [&](const ApiRoute &r) {
        return r.basePath == basePath && r.relPath == relPath && r.verb == verb;
    });
}
} // namespace

class TestRoutes : public TeamSuite
{
    Q_OBJECT

private:
    QString url(const QString &path) { return fixture.server().url(path); }

private Q_SLOTS:
    void initTestCase()
    {
        connectBoth();
        if (QTest::currentTestFailed())
            return;
        VERIFY_OK(wait(guest->putAction(QStringLiteral("items"),
                                        webAction(QStringLiteral("function main(p) { return {items: ['a', 'b'], "
                                                                 "method: p.__ow_method}; }")),
                                        PutOptions{true, {}})));
        VERIFY_OK(wait(guest->putAction(
            QStringLiteral("user"),
            webAction(QStringLiteral("function main(p) { return {statusCode: 200, headers: {'Content-Type': "
                                     "'application/json'}, body: {id: p.id, post: p.post, path: p.__ow_path, "
                                     "method: p.__ow_method}}; }")),
            PutOptions{true, {}})));
        VERIFY_OK(
            wait(guest->putAction(QStringLiteral("plain"), nodeAction(QStringLiteral("function main() { return {}; }")),
                                  PutOptions{true, {}})));
        VERIFY_OK(wait(team->putAction(QStringLiteral("teamitems"),
                                       webAction(QStringLiteral("function main() { return {team: true}; }")),
                                       PutOptions{true, {}})));
    }

    void createdRouteAnswersAtItsUrlFromTheFunction()
    {
        auto created = wait(guest->createRoute(routeTo(QStringLiteral("/shop"), QStringLiteral("/items"),
                                                       QStringLiteral("GET"), QStringLiteral("items"))));
        VERIFY_OK(created);
        QCOMPARE(created->url, url(QStringLiteral("/api/shop/items")));
        QCOMPARE(created->action, QStringLiteral("/guest/items"));
        QCOMPARE(created->responseType, QStringLiteral("json"));

        const Answer answer = send("GET", created->url);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.object().value(QStringLiteral("items")).toArray().size(), 2);
        QCOMPARE(answer.object().value(QStringLiteral("method")).toString(), QStringLiteral("get"));

        auto listed = wait(guest->listRoutes());
        VERIFY_OK(listed);
        QVERIFY(holds(*listed, QStringLiteral("/shop"), QStringLiteral("/items"), QStringLiteral("GET")));
        auto filtered = wait(guest->listRoutes(QStringLiteral("/elsewhere")));
        VERIFY_OK(filtered);
        QVERIFY(filtered->isEmpty());
    }

    void pathParametersReachTheAction()
    {
        VERIFY_OK(
            wait(guest->createRoute(routeTo(QStringLiteral("/people"), QStringLiteral("/users/{id}/posts/{post}"),
                                            QStringLiteral("GET"), QStringLiteral("user"), QStringLiteral("http")))));
        const Answer answer = send("GET", url(QStringLiteral("/api/people/users/42/posts/7")));
        QCOMPARE(answer.status, 200);
        const QJsonObject body = answer.object();
        QCOMPARE(body.value(QStringLiteral("id")).toString(), QStringLiteral("42"));
        QCOMPARE(body.value(QStringLiteral("post")).toString(), QStringLiteral("7"));
        QCOMPARE(body.value(QStringLiteral("path")).toString(), QStringLiteral("/people/users/42/posts/7"));
    }

    void pathParametersNeedTheHttpResponseType()
    {
        auto refused = wait(guest->createRoute(routeTo(QStringLiteral("/people2"), QStringLiteral("/users/{id}"),
                                                       QStringLiteral("GET"), QStringLiteral("user"))));
        VERIFY_FAILS_WITH(refused, PlatformError::Kind::Server);
        QVERIFY2(refused.error().message.contains(QStringLiteral("response type of '.http'")),
                 qPrintable(refused.error().message));
    }

    void eachVerbHasItsActionAndOthersAre405()
    {
        VERIFY_OK(wait(guest->createRoute(routeTo(QStringLiteral("/verbs"), QStringLiteral("/thing"),
                                                  QStringLiteral("GET"), QStringLiteral("items")))));
        VERIFY_OK(
            wait(guest->createRoute(routeTo(QStringLiteral("/verbs"), QStringLiteral("/thing"), QStringLiteral("POST"),
                                            QStringLiteral("user"), QStringLiteral("http")))));
        QCOMPARE(send("GET", url(QStringLiteral("/api/verbs/thing")))
                     .object()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 2);
        const Answer posted = send("POST", url(QStringLiteral("/api/verbs/thing")), "{\"x\":1}");
        QCOMPARE(posted.status, 200);
        QCOMPARE(posted.object().value(QStringLiteral("method")).toString(), QStringLiteral("post"));

        const Answer put = send("PUT", url(QStringLiteral("/api/verbs/thing")), "{}");
        QCOMPARE(put.status, 405);
        QCOMPARE(put.allow, QByteArray("GET, POST"));
        QVERIFY(!put.object().value(QStringLiteral("error")).toString().isEmpty());

        QCOMPARE(send("GET", url(QStringLiteral("/api/verbs/other"))).status, 404);
        QCOMPARE(send("GET", url(QStringLiteral("/api/nowhere/thing"))).status, 404);
        // The REST API stays where it was.
        QCOMPARE(send("GET", url(QStringLiteral("/api/v1"))).status, 200);
    }

    void swaggerDocumentDefinesAWholeApi()
    {
        const QJsonObject operation{
            {QStringLiteral("operationId"), QStringLiteral("getCatalog")},
            {QStringLiteral("x-openwhisk"),
             QJsonObject{{QStringLiteral("namespace"), QStringLiteral("_")},
                         {QStringLiteral("package"), QString()},
                         {QStringLiteral("action"), QStringLiteral("items")},
                         {QStringLiteral("url"), url(QStringLiteral("/api/v1/web/_/default/items.json"))}}},
            {QStringLiteral("responses"),
             QJsonObject{
                 {QStringLiteral("default"), QJsonObject{{QStringLiteral("description"), QStringLiteral("ok")}}}}}};
        const QJsonObject swagger{
            {QStringLiteral("swagger"), QStringLiteral("2.0")},
            {QStringLiteral("basePath"), QStringLiteral("/catalog")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Catalog")},
                                                 {QStringLiteral("version"), QStringLiteral("1.0")}}},
            {QStringLiteral("paths"),
             QJsonObject{{QStringLiteral("/list"), QJsonObject{{QStringLiteral("get"), operation}}},
                         {QStringLiteral("/all"), QJsonObject{{QStringLiteral("post"), operation}}}}}};
        const QJsonObject body{
            {QStringLiteral("apidoc"),
             QJsonObject{{QStringLiteral("namespace"), QStringLiteral("_")}, {QStringLiteral("swagger"), swagger}}}};
        const Answer created = send("POST", url(QStringLiteral("/api/v1/web/whisk.system/apimgmt/createApi.http")),
                                    QJsonDocument(body).toJson(), fixture.server().guestKey());
        QVERIFY2(created.status == 200, created.body.constData());
        const QJsonObject value = created.object().value(QStringLiteral("value")).toObject();
        QCOMPARE(value.value(QStringLiteral("gwApiUrl")).toString(), url(QStringLiteral("/api/catalog")));
        QCOMPARE(value.value(QStringLiteral("namespace")).toString(), QStringLiteral("guest"));

        auto listed = wait(guest->listRoutes(QStringLiteral("Catalog"))); // by the API's name
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 2);
        QVERIFY(holds(*listed, QStringLiteral("/catalog"), QStringLiteral("/all"), QStringLiteral("POST")));
        QCOMPARE(listed->first().action, QStringLiteral("/guest/items"));
        QCOMPARE(send("GET", url(QStringLiteral("/api/catalog/list"))).status, 200);
        QCOMPARE(send("POST", url(QStringLiteral("/api/catalog/all")), "{}").status, 200);
    }

    void aBasePathBelongsToOneNamespace()
    {
        auto mine = wait(team->createRoute(routeTo(QStringLiteral("/teamshop"), QStringLiteral("/items"),
                                                   QStringLiteral("GET"), QStringLiteral("teamitems"))));
        VERIFY_OK(mine);
        auto taken = wait(guest->createRoute(routeTo(QStringLiteral("/teamshop"), QStringLiteral("/other"),
                                                     QStringLiteral("GET"), QStringLiteral("items"))));
        VERIFY_FAILS_WITH(taken, PlatformError::Kind::Server);
        QVERIFY2(taken.error().message.contains(QStringLiteral("another namespace")),
                 qPrintable(taken.error().message));
        // Neither lists nor deletes the other's API.
        auto listed = wait(guest->listRoutes(QStringLiteral("/teamshop")));
        VERIFY_OK(listed);
        QVERIFY(listed->isEmpty());
        VERIFY_FAILS_WITH(wait(guest->deleteRoute(QStringLiteral("/teamshop"))), PlatformError::Kind::Server);
        QCOMPARE(send("GET", url(QStringLiteral("/api/teamshop/items"))).object().value(QStringLiteral("team")),
                 QJsonValue(true));
    }

    void onlyWebActionsOfTheCallersNamespaceAnswer()
    {
        auto plain = wait(guest->createRoute(
            routeTo(QStringLiteral("/bad"), QStringLiteral("/p"), QStringLiteral("GET"), QStringLiteral("plain"))));
        VERIFY_FAILS_WITH(plain, PlatformError::Kind::Server);
        QVERIFY2(plain.error().message.contains(QStringLiteral("is not a web action")),
                 qPrintable(plain.error().message));
        auto missing = wait(guest->createRoute(routeTo(QStringLiteral("/bad"), QStringLiteral("/p"),
                                                       QStringLiteral("GET"), QStringLiteral("nosuchaction"))));
        VERIFY_FAILS_WITH(missing, PlatformError::Kind::Server);
        QVERIFY2(missing.error().message.contains(QStringLiteral("does not exist")),
                 qPrintable(missing.error().message));
        auto foreign = wait(guest->createRoute(routeTo(QStringLiteral("/bad"), QStringLiteral("/p"),
                                                       QStringLiteral("GET"), QStringLiteral("/team/teamitems"))));
        VERIFY_FAILS_WITH(foreign, PlatformError::Kind::Server);
        QVERIFY2(foreign.error().message.contains(QStringLiteral("not authorized")),
                 qPrintable(foreign.error().message));
        QCOMPARE(send("GET", url(QStringLiteral("/api/bad/p"))).status, 404);
    }

    void theRestApiBasePathIsReserved()
    {
        auto refused = wait(guest->createRoute(
            routeTo(QStringLiteral("/v1"), QStringLiteral("/x"), QStringLiteral("GET"), QStringLiteral("items"))));
        VERIFY_FAILS_WITH(refused, PlatformError::Kind::Server);
        QVERIFY2(refused.error().message.contains(QStringLiteral("reserved")), qPrintable(refused.error().message));
    }

    void deleteByVerbThenPathThenWholeApi()
    {
        for (const char *verb : {"GET", "POST"})
            VERIFY_OK(wait(guest->createRoute(routeTo(QStringLiteral("/gone"), QStringLiteral("/a"),
                                                      QString::fromLatin1(verb), QStringLiteral("items")))));
        VERIFY_OK(wait(guest->createRoute(
            routeTo(QStringLiteral("/gone"), QStringLiteral("/b"), QStringLiteral("GET"), QStringLiteral("items")))));

        VERIFY_OK(wait(guest->deleteRoute(QStringLiteral("/gone"), QStringLiteral("/a"), QStringLiteral("POST"))));
        QCOMPARE(send("POST", url(QStringLiteral("/api/gone/a")), "{}").status, 405);
        QCOMPARE(send("GET", url(QStringLiteral("/api/gone/a"))).status, 200);

        auto again = wait(guest->deleteRoute(QStringLiteral("/gone"), QStringLiteral("/a"), QStringLiteral("POST")));
        VERIFY_FAILS_WITH(again, PlatformError::Kind::Server);
        QVERIFY2(again.error().message.contains(QStringLiteral("does not exist in the API")),
                 qPrintable(again.error().message));

        VERIFY_OK(wait(guest->deleteRoute(QStringLiteral("/gone"), QStringLiteral("/a"))));
        QCOMPARE(send("GET", url(QStringLiteral("/api/gone/a"))).status, 404);
        QCOMPARE(send("GET", url(QStringLiteral("/api/gone/b"))).status, 200);

        VERIFY_OK(wait(guest->deleteRoute(QStringLiteral("/gone"))));
        QCOMPARE(send("GET", url(QStringLiteral("/api/gone/b"))).status, 404);
        auto listed = wait(guest->listRoutes(QStringLiteral("/gone")));
        VERIFY_OK(listed);
        QVERIFY(listed->isEmpty());
        auto missing = wait(guest->deleteRoute(QStringLiteral("/gone")));
        VERIFY_FAILS_WITH(missing, PlatformError::Kind::Server);
        QCOMPARE(missing.error().message, QStringLiteral("API deletion failure: API '/gone' does not exist."));
    }

    void routesOutliveARestart()
    {
        VERIFY_OK(wait(guest->createRoute(routeTo(QStringLiteral("/durable"), QStringLiteral("/items"),
                                                  QStringLiteral("GET"), QStringLiteral("items")))));
        guest.reset();
        team.reset();
        QVERIFY2(fixture.restart(), qPrintable(fixture.errorText()));
        guest = fixture.connect();
        team = fixture.connect(fixture.namespaceAuth(kTeam));
        QCOMPARE(send("GET", url(QStringLiteral("/api/durable/items"))).status, 200);
        auto listed = wait(guest->listRoutes(QStringLiteral("/durable")));
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
    }
};

FUNCDESK_INTEGRATION_SUITE(TestRoutes)
#include "TestRoutes.moc"
