// The console's menus on a real local platform: no two menu entries share a shortcut, every
// entry of the Code menu shows its shortcut, and choosing an entry does what it says (Code ▸
// Deploy stores a new version on the platform, Revert asks and reverts, Diff shows the diff,
// History the versions, Go to Line the go-to bar).

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "ui/code/CodePanel.h"
#include "ui/functions/FunctionsPanel.h"

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

#include "ui/code/QsciHeaders.h"

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// Every action reachable from the menu bar, submenus included, with its menu path.
void collect(QMenu *menu, const QString &path, QList<std::pair<QString, QAction *>> &out)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->isSeparator())
            continue;
        const QString here = path + QStringLiteral(" > ") + action->text().remove(QLatin1Char('&'));
        if (action->menu())
            collect(action->menu(), here, out);
        else
            out.append({here, action});
    }
}

QList<std::pair<QString, QAction *>> menuActions(MainWindow &window)
{
    QList<std::pair<QString, QAction *>> out;
    const QList<QAction *> top = window.menuBar()->actions();
    for (QAction *action : top) {
        if (action->menu())
            collect(action->menu(), action->text().remove(QLatin1Char('&')), out);
    }
    return out;
}

QAction *codeMenuEntry(MainWindow &window, const char *objectName)
{
    auto *menu = child<QMenu>(&window, "codeMenu");
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->objectName() == QLatin1StringView(objectName))
            return action;
    }
    qFatal("no %s in the Code menu", objectName);
}

} // namespace

class TestConsoleMenus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noTwoMenuEntriesShareAShortcut()
    {
        test::Console console;
        QVERIFY(console.start());
        const auto entries = menuActions(*console.window);
        QVERIFY(entries.size() > 15);
        QHash<QString, QString> seen; // key sequence -> the entry that has it
        for (const auto &[path, action] : entries) {
            const QList<QKeySequence> keys = action->shortcuts();
            for (const QKeySequence &key : keys) {
                const QString text = key.toString(QKeySequence::PortableText);
                QVERIFY2(!seen.contains(text), qPrintable(QStringLiteral("%1 is the shortcut of both \"%2\" and \"%3\"")
                                                              .arg(text, seen.value(text), path)));
                seen.insert(text, path);
            }
        }
        // The Code menu is there, and shows the shortcuts of the code panel's commands.
        QCOMPARE(codeMenuEntry(*console.window, "deployAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_S));
        for (const char *name :
             {"revertAction", "diffAction", "historyAction", "findAction", "replaceAction", "goToLineAction"})
            QVERIFY2(!codeMenuEntry(*console.window, name)->shortcut().isEmpty(), name);
    }

    void codeMenuEntriesDoWhatTheySay()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        Action action;
        action.exec = Exec::withCode(QStringLiteral("nodejs:20"), QStringLiteral("function main() { return {v: 1}; }"));
        QVERIFY(wait(console.local->putAction(QStringLiteral("menus"), action, PutOptions{})));
        QVERIFY(showActive(window));
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("menus")), 15000);
        window.tabs()->setCurrentWidget(window.codePanel());
        auto *editor = child<QsciScintilla>(&window, "codeTextEdit");
        QTRY_VERIFY_WITH_TIMEOUT(editor->text().contains(QLatin1StringView("v: 1")), 15000);

        // Code ▸ Deploy: the platform has version 0.0.2 with the typed code.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("function main() { return {v: 2}; }"));
        QAction *deploy = codeMenuEntry(window, "deployAction");
        QVERIFY(deploy->isEnabled());
        deploy->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.codePanel()->isDirty(), 15000);
        const auto deployed = wait(console.local->getAction(QStringLiteral("menus"), true));
        QVERIFY(deployed);
        QCOMPARE(deployed.value().version.value_or(QString()), QStringLiteral("0.0.2"));
        QVERIFY(deployed.value().exec->code->contains(QLatin1StringView("v: 2")));

        // Code ▸ Revert asks in the panel, then goes back to the deployed code.
        QTest::keyClicks(editor, QStringLiteral("// more"));
        QVERIFY(window.codePanel()->isDirty());
        codeMenuEntry(window, "revertAction")->trigger();
        QTest::mouseClick(child<QPushButton>(&window, "confirmRevertButton"), Qt::LeftButton);
        QVERIFY(!window.codePanel()->isDirty());
        QCOMPARE(editor->text(), deployed.value().exec->code.value_or(QString()));

        // The new Revert shortcut works from the editor (and is not Run on platform's).
        QTest::keyClicks(editor, QStringLiteral("// again"));
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(window.findChild<QPushButton *>(QStringLiteral("confirmRevertButton")));
        QTest::mouseClick(child<QPushButton>(&window, "cancelRevertButton"), Qt::LeftButton);
        QVERIFY(window.codePanel()->isDirty());

        // Code ▸ Diff shows the diff page; Code ▸ History the versions; Code ▸ Go to Line its bar.
        auto *backToEditor = child<QPushButton>(&window, "diffCloseButton");
        QVERIFY(!backToEditor->isVisible());
        codeMenuEntry(window, "diffAction")->trigger();
        QTRY_VERIFY(backToEditor->isVisible());
        window.codePanel()->closeDiff();
        QAction *history = codeMenuEntry(window, "historyAction");
        QVERIFY(!history->isChecked());
        history->trigger();
        QVERIFY(history->isChecked());
        QTRY_VERIFY(child<QWidget>(&window, "codeHistoryPane")->isVisible());
        codeMenuEntry(window, "goToLineAction")->trigger();
        QTRY_VERIFY(child<QWidget>(&window, "codeGoToLineBar")->isVisible());
    }
};

QTEST_MAIN(TestConsoleMenus)
#include "TestConsoleMenus.moc"
