// Issue 16, "Responsive at scale": the first window does not wait for the views nobody has opened
// yet. Triggers, Wiring, Buckets, Metrics and a function's Configuration, Test, Activations and
// Monitoring tabs are not built before the first frame; they are built in idle time right after
// it, or at once when the user opens one (or the Function menu, for the Test panel's commands),
// and then show the current connection and function. What they did when built at start still
// holds: the leave check for unsaved configuration, the Activations splitter kept across restarts.
// The function filter's clear button (the first icon-theme lookup) also comes after the first frame,
// and so does the Code tab's QScintilla editor: built when a function is first shown, while the Code
// menu's editor actions and the drafts of typed code work as before.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/functions/FunctionListModel.h"
#include "models/triggers/TriggerListModel.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/code/CodeEditor.h"
#include "ui/code/CodePanel.h"
#include "ui/code/CodeTextEdit.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/metrics/MonitoringPanel.h"
#include "ui/metrics/OverviewPanel.h"
#include "ui/objects/BucketBrowser.h"
#include "ui/testing/TestPanel.h"
#include "ui/triggers/TriggersPanel.h"
#include "ui/triggers/WiringPanel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

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

// How many of the function's tabs behind Code exist under `window`.
int functionTabs(QWidget &window)
{
    return int(window.findChildren<ConfigPanel *>().size() + window.findChildren<TestPanel *>().size() +
               window.findChildren<ActivationsPanel *>().size());
}

// How many QScintilla editors exist under `window` (by class name: the test does not link QScintilla).
int codeEditors(QWidget &window)
{
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    return int(std::count_if(widgets.begin(), widgets.end(),
                             [](const QWidget *widget) { return widget->inherits("QsciScintilla"); }));
}

// Counts the heavy views and the function tabs when the window gets its first paint.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(QWidget *window) : m_window(window) { window->installEventFilter(this); }
    bool painted = false;
    int viewsAtFirstPaint = -1;
    int tabsAtFirstPaint = -1;
    int editorsAtFirstPaint = -1;
    int historyListsAtFirstPaint = -1; // the Code tab's History pane, hidden until asked for
    bool clearButtonAtFirstPaint = true;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!painted && watched == m_window && event->type() == QEvent::Paint) {
            painted = true;
            viewsAtFirstPaint = heavyViews(*m_window);
            tabsAtFirstPaint = functionTabs(*m_window);
            editorsAtFirstPaint = codeEditors(*m_window);
            historyListsAtFirstPaint = int(m_window->findChildren<QTreeView *>(QStringLiteral("historyView")).size());
            clearButtonAtFirstPaint =
                m_window->findChild<QLineEdit *>(QStringLiteral("functionFilter"))->isClearButtonEnabled();
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

constexpr int kWaitMs = 20000;

bool putFunction(test::Console &console, const QString &name)
{
    Action action;
    action.exec = Exec::withCode(QStringLiteral("nodejs:default"),
                                 QStringLiteral("function main(p) { return { greeting: 'hi ' + p.name }; }"));
    return wait(console.local->putAction(name, action, PutOptions{})).ok();
}

// A console whose window is not shown yet (so nothing is built in idle time), with `names` on its
// platform and the first one selected in the list.
bool startSelected(test::Console &console, const QStringList &names)
{
    if (!console.start())
        return false;
    for (const QString &name : names) {
        if (!putFunction(console, name))
            return false;
    }
    FunctionsPanel *functions = console.window->functionsPanel();
    functions->refresh();
    return QTest::qWaitFor([&] { return functions->selectFunction(names.first()); }, kWaitMs);
}

// Clicks the row of `name` in the function list.
void clickFunction(MainWindow &window, const QString &name)
{
    auto *view = child<QTreeView>(&window, "functionList");
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, FunctionListModel::NameColumn);
        if (index.data(FunctionListModel::NameRole).toString() == name) {
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row %1").arg(name)));
}

// Drags the handle between the Activations list and its details down by `dy` pixels.
void dragActivationsSplitter(QSplitter *splitter, int dy)
{
    QWidget *handle = splitter->handle(1);
    const QPoint from = handle->rect().center();
    QTest::mousePress(handle, Qt::LeftButton, {}, from);
    QTest::mouseMove(handle, from + QPoint(0, dy / 2));
    QTest::mouseMove(handle, from + QPoint(0, dy));
    QTest::mouseRelease(handle, Qt::LeftButton, {}, from + QPoint(0, dy));
}

} // namespace

class TestLazyViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hiddenViewsTabsAndTheFilterClearButtonComeAfterTheFirstFrame()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QCOMPARE(heavyViews(window), 0);
        QCOMPARE(functionTabs(window), 0);
        FirstPaint first(&window);
        QVERIFY(showActive(window));
        QTRY_VERIFY_WITH_TIMEOUT(first.painted, kWaitMs);
        QCOMPARE(first.viewsAtFirstPaint, 0);
        QCOMPARE(first.tabsAtFirstPaint, 0);
        QCOMPARE(first.historyListsAtFirstPaint, 0);
        QVERIFY(!first.clearButtonAtFirstPaint); // no icon-theme lookup before the first frame
        // Then, with nobody asking, in idle time: all five views, the three tabs in their places,
        // and the clear button.
        QTRY_COMPARE_WITH_TIMEOUT(heavyViews(window), 5, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(functionTabs(window), 3, kWaitMs);
        QCOMPARE(window.viewTabs()->count(), 5);
        QCOMPARE(window.tabs()->count(), 5);
        QVERIFY(qobject_cast<OverviewPanel *>(window.viewTabs()->widget(4)));
        QVERIFY(qobject_cast<ConfigPanel *>(window.tabs()->widget(1)));
        QVERIFY(qobject_cast<TestPanel *>(window.tabs()->widget(2)));
        QVERIFY(qobject_cast<ActivationsPanel *>(window.tabs()->widget(3)));
        QVERIFY(qobject_cast<MonitoringPanel *>(window.tabs()->widget(4)));
        QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>(&window, "functionFilter")->isClearButtonEnabled(), kWaitMs);
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

    void aFunctionTabOpenedLaterShowsTheSelectedFunction()
    {
        test::Console console;
        QVERIFY(startSelected(console, {QStringLiteral("hello")}));
        MainWindow &window = *console.window;
        QCOMPARE(functionTabs(window), 0); // a function is selected, and still nothing is built
        window.show();                     // no event-loop turn before the clicks: nothing built in idle time

        clickTab(window.tabs(), QStringLiteral("Activations"));
        auto *activations = qobject_cast<ActivationsPanel *>(window.tabs()->currentWidget());
        QVERIFY(activations);
        QCOMPARE(child<QLineEdit>(activations, "activationFunction")->text(), QStringLiteral("hello"));
        clickTab(window.tabs(), QStringLiteral("Test"));
        auto *test = qobject_cast<TestPanel *>(window.tabs()->currentWidget());
        QVERIFY(test);
        QVERIFY(child<QLabel>(test, "testTitle")->text().contains(QLatin1StringView("hello")));
        clickTab(window.tabs(), QStringLiteral("Configuration"));
        auto *config = qobject_cast<ConfigPanel *>(window.tabs()->currentWidget());
        QVERIFY(config);
        QCOMPARE(window.tabs()->tabText(window.tabs()->currentIndex()), QStringLiteral("Configuration"));
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(config, "configTitle")->text().contains(QLatin1StringView("hello")),
                                 kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(config->isEnabled(), kWaitMs);
    }

    void theFunctionMenuRunsTheTestPanelsCommandsBeforeItsTabWasOpened()
    {
        test::Console console;
        QVERIFY(startSelected(console, {QStringLiteral("hello")}));
        MainWindow &window = *console.window;
        QCOMPARE(window.findChildren<TestPanel *>().size(), 0);

        // Opening the menu builds the panel, whose commands are then there and work.
        auto *menu = child<QMenu>(&window, "functionMenu");
        menu->popup(QPoint(10, 10));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QCOMPARE(window.findChildren<TestPanel *>().size(), 1);
        QAction *runLocally = nullptr;
        const QList<QAction *> entries = menu->actions();
        for (QAction *entry : entries) {
            if (entry->text() == QLatin1StringView("Run locally"))
                runLocally = entry;
        }
        QVERIFY(runLocally);
        QCOMPARE(menu->actions().size(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(runLocally->isEnabled(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.codePanel()->currentCode().contains(QLatin1StringView("greeting")), kWaitMs);
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(runLocally).center());
        auto *result = child<QPlainTextEdit>(child<QWidget>(&window, "localResultView"), "runResult");
        QTRY_VERIFY_WITH_TIMEOUT(result->toPlainText().contains(QLatin1StringView("hi ")), kWaitMs);
    }

    void unsavedConfigurationIsAskedAboutWhenItsTabWasBuiltByAClick()
    {
        test::Console console;
        QVERIFY(startSelected(console, {QStringLiteral("alpha"), QStringLiteral("beta")}));
        MainWindow &window = *console.window;
        // No Configuration panel: nothing can be unsaved, the list moves freely.
        QVERIFY(window.functionsPanel()->selectFunction(QStringLiteral("beta")));
        QCOMPARE(window.functionsPanel()->currentFunction(), QStringLiteral("beta"));
        QVERIFY(window.functionsPanel()->selectFunction(QStringLiteral("alpha")));
        QCOMPARE(window.findChildren<ConfigPanel *>().size(), 0);

        window.resize(1366, 768);
        window.show();
        clickTab(window.tabs(), QStringLiteral("Configuration"));
        auto *config = qobject_cast<ConfigPanel *>(window.tabs()->currentWidget());
        QVERIFY(config);
        QVERIFY(showActive(window));
        QTRY_VERIFY_WITH_TIMEOUT(config->isEnabled() &&
                                     child<QLabel>(config, "configTitle")->text().contains(QLatin1StringView("alpha")),
                                 kWaitMs);
        auto *memory = child<QSpinBox>(config, "memory");
        typeNumber(memory, 384);
        QVERIFY(config->hasUnsavedChanges());

        whenDialogOpens([](QWidget *dialog) {
            auto *box = qobject_cast<QMessageBox *>(dialog);
            QVERIFY(box && box->button(QMessageBox::Cancel));
            QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        });
        clickFunction(window, QStringLiteral("beta"));
        QTRY_VERIFY_WITH_TIMEOUT(!QApplication::activeModalWidget(), kWaitMs);
        QTest::qWait(100);
        QCOMPARE(window.functionsPanel()->currentFunction(), QStringLiteral("alpha")); // asked, and stayed
        QCOMPARE(memory->value(), 384);
    }

    void theCodeEditorComesAfterTheFirstFrameAndShowsTheFunctionClicked()
    {
        test::Console console;
        QVERIFY(console.start());
        QVERIFY(putFunction(console, QStringLiteral("hello")));
        MainWindow &window = *console.window;
        QCOMPARE(codeEditors(window), 0);
        FirstPaint first(&window);
        QVERIFY(showActive(window));
        QTRY_VERIFY_WITH_TIMEOUT(first.painted, kWaitMs);
        QCOMPARE(first.editorsAtFirstPaint, 0);

        child<QAction>(&window, "refreshFunctions")->trigger(); // "hello" came after the window
        QTRY_COMPARE_WITH_TIMEOUT(window.functionsPanel()->model()->rowCount(), 1, kWaitMs);
        clickFunction(window, QStringLiteral("hello"));
        QTRY_VERIFY_WITH_TIMEOUT(codeEditors(window) == 1, kWaitMs);
        auto *text = window.findChild<QWidget *>(QStringLiteral("codeTextEdit"));
        QVERIFY(text);
        QTRY_VERIFY_WITH_TIMEOUT(
            text->isVisible() && window.codePanel()->currentCode().contains(QLatin1StringView("greeting")), kWaitMs);
        QCOMPARE(static_cast<QWidget *>(window.codePanel()->editor()->textEdit()),
                 text); // the one shown, not a second one
    }

    void theCodeMenusEditorActionsWorkBeforeTheEditorWasBuilt()
    {
        test::Console console;
        QVERIFY(startSelected(console, {QStringLiteral("hello")})); // the window not shown yet
        MainWindow &window = *console.window;
        // Loaded without a view: the panel knows the code, nothing to deploy.
        QTRY_VERIFY_WITH_TIMEOUT(window.codePanel()->currentCode().contains(QLatin1StringView("greeting")), kWaitMs);
        QVERIFY(!window.codePanel()->isDirty());
        QCOMPARE(codeEditors(window), 0);

        // Code ▸ Go to Line…: the editor is built with the function's code and the bar opens.
        auto *menu = child<QMenu>(&window, "codeMenu");
        auto *goToLine = child<QAction>(&window, "goToLineAction");
        QVERIFY(menu->actions().contains(goToLine));
        menu->popup(QPoint(10, 10));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(goToLine).center());
        QCOMPARE(codeEditors(window), 1);
        CodeEditor *editor = window.codePanel()->editor();
        QVERIFY(editor->text().contains(QLatin1StringView("greeting")));
        QVERIFY(!window.codePanel()->isDirty());
        QVERIFY(showActive(window));
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(editor, "codeGoToLineBar")->isVisible(), kWaitMs);
    }

    void codeTypedIntoTheLaterBuiltEditorIsKeptAsADraft()
    {
        test::Console console;
        QVERIFY(startSelected(console, {QStringLiteral("alpha"), QStringLiteral("beta")}));
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        QWidget *text = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((text = window.findChild<QWidget *>(QStringLiteral("codeTextEdit"))) &&
                                     window.codePanel()->currentCode().contains(QLatin1StringView("greeting")),
                                 kWaitMs);
        text->setFocus();
        QTest::keyClick(text, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(text, QStringLiteral("// more"));
        QTRY_VERIFY_WITH_TIMEOUT(window.codePanel()->isDirty(), kWaitMs);

        // Another function, then back: the typed code is offered back.
        clickFunction(window, QStringLiteral("beta"));
        QTRY_COMPARE_WITH_TIMEOUT(window.codePanel()->functionName(), QStringLiteral("beta"), kWaitMs);
        clickFunction(window, QStringLiteral("alpha"));
        auto *draft = child<QWidget>(window.codePanel(), "draftBanner");
        QTRY_VERIFY_WITH_TIMEOUT(draft->isVisible(), kWaitMs);
    }

    void theActivationsSplitterIsKeptAcrossRestartsOpenedOrNot()
    {
        test::Console console;
        QVERIFY(console.start());
        QVERIFY(showActive(*console.window));
        clickTab(console.window->tabs(), QStringLiteral("Activations"));
        auto *splitter = child<QSplitter>(console.window->activationsPanel(), "activationsSplitter");
        const QList<int> before = splitter->sizes();
        dragActivationsSplitter(splitter, 120);
        const QList<int> moved = splitter->sizes();
        QVERIFY2(moved.value(0) > before.value(0) + 60, "the drag moved the handle");
        console.window->close();

        // A start that never builds the Activations panel (closed before its first frame) keeps it.
        console.window.reset();
        console.window = std::make_unique<MainWindow>(console.runtime->context());
        QVERIFY(console.window->close());
        QCOMPARE(console.window->findChildren<ActivationsPanel *>().size(), 0);

        console.window.reset();
        console.window = std::make_unique<MainWindow>(console.runtime->context());
        QVERIFY(showActive(*console.window));
        clickTab(console.window->tabs(), QStringLiteral("Activations"));
        splitter = child<QSplitter>(console.window->activationsPanel(), "activationsSplitter");
        QTRY_COMPARE_WITH_TIMEOUT(splitter->sizes(), moved, kWaitMs);
    }
};

QTEST_MAIN(TestLazyViews)
#include "TestLazyViews.moc"
