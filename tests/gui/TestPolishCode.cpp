// The Code panel inside the whole console at 1366×768 (issue 16): comparing code never moves
// the window's main splitter, neither side of it can be dragged or restored to nothing, and the
// Code tab keeps its name while the panel's heading names the function.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/code/CodeVersionModel.h"
#include "models/settings/ConsoleSettings.h"
#include "ui/code/CodeHistoryPane.h"
#include "ui/code/CodePanel.h"
#include "ui/code/DiffView.h"
#include "ui/functions/FunctionsPanel.h"

#include <QAbstractItemView>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <QTreeView>

#include <functional>

#include "ui/code/QsciHeaders.h"

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kName = QStringLiteral("compare-with-a-rather-long-function-name");

// Clicks the row of `name` in the function list, as a user picks a function.
bool clickFunction(MainWindow &window, const QString &name)
{
    auto *list = child<QAbstractItemView>(&window, "functionList");
    const QAbstractItemModel *model = list->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data().toString() != name)
            continue;
        list->scrollTo(index);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        return true;
    }
    return false;
}

void clickToolButton(QToolBar *toolbar, QAction *action)
{
    QWidget *button = toolbar->widgetForAction(action);
    if (!button || !button->isVisible())
        qFatal("%s is not a visible button of the toolbar", qPrintable(action->text()));
    QTest::mouseClick(button, Qt::LeftButton);
}

