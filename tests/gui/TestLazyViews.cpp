// Issue 16, "Responsive at scale": the first window does not wait for the views nobody has opened
// yet. Triggers, Wiring, Buckets, Metrics and a function's Monitoring tab are not built before the
// first frame; they are built in idle time right after it, or at once when the user opens one, and
// then show the current connection and function.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/triggers/TriggerListModel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/metrics/MonitoringPanel.h"
#include "ui/metrics/OverviewPanel.h"
#include "ui/objects/BucketBrowser.h"
#include "ui/triggers/TriggersPanel.h"
#include "ui/triggers/WiringPanel.h"

#include <QAction>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// How many of the heavy views exist under `window`.
int heavyViews(QWidget &window)
{
    return int(window.findChildren<OverviewPanel *>().size() + window.findChildren<MonitoringPanel *>().size() +
               window.findChildren<TriggersPanel *>().size() + window.findChildren<WiringPanel *>().size() +
               window.findChildren<BucketBrowser *>().size());
}

// Counts the heavy views when the window gets its first paint.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(QWidget *window) : m_window(window) { window->installEventFilter(this); }
    bool painted = false;
    int viewsAtFirstPaint = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!painted && watched == m_window && event->type() == QEvent::Paint) {
            painted = true;
            viewsAtFirstPaint = heavyViews(*m_window);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_window;
};

void clickTab(QTabWidget *tabs, const QString &text)
{
    QTabBar *bar = tabs->tabBar();
    for (int i = 0; i < bar->count(); ++i) {
        if (bar->tabText(i) == text) {
            QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(i).center());
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no tab %1").arg(text)));
}

} // namespace

class TestLazyViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hiddenViewsAreBuiltAfterTheFirstFrame()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QCOMPARE(heavyViews(window), 0);
        FirstPaint first(&window);
        QVERIFY(showActive(window));
        QTRY_VERIFY_WITH_TIMEOUT(first.painted, 20000);
        QCOMPARE(first.viewsAtFirstPaint, 0);
        // Then, with nobody asking, in idle time: all five.
        QTRY_COMPARE_WITH_TIMEOUT(heavyViews(window), 5, 20000);
        QCOMPARE(window.viewTabs()->count(), 5);
        QVERIFY(qobject_cast<OverviewPanel *>(window.viewTabs()->widget(4)));
        QVERIFY(qobject_cast<MonitoringPanel *>(window.tabs()->widget(4)));
    }

    void anOpenedViewIsBuiltAtOnceWithTheCurrentState()
    {
        test::Console console;
        QVERIFY(console.start());
        Trigger trigger;
        take(console.local->putTrigger(QStringLiteral("tick"), trigger, PutOptions{}));
        Action action;
        action.exec =
            Exec::withCode(QStringLiteral("nodejs:default"), QStringLiteral("function main(p) { return p; }"));
        take(console.local->putAction(QStringLiteral("hello"), action, PutOptions{}));
        MainWindow &window = *console.window;
        window.show(); // no event-loop turn yet: nothing built behind the first frame
        QCOMPARE(heavyViews(window), 0);

        clickTab(window.viewTabs(), QStringLiteral("Triggers"));
        auto *triggers = qobject_cast<TriggersPanel *>(window.viewTabs()->currentWidget());
        QVERIFY(triggers);
        QCOMPARE(window.viewTabs()->tabText(window.viewTabs()->currentIndex()), QStringLiteral("Triggers"));
        QTRY_COMPARE_WITH_TIMEOUT(triggers->model()->rowCount(), 1, 20000); // on the current connection

        clickTab(window.viewTabs(), QStringLiteral("Functions"));
        child<QAction>(&window, "refreshFunctions")->trigger(); // "hello" came after the window
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("hello")), 20000);
        clickTab(window.tabs(), QStringLiteral("Monitoring"));
        auto *monitoring = qobject_cast<MonitoringPanel *>(window.tabs()->currentWidget());
        QVERIFY(monitoring);
        QVERIFY(monitoring->powerTuningButton()->isEnabled()); // knows the platform and the function
    }
};

QTEST_MAIN(TestLazyViews)
#include "TestLazyViews.moc"
