// Renders the code panel at 1366×768 in a light and a dark palette to PNGs in the build folder:
// the editor with history, the find bar and a status message; the diff view; the draft banner.

#include "models/code/CodeVersionModel.h"
#include "ui/code/CodeBanner.h"
#include "ui/code/CodeEditor.h"
#include "ui/code/CodeHistoryPane.h"
#include "ui/code/CodePanel.h"
#include "ui/code/CodeTextEdit.h"

#include "CodePanelFixture.h"

#include <QDir>
#include <QLineEdit>
#include <QStyle>
#include <QStyleFactory>

using namespace funcdesk;
using namespace funcdesk::test;

class TestCodePanelScreenshots : public QObject
{
    Q_OBJECT

private:
    void save(QWidget *widget, const QString &name)
    {
        QCoreApplication::processEvents();
        const QString path = QDir(QStringLiteral(SCREENSHOT_DIR)).filePath(name);
        QVERIFY2(widget->grab().save(path), qPrintable(path));
        qInfo("wrote %s", qPrintable(path));
    }

    void shoot(const QString &suffix)
    {
        PlatformFixture fixture;
        DraftStore drafts(fixture.draftDir.path());
        drafts.setDebounceInterval(10);
        CodePanel panel(&drafts);
        panel.resize(1366, 768);
        panel.show();
        QApplication::setActiveWindow(&panel);
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        panel.setContext(fixture.platform.get(), QStringLiteral("local"), QStringLiteral("hello"));
        QTRY_COMPARE(panel.currentCode(), kHelloCode);
        CodeTextEdit *edit = panel.editor()->textEdit();
        auto *status = panel.findChild<CodeBanner *>(QStringLiteral("codeStatusBanner"));

        // Two deploys, so there is history.
        for (const QString &addition : {QStringLiteral("// v2\n"), QStringLiteral("// v3: log the caller\n")}) {
            edit->setFocus();
            QTest::keyClick(edit, Qt::Key_End, Qt::ControlModifier);
            typeLines(edit, addition);
            QTest::keyClick(edit, Qt::Key_S, Qt::ControlModifier);
            QTRY_VERIFY(status->text().startsWith(QStringLiteral("Deployed version")));
        }
        panel.historyAction()->trigger();
        auto *history = panel.findChild<CodeHistoryPane *>(QStringLiteral("codeHistoryPane"));
        QTRY_COMPARE(history->model()->rowCount(), 3);
        history->selectVersion(QStringLiteral("0.0.1"));
        // An undeployed edit (the ● marker) and the find bar open on it.
        edit->setFocus();
        edit->setCursorPosition(0, edit->text(0).size() - 1);
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, QStringLiteral("console.log('called with', JSON.stringify(params));"));
        QTest::keyClick(edit, Qt::Key_F, Qt::ControlModifier);
        QTest::keyClicks(panel.findChild<QLineEdit *>(QStringLiteral("findField")), QStringLiteral("name"));
        save(&panel, QStringLiteral("code-panel-%1.png").arg(suffix));
        // As it sits next to the function list in a 1366×768 window.
        panel.resize(880, 560);
        save(&panel, QStringLiteral("code-panel-compact-%1.png").arg(suffix));
        panel.resize(1366, 768);

        panel.diffAction()->trigger();
        save(&panel, QStringLiteral("code-diff-%1.png").arg(suffix));
        panel.closeDiff();

        // The next session finds the draft.
        drafts.flush();
        CodePanel second(&drafts);
        second.resize(1366, 768);
        second.show();
        second.setContext(fixture.platform.get(), QStringLiteral("local"), QStringLiteral("hello"));
        QTRY_VERIFY(second.findChild<CodeBanner *>(QStringLiteral("draftBanner"))->isVisible());
        save(&second, QStringLiteral("code-draft-%1.png").arg(suffix));
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); }

    void lightPalette()
    {
        QApplication::setPalette(QApplication::style()->standardPalette());
        shoot(QStringLiteral("light"));
    }

    void darkPalette()
    {
        QApplication::setPalette(funcdesk::test::darkPalette());
        shoot(QStringLiteral("dark"));
    }
};

QTEST_MAIN(TestCodePanelScreenshots)
#include "TestCodePanelScreenshots.moc"
