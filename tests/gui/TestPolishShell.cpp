// The console's frame at 1366×768 (issue 16), driven through its widgets: the first window fits
// the screen and a restored one is brought back onto it; the functions toolbar shows every action
// (Refresh included) without its "››" overflow; a remote connection whose key was lost with no
// keychain service says so and takes the key again; OK on a new connection switches to it; the
// Local connection's read-only fields offer nothing to clear; a new language applies at once.

#include "ConnectionDriving.h"
#include "ConsoleFixture.h"
#include "ScreenshotChecks.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "ui/connections/ConnectionDialog.h"
#include "ui/connections/InlineMessage.h"
#include "ui/functions/FunctionsPanel.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// The menu command with that text, anywhere in the menu bar.
QAction *menuCommand(QMainWindow &window, const QString &text)
{
    for (QMenu *menu : window.menuBar()->findChildren<QMenu *>())
        for (QAction *action : menu->actions())
            if (action->text() == text)
                return action;
    return nullptr;
}

bool toolbarShowsAll(QToolBar *toolbar, QString *hidden)
{
    bool all = true;
    if (auto *overflow = toolbar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
        overflow && overflow->isVisible()) {
        hidden->append(QStringLiteral("[the ›› overflow] "));
        all = false;
    }
    for (QAction *action : toolbar->actions()) {
        QWidget *widget = toolbar->widgetForAction(action);
        if (action->isVisible() && !action->isSeparator() && (!widget || !widget->isVisible())) {
            hidden->append(action->text() + QLatin1Char(' '));
            all = false;
        }
    }
    return all;
}

} // namespace