// Drags the handle of a splitter by `dx` pixels with the left button held.
void dragHandle(QSplitter *splitter, int dx)
{
    QSplitterHandle *handle = splitter->handle(1);
    const QPoint start = handle->rect().center();
    const QPoint startGlobal = handle->mapToGlobal(start);
    QMouseEvent press(QEvent::MouseButtonPress, start, startGlobal, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(handle, &press);
    for (int step = 1; step <= 10; ++step) {
        const QPoint offset(dx * step / 10, 0);
        QMouseEvent move(QEvent::MouseMove, start + offset, startGlobal + offset, Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(handle, &move);
    }
    const QPoint end = start + QPoint(dx, 0);
    QMouseEvent release(QEvent::MouseButtonRelease, end, handle->mapToGlobal(end), Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QApplication::sendEvent(handle, &release);
}

} // namespace

class TestPolishCode : public QObject
{
    Q_OBJECT

private:
    // A console at 1366×768 with kName at version 0.0.2 selected in the list and its code open.
    bool openFunction(test::Console &console)
    {
        Action action;
        action.exec = Exec::withCode(QStringLiteral("nodejs:20"), QStringLiteral("function main() {\n"
                                                                                 "  return { v: 1 };\n"
                                                                                 "}\n"));
        if (!wait(console.local->putAction(kName, action, PutOptions{})))
            return false;
        action.exec->code = QStringLiteral("function main() {\n  return { v: 2 };\n}\n");
        if (!wait(console.local->putAction(kName, action, PutOptions{true, {}})))
            return false;
        MainWindow &window = *console.window;
        if (!showActive(window))
            return false;
        window.functionsPanel()->refresh();
        if (!QTest::qWaitFor([&] { return clickFunction(window, kName); }, 15000))
            return false;
        window.tabs()->setCurrentWidget(window.codePanel());
        auto *editor = child<QsciScintilla>(&window, "codeTextEdit");
        return QTest::qWaitFor([&] { return editor->text().contains(QLatin1StringView("v: 2")); }, 15000);
    }

private Q_SLOTS:
    void compareNeverMovesTheMainSplitter()
    {
        test::Console console;
        QVERIFY(console.start());
        QVERIFY(openFunction(console));
        MainWindow &window = *console.window;
        CodePanel *panel = window.codePanel();
        auto *editor = child<QsciScintilla>(&window, "codeTextEdit");
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("// one more line, long enough to be noticed in the diff"));
        QTRY_VERIFY(panel->isDirty());

        auto *splitter = child<QSplitter>(&window, "mainSplitter");
        const int listWidth = window.functionsPanel()->width();
        QVERIFY(listWidth > 0);
        auto *toolbar = child<QToolBar>(panel, "codeToolBar");
        auto *diff = child<DiffView>(panel, "diffView");
        auto *back = child<QPushButton>(panel, "diffCloseButton");

        // Compare (by `compare`), then back to the editor: the list keeps its width throughout.
        const auto compareAndBack = [&](const std::function<void()> &compare) {
            compare();
            QTRY_VERIFY(diff->isVisible());
            QApplication::processEvents();
            QCOMPARE(window.functionsPanel()->width(), listWidth);
            QTest::mouseClick(back, Qt::LeftButton);
            QTRY_VERIFY(!diff->isVisible());
            QApplication::processEvents();
            QCOMPARE(window.functionsPanel()->width(), listWidth);
        };
        for (int i = 0; i < 3; ++i)
            compareAndBack([&] { clickToolButton(toolbar, panel->diffAction()); });

        // The same with History open and an older version compared (the longest titles).
        clickToolButton(toolbar, panel->historyAction());
        auto *history = child<CodeHistoryPane>(panel, "codeHistoryPane");
        QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), 2, 15000);
        QApplication::processEvents();
        QCOMPARE(window.functionsPanel()->width(), listWidth);
        auto *versions = child<QTreeView>(history, "historyView");
        for (int i = 0; i < 3; ++i) {
            compareAndBack([&] {
                const QModelIndex older = history->model()->index(1, 0);
                QTest::mouseClick(versions->viewport(), Qt::LeftButton, {}, versions->visualRect(older).center());
                QTest::mouseClick(child<QPushButton>(history, "historyCompareButton"), Qt::LeftButton);
            });
            QVERIFY(diff->leftTitle().contains(QStringLiteral("0.0.1")));
        }
        QCOMPARE(splitter->sizes().first(), listWidth);
    }

    void neitherSideOfTheMainSplitterCanBeDraggedAway()
    {
        test::Console console;
        QVERIFY(console.start());
        QVERIFY(openFunction(console));
        MainWindow &window = *console.window;
        auto *splitter = child<QSplitter>(&window, "mainSplitter");
        auto *editor = child<QsciScintilla>(&window, "codeTextEdit");

        dragHandle(splitter, window.width()); // far right
        QApplication::processEvents();
        QVERIFY2(window.tabs()->width() >= 300, qPrintable(QString::number(window.tabs()->width())));
        QVERIFY(editor->isVisible() && editor->width() >= 200);

        dragHandle(splitter, -window.width()); // far left
        QApplication::processEvents();
        QVERIFY2(window.functionsPanel()->width() >= 150,
                 qPrintable(QString::number(window.functionsPanel()->width())));
        QVERIFY(window.functionsPanel()->isVisible());
    }

    void aCollapsedPanelSavedEarlierComesBack()
    {
        test::Console console;
        QVERIFY(console.start());
        // A state saved by an earlier version with the tabs dragged away completely.
        QSplitter earlier;
        earlier.setObjectName(QStringLiteral("mainSplitter"));
        earlier.addWidget(new QWidget);
        earlier.addWidget(new QWidget);
        earlier.resize(1300, 600);
        earlier.setSizes({1300, 0});
        ConsoleSettings::viewState(QStringLiteral("mainSplitter")).set(*console.settings, earlier.saveState());
        console.window = std::make_unique<MainWindow>(console.runtime->context());
        QVERIFY(showActive(*console.window));
        QApplication::processEvents();
        QVERIFY2(console.window->tabs()->width() >= 300, qPrintable(QString::number(console.window->tabs()->width())));
    }

    void theCodeTabKeepsItsName()
    {
        test::Console console;
        QVERIFY(console.start());
        QVERIFY(openFunction(console));
        MainWindow &window = *console.window;
        const int index = window.tabs()->indexOf(window.codePanel());
        QCOMPARE(window.tabs()->tabText(index), QStringLiteral("Code"));
        // The panel's heading names the function, and says when its code is not deployed.
        auto *heading = child<QLabel>(window.codePanel(), "codeTitle");
        QCOMPARE(heading->text(), kName);
        auto *editor = child<QsciScintilla>(&window, "codeTextEdit");
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("// edited"));
        QTRY_VERIFY(window.codePanel()->isDirty());
        QCOMPARE(heading->text(), kName + QStringLiteral(" ●"));
        QCOMPARE(window.tabs()->tabText(index), QStringLiteral("Code"));
    }
};

QTEST_MAIN(TestPolishCode)
#include "TestPolishCode.moc"
