// The wiring view in the whole console on a real local platform, driven with the mouse: a drag
// from a trigger to a function creates a rule (and the function list and Configuration panel say
// so), clicking a connection and Disable turns the rule off, a fire flashes the connection, a
// double-click opens the function, and with 200 triggers and 500 functions the search scrolls to
// a match. Prints how long the 200/500 scene takes to build and to paint.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/functions/FunctionListModel.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/triggers/WiringItems.h"
#include "ui/triggers/WiringPanel.h"
#include "ui/triggers/WiringView.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kCode = QStringLiteral("function main(p) { return p; }");

Action nodeAction()
{
    Action action;
    Exec exec;
    exec.kind = QStringLiteral("nodejs:default");
    exec.code = kCode;
    action.exec = exec;
    return action;
}

void addRule(Platform *platform, const QString &name, const QString &trigger, const QString &action)
{
    Rule rule;
    rule.trigger = EntityRef{QStringLiteral("_"), trigger, true};
    rule.action = EntityRef{QStringLiteral("_"), action, true};
    take(platform->putRule(name, rule, PutOptions{}));
}

// The function list loaded when the window opened: show what the test has put since.
void reloadFunctions(MainWindow &window)
{
    window.functionsPanel()->refresh();
    if (!QTest::qWaitFor([&window] { return !window.functionsPanel()->model()->isLoading(); }, 20000))
        qFatal("the function list did not load");
}

// Opens the Wiring page and waits for its load.
WiringPanel *openWiring(MainWindow &window)
{
    window.viewTabs()->setCurrentWidget(window.wiringPanel());
    if (!QTest::qWaitFor([&window] { return !window.wiringPanel()->graph()->isLoading(); }, 20000))
        qFatal("the wiring did not load");
    return window.wiringPanel();
}

// Function "resize", trigger "uploads" and, when `rule` is given, that rule between them; the
// console shown with the Wiring page open.
WiringView *openUploadsAndResize(test::Console &console, const QString &rule)
{
    take(console.local->putAction(QStringLiteral("resize"), nodeAction(), PutOptions{}));
    take(console.local->putTrigger(QStringLiteral("uploads"), Trigger{}, PutOptions{}));
    if (!rule.isEmpty())
        addRule(console.local, rule, QStringLiteral("uploads"), QStringLiteral("resize"));
    if (!showActive(*console.window))
        qFatal("the console did not come up");
    reloadFunctions(*console.window);
    return openWiring(*console.window)->view();
}

QPoint centerOf(WiringView *view, QGraphicsItem *item)
{
    return view->mapFromScene(item->sceneBoundingRect().center());
}

WiringSnapshot largeSnapshot(int triggers, int functions)
{
    WiringSnapshot snapshot;
    snapshot.ns = QStringLiteral("guest");
    for (int i = 0; i < triggers; ++i) {
        Trigger trigger;
        trigger.name = QStringLiteral("trigger-%1").arg(i, 4, 10, QLatin1Char('0'));
        if (i % 2 == 0)
            trigger.annotations =
                KeyValueList{{QStringLiteral("feed"), QStringLiteral("/whisk.system/alarms/alarm"), {}}};
        snapshot.triggers.append(trigger);
    }
    for (int i = 0; i < functions; ++i) {
        Action action;
        action.ns = QStringLiteral("guest");
        action.name = QStringLiteral("fn-%1").arg(i, 4, 10, QLatin1Char('0'));
        snapshot.actions.append(action);
    }
    for (int i = 0; i < functions; ++i) // one rule per function, from a trigger spread over the column
        snapshot.rules.append(WiringRule{QStringLiteral("rule-%1").arg(i), snapshot.triggers[i % triggers].name.value(),
                                         snapshot.actions[i].name.value(), i % 3 != 0});
    return snapshot;
}

} // namespace

