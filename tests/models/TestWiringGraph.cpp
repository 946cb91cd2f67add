// The wiring graph over a real local platform: what it loads and where it places it, the rules it
// creates, enables, disables and deletes on the platform, the fires it reports per rule, search,
// and the function list's Triggers column that reads the same rules.

#include "models/functions/FunctionListModel.h"
#include "models/triggers/WiringGraph.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

Trigger feedTrigger(const QString &feed)
{
    Trigger trigger;
    if (!feed.isEmpty())
        trigger.annotations = KeyValueList{{QStringLiteral("feed"), feed, {}}};
    return trigger;
}

} // namespace

class TestWiringGraph : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    std::unique_ptr<WiringGraph> graph;

    void addTrigger(const QString &name, const QString &feed = {})
    {
        take(local->platform->putTrigger(name, feedTrigger(feed), PutOptions{}));
    }
    void addRule(const QString &name, const QString &trigger, const QString &action)
    {
        Rule rule;
        rule.trigger = EntityRef{QStringLiteral("_"), trigger, true};
        rule.action = EntityRef{QStringLiteral("_"), action, true};
        take(local->platform->putRule(name, rule, PutOptions{}));
    }
    void load()
    {
        graph->setPlatform(local->platform.get());
        QTRY_VERIFY_WITH_TIMEOUT(!graph->isLoading(), 20000);
        QCOMPARE(graph->errorText(), QString());
    }
    const WiringGraph::Node &node(WiringGraph::Side side, const QString &name)
    {
        const int index = graph->nodeOf(side, name);
        if (index < 0)
            qFatal("no node %s", qPrintable(name));
        return graph->nodes()[index];
    }

