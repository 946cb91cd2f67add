// Sequences in the console (issue 19), on a real local platform: New function ▸ Sequence picks
// components from the namespace's functions, reorders them by keyboard and buttons, shows the
// data flow and creates the sequence; the Test panel runs it and shows each component's result
// and duration in the chain; a failing first component stops the chain and is marked; a refused
// sequence shows the platform's text in the dialog and keeps what was chosen; an opened
// sequence is edited in the Code tab's component editor.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "ui/code/CodePanel.h"
#include "ui/functions/ConfigPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/testing/TestPanel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace funcdesk;
using namespace funcdesk::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000; // real processes on a busy machine

const QString kHello = u"function main(p) { return {greeting: 'Hello, ' + (p.name || 'world')}; }"_s;
const QString kShout = u"function main(p) { return {greeting: p.greeting.toUpperCase() + '!'}; }"_s;
const QString kBroken = u"function main(p) { return {error: 'nothing to greet'}; }"_s;

bool putFunction(Console &console, const QString &name, const QString &code)
{
    Action action;
    action.exec = Exec::withCode(u"nodejs:default"_s, code);
    return wait(console.local->putAction(name, action, PutOptions{})).ok();
}

bool putSequence(Console &console, const QString &name, const QStringList &components)
{
    Action action;
    Exec exec;
    exec.kind = u"sequence"_s;
    exec.components = components;
    action.exec = exec;
    return wait(console.local->putAction(name, action, PutOptions{})).ok();
}

QStringList rows(QListView *view)
{
    QStringList texts;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        texts.append(view->model()->index(row, 0).data().toString());
    return texts;
}

// Types `text` into the editor's search field and takes the one action it leaves with Enter.
void addBySearch(QWidget *editor, const QString &text)
{
    auto *search = child<QLineEdit>(editor, "sequenceSearch");
    search->setFocus();
    search->clear();
    QTest::keyClicks(search, text);
    QTRY_COMPARE(child<QListView>(editor, "sequenceAvailable")->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
}

QTreeWidget *steps(MainWindow &window)
{
    return child<QTreeWidget>(child<QWidget>(&window, "platformResultView"), "runSteps");
}

// The line above the steps: "N of M steps ran…".
QLabel *stepsSummary(MainWindow &window)
{
    return child<QLabel>(child<QWidget>(&window, "platformResultView"), "runStepsSummary");
}

// Selects `name`, types `payload` in its Test panel and runs it on the platform.
void runOnPlatform(Console &console, const QString &name, const QString &payload)
{
    MainWindow &window = *console.window;
    window.functionsPanel()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(name), kWaitMs);
    window.tabs()->setCurrentWidget(window.testPanel());
    auto *editor = child<QPlainTextEdit>(&window, "payloadEditor");
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, payload);
    QTRY_VERIFY_WITH_TIMEOUT(window.testPanel()->runOnPlatformAction()->isEnabled(), kWaitMs);
    QTest::mouseClick(child<QWidget>(&window, "runOnPlatformButton"), Qt::LeftButton);
}

} // namespace

