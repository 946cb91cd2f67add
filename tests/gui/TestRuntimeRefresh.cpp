// A runtime installed after the console started is offered after Refresh (issue 19, "The
// console"): with only node and python3 on PATH, New function offers no Ruby; ruby linked into
// PATH and a click on the functions toolbar's Refresh, New function offers it. Skipped where ruby
// is not installed.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/NarrowPath.h"

#include "ui/functions/FunctionsPanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// Opens New function (Ctrl+N), reads the runtimes it offers, and cancels.
QStringList offeredRuntimes(MainWindow &window)
{
    QStringList offered;
    bool answered = false;
    whenDialogOpens([&](QWidget *dialog) {
        auto *kind = child<QComboBox>(dialog, "newFunctionKind");
        for (int row = 0; row < kind->count(); ++row)
            offered.append(kind->itemText(row));
        answered = true;
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    QApplication::setActiveWindow(&window);
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    if (!QTest::qWaitFor([&] { return answered && !QApplication::activeModalWidget(); }, 15000))
        qWarning("New function did not open and close");
    return offered;
}

} // namespace

class TestRuntimeRefresh : public QObject
{
    Q_OBJECT

private:
    NarrowPath path; // node and python3 only, until the test links ruby in
    QString ruby;

private Q_SLOTS:
    void initTestCase()
    {
        ruby = NarrowPath::installed(QStringLiteral("ruby"));
        if (ruby.isEmpty())
            QSKIP("ruby is not installed");
        QVERIFY(path.start()); // before the console's executor looks for its runtimes
    }

    void rubyInstalledLaterIsOfferedAfterRefresh()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));

        const QStringList before = offeredRuntimes(window);
        QVERIFY2(!before.isEmpty(), qPrintable(before.join(u' ')));
        QVERIFY2(!before.contains(QStringLiteral("ruby:3.1")), qPrintable(before.join(u' ')));

        QVERIFY(path.install(QStringLiteral("ruby"), ruby));
        auto *toolbar = child<QToolBar>(&window, "functionsToolbar");
        auto *refresh = child<QAction>(&window, "refreshFunctions");
        auto *button = qobject_cast<QToolButton *>(toolbar->widgetForAction(refresh));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);

        const QStringList after = offeredRuntimes(window);
        QVERIFY2(after.contains(QStringLiteral("ruby:3.1")), qPrintable(after.join(u' ')));
        for (const QString &kind : before)
            QVERIFY2(after.contains(kind), qPrintable(kind));
    }
};

QTEST_MAIN(TestRuntimeRefresh)
#include "TestRuntimeRefresh.moc"