class TestPolishShell : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstWindowFitsTheScreen()
    {
        Console console;
        QVERIFY(console.start());
        console.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
        const QRect available = console.window->screen()->availableGeometry();
        QVERIFY2(available.contains(console.window->frameGeometry()),
                 qPrintable(QDebug::toString(console.window->frameGeometry()) + QStringLiteral(" on ") +
                            QDebug::toString(available)));
        // A roomy share of the screen, not a token window.
        QVERIFY(console.window->width() >= available.width() * 3 / 4);
    }

    void restoredGeometryIsBroughtOntoTheScreen()
    {
        Console console;
        QVERIFY(console.start());
        // Saved on a larger screen, partly off this one.
        console.window->setGeometry(QRect(-300, -200, 2400, 1600));
        console.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
        QVERIFY(console.window->close()); // saves the geometry
        console.window = std::make_unique<MainWindow>(console.runtime->context());
        console.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
        QVERIFY2(console.window->screen()->availableGeometry().contains(console.window->frameGeometry()),
                 qPrintable(QStringLiteral("%1x%2").arg(console.window->width()).arg(console.window->height())));
    }

    void toolbarShowsEveryActionAt1366()
    {
        Console console;
        QVERIFY(console.start());
        QVERIFY(showActive(*console.window));
        for (const QSize size : {QSize(1366, 768), QSize(1280, 720)}) { // 1280×720: 200 % of 2560×1440
            console.window->resize(size);
            QTest::qWait(50);
            for (auto *toolbar : console.window->findChildren<QToolBar *>()) {
                if (!toolbar->isVisible()) // another view's
                    continue;
                QString hidden;
                QVERIFY2(toolbarShowsAll(toolbar, &hidden),
                         qPrintable(toolbar->objectName() + QStringLiteral(": ") + hidden));
            }
        }
        auto *refresh = console.window->findChild<QAction *>(QStringLiteral("refreshFunctions"));
        QVERIFY(refresh);
        auto *toolbar = child<QToolBar>(console.window.get(), "functionsToolbar");
        QVERIFY(toolbar->actions().contains(refresh));
    }

    void keyLostWithoutKeychainIsSaidAndCanBeEntered()
    {
        Console console;
        QVERIFY(console.start());
        console.store->checkKeychain();
        QTRY_VERIFY_WITH_TIMEOUT(console.store->keychainChecked(), 20000);
        if (console.store->keychainAvailable())
            QSKIP("a keychain service answers here: the key would survive the restart");
        ConnectionProfile remote = ConnectionProfile::newRemote();
        remote.name = QStringLiteral("staging");
        remote.apiHost = QStringLiteral("http://127.0.0.1:9");
        const auto id = console.store->addProfile(remote, QStringLiteral("uuid:first"));
        QVERIFY(id);
        QVERIFY(console.connections->setCurrent(*id));
        QVERIFY(console.window->close());
        // Restart on the same profile: the key was in memory only.
        console.window.reset();
        console.runtime.reset();
        QVERIFY(console.start());
        QVERIFY(showActive(*console.window));
        // The key is read asynchronously: the window may be up before the answer.
        QTRY_COMPARE_WITH_TIMEOUT(console.connections->currentProfile().id, *id, 20000);
        auto *prompt = console.window->findChild<QWidget *>(QStringLiteral("keyPrompt"));
        QVERIFY2(prompt, "no key prompt");
        QTRY_VERIFY(prompt->isVisible());
        const QString said = child<InlineMessage>(prompt, "keyPromptMessage")->text();
        QVERIFY2(said.contains(QStringLiteral("keychain")), qPrintable(said));
        // The function list does not blame the server's authentication.
        auto *listStatus = child<QLabel>(console.window.get(), "functionsStatus");
        QVERIFY2(!listStatus->text().contains(QStringLiteral("authentication")), qPrintable(listStatus->text()));

        whenDialogOpens([](QWidget *dialog) {
            auto *input = qobject_cast<QInputDialog *>(dialog);
            QVERIFY(input);
            auto *field = input->findChild<QLineEdit *>();
            QCOMPARE(field->echoMode(), QLineEdit::Password);
            QTest::keyClicks(field, QStringLiteral("uuid:second"));
            QTest::keyClick(field, Qt::Key_Return);
        });
        QTest::mouseClick(child<QPushButton>(prompt, "enterKeyButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!prompt->isVisible(), 10000);
        QVERIFY(console.connections->keyProblem().isEmpty());
        QCOMPARE(console.store->cachedKey(*id).value_or(QString()), QStringLiteral("uuid:second"));
        console.settings->sync();
        QFile settings(console.dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains("uuid:second")); // never in plain text
    }

    void okOnANewConnectionSwitchesToIt()
    {
        Console console;
        QVERIFY(console.start());
        QVERIFY(showActive(*console.window));
        ConnectionDialog *dialog = openConnectionDialog(*console.window);
        QVERIFY(dialog);
        QPushButton *ok = typeNewConnection(dialog, QStringLiteral("staging"));
        QTRY_VERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QTRY_COMPARE(console.connections->currentProfile().name, QStringLiteral("staging"));
    }

    void readOnlyFieldsOfferNothingToClear()
    {
        Console console;
        QVERIFY(console.start());
        QVERIFY(showActive(*console.window));
        ConnectionDialog *dialog = openConnectionDialog(*console.window); // shows Local, the current one
        QVERIFY(dialog);
        for (const char *name : {"nameEdit", "apiHostEdit", "namespaceEdit"}) {
            auto *edit = child<QLineEdit>(dialog, name);
            QVERIFY(edit->isReadOnly());
            QVERIFY(!edit->text().isEmpty());
            for (auto *button : edit->findChildren<QToolButton *>())
                QVERIFY2(!button->isVisible(), name);
        }
        // An editable field keeps its clear button.
        QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
        auto *name = child<QLineEdit>(dialog, "nameEdit");
        QTest::keyClicks(name, QStringLiteral("x"));
        QVERIFY(name->isClearButtonEnabled());
        dialog->reject();
    }

    // The screenshot suite's clipping check (ScreenshotChecks.h) flags what is cut, and only that.
    void clippingCheckFlagsCutText()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *cut = new QLabel(QStringLiteral("A label much longer than its width"), &window);
        cut->setObjectName(QStringLiteral("cutLabel"));
        cut->setFixedWidth(40);
        auto *whole = new QLabel(QStringLiteral("Fits"), &window);
        auto *button = new QPushButton(QStringLiteral("A button with a long text"), &window);
        button->setFixedWidth(50);
        auto *crushed = new QLineEdit(QStringLiteral("crushed"), &window);
        crushed->setFixedHeight(4);
        QStandardItemModel model(1, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("Time of the activation"), QStringLiteral("N")});
        auto *table = new QTableView(&window);
        table->setModel(&model);
        table->horizontalHeader()->resizeSection(0, 20);
        table->horizontalHeader()->resizeSection(1, 60);
        for (QWidget *widget :
             {static_cast<QWidget *>(cut), static_cast<QWidget *>(whole), static_cast<QWidget *>(button),
              static_cast<QWidget *>(crushed), static_cast<QWidget *>(table)})
            layout->addWidget(widget);
        window.resize(400, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList flagged;
        for (const ClippedText &clip : clippedTexts(&window))
            flagged.append(clip.where);
        const QString all = flagged.join(QLatin1Char('\n'));
        QVERIFY2(flagged.size() == 4, qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("cutLabel")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("A button with")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("crushed")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("Time of the activation")), qPrintable(all));
    }

    void languageAppliesAtOnce()
    {
        Console console;
        QVERIFY(console.start());
        Action action;
        action.exec =
            Exec::withCode(QStringLiteral("nodejs:default"), QStringLiteral("function main() { return {}; }"));
        take(console.engine->putAction(QStringLiteral("guest"), QStringLiteral("hello"), action, {}));
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("hello")), 20000);
        window.tabs()->setCurrentIndex(1);
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));

        QAction *chinese = menuCommand(window, QStringLiteral("简体中文"));
        QVERIFY(chinese);
        chinese->trigger();
        // Without a restart: the menus, the views' and the function's tabs are Chinese.
        QTRY_VERIFY(window.menuBar()->actions().first()->text() != QStringLiteral("&File"));
        const QString file = window.menuBar()->actions().first()->text();
        QVERIFY2(file.front().unicode() > 0x2e80, qPrintable(file));
        QVERIFY2(window.viewTabs()->tabText(0) != QStringLiteral("Functions"),
                 qPrintable(window.viewTabs()->tabText(0)));
        QVERIFY2(window.tabs()->tabText(1) != QStringLiteral("Configuration"), qPrintable(window.tabs()->tabText(1)));
        // What the user was looking at stays.
        QCOMPARE(window.tabs()->currentIndex(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.functionsPanel()->currentFunction(), QStringLiteral("hello"), 20000);
        QCOMPARE(window.size(), QSize(1366, 768));
        for (auto *toolbar : window.findChildren<QToolBar *>()) { // the longer Chinese labels fit too
            QString hidden;
            QVERIFY2(!toolbar->isVisible() || toolbarShowsAll(toolbar, &hidden), qPrintable(hidden));
        }

        QAction *english = menuCommand(window, QStringLiteral("English"));
        QVERIFY(english);
        english->trigger();
        QTRY_COMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QCOMPARE(window.viewTabs()->tabText(0), QStringLiteral("Functions"));
        QCOMPARE(window.tabs()->tabText(1), QStringLiteral("Configuration"));
    }
};

QTEST_MAIN(TestPolishShell)
#include "TestPolishShell.moc"
