// The console end to end on a real local platform, driven through its widgets: create a
// function, edit and deploy its code, change memory and timeout, run it locally and on the
// platform, and watch its activations arrive.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/activations/ActivationListModel.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/code/CodePanel.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/testing/TestPanel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>

#include "ui/code/QsciHeaders.h"

using namespace funcdesk;
using namespace funcdesk::test;

class TestConsoleWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyListSaysHowToStartAndWhatTheFilterHides()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));

        auto *hint = child<QLabel>(&window, "functionsEmptyHint");
        QTRY_VERIFY_WITH_TIMEOUT(hint->isVisible(), 15000);
        QVERIFY2(hint->text().contains(QLatin1StringView("No functions yet")), qPrintable(hint->text()));
        QVERIFY2(hint->text().contains(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)),
                 qPrintable(hint->text()));

        whenDialogOpens([](QWidget *dialog) {
            QTest::keyClicks(child<QLineEdit>(dialog, "newFunctionName"), QStringLiteral("first"));
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.functionsPanel()->currentFunction(), QStringLiteral("first"), 15000);
        QTRY_VERIFY(!hint->isVisible());

        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *filter = child<QLineEdit>(&window, "functionFilter");
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("zzz"));
        QTRY_VERIFY(hint->isVisible());
        QCOMPARE(hint->text(), QStringLiteral("No function matches “zzz”."));
        filter->clear();
        QTRY_VERIFY(!hint->isVisible());
    }

    void webUrlNamesTheActionsPackageOrTheDefaultOne()
    {
        test::Console console;
        QVERIFY(console.start());
        const QString base = console.runtime->context().localWebBaseUrl; // the loopback server's
        QVERIFY(base.startsWith(QLatin1StringView("http://127.0.0.1:")));
        ConfigPanel *config = console.window->configPanel();
        Platform *platform = console.connections->current();
        config->setContext(platform, QStringLiteral("hello"));
        QCOMPARE(config->webUrl(), base + QStringLiteral("/api/v1/web/guest/default/hello.json"));
        config->setContext(platform, QStringLiteral("pkg/act"));
        QCOMPARE(config->webUrl(), base + QStringLiteral("/api/v1/web/guest/pkg/act.json"));
        child<QCheckBox>(config, "webExport")->setChecked(true);
        QCOMPARE(child<QLineEdit>(config, "webUrl")->text(), config->webUrl());
    }

    void createEditDeployConfigureRunAndWatch()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));

        // New function: name it in the dialog; it appears selected, with its template.
        whenDialogOpens([](QWidget *dialog) {
            QTest::keyClicks(child<QLineEdit>(dialog, "newFunctionName"), QStringLiteral("hello"));
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.functionsPanel()->currentFunction(), QStringLiteral("hello"), 15000);
        QCOMPARE(console.stored(QStringLiteral("hello")).version.value_or(QString()), QStringLiteral("0.0.1"));
        auto *editor = child<QsciScintilla>(&window, "codeTextEdit");
        QTRY_VERIFY_WITH_TIMEOUT(editor->text().contains(QLatin1StringView("Hello")), 15000);

        // Edit and deploy with Ctrl+S: the platform has version 0.0.2 with the typed code.
        window.tabs()->setCurrentWidget(window.codePanel());
        QApplication::setActiveWindow(&window); // the dialog had it
        QVERIFY(QTest::qWaitForWindowActive(&window));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("function main(p) { console.log('ran'); return {v: 2, x: p.x} }"));
        QVERIFY(window.codePanel()->isDirty());
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(
            console.stored(QStringLiteral("hello")).version.value_or(QString()) == QLatin1StringView("0.0.2"),
            qPrintable(
                window.findChild<QLabel *>(QStringLiteral("bannerText"))->text() + QStringLiteral(" deploy enabled=") +
                QString::number(window.codePanel()->findChild<QAction *>(QStringLiteral("deployAction"))->isEnabled()) +
                QStringLiteral(" focus=") +
                QString::fromLatin1(QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className()
                                                                : "none")),
            15000);
        QVERIFY(console.stored(QStringLiteral("hello")).exec->code->contains(QLatin1StringView("v: 2")));

        // Configuration: memory and timeout typed in, applied, reported by the platform.
        window.tabs()->setCurrentWidget(window.configPanel());
        auto *memory = child<QSpinBox>(&window, "memory");
        QTRY_VERIFY_WITH_TIMEOUT(memory->isEnabled() && memory->value() == 256, 15000);
        typeNumber(memory, 4096);
        QTRY_VERIFY(child<QWidget>(&window, "memoryError")->isVisible()); // over the platform's 2048
        QVERIFY(!child<QPushButton>(&window, "apply")->isEnabled());
        typeNumber(memory, 512);
        typeNumber(child<QSpinBox>(&window, "timeout"), 5000);
        // The concurrency tooltip is a paragraph, so it wraps instead of running 1,000 px wide.
        QVERIFY(Qt::mightBeRichText(child<QSpinBox>(&window, "concurrency")->toolTip()));
        QTRY_VERIFY(child<QPushButton>(&window, "apply")->isEnabled());
        QTest::mouseClick(child<QPushButton>(&window, "apply"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            console.stored(QStringLiteral("hello")).limits.value_or(ActionLimits()).memoryMb.value_or(0), 512, 15000);
        QCOMPARE(console.stored(QStringLiteral("hello")).limits->timeoutMs.value_or(0), 5000);

        // Test: a payload, run on the platform; its activation shows up live in Activations.
        window.tabs()->setCurrentWidget(window.testPanel());
        auto *payload = child<QPlainTextEdit>(&window, "payloadEditor");
        payload->setFocus();
        QTest::keyClick(payload, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(payload, QStringLiteral("{\"x\": 41}"));
        QTRY_VERIFY(window.testPanel()->runOnPlatformAction()->isEnabled());
        window.testPanel()->runOnPlatformAction()->trigger();
        window.tabs()->setCurrentWidget(window.activationsPanel());
        ActivationListModel *activations = window.activationsPanel()->model();
        QTRY_VERIFY_WITH_TIMEOUT(activations->rowCount() >= 1, 20000);
        QCOMPARE(activations->index(0, ActivationListModel::FunctionColumn)
                     .data(ActivationListModel::FunctionRole)
                     .toString(),
                 QStringLiteral("hello"));
    }
};

QTEST_MAIN(TestConsoleWorkflow)
#include "TestConsoleWorkflow.moc"
