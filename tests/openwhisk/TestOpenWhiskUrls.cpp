// How the client addresses a platform: the API host as users type it, Basic credentials, and
// REST paths and queries with names percent-encoded segment by segment.

#include "platforms/openwhisk/OpenWhiskConfig.h"
#include "platforms/openwhisk/OpenWhiskUrls.h"

#include <QTest>

using namespace funcdesk;

namespace {
QUrl rootOf(const char *apiHost)
{
    OpenWhiskConfig config;
    config.apiHost = QString::fromLatin1(apiHost);
    return config.rootUrl();
}

QByteArray encoded(const QUrl &url)
{
    return url.toEncoded();
}
} // namespace

class TestOpenWhiskUrls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostWithoutSchemeGetsHttps()
    {
        QCOMPARE(encoded(rootOf("openwhisk.example.org")), QByteArrayLiteral("https://openwhisk.example.org/"));
        QCOMPARE(encoded(rootOf("openwhisk.example.org:31001")),
                 QByteArrayLiteral("https://openwhisk.example.org:31001/"));
    }

    void plainHttpIsKept()
    {
        QCOMPARE(encoded(rootOf("http://127.0.0.1:3233")), QByteArrayLiteral("http://127.0.0.1:3233/"));
        QCOMPARE(encoded(rootOf("HTTP://localhost:3233/")), QByteArrayLiteral("http://localhost:3233/"));
    }

    void userInfoInTheHostIsDropped()
    {
        QCOMPARE(encoded(rootOf("https://uuid:secret@host.example")), QByteArrayLiteral("https://host.example/"));
    }

    void pathIsAPrefixButAPastedApiV1IsNot()
    {
        QCOMPARE(encoded(rootOf("https://gateway.example/openwhisk")),
                 QByteArrayLiteral("https://gateway.example/openwhisk/"));
        QCOMPARE(encoded(rootOf("https://host.example/api/v1/")), QByteArrayLiteral("https://host.example/"));
        QCOMPARE(encoded(rootOf("host.example/api/v1")), QByteArrayLiteral("https://host.example/"));
    }

    void unusableHostsGiveAnInvalidUrl()
    {
        QVERIFY(!rootOf("").isValid());
        QVERIFY(!rootOf("   ").isValid());
        QVERIFY(!rootOf("http://").isValid());
    }

    void authorizationIsBasicOfTheWholePair()
    {
        OpenWhiskConfig config;
        config.auth = QStringLiteral("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZ");
        QCOMPARE(config.authorizationHeader(),
                 QByteArrayLiteral("Basic ") +
                     QByteArrayLiteral("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZ").toBase64());
    }

    void namespacePathsUseTheConfiguredNamespace()
    {
        const OpenWhiskUrls urls(rootOf("http://127.0.0.1:3233"), QStringLiteral("guest"));
        QCOMPARE(encoded(urls.root()), QByteArrayLiteral("http://127.0.0.1:3233/"));
        QCOMPARE(encoded(urls.namespaces()), QByteArrayLiteral("http://127.0.0.1:3233/api/v1/namespaces"));
        QCOMPARE(encoded(urls.collection(Collection::Rules)),
                 QByteArrayLiteral("http://127.0.0.1:3233/api/v1/namespaces/guest/rules"));
        QCOMPARE(encoded(urls.activation(QStringLiteral("abc"), QStringLiteral("logs"))),
                 QByteArrayLiteral("http://127.0.0.1:3233/api/v1/namespaces/guest/activations/abc/logs"));
    }

    void emptyNamespaceMeansTheCallersOwn()
    {
        const OpenWhiskUrls urls(rootOf("http://h"), QString());
        QCOMPARE(encoded(urls.collection(Collection::Actions)),
                 QByteArrayLiteral("http://h/api/v1/namespaces/_/actions"));
    }

    void packagedNamesKeepTheirSlashAndEncodeEachSegment()
    {
        const OpenWhiskUrls urls(rootOf("http://h"), QStringLiteral("_"));
        QCOMPARE(encoded(urls.entity(Collection::Actions, QStringLiteral("utils/echo"))),
                 QByteArrayLiteral("http://h/api/v1/namespaces/_/actions/utils/echo"));
        QCOMPARE(encoded(urls.entity(Collection::Actions, QStringLiteral("my pkg/a&b@c"))),
                 QByteArrayLiteral("http://h/api/v1/namespaces/_/actions/my%20pkg/a%26b%40c"));
        QCOMPARE(encoded(urls.entity(Collection::Triggers, QStringLiteral("what?#x"))),
                 QByteArrayLiteral("http://h/api/v1/namespaces/_/triggers/what%3F%23x"));
    }

    void fullyQualifiedNamesAddressTheirOwnNamespace()
    {
        // As wsk invokes a feed: "/whisk.system/alarms/alarm" from any namespace.
        const OpenWhiskUrls urls(rootOf("http://h"), QStringLiteral("guest"));
        QCOMPARE(encoded(urls.entity(Collection::Actions, QStringLiteral("/whisk.system/alarms/alarm"),
                                     {{QStringLiteral("blocking"), QStringLiteral("true")}})),
                 QByteArrayLiteral("http://h/api/v1/namespaces/whisk.system/actions/alarms/alarm?blocking=true"));
        QCOMPARE(encoded(urls.entity(Collection::Actions, QStringLiteral("/other/echo"))),
                 QByteArrayLiteral("http://h/api/v1/namespaces/other/actions/echo"));
        QCOMPARE(encoded(urls.entity(Collection::Triggers, QStringLiteral("/_/periodic"))),
                 QByteArrayLiteral("http://h/api/v1/namespaces/_/triggers/periodic"));
    }

    void webActionOutsideAPackageIsInTheDefaultPackage()
    {
        const OpenWhiskUrls urls(rootOf("http://127.0.0.1:3233"), QStringLiteral("guest"));
        QCOMPARE(encoded(urls.webAction(QStringLiteral("hello"))),
                 QByteArrayLiteral("http://127.0.0.1:3233/api/v1/web/guest/default/hello.json"));
        QCOMPARE(encoded(urls.webAction(QStringLiteral("hello"), QStringLiteral("http"))),
                 QByteArrayLiteral("http://127.0.0.1:3233/api/v1/web/guest/default/hello.http"));
    }

    void webActionInAPackageNamesItsPackage()
    {
        const OpenWhiskUrls urls(rootOf("https://gateway.example/openwhisk"), QStringLiteral("guest"));
        QCOMPARE(encoded(urls.webAction(QStringLiteral("pkg/act"))),
                 QByteArrayLiteral("https://gateway.example/openwhisk/api/v1/web/guest/pkg/act.json"));
        QCOMPARE(encoded(urls.webAction(QStringLiteral("my pkg/a&b"))),
                 QByteArrayLiteral("https://gateway.example/openwhisk/api/v1/web/guest/my%20pkg/a%26b.json"));
    }

    void queryValuesAreEncoded()
    {
        const OpenWhiskUrls urls(rootOf("http://h"), QStringLiteral("_"));
        const QUrl url = urls.entity(Collection::Actions, QStringLiteral("hello"),
                                     {{QStringLiteral("blocking"), QStringLiteral("true")},
                                      {QStringLiteral("odd"), QStringLiteral("a&b=c d+e")}});
        QCOMPARE(encoded(url),
                 QByteArrayLiteral("http://h/api/v1/namespaces/_/actions/hello?blocking=true&odd=a%26b%3Dc%20d%2Be"));
    }

    void activationQueryCarriesFiltersAndPaging()
    {
        ActivationQuery query;
        query.name = QStringLiteral("pkg/hello");
        query.since = 1700000000000;
        query.upto = 1700000005000;
        query.skip = 10;
        query.limit = 200;
        query.docs = true;
        const OpenWhiskUrls urls(rootOf("http://h"), QStringLiteral("_"));
        QCOMPARE(encoded(urls.activations(OpenWhiskUrls::activationQuery(query))),
                 QByteArrayLiteral("http://h/api/v1/namespaces/_/activations?name=pkg%2Fhello&since=1700000000000"
                                   "&upto=1700000005000&skip=10&limit=200&docs=true"));
    }

    void activationCountHasNoPagingAndNoDocs()
    {
        ActivationQuery query;
        query.name = QStringLiteral("hello");
        query.docs = true; // OpenWhisk answers 400 to count with docs
        const OpenWhiskUrls urls(rootOf("http://h"), QStringLiteral("_"));
        QCOMPARE(encoded(urls.activations(OpenWhiskUrls::activationQuery(query, true))),
                 QByteArrayLiteral("http://h/api/v1/namespaces/_/activations?name=hello&count=true"));
    }
};

QTEST_GUILESS_MAIN(TestOpenWhiskUrls)
#include "TestOpenWhiskUrls.moc"