private Q_SLOTS:
    void init()
    {
        local = std::make_unique<LocalFixture>();
        graph = std::make_unique<WiringGraph>();
    }
    void cleanup()
    {
        graph.reset();
        local.reset();
    }

    void placesTriggersLeftFunctionsRightAndRulesBetween()
    {
        local->put(QStringLiteral("resize"), kSucceeds);
        local->put(QStringLiteral("audit"), kSucceeds);
        addTrigger(QStringLiteral("uploads"), QStringLiteral("/whisk.system/storage/changes"));
        addTrigger(QStringLiteral("every-minute"), QStringLiteral("/whisk.system/alarms/alarm"));
        addRule(QStringLiteral("r1"), QStringLiteral("uploads"), QStringLiteral("resize"));
        load();

        QCOMPARE(graph->nodes().size(), 4);
        const auto &uploads = node(WiringGraph::Side::Trigger, QStringLiteral("uploads"));
        const auto &timer = node(WiringGraph::Side::Trigger, QStringLiteral("every-minute"));
        const auto &resize = node(WiringGraph::Side::Function, QStringLiteral("resize"));
        const auto &audit = node(WiringGraph::Side::Function, QStringLiteral("audit"));
        QCOMPARE(uploads.kind, WiringTriggerKind::ObjectUpload);
        QCOMPARE(timer.kind, WiringTriggerKind::Timer);
        QVERIFY(uploads.position.x() + WiringGraph::kNodeWidth < resize.position.x());
        // Each column sorted by name, one row apart.
        QCOMPARE(timer.position.y(), 0.0);
        QCOMPARE(uploads.position.y(), WiringGraph::kRowPitch);
        QCOMPARE(audit.position.y(), 0.0);
        QCOMPARE(resize.position.y(), WiringGraph::kRowPitch);
        QVERIFY(graph->bounds().contains(
            QRectF(resize.position, QSizeF(WiringGraph::kNodeWidth, WiringGraph::kNodeHeight))));

        QCOMPARE(graph->connections().size(), 1);
        const WiringGraph::Connection &connection = graph->connections().first();
        QCOMPARE(connection.rule.name, QStringLiteral("r1"));
        QVERIFY(connection.rule.active);
        QCOMPARE(graph->nodes()[connection.from].name, QStringLiteral("uploads"));
        QCOMPARE(graph->nodes()[connection.to].name, QStringLiteral("resize"));
    }

    void connectingNodesCreatesAnActiveRuleOnThePlatform()
    {
        local->put(QStringLiteral("resize"), kSucceeds);
        addTrigger(QStringLiteral("uploads"));
        load();
        QSignalSpy rulesChanged(graph.get(), &WiringGraph::rulesChanged);
        QSignalSpy reset(graph.get(), &WiringGraph::graphReset);

        graph->connectNodes(QStringLiteral("uploads"), QStringLiteral("resize"));
        QTRY_COMPARE(graph->connections().size(), 1);
        const QString name = graph->connections().first().rule.name;
        QCOMPARE(name, QStringLiteral("uploads-to-resize"));
        const Rule rule = take(local->platform->getRule(name));
        QVERIFY(rule.isActive());
        QCOMPARE(rule.action->name, QStringLiteral("resize"));
        QCOMPARE(rulesChanged.size(), 1);
        QCOMPARE(reset.size(), 0); // no node moved

        // A second rule between the same two gets a name of its own.
        QCOMPARE(graph->newRuleName(QStringLiteral("uploads"), QStringLiteral("resize")),
                 QStringLiteral("uploads-to-resize-2"));
    }

    void connectingToAMissingFunctionSaysWhyAndAddsNothing()
    {
        local->put(QStringLiteral("resize"), kSucceeds);
        addTrigger(QStringLiteral("uploads"));
        load();
        take(local->platform->deleteAction(QStringLiteral("resize")));
        graph->connectNodes(QStringLiteral("uploads"), QStringLiteral("resize"));
        QTRY_VERIFY(!graph->errorText().isEmpty());
        QVERIFY(graph->errorText().contains(QStringLiteral("resize")));
        QCOMPARE(graph->connections().size(), 0);
    }

    void disablingEnablingAndDeletingARuleReachThePlatform()
    {
        local->put(QStringLiteral("resize"), kSucceeds);
        addTrigger(QStringLiteral("uploads"));
        addRule(QStringLiteral("r1"), QStringLiteral("uploads"), QStringLiteral("resize"));
        load();

        graph->setRuleActive(QStringLiteral("r1"), false);
        QTRY_VERIFY(!graph->connections().first().rule.active);
        QVERIFY(!take(local->platform->getRule(QStringLiteral("r1"))).isActive());
        graph->setRuleActive(QStringLiteral("r1"), true);
        QTRY_VERIFY(graph->connections().first().rule.active);
        QVERIFY(take(local->platform->getRule(QStringLiteral("r1"))).isActive());

        graph->deleteRule(QStringLiteral("r1"));
        QTRY_COMPARE(graph->connections().size(), 0);
        QCOMPARE(failure(local->platform->getRule(QStringLiteral("r1"))).kind, PlatformError::Kind::NotFound);
        QCOMPARE(graph->nodes().size(), 2); // the trigger and the function stay
    }

    void aFireIsReportedForEachRuleItRan()
    {
        local->put(QStringLiteral("a"), kSucceeds);
        local->put(QStringLiteral("b"), kSucceeds);
        addTrigger(QStringLiteral("t"));
        addTrigger(QStringLiteral("quiet"));
        addRule(QStringLiteral("ra"), QStringLiteral("t"), QStringLiteral("a"));
        addRule(QStringLiteral("rb"), QStringLiteral("t"), QStringLiteral("b"));
        addRule(QStringLiteral("rq"), QStringLiteral("quiet"), QStringLiteral("a"));
        load();
        QSignalSpy fired(graph.get(), &WiringGraph::ruleFired);

        take(local->platform->fireTrigger(QStringLiteral("t"), QJsonObject{{QStringLiteral("n"), 1}}));
        QTRY_COMPARE(fired.size(), 2);
        QStringList rules{fired[0][0].toString(), fired[1][0].toString()};
        rules.sort();
        QCOMPARE(rules, (QStringList{QStringLiteral("ra"), QStringLiteral("rb")}));
        // The rules' own activations (caused by the fire) flash nothing more.
        QTest::qWait(300);
        QCOMPARE(fired.size(), 2);
    }

    void findMatchesNamesInBothColumns()
    {
        local->put(QStringLiteral("Report-daily"), kSucceeds);
        local->put(QStringLiteral("other"), kSucceeds);
        addTrigger(QStringLiteral("daily"));
        load();
        const QList<int> found = graph->find(QStringLiteral("DAILY"));
        QCOMPARE(found.size(), 2);
        QCOMPARE(graph->nodes()[found[0]].side, WiringGraph::Side::Trigger);
        QCOMPARE(graph->nodes()[found[1]].name, QStringLiteral("Report-daily"));
        QVERIFY(graph->find(QStringLiteral("  ")).isEmpty());
    }

    void functionListNamesTheTriggersThatRunEachFunction()
    {
        local->put(QStringLiteral("resize"), kSucceeds);
        local->put(QStringLiteral("idle"), kSucceeds);
        addTrigger(QStringLiteral("uploads"), QStringLiteral("/whisk.system/storage/changes"));
        addTrigger(QStringLiteral("nightly"), QStringLiteral("/whisk.system/alarms/alarm"));
        addRule(QStringLiteral("r1"), QStringLiteral("uploads"), QStringLiteral("resize"));
        addRule(QStringLiteral("r2"), QStringLiteral("nightly"), QStringLiteral("resize"));
        take(local->platform->setRuleActive(QStringLiteral("r2"), false));

        FunctionListModel list;
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setPlatform(local->platform.get());
        QTRY_VERIFY_WITH_TIMEOUT(!list.isLoading(), 20000);
        QTRY_COMPARE(list.triggersOf(QStringLiteral("resize")).size(), 2);
        const auto cell = [&list](const QString &name) {
            return list.index(list.rowOf(name), FunctionListModel::TriggersColumn).data().toString();
        };
        QCOMPARE(cell(QStringLiteral("resize")), QStringLiteral("uploads (object upload), nightly (timer, disabled)"));
        QCOMPARE(cell(QStringLiteral("idle")), QString());

        // A rule made elsewhere shows after refreshTriggers(), with dataChanged on the column.
        QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);
        addRule(QStringLiteral("r3"), QStringLiteral("uploads"), QStringLiteral("idle"));
        list.refreshTriggers();
        QTRY_COMPARE(cell(QStringLiteral("idle")), QStringLiteral("uploads (object upload)"));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last()[0].toModelIndex().column(), int(FunctionListModel::TriggersColumn));
    }
};

QTEST_GUILESS_MAIN(TestWiringGraph)
#include "TestWiringGraph.moc"
