// Packages and bindings on the local platform (issue 19), with OpenWhisk's rules and texts
// (ctrl/Packages.scala): create, update, get with contents, delete only when empty, bindings and
// their parameters at invoke time, and sharing with other namespaces through `publish`.

#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kNs = QStringLiteral("guest");
const QString kTeam = QStringLiteral("team");
// Answers the parameters it was invoked with.
const QString kEchoParams = QStringLiteral("function main(p) { return p; }");

Package packageWith(const QJsonObject &parameters, std::optional<bool> publish = {})
{
    Package package;
    KeyValueList list;
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        list.set(it.key(), it.value());
    package.parameters = list;
    package.publish = publish;
    return package;
}

Package bindingTo(const QString &ns, const QString &name, const QJsonObject &parameters = {})
{
    Package package = packageWith(parameters);
    package.binding = QJsonObject{{QStringLiteral("namespace"), ns}, {QStringLiteral("name"), name}};
    return package;
}

} // namespace

class TestPackages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    LocalEngine *engine = nullptr;

    Package put(const QString &ns, const QString &name, const Package &package, bool overwrite = false)
    {
        return take(engine->putPackage(ns, name, package, PutOptions{overwrite, {}}));
    }
    PlatformError refusedPut(const QString &ns, const QString &name, const Package &package, bool overwrite = false)
    {
        return failure(engine->putPackage(ns, name, package, PutOptions{overwrite, {}}));
    }
    Activation invoke(const QString &ns, const QString &name, const QJsonObject &params = {})
    {
        const InvokeOutcome outcome = take(engine->invokeAction(ns, name, params, InvokeOptions{}));
        if (!outcome.activation)
            qFatal("invoke of %s did not finish", qPrintable(name));
        return *outcome.activation;
    }

