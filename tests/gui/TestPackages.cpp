// Packages in the console (issue 19) on a real local platform, driven through its widgets: a
// package made in the Package panel whose parameter reaches a function created in it and run from
// the Test panel; whisk.system/utils bound as `tools` with a parameter, listed with its target
// and reachable; package rows collapsed and expanded by click and key; a package that holds
// functions not deleted, with the platform's reason.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/functions/FunctionListModel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/testing/TestPanel.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

constexpr int kWaitMs = 20000;
const QString kNs = QStringLiteral("guest");
const QString kEcho = QStringLiteral("function main(p) { return p; }");

Action nodeAction(const QString &code)
{
    Action action;
    action.exec = Exec::withCode(QStringLiteral("nodejs:default"), code);
    return action;
}

// Types `key` and `value` into a parameter table's new row, as a user does after "Add parameter".
void typeParameter(QTableWidget *table, const QString &key, const QString &value)
{
    QTRY_VERIFY(QApplication::focusWidget() && table->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), key);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // to the value, editing it
    QTest::keyClicks(QApplication::focusWidget(), value);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
}

QModelIndex rowOfPackage(QTreeView *view, const QString &name)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (index.data(FunctionListModel::PackageRole).toString() == name)
            return index;
    }
    return {};
}

QAction *command(MainWindow &window, const char *name)
{
    return child<QAction>(window.functionsPanel(), name);
}

} // namespace

