// Issue 16, the function list and what follows its selection, in the whole console at 1366×768
// on a real local platform, driven with clicks and keys: unsaved configuration changes are asked
// about before another function is shown; Duplicate asks for the name; a delete leaves the list's
// selection and the panels showing the same function; the configuration footer follows the
// function's version after Apply and after a code deploy; the list's columns are wide enough for
// their headers and contents.

#include "ConnectionDriving.h"
#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include "models/functions/FunctionListModel.h"
#include "ui/code/CodePanel.h"
#include "ui/connections/ConnectionDialog.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include "ui/code/QsciHeaders.h"

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

qint64 storedMemory(test::Console &console, const QString &name)
{
    return console.stored(name).limits.value_or(ActionLimits()).memoryMb.value_or(0);
}

// A console at 1366×768 with these functions listed.
bool startWith(test::Console &console, const QStringList &names)
{
    if (!console.start())
        return false;
    for (const QString &name : names) {
        if (!wait(console.local->putAction(name, LocalFixture::nodeAction(kSucceeds), PutOptions{})).ok())
            return false;
    }
    if (!showActive(*console.window))
        return false;
    console.window->functionsPanel()->refresh();
    FunctionListModel *model = console.window->functionsPanel()->model();
    return QTest::qWaitFor([&] { return model->rowCount() == names.size() && !model->isLoading(); }, 15000);
}

QTreeView *listOf(MainWindow &window)
{
    return child<QTreeView>(&window, "functionList");
}

// Clicks the row of `name` in the function list, as a user does.
void clickFunction(MainWindow &window, const QString &name)
{
    QTreeView *view = listOf(window);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, FunctionListModel::NameColumn);
        if (index.data(FunctionListModel::NameRole).toString() == name) {
            view->scrollTo(index);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
            return;
        }
    }
    qFatal("no row for %s", qPrintable(name));
}

// The width the contents of a column need (QTreeView::sizeHintForColumn is protected).
int contentsWidth(QTreeView *view, int column)
{
    int widest = 0;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        widest = std::max(widest, view->sizeHintForIndex(view->model()->index(row, column)).width());
    return widest;
}

// Answers the next message box with `button` once it is up.
void answerWith(QMessageBox::StandardButton button)
{
    whenDialogOpens([button](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        if (!box || !box->button(button))
            qFatal("no message box with that button: %s", dialog->metaObject()->className());
        QTest::mouseClick(box->button(button), Qt::LeftButton);
    });
}

bool configLoaded(MainWindow &window, const QString &name)
{
    return QTest::qWaitFor(
        [&] {
            return window.configPanel()->isEnabled() && child<QLabel>(&window, "configTitle")->text().contains(name);
        },
        15000);
}

// Selects `name` in the list and opens its Configuration tab; true once it is loaded there.
bool openConfiguration(MainWindow &window, const QString &name)
{
    clickFunction(window, name);
    window.tabs()->setCurrentWidget(window.configPanel());
    return configLoaded(window, name);
}

} // namespace

