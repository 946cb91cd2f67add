// The apimgmt JSON both Platform implementations share: createApi's body exactly as the JS
// client's routes.create builds it, and getApi's answer read back into routes.

#include "core/ApiGatewayDocument.h"

#include <QJsonArray>
#include <QTest>

using namespace funcdesk;

class TestApiGatewayDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createBodyIsTheJsClientsRouteDefinition()
    {
        ApiRoute route;
        route.basePath = QStringLiteral("/shop");
        route.relPath = QStringLiteral("/items/{id}");
        route.verb = QStringLiteral("GET");
        route.action = QStringLiteral("getItem");
        const QJsonObject apidoc = apigw::createBody(route, QStringLiteral("https://ow"), QStringLiteral("u:k"))
                                       .value(QStringLiteral("apidoc"))
                                       .toObject();
        QCOMPARE(apidoc.value(QStringLiteral("namespace")).toString(), QStringLiteral("_"));
        QCOMPARE(apidoc.value(QStringLiteral("gatewayBasePath")).toString(), QStringLiteral("/shop"));
        QCOMPARE(apidoc.value(QStringLiteral("gatewayPath")).toString(), QStringLiteral("/items/{id}"));
        QCOMPARE(apidoc.value(QStringLiteral("gatewayMethod")).toString(), QStringLiteral("GET"));
        QCOMPARE(apidoc.value(QStringLiteral("id")).toString(), QStringLiteral("API:_:/shop"));
        QVERIFY(!apidoc.contains(QStringLiteral("apiName")));
        const QJsonObject action = apidoc.value(QStringLiteral("action")).toObject();
        QCOMPARE(action.value(QStringLiteral("name")).toString(), QStringLiteral("getItem"));
        QCOMPARE(action.value(QStringLiteral("namespace")).toString(), QStringLiteral("_"));
        QCOMPARE(action.value(QStringLiteral("backendMethod")).toString(), QStringLiteral("GET"));
        QCOMPARE(action.value(QStringLiteral("backendUrl")).toString(),
                 QStringLiteral("https://ow/api/v1/web/_/default/getItem.http"));
        QCOMPARE(action.value(QStringLiteral("authkey")).toString(), QStringLiteral("u:k"));
        const QJsonArray parameters = apidoc.value(QStringLiteral("pathParameters")).toArray();
        QCOMPARE(parameters.size(), 1);
        QCOMPARE(parameters.first().toObject(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("id")},
                              {QStringLiteral("in"), QStringLiteral("path")},
                              {QStringLiteral("description"), QStringLiteral("Default description for 'id'")},
                              {QStringLiteral("required"), true},
                              {QStringLiteral("type"), QStringLiteral("string")}}));
    }

    void qualifiedActionNamesItsNamespaceAndPackage()
    {
        ApiRoute route;
        route.basePath = QStringLiteral("/b");
        route.relPath = QStringLiteral("/r");
        route.verb = QStringLiteral("POST");
        route.action = QStringLiteral("/team/pkg/act");
        route.apiName = QStringLiteral("Team API");
        const QJsonObject apidoc = apigw::createBody(route, QStringLiteral("http://h:1"), QStringLiteral("k"))
                                       .value(QStringLiteral("apidoc"))
                                       .toObject();
        const QJsonObject action = apidoc.value(QStringLiteral("action")).toObject();
        QCOMPARE(action.value(QStringLiteral("name")).toString(), QStringLiteral("pkg/act"));
        QCOMPARE(action.value(QStringLiteral("namespace")).toString(), QStringLiteral("team"));
        QCOMPARE(action.value(QStringLiteral("backendUrl")).toString(),
                 QStringLiteral("http://h:1/api/v1/web/team/pkg/act.http"));
        QCOMPARE(apidoc.value(QStringLiteral("apiName")).toString(), QStringLiteral("Team API"));
        QVERIFY(!apidoc.contains(QStringLiteral("pathParameters")));
    }

    void getApiAnswerBecomesRoutes()
    {
        const QJsonObject target{{QStringLiteral("namespace"), QStringLiteral("guest")},
                                 {QStringLiteral("package"), QStringLiteral("shop")},
                                 {QStringLiteral("action"), QStringLiteral("get")},
                                 {QStringLiteral("url"), QStringLiteral("http://h/api/v1/web/guest/shop/get.http")}};
        const QJsonObject swagger{
            {QStringLiteral("basePath"), QStringLiteral("/shop")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Shop")}}},
            {QStringLiteral("paths"),
             QJsonObject{{QStringLiteral("/items/{id}"),
                          QJsonObject{{QStringLiteral("get"), QJsonObject{{QStringLiteral("x-openwhisk"), target}}},
                                      {QStringLiteral("parameters"), QJsonArray()}}}}}};
        const QJsonObject answer{
            {QStringLiteral("apis"),
             QJsonArray{QJsonObject{{QStringLiteral("value"),
                                     QJsonObject{{QStringLiteral("gwApiUrl"), QStringLiteral("http://h/api/shop")},
                                                 {QStringLiteral("apidoc"), swagger}}}}}}};
        const Result<QList<ApiRoute>> routes = apigw::routesOf(answer);
        QVERIFY(routes.ok());
        QCOMPARE(routes->size(), 1);
        const ApiRoute &route = routes->first();
        QCOMPARE(route.apiName, QStringLiteral("Shop"));
        QCOMPARE(route.basePath, QStringLiteral("/shop"));
        QCOMPARE(route.relPath, QStringLiteral("/items/{id}"));
        QCOMPARE(route.verb, QStringLiteral("GET"));
        QCOMPARE(route.action, QStringLiteral("/guest/shop/get"));
        QCOMPARE(route.responseType, QStringLiteral("http"));
        QCOMPARE(route.url, QStringLiteral("http://h/api/shop/items/{id}"));

        QVERIFY(!apigw::routesOf(QJsonObject{{QStringLiteral("error"), QStringLiteral("x")}}).ok());
    }
};

QTEST_GUILESS_MAIN(TestApiGatewayDocument)
#include "TestApiGatewayDocument.moc"
