// OpenWhiskPlatform's packages and sequences against a real `funcdeskd serve` (issue 19):
// putPackage and deletePackage over REST (create, update, bind, the 409 of a package that still
// holds actions), and a sequence created and invoked like any action.

#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "support/FuncdeskdProcess.h"
#include "support/Futures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

Action nodeAction(const QString &code)
{
    Action action;
    action.exec = Exec::withCode(QStringLiteral("nodejs:default"), code);
    return action;
}

} // namespace

class TestOpenWhiskPackages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FuncdeskdProcess m_server{m_dir.path()};
    std::unique_ptr<OpenWhiskPlatform> m_platform;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), m_server.stderrText().constData());
        OpenWhiskConfig config;
        config.apiHost = m_server.apiHost();
        config.auth = m_server.guestKey();
        m_platform = std::make_unique<OpenWhiskPlatform>(config);
    }

    void cleanupTestCase()
    {
        m_platform.reset();
        QCOMPARE(m_server.stop(), 0);
    }

    void packagesAreCreatedUpdatedBoundAndDeleted()
    {
        Package package;
        package.parameters = KeyValueList{{QStringLiteral("greeting"), QStringLiteral("hello"), {}}};
        const Package created = take(m_platform->putPackage(QStringLiteral("kit"), package, {}));
        QCOMPARE(created.name.value_or(QString()), QStringLiteral("kit"));
        QCOMPARE(created.version.value_or(QString()), QStringLiteral("0.0.1"));
        const PlatformError exists = failure(m_platform->putPackage(QStringLiteral("kit"), package, {}));
        QCOMPARE(exists.kind, PlatformError::Kind::Conflict);
        QCOMPARE(exists.message, QStringLiteral("resource already exists"));
        package.publish = true;
        QCOMPARE(take(m_platform->putPackage(QStringLiteral("kit"), package, PutOptions{true, {}})).publish,
                 std::optional<bool>(true));

        take(m_platform->putAction(
            QStringLiteral("kit/greet"),
            nodeAction(QStringLiteral("function main(p) { return {said: p.greeting + ' ' + p.name}; }")), {}));
        Package binding;
        binding.binding = QJsonObject{{QStringLiteral("namespace"), QStringLiteral("_")},
                                      {QStringLiteral("name"), QStringLiteral("kit")}};
        binding.parameters = KeyValueList{{QStringLiteral("name"), QStringLiteral("binding"), {}}};
        take(m_platform->putPackage(QStringLiteral("mykit"), binding, {}));
        const Package got = take(m_platform->getPackage(QStringLiteral("mykit")));
        QCOMPARE(got.actions.value_or(QJsonArray()).size(), 1);
        InvokeOptions resultOnly;
        resultOnly.resultOnly = true;
        const InvokeOutcome ran = take(m_platform->invokeAction(QStringLiteral("mykit/greet"), {}, resultOnly));
        QCOMPARE(ran.result.value_or(QJsonValue()).toObject().value(QLatin1StringView("said")).toString(),
                 QStringLiteral("hello binding"));

        const PlatformError full = failure(m_platform->deletePackage(QStringLiteral("kit")));
        QCOMPARE(full.kind, PlatformError::Kind::Conflict);
        QCOMPARE(full.message,
                 QStringLiteral("Package not empty (contains 1 entity). Set force param or delete package contents."));
        take(m_platform->deletePackage(QStringLiteral("mykit")));
        take(m_platform->deleteAction(QStringLiteral("kit/greet")));
        take(m_platform->deletePackage(QStringLiteral("kit")));
        QCOMPARE(failure(m_platform->getPackage(QStringLiteral("kit"))).kind, PlatformError::Kind::NotFound);
    }

    void aSequenceIsCreatedAndInvokedLikeAnAction()
    {
        take(m_platform->putAction(QStringLiteral("twice"),
                                   nodeAction(QStringLiteral("function main(p) { return {n: (p.n || 1) * 2}; }")), {}));
        Action sequence;
        sequence.exec = Exec();
        sequence.exec->kind = QStringLiteral("sequence");
        sequence.exec->components = QStringList{QStringLiteral("/_/twice"), QStringLiteral("/_/twice")};
        const Action stored = take(m_platform->putAction(QStringLiteral("quad"), sequence, {}));
        QCOMPARE(stored.exec->components.value_or(QStringList()),
                 (QStringList{QStringLiteral("/guest/twice"), QStringLiteral("/guest/twice")}));
        const InvokeOutcome ran =
            take(m_platform->invokeAction(QStringLiteral("quad"), {{QStringLiteral("n"), 3}}, InvokeOptions{}));
        QVERIFY(ran.activation);
        QCOMPARE(ran.activation->response->result.toObject().value(QLatin1StringView("n")), QJsonValue(12));
        QCOMPARE(ran.activation->logs.value_or(QStringList()).size(), 2);
        QCOMPARE(ran.activation->annotation(QStringLiteral("kind")).toString(), QStringLiteral("sequence"));
        sequence.exec->components = QStringList{QStringLiteral("/_/missing")};
        const PlatformError refused = failure(m_platform->putAction(QStringLiteral("broken"), sequence, {}));
        QCOMPARE(refused.kind, PlatformError::Kind::Invalid);
        QCOMPARE(refused.message, QStringLiteral("Sequence component does not exist."));
    }

    void anotherNamespacesPublishedPackagesAreListed()
    {
        // GET /namespaces/whisk.system/packages: the catalog, published to every namespace.
        const QList<Package> system =
            take(m_platform->listPublishedPackages(QStringLiteral("whisk.system"), ListOptions{}));
        QStringList names;
        for (const Package &package : system)
            names.append(package.name.value_or(QString()));
        QVERIFY2(names.contains(QStringLiteral("utils")), qPrintable(names.join(u',')));
        QCOMPARE(take(m_platform->listPublishedPackages(QStringLiteral("/whisk.system"), ListOptions{})).size(),
                 system.size());
        QCOMPARE(failure(m_platform->listPublishedPackages(QStringLiteral("a/b"), ListOptions{})).kind,
                 PlatformError::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestOpenWhiskPackages)
#include "TestOpenWhiskPackages.moc"
