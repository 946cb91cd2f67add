// Actions on a real funcdeskd through OpenWhiskPlatform: create, read with and without code,
// update (patch version bump), list, count, delete, and the 409 / 404 a client meets on the way.

#include "IntegrationFixture.h"

#include "TestSuites.h"

using namespace funcdesk;

namespace {
const QString kCode =
    QStringLiteral("function main(params) { return {greeting: 'Hello ' + (params.name || 'stranger')}; }");
const QString kCodeV2 =
    QStringLiteral("function main(params) { return {greeting: 'Hi ' + (params.name || 'stranger')}; }");
} // namespace

class TestActionLifecycle : public IntegrationSuite
{
    Q_OBJECT

private Q_SLOTS:
    void infoReportsRuntimesAndLimits()
    {
        const auto info = wait(platform->info());
        VERIFY_OK(info);
        QVERIFY(!info->runtimes.isEmpty());
        QVERIFY2(info->kinds().contains(QStringLiteral("nodejs:default")), qPrintable(info->kinds().join(u' ')));
        QVERIFY(info->limits.memoryMb.max >= info->limits.memoryMb.min);
    }

    void namespaceResolvesToTheKeysNamespace()
    {
        QCOMPARE(platform->config().ns, QStringLiteral("_"));
        const auto name = wait(platform->resolveNamespace());
        VERIFY_OK(name);
        QVERIFY(!name->isEmpty());
        QCOMPARE(platform->namespaceName(), name.value());
    }

    void fullLifecycle()
    {
        const QString name = uniqueName("lifecycle");
        Action put = nodeAction(kCode);
        put.parameters = KeyValueList{{QStringLiteral("name"), QStringLiteral("world"), {}}};
        put.annotations = KeyValueList{{QStringLiteral("description"), QStringLiteral("says hello"), {}}};

        const auto created = wait(platform->putAction(name, put, PutOptions{}));
        VERIFY_OK(created);
        QCOMPARE(created->name, name);
        QCOMPARE(created->version, QStringLiteral("0.0.1"));
        QVERIFY(created->annotations->contains(QStringLiteral("exec")));

        const auto withCode = wait(platform->getAction(name));
        VERIFY_OK(withCode);
        QCOMPARE(withCode->exec->code, kCode);
        QCOMPARE(withCode->parameters->value(QStringLiteral("name")).toString(), QStringLiteral("world"));
        const auto withoutCode = wait(platform->getAction(name, false));
        VERIFY_OK(withoutCode);
        QVERIFY(!withoutCode->exec->code.has_value() || withoutCode->exec->code->isEmpty());

        const auto again = wait(platform->putAction(name, put, PutOptions{}));
        VERIFY_FAILS_WITH(again, PlatformError::Kind::Conflict);
        QCOMPARE(again.error().message, QStringLiteral("resource already exists"));

        const auto updated = wait(platform->putAction(name, nodeAction(kCodeV2), PutOptions{true, {}}));
        VERIFY_OK(updated);
        QCOMPARE(updated->version, QStringLiteral("0.0.2"));
        QCOMPARE(wait(platform->getAction(name))->exec->code, kCodeV2);

        const auto listed = wait(platform->listActions(ListOptions{0, 0}));
        VERIFY_OK(listed);
        const auto found =
            std::find_if(listed->begin(), listed->end(), [&](const Action &a) { return a.name == name; });
        QVERIFY(found != listed->end());
        QCOMPARE(found->version, QStringLiteral("0.0.2"));
        const auto counted = wait(platform->count(Collection::Actions));
        VERIFY_OK(counted);
        QCOMPARE(counted.value(), qint64(listed->size()));

        const auto deleted = wait(platform->deleteAction(name));
        VERIFY_OK(deleted);
        QCOMPARE(deleted->name, name);
        const auto gone = wait(platform->getAction(name));
        VERIFY_FAILS_WITH(gone, PlatformError::Kind::NotFound);
        QCOMPARE(gone.error().message, QStringLiteral("The requested resource does not exist."));
        VERIFY_FAILS_WITH(wait(platform->deleteAction(name)), PlatformError::Kind::NotFound);
    }

    void listPagesWithLimitAndSkip()
    {
        QStringList names;
        for (int i = 0; i < 3; ++i) {
            names.append(uniqueName("paged"));
            VERIFY_OK(wait(platform->putAction(names.last(), nodeAction(kCode), PutOptions{})));
        }
        const auto all = wait(platform->listActions(ListOptions{0, 0}));
        VERIFY_OK(all);
        QVERIFY(all->size() >= 3);
        const auto first = wait(platform->listActions(ListOptions{2, 0}));
        const auto second = wait(platform->listActions(ListOptions{2, 2}));
        VERIFY_OK(first);
        VERIFY_OK(second);
        QCOMPARE(first->size(), 2);
        QCOMPARE(first->at(0).name, all->at(0).name); // newest first
        QCOMPARE(second->at(0).name, all->at(2).name);
        for (const QString &name : names)
            VERIFY_OK(wait(platform->deleteAction(name)));
    }

    void updateRemovesAnnotationsNamedInDelAnnotations()
    {
        const QString name = uniqueName("annotated");
        Action put = nodeAction(kCode);
        put.annotations = KeyValueList{{QStringLiteral("web-export"), true, {}}, {QStringLiteral("keep"), 1, {}}};
        VERIFY_OK(wait(platform->putAction(name, put, PutOptions{})));
        const auto updated =
            wait(platform->putAction(name, Action{}, PutOptions{true, {QStringLiteral("web-export")}}));
        VERIFY_OK(updated);
        QVERIFY(!updated->annotations->contains(QStringLiteral("web-export")));
        QVERIFY(updated->annotations->contains(QStringLiteral("keep")));
        VERIFY_OK(wait(platform->deleteAction(name)));
    }

    void packagesListAndMissingPackageIsNotFound()
    {
        VERIFY_OK(wait(platform->listPackages(ListOptions{})));
        VERIFY_FAILS_WITH(wait(platform->getPackage(uniqueName("nopackage"))), PlatformError::Kind::NotFound);
    }
};

FUNCDESK_INTEGRATION_SUITE(TestActionLifecycle)
#include "TestActionLifecycle.moc"
