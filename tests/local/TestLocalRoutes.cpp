// The local API gateway in-process: LocalPlatform's route calls through whisk.system/apimgmt,
// the apimgmt actions' answers as OpenWhisk's core/routemgmt gives them (web and plain calls,
// validation texts), route matching (literal segments before parameters, 405 verbs) and the
// route table after a restart.

#include "platforms/local/ApiRouteTable.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"
#include "platforms/local/SystemCatalog.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"
#include "support/Routes.h"

#include <QJsonArray>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kNs = QStringLiteral("guest");

Action webAction(bool exported = true)
{
    Action action = LocalFixture::nodeAction(QStringLiteral("function main() { return {}; }"));
    if (exported)
        action.annotations = KeyValueList{{QStringLiteral("web-export"), true, {}}};
    return action;
}

} // namespace

class TestLocalRoutes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    LocalEngine *engine = nullptr;
    LocalPlatform *platform = nullptr;

    // A restart: the engine closes and opens again on the same data folder.
    void reopen()
    {
        LocalConfig config = LocalFixture::withoutStemCells();
        config.dataDir = local->engine->config().dataDir;
        local->platform.reset();
        local->engine.reset();
        auto opened = LocalEngine::open(config);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        local->engine = std::move(opened).value();
        local->platform = std::make_unique<LocalPlatform>(local->engine.get(), kNs);
        engine = local->engine.get();
        platform = local->platform.get();
    }
    // Runs whisk.system/apimgmt/{action} as the server's web path does (or as a plain action).
    Result<QJsonObject> builtin(const QString &action, QJsonObject params, bool web)
    {
        if (web) {
            params.insert(QStringLiteral("__ow_method"), QStringLiteral("post"));
            params.insert(QStringLiteral("__ow_user"), kNs);
            params.insert(QStringLiteral("__ow_headers"),
                          QJsonObject{{QStringLiteral("host"), QStringLiteral("gw:9")}});
        }
        const auto run = engine->systemCatalog().builtin(QStringLiteral("apimgmt/") + action);
        if (!run)
            return PlatformError{PlatformError::Kind::NotFound, action};
        return run->run(BuiltinCall{web ? SystemCatalog::ns() : kNs, action, QStringLiteral("0"), params});
    }

