// Where the Configuration panel says a web action answers: the connection's address, the
// action's namespace, its package ("default" outside one) and name.

#include "models/connections/ConnectionProfile.h"
#include "models/connections/WebActionAddress.h"

#include <QTest>

using namespace funcdesk;

namespace {
// The URL of `action` in namespace "guest" at `base`.
QString urlAt(const char *base, const char *action)
{
    return WebActionAddress(QString::fromLatin1(base)).url(QStringLiteral("guest"), QString::fromLatin1(action));
}

ConnectionProfile remote(const char *apiHost)
{
    ConnectionProfile profile = ConnectionProfile::newRemote();
    profile.apiHost = QString::fromLatin1(apiHost);
    return profile;
}
} // namespace

class TestWebActionAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actionOutsideAPackageIsInTheDefaultPackage()
    {
        QCOMPARE(urlAt("http://127.0.0.1:3233", "hello"),
                 QStringLiteral("http://127.0.0.1:3233/api/v1/web/guest/default/hello.json"));
    }

    void actionInAPackageNamesItsPackage()
    {
        QCOMPARE(urlAt("http://127.0.0.1:3233", "pkg/act"),
                 QStringLiteral("http://127.0.0.1:3233/api/v1/web/guest/pkg/act.json"));
    }

    void localConnectionUsesTheEmbeddedServer()
    {
        const auto address = WebActionAddress::of(ConnectionProfile::local(), QStringLiteral("http://127.0.0.1:4711"));
        QCOMPARE(address.url(QStringLiteral("guest"), QStringLiteral("hello")),
                 QStringLiteral("http://127.0.0.1:4711/api/v1/web/guest/default/hello.json"));
    }

    void remoteConnectionUsesItsApiHostAsTheClientReadsIt()
    {
        QCOMPARE(
            WebActionAddress::of(remote("openwhisk.example.org/"), {}).url(QStringLiteral("ns"), QStringLiteral("a")),
            QStringLiteral("https://openwhisk.example.org/api/v1/web/ns/default/a.json"));
        QCOMPARE(WebActionAddress::of(remote(" https://gw.example/ow/api/v1 "), {})
                     .url(QStringLiteral("ns"), QStringLiteral("pkg/a")),
                 QStringLiteral("https://gw.example/ow/api/v1/web/ns/pkg/a.json"));
    }

    void namesArePercentEncoded()
    {
        QCOMPARE(urlAt("http://h", "my pkg/a&b"), QStringLiteral("http://h/api/v1/web/guest/my%20pkg/a%26b.json"));
    }

    void withoutAnAddressOrAnActionThereIsNoUrl()
    {
        QVERIFY(WebActionAddress().url(QStringLiteral("guest"), QStringLiteral("hello")).isEmpty());
        QVERIFY(WebActionAddress::of(ConnectionProfile::local(), {})
                    .url(QStringLiteral("guest"), QStringLiteral("hello"))
                    .isEmpty());
        QVERIFY(urlAt("http://h", "").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWebActionAddress)
#include "TestWebActionAddress.moc"
