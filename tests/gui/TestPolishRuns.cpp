// Local runs that stop when told and say honestly how they ran (issue 16): Cancel and Quit end a
// looping function's process tree at once, the first run of a function is cold, and runs ended by
// the timeout or the memory limit say so. Driven through the console's widgets.

#include "../executor/ProcessProbe.h"
#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/activations/ActivationListModel.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/testing/TestPanel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

constexpr int kWaitMs = 20000; // real processes on a busy machine

// Loops forever when the payload says so, else answers at once.
const QString kSpin = QStringLiteral("function main(p) { while (p.loop) {} return {done: true}; }");

// The function processes the console started: every process below this test's own.
qsizetype functionProcesses()
{
    return descendantsOf(QCoreApplication::applicationPid()).size();
}

bool putFunction(Console &console, const QString &name, const QString &code, ActionLimits limits = {})
{
    Action action;
    action.exec = Exec::withCode(QStringLiteral("nodejs:default"), code);
    action.limits = limits;
    return wait(console.local->putAction(name, action, PutOptions{})).ok();
}

// Replaces the payload editor's text with `payload`, as typed.
void typePayload(MainWindow &window, const QString &payload)
{
    auto *editor = child<QPlainTextEdit>(&window, "payloadEditor");
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, payload);
}

// Selects `name`, opens its Test panel and types `payload` into the payload editor.
void openTest(Console &console, const QString &name, const QString &payload)
{
    MainWindow &window = *console.window;
    window.functionsPanel()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(name), kWaitMs);
    window.tabs()->setCurrentWidget(window.testPanel());
    typePayload(window, payload);
    QTRY_VERIFY_WITH_TIMEOUT(window.testPanel()->runLocallyAction()->isEnabled(), kWaitMs);
}

QLabel *localFigure(MainWindow &window, const char *name)
{
    return child<QLabel>(child<QWidget>(&window, "localResultView"), name);
}

