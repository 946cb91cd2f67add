// File ▸ Deploy project… on a real local platform (issue 19, bulk deployment in the console): the
// dialog opened from the File menu reads a typed project folder at once and shows the dry run's
// plan, Deploy applies it and the function list shows the new function; opened again, it
// remembers the folder and everything is unchanged; an invalid manifest shows its place and
// Deploy stays disabled; a platform error shows in the dialog; Cancel stops and closes.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "ui/functions/FunctionsPanel.h"
#include "ui/testing/TestPanel.h"

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace funcdesk;
using namespace funcdesk::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;
constexpr int kGoWaitMs = 60000; // a Go action compiles on its first start

const QByteArray kHelloJs = "function main(params) { return {greeting: 'hello ' + (params.name || 'world')}; }\n";

// A Node.js action, a trigger and a rule, in the namespace.
const QByteArray kManifest = "packages:\n"
                             "  default:\n"
                             "    actions:\n"
                             "      deployedHello:\n"
                             "        function: src/hello.js\n"
                             "        runtime: nodejs\n"
                             "        inputs:\n"
                             "          name: Ada\n"
                             "    triggers:\n"
                             "      deployedTick:\n"
                             "        inputs:\n"
                             "          n: 1\n"
                             "    rules:\n"
                             "      deployedTickRule:\n"
                             "        trigger: deployedTick\n"
                             "        action: deployedHello\n";

struct Project
{
    QTemporaryDir dir;

    bool write(const QString &name, const QByteArray &content)
    {
        QDir(dir.path()).mkpath(QFileInfo(dir.filePath(name)).path());
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }
};

QMenu *fileMenu(MainWindow &window)
{
    return window.menuBar()->actions().first()->menu();
}

QAction *deployEntry(MainWindow &window)
{
    const QList<QAction *> actions = fileMenu(window)->actions();
    for (QAction *action : actions) {
        if (action->objectName() == QLatin1StringView("deployProject"))
            return action;
    }
    return nullptr;
}

// Opens File ▸ Deploy project… with a click in the File menu; the dialog once it is up.
QDialog *openByClick(MainWindow &window)
{
    QMenu *menu = fileMenu(window);
    QAction *entry = deployEntry(window);
    if (!entry)
        return nullptr;
    menu->popup(QPoint(10, 10));
    if (!QTest::qWaitForWindowExposed(menu))
        return nullptr;
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(entry).center());
    QDialog *dialog = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (dialog = window.findChild<QDialog *>(u"deployProjectDialog"_s)) && dialog->isVisible(); }))
        return nullptr;
    return dialog;
}

// The same by keyboard: Alt+F opens the File menu, P is the entry's mnemonic.
QDialog *openByKeyboard(MainWindow &window)
{
    QApplication::setActiveWindow(&window); // the menu bar's mnemonics work in the active window
    if (!QTest::qWaitForWindowActive(&window))
        return nullptr;
    QTest::keyClick(&window, Qt::Key_F, Qt::AltModifier);
    QMenu *menu = fileMenu(window);
    if (!QTest::qWaitFor([menu] { return menu->isVisible(); }) || !QTest::qWaitForWindowExposed(menu))
        return nullptr;
    QTest::keyClick(menu, Qt::Key_P);
    QDialog *dialog = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (dialog = window.findChild<QDialog *>(u"deployProjectDialog"_s)) && dialog->isVisible(); }))
        return nullptr;
    return dialog;
}

// Column `column` of every row of the plan.
QStringList column(QDialog *dialog, int column)
{
    QAbstractItemModel *model = child<QTableView>(dialog, "deployPlanView")->model();
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, column).data().toString());
    return out;
}

void typeFolder(QDialog *dialog, const QString &folder)
{
    auto *edit = child<QLineEdit>(dialog, "deployFolderEdit");
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, folder);
    QTest::keyClick(edit, Qt::Key_Return);
}

// Starts the console at 1366×768, opens the dialog by click and types `folder` into it; the
// dialog, or nullptr when something did not come up.
QDialog *startAndOpen(test::Console &console, const QString &folder)
{
    if (!console.start() || !showActive(*console.window))
        return nullptr;
    QDialog *dialog = openByClick(*console.window);
    if (dialog)
        typeFolder(dialog, folder);
    return dialog;
}

} // namespace

class TestDeployProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deploysAProjectAndRemembersIt()
    {
        Project project;
        QVERIFY(project.write(u"src/hello.js"_s, kHelloJs));
        QVERIFY(project.write(u"manifest.yaml"_s, kManifest));
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));

        QDialog *dialog = openByClick(window);
        QVERIFY(dialog);
        // The plan's model keeps Qt's model rules through every reset below.
        new QAbstractItemModelTester(child<QTableView>(dialog, "deployPlanView")->model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, dialog);
        auto *deploy = child<QPushButton>(dialog, "deployButton");
        QVERIFY(!deploy->isEnabled()); // no folder yet
        typeFolder(dialog, project.dir.path());
        // The dry run's plan: everything is new, nothing is applied yet.
        QTRY_COMPARE_WITH_TIMEOUT(column(dialog, 0), QStringList({u"created"_s, u"created"_s, u"created"_s}), kWaitMs);
        QCOMPARE(column(dialog, 1), QStringList({u"action"_s, u"trigger"_s, u"rule"_s}));
        QCOMPARE(column(dialog, 2), QStringList({u"deployedHello"_s, u"deployedTick"_s, u"deployedTickRule"_s}));
        QVERIFY(!console.stored(u"deployedHello"_s).exec);
        QVERIFY(deploy->isEnabled());

        QTest::mouseClick(deploy, Qt::LeftButton);
        auto *summary = child<QLabel>(dialog, "deploySummary");
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().startsWith(u"Deployed: 3 created"_s), kWaitMs);
        QCOMPARE(column(dialog, 3), QStringList({u"applied"_s, u"applied"_s, u"applied"_s}));
        QVERIFY(!child<QLabel>(dialog, "deployError")->isVisible());
        QVERIFY(console.stored(u"deployedHello"_s).exec);
        // The function list was refreshed: the deployed function is there to select.
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(u"deployedHello"_s), kWaitMs);

        auto *close = child<QPushButton>(dialog, "deployCloseButton");
        QCOMPARE(close->text(), u"Close"_s);
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<QDialog *>(u"deployProjectDialog"_s));

        // Opened again by keyboard: the folder is remembered, read at once, and nothing differs.
        dialog = openByKeyboard(window);
        QVERIFY(dialog);
        QCOMPARE(child<QLineEdit>(dialog, "deployFolderEdit")->text(), project.dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(column(dialog, 0), QStringList({u"unchanged"_s, u"unchanged"_s, u"unchanged"_s}),
                                  kWaitMs);
        QVERIFY(!child<QPushButton>(dialog, "deployButton")->isEnabled());
        QVERIFY(child<QLabel>(dialog, "deploySummary")->text().startsWith(u"Nothing to deploy"_s));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!window.findChild<QDialog *>(u"deployProjectDialog"_s));
    }

    // resources/examples/manifest, copied: a package with a parameter, a binding, Node.js, Python
    // and Go actions, a three-step sequence of them, an alarm trigger and a rule. Deployed, the
    // sequence runs from the Test panel and shows each step's result (issue 19, "Done when").
    void exampleProjectDeploysRunsEachStepThenIsUnchanged()
    {
        Project project;
        const QDir examples(QStringLiteral(EXAMPLES_DIR "/manifest"));
        for (const QString &name : {u"manifest.yaml"_s, u"src/hello.js"_s, u"src/shout.py"_s, u"src/measure.go"_s}) {
            QFile source(examples.filePath(name));
            QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
            QVERIFY(project.write(name, source.readAll()));
        }
        test::Console console;
        QDialog *dialog = startAndOpen(console, project.dir.path());
        QVERIFY(dialog);
        MainWindow &window = *console.window;
        QTRY_COMPARE_WITH_TIMEOUT(column(dialog, 0), QStringList(8, u"created"_s), kWaitMs);
        QCOMPARE(column(dialog, 1), QStringList({u"package"_s, u"package"_s, u"action"_s, u"action"_s, u"action"_s,
                                                 u"sequence"_s, u"trigger"_s, u"rule"_s}));
        QTest::mouseClick(child<QPushButton>(dialog, "deployButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, "deploySummary")->text().startsWith(u"Deployed: 8 created"_s),
                                 kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(u"greeter/loudHello"_s), kWaitMs);
        QTest::mouseClick(child<QPushButton>(dialog, "deployCloseButton"), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<QDialog *>(u"deployProjectDialog"_s));

        // Run it from the Test panel: Node.js, Python, then Go (compiled on its first start).
        window.tabs()->setCurrentWidget(window.testPanel());
        auto *payload = child<QPlainTextEdit>(&window, "payloadEditor");
        payload->setFocus();
        QTest::keyClick(payload, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(payload, u"{\"name\": \"Ada\"}"_s);
        QTRY_VERIFY_WITH_TIMEOUT(window.testPanel()->runOnPlatformAction()->isEnabled(), kWaitMs);
        QTest::mouseClick(child<QWidget>(&window, "runOnPlatformButton"), Qt::LeftButton);
        auto *steps = child<QTreeWidget>(child<QWidget>(&window, "platformResultView"), "runSteps");
        QTRY_COMPARE_WITH_TIMEOUT(steps->topLevelItemCount(), 3, kGoWaitMs);
        const QStringList names{u"greeter/hello"_s, u"greeter/shout"_s, u"greeter/measure"_s};
        const QStringList results{u"Hello, Ada!"_s, u"HELLO, ADA!"_s, u"\"letters\":8"_s};
        for (int row = 0; row < 3; ++row) {
            QTreeWidgetItem *step = steps->topLevelItem(row);
            QCOMPARE(step->text(1), names.at(row));
            QVERIFY2(step->text(2).contains(u"success"_s), qPrintable(step->text(2) + u' ' + step->text(4)));
            QVERIFY2(step->text(4).contains(results.at(row)), qPrintable(step->text(4)));
        }

        QDialog *again = openByClick(window);
        QVERIFY(again);
        QTRY_COMPARE_WITH_TIMEOUT(column(again, 0), QStringList(8, u"unchanged"_s), kWaitMs);
        QVERIFY(!child<QPushButton>(again, "deployButton")->isEnabled());
    }

    void invalidManifestShowsItsPlaceAndCannotBeDeployed()
    {
        Project project;
        QVERIFY(project.write(u"src/hello.js"_s, kHelloJs));
        // Line 5, column 9: a rule on a trigger the manifest does not declare.
        QVERIFY(project.write(u"manifest.yaml"_s, "packages:\n"
                                                  "  default:\n"
                                                  "    rules:\n"
                                                  "      orphan:\n"
                                                  "        trigger: nowhere\n"
                                                  "        action: hello\n"));
        test::Console console;
        QDialog *dialog = startAndOpen(console, project.dir.path());
        QVERIFY(dialog);
        auto *error = child<QLabel>(dialog, "deployError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kWaitMs);
        QVERIFY2(error->text().startsWith(u"manifest.yaml:5:"_s), qPrintable(error->text()));
        QCOMPARE(column(dialog, 0), QStringList());
        QVERIFY(!child<QPushButton>(dialog, "deployButton")->isEnabled());

        // Fixed on disk and read again (Enter): the plan shows, the error is gone.
        QVERIFY(project.write(u"manifest.yaml"_s, kManifest));
        typeFolder(dialog, project.dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(column(dialog, 0).size(), 3, kWaitMs);
        QVERIFY(!error->isVisible());
        QVERIFY(child<QPushButton>(dialog, "deployButton")->isEnabled());

        // A folder without a manifest says so.
        QTemporaryDir empty;
        typeFolder(dialog, empty.path());
        QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(u"no manifest.yaml"_s), kWaitMs);
        QVERIFY(!child<QPushButton>(dialog, "deployButton")->isEnabled());
    }

    void platformErrorShowsInTheDialog()
    {
        Project project;
        QVERIFY(project.write(u"src/hello.js"_s, kHelloJs));
        // The alarms feed refuses the cron expression: the action is in, the trigger is not.
        QVERIFY(project.write(u"manifest.yaml"_s, "packages:\n"
                                                  "  default:\n"
                                                  "    actions:\n"
                                                  "      feedHello:\n"
                                                  "        function: src/hello.js\n"
                                                  "    triggers:\n"
                                                  "      badTick:\n"
                                                  "        feed: /whisk.system/alarms/alarm\n"
                                                  "        inputs:\n"
                                                  "          cron: 'every now and then'\n"));
        test::Console console;
        QDialog *dialog = startAndOpen(console, project.dir.path());
        QVERIFY(dialog);
        MainWindow &window = *console.window;
        auto *deploy = child<QPushButton>(dialog, "deployButton");
        QTRY_VERIFY_WITH_TIMEOUT(deploy->isEnabled(), kWaitMs);
        QTest::mouseClick(deploy, Qt::LeftButton);
        auto *summary = child<QLabel>(dialog, "deploySummary");
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().startsWith(u"Stopped: 1 of 2 entities applied"_s), kWaitMs);
        auto *error = child<QLabel>(dialog, "deployError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(u"trigger badTick: "_s), qPrintable(error->text()));
        QCOMPARE(column(dialog, 3), QStringList({u"applied"_s, u"failed"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(u"feedHello"_s), kWaitMs);
    }

    void cancelStopsTheDeploymentAndCloses()
    {
        Project project;
        QVERIFY(project.write(u"src/hello.js"_s, kHelloJs));
        QVERIFY(project.write(u"manifest.yaml"_s, kManifest));
        test::Console console;
        QDialog *dialog = startAndOpen(console, project.dir.path());
        QVERIFY(dialog);
        MainWindow &window = *console.window;
        auto *deploy = child<QPushButton>(dialog, "deployButton");
        QTRY_VERIFY_WITH_TIMEOUT(deploy->isEnabled(), kWaitMs);
        // Deploy, then Cancel before the deployer's first platform call (it is queued): nothing
        // is applied, the dialog closes.
        QTest::mouseClick(deploy, Qt::LeftButton);
        QCOMPARE(child<QLabel>(dialog, "deployProgress")->text(), u"Deploying…"_s);
        QTest::mouseClick(child<QPushButton>(dialog, "deployCloseButton"), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<QDialog *>(u"deployProjectDialog"_s));
        QTest::qWait(300);
        QVERIFY(!console.stored(u"deployedHello"_s).exec);
    }
};

QTEST_MAIN(TestDeployProject)
#include "TestDeployProject.moc"