class TestPolishFunctionList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unsavedConfigurationIsAskedAboutBeforeAnotherFunction()
    {
        test::Console console;
        QVERIFY(startWith(console, {QStringLiteral("alpha"), QStringLiteral("beta")}));
        MainWindow &window = *console.window;
        FunctionsPanel *functions = window.functionsPanel();
        QVERIFY(openConfiguration(window, QStringLiteral("alpha")));
        auto *memory = child<QSpinBox>(&window, "memory");
        typeNumber(memory, 384);

        // Cancel: alpha stays selected, with what was typed.
        answerWith(QMessageBox::Cancel);
        clickFunction(window, QStringLiteral("beta"));
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QTest::qWait(100);
        QCOMPARE(functions->currentFunction(), QStringLiteral("alpha"));
        QVERIFY(listOf(window)->selectionModel()->isRowSelected(listOf(window)->currentIndex().row(), {}));
        QVERIFY(child<QLabel>(&window, "configTitle")->text().contains(QLatin1StringView("alpha")));
        QCOMPARE(memory->value(), 384);

        // Discard: beta shows, alpha keeps what the platform has.
        answerWith(QMessageBox::Discard);
        clickFunction(window, QStringLiteral("beta"));
        QVERIFY(configLoaded(window, QStringLiteral("beta")));
        QCOMPARE(functions->currentFunction(), QStringLiteral("beta"));
        QTRY_COMPARE(memory->value(), 256);
        QCOMPARE(storedMemory(console, QStringLiteral("alpha")), 256);

        // Apply: beta's change is stored, then alpha shows.
        typeNumber(memory, 384);
        answerWith(QMessageBox::Apply);
        clickFunction(window, QStringLiteral("alpha"));
        QTRY_COMPARE_WITH_TIMEOUT(storedMemory(console, QStringLiteral("beta")), 384, 15000);
        QVERIFY(configLoaded(window, QStringLiteral("alpha")));
        QCOMPARE(functions->currentFunction(), QStringLiteral("alpha"));
        QTRY_COMPARE(memory->value(), 256);

        // Nothing changed: no question at all.
        clickFunction(window, QStringLiteral("beta"));
        QVERIFY(configLoaded(window, QStringLiteral("beta")));
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(memory->value(), 384);
    }

    void unsavedConfigurationIsAskedAboutBeforeAnotherConnection()
    {
        test::Console console;
        ConnectionProfile other = ConnectionProfile::newRemote();
        other.name = QStringLiteral("Elsewhere");
        other.apiHost = QStringLiteral("http://127.0.0.1:9"); // nothing listens: offline, which is fine here
        QVERIFY(startWith(console, {QStringLiteral("alpha")}));
        QVERIFY(console.store->addProfile(other, QStringLiteral("user:key")));
        MainWindow &window = *console.window;
        QVERIFY(openConfiguration(window, QStringLiteral("alpha")));
        auto *memory = child<QSpinBox>(&window, "memory");
        typeNumber(memory, 384);
        auto *combo = child<QComboBox>(&window, "connectionCombo");
        QCOMPARE(combo->count(), 2);

        // Cancel: still Local, alpha, with what was typed.
        answerWith(QMessageBox::Cancel);
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QTest::qWait(100);
        QVERIFY(console.connections->currentProfile().isLocal());
        QCOMPARE(combo->currentText(), console.connections->currentProfile().name);
        QCOMPARE(window.functionsPanel()->currentFunction(), QStringLiteral("alpha"));
        QCOMPARE(memory->value(), 384);

        // Discard: the switch happens.
        answerWith(QMessageBox::Discard);
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QTRY_COMPARE(console.connections->currentProfile().name, QStringLiteral("Elsewhere"));
        QCOMPARE(storedMemory(console, QStringLiteral("alpha")), 256);
    }

    // OK in the Connections dialog switches to a connection just added: it asks first, as the combo box does.
    void unsavedConfigurationIsAskedAboutBeforeOkSwitchesToANewConnection()
    {
        test::Console console;
        QVERIFY(startWith(console, {QStringLiteral("alpha")}));
        MainWindow &window = *console.window;
        QVERIFY(openConfiguration(window, QStringLiteral("alpha")));
        auto *memory = child<QSpinBox>(&window, "memory");
        typeNumber(memory, 384);

        ConnectionDialog *dialog = openConnectionDialog(window);
        QVERIFY(dialog);
        QPushButton *ok = typeNewConnection(dialog, QStringLiteral("staging"));
        QTRY_VERIFY(ok->isEnabled());

        // Cancel in the question: the connection is added, the console stays on Local with what was typed.
        QString asked;
        auto *timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [timer, &asked] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                timer->stop();
                asked = box->windowTitle();
                QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
            }
        });
        timer->start();
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QTRY_VERIFY(!asked.isEmpty());
        timer->stop();
        QTest::qWait(100);
        QVERIFY(console.connections->currentProfile().isLocal());
        QCOMPARE(window.functionsPanel()->currentFunction(), QStringLiteral("alpha"));
        QCOMPARE(memory->value(), 384);
    }

    void duplicateAsksForTheName()
    {
        test::Console console;
        QVERIFY(startWith(console, {QStringLiteral("alpha"), QStringLiteral("alpha-copy")}));
        MainWindow &window = *console.window;
        clickFunction(window, QStringLiteral("alpha"));
        QTRY_COMPARE(window.functionsPanel()->currentFunction(), QStringLiteral("alpha"));

        // Cancel creates nothing.
        QString offered;
        whenDialogOpens([&offered](QWidget *dialog) {
            offered = child<QLineEdit>(dialog, "newFunctionName")->text();
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
        QTRY_VERIFY(!offered.isEmpty());
        QCOMPARE(offered, QStringLiteral("alpha-copy-2")); // a free name
        QTest::qWait(200);
        QCOMPARE(window.functionsPanel()->model()->rowCount(), 2);
        QVERIFY(!console.stored(QStringLiteral("alpha-copy-2")).name);

        // An invalid name is refused as New function refuses it; a good one is created and selected.
        bool refused = false;
        whenDialogOpens([&refused](QWidget *dialog) {
            auto *name = child<QLineEdit>(dialog, "newFunctionName");
            QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(name, QStringLiteral("bad/name"));
            auto *create = child<QDialogButtonBox>(dialog, "newFunctionButtons")->button(QDialogButtonBox::Ok);
            refused = !create->isEnabled() && child<QLabel>(dialog, "newFunctionError")->isVisible();
            QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(name, QStringLiteral("alpha-two"));
            QTest::keyClick(name, Qt::Key_Return);
        });
        QApplication::setActiveWindow(&window);
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.functionsPanel()->currentFunction(), QStringLiteral("alpha-two"), 15000);
        QVERIFY(refused);
        QVERIFY(console.stored(QStringLiteral("alpha-two")).exec->code->contains(QLatin1StringView("hello")));
    }

    void afterADeleteTheSelectionAndThePanelsAgree()
    {
        test::Console console;
        QVERIFY(startWith(console, {QStringLiteral("a1"), QStringLiteral("b2"), QStringLiteral("c3")}));
        MainWindow &window = *console.window;
        QTreeView *view = listOf(window);
        window.tabs()->setCurrentWidget(window.configPanel());
        clickFunction(window, QStringLiteral("b2"));
        QVERIFY(configLoaded(window, QStringLiteral("b2")));
        // The keyboard stays in the list (Delete deletes the function, not a character of its code).
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(view));

        answerWith(QMessageBox::Yes);
        QTest::keyClick(view, Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(window.functionsPanel()->model()->rowCount(), 2, 15000);
        QTest::qWait(100);
        const QString now = window.functionsPanel()->currentFunction();
        QVERIFY2(now == QLatin1StringView("a1") || now == QLatin1StringView("c3"), qPrintable(now));
        const QModelIndexList selected = view->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(FunctionListModel::NameRole).toString(), now);
        QVERIFY(configLoaded(window, now));
        QTRY_COMPARE(window.codePanel()->functionName(), now);

        // Everything deleted: nothing selected, nothing shown.
        QApplication::setActiveWindow(&window); // the question had it
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        answerWith(QMessageBox::Yes);
        QTest::keyClick(view, Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(window.functionsPanel()->model()->rowCount(), 0, 15000);
        QTest::qWait(100);
        QCOMPARE(window.functionsPanel()->currentFunction(), QString());
        QCOMPARE(window.codePanel()->functionName(), QString());
        QVERIFY(!window.configPanel()->isEnabled());
        QVERIFY(!child<QLabel>(&window, "configTitle")->text().contains(now));
    }

    void theConfigurationFooterFollowsTheVersion()
    {
        test::Console console;
        QVERIFY(startWith(console, {QStringLiteral("alpha")}));
        MainWindow &window = *console.window;
        QVERIFY(openConfiguration(window, QStringLiteral("alpha")));
        auto *version = child<QLabel>(&window, "configVersion");
        QTRY_COMPARE(version->text(), QStringLiteral("Version 0.0.1"));

        typeNumber(child<QSpinBox>(&window, "memory"), 384);
        QTRY_VERIFY(child<QPushButton>(&window, "apply")->isEnabled());
        QTest::mouseClick(child<QPushButton>(&window, "apply"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(storedMemory(console, QStringLiteral("alpha")), 384, 15000);
        QTRY_COMPARE(version->text(),
                     QStringLiteral("Version %1").arg(*console.stored(QStringLiteral("alpha")).version));
        QCOMPARE(version->text(), QStringLiteral("Version 0.0.2"));
        // The list's CPU column grew to the new "auto (0.375 vCPU)".
        QTreeView *view = listOf(window);
        QTRY_VERIFY(view->header()->sectionSize(FunctionListModel::CpuColumn) >=
                    contentsWidth(view, FunctionListModel::CpuColumn));
        // Another message in the footer does not hide the version.
        QTest::mouseClick(child<QPushButton>(&window, "apply"), Qt::LeftButton);
        QCOMPARE(version->text(), QStringLiteral("Version 0.0.2"));

        // A deploy from the Code panel: the footer follows.
        window.tabs()->setCurrentWidget(window.codePanel());
        auto *editor = child<QsciScintilla>(&window, "codeTextEdit");
        QTRY_VERIFY_WITH_TIMEOUT(editor->text().contains(QLatin1StringView("hello")), 15000);
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("function main() { return {v: 3} }"));
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(console.stored(QStringLiteral("alpha")).version.value_or(QString()),
                                  QStringLiteral("0.0.3"), 15000);
        window.tabs()->setCurrentWidget(window.configPanel());
        QTRY_COMPARE(version->text(), QStringLiteral("Version 0.0.3"));
        QCOMPARE(child<QSpinBox>(&window, "memory")->value(), 384); // the deploy kept the configuration
    }

    void columnsAreWideEnoughForHeadersAndContents()
    {
        test::Console console;
        QVERIFY(startWith(console, {QStringLiteral("alpha"), QStringLiteral("a-function-with-a-long-name")}));
        MainWindow &window = *console.window;
        QTreeView *view = listOf(window);
        QHeaderView *header = view->header();
        QTest::qWait(100);
        const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        int others = 0;
        for (int section = 0; section < header->count(); ++section) {
            if (header->isSectionHidden(section))
                continue;
            const QString text = view->model()->headerData(section, Qt::Horizontal).toString();
            const int needed = header->fontMetrics().horizontalAdvance(text) + margins;
            QVERIFY2(header->sectionSize(section) >= needed,
                     qPrintable(
                         QStringLiteral("%1: %2 px < %3 px").arg(text).arg(header->sectionSize(section)).arg(needed)));
            QVERIFY2(header->sectionSize(section) >= contentsWidth(view, section),
                     qPrintable(QStringLiteral("%1: %2 px, its contents %3 px")
                                    .arg(text)
                                    .arg(header->sectionSize(section))
                                    .arg(contentsWidth(view, section))));
            if (section != FunctionListModel::NameColumn)
                others += header->sectionSize(section);
        }
        // The name column takes the width that is left over, when there is some.
        const int spare = view->viewport()->width() - others;
        QVERIFY(header->sectionSize(FunctionListModel::NameColumn) >= std::min(spare, 400) ||
                header->sectionSize(FunctionListModel::NameColumn) >= contentsWidth(view, 0));
    }
};

QTEST_MAIN(TestPolishFunctionList)
#include "TestPolishFunctionList.moc"
