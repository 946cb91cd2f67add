// CodePanel on a real LocalPlatform: open a function, type, deploy with Ctrl+S, history, diff,
// roll back, revert, find/replace and go to line, drafts recovered after a crash, and deploy
// errors shown inline with the typed text kept.

#include "models/code/CodeVersionModel.h"
#include "ui/code/CodeBanner.h"
#include "ui/code/CodeEditor.h"
#include "ui/code/CodeFindBar.h"
#include "ui/code/CodeHistoryPane.h"
#include "ui/code/CodePanel.h"
#include "ui/code/CodeTextEdit.h"
#include "ui/code/DiffView.h"

#include "CodePanelFixture.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTreeView>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kConnection = QStringLiteral("local");
const QString kHello = QStringLiteral("hello");

} // namespace

class TestCodePanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PlatformFixture> fixture;
    std::unique_ptr<DraftStore> drafts;
    std::unique_ptr<CodePanel> panel;

    void makePanel()
    {
        panel = std::make_unique<CodePanel>(drafts.get());
        panel->resize(1100, 700);
        panel->show();
        QApplication::setActiveWindow(panel.get());
        QVERIFY(QTest::qWaitForWindowActive(panel.get()));
    }

    void open(Platform *platform, const QString &name, const QString &expectedCode)
    {
        panel->setContext(platform, kConnection, name);
        QTRY_COMPARE(panel->currentCode(), expectedCode);
        QTRY_VERIFY(!panel->editor()->isReadOnly() || banner(QStringLiteral("draftBanner"))->isVisible());
    }

    CodeBanner *banner(const QString &name) const { return panel->findChild<CodeBanner *>(name); }
    CodeBanner *status() const { return banner(QStringLiteral("codeStatusBanner")); }
    CodeTextEdit *edit() const { return panel->editor()->textEdit(); }

    template <typename T = QPushButton> T *child(const QString &name) const
    {
        T *found = panel->findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }

    // Types at the end of the editor, as a user would.
    void typeAtEnd(const QString &text)
    {
        edit()->setFocus();
        QTRY_VERIFY(edit()->hasFocus());
        QTest::keyClick(edit(), Qt::Key_End, Qt::ControlModifier);
        typeLines(edit(), text);
    }

    void deployWithCtrlS() { QTest::keyClick(edit(), Qt::Key_S, Qt::ControlModifier); }

    QString draftFile() const { return drafts->filePath(kConnection, kHello); }