// Clicks "Run locally" and waits for the report (a status that is not empty).
void runLocallyAndWait(MainWindow &window)
{
    QLabel *status = localFigure(window, "runStatus");
    status->clear();
    QTest::mouseClick(child<QToolButton>(&window, "runLocallyButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!status->text().isEmpty() && window.testPanel()->runLocallyAction()->isEnabled(), kWaitMs);
}

// A console whose Test panel runs a looping function locally: its launcher is up and looping.
void startLoopingLocalRun(Console &console)
{
    QVERIFY(console.start());
    MainWindow &window = *console.window;
    QVERIFY(putFunction(console, QStringLiteral("spin"), kSpin));
    QVERIFY(showActive(window));
    QCOMPARE(functionProcesses(), 0);
    openTest(console, QStringLiteral("spin"), QStringLiteral("{\"loop\": true}"));
    QTest::mouseClick(child<QToolButton>(&window, "runLocallyButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(functionProcesses() > 0, kWaitMs);
    QTest::qWait(300); // in its loop by now
}

// Ctrl+Q: the window closes and every function process is gone within a second.
void quitAndExpectEverythingGoneWithinASecond(MainWindow &window)
{
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QElapsedTimer sinceQuit;
    sinceQuit.start();
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(functionProcesses() == 0, 5000);
    QVERIFY2(sinceQuit.elapsed() < 1000, qPrintable(QString::number(sinceQuit.elapsed())));
}

} // namespace

class TestPolishRuns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancelEndsTheLocalRunsProcessTreeAndTheNextRunSucceeds()
    {
        Console console;
        startLoopingLocalRun(console);
        if (QTest::currentTestFailed())
            return;
        MainWindow &window = *console.window;
        auto *cancel = child<QToolButton>(&window, "cancelRunButton");
        QVERIFY(cancel->isVisible());
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(functionProcesses() == 0, 5000);
        QVERIFY2(sinceCancel.elapsed() < 1000, qPrintable(QString::number(sinceCancel.elapsed())));
        QCOMPARE(localFigure(window, "runStatus")->text(), QStringLiteral("Cancelled"));

        // The same function again, not looping: a clean process answers.
        typePayload(window, QStringLiteral("{}"));
        runLocallyAndWait(window);
        QVERIFY2(localFigure(window, "runStatus")->text().contains(QLatin1StringView("success")),
                 qPrintable(localFigure(window, "runStatus")->text() + localFigure(window, "runError")->text()));
    }

    void aLocalRunInProgressDoesNotShowThePreviousPlatformReport()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(putFunction(console, QStringLiteral("spin"), kSpin));
        QVERIFY(showActive(window));
        openTest(console, QStringLiteral("spin"), QStringLiteral("{}"));
        // A platform run first: its report is shown.
        auto *platform = child<QWidget>(&window, "platformResultView");
        QTest::mouseClick(child<QToolButton>(&window, "runOnPlatformButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            platform->isVisible() &&
                child<QLabel>(platform, "runStatus")->text().contains(QLatin1StringView("success")) &&
                window.testPanel()->runLocallyAction()->isEnabled(),
            kWaitMs);

        // Then a local run that loops: while it runs, only its own (empty) view is in sight.
        typePayload(window, QStringLiteral("{\"loop\": true}"));
        const qsizetype platformProcesses = functionProcesses(); // the platform keeps its process warm
        QTest::mouseClick(child<QToolButton>(&window, "runLocallyButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(functionProcesses() > platformProcesses, kWaitMs);
        QVERIFY(!platform->isVisible());
        QVERIFY(child<QWidget>(&window, "localResultView")->isVisible());
        QCOMPARE(localFigure(window, "runStatus")->text(), QStringLiteral("Running…"));
        QCOMPARE(localFigure(window, "runDuration")->text(), QStringLiteral("\u2014"));
        QTest::mouseClick(child<QToolButton>(&window, "cancelRunButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(functionProcesses() == platformProcesses, kWaitMs);
    }

    void quitEndsARunningLocalRunAtOnce()
    {
        Console console;
        startLoopingLocalRun(console);
        if (QTest::currentTestFailed())
            return;
        quitAndExpectEverythingGoneWithinASecond(*console.window);
    }

    void quitEndsAnInvocationRunningOnTheLocalPlatform()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(putFunction(console, QStringLiteral("spin"), kSpin));
        QVERIFY(showActive(window));
        InvokeOptions background;
        background.blocking = false;
        auto invocation = console.local->invokeAction(QStringLiteral("spin"),
                                                      QJsonObject{{QStringLiteral("loop"), true}}, background);
        QTRY_VERIFY_WITH_TIMEOUT(functionProcesses() > 0, kWaitMs);
        QTest::qWait(300);
        quitAndExpectEverythingGoneWithinASecond(window);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(wait(invocation).ok()); // answered (non-blocking: its id), not left hanging
    }

    void firstLocalRunIsColdWithItsInitTimeAndTheSecondWarm()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(putFunction(console, QStringLiteral("hello"), QStringLiteral("function main() { return {}; }")));
        QVERIFY(showActive(window));
        openTest(console, QStringLiteral("hello"), QStringLiteral("{}"));
        // Run on the platform first: its warm process is the platform's, not the Test panel's.
        QLabel *platformStatus = child<QLabel>(child<QWidget>(&window, "platformResultView"), "runStatus");
        QTest::mouseClick(child<QToolButton>(&window, "runOnPlatformButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(platformStatus->text().contains(QLatin1StringView("success")), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.testPanel()->runLocallyAction()->isEnabled(), kWaitMs);

        runLocallyAndWait(window);
        const QString first = localFigure(window, "runStart")->text();
        QVERIFY2(first.startsWith(QLatin1StringView("Cold start")) && first.contains(QLatin1StringView("init")),
                 qPrintable(first));
        runLocallyAndWait(window);
        QCOMPARE(localFigure(window, "runStart")->text(), QStringLiteral("Warm"));
    }

    void timeoutAndMemoryEndsSayWhyInTheReport()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        ActionLimits quick;
        quick.timeoutMs = 1500;
        QVERIFY(putFunction(console, QStringLiteral("loop"), kSpin, quick));
        ActionLimits small;
        small.memoryMb = 128;
        QVERIFY(putFunction(console, QStringLiteral("hoard"),
                            QStringLiteral("const h = [];\nfunction main() {\n"
                                           "  for (let i = 0; i < 400; i++) h.push(Buffer.alloc(4 << 20, 1));\n"
                                           "  return {}; }"),
                            small));
        QVERIFY(showActive(window));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

        openTest(console, QStringLiteral("loop"), QStringLiteral("{\"loop\": true}"));
        runLocallyAndWait(window);
        QCOMPARE(localFigure(window, "runStatus")->text(),
                 QStringLiteral("\u2716 action developer error: timed out after 1,500 ms"));

        openTest(console, QStringLiteral("hoard"), QStringLiteral("{}"));
        runLocallyAndWait(window);
        QCOMPARE(localFigure(window, "runStatus")->text(),
                 QStringLiteral("\u2716 action developer error: out of memory at 128 MB"));

        // On the platform: the Activations list says it too.
        QVERIFY(wait(console.local->invokeAction(QStringLiteral("hoard"), {}, InvokeOptions{})).ok());
        window.tabs()->setCurrentWidget(window.activationsPanel());
        auto *list = child<QTableView>(&window, "activationList");
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 1, kWaitMs);
        QCOMPARE(list->model()->index(0, ActivationListModel::StatusColumn).data().toString(),
                 QStringLiteral("out of memory at 128 MB"));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TestPolishRuns)
#include "TestPolishRuns.moc"