class TestWiringView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void draggingFromATriggerToAFunctionCreatesARule()
    {
        test::Console console;
        QVERIFY(console.start());
        WiringView *view = openUploadsAndResize(console, {});
        MainWindow &window = *console.window;
        WiringNodeItem *from = view->nodeItem(WiringGraph::Side::Trigger, QStringLiteral("uploads"));
        WiringNodeItem *to = view->nodeItem(WiringGraph::Side::Function, QStringLiteral("resize"));
        QVERIFY(from && to);

        const QPoint start = centerOf(view, from);
        const QPoint end = centerOf(view, to);
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(view->viewport(), (start + end) / 2);
        QTest::mouseMove(view->viewport(), end);
        QVERIFY(to->isHighlighted()); // the drop target shows
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, end);

        QTRY_VERIFY(view->connectionItem(QStringLiteral("uploads-to-resize")));
        const Rule rule = take(console.local->getRule(QStringLiteral("uploads-to-resize")));
        QVERIFY(rule.isActive());
        QCOMPARE(rule.trigger->name, QStringLiteral("uploads"));
        QCOMPARE(rule.action->name, QStringLiteral("resize"));
        QVERIFY(!to->isHighlighted());

        // The function list and the function's Configuration panel name the trigger.
        FunctionListModel *functions = window.functionsPanel()->model();
        QTRY_COMPARE(functions->index(functions->rowOf(QStringLiteral("resize")), FunctionListModel::TriggersColumn)
                         .data()
                         .toString(),
                     QStringLiteral("uploads (manual)"));
        QVERIFY(window.functionsPanel()->selectFunction(QStringLiteral("resize")));
        // (The Configuration tab was never opened here: its accessor builds it, as opening it would.)
        QTRY_VERIFY(
            child<QLabel>(window.configPanel(), "configTriggers")->text().contains(QStringLiteral("uploads (manual)")));

        // A drag that ends on empty space creates nothing.
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(view->viewport(), start + QPoint(0, 300));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, start + QPoint(0, 300));
        QTest::qWait(100);
        QCOMPARE(take(console.local->listRules(ListOptions{})).size(), 1);
    }

    void clickingAConnectionAndDisableTurnsTheRuleOff()
    {
        test::Console console;
        QVERIFY(console.start());
        WiringView *view = openUploadsAndResize(console, QStringLiteral("r1"));
        MainWindow &window = *console.window;
        WiringConnectionItem *connection = view->connectionItem(QStringLiteral("r1"));
        QVERIFY(connection);
        QCOMPARE(connection->pen().style(), Qt::SolidLine);

        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->mapFromScene(connection->path().pointAtPercent(0.5)));
        QCOMPARE(view->selectedRule(), QStringLiteral("r1"));
        auto *toggle = child<QPushButton>(&window, "wiringToggleRule");
        QTRY_VERIFY(toggle->isVisible());
        QCOMPARE(toggle->text(), QStringLiteral("Disable"));
        QTest::mouseClick(toggle, Qt::LeftButton);

        QTRY_VERIFY(!take(console.local->getRule(QStringLiteral("r1"))).isActive());
        QTRY_COMPARE(view->connectionItem(QStringLiteral("r1"))->pen().style(), Qt::DashLine);
        QCOMPARE(view->selectedRule(), QStringLiteral("r1")); // still selected after the rebuild
        QCOMPARE(toggle->text(), QStringLiteral("Enable"));

        // Delete asks first; yes removes the rule and its connection.
        whenDialogOpens([](QWidget *dialog) {
            QTest::mouseClick(qobject_cast<QMessageBox *>(dialog)->button(QMessageBox::Yes), Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(&window, "wiringDeleteRule"), Qt::LeftButton);
        QTRY_VERIFY(!view->connectionItem(QStringLiteral("r1")));
        QCOMPARE(wait(console.local->getRule(QStringLiteral("r1"))).error().kind, PlatformError::Kind::NotFound);
    }

    void aFireFlashesItsConnectionAndDoubleClickOpensTheFunction()
    {
        test::Console console;
        QVERIFY(console.start());
        WiringView *view = openUploadsAndResize(console, QStringLiteral("r1"));
        MainWindow &window = *console.window;
        QVERIFY(!view->connectionItem(QStringLiteral("r1"))->isFlashing());

        take(console.local->fireTrigger(QStringLiteral("uploads"), {}));
        QTRY_VERIFY(view->connectionItem(QStringLiteral("r1"))->isFlashing());
        QTRY_VERIFY_WITH_TIMEOUT(!view->connectionItem(QStringLiteral("r1"))->isFlashing(), 5000);

        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {},
                           centerOf(view, view->nodeItem(WiringGraph::Side::Function, QStringLiteral("resize"))));
        QCOMPARE(window.viewTabs()->currentIndex(), 0);
        QCOMPARE(window.functionsPanel()->currentFunction(), QStringLiteral("resize"));
    }

    void twoHundredTriggersAndFiveHundredFunctionsBuildAndSearchScrolls()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        WiringPanel *panel = openWiring(window);
        WiringView *view = panel->view();

        const WiringSnapshot snapshot = largeSnapshot(200, 500);
        QElapsedTimer timer;
        timer.start();
        panel->graph()->setSnapshot(snapshot); // layout in the model, then the scene (graphReset)
        const qint64 buildUs = timer.nsecsElapsed() / 1000;
        QCOMPARE(panel->graph()->nodes().size(), 700);
        QCOMPARE(panel->graph()->connections().size(), 500);
        QVERIFY(view->nodeItem(WiringGraph::Side::Function, QStringLiteral("fn-0499")));

        timer.restart();
        view->viewport()->repaint(); // first paint fills the item caches
        const qint64 firstPaintUs = timer.nsecsElapsed() / 1000;
        timer.restart();
        view->viewport()->repaint();
        const qint64 repaintUs = timer.nsecsElapsed() / 1000;
        view->fitAll();
        timer.restart();
        view->viewport()->repaint();
        const qint64 fitPaintUs = timer.nsecsElapsed() / 1000;
        qInfo("wiring 200 triggers / 500 functions / 500 rules: scene build %lld us, first paint %lld us, "
              "repaint %lld us, paint of the whole graph fitted %lld us",
              buildUs, firstPaintUs, repaintUs, fitPaintUs);

        view->setTransform(QTransform()); // 100 %
        auto *search = child<QLineEdit>(&window, "wiringSearch");
        QTest::keyClicks(search, QStringLiteral("fn-045"));
        WiringNodeItem *match = view->nodeItem(WiringGraph::Side::Function, QStringLiteral("fn-0450"));
        QVERIFY(match->isHighlighted());
        QVERIFY(!view->nodeItem(WiringGraph::Side::Function, QStringLiteral("fn-0449"))->isHighlighted());
        const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
        QVERIFY2(visible.contains(match->sceneBoundingRect()), "the first match is scrolled into view");
        QCOMPARE(child<QLabel>(&window, "wiringMatches")->text(), QStringLiteral("1 of 10"));

        QTest::keyClick(search, Qt::Key_Return); // the next match
        QCOMPARE(child<QLabel>(&window, "wiringMatches")->text(), QStringLiteral("2 of 10"));
        WiringNodeItem *second = view->nodeItem(WiringGraph::Side::Function, QStringLiteral("fn-0451"));
        QVERIFY(view->mapToScene(view->viewport()->rect()).boundingRect().contains(second->sceneBoundingRect()));

        // Ctrl+wheel zooms, bounded.
        const double before = view->zoom();
        QWheelEvent wheel(QPointF(100, 100), view->mapToGlobal(QPointF(100, 100)), {}, QPoint(0, 120), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(view->zoom() > before);
        for (int i = 0; i < 40; ++i)
            view->zoomOut();
        QVERIFY(view->zoom() >= 0.05);
    }
};

QTEST_MAIN(TestWiringView)
#include "TestWiringView.moc"
