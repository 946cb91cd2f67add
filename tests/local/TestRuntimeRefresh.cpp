// A runtime installed after the platform started is offered from then on (issue 19, "The
// console"): PATH holds only node and python3 when the engine starts; ruby, linked in afterwards,
// is in the platform's info() (which looks again when a PATH folder changed) and the executor's
// catalog, and an action of its kind runs. Unlinked again, it is gone, and that action fails to
// run with the platform's "not supported" text. Skipped where ruby is not installed.

#include "support/Futures.h"
#include "support/LocalFixture.h"
#include "support/NarrowPath.h"

#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kRuby =
    QStringLiteral("def main(args)\n  { 'greeting' => \"Hello, #{args.fetch('name', 'world')}!\" }\nend\n");

bool offers(const PlatformInfo &info, const QString &kind)
{
    return info.kinds().contains(kind);
}

} // namespace

class TestRuntimeRefresh : public QObject
{
    Q_OBJECT

private:
    NarrowPath path; // node and python3 only, until a test links ruby in
    QString ruby;    // the real interpreter

private Q_SLOTS:
    void initTestCase()
    {
        ruby = NarrowPath::installed(QStringLiteral("ruby"));
        if (ruby.isEmpty())
            QSKIP("ruby is not installed");
        QVERIFY(path.start()); // before any executor looks for its runtimes
    }

    void aRuntimeInstalledLaterIsOfferedAfterARefresh()
    {
        LocalConfig config = LocalFixture::withoutStemCells();
        config.executor.runtimeRefreshIntervalMs = 0; // two refreshes in a row here
        LocalFixture local(config);
        LocalEngine &engine = *local.engine;
        QVERIFY(offers(engine.info(), QStringLiteral("nodejs:default")));
        QVERIFY(!offers(engine.info(), QStringLiteral("ruby:3.1")));
        QVERIFY(!engine.executor().catalog().resolve(QStringLiteral("ruby:default")));
        Action action;
        action.exec = Exec::withCode(QStringLiteral("ruby:3.1"), kRuby);
        QVERIFY(failure(local.platform->putAction(QStringLiteral("hello"), action, PutOptions{true, {}}))
                    .message.contains(QLatin1StringView("not supported")));

        // Installed now: offered after a refresh, and it runs.
        QVERIFY(path.install(QStringLiteral("ruby"), ruby));
        QVERIFY(engine.executor().runtimesMayHaveChanged());
        const PlatformInfo refreshed = take(local.platform->info());
        QVERIFY2(offers(refreshed, QStringLiteral("ruby:3.1")), qPrintable(refreshed.kinds().join(u' ')));
        QVERIFY(!engine.executor().runtimesMayHaveChanged()); // looked: the next info() is a copy
        QVERIFY(offers(engine.info(), QStringLiteral("ruby:3.1")));
        QVERIFY(offers(engine.info(), QStringLiteral("nodejs:default"))); // the others stay
        QCOMPARE(engine.executor().catalog().resolve(QStringLiteral("ruby:default")).value().kind,
                 QStringLiteral("ruby:3.1"));
        local.put(QStringLiteral("hello"), action);
        const Activation ran =
            local.invoke(QStringLiteral("hello"), {{QStringLiteral("name"), QStringLiteral("Ruby")}});
        QCOMPARE(ran.response->status, QStringLiteral("success"));
        QCOMPARE(ran.response->result.toObject().value(QLatin1StringView("greeting")).toString(),
                 QStringLiteral("Hello, Ruby!"));

        // Uninstalled: no longer offered, and its action fails as an unknown kind does.
        QVERIFY(path.uninstall(QStringLiteral("ruby")));
        QVERIFY(!offers(take(local.platform->info()), QStringLiteral("ruby:3.1")));
        QVERIFY(!engine.executor().catalog().resolve(QStringLiteral("ruby:3.1")));
        QVERIFY(failure(local.platform->invokeAction(QStringLiteral("hello"), {}, InvokeOptions{}))
                    .message.contains(QLatin1StringView("not supported")));
    }

    void refreshesAreBounded()
    {
        // The start's discovery does not count: the first refresh discovers; a second within the
        // interval returns the same catalog without looking (ruby linked in between is not seen).
        LocalConfig config = LocalFixture::withoutStemCells();
        config.executor.runtimeRefreshIntervalMs = 3600 * 1000;
        LocalFixture local(config);
        path.uninstall(QStringLiteral("ruby"));
        Executor &executor = local.engine->executor();
        QVERIFY(!executor.refreshRuntimes().resolve(QStringLiteral("ruby:3.1")));
        QVERIFY(path.install(QStringLiteral("ruby"), ruby));
        QVERIFY(!executor.refreshRuntimes().resolve(QStringLiteral("ruby:3.1")));
        QVERIFY(!offers(take(local.platform->info()), QStringLiteral("ruby:3.1")));
        QVERIFY(executor.runtimesMayHaveChanged()); // still: the next look after the interval finds it
        QVERIFY(path.uninstall(QStringLiteral("ruby")));
    }
};

QTEST_GUILESS_MAIN(TestRuntimeRefresh)
#include "TestRuntimeRefresh.moc"