private Q_SLOTS:
    void init()
    {
        local = std::make_unique<LocalFixture>();
        engine = local->engine.get();
    }
    void cleanup() { local.reset(); }

    void createGetUpdateAndConflict()
    {
        Package created = put(kNs, QStringLiteral("tools"), packageWith({{QStringLiteral("a"), 1}}));
        QCOMPARE(*created.version, QStringLiteral("0.0.1"));
        QCOMPARE(created.publish, std::optional<bool>(false));
        QCOMPARE(created.binding, QJsonValue(QJsonObject()));
        QCOMPARE(failure(engine->putPackage(kNs, QStringLiteral("tools"), Package(), {})).message,
                 QStringLiteral("resource already exists"));

        Package change;
        change.publish = true;
        change.annotations = KeyValueList{{QStringLiteral("description"), QStringLiteral("handy"), {}}};
        const Package updated = put(kNs, QStringLiteral("tools"), change, true);
        QCOMPARE(*updated.version, QStringLiteral("0.0.2"));
        QCOMPARE(updated.publish, std::optional<bool>(true));
        QCOMPARE(updated.parameters->toObject(), (QJsonObject{{QStringLiteral("a"), 1}})); // kept
        QCOMPARE(updated.annotations->value(QStringLiteral("description")).toString(), QStringLiteral("handy"));

        local->put(QStringLiteral("tools/hello"), kEchoParams);
        const Package got = take(engine->getPackage(kNs, QStringLiteral("tools")));
        QCOMPARE(got.actions->size(), 1);
        QCOMPARE(got.actions->first().toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("hello"));
        QVERIFY(got.feeds->isEmpty());
        QCOMPARE(take(engine->listPackages(kNs, {})).size(), 1);
        QCOMPARE(take(engine->count(kNs, Collection::Packages)), 1);

        QCOMPARE(refusedPut(kNs, QStringLiteral("default"), Package()).message,
                 QStringLiteral("Package name 'default' is reserved."));
    }

    void aPackageIsKeptAcrossARestart()
    {
        put(kNs, QStringLiteral("kept"), packageWith({{QStringLiteral("x"), QStringLiteral("y")}}, true));
        LocalConfig config = LocalFixture::withoutStemCells();
        config.dataDir = local->dir.filePath(QStringLiteral("platform"));
        local->platform.reset();
        local->engine.reset();
        local->engine = LocalEngine::open(config).value();
        engine = local->engine.get();
        const Package kept = take(engine->getPackage(kNs, QStringLiteral("kept")));
        QCOMPARE(kept.parameters->toObject(), (QJsonObject{{QStringLiteral("x"), QStringLiteral("y")}}));
        QVERIFY(engine->isPublicPackage(kNs, QStringLiteral("kept")));
    }

    void actionsNeedTheirPackageAndNeverLiveInABinding()
    {
        const Action action = LocalFixture::nodeAction(kEchoParams);
        QCOMPARE(failure(engine->putAction(kNs, QStringLiteral("nowhere/a"), action, {})).message,
                 QStringLiteral("The requested resource does not exist."));
        put(kNs, QStringLiteral("p"), Package());
        put(kNs, QStringLiteral("b"), bindingTo(QStringLiteral("_"), QStringLiteral("p")));
        const PlatformError refused = failure(engine->putAction(kNs, QStringLiteral("b/a"), action, {}));
        QCOMPARE(refused.kind, PlatformError::Kind::Invalid);
        QCOMPARE(refused.message, QStringLiteral("Operation not permitted on package binding."));
        QCOMPARE(failure(engine->deleteAction(kNs, QStringLiteral("b/a"))).message,
                 QStringLiteral("Operation not permitted on package binding."));
    }

    void aPackageWithActionsIsDeletedOnlyWhenEmptyOrForced()
    {
        put(kNs, QStringLiteral("p"), Package());
        local->put(QStringLiteral("p/one"), kEchoParams);
        local->put(QStringLiteral("p/two"), kEchoParams);
        const PlatformError full = failure(engine->deletePackage(kNs, QStringLiteral("p")));
        QCOMPARE(full.kind, PlatformError::Kind::Conflict);
        QCOMPARE(
            full.message,
            QStringLiteral("Package not empty (contains 2 entities). Set force param or delete package contents."));
        take(engine->deleteAction(kNs, QStringLiteral("p/two")));
        QCOMPARE(failure(engine->deletePackage(kNs, QStringLiteral("p"))).message,
                 QStringLiteral("Package not empty (contains 1 entity). Set force param or delete package contents."));
        take(engine->deletePackage(kNs, QStringLiteral("p"), true));
        QCOMPARE(failure(engine->getAction(kNs, QStringLiteral("p/one"))).kind, PlatformError::Kind::NotFound);
        QCOMPARE(failure(engine->getPackage(kNs, QStringLiteral("p"))).kind, PlatformError::Kind::NotFound);
        QCOMPARE(failure(engine->deletePackage(kNs, QStringLiteral("p"))).kind, PlatformError::Kind::NotFound);
    }

    void bindingsFollowOpenWhisksRules()
    {
        QCOMPARE(refusedPut(kNs, QStringLiteral("b"), bindingTo(kNs, QStringLiteral("missing"))).message,
                 QStringLiteral("Binding references a package that does not exist."));
        put(kNs, QStringLiteral("p"), Package());
        const Package binding = put(kNs, QStringLiteral("b"), bindingTo(QStringLiteral("_"), QStringLiteral("p")));
        const QJsonObject bound{{QStringLiteral("namespace"), kNs}, {QStringLiteral("name"), QStringLiteral("p")}};
        QCOMPARE(binding.binding, QJsonValue(bound)); // "_" resolved
        QCOMPARE(binding.annotations->value(QStringLiteral("binding")), QJsonValue(bound));
        QCOMPARE(refusedPut(kNs, QStringLiteral("bb"), bindingTo(kNs, QStringLiteral("b"))).message,
                 QStringLiteral("Cannot bind to another package binding."));
        put(kNs, QStringLiteral("q"), Package());
        const PlatformError becoming = refusedPut(kNs, QStringLiteral("p"), bindingTo(kNs, QStringLiteral("q")), true);
        QCOMPARE(becoming.kind, PlatformError::Kind::Conflict);
        QCOMPARE(becoming.message, QStringLiteral("Resource is a package and cannot be converted into a binding."));
        // A binding goes away whatever its package holds.
        local->put(QStringLiteral("p/a"), kEchoParams);
        take(engine->deletePackage(kNs, QStringLiteral("b")));
    }

    void bindingParametersOverrideThePackagesAndTheActionsOverrideBoth()
    {
        put(kNs, QStringLiteral("p"), packageWith({{QStringLiteral("a"), 1}, {QStringLiteral("b"), 1}}));
        put(kNs, QStringLiteral("bd"),
            bindingTo(kNs, QStringLiteral("p"), {{QStringLiteral("b"), 2}, {QStringLiteral("c"), 2}}));
        Action action = LocalFixture::nodeAction(kEchoParams);
        action.parameters = KeyValueList{{QStringLiteral("c"), 3, {}}};
        local->put(QStringLiteral("p/act"), action);

        const Activation through = invoke(kNs, QStringLiteral("bd/act"), {{QStringLiteral("d"), 4}});
        QVERIFY2(through.succeeded(), qPrintable(through.response->result.toString()));
        QCOMPARE(through.response->result.toObject(), (QJsonObject{{QStringLiteral("a"), 1},
                                                                   {QStringLiteral("b"), 2},
                                                                   {QStringLiteral("c"), 3},
                                                                   {QStringLiteral("d"), 4}}));
        QCOMPARE(through.annotation(QStringLiteral("binding")).toString(), QStringLiteral("guest/bd"));
        QCOMPARE(through.annotation(QStringLiteral("path")).toString(), QStringLiteral("guest/p/act"));
        const Activation direct = invoke(kNs, QStringLiteral("p/act"));
        QCOMPARE(direct.response->result.toObject(),
                 (QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("b"), 1}, {QStringLiteral("c"), 3}}));

        // GET of the binding: the bound package's contents, the binding's parameters over its.
        const Package binding = take(engine->getPackage(kNs, QStringLiteral("bd")));
        QCOMPARE(binding.parameters->toObject(),
                 (QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}, {QStringLiteral("c"), 2}}));
        QCOMPARE(binding.actions->size(), 1);
        const Action got = take(engine->getAction(kNs, QStringLiteral("bd/act")));
        QCOMPARE(got.parameters->toObject().value(QLatin1StringView("b")), QJsonValue(2));
    }

    void onlyPublishedPackagesAreSharedWithOtherNamespaces()
    {
        put(kTeam, QStringLiteral("lib"), packageWith({{QStringLiteral("team"), true}}));
        Action action = LocalFixture::nodeAction(kEchoParams);
        take(engine->putAction(kTeam, QStringLiteral("lib/act"), action, {}));

        const QString denied = QStringLiteral("The supplied authentication is not authorized to access 'team/lib'.");
        QCOMPARE(failure(engine->getPackage(kNs, QStringLiteral("/team/lib"))).message, denied);
        const PlatformError bind = refusedPut(kNs, QStringLiteral("mine"), bindingTo(kTeam, QStringLiteral("lib")));
        QCOMPARE(bind.kind, PlatformError::Kind::Auth);
        QCOMPARE(bind.message, denied);
        QCOMPARE(failure(engine->invokeAction(kNs, QStringLiteral("/team/lib/act"), {}, InvokeOptions{})).kind,
                 PlatformError::Kind::Auth);

        Package publish;
        publish.publish = true;
        put(kTeam, QStringLiteral("lib"), publish, true);
        QCOMPARE(take(engine->getPackage(kNs, QStringLiteral("/team/lib"))).actions->size(), 1);
        put(kNs, QStringLiteral("mine"), bindingTo(kTeam, QStringLiteral("lib"), {{QStringLiteral("own"), 1}}));
        const Activation through = invoke(kNs, QStringLiteral("mine/act"));
        QVERIFY(through.succeeded());
        QCOMPARE(through.response->result.toObject(),
                 (QJsonObject{{QStringLiteral("team"), true}, {QStringLiteral("own"), 1}}));
        QCOMPARE(through.ns.value_or(QString()), kNs); // recorded where it was invoked from
        QCOMPARE(through.annotation(QStringLiteral("path")).toString(), QStringLiteral("team/lib/act"));
        QVERIFY(invoke(kNs, QStringLiteral("/team/lib/act")).succeeded());

        // Unpublished again: the binding stops reaching it.
        publish.publish = false;
        put(kTeam, QStringLiteral("lib"), publish, true);
        QCOMPARE(failure(engine->invokeAction(kNs, QStringLiteral("mine/act"), {}, InvokeOptions{})).message,
                 QStringLiteral("The supplied authentication is not authorized to access 'team/lib/act'."));
        // Nobody writes into another namespace's package through a binding of their own.
        QCOMPARE(failure(engine->putAction(kNs, QStringLiteral("mine/x"), action, {})).message,
                 QStringLiteral("Operation not permitted on package binding."));
    }

    void anotherNamespacesPublishedPackagesAreListedToBindThem()
    {
        put(kTeam, QStringLiteral("private"), Package());
        put(kTeam, QStringLiteral("shared"), packageWith({{QStringLiteral("secret"), 1}}, true));
        put(kTeam, QStringLiteral("link"), bindingTo(QStringLiteral("whisk.system"), QStringLiteral("utils")));
        put(kNs, QStringLiteral("own"), Package());
        auto names = [](const QList<Package> &packages) {
            QStringList listed;
            for (const Package &package : packages)
                listed.append(package.name.value_or(QString()));
            return listed;
        };
        // Only what the namespace publishes, never a binding, without the parameters.
        const QList<Package> team = take(local->platform->listPublishedPackages(kTeam, ListOptions{}));
        QCOMPARE(names(team), QStringList{QStringLiteral("shared")});
        QVERIFY(!team.first().parameters);
        const QList<Package> system =
            take(local->platform->listPublishedPackages(QStringLiteral("/whisk.system"), ListOptions{}));
        QVERIFY2(names(system).contains(QStringLiteral("utils")), qPrintable(names(system).join(u',')));
        QCOMPARE(names(take(local->platform->listPublishedPackages(kNs, ListOptions{}))),
                 QStringList{QStringLiteral("own")}); // the caller's own: all of them
        QCOMPARE(take(local->platform->listPublishedPackages(kTeam, ListOptions{1, 1})).size(), 0);
        QCOMPARE(failure(local->platform->listPublishedPackages(QStringLiteral("team/x"), ListOptions{})).kind,
                 PlatformError::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestPackages)
#include "TestPackages.moc"
