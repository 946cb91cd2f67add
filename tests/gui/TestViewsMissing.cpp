// Issue 16: the console without its views module (libfuncdesk_views.so: charts and the code
// editor, loaded at run time). It starts, says why in the places of the views, and still builds
// its hidden tabs and views in idle time after the first frame, then goes idle: the Code tab's
// editor counts as built once it shows the reason (before, the idle build asked for it again on
// every event-loop turn, for ever, and never reached the tabs). This program does not link the
// module, and FUNCDESK_VIEWS_DIR points the loader at a folder without it.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"

#include "ui/code/CodeEditor.h"
#include "ui/code/CodePanel.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/metrics/MonitoringPanel.h"
#include "ui/metrics/OverviewPanel.h"
#include "ui/views/Views.h"

#include <QLabel>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <ctime>

using namespace funcdesk;
using funcdesk::test::showActive;

namespace {

constexpr int kWaitMs = 20000;

double cpuSeconds()
{
    return double(std::clock()) / CLOCKS_PER_SEC;
}

} // namespace

class TestViewsMissing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_empty.isValid());
        qputenv("FUNCDESK_VIEWS_DIR", QFile::encodeName(m_empty.path())); // before anything loads it
    }

    void theConsoleBuildsItsHiddenViewsAndGoesIdleWithoutTheModule()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        QVERIFY(!views::available());
        QVERIFY(views::loadError().contains(QLatin1StringView("libfuncdesk_views.so")));
        // Every hidden tab and view, in idle time, as with the module.
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<ConfigPanel *>(window.tabs()->widget(1)), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<MonitoringPanel *>(window.tabs()->widget(4)), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<OverviewPanel *>(window.viewTabs()->widget(4)), kWaitMs);
        // The editor's place says why, and so does a chart's.
        CodeEditor *editor = window.findChild<CodePanel *>()->editor();
        QVERIFY(editor->isBuilt());
        auto *reason = editor->findChild<QLabel *>(QStringLiteral("unavailableView"));
        QVERIFY(reason);
        QCOMPARE(reason->text(), views::loadError());
        QTabBar *views = window.viewTabs()->tabBar(); // Metrics, with its charts
        QTest::mouseClick(views, Qt::LeftButton, {}, views->tabRect(4).center());
        QTRY_VERIFY_WITH_TIMEOUT(window.viewTabs()->currentIndex() == 4, kWaitMs);
        const QList<QLabel *> labels = window.viewTabs()->widget(4)->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->isVisible() && label->text() == views::loadError();
        }));
        // Then idle: a second of waiting costs next to no CPU (a 0 ms timer asking again would take it all).
        QTest::qWait(200);
        const double before = cpuSeconds();
        QTest::qWait(1000);
        const double used = cpuSeconds() - before;
        QVERIFY2(used < 0.5, qPrintable(QStringLiteral("%1 s of CPU in 1 s of idle").arg(used)));
    }

private:
    QTemporaryDir m_empty;
};

QTEST_MAIN(TestViewsMissing)
#include "TestViewsMissing.moc"
