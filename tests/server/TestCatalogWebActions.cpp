// Web actions of whisk.system: a built-in exported with web-export answers at
// /api/v1/web/whisk.system/<package>/<action>.<ext> by OpenWhisk's web-action rules (credentials
// only when it asks for them, then __ow_user is the caller's namespace; final parameters cannot
// be overridden), run in-process and recorded in whisk.system, the action's namespace, as
// OpenWhisk runs web actions as their owner. In-process server: only a test registers built-ins.

#include "ServerFixture.h"

#include "platforms/local/LocalEngine.h"
#include "platforms/local/SystemCatalog.h"
#include "server/ApiServer.h"

#include <QTest>

using namespace funcdesk;

namespace {
// Answers with who called it and with what.
class Mirror final : public BuiltinAction
{
public:
    Result<QJsonObject> run(const BuiltinCall &call) override
    {
        return QJsonObject{{QStringLiteral("ns"), call.ns},
                           {QStringLiteral("user"), call.params.value(QLatin1StringView("__ow_user"))},
                           {QStringLiteral("method"), call.params.value(QLatin1StringView("__ow_method"))},
                           {QStringLiteral("gateway"), call.params.value(QLatin1StringView("gateway"))},
                           {QStringLiteral("q"), call.params.value(QLatin1StringView("q"))}};
    }
};

KeyValueList webExported(bool requireAuth)
{
    KeyValueList annotations{{QStringLiteral("web-export"), true, {}}, {QStringLiteral("final"), true, {}}};
    if (requireAuth)
        annotations.set(QStringLiteral("require-whisk-auth"), true);
    return annotations;
}
} // namespace

class TestCatalogWebActions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalEngine> m_engine;
    std::unique_ptr<ApiServer> m_server;
    quint16 m_port = 0;
    QByteArray m_guestAuth;
    HttpClient m_http;

    QString url(const QString &path) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path); }

private Q_SLOTS:
    void initTestCase()
    {
        LocalConfig config;
        config.dataDir = m_dir.path();
        config.executor.stemCellsPerRuntime = 0;
        auto opened = LocalEngine::open(config);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        m_engine = std::move(opened).value();
        const auto mirror = std::make_shared<Mirror>();
        const KeyValueList fixed{{QStringLiteral("gateway"), QStringLiteral("local"), {}}};
        m_engine->systemCatalog().add(
            {QStringLiteral("apimgmt"), QStringLiteral("open"), webExported(false), fixed, mirror});
        m_engine->systemCatalog().add(
            {QStringLiteral("apimgmt"), QStringLiteral("guarded"), webExported(true), fixed, mirror});
        m_engine->systemCatalog().add({QStringLiteral("apimgmt"), QStringLiteral("hidden"), {}, {}, mirror});
        m_guestAuth = m_engine->ensureNamespace(QStringLiteral("guest")).value().authString().toUtf8();
        ApiServerOptions options;
        options.logRequests = false;
        m_server = std::make_unique<ApiServer>(*m_engine, options);
        auto port = m_server->listenOn(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        m_port = port.value();
    }
    void cleanupTestCase()
    {
        m_server.reset();
        m_engine.reset();
    }

    void anExportedBuiltinAnswersWithoutCredentials()
    {
        const HttpResult result =
            m_http.request("GET", url(QStringLiteral("/api/v1/web/whisk.system/apimgmt/open.json?q=1")));
        QCOMPARE(result.status, 200);
        const QJsonObject body = result.object();
        QCOMPARE(body.value(QLatin1StringView("ns")).toString(), SystemCatalog::ns()); // run as its owner
        QCOMPARE(body.value(QLatin1StringView("method")).toString(), QStringLiteral("get"));
        QCOMPARE(body.value(QLatin1StringView("q")).toString(), QStringLiteral("1"));
        QCOMPARE(body.value(QLatin1StringView("gateway")).toString(), QStringLiteral("local"));
        QVERIFY(body.value(QLatin1StringView("user")).isUndefined());
        QCOMPARE(result.header("x-openwhisk-activation-id").size(), 32);
    }

    void requireWhiskAuthWantsAValidKeyAndPassesTheCallersNamespace()
    {
        const QString path = QStringLiteral("/api/v1/web/whisk.system/apimgmt/guarded.json");
        QCOMPARE(m_http.request("GET", url(path)).status, 401);
        const HttpResult result = m_http.request("GET", url(path), {}, m_guestAuth);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.object().value(QLatin1StringView("user")).toString(), QStringLiteral("guest"));
    }

    void finalParametersCannotBeOverridden()
    {
        const HttpResult result =
            m_http.request("GET", url(QStringLiteral("/api/v1/web/whisk.system/apimgmt/open.json?gateway=evil")));
        QCOMPARE(result.status, 400);
    }

    void aBuiltinNotExportedIsNotThere()
    {
        QCOMPARE(m_http.request("GET", url(QStringLiteral("/api/v1/web/whisk.system/apimgmt/hidden.json"))).status,
                 404);
        // Still invocable through the API by any namespace (its package is published).
        const HttpResult invoked = m_http.request(
            "POST",
            url(QStringLiteral("/api/v1/namespaces/whisk.system/actions/apimgmt/hidden?blocking=true&result=true")),
            "{}", m_guestAuth);
        QCOMPARE(invoked.status, 200);
        QCOMPARE(invoked.object().value(QLatin1StringView("ns")).toString(), QStringLiteral("guest"));
    }
};

QTEST_MAIN(TestCatalogWebActions)
#include "TestCatalogWebActions.moc"
