// The trigger list over a real local platform with the whisk.system alarms feeds: each trigger's
// kind, its schedule in words from the feed's READ, its rules, fires counted from its
// activations and from live arrivals, and platform switches. QAbstractItemModelTester watches
// the model in every test.

#include "models/triggers/TriggerListModel.h"
#include "models/triggers/TriggerOperations.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

class TestTriggerListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> local;
    std::unique_ptr<TriggerListModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;

    QString cell(const QString &trigger, int column) const
    {
        return model->index(model->rowOf(trigger), column).data().toString();
    }
    void link(const QString &rule, const QString &trigger, const QString &action)
    {
        Rule document;
        document.trigger = EntityRef{QStringLiteral("_"), trigger, true};
        document.action = EntityRef{QStringLiteral("_"), action, true};
        take(local->platform->putRule(rule, document, PutOptions{}));
    }
    void reload()
    {
        model->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
    }

private Q_SLOTS:
    void init()
    {
        local = std::make_unique<LocalFixture>();
        local->put(QStringLiteral("tick"), kSucceeds);
        model = std::make_unique<TriggerListModel>();
        tester = std::make_unique<QAbstractItemModelTester>(model.get(),
                                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        tester.reset();
        model.reset();
        local.reset();
    }

    void listsEachTriggerWithItsKindScheduleInWordsAndRules()
    {
        take(local->platform->createFeedTrigger(
            QStringLiteral("hourly"), Trigger{}, QStringLiteral("/whisk.system/alarms/alarm"),
            {{QStringLiteral("cron"), QStringLiteral("0 * * * *")}, {QStringLiteral("strict"), true}}));
        take(local->platform->putTrigger(QStringLiteral("plain"), Trigger{}, PutOptions{}));
        link(QStringLiteral("plain-tick"), QStringLiteral("plain"), QStringLiteral("tick"));

        model->setPlatform(local->platform.get());
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
        QVERIFY2(model->errorText().isEmpty(), qPrintable(model->errorText()));
        QCOMPARE(model->rowCount(), 2);

        QCOMPARE(cell(QStringLiteral("hourly"), TriggerListModel::KindColumn), QStringLiteral("Timer"));
        QCOMPARE(model->kindAt(model->rowOf(QStringLiteral("hourly"))), TriggerKind::Timer);
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("hourly"), TriggerListModel::ScheduleColumn),
                                  QStringLiteral("every hour"), 10000);
        QCOMPARE(
            model->feedConfigAt(model->rowOf(QStringLiteral("hourly"))).value(QLatin1StringView("cron")).toString(),
            QStringLiteral("0 * * * *"));

        QCOMPARE(cell(QStringLiteral("plain"), TriggerListModel::KindColumn), QStringLiteral("Manual"));
        QCOMPARE(cell(QStringLiteral("plain"), TriggerListModel::RulesColumn), QStringLiteral("tick"));
        QCOMPARE(model->rulesAt(model->rowOf(QStringLiteral("plain"))).first().rule, QStringLiteral("plain-tick"));
        QCOMPARE(
            model->index(model->rowOf(QStringLiteral("plain")), 0).data(TriggerListModel::FunctionsRole).toStringList(),
            QStringList{QStringLiteral("tick")});
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("plain"), TriggerListModel::FiresColumn), QStringLiteral("0"),
                                  10000);
        QCOMPARE(cell(QStringLiteral("plain"), TriggerListModel::LastFiredColumn), QStringLiteral("never"));
    }

    void aDisabledRuleSaysSo()
    {
        take(local->platform->putTrigger(QStringLiteral("plain"), Trigger{}, PutOptions{}));
        link(QStringLiteral("plain-tick"), QStringLiteral("plain"), QStringLiteral("tick"));
        take(local->platform->setRuleActive(QStringLiteral("plain-tick"), false));
        model->setPlatform(local->platform.get());
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
        QCOMPARE(cell(QStringLiteral("plain"), TriggerListModel::RulesColumn), QStringLiteral("tick (disabled)"));
    }

    void aPausedFeedIsShownPaused()
    {
        take(local->platform->createFeedTrigger(QStringLiteral("often"), Trigger{},
                                                QStringLiteral("/whisk.system/alarms/interval"),
                                                {{QStringLiteral("minutes"), 15}}));
        take(local->platform->callFeed(QStringLiteral("/whisk.system/alarms/interval"), FeedLifecycleEvent::Pause,
                                       QStringLiteral("often")));
        model->setPlatform(local->platform.get());
        QTRY_VERIFY_WITH_TIMEOUT(model->isPausedAt(model->rowOf(QStringLiteral("often"))), 10000);
        QCOMPARE(cell(QStringLiteral("often"), TriggerListModel::KindColumn), QStringLiteral("Timer (paused)"));
        QVERIFY2(cell(QStringLiteral("often"), TriggerListModel::ScheduleColumn)
                     .startsWith(QLatin1StringView("every 15 minutes")),
                 qPrintable(cell(QStringLiteral("often"), TriggerListModel::ScheduleColumn)));
    }

    void firesAreCountedFromActivationsAndLiveArrivals()
    {
        take(local->platform->putTrigger(QStringLiteral("plain"), Trigger{}, PutOptions{}));
        link(QStringLiteral("plain-tick"), QStringLiteral("plain"), QStringLiteral("tick"));
        take(local->platform->fireTrigger(QStringLiteral("plain"), {{QStringLiteral("n"), 1}}));
        local->flush();
        model->setPlatform(local->platform.get());
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("plain"), TriggerListModel::FiresColumn), QStringLiteral("1"),
                                  10000);
        QVERIFY(!cell(QStringLiteral("plain"), TriggerListModel::LastFiredColumn).isEmpty());
        QVERIFY(cell(QStringLiteral("plain"), TriggerListModel::LastFiredColumn) != QStringLiteral("never"));

        // A fire while listed arrives live; the function's own activation does not count.
        take(local->platform->fireTrigger(QStringLiteral("plain"), {{QStringLiteral("n"), 2}}));
        QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("plain"), TriggerListModel::FiresColumn), QStringLiteral("2"),
                                  10000);
        QTest::qWait(500); // the rule's activation of tick arrives too
        QCOMPARE(cell(QStringLiteral("plain"), TriggerListModel::FiresColumn), QStringLiteral("2"));
    }

    void anotherPlatformEmptiesTheListAndNoneKeepsItEmpty()
    {
        take(local->platform->putTrigger(QStringLiteral("plain"), Trigger{}, PutOptions{}));
        model->setPlatform(local->platform.get());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        model->setPlatform(nullptr);
        QCOMPARE(model->rowCount(), 0);
        model->refresh();
        QCOMPARE(model->rowCount(), 0);
    }

    void editingARouteToAnotherPathReplacesIt()
    {
        TriggerOperations operations;
        operations.setPlatform(local->platform.get());
        QString message;
        connect(&operations, &TriggerOperations::done, this, [&](const QString &m) { message = m; });
        connect(&operations, &TriggerOperations::failed, this,
                [&](const QString &m) { message = QStringLiteral("failed: ") + m; });
        RouteTriggerForm form;
        form.basePath = QStringLiteral("/shop");
        form.relPath = QStringLiteral("/items");
        form.function = QStringLiteral("tick");
        operations.createRoute(form);
        QTRY_VERIFY_WITH_TIMEOUT(!operations.isBusy(), 20000);
        QVERIFY2(!message.startsWith(QStringLiteral("failed")), qPrintable(message));
        const ApiRoute old = form.route(local->platform->namespaceName());
        form.relPath = QStringLiteral("/products");
        operations.createRoute(form, take(local->platform->listRoutes(QStringLiteral("/shop"))).value(0, old));
        QTRY_VERIFY_WITH_TIMEOUT(!operations.isBusy(), 20000);
        QVERIFY2(!message.startsWith(QStringLiteral("failed")), qPrintable(message));
        const QList<ApiRoute> routes = take(local->platform->listRoutes(QStringLiteral("/shop")));
        QCOMPARE(routes.size(), 1); // without the replacement, /shop/items stayed beside /shop/products
        QCOMPARE(routes.first().relPath, QStringLiteral("/products"));
    }
    void aTriggerDeletedElsewhereGoesAtTheNextRefresh()
    {
        take(local->platform->putTrigger(QStringLiteral("a"), Trigger{}, PutOptions{}));
        take(local->platform->putTrigger(QStringLiteral("b"), Trigger{}, PutOptions{}));
        model->setPlatform(local->platform.get());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
        take(local->platform->deleteTrigger(QStringLiteral("a")));
        reload();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->nameAt(0), QStringLiteral("b"));
        QCOMPARE(model->rowOf(QStringLiteral("a")), -1);
    }
};

QTEST_MAIN(TestTriggerListModel)
#include "TestTriggerListModel.moc"
