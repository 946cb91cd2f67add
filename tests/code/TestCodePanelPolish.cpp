// CodePanel on a real LocalPlatform (issue 16): views that must not go stale — the diff after a
// deploy made from it, the "Deployed version" banner once the user edits again, the diff of the
// version selected in History — and the syntax check before a deploy, with the error's line in
// the editor, Cancel and Deploy Anyway.

#include "models/code/CodeVersionModel.h"
#include "ui/code/CodeBanner.h"
#include "ui/code/CodeEditor.h"
#include "ui/code/CodeHistoryPane.h"
#include "ui/code/CodePanel.h"
#include "ui/code/CodeTextEdit.h"
#include "ui/code/DiffView.h"

#include "CodePanelFixture.h"

#include <QPushButton>
#include <QToolBar>
#include <QTreeView>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kHello = QStringLiteral("hello");

} // namespace

class TestCodePanelPolish : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PlatformFixture> fixture;
    std::unique_ptr<DraftStore> drafts;
    std::unique_ptr<CodePanel> panel;

    void open(const QString &name, const QString &expectedCode)
    {
        panel->setContext(fixture->platform.get(), QStringLiteral("local"), name);
        QTRY_COMPARE(panel->currentCode(), expectedCode);
        QTRY_VERIFY(!panel->editor()->isReadOnly());
    }

    CodeBanner *status() const { return panel->findChild<CodeBanner *>(QStringLiteral("codeStatusBanner")); }
    CodeTextEdit *edit() const { return panel->editor()->textEdit(); }
    DiffView *diff() const { return panel->findChild<DiffView *>(QStringLiteral("diffView")); }

    template <typename T = QPushButton> T *child(const QString &name) const
    {
        T *found = panel->findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }

    void click(const QString &buttonName) { QTest::mouseClick(child(buttonName), Qt::LeftButton); }

    void clickTool(QAction *action)
    {
        QWidget *button = child<QToolBar>(QStringLiteral("codeToolBar"))->widgetForAction(action);
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void typeAtEnd(const QString &text)
    {
        edit()->setFocus();
        QTRY_VERIFY(edit()->hasFocus());
        QTest::keyClick(edit(), Qt::Key_End, Qt::ControlModifier);
        typeLines(edit(), text);
    }

    QString deployedVersion() const
    {
        return take(fixture->platform->getAction(kHello, false)).version.value_or(QString());
    }

private Q_SLOTS:
    void init()
    {
        fixture = std::make_unique<PlatformFixture>();
        drafts = std::make_unique<DraftStore>(fixture->draftDir.path());
        panel = std::make_unique<CodePanel>(drafts.get());
        panel->resize(1100, 700);
        panel->show();
        QApplication::setActiveWindow(panel.get());
        QVERIFY(QTest::qWaitForWindowActive(panel.get()));
    }

    void cleanup()
    {
        panel.reset();
        drafts.reset();
        fixture.reset();
    }

    void theDiffIsRecomputedAfterADeployFromIt()
    {
        open(kHello, kHelloCode);
        typeAtEnd(QStringLiteral("// one\n// two\n"));
        clickTool(panel->diffAction());
        QTRY_VERIFY(diff()->isVisible());
        QCOMPARE(diff()->summary(), QStringLiteral("2 added, 0 removed"));
        QCOMPARE(diff()->rightTitle(), QStringLiteral("+ Editor (not deployed)"));

        clickTool(panel->deployAction()); // deployed from the diff page
        QTRY_COMPARE_WITH_TIMEOUT(status()->text(), QStringLiteral("Deployed version 0.0.2."), 20000);
        QVERIFY(diff()->isVisible());
        QCOMPARE(diff()->summary(), QStringLiteral("No differences."));
        QCOMPARE(diff()->leftTitle(), QStringLiteral("− Version 0.0.2 (deployed)"));
        QCOMPARE(diff()->rightTitle(), QStringLiteral("+ Editor"));
    }

    void theDeployedBannerGoesAwayOnTheNextEdit()
    {
        open(kHello, kHelloCode);
        typeAtEnd(QStringLiteral("// one\n"));
        clickTool(panel->deployAction());
        QTRY_COMPARE_WITH_TIMEOUT(status()->text(), QStringLiteral("Deployed version 0.0.2."), 20000);
        QVERIFY(status()->isVisible());

        typeAtEnd(QStringLiteral("// two\n"));
        QVERIFY(!status()->isVisible()); // it spoke of a version the editor has moved on from
        clickTool(panel->deployAction());
        QTRY_COMPARE_WITH_TIMEOUT(status()->text(), QStringLiteral("Deployed version 0.0.3."), 20000);
        QVERIFY(status()->isVisible());
    }

    void selectingAnotherVersionShowsItsDiff()
    {
        open(kHello, kHelloCode);
        typeAtEnd(QStringLiteral("// v2\n"));
        clickTool(panel->deployAction());
        QTRY_COMPARE_WITH_TIMEOUT(status()->text(), QStringLiteral("Deployed version 0.0.2."), 20000);
        clickTool(panel->historyAction());
        auto *history = child<CodeHistoryPane>(QStringLiteral("codeHistoryPane"));
        QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), 2, 20000);
        auto *versions = child<QTreeView>(QStringLiteral("historyView"));
        const auto clickRow = [&](int row) {
            const QModelIndex index = history->model()->index(row, 0);
            QTest::mouseClick(versions->viewport(), Qt::LeftButton, {}, versions->visualRect(index).center());
        };

        clickRow(0); // 0.0.2, the deployed one: the editor has its code
        click(QStringLiteral("historyCompareButton"));
        QTRY_VERIFY(diff()->isVisible());
        QCOMPARE(diff()->leftTitle(), QStringLiteral("− Version 0.0.2 (deployed)"));
        QCOMPARE(diff()->summary(), QStringLiteral("No differences."));

        clickRow(1); // 0.0.1: the diff follows the selection
        QTRY_VERIFY(diff()->leftTitle().contains(QStringLiteral("0.0.1")));
        QCOMPARE(diff()->summary(), QStringLiteral("1 added, 0 removed"));
        QVERIFY(diff()->sideText(false).contains(QStringLiteral("// v2")));
        QVERIFY(!diff()->sideText(true).contains(QStringLiteral("// v2")));
    }

    void aSyntaxErrorStopsTheDeployAndShowsItsLine()
    {
        open(kHello, kHelloCode);
        // Line 5 opens a call that is never closed.
        typeAtEnd(QStringLiteral("console.log((1);\n"));
        const QString broken = panel->currentCode();
        clickTool(panel->deployAction());
        QTRY_COMPARE_WITH_TIMEOUT(status()->tone(), CodeBanner::Tone::Error, 20000);
        QVERIFY2(status()->text().contains(QStringLiteral("line 5")), qPrintable(status()->text()));
        QVERIFY(status()->text().contains(QStringLiteral("missing ) after argument list")));
        // The editor marks the line with the interpreter's message under it.
        QVERIFY(edit()->annotation(4).contains(QStringLiteral("missing ) after argument list")));
        QCOMPARE(deployedVersion(), QStringLiteral("0.0.1")); // nothing deployed

        // Go to the line: the cursor is on it.
        edit()->setCursorPosition(0, 0);
        click(QStringLiteral("syntaxGoToLineButton"));
        int line = 0;
        int column = 0;
        edit()->getCursorPosition(&line, &column);
        QCOMPARE(line, 4);
        QVERIFY(edit()->hasFocus());

        // Cancel: the editor keeps the text, nothing is deployed.
        click(QStringLiteral("syntaxCancelButton"));
        QTRY_VERIFY(!status()->isVisible());
        QCOMPARE(panel->currentCode(), broken);
        QVERIFY(panel->isDirty());
        QCOMPARE(deployedVersion(), QStringLiteral("0.0.1"));

        // Again, and Deploy Anyway: deployed as it is.
        clickTool(panel->deployAction());
        QTRY_COMPARE_WITH_TIMEOUT(status()->tone(), CodeBanner::Tone::Error, 20000);
        click(QStringLiteral("syntaxDeployAnywayButton"));
        QTRY_COMPARE_WITH_TIMEOUT(status()->text(), QStringLiteral("Deployed version 0.0.2."), 20000);
        QCOMPARE(take(fixture->platform->getAction(kHello, true)).exec->code, broken);
        QVERIFY(edit()->annotation(4).isEmpty()); // deployed: the mark is gone
    }

    void aPythonSyntaxErrorIsCaughtToo()
    {
        open(QStringLiteral("pyhello"), kPythonCode);
        typeAtEnd(QStringLiteral("def broken(:\n"));
        clickTool(panel->deployAction());
        QTRY_COMPARE_WITH_TIMEOUT(status()->tone(), CodeBanner::Tone::Error, 20000);
        QVERIFY2(status()->text().contains(QStringLiteral("line 4")), qPrintable(status()->text()));
        QVERIFY(!edit()->annotation(3).isEmpty());
        // Fixing the code and deploying again passes the check.
        QTest::keyClick(edit(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(edit(), QStringLiteral("x = 1"));
        QVERIFY(edit()->annotation(3).isEmpty()); // the text changed: the mark went with it
        clickTool(panel->deployAction());
        QTRY_COMPARE_WITH_TIMEOUT(status()->text(), QStringLiteral("Deployed version 0.0.2."), 20000);
    }
};

QTEST_MAIN(TestCodePanelPolish)
#include "TestCodePanelPolish.moc"