class TestSequences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createASequenceOfTwoFunctionsAndRunIt()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(putFunction(console, u"hello"_s, kHello));
        QVERIFY(putFunction(console, u"shout"_s, kShout));
        QVERIFY(showActive(window));

        bool checked = false;
        whenDialogOpens([&](QWidget *dialog) {
            // A check that fails returns early: the dialog closes, or the test would wait in it.
            const auto closeOnFailure = qScopeGuard([&] {
                if (!checked)
                    dialog->close();
            });
            auto *name = child<QLineEdit>(dialog, "newFunctionName");
            QTest::keyClicks(name, u"greet"_s);
            auto *kind = child<QComboBox>(dialog, "newFunctionKind");
            kind->setFocus();
            QTest::keyClicks(kind, u"Sequence"_s);
            QCOMPARE(kind->currentText(), u"Sequence"_s);
            QWidget *editor = child<QWidget>(dialog, "sequenceEditor");
            QTRY_VERIFY(editor->isVisible());
            auto *available = child<QListView>(editor, "sequenceAvailable");
            QAbstractItemModelTester tester(child<QListView>(editor, "sequenceComponents")->model());
            // The namespace's functions and the shared utils, each with its runtime.
            QTRY_VERIFY_WITH_TIMEOUT(rows(available).size() >= 3, kWaitMs);
            QVERIFY2(rows(available).join(u'|').contains(u"/whisk.system/utils/echo"_s),
                     qPrintable(rows(available).join(u'|')));
            auto *create = child<QDialogButtonBox>(dialog, "newFunctionButtons")->button(QDialogButtonBox::Ok);
            QVERIFY(!create->isEnabled()); // no component yet

            // Picked in the wrong order: shout before hello.
            addBySearch(editor, u"shout"_s);
            addBySearch(editor, u"hello"_s);
            auto *components = child<QListView>(editor, "sequenceComponents");
            QCOMPARE(rows(components).size(), 2);
            QVERIFY2(rows(components).at(0).contains(u"shout"_s), qPrintable(rows(components).join(u'|')));
            auto *flow = child<QLabel>(editor, "sequenceFlow");
            QVERIFY2(flow->text().startsWith(u"input \u2192 shout (nodejs:"_s), qPrintable(flow->text()));
            // Put right with the keyboard: hello up, before shout.
            components->setFocus();
            components->setCurrentIndex(components->model()->index(1, 0));
            QTest::keyClick(components, Qt::Key_Up, Qt::AltModifier);
            QVERIFY2(rows(components).at(0).contains(u"hello"_s), qPrintable(rows(components).join(u'|')));
            QVERIFY2(flow->text().startsWith(u"input \u2192 hello (nodejs:"_s), qPrintable(flow->text()));
            QVERIFY2(flow->text().contains(u"\u2192 shout (nodejs:"_s), qPrintable(flow->text()));
            QVERIFY2(flow->text().endsWith(u"\u2192 result"_s), qPrintable(flow->text()));

            // And back down with the Move down button, then up again with Alt+Up.
            QTest::mouseClick(child<QPushButton>(editor, "sequenceDown"), Qt::LeftButton);
            QVERIFY(rows(components).at(0).contains(u"shout"_s));
            QCOMPARE(components->currentIndex().row(), 1);
            QTest::keyClick(components, Qt::Key_Up, Qt::AltModifier);
            QVERIFY(rows(components).at(0).contains(u"hello"_s));

            QVERIFY(create->isEnabled());
            QTest::mouseClick(create, Qt::LeftButton);
            checked = true;
        });
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(checked, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(window.functionsPanel()->currentFunction(), u"greet"_s, kWaitMs);
        const Action stored = console.stored(u"greet"_s);
        QVERIFY(stored.exec);
        QCOMPARE(stored.exec->kind, u"sequence"_s);
        QCOMPARE(stored.exec->components.value_or(QStringList()), QStringList({u"/guest/hello"_s, u"/guest/shout"_s}));

        // Run from the Test panel: each component's result and duration, then the final result.
        runOnPlatform(console, u"greet"_s, u"{\"name\": \"Ada\"}"_s);
        QTreeWidget *chain = steps(window);
        QTRY_COMPARE_WITH_TIMEOUT(chain->topLevelItemCount(), 2, kWaitMs);
        QVERIFY(chain->isVisible());
        for (int row = 0; row < 2; ++row) {
            QTreeWidgetItem *step = chain->topLevelItem(row);
            QCOMPARE(step->text(1), row == 0 ? u"hello"_s : u"shout"_s);
            QVERIFY2(step->text(2).contains(u"success"_s), qPrintable(step->text(2)));
            QVERIFY2(step->text(3).endsWith(u" ms"_s), qPrintable(step->text(3)));
        }
        QVERIFY2(chain->topLevelItem(0)->text(4).contains(u"Hello, Ada"_s),
                 qPrintable(chain->topLevelItem(0)->text(4)));
        QVERIFY2(chain->topLevelItem(1)->text(4).contains(u"HELLO, ADA!"_s),
                 qPrintable(chain->topLevelItem(1)->text(4)));
        QLabel *summary = stepsSummary(window);
        QVERIFY2(summary->text().startsWith(u"2 of 2 steps ran"_s), qPrintable(summary->text()));
        auto *result = child<QPlainTextEdit>(child<QWidget>(&window, "platformResultView"), "runResult");
        QVERIFY2(result->toPlainText().contains(u"HELLO, ADA!"_s), qPrintable(result->toPlainText()));
    }

    void aFailingFirstComponentStopsTheChain()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(putFunction(console, u"broken"_s, kBroken));
        QVERIFY(putFunction(console, u"shout"_s, kShout));
        QVERIFY(putSequence(console, u"fragile"_s, {u"/guest/broken"_s, u"/guest/shout"_s}));
        QVERIFY(showActive(window));

        runOnPlatform(console, u"fragile"_s, u"{}"_s);
        QTreeWidget *chain = steps(window);
        QTRY_COMPARE_WITH_TIMEOUT(chain->topLevelItemCount(), 2, kWaitMs);
        QTreeWidgetItem *first = chain->topLevelItem(0);
        QCOMPARE(first->text(1), u"broken"_s);
        QVERIFY2(first->text(2).startsWith(u"\u2716 application error"_s), qPrintable(first->text(2)));
        QVERIFY2(first->text(2).contains(u"stopped the chain"_s), qPrintable(first->text(2)));
        QVERIFY2(first->text(4).contains(u"nothing to greet"_s), qPrintable(first->text(4)));
        QTreeWidgetItem *second = chain->topLevelItem(1);
        QCOMPARE(second->text(1), u"shout"_s);
        QCOMPARE(second->text(2), u"not run"_s);
        QLabel *summary = stepsSummary(window);
        QVERIFY2(summary->text().startsWith(u"1 of 2 steps ran; step 1 failed"_s), qPrintable(summary->text()));
    }

    void aRefusedSequenceShowsThePlatformsTextAndKeepsTheComponents()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(putFunction(console, u"hello"_s, kHello));
        QVERIFY(showActive(window));

        bool checked = false;
        whenDialogOpens([&](QWidget *dialog) {
            const auto closeOnFailure = qScopeGuard([&] {
                if (!checked)
                    dialog->close();
            });
            QTest::keyClicks(child<QLineEdit>(dialog, "newFunctionName"), u"lost"_s);
            auto *kind = child<QComboBox>(dialog, "newFunctionKind");
            kind->setFocus();
            QTest::keyClicks(kind, u"Sequence"_s);
            QWidget *editor = child<QWidget>(dialog, "sequenceEditor");
            QTRY_VERIFY_WITH_TIMEOUT(rows(child<QListView>(editor, "sequenceAvailable")).size() >= 1, kWaitMs);
            addBySearch(editor, u"hello"_s);
            // Not listed: typed by its fully qualified name, the platform checks it.
            auto *search = child<QLineEdit>(editor, "sequenceSearch");
            search->clear();
            QTest::keyClicks(search, u"/guest/nowhere"_s);
            QTest::mouseClick(child<QPushButton>(editor, "sequenceAdd"), Qt::LeftButton);
            auto *components = child<QListView>(editor, "sequenceComponents");
            QCOMPARE(rows(components).size(), 2);
            QTest::mouseClick(child<QDialogButtonBox>(dialog, "newFunctionButtons")->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
            auto *error = child<QLabel>(dialog, "newFunctionError");
            QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && !error->text().startsWith(u"Creating"_s), kWaitMs);
            QVERIFY2(error->text().contains(u"Sequence component does not exist."_s), qPrintable(error->text()));
            QCOMPARE(rows(components).size(), 2);
            QCOMPARE(child<QLineEdit>(dialog, "newFunctionName")->text(), u"lost"_s);
            checked = true;
            dialog->close();
        });
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(checked, kWaitMs);
        QVERIFY(!console.stored(u"lost"_s).exec);
    }

    void anOpenedSequenceIsEditedInTheCodeTab()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(putFunction(console, u"hello"_s, kHello));
        QVERIFY(putFunction(console, u"shout"_s, kShout));
        QVERIFY(putSequence(console, u"greet"_s, {u"/guest/shout"_s, u"/guest/hello"_s}));
        QVERIFY(showActive(window));
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(u"greet"_s), kWaitMs);
        window.tabs()->setCurrentWidget(window.codePanel());
        QWidget *editor = child<QWidget>(window.codePanel(), "sequenceEditor");
        QTRY_VERIFY_WITH_TIMEOUT(editor->isVisible(), kWaitMs);
        auto *components = child<QListView>(editor, "sequenceComponents");
        QTRY_COMPARE_WITH_TIMEOUT(rows(components).size(), 2, kWaitMs);
        QVERIFY(rows(components).at(0).contains(u"shout"_s));

        components->setFocus();
        components->setCurrentIndex(components->model()->index(1, 0));
        QTest::keyClick(components, Qt::Key_Up, Qt::AltModifier);
        QVERIFY(rows(components).at(0).contains(u"hello"_s));
        QTRY_VERIFY(window.codePanel()->deployAction()->isEnabled());
        window.codePanel()->deployAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(console.stored(u"greet"_s).exec->components.value_or(QStringList()),
                                  QStringList({u"/guest/hello"_s, u"/guest/shout"_s}), kWaitMs);
    }

    // A sequence runs no process of its own: its Configuration shows the timeout and log limit
    // (kept in its activation's limits) but not memory, CPU, concurrency or instances.
    void aSequencesConfigurationShowsOnlyWhatApplies()
    {
        Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(putFunction(console, u"hello"_s, kHello));
        QVERIFY(putSequence(console, u"greet"_s, {u"/guest/hello"_s}));
        QVERIFY(showActive(window));
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(u"hello"_s), kWaitMs);
        window.tabs()->setCurrentWidget(window.configPanel());
        auto *memory = child<QWidget>(&window, "memory");
        auto *timeout = child<QWidget>(&window, "timeout");
        QTRY_VERIFY_WITH_TIMEOUT(memory->isVisible() && timeout->isEnabled(), kWaitMs);

        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(u"greet"_s), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!memory->isVisible(), kWaitMs);
        QVERIFY(timeout->isVisible());
        QVERIFY(child<QWidget>(&window, "logs")->isVisible());
        for (const char *name : {"cpu", "concurrency", "instances"})
            QVERIFY2(!child<QWidget>(&window, name)->isVisible(), name);
    }
};

QTEST_MAIN(TestSequences)
#include "TestSequences.moc"
