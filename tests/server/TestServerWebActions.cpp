// Web actions: /api/v1/web/{namespace}/default/{action}.{ext} runs an action exported with
// web-export as an HTTP handler, without credentials unless it asks for them.

#include "ServerFixture.h"

#include <QTest>

class TestServerWebActions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FuncdeskdProcess m_server{m_dir.path()};
    HttpClient m_http;

    void put(const QString &name, const QString &code, const QJsonArray &annotations)
    {
        const HttpResult result = m_http.request(
            "PUT",
            m_server.url(QStringLiteral("/api/v1/namespaces/_/actions/") + name + QStringLiteral("?overwrite=true")),
            nodeAction(code, annotations), m_server.guestKey().toUtf8());
        QVERIFY2(result.status == 200, result.body.constData());
    }
    HttpResult web(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QList<std::pair<QByteArray, QByteArray>> &headers = {}, const QByteArray &auth = {})
    {
        return m_http.request(method, m_server.url(QStringLiteral("/api/v1/web/guest/default/") + path), body, auth,
                              headers);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), m_server.stderrText().constData());
        const QJsonArray exported{keyValue(QStringLiteral("web-export"), true)};
        put(QStringLiteral("mirror"),
            QStringLiteral("function main(p){return {params: p, text: 'plain ' + (p.name || ''), html: '<b>hi</b>'}}"),
            exported);
        put(QStringLiteral("page"),
            QStringLiteral("function main(p){return {statusCode: 201, headers: {'X-Made-By': 'funcdesk', "
                           "'Content-Type': 'text/plain'}, body: 'made ' + p.__ow_path}}"),
            exported);
        put(QStringLiteral("png"),
            QStringLiteral("function main(){return {headers: {'Content-Type': 'image/png'}, body: Buffer.from([137, "
                           "80, 78, 71]).toString('base64')}}"),
            exported);
        put(QStringLiteral("nothing"), QStringLiteral("function main(){return {}}"), exported);
        put(QStringLiteral("private"), QStringLiteral("function main(){return {secret: 1}}"), {});
        put(QStringLiteral("guarded"), QStringLiteral("function main(p){return {user: p.__ow_user}}"),
            QJsonArray{keyValue(QStringLiteral("web-export"), true),
                       keyValue(QStringLiteral("require-whisk-auth"), true)});
        put(QStringLiteral("secretword"), QStringLiteral("function main(){return {ok: true}}"),
            QJsonArray{keyValue(QStringLiteral("web-export"), true),
                       keyValue(QStringLiteral("require-whisk-auth"), QStringLiteral("sesame"))});
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void jsonExtensionReturnsTheResultWithRequestContext()
    {
        const HttpResult result = web("GET", QStringLiteral("mirror.json/some/path?name=Jane"));
        QCOMPARE(result.status, 200);
        QVERIFY(result.header("Content-Type").startsWith("application/json"));
        QCOMPARE(result.header("x-openwhisk-activation-id").size(), 32);
        const QJsonObject params = result.object().value(QStringLiteral("params")).toObject();
        QCOMPARE(params.value(QStringLiteral("name")).toString(), QStringLiteral("Jane"));
        QCOMPARE(params.value(QStringLiteral("__ow_method")).toString(), QStringLiteral("get"));
        QCOMPARE(params.value(QStringLiteral("__ow_path")).toString(), QStringLiteral("/some/path"));
        QVERIFY(params.value(QStringLiteral("__ow_headers")).toObject().contains(QStringLiteral("host")));
        QVERIFY(!params.contains(QStringLiteral("__ow_user")));
    }

    void bodyParametersWinOverQuery()
    {
        const HttpResult json =
            web("POST", QStringLiteral("mirror.json?name=query"), QByteArray("{\"name\":\"body\"}"));
        QCOMPARE(json.status, 200);
        QCOMPARE(json.object().value(QStringLiteral("params")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("body"));
        const HttpResult form = web("POST", QStringLiteral("mirror.json?name=query"), QByteArray("name=form+data"),
                                    {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(form.status, 200);
        QCOMPARE(form.object().value(QStringLiteral("params")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("form data"));
    }

    void textAndHtmlExtensionsProjectTheirField()
    {
        const HttpResult text = web("GET", QStringLiteral("mirror.text?name=Jo"));
        QCOMPARE(text.status, 200);
        QCOMPARE(text.body, QByteArrayLiteral("plain Jo"));
        QVERIFY(text.header("Content-Type").startsWith("text/plain"));
        const HttpResult html = web("GET", QStringLiteral("mirror.html"));
        QCOMPARE(html.status, 200);
        QCOMPARE(html.body, QByteArrayLiteral("<b>hi</b>"));
        QVERIFY(html.header("Content-Type").startsWith("text/html"));
        QCOMPARE(web("GET", QStringLiteral("nothing.text")).status, 404);
    }

    void httpExtensionUsesStatusHeadersAndBody()
    {
        const HttpResult page = web("GET", QStringLiteral("page.http/x"));
        QCOMPARE(page.status, 201);
        QCOMPARE(page.body, QByteArrayLiteral("made /x"));
        QCOMPARE(page.header("X-Made-By"), QByteArrayLiteral("funcdesk"));
        QVERIFY(page.header("Content-Type").startsWith("text/plain"));
        // No extension means .http.
        QCOMPARE(web("GET", QStringLiteral("page/y")).body, QByteArrayLiteral("made /y"));

        const HttpResult png = web("GET", QStringLiteral("png.http"));
        QCOMPARE(png.status, 200);
        QCOMPARE(png.body, QByteArray("\x89PNG", 4));
        QCOMPARE(web("GET", QStringLiteral("nothing.http")).status, 204);
    }

    void actionsNotExportedAreNotFound()
    {
        const HttpResult result = web("GET", QStringLiteral("private.json"));
        QCOMPARE(result.status, 404);
        QCOMPARE(result.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("The requested resource does not exist."));
        QCOMPARE(web("GET", QStringLiteral("missing.json")).status, 404);
    }

    void requireWhiskAuthChecksCredentialsOrSecret()
    {
        QCOMPARE(web("GET", QStringLiteral("guarded.json")).status, 401);
        const HttpResult authed = web("GET", QStringLiteral("guarded.json"), {}, {}, m_server.guestKey().toUtf8());
        QCOMPARE(authed.status, 200);
        QCOMPARE(authed.object().value(QStringLiteral("user")).toString(), QStringLiteral("guest"));

        QCOMPARE(web("GET", QStringLiteral("secretword.json")).status, 401);
        QCOMPARE(web("GET", QStringLiteral("secretword.json"), {}, {{"X-Require-Whisk-Auth", "wrong"}}).status, 401);
        QCOMPARE(web("GET", QStringLiteral("secretword.json"), {}, {{"X-Require-Whisk-Auth", "sesame"}}).status, 200);
    }

    void reservedParametersAre400()
    {
        const HttpResult result = web("GET", QStringLiteral("mirror.json?__ow_method=put"));
        QCOMPARE(result.status, 400);
        QCOMPARE(result.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("Request defines parameters that are not allowed (e.g., reserved properties)."));
    }

    void optionsAnswersThePreflight()
    {
        const HttpResult result = web("OPTIONS", QStringLiteral("mirror.json"));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("Access-Control-Allow-Origin"), QByteArrayLiteral("*"));
    }
};

QTEST_GUILESS_MAIN(TestServerWebActions)
#include "TestServerWebActions.moc"
