// The console on a remote connection, end to end and through its widgets: a real `funcdeskd
// serve` on a loopback port is added in the connection dialog (name, API host, namespace and the
// key from the server's DATA_DIR/auth), chosen in the switcher, and a function is managed there:
// created, edited, deployed with Ctrl+S, invoked on the platform (result and logs shown), its
// memory and timeout changed. What the console did is checked through a second, independent
// client (an OpenWhiskPlatform of the test's own). Then the server stops: the console shows the
// connection offline with the reason; it starts again on the same port: the console recovers by
// itself. The scenario is a series of steps, one behaviour each, run in the order they are
// declared (QTest's) on one server and one console built in initTestCase.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/FuncdeskdProcess.h"
#include "support/Futures.h"

#include "models/activations/ActivationListModel.h"
#include "platforms/openwhisk/OpenWhiskPlatform.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/code/CodePanel.h"
#include "ui/connections/ConnectionSwitcher.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/testing/TestPanel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include "ui/code/QsciHeaders.h"

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

void activate(QWidget *window)
{
    QApplication::setActiveWindow(window); // after a dialog, shortcuts need the window active again
    QVERIFY(QTest::qWaitForWindowActive(window));
}

} // namespace

class TestRemoteConsole : public QObject
{
    Q_OBJECT

private:
    // The scenario's steps share one server, one console on it and the test's own client.
    QTemporaryDir m_serverData;
    std::unique_ptr<FuncdeskdProcess> m_server;
    quint16 m_port = 0;
    std::unique_ptr<OpenWhiskPlatform> m_check; // the independent path, with the same key
    std::unique_ptr<test::Console> m_console;
    MainWindow *m_window = nullptr;
    bool m_stepFailed = false;

    template <typename T> T *find(const char *name) { return child<T>(m_window, name); }
    QsciScintilla *editor() { return find<QsciScintilla>("codeTextEdit"); }
    QLabel *switcherStatus()
    {
        auto *switcher = m_window->findChild<ConnectionSwitcher *>();
        if (!switcher)
            qFatal("no connection switcher");
        return child<QLabel>(switcher, "connectionStatus");
    }
    QLabel *statusBarStatus() { return child<QLabel>(m_window->statusBar(), "connectionStatus"); }
    QWidget *platformView() { return find<QWidget>("platformResultView"); }
    QPlainTextEdit *runResult() { return child<QPlainTextEdit>(platformView(), "runResult"); }
    Action greet(bool withCode = true)
    {
        const auto action = wait(m_check->getAction(QStringLiteral("greet"), withCode));
        return action ? action.value() : Action();
    }

