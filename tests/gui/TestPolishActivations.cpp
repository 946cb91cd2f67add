// The Activations panel at 1366×768 (and at 200 %, see CMakeLists): columns that fit their text
// and a details pane that always belongs to a row the list shows (issue 16).

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/activations/ActivationListModel.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/functions/FunctionsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

constexpr int kWaitMs = 20000;

bool putAndInvoke(Console &console, const QString &name, int invocations)
{
    Action action;
    action.exec = Exec::withCode(QStringLiteral("nodejs:default"), QStringLiteral("function main() { return {}; }"));
    if (!wait(console.local->putAction(name, action, PutOptions{})).ok())
        return false;
    for (int i = 0; i < invocations; ++i) {
        if (!wait(console.local->invokeAction(name, {}, InvokeOptions{})).ok())
            return false;
    }
    return true;
}

// Selects a function as the list (or an import) does, shows the Activations tab and waits for
// the list of that function's activations (not the one before it) to be loaded.
void showActivationsOf(MainWindow &window, const QString &name)
{
    window.functionsPanel()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(name), kWaitMs);
    window.tabs()->setCurrentWidget(window.activationsPanel());
    QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(&window, "activationFunction")->text(), name, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!window.activationsPanel()->model()->isLoading(), kWaitMs);
}

} // namespace

class TestPolishActivations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnsFitTheirTextAndTheLastTakesTheRest()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(putAndInvoke(console, QStringLiteral("f"), 2));
        QVERIFY(showActive(window));
        showActivationsOf(window, QStringLiteral("f"));
        auto *view = child<QTableView>(&window, "activationList");
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, kWaitMs);
        QTest::qWait(50); // laid out

        const QHeaderView *header = view->horizontalHeader();
        const int last = ActivationListModel::ColumnCount - 1;
        for (int column = 0; column < ActivationListModel::ColumnCount; ++column) {
            const int content = std::max(static_cast<QAbstractItemView *>(view)->sizeHintForColumn(column),
                                         header->sectionSizeHint(column));
            const QString what = view->model()->headerData(column, Qt::Horizontal).toString() +
                                 QStringLiteral(": width %1, content %2").arg(view->columnWidth(column)).arg(content);
            QVERIFY2(view->columnWidth(column) >= content, qPrintable(QStringLiteral("cut off; ") + what));
            if (column != last) // no column but the last is wider than its text
                QVERIFY2(view->columnWidth(column) <= content + 2, qPrintable(QStringLiteral("too wide; ") + what));
        }
        // The last column reaches the right edge: no empty strip, no horizontal scrolling.
        const int right = view->columnViewportPosition(last) + view->columnWidth(last);
        QVERIFY2(std::abs(right - view->viewport()->width()) <= 1,
                 qPrintable(QStringLiteral("%1 vs %2").arg(right).arg(view->viewport()->width())));
    }

    void detailsFollowTheListWhenTheFilterChanges()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(putAndInvoke(console, QStringLiteral("alpha"), 1));
        QVERIFY(putAndInvoke(console, QStringLiteral("beta"), 0));
        QVERIFY(showActive(window));
        showActivationsOf(window, QStringLiteral("alpha"));
        auto *view = child<QTableView>(&window, "activationList");
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, kWaitMs);
        const QRect row = view->visualRect(view->model()->index(0, ActivationListModel::FunctionColumn));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, row.center());
        auto *summary = child<QLabel>(&window, "activationSummary");
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QLatin1StringView("alpha")), kWaitMs);

        // Another function selected (as after an import): its list is empty, and so are the details.
        showActivationsOf(window, QStringLiteral("beta"));
        QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(&window, "activationsStatus")->text().contains(QLatin1StringView("…")),
                                 kWaitMs);
        QCOMPARE(view->model()->rowCount(), 0);
        QVERIFY2(!summary->text().contains(QLatin1StringView("alpha")), qPrintable(summary->text()));
        QVERIFY(child<QWidget>(&window, "activationResult")->property("plainText").toString().isEmpty());
    }
};

QTEST_MAIN(TestPolishActivations)
#include "TestPolishActivations.moc"
