// Packages, bindings, sharing and sequences through a real `funcdeskd serve` (issue 19), with
// OpenWhisk's status codes and texts: what the official clients and `wsk` see.

#include "ServerFixture.h"

#include <QDir>
#include <QTest>

namespace {

const QStringList kTeam{QStringLiteral("--namespace"), QStringLiteral("team"), QStringLiteral("--allow-unsandboxed")};
const QByteArray kEchoParams = nodeAction(QStringLiteral("function main(p) { return p; }"));

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray sequenceBody(const QStringList &components, const QJsonArray &annotations = {})
{
    QJsonObject body{
        {QStringLiteral("exec"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("sequence")},
                                             {QStringLiteral("components"), QJsonArray::fromStringList(components)}}}};
    if (!annotations.isEmpty())
        body.insert(QStringLiteral("annotations"), annotations);
    return json(body);
}

QString errorOf(const HttpResult &result)
{
    return result.object().value(QStringLiteral("error")).toString();
}

} // namespace

class TestServerPackages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FuncdeskdProcess m_server{m_dir.path()};
    HttpClient m_http;
    QByteArray m_teamKey;

    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return m_http.request(method, m_server.url(QStringLiteral("/api/v1/namespaces") + path), body,
                              m_server.guestKey().toUtf8());
    }
    HttpResult asTeam(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return m_http.request(method, m_server.url(QStringLiteral("/api/v1/namespaces") + path), body, m_teamKey);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(0, kTeam), m_server.stderrText().constData());
        QFile key(QDir(m_dir.path()).filePath(QStringLiteral("auth.d/team")));
        QVERIFY(key.open(QIODevice::ReadOnly));
        m_teamKey = key.readAll().trimmed();
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void packageCrudWithOpenWhisksCodes()
    {
        const QByteArray body = json({{QStringLiteral("parameters"), QJsonArray{keyValue(QStringLiteral("a"), 1)}},
                                      {QStringLiteral("publish"), false}});
        const HttpResult created = call("PUT", QStringLiteral("/_/packages/crud"), body);
        QCOMPARE(created.status, 200);
        QCOMPARE(created.object().value(QStringLiteral("version")).toString(), QStringLiteral("0.0.1"));
        QCOMPARE(created.object().value(QStringLiteral("namespace")).toString(), QStringLiteral("guest"));
        const HttpResult again = call("PUT", QStringLiteral("/_/packages/crud"), body);
        QCOMPARE(again.status, 409);
        QCOMPARE(errorOf(again), QStringLiteral("resource already exists"));
        const HttpResult updated =
            call("PUT", QStringLiteral("/_/packages/crud?overwrite=true"), json({{QStringLiteral("publish"), true}}));
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.object().value(QStringLiteral("version")).toString(), QStringLiteral("0.0.2"));
        QCOMPARE(updated.object().value(QStringLiteral("publish")), QJsonValue(true));

        QCOMPARE(call("PUT", QStringLiteral("/_/actions/crud/hello"), kEchoParams).status, 200);
        const HttpResult got = call("GET", QStringLiteral("/_/packages/crud"));
        QCOMPARE(got.status, 200);
        QCOMPARE(got.object().value(QStringLiteral("actions")).toArray().size(), 1);
        QVERIFY(got.object().value(QStringLiteral("feeds")).isArray());
        QCOMPARE(call("GET", QStringLiteral("/_/actions/crud/")).array().size(), 1);

        const HttpResult full = call("DELETE", QStringLiteral("/_/packages/crud"));
        QCOMPARE(full.status, 409);
        QCOMPARE(errorOf(full),
                 QStringLiteral("Package not empty (contains 1 entity). Set force param or delete package contents."));
        QCOMPARE(call("DELETE", QStringLiteral("/_/packages/crud?force=true")).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/_/packages/crud")).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/_/actions/crud/hello")).status, 404);

        const HttpResult reserved = call("PUT", QStringLiteral("/_/packages/default"), QByteArray("{}"));
        QCOMPARE(reserved.status, 400);
        QCOMPARE(errorOf(reserved), QStringLiteral("Package name 'default' is reserved."));
        const HttpResult homeless = call("PUT", QStringLiteral("/_/actions/nowhere/a"), kEchoParams);
        QCOMPARE(homeless.status, 404);
        QCOMPARE(errorOf(homeless), QStringLiteral("The requested resource does not exist."));
    }

    void bindingsMergeParametersAndHoldNoActions()
    {
        QCOMPARE(call("PUT", QStringLiteral("/_/packages/base"),
                      json({{QStringLiteral("parameters"),
                             QJsonArray{keyValue(QStringLiteral("a"), 1), keyValue(QStringLiteral("b"), 1)}}}))
                     .status,
                 200);
        QCOMPARE(call("PUT", QStringLiteral("/_/actions/base/act"), kEchoParams).status, 200);
        const HttpResult missing =
            call("PUT", QStringLiteral("/_/packages/bad"),
                 json({{QStringLiteral("binding"), QJsonObject{{QStringLiteral("namespace"), QStringLiteral("_")},
                                                               {QStringLiteral("name"), QStringLiteral("no")}}}}));
        QCOMPARE(missing.status, 400);
        QCOMPARE(errorOf(missing), QStringLiteral("Binding references a package that does not exist."));
        const QJsonObject toBase{{QStringLiteral("namespace"), QStringLiteral("_")},
                                 {QStringLiteral("name"), QStringLiteral("base")}};
        QCOMPARE(call("PUT", QStringLiteral("/_/packages/bound"),
                      json({{QStringLiteral("binding"), toBase},
                            {QStringLiteral("parameters"), QJsonArray{keyValue(QStringLiteral("b"), 2)}}}))
                     .status,
                 200);
        const HttpResult intoBinding = call("PUT", QStringLiteral("/_/actions/bound/x"), kEchoParams);
        QCOMPARE(intoBinding.status, 400);
        QCOMPARE(errorOf(intoBinding), QStringLiteral("Operation not permitted on package binding."));
        const HttpResult becoming =
            call("PUT", QStringLiteral("/_/packages/base?overwrite=true"), json({{QStringLiteral("binding"), toBase}}));
        QCOMPARE(becoming.status, 409);

        const HttpResult ran =
            call("POST", QStringLiteral("/_/actions/bound/act?blocking=true&result=true"), QByteArray("{\"c\":3}"));
        QCOMPARE(ran.status, 200);
        QCOMPARE(ran.object(),
                 (QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}, {QStringLiteral("c"), 3}}));
        const HttpResult binding = call("GET", QStringLiteral("/_/packages/bound"));
        QCOMPARE(binding.object().value(QStringLiteral("binding")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("base"));
        QCOMPARE(binding.object().value(QStringLiteral("actions")).toArray().size(), 1);
    }

    void publishedPackagesAreSharedUnpublishedOnesAre403()
    {
        QCOMPARE(asTeam("PUT", QStringLiteral("/_/packages/lib"),
                        json({{QStringLiteral("parameters"),
                               QJsonArray{keyValue(QStringLiteral("from"), QStringLiteral("team"))}}}))
                     .status,
                 200);
        QCOMPARE(asTeam("PUT", QStringLiteral("/_/actions/lib/act"), kEchoParams).status, 200);
        const HttpResult hidden = call("GET", QStringLiteral("/team/packages/lib"));
        QCOMPARE(hidden.status, 403);
        QCOMPARE(errorOf(hidden),
                 QStringLiteral("The supplied authentication is not authorized to access 'team/lib'."));
        const QByteArray bindTeam =
            json({{QStringLiteral("binding"), QJsonObject{{QStringLiteral("namespace"), QStringLiteral("team")},
                                                          {QStringLiteral("name"), QStringLiteral("lib")}}}});
        const HttpResult refused = call("PUT", QStringLiteral("/_/packages/teamlib"), bindTeam);
        QCOMPARE(refused.status, 403);
        QCOMPARE(errorOf(refused),
                 QStringLiteral("The supplied authentication is not authorized to access 'team/lib'."));
        QCOMPARE(call("POST", QStringLiteral("/team/actions/lib/act?blocking=true")).status, 403);

        QCOMPARE(
            asTeam("PUT", QStringLiteral("/_/packages/lib?overwrite=true"), json({{QStringLiteral("publish"), true}}))
                .status,
            200);
        QCOMPARE(call("GET", QStringLiteral("/team/packages/lib")).status, 200);
        QCOMPARE(call("GET", QStringLiteral("/team/packages")).array().size(), 1);
        QCOMPARE(call("PUT", QStringLiteral("/team/packages/lib?overwrite=true"), QByteArray("{}")).status, 403);
        QCOMPARE(call("PUT", QStringLiteral("/_/packages/teamlib"), bindTeam).status, 200);
        const HttpResult through =
            call("POST", QStringLiteral("/_/actions/teamlib/act?blocking=true&result=true"), QByteArray("{\"n\":1}"));
        QCOMPARE(through.status, 200);
        QCOMPARE(through.object(),
                 (QJsonObject{{QStringLiteral("from"), QStringLiteral("team")}, {QStringLiteral("n"), 1}}));
        QCOMPARE(call("POST", QStringLiteral("/team/actions/lib/act?blocking=true&result=true")).status, 200);
    }

    void theCatalogsSortRunsByItsFullyQualifiedName()
    {
        const HttpResult sorted =
            call("POST", QStringLiteral("/whisk.system/actions/utils/sort?blocking=true&result=true"),
                 QByteArray("{\"lines\":[\"pear\",\"apple\",\"fig\"]}"));
        QCOMPARE(sorted.status, 200);
        QCOMPARE(sorted.object().value(QStringLiteral("lines")).toArray(),
                 (QJsonArray{QStringLiteral("apple"), QStringLiteral("fig"), QStringLiteral("pear")}));
        QCOMPARE(sorted.object().value(QStringLiteral("length")), QJsonValue(3));
    }

    void sequencesAreCheckedAndRunBlockingWithResultAndOnTheWeb()
    {
        const QByteArray step =
            nodeAction(QStringLiteral("function main(p) { return {trail: (p.trail || '') + 's'}; }"));
        QCOMPARE(call("PUT", QStringLiteral("/_/actions/step"), step).status, 200);
        const HttpResult none = call("PUT", QStringLiteral("/_/actions/seq"), sequenceBody({}));
        QCOMPARE(none.status, 400);
        QCOMPARE(errorOf(none), QStringLiteral("No component specified for the sequence."));
        const HttpResult missing = call("PUT", QStringLiteral("/_/actions/seq"),
                                        sequenceBody({QStringLiteral("/_/step"), QStringLiteral("/_/nope")}));
        QCOMPARE(missing.status, 400);
        QCOMPARE(errorOf(missing), QStringLiteral("Sequence component does not exist."));
        const HttpResult hidden =
            call("PUT", QStringLiteral("/_/actions/seq"), sequenceBody({QStringLiteral("/team/secret/x")}));
        QCOMPARE(hidden.status, 403);

        const QJsonArray web{keyValue(QStringLiteral("web-export"), true)};
        QCOMPARE(call("PUT", QStringLiteral("/_/actions/seq"),
                      sequenceBody({QStringLiteral("/_/step"), QStringLiteral("/_/step")}, web))
                     .status,
                 200);
        const HttpResult self =
            call("PUT", QStringLiteral("/_/actions/step?overwrite=true"), sequenceBody({QStringLiteral("/_/seq")}));
        QCOMPARE(self.status, 400);
        QCOMPARE(errorOf(self), QStringLiteral("Sequence may not refer to itself."));

        const HttpResult blocking = call("POST", QStringLiteral("/_/actions/seq?blocking=true"), QByteArray("{}"));
        QCOMPARE(blocking.status, 200);
        const QJsonObject activation = blocking.object();
        QCOMPARE(activation.value(QStringLiteral("logs")).toArray().size(), 2);
        QCOMPARE(activation.value(QStringLiteral("response")).toObject().value(QStringLiteral("result")).toObject(),
                 (QJsonObject{{QStringLiteral("trail"), QStringLiteral("ss")}}));
        const HttpResult result =
            call("POST", QStringLiteral("/_/actions/seq?blocking=true&result=true"), QByteArray("{\"trail\":\">\"}"));
        QCOMPARE(result.object(), (QJsonObject{{QStringLiteral("trail"), QStringLiteral(">ss")}}));

        const HttpResult onTheWeb =
            m_http.request("GET", m_server.url(QStringLiteral("/api/v1/web/guest/default/seq.json")));
        QCOMPARE(onTheWeb.status, 200);
        QCOMPARE(onTheWeb.object().value(QStringLiteral("trail")).toString(), QStringLiteral("ss"));
    }

    void aRuleFiresASequence()
    {
        const QByteArray mark = nodeAction(QStringLiteral("function main(p) { return {marked: p.n}; }"));
        QCOMPARE(call("PUT", QStringLiteral("/_/actions/mark"), mark).status, 200);
        QCOMPARE(call("PUT", QStringLiteral("/_/actions/fired"), sequenceBody({QStringLiteral("/_/mark")})).status,
                 200);
        QCOMPARE(call("PUT", QStringLiteral("/_/triggers/go"), QByteArray("{}")).status, 200);
        QCOMPARE(call("PUT", QStringLiteral("/_/rules/go-fired"),
                      QByteArray("{\"trigger\":\"/_/go\",\"action\":\"/_/fired\"}"))
                     .status,
                 200);
        QCOMPARE(call("POST", QStringLiteral("/_/triggers/go"), QByteArray("{\"n\":7}")).status, 202);
        QJsonArray listed;
        QTRY_VERIFY_WITH_TIMEOUT(
            (listed = call("GET", QStringLiteral("/_/activations?name=fired&docs=true")).array(), !listed.isEmpty()),
            30000);
        const QJsonObject sequence = listed.first().toObject();
        QCOMPARE(sequence.value(QStringLiteral("response")).toObject().value(QStringLiteral("result")).toObject(),
                 (QJsonObject{{QStringLiteral("marked"), 7}}));
        QCOMPARE(sequence.value(QStringLiteral("logs")).toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestServerPackages)
#include "TestServerPackages.moc"