    static bool isScenarioStep()
    {
        return qstrcmp(QTest::currentTestFunction(), "cancelDeployAndApplyWhileThePlatformHangs") != 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<FuncdeskdProcess>(m_serverData.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorText()));
        m_port = m_server->port();
        OpenWhiskConfig direct;
        direct.apiHost = QStringLiteral("http://") + m_server->apiHost().section(QStringLiteral("://"), -1);
        direct.auth = m_server->guestKey();
        direct.ns = QStringLiteral("guest");
        QVERIFY(!direct.auth.isEmpty());
        m_check = std::make_unique<OpenWhiskPlatform>(direct);
        m_console = std::make_unique<test::Console>();
        QVERIFY(m_console->start());
        m_window = m_console->window.get();
        QVERIFY(showActive(*m_window));
    }

    void cleanupTestCase()
    {
        m_console.reset();
        m_check.reset();
        m_server.reset();
    }

    // The scenario's steps build on each other: after a failed one, the rest are skipped.
    void init()
    {
        if (m_stepFailed && isScenarioStep())
            QSKIP("an earlier step of the remote scenario failed");
    }
    void cleanup()
    {
        if (QTest::currentTestFailed() && isScenarioStep())
            m_stepFailed = true;
    }

    // A platform that stops answering (a funcdeskd the test SIGSTOPs): Deploy and Apply show a
    // Cancel button; Esc or Cancel stops waiting, keeps what was typed, and says honestly what
    // the platform may have; once it answers again, Refresh shows what it has.
    void cancelDeployAndApplyWhileThePlatformHangs()
    {
        QTemporaryDir serverData;
        FuncdeskdProcess server(serverData.path());
        QVERIFY2(server.start(), qPrintable(server.errorText()));
        OpenWhiskConfig direct;
        direct.apiHost = QStringLiteral("http://") + server.apiHost().section(QStringLiteral("://"), -1);
        direct.auth = server.guestKey();
        direct.ns = QStringLiteral("guest");
        OpenWhiskPlatform check(direct);
        Action action;
        action.exec = Exec::withCode(QStringLiteral("nodejs:20"), QStringLiteral("function main() { return {v: 1}; }"));
        QVERIFY(wait(check.putAction(QStringLiteral("slow"), action, PutOptions{})));

        test::Console console;
        QVERIFY(console.start());
        ConnectionProfile profile = ConnectionProfile::newRemote();
        profile.name = QStringLiteral("Sleepy box");
        profile.apiHost = server.apiHost();
        profile.namespaceName = QStringLiteral("guest");
        const auto added = console.store->addProfile(profile, server.guestKey());
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        QVERIFY(console.connections->setCurrent(added.value()));
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("slow")), 15000);
        window.tabs()->setCurrentWidget(window.codePanel());
        auto *editor = child<QsciScintilla>(&window, "codeTextEdit");
        QTRY_VERIFY_WITH_TIMEOUT(editor->text().contains(QLatin1StringView("v: 1")), 15000);
        activate(&window);

        // Deploy while the server hangs: Cancel shows; Esc stops waiting before anything was sent.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        const QString typed = QStringLiteral("function main() { return {v: 2}; }");
        QTest::keyClicks(editor, typed);
        server.pause();
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
        auto *banner = child<QLabel>(&window, "bannerText");
        QTRY_VERIFY(banner->text().startsWith(QStringLiteral("Deploying slow")));
        QTRY_VERIFY(child<QPushButton>(&window, "cancelInFlightButton")->isVisible());
        QVERIFY(!window.codePanel()->deployAction()->isEnabled());
        QTest::qWait(300); // still waiting: nothing comes
        QVERIFY(banner->text().startsWith(QStringLiteral("Deploying slow")));
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY2(banner->text().startsWith(QStringLiteral("Deploy canceled before the code was sent")),
                     qPrintable(banner->text()));
        QCOMPARE(editor->text(), typed);
        QVERIFY(window.codePanel()->isDirty());
        QVERIFY(window.codePanel()->deployAction()->isEnabled());
        QVERIFY(!editor->isReadOnly());

        // Back: deploying again goes through; the stale answer changes nothing in the panel.
        server.resume();
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(!window.codePanel()->isDirty(), qPrintable(banner->text()), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(banner->text().startsWith(QStringLiteral("Deployed version 0.0.2")), 15000);
        QCOMPARE(wait(check.getAction(QStringLiteral("slow"))).value().exec->code.value_or(QString()), typed);

        // Apply while the server hangs: the PUT has left, so the panel says the outcome is unknown.
        window.tabs()->setCurrentWidget(window.configPanel());
        auto *memory = child<QSpinBox>(&window, "memory");
        QTRY_VERIFY_WITH_TIMEOUT(memory->isEnabled() && memory->value() == 256, 15000);
        typeNumber(memory, 512);
        auto *apply = child<QPushButton>(&window, "apply");
        QTRY_VERIFY(apply->isEnabled());
        server.pause();
        QTest::mouseClick(apply, Qt::LeftButton);
        auto *configStatus = child<QLabel>(&window, "configStatus");
        auto *cancel = child<QPushButton>(&window, "cancelApply");
        QTRY_VERIFY(cancel->isVisible());
        QVERIFY(!apply->isEnabled());
        QTest::qWait(300);
        QCOMPARE(configStatus->text(), QStringLiteral("Applying…"));
        memory->setFocus();
        QTest::keyClick(memory, Qt::Key_Escape);
        QTRY_VERIFY2(configStatus->text().startsWith(QStringLiteral("Stopped waiting.")),
                     qPrintable(configStatus->text()));
        QVERIFY(configStatus->text().contains(QLatin1StringView("unknown")));
        QVERIFY(!cancel->isVisible());
        QCOMPARE(memory->value(), 512);
        QVERIFY(apply->isEnabled());
        auto *refresh = child<QPushButton>(&window, "refreshConfig");
        QTRY_VERIFY(refresh->isVisible());

        // The request that had left is stored once the server runs again; Refresh shows it.
        server.resume();
        QTRY_COMPARE_WITH_TIMEOUT(
            wait(check.getAction(QStringLiteral("slow"), false)).value().limits->memoryMb.value_or(0), 512, 15000);
        QTest::mouseClick(refresh, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(configStatus->text().endsWith(QStringLiteral("on the platform has these settings.")),
                                  qPrintable(configStatus->text()), 15000);
        QCOMPARE(memory->value(), 512);
        QVERIFY(!apply->isEnabled()); // nothing left to apply
    }
    // The scenario: one function managed on a remote funcdeskd, step by step.

    void manageConnectionsAddsTheServerWithoutWritingItsKey()
    {
        activate(m_window);
        // Connection ▸ Manage Connections (Ctrl+Alt+M): Add, fill in, OK.
        whenDialogOpens([this](QWidget *dialog) {
            QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
            QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("Build box"));
            QTest::keyClicks(child<QLineEdit>(dialog, "apiHostEdit"), m_server->apiHost());
            auto *ns = child<QLineEdit>(dialog, "namespaceEdit"); // holds "_" (the key's own) at first
            QTest::keyClick(ns, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(ns, QStringLiteral("guest"));
            QTest::keyClicks(child<QLineEdit>(dialog, "keyEdit"), m_server->guestKey());
            QTest::mouseClick(child<QPushButton>(dialog, "okButton"), Qt::LeftButton);
        });
        QTest::keyClick(m_window, Qt::Key_M, Qt::ControlModifier | Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_console->store->profiles().size(), 2, 15000);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        activate(m_window);
        // The key is not in the window title, nor in the settings file.
        m_console->settings->sync();
        QFile settingsFile(m_console->settings->fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(!settingsFile.readAll().contains(m_server->guestKey().section(QLatin1Char(':'), 1).toUtf8()));
    }

    void theSwitcherChoosesTheServerAndShowsItOnline()
    {
        // Connection ▸ Switch Connection (Ctrl+Alt+K) opens the switcher; Down, Return picks it.
        auto *combo = find<QComboBox>("connectionCombo");
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(combo->view()->isVisible());
        QTest::keyClick(combo->view(), Qt::Key_Down);
        QTest::keyClick(combo->view(), Qt::Key_Return);
        QTRY_COMPARE(m_console->connections->currentProfile().name, QStringLiteral("Build box"));
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("Build box")));
        QTRY_COMPARE_WITH_TIMEOUT(switcherStatus()->text(), QStringLiteral("Online"), 15000);
        activate(m_window);
    }

    void newFunctionIsCreatedOnTheServer()
    {
        // New function (Ctrl+N) on the remote platform.
        whenDialogOpens([](QWidget *dialog) {
            QTest::keyClicks(child<QLineEdit>(dialog, "newFunctionName"), QStringLiteral("greet"));
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(m_window->functionsPanel()->currentFunction() == QLatin1StringView("greet"),
                                  qPrintable(find<QLabel>("functionsStatus")->text()), 15000);
        auto created = wait(m_check->getAction(QStringLiteral("greet")));
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        QCOMPARE(created.value().version.value_or(QString()), QStringLiteral("0.0.1"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor()->text().isEmpty(), 15000);
    }

    void ctrlSDeploysTheEditedCodeAsTheNextVersion()
    {
        // Edit the code and deploy with Ctrl+S: the server has 0.0.2 with the typed code.
        m_window->tabs()->setCurrentWidget(m_window->codePanel());
        activate(m_window);
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(
            editor(), QStringLiteral("function main(p) { console.log('remote ran', p.who); return {hello: p.who}; }"));
        QVERIFY(m_window->codePanel()->isDirty());
        QTest::keyClick(editor(), Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->codePanel()->isDirty(), 15000);
        auto deployed = wait(m_check->getAction(QStringLiteral("greet")));
        QVERIFY(deployed);
        QCOMPARE(deployed.value().version.value_or(QString()), QStringLiteral("0.0.2"));
        QVERIFY(deployed.value().exec->code.value_or(QString()).contains(QLatin1StringView("remote ran")));
    }

    void runOnPlatformShowsTheResultAndTheLogs()
    {
        // Run on platform (Ctrl+Shift+R) with a typed payload: result and logs appear.
        m_window->tabs()->setCurrentWidget(m_window->testPanel());
        // The heading names the connection as the user named it, not its id.
        QTRY_VERIFY2(find<QLabel>("testTitle")->text().endsWith(QStringLiteral(" on Build box")),
                     qPrintable(find<QLabel>("testTitle")->text()));
        auto *payload = find<QPlainTextEdit>("payloadEditor");
        payload->setFocus();
        QTest::keyClick(payload, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(payload, QStringLiteral("{\"who\": \"operator\"}"));
        QTRY_VERIFY(m_window->testPanel()->runOnPlatformAction()->isEnabled());
        QTest::keyClick(payload, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        auto *result = runResult();
        auto *logs = child<QPlainTextEdit>(platformView(), "runLogs");
        QTRY_VERIFY2_WITH_TIMEOUT(result->toPlainText().contains(QLatin1StringView("\"operator\"")),
                                  qPrintable(find<QLabel>("runStatusLine")->text() + QLatin1Char('\n') +
                                             child<QLabel>(platformView(), "runError")->text() + QLatin1Char('\n') +
                                             result->toPlainText() + QLatin1Char('\n') + logs->toPlainText() +
                                             QLatin1Char('\n') + greet().exec->code.value_or(QString())),
                                  30000);
        QVERIFY(platformView()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(logs->toPlainText().contains(QLatin1StringView("remote ran operator")), 15000);
        QVERIFY(child<QLabel>(platformView(), "runStatus")->text().contains(QLatin1StringView("success")));
        auto ran = wait(m_check->listActivations([] {
            ActivationQuery query;
            query.name = QStringLiteral("greet");
            return query;
        }()));
        QVERIFY(ran && ran.value().size() == 1);
    }

    void appliedMemoryAndTimeoutReachTheServer()
    {
        // Configuration: memory and timeout typed in and applied; the server reports them.
        m_window->tabs()->setCurrentWidget(m_window->configPanel());
        auto *memory = find<QSpinBox>("memory");
        QTRY_VERIFY_WITH_TIMEOUT(memory->isEnabled() && memory->value() == 256, 15000);
        typeNumber(memory, 384);
        typeNumber(find<QSpinBox>("timeout"), 7000);
        auto *apply = find<QPushButton>("apply");
        QTRY_VERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        auto *configStatus = find<QLabel>("configStatus");
        QTRY_VERIFY2_WITH_TIMEOUT(configStatus->text().startsWith(QStringLiteral("Applied: greet is now version ")),
                                  qPrintable(configStatus->text()), 15000);
        const Action configured = greet(false);
        QVERIFY(configured.limits);
        QVERIFY(configStatus->text().endsWith(configured.version.value_or(QStringLiteral("?")) + QLatin1Char('.')));
        QCOMPARE(configured.limits->memoryMb.value_or(0), 384);
        QCOMPARE(configured.limits->timeoutMs.value_or(0), 7000);
    }

    void aStoppedServerShowsOfflineWithTheReason()
    {
        // The server stops: the toolbar and the status bar say offline, with the reason.
        m_server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(switcherStatus()->text().startsWith(QStringLiteral("Offline: ")), 15000);
        QVERIFY(switcherStatus()->text().size() > QStringLiteral("Offline: ").size());
        QTRY_VERIFY(statusBarStatus()->text().startsWith(QStringLiteral("Build box: offline")));
        QVERIFY2(statusBarStatus()->text().contains(m_console->connections->offlineReason()),
                 qPrintable(statusBarStatus()->text()));
        QVERIFY(!m_console->connections->offlineReason().isEmpty());
    }

    void offlineTheFunctionListSaysWhyItCannotRefresh()
    {
        // Offline, the function list cannot refresh (F5) and says why.
        auto *functionsStatus = find<QLabel>("functionsStatus");
        m_window->functionsPanel()->setFocus();
        QTest::keyClick(m_window, Qt::Key_F5);
        QTRY_VERIFY2_WITH_TIMEOUT(functionsStatus->text().contains(QLatin1StringView("Connection refused")),
                                  qPrintable(functionsStatus->text()), 15000);
        QCOMPARE(m_window->functionsPanel()->currentFunction(), QStringLiteral("greet"));
    }

    // Offline, nothing typed is lost: a failed deploy keeps the editor's code, a failed apply
    // keeps the typed memory, a failed run keeps the payload; each says what went wrong.
    void offlineAFailedDeployKeepsTheCode()
    {
        m_window->tabs()->setCurrentWidget(m_window->codePanel());
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_End, Qt::ControlModifier);
        QTest::keyClick(editor(), Qt::Key_Return);
        QTest::keyClicks(editor(), QStringLiteral("// typed while offline"));
        QTest::keyClick(editor(), Qt::Key_S, Qt::ControlModifier);
        auto *banner = find<QLabel>("bannerText");
        QTRY_VERIFY2_WITH_TIMEOUT(banner->isVisible() &&
                                      banner->text().contains(QLatin1StringView("Connection refused")),
                                  qPrintable(banner->text()), 15000);
        QVERIFY(m_window->codePanel()->isDirty());
        QVERIFY(editor()->text().contains(QLatin1StringView("typed while offline")));
    }

    void offlineAFailedApplyKeepsTheTypedMemory()
    {
        m_window->tabs()->setCurrentWidget(m_window->configPanel());
        auto *memory = find<QSpinBox>("memory");
        auto *apply = find<QPushButton>("apply");
        typeNumber(memory, 640);
        QTRY_VERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("configStatus")->text().startsWith(QStringLiteral("Not applied: ")),
                                 15000);
        QCOMPARE(memory->value(), 640);
        QVERIFY(apply->isEnabled());
    }

    void offlineAFailedRunKeepsThePayload()
    {
        m_window->tabs()->setCurrentWidget(m_window->testPanel());
        runResult()->clear();
        m_window->testPanel()->runOnPlatformAction()->trigger();
        auto *runStatusLine = find<QLabel>("runStatusLine");
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->testPanel()->runOnPlatformAction()->isEnabled() && !runStatusLine->text().isEmpty(), 30000);
        QVERIFY2(runStatusLine->text().contains(QLatin1StringView("Cannot reach the platform")),
                 qPrintable(runStatusLine->text()));
        QVERIFY(child<QLabel>(platformView(), "runError")->text().contains(QLatin1StringView("Connection refused")));
        QCOMPARE(find<QPlainTextEdit>("payloadEditor")->toPlainText(), QStringLiteral("{\"who\": \"operator\"}"));
    }

    void theServerBackOnItsPortIsNoticedWithoutAClick()
    {
        QVERIFY2(m_server->start(m_port), qPrintable(m_server->errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(switcherStatus()->text(), QStringLiteral("Online"), 40000);
        QTRY_COMPARE(statusBarStatus()->text(), QStringLiteral("Build box: online"));
        // The function list loads again by itself and keeps the selection.
        QTRY_COMPARE_WITH_TIMEOUT(find<QLabel>("functionsStatus")->text(), QStringLiteral("1 function(s)."), 15000);
        QCOMPARE(m_window->functionsPanel()->currentFunction(), QStringLiteral("greet"));
    }

    void whatWasKeptGoesThroughOnceOnline()
    {
        // Apply, deploy, run; the activation shows up live.
        m_window->tabs()->setCurrentWidget(m_window->configPanel());
        QTest::mouseClick(find<QPushButton>("apply"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("configStatus")->text().startsWith(QStringLiteral("Applied: ")), 15000);
        QCOMPARE(greet(false).limits->memoryMb.value_or(0), 640);
        m_window->tabs()->setCurrentWidget(m_window->codePanel());
        activate(m_window);
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(!m_window->codePanel()->isDirty(), qPrintable(find<QLabel>("bannerText")->text()),
                                  15000);
        QVERIFY(greet().exec->code->contains(QLatin1StringView("typed while offline")));
        m_window->tabs()->setCurrentWidget(m_window->testPanel());
        runResult()->clear();
        m_window->testPanel()->runOnPlatformAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(runResult()->toPlainText().contains(QLatin1StringView("\"operator\"")), 30000);
        m_window->tabs()->setCurrentWidget(m_window->activationsPanel());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->activationsPanel()->model()->rowCount() >= 2, 30000);
    }

    void aRefusedNewFunctionKeepsTheDialogAndTheTypedName()
    {
        // Another client took the name meanwhile: the dialog stays with the refusal and the typed
        // name; corrected, the function is created.
        activate(m_window);
        bool refusedShown = false;
        whenDialogOpens([this, &refusedShown](QWidget *dialog) {
            Action other;
            other.exec = Exec::withCode(QStringLiteral("nodejs:20"), QStringLiteral("function main() { return {}; }"));
            QVERIFY(wait(m_check->putAction(QStringLiteral("taken"), other, PutOptions{})));
            auto *name = child<QLineEdit>(dialog, "newFunctionName");
            QTest::keyClicks(name, QStringLiteral("taken"));
            QTest::keyClick(dialog, Qt::Key_Return);
            auto *error = child<QLabel>(dialog, "newFunctionError");
            QTRY_VERIFY_WITH_TIMEOUT(error->text().startsWith(QStringLiteral("Not created: ")), 15000);
            refusedShown = dialog->isVisible() && name->text() == QLatin1StringView("taken") && name->isEnabled();
            QTest::keyClicks(name, QStringLiteral("-2"));
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->functionsPanel()->currentFunction(), QStringLiteral("taken-2"), 15000);
        QVERIFY(refusedShown);
        QVERIFY(wait(m_check->getAction(QStringLiteral("taken-2"), false)));
    }
};

QTEST_MAIN(TestRemoteConsole)
#include "TestRemoteConsole.moc"