private Q_SLOTS:
    void init()
    {
        local = std::make_unique<LocalFixture>();
        engine = local->engine.get();
        platform = local->platform.get();
        for (const char *name : {"items", "user"})
            local->put(QString::fromLatin1(name), webAction());
        local->put(QStringLiteral("plain"), webAction(false));
    }
    void cleanup() { local.reset(); }

    void localPlatformCreatesListsAndDeletesRoutes()
    {
        auto created =
            wait(platform->createRoute(routeTo(QStringLiteral("/shop"), QStringLiteral("/items/{id}"),
                                               QStringLiteral("get"), QStringLiteral("user"), QStringLiteral("http"))));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created->verb, QStringLiteral("GET"));
        QCOMPARE(created->action, QStringLiteral("/guest/user"));
        QCOMPARE(created->url, QStringLiteral("http://localhost/api/shop/items/{id}"));
        QCOMPARE(created->apiName, QStringLiteral("/shop"));

        engine->routes().setServedAt(QStringLiteral("http://127.0.0.1:3233"));
        QVERIFY(wait(platform->createRoute(routeTo(QStringLiteral("/shop"), QStringLiteral("/items"),
                                                   QStringLiteral("POST"), QStringLiteral("items"))))
                    .ok());
        auto listed = wait(platform->listRoutes());
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->first().url, QStringLiteral("http://127.0.0.1:3233/api/shop/items"));

        QVERIFY(wait(platform->deleteRoute(QStringLiteral("/shop"), QStringLiteral("/items"), QStringLiteral("post")))
                    .ok());
        listed = wait(platform->listRoutes(QStringLiteral("/shop")));
        QCOMPARE(listed->size(), 1);
        auto missing = wait(platform->deleteRoute(QStringLiteral("/nothere")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().message, QStringLiteral("API deletion failure: API '/nothere' does not exist."));
    }

    void routesAreMatchedLiteralFirstWithParametersAndVerbs()
    {
        QVERIFY(
            wait(platform->createRoute(routeTo(QStringLiteral("/shop"), QStringLiteral("/items/{id}"),
                                               QStringLiteral("GET"), QStringLiteral("user"), QStringLiteral("http"))))
                .ok());
        QVERIFY(wait(platform->createRoute(routeTo(QStringLiteral("/shop"), QStringLiteral("/items/new"),
                                                   QStringLiteral("GET"), QStringLiteral("items"))))
                    .ok());
        const ApiRouteTable &routes = engine->routes();
        const RouteMatch byId =
            routes.match({QStringLiteral("shop"), QStringLiteral("items"), QStringLiteral("7")}, QStringLiteral("GET"));
        QCOMPARE(byId.kind, RouteMatch::Kind::Found);
        QCOMPARE(byId.action, QStringLiteral("user"));
        QCOMPARE(byId.responseType, QStringLiteral("http"));
        QCOMPARE(byId.pathParameters.value(QStringLiteral("id")).toString(), QStringLiteral("7"));
        const RouteMatch literal = routes.match(
            {QStringLiteral("shop"), QStringLiteral("items"), QStringLiteral("new")}, QStringLiteral("GET"));
        QCOMPARE(literal.action, QStringLiteral("items"));
        const RouteMatch wrongVerb = routes.match(
            {QStringLiteral("shop"), QStringLiteral("items"), QStringLiteral("7")}, QStringLiteral("DELETE"));
        QCOMPARE(wrongVerb.kind, RouteMatch::Kind::WrongVerb);
        QCOMPARE(wrongVerb.verbs, QStringList{QStringLiteral("GET")});
        QCOMPARE(routes.match({QStringLiteral("shop"), QStringLiteral("items")}, QStringLiteral("GET")).kind,
                 RouteMatch::Kind::NoRoute);
        QCOMPARE(
            routes.match({QStringLiteral("other"), QStringLiteral("items"), QStringLiteral("7")}, QStringLiteral("GET"))
                .kind,
            RouteMatch::Kind::NoRoute);
    }

    void webCallsAnswerHttpResponsesAsRoutemgmtDoes()
    {
        const QJsonObject apidoc{
            {QStringLiteral("namespace"), QStringLiteral("_")},
            {QStringLiteral("gatewayBasePath"), QStringLiteral("/club")},
            {QStringLiteral("gatewayPath"), QStringLiteral("/books")},
            {QStringLiteral("gatewayMethod"), QStringLiteral("get")},
            {QStringLiteral("apiName"), QStringLiteral("Book Club")},
            {QStringLiteral("action"), QJsonObject{{QStringLiteral("name"), QStringLiteral("items")},
                                                   {QStringLiteral("namespace"), QStringLiteral("_")},
                                                   {QStringLiteral("backendMethod"), QStringLiteral("GET")},
                                                   {QStringLiteral("backendUrl"),
                                                    QStringLiteral("https://ow:443/api/v1/web/_/default/items.http")},
                                                   {QStringLiteral("authkey"), QStringLiteral("u:k")}}}};
        auto created = builtin(QStringLiteral("createApi"), {{QStringLiteral("apidoc"), apidoc}}, true);
        QVERIFY(created.ok());
        QCOMPARE(created->value(QStringLiteral("statusCode")).toInt(), 200);
        const QJsonObject body = created->value(QStringLiteral("body")).toObject();
        QCOMPARE(body.value(QStringLiteral("id")).toString(), QStringLiteral("API:guest:/club"));
        const QJsonObject value = body.value(QStringLiteral("value")).toObject();
        QCOMPARE(value.value(QStringLiteral("gwApiUrl")).toString(), QStringLiteral("http://gw:9/api/club"));
        const QJsonObject swagger = value.value(QStringLiteral("apidoc")).toObject();
        QCOMPARE(swagger.value(QStringLiteral("info")).toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Book Club"));
        const QJsonObject operation = swagger.value(QStringLiteral("paths"))
                                          .toObject()
                                          .value(QStringLiteral("/books"))
                                          .toObject()
                                          .value(QStringLiteral("get"))
                                          .toObject();
        QCOMPARE(operation.value(QStringLiteral("operationId")).toString(), QStringLiteral("getBooks"));
        const QJsonObject target = operation.value(QStringLiteral("x-openwhisk")).toObject();
        QCOMPARE(target.value(QStringLiteral("namespace")).toString(), kNs);
        QCOMPARE(target.value(QStringLiteral("action")).toString(), QStringLiteral("items"));
        QCOMPARE(target.value(QStringLiteral("url")).toString(),
                 QStringLiteral("https://ow:443/api/v1/web/guest/default/items.json"));

        auto listed =
            builtin(QStringLiteral("getApi"), {{QStringLiteral("basepath"), QStringLiteral("Book Club")}}, true);
        QCOMPARE(listed->value(QStringLiteral("body")).toObject().value(QStringLiteral("apis")).toArray().size(), 1);

        auto refused = builtin(QStringLiteral("createApi"), {}, true);
        QVERIFY(refused.ok()); // a web answer, not an activation error
        QCOMPARE(refused->value(QStringLiteral("statusCode")).toInt(), 502);
        QCOMPARE(refused->value(QStringLiteral("body")).toObject().value(QStringLiteral("error")).toString(),
                 QStringLiteral("apidoc is required."));
    }

    void plainCallsFailWithOpenWhisksTexts()
    {
        const auto message = [this](const QString &action, const QJsonObject &params) {
            auto answer = builtin(action, params, false);
            return answer.ok() ? QString() : answer.error().message;
        };
        QCOMPARE(message(QStringLiteral("createApi"), {{QStringLiteral("apidoc"), 5}}),
                 QStringLiteral("apidoc field is of type number and should be a JSON object or a JSON string."));
        QCOMPARE(message(QStringLiteral("createApi"), {{QStringLiteral("apidoc"), QStringLiteral("{nope")}}),
                 QStringLiteral("apidoc field cannot be parsed. Ensure it is valid JSON."));
        QCOMPARE(message(QStringLiteral("createApi"),
                         {{QStringLiteral("apidoc"),
                           QJsonObject{{QStringLiteral("namespace"), QStringLiteral("_")},
                                       {QStringLiteral("gatewayBasePath"), QStringLiteral("/a")}}}}),
                 QStringLiteral("apidoc is missing the gatewayPath field"));
        QCOMPARE(message(QStringLiteral("createApi"),
                         {{QStringLiteral("apidoc"),
                           QJsonObject{{QStringLiteral("namespace"), QStringLiteral("_")},
                                       {QStringLiteral("swagger"),
                                        QJsonObject{{QStringLiteral("basePath"), QStringLiteral("/a")}}}}}}),
                 QStringLiteral("swagger is missing the paths field."));
        QCOMPARE(message(QStringLiteral("deleteApi"), {}), QStringLiteral("basepath is required."));
        QCOMPARE(message(QStringLiteral("deleteApi"), {{QStringLiteral("basepath"), QStringLiteral("/a")},
                                                       {QStringLiteral("operation"), QStringLiteral("get")}}),
                 QStringLiteral("When specifying an operation, the path is required."));

        auto plain = wait(platform->createRoute(
            routeTo(QStringLiteral("/p"), QStringLiteral("/x"), QStringLiteral("GET"), QStringLiteral("plain"))));
        QVERIFY(!plain.ok());
        QCOMPARE(
            plain.error().message,
            QStringLiteral("API creation failure: API action '/guest/plain' is not a web action. Issue 'wsk action "
                           "update /guest/plain --web true' to convert the action to a web action."));
        auto undeclared = builtin(
            QStringLiteral("createApi"),
            {{QStringLiteral("apidoc"),
              QJsonObject{
                  {QStringLiteral("namespace"), QStringLiteral("_")},
                  {QStringLiteral("swagger"),
                   QJsonObject{
                       {QStringLiteral("basePath"), QStringLiteral("/s")},
                       {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("S")}}},
                       {QStringLiteral("paths"),
                        QJsonObject{
                            {QStringLiteral("/u/{id}"),
                             QJsonObject{
                                 {QStringLiteral("get"),
                                  QJsonObject{
                                      {QStringLiteral("x-openwhisk"),
                                       QJsonObject{
                                           {QStringLiteral("namespace"), QStringLiteral("_")},
                                           {QStringLiteral("action"), QStringLiteral("user")},
                                           {QStringLiteral("url"),
                                            QStringLiteral("http://h/api/v1/web/_/default/user.http")}}}}}}}}}}}}}},
            false);
        QVERIFY(!undeclared.ok());
        QCOMPARE(undeclared.error().message,
                 QStringLiteral("API creation failure: The parameter 'id' defined in path '/u/{id}' does not match any "
                                "of the parameters defined for the path in the swagger file."));
    }

    void routesOutliveAReopen()
    {
        QVERIFY(wait(platform->createRoute(routeTo(QStringLiteral("/keep"), QStringLiteral("/it"),
                                                   QStringLiteral("PUT"), QStringLiteral("items"))))
                    .ok());
        reopen();
        const RouteMatch kept =
            engine->routes().match({QStringLiteral("keep"), QStringLiteral("it")}, QStringLiteral("PUT"));
        QCOMPARE(kept.kind, RouteMatch::Kind::Found);
        QCOMPARE(kept.ns, kNs);
        auto listed = wait(platform->listRoutes());
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLocalRoutes)
#include "TestLocalRoutes.moc"