class TestPackages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPackageParameterReachesAFunctionInIt()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));

        // New package…: named in its dialog, then the current row, with its panel.
        whenDialogOpens([](QWidget *dialog) {
            QVERIFY(qobject_cast<QInputDialog *>(dialog));
            QTest::keyClicks(dialog->findChild<QLineEdit *>(), QStringLiteral("kit"));
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        command(window, "newPackage")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.functionsPanel()->currentPackage(), QStringLiteral("kit"), kWaitMs);
        auto *panel = child<QWidget>(&window, "packagePanel");
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible() && panel->isEnabled(), kWaitMs);
        QVERIFY(!child<QTabWidget>(&window, "functionTabs")->isVisible());

        // A parameter, typed into the package's table and applied.
        auto *apply = child<QPushButton>(panel, "applyPackage");
        QVERIFY(!apply->isEnabled());
        QApplication::setActiveWindow(&window); // the dialog had it
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::mouseClick(child<QPushButton>(panel, "addPackageParameter"), Qt::LeftButton);
        typeParameter(child<QTableWidget>(panel, "packageParameters"), QStringLiteral("name"),
                      QStringLiteral("package"));
        QTRY_VERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wait(console.engine->getPackage(kNs, QStringLiteral("kit")))
                                      .value()
                                      .parameters.value_or(KeyValueList())
                                      .value(QStringLiteral("name")),
                                  QJsonValue(QStringLiteral("package")), kWaitMs);
        QTRY_VERIFY(!apply->isEnabled());

        // A function in it whose result echoes its parameters (made on the platform: the New
        // function dialog takes plain names), chosen in the list and run from the Test panel.
        QVERIFY(wait(console.engine->putAction(kNs, QStringLiteral("kit/echo"), nodeAction(kEcho), {})).ok());
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("kit/echo")), kWaitMs);
        QTRY_VERIFY(child<QTabWidget>(&window, "functionTabs")->isVisible());
        QVERIFY(!panel->isVisible());
        window.tabs()->setCurrentWidget(window.testPanel());
        QTRY_VERIFY_WITH_TIMEOUT(window.testPanel()->runOnPlatformAction()->isEnabled(), kWaitMs);
        window.testPanel()->runOnPlatformAction()->trigger();
        auto *result = child<QPlainTextEdit>(child<QWidget>(&window, "platformResultView"), "runResult");
        QTRY_VERIFY2_WITH_TIMEOUT(result->toPlainText().contains(QLatin1StringView("\"package\"")),
                                  qPrintable(result->toPlainText()), kWaitMs);
        QVERIFY2(result->toPlainText().contains(QLatin1StringView("\"name\"")), qPrintable(result->toPlainText()));
    }

    void aBoundSharedPackageIsListedWithItsTargetAndItsParameterReachesItsFunctions()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));

        whenDialogOpens([](QWidget *dialog) {
            auto *package = child<QComboBox>(dialog, "bindPackage");
            // whisk.system's catalog is listed by the platform: pick utils by typing, as in any list.
            QVERIFY(QTest::qWaitFor([package] { return package->findText(QStringLiteral("/whisk.system/utils")) >= 0; },
                                    kWaitMs));
            package->setFocus();
            QTest::keyClicks(package, QStringLiteral("/whisk.system/u"));
            QCOMPARE(package->currentText(), QStringLiteral("/whisk.system/utils"));
            auto *name = child<QLineEdit>(dialog, "bindingName");
            QCOMPARE(name->text(), QStringLiteral("utils")); // offered after the package
            name->setFocus();
            QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(name, QStringLiteral("tools"));
            QTest::mouseClick(child<QPushButton>(dialog, "addBindParameter"), Qt::LeftButton);
            typeParameter(child<QTableWidget>(dialog, "bindParameters"), QStringLiteral("greeting"),
                          QStringLiteral("hi"));
            auto *bind = child<QPushButton>(dialog, "bindButton");
            QVERIFY(QTest::qWaitFor([bind] { return bind->isEnabled(); }, kWaitMs));
            QTest::mouseClick(bind, Qt::LeftButton);
        });
        command(window, "bindPackage")->trigger();

        // The binding is the current row: its target in the name column, "Binding" as runtime.
        QTRY_COMPARE_WITH_TIMEOUT(window.functionsPanel()->currentPackage(), QStringLiteral("tools"), kWaitMs);
        auto *view = child<QTreeView>(&window, "functionList");
        const QModelIndex tools = rowOfPackage(view, QStringLiteral("tools"));
        QCOMPARE(tools.data().toString(), QStringLiteral("tools → /whisk.system/utils"));
        QCOMPARE(tools.siblingAtColumn(FunctionListModel::RuntimeColumn).data().toString(), QStringLiteral("Binding"));
        QCOMPARE(tools.data(FunctionListModel::KindRole).toInt(), int(FunctionListModel::BindingItem));
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>(&window, "packageBinding")->text().contains(QLatin1StringView("/whisk.system/utils")),
            kWaitMs);

        // Stored as a binding with the parameter; utils' functions run through it with it.
        const Package stored = wait(console.engine->getPackage(kNs, QStringLiteral("tools"))).value();
        QCOMPARE(stored.binding.toObject().value(QLatin1StringView("name")).toString(), QStringLiteral("utils"));
        QCOMPARE(stored.parameters.value_or(KeyValueList()).value(QStringLiteral("greeting")),
                 QJsonValue(QStringLiteral("hi")));
        const auto ran = wait(console.engine->invokeAction(kNs, QStringLiteral("tools/echo"),
                                                           {{QStringLiteral("x"), 1}}, InvokeOptions{}));
        QVERIFY2(ran.ok(), ran.ok() ? "" : qPrintable(ran.error().message));
        QVERIFY(ran.value().activation);
        QCOMPARE(ran.value().activation->response->result.toObject().value(QLatin1StringView("greeting")),
                 QJsonValue(QStringLiteral("hi")));
    }

    void packageRowsCollapseAndExpandByClickAndKey()
    {
        test::Console console;
        QVERIFY(console.start());
        QVERIFY(wait(console.engine->putPackage(kNs, QStringLiteral("kit"), Package(), {})).ok());
        for (const QString &name : {QStringLiteral("kit/a"), QStringLiteral("kit/b"), QStringLiteral("solo")})
            QVERIFY(wait(console.engine->putAction(kNs, name, nodeAction(kEcho), {})).ok());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        window.functionsPanel()->refresh();
        auto *view = child<QTreeView>(&window, "functionList");
        QTRY_VERIFY_WITH_TIMEOUT(rowOfPackage(view, QStringLiteral("kit")).isValid() &&
                                     view->model()->rowCount(rowOfPackage(view, QStringLiteral("kit"))) == 2,
                                 kWaitMs);
        const QModelIndex kit = rowOfPackage(view, QStringLiteral("kit"));
        const QModelIndex first = view->model()->index(0, 0, kit);
        QCOMPARE(first.data().toString(), QStringLiteral("a")); // its short name under the package
        QVERIFY(!view->isExpanded(kit));
        QVERIFY(view->visualRect(first).isEmpty()); // collapsed: its functions are not shown

        // A click on its arrow opens it; Left closes it and Right opens it again.
        const auto arrow = [view, &kit] {
            const QRect row = view->visualRect(kit);
            return QPoint(row.left() - view->indentation() / 2, row.center().y());
        };
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, arrow());
        QTRY_VERIFY(view->isExpanded(kit));
        QVERIFY(!view->visualRect(first).isEmpty());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(kit).center());
        QTRY_COMPARE(window.functionsPanel()->currentPackage(), QStringLiteral("kit"));
        QTest::keyClick(view, Qt::Key_Left);
        QTRY_VERIFY(!view->isExpanded(kit));
        QTest::keyClick(view, Qt::Key_Right);
        QTRY_VERIFY(view->isExpanded(kit));
        // Down into the package: its first function is the current one, with its tabs.
        QTest::keyClick(view, Qt::Key_Down);
        QTRY_COMPARE(window.functionsPanel()->currentFunction(), QStringLiteral("kit/a"));
        QCOMPARE(window.functionsPanel()->currentPackage(), QString());
        // Its arrow, clicked again, closes it.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, arrow());
        QTRY_VERIFY(!view->isExpanded(kit));
    }

    void aPackageWithFunctionsIsNotDeletedAndThePlatformSaysWhy()
    {
        test::Console console;
        QVERIFY(console.start());
        QVERIFY(wait(console.engine->putPackage(kNs, QStringLiteral("kit"), Package(), {})).ok());
        QVERIFY(wait(console.engine->putAction(kNs, QStringLiteral("kit/a"), nodeAction(kEcho), {})).ok());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectPackage(QStringLiteral("kit")), kWaitMs);

        whenDialogOpens([](QWidget *dialog) {
            auto *box = qobject_cast<QMessageBox *>(dialog);
            QVERIFY(box);
            QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        });
        command(window, "deletePackage")->trigger();
        auto *status = child<QLabel>(&window, "functionsStatus");
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QLatin1StringView("Package not empty (contains 1 entity)")),
                                  qPrintable(status->text()), kWaitMs);
        QVERIFY(wait(console.engine->getPackage(kNs, QStringLiteral("kit"))).ok()); // nothing lost
        QVERIFY(rowOfPackage(child<QTreeView>(&window, "functionList"), QStringLiteral("kit")).isValid());
    }
};

QTEST_MAIN(TestPackages)
#include "TestPackages.moc"