private Q_SLOTS:
    void init()
    {
        fixture = std::make_unique<PlatformFixture>();
        drafts = std::make_unique<DraftStore>(fixture->draftDir.path());
        drafts->setDebounceInterval(50);
        makePanel();
    }

    void cleanup()
    {
        panel.reset();
        drafts.reset();
        fixture.reset();
    }

    void opensTheFunctionWithTheLexerOfItsKind()
    {
        QSignalSpy titles(panel.get(), &CodePanel::titleChanged);
        open(fixture->platform.get(), kHello, kHelloCode);
        QCOMPARE(edit()->language(), QStringLiteral("javascript"));
        QCOMPARE(panel->title(), kHello);
        QVERIFY(titles.size() >= 1);
        QCOMPARE(titles.last().first().toString(), kHello);
        QVERIFY(child<QLabel>(QStringLiteral("codeDetail"))->text().contains(QStringLiteral("version 0.0.1")));
        QVERIFY(panel->currentKind().startsWith(QStringLiteral("nodejs:")));
        QVERIFY(!panel->deployAction()->isEnabled()); // nothing to deploy yet

        open(fixture->platform.get(), QStringLiteral("pyhello"), kPythonCode);
        QCOMPARE(edit()->language(), QStringLiteral("python"));
        QVERIFY(panel->currentKind().startsWith(QStringLiteral("python:")));
        QVERIFY(!edit()->isUndoAvailable()); // the other function's text cannot be undone back
    }

    void typingShowsTheDirtyMarkerAndCtrlSDeploysANewVersion()
    {
        open(fixture->platform.get(), kHello, kHelloCode);
        QSignalSpy titles(panel.get(), &CodePanel::titleChanged);
        QSignalSpy deployed(panel.get(), &CodePanel::deployed);
        QSignalSpy messages(panel.get(), &CodePanel::statusMessage);
        typeAtEnd(QStringLiteral("// edited\n"));
        QCOMPARE(panel->title(), QStringLiteral("hello ●"));
        QCOMPARE(child<QLabel>(QStringLiteral("codeTitle"))->text(), QStringLiteral("hello ●"));
        QCOMPARE(titles.last().first().toString(), QStringLiteral("hello ●"));
        QVERIFY(panel->deployAction()->isEnabled());

        deployWithCtrlS();
        QTRY_COMPARE(status()->text(), QStringLiteral("Deployed version 0.0.2."));
        QCOMPARE(status()->tone(), CodeBanner::Tone::Success);
        const QString expected = kHelloCode + QStringLiteral("// edited\n");
        const Action now = take(fixture->platform->getAction(kHello, true));
        QCOMPARE(now.version, QStringLiteral("0.0.2"));
        QCOMPARE(now.exec->code, expected);
        // Only the code changed: limits and parameters are as they were.
        QCOMPARE(now.limits->memoryMb, 512);
        QCOMPARE(now.parameters->value(QStringLiteral("name")).toString(), QStringLiteral("Ada"));

        QCOMPARE(panel->title(), kHello);
        QCOMPARE(titles.last().first().toString(), kHello);
        QCOMPARE(deployed.size(), 1);
        QCOMPARE(deployed.first().first().value<Action>().version, QStringLiteral("0.0.2"));
        QVERIFY(messages.last().first().toString().contains(QStringLiteral("0.0.2")));
        QVERIFY(child<QLabel>(QStringLiteral("codeDetail"))->text().contains(QStringLiteral("version 0.0.2")));
        drafts->flush();
        QVERIFY(!QFile::exists(draftFile())); // deployed: no draft left
    }

    void historyListsTheVersionsAndDiffShowsTheChange()
    {
        open(fixture->platform.get(), kHello, kHelloCode);
        typeAtEnd(QStringLiteral("// v2\n"));
        deployWithCtrlS();
        QTRY_COMPARE(status()->text(), QStringLiteral("Deployed version 0.0.2."));

        QTest::keyClick(edit(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        auto *history = child<CodeHistoryPane>(QStringLiteral("codeHistoryPane"));
        QVERIFY(history->isVisible());
        QTRY_COMPARE(history->model()->rowCount(), 2);
        QCOMPARE(history->model()->index(0, 0).data().toString(), QStringLiteral("0.0.2 (deployed)"));
        QCOMPARE(history->model()->index(1, 0).data().toString(), QStringLiteral("0.0.1"));
        QVERIFY(!history->model()->index(1, CodeVersionModel::UpdatedColumn).data().toString().isEmpty());

        // Select 0.0.1 with the keyboard, change the editor, compare.
        auto *view = child<QTreeView>(QStringLiteral("historyView"));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(history->selectedVersion()->version, QStringLiteral("0.0.1"));
        typeAtEnd(QStringLiteral("// v3"));
        QTest::keyClick(edit(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        auto *diff = child<DiffView>(QStringLiteral("diffView"));
        QTRY_VERIFY(diff->isVisible());
        QVERIFY(diff->leftTitle().contains(QStringLiteral("0.0.1")));
        QCOMPARE(diff->rightTitle(), QStringLiteral("+ Editor (not deployed)"));
        QCOMPARE(diff->summary(), QStringLiteral("2 added, 0 removed"));
        const QString right = diff->sideText(false);
        QVERIFY(right.contains(QStringLiteral("// v2")));
        QVERIFY(right.contains(QStringLiteral("// v3")));

        // Esc goes back to the editor, text untouched.
        QTRY_VERIFY(diff->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!diff->isVisible());
        QVERIFY(edit()->isVisible());
        QVERIFY(panel->currentCode().endsWith(QStringLiteral("// v3")));
    }

    void rollBackDeploysTheOldCodeAsANewVersion()
    {
        open(fixture->platform.get(), kHello, kHelloCode);
        typeAtEnd(QStringLiteral("// v2\n"));
        deployWithCtrlS();
        QTRY_COMPARE(status()->text(), QStringLiteral("Deployed version 0.0.2."));
        panel->historyAction()->trigger();
        auto *history = child<CodeHistoryPane>(QStringLiteral("codeHistoryPane"));
        QTRY_COMPARE(history->model()->rowCount(), 2);
        QVERIFY(history->selectVersion(QStringLiteral("0.0.1")));
        QSignalSpy deployed(panel.get(), &CodePanel::deployed);

        QTest::mouseClick(child(QStringLiteral("historyRollbackButton")), Qt::LeftButton);
        QTRY_VERIFY(panel->findChild<QPushButton *>(QStringLiteral("confirmRollbackButton")));
        QTest::mouseClick(child(QStringLiteral("confirmRollbackButton")), Qt::LeftButton);
        QTRY_COMPARE(status()->text(), QStringLiteral("Rolled back: version 0.0.3 has the code of version 0.0.1."));
        const Action now = take(fixture->platform->getAction(kHello, true));
        QCOMPARE(now.version, QStringLiteral("0.0.3"));
        QCOMPARE(now.exec->code, kHelloCode);
        QCOMPARE(panel->currentCode(), kHelloCode);
        QVERIFY(!panel->isDirty());
        QCOMPARE(deployed.size(), 1);
        QTRY_COMPARE(history->model()->rowCount(), 3);
        QCOMPARE(history->model()->index(0, 0).data().toString(), QStringLiteral("0.0.3 (deployed)"));
    }

    void revertAsksThenRestoresTheDeployedCodeAndCanBeUndone()
    {
        open(fixture->platform.get(), kHello, kHelloCode);
        typeAtEnd(QStringLiteral("oops"));
        QTRY_VERIFY(QFile::exists(draftFile()));
        QTest::keyClick(edit(), Qt::Key_Z, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(status()->text().contains(QStringLiteral("0.0.1")));
        QCOMPARE(panel->currentCode(), kHelloCode + QStringLiteral("oops")); // nothing happens before the answer
        QTest::mouseClick(child(QStringLiteral("confirmRevertButton")), Qt::LeftButton);
        QCOMPARE(panel->currentCode(), kHelloCode);
        QVERIFY(!panel->isDirty());
        QCOMPARE(panel->title(), kHello);
        QTRY_VERIFY(!QFile::exists(draftFile()));
        edit()->setFocus();
        QTest::keyClick(edit(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(panel->currentCode(), kHelloCode + QStringLiteral("oops"));

        // Keep Editing leaves the text alone.
        QTest::keyClick(edit(), Qt::Key_Z, Qt::ControlModifier | Qt::AltModifier);
        QTest::mouseClick(child(QStringLiteral("cancelRevertButton")), Qt::LeftButton);
        QCOMPARE(panel->currentCode(), kHelloCode + QStringLiteral("oops"));
        QVERIFY(!status()->isVisible());
    }

    void findReplaceAndGoToLineInThePanel()
    {
        open(fixture->platform.get(), kHello, kHelloCode);
        edit()->setFocus();
        QTest::keyClick(edit(), Qt::Key_H, Qt::ControlModifier);
        auto *find = child<QLineEdit>(QStringLiteral("findField"));
        QVERIFY(find->hasFocus());
        QTest::keyClicks(find, QStringLiteral("name"));
        auto *replace = child<QLineEdit>(QStringLiteral("replaceField"));
        replace->setFocus();
        QTest::keyClicks(replace, QStringLiteral("who"));
        QTest::mouseClick(child(QStringLiteral("replaceAllButton")), Qt::LeftButton);
        QCOMPARE(panel->currentCode(), QString(kHelloCode).replace(QStringLiteral("name"), QStringLiteral("who")));
        QCOMPARE(panel->title(), QStringLiteral("hello ●"));
        QTest::keyClick(replace, Qt::Key_Escape);
        QVERIFY(!child<CodeFindBar>(QStringLiteral("codeFindBar"))->isVisible());

        QTRY_VERIFY(edit()->hasFocus());
        QTest::keyClick(edit(), Qt::Key_G, Qt::ControlModifier);
        auto *line = child<QLineEdit>(QStringLiteral("goToLineField"));
        QTest::keyClicks(line, QStringLiteral("3"));
        QTest::keyClick(line, Qt::Key_Return);
        int row = 0;
        int index = 0;
        edit()->getCursorPosition(&row, &index);
        QCOMPARE(row, 2);
    }

    void draftIsOfferedBackAfterACrash()
    {
        open(fixture->platform.get(), kHello, kHelloCode);
        typeAtEnd(QStringLiteral("// unsaved work"));
        const QString typed = panel->currentCode();
        // The autosave happens by itself, shortly after the typing stops.
        QTRY_VERIFY(QFile::exists(draftFile()));
        QTRY_COMPARE(DraftStore(fixture->draftDir.path()).draftFor(kConnection, kHello)->code, typed);

        // "Crash": the panel goes without deploying; a new store and panel start from the files.
        panel.reset();
        drafts = std::make_unique<DraftStore>(fixture->draftDir.path());
        makePanel();
        panel->setContext(fixture->platform.get(), kConnection, kHello);
        auto *draftBanner = banner(QStringLiteral("draftBanner"));
        QTRY_VERIFY(draftBanner->isVisible());
        QCOMPARE(panel->currentCode(), kHelloCode); // the deployed code until the user chooses
        QVERIFY(panel->editor()->isReadOnly());
        QVERIFY(!panel->deployAction()->isEnabled());
        auto *restore = child(QStringLiteral("restoreDraftButton"));
        QVERIFY(restore->text().startsWith(QStringLiteral("Restore Draft from ")));

        QTest::mouseClick(restore, Qt::LeftButton);
        QCOMPARE(panel->currentCode(), typed);
        QVERIFY(!draftBanner->isVisible());
        QVERIFY(!panel->editor()->isReadOnly());
        QCOMPARE(panel->title(), QStringLiteral("hello ●"));
        deployWithCtrlS();
        QTRY_COMPARE(status()->text(), QStringLiteral("Deployed version 0.0.2."));
        QTRY_VERIFY(!QFile::exists(draftFile()));
    }

    void aDeclinedDraftIsDiscarded()
    {
        drafts->save(kConnection, kHello,
                     Draft{QStringLiteral("old draft"), QStringLiteral("nodejs:20"), QStringLiteral("0.0.1"), {}});
        drafts->flush();
        panel->setContext(fixture->platform.get(), kConnection, kHello);
        QTRY_VERIFY(banner(QStringLiteral("draftBanner"))->isVisible());
        QTest::mouseClick(child(QStringLiteral("discardDraftButton")), Qt::LeftButton);
        QCOMPARE(panel->currentCode(), kHelloCode);
        QVERIFY(!panel->editor()->isReadOnly());
        drafts->flush();
        QVERIFY(!QFile::exists(draftFile()));
    }

    void draftOfAnotherFunctionSurvivesSwitching()
    {
        open(fixture->platform.get(), kHello, kHelloCode);
        typeAtEnd(QStringLiteral("// pending"));
        open(fixture->platform.get(), QStringLiteral("pyhello"), kPythonCode);
        QVERIFY(!banner(QStringLiteral("draftBanner"))->isVisible());
        panel->setContext(fixture->platform.get(), kConnection, kHello);
        QTRY_VERIFY(banner(QStringLiteral("draftBanner"))->isVisible());
        QTest::mouseClick(child(QStringLiteral("restoreDraftButton")), Qt::LeftButton);
        QCOMPARE(panel->currentCode(), kHelloCode + QStringLiteral("// pending"));
    }

    void deployOfADeletedFunctionFailsInlineAndKeepsTheText()
    {
        open(fixture->platform.get(), kHello, kHelloCode);
        typeAtEnd(QStringLiteral("// mine"));
        take(fixture->platform->deleteAction(kHello)); // someone else deletes it meanwhile
        deployWithCtrlS();
        QTRY_COMPARE(status()->tone(), CodeBanner::Tone::Error);
        QCOMPARE(
            status()->text(),
            QStringLiteral("Deploy failed: hello no longer exists on this connection. Your code stays in the editor."));
        QCOMPARE(panel->currentCode(), kHelloCode + QStringLiteral("// mine"));
        QVERIFY(panel->isDirty());
        QVERIFY(panel->deployAction()->isEnabled()); // can be tried again
        // It did not come back.
        QCOMPARE(take(fixture->platform->listActions({})).size(), 1);
    }

    void serverErrorOnDeployIsShownInlineAndKeepsTheText()
    {
        FlakyPlatform remote(fixture->platform.get());
        remote.setPutError(
            PlatformError{PlatformError::Kind::Invalid,
                          QStringLiteral("The request content was malformed: kind 'nodejs:99' is not supported.")});
        open(&remote, kHello, kHelloCode);
        typeAtEnd(QStringLiteral("// mine"));
        deployWithCtrlS();
        QTRY_COMPARE(status()->tone(), CodeBanner::Tone::Error);
        QCOMPARE(status()->text(), QStringLiteral("Deploy failed: The request content was malformed: kind 'nodejs:99' "
                                                  "is not supported."));
        QCOMPARE(panel->currentCode(), kHelloCode + QStringLiteral("// mine"));
        QCOMPARE(panel->title(), QStringLiteral("hello ●"));
        QTRY_VERIFY(QFile::exists(draftFile())); // and still safe on disk

        // Once the platform accepts again, the same text deploys.
        remote.setPutError(std::nullopt);
        deployWithCtrlS();
        QTRY_COMPARE(status()->text(), QStringLiteral("Deployed version 0.0.2."));
    }

    void aNewerVersionOnThePlatformIsNotOverwrittenWithoutAsking()
    {
        open(fixture->platform.get(), kHello, kHelloCode);
        typeAtEnd(QStringLiteral("// mine"));
        take(fixture->platform->putAction(
            kHello, codeAction(QStringLiteral("nodejs:default"), QStringLiteral("// theirs")), PutOptions{true, {}}));
        deployWithCtrlS();
        QTRY_COMPARE(status()->tone(), CodeBanner::Tone::Warning);
        QVERIFY(status()->text().contains(QStringLiteral("version 0.0.2 is deployed now")));
        QCOMPARE(take(fixture->platform->getAction(kHello, true)).exec->code, QStringLiteral("// theirs"));
        QTest::mouseClick(child(QStringLiteral("deployAnywayButton")), Qt::LeftButton);
        QTRY_COMPARE(status()->text(), QStringLiteral("Deployed version 0.0.3."));
        QCOMPARE(take(fixture->platform->getAction(kHello, true)).exec->code, kHelloCode + QStringLiteral("// mine"));
    }

    void aPlatformWithoutHistorySaysSoInline()
    {
        FlakyPlatform remote(fixture->platform.get());
        open(&remote, kHello, kHelloCode);
        panel->historyAction()->trigger();
        auto *history = child<CodeHistoryPane>(QStringLiteral("codeHistoryPane"));
        QTRY_COMPARE(history->messageText(), QStringLiteral("This platform keeps no version history of its actions."));
        QVERIFY(!panel->rollbackAction()->isEnabled());
        // Diff still compares the deployed code with the editor.
        typeAtEnd(QStringLiteral("x"));
        panel->diffAction()->trigger();
        QCOMPARE(child<DiffView>(QStringLiteral("diffView"))->summary(), QStringLiteral("1 added, 0 removed"));
    }

    void aMissingFunctionIsReportedWithRetry()
    {
        panel->setContext(fixture->platform.get(), kConnection, QStringLiteral("nope"));
        QTRY_COMPARE(status()->tone(), CodeBanner::Tone::Error);
        QVERIFY(status()->text().startsWith(QStringLiteral("Could not load nope: ")));
        QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("retryLoadButton")));
        QVERIFY(panel->editor()->isReadOnly());
        QVERIFY(!panel->deployAction()->isEnabled());
    }

    void anAnswerForAnEarlierSelectionIsIgnored()
    {
        panel->setContext(fixture->platform.get(), kConnection, kHello);
        panel->setContext(fixture->platform.get(), kConnection, QStringLiteral("pyhello"));
        QTRY_COMPARE(panel->currentCode(), kPythonCode);
        QTest::qWait(100);
        QCOMPARE(panel->currentCode(), kPythonCode);
        QCOMPARE(panel->title(), QStringLiteral("pyhello"));
    }

    void emptyContextShowsAPlaceholder()
    {
        panel->setContext(nullptr, QString(), QString());
        QVERIFY(child<QLabel>(QStringLiteral("codeEmptyLabel"))->isVisible());
        QCOMPARE(panel->title(), QStringLiteral("Code"));
    }
};

QTEST_MAIN(TestCodePanel)
#include "TestCodePanel.moc"
