// The Test panel driven like a user would: type a payload (invalid, then valid), save it, run
// the editor's unsaved code locally, run the deployed code on a real local platform, compare,
// a function that throws, cancel, import and export. Renders the panel to PNG.

#include "executor/Executor.h"
#include "models/testing/PayloadStore.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"
#include "support/TestPalettes.h"
#include "ui/testing/TestPanel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

using namespace funcdesk;
using funcdesk::test::LocalFixture;
using funcdesk::test::take;

namespace {

const QString kDeployed =
    QStringLiteral("function main(params) {\n  console.log('deployed code says hi to ' + params.name);\n"
                   "  return {greeting: 'Hello ' + params.name, from: 'deployed'};\n}\n");
const QString kEdited =
    QStringLiteral("function main(params) {\n  console.log('edited code says hi to ' + params.name);\n"
                   "  return {greeting: 'Hello ' + params.name, from: 'editor', extra: [1, 2]};\n}\n");
const QString kThrows = QStringLiteral("function main() { throw new Error('boom: the input was bad'); }");
const QString kSlow =
    QStringLiteral("function main() { return new Promise(r => setTimeout(() => r({late: true}), 4000)); }");

} // namespace

class TestTestPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalFixture> fixture;
    std::unique_ptr<TestPanel> panel;
    QString editorCode = kEdited;

    Action deploy(const QString &name, const QString &code)
    {
        Action action;
        action.exec = Exec();
        action.exec->kind = QStringLiteral("nodejs:default");
        action.exec->code = code;
        return take(fixture->platform->putAction(name, action, PutOptions{true, {}}));
    }

    template <typename W> W *child(const QString &name, QWidget *in = nullptr)
    {
        W *found = (in ? in : panel.get())->findChild<W *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }
    QPlainTextEdit *editor() { return child<QPlainTextEdit>(QStringLiteral("payloadEditor")); }
    QToolButton *button(const char *name) { return child<QToolButton>(QString::fromLatin1(name)); }
    QWidget *view(const char *name) { return child<QWidget>(QString::fromLatin1(name)); }
    QString text(QWidget *in, const char *name)
    {
        if (auto *label = in->findChild<QLabel *>(QString::fromLatin1(name)))
            return label->text();
        return child<QPlainTextEdit>(QString::fromLatin1(name), in)->toPlainText();
    }

    void typePayload(const QString &payload)
    {
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(editor(), Qt::Key_Delete);
        QTest::keyClicks(editor(), payload);
    }

    void waitUntilIdle() { QTRY_VERIFY_WITH_TIMEOUT(!button("cancelRunButton")->isVisible(), 60000); }

    void grab(const QString &name)
    {
        const QString path = QDir::current().absoluteFilePath(name);
        QVERIFY(panel->grab().save(path));
        qInfo("rendered %s", qPrintable(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        fixture = std::make_unique<LocalFixture>(LocalConfig{}); // the executor's defaults, stem cells too
        const Action hello = deploy(QStringLiteral("hello"), kDeployed);

        panel = std::make_unique<TestPanel>(PayloadStore(fixture->dir.path() + QStringLiteral("/payloads")), nullptr);
        panel->setLocalExecutor(&fixture->engine->executor());
        panel->setCodeSource([this] { return qMakePair(editorCode, QString()); });
        panel->setContext(fixture->platform.get(), QStringLiteral("Local"), QStringLiteral("hello"), hello);
        panel->resize(1100, 760);
        panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
    }

    void cleanupTestCase()
    {
        panel.reset();
        fixture.reset();
    }

    void invalidPayloadDisablesTheRunButtons()
    {
        typePayload(QStringLiteral("{\"name\": \"Ada\""));
        QTRY_VERIFY(text(panel.get(), "payloadValidation").contains(QLatin1StringView("Line 1, column 15")));
        QVERIFY(!button("runLocallyButton")->isEnabled());
        QVERIFY(!button("runOnPlatformButton")->isEnabled());
        QVERIFY(!button("compareButton")->isEnabled());
        QVERIFY(!editor()->extraSelections().isEmpty()); // the mistake is underlined

        QTest::keyClick(editor(), Qt::Key_Return);
        QTest::keyClicks(editor(), QStringLiteral("  \"missing\" 1}"));
        QCOMPARE(text(panel.get(), "payloadValidation"), QStringLiteral("\u26A0 Line 2, column 3: missing comma"));

        typePayload(QStringLiteral("{\"name\": \"Ada\"}"));
        QVERIFY(text(panel.get(), "payloadValidation").contains(QLatin1StringView("Valid")));
        QVERIFY(button("runLocallyButton")->isEnabled());
        QVERIFY(button("runOnPlatformButton")->isEnabled());
        QVERIFY(button("compareButton")->isEnabled());
        QVERIFY(editor()->extraSelections().isEmpty());
    }

    void payloadIsSavedNamedAndKept()
    {
        typePayload(QStringLiteral("{\"name\": \"Ada\"}"));
        QTest::mouseClick(button("addPayloadButton"), Qt::LeftButton);
        auto *list = child<QListView>(QStringLiteral("payloadList"));
        QCOMPARE(list->model()->rowCount(), 1);
        // The new payload's name is open for editing.
        QTRY_VERIFY(list->findChild<QLineEdit *>() && list->findChild<QLineEdit *>()->isVisible());
        QLineEdit *name = list->findChild<QLineEdit *>();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("greet Ada"));
        QTest::keyClick(name, Qt::Key_Return);
        QTRY_COMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("greet Ada"));

        const PayloadStore store(fixture->dir.path() + QStringLiteral("/payloads"));
        QCOMPARE(store.load(QStringLiteral("Local"), QStringLiteral("hello")).value(),
                 (QList<SavedPayload>{{QStringLiteral("greet Ada"), QStringLiteral("{\"name\": \"Ada\"}")}}));
        // Later edits are written back after a pause.
        typePayload(QStringLiteral("{\"name\": \"Ada\", \"n\": 1}"));
        QTRY_COMPARE(store.load(QStringLiteral("Local"), QStringLiteral("hello")).value().value(0).text,
                     QStringLiteral("{\"name\": \"Ada\", \"n\": 1}"));
        typePayload(QStringLiteral("{\"name\": \"Ada\"}"));
    }

    void runLocallyRunsTheEditorsUnsavedCode()
    {
        typePayload(QStringLiteral("{\"name\": \"Ada\"}"));
        QTest::mouseClick(button("runLocallyButton"), Qt::LeftButton);
        QVERIFY(button("cancelRunButton")->isVisible() || !text(view("localResultView"), "runResult").isEmpty());
        waitUntilIdle();
        QWidget *local = view("localResultView");
        QVERIFY(local->isVisible());
        QVERIFY(!view("platformResultView")->isVisible());
        QCOMPARE(text(local, "runStatus"), QStringLiteral("\u2714 success"));
        QVERIFY2(text(local, "runResult").contains(QLatin1StringView("\"from\": \"editor\"")),
                 qPrintable(text(local, "runResult")));
        QVERIFY(text(local, "runLogs").contains(QLatin1StringView("edited code says hi to Ada")));
        QVERIFY2(text(local, "runStart").startsWith(QLatin1StringView("Cold start")),
                 qPrintable(text(local, "runStart")));
        QVERIFY(text(local, "runCost").startsWith(QLatin1Char('$')));
        QVERIFY(text(local, "runEnforcement").contains(QLatin1StringView("memory: ")));
        QVERIFY(text(local, "runMemory").endsWith(QLatin1StringView("MB")));
        QVERIFY(text(local, "runDuration").endsWith(QLatin1StringView("ms")));
        QVERIFY(text(panel.get(), "runStatusLine").startsWith(QLatin1StringView("Local: success")));

        // Again, by keyboard: the same code is warm now.
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_R, Qt::ControlModifier);
        waitUntilIdle();
        QTRY_COMPARE(text(local, "runStart"), QStringLiteral("Warm"));
        QCOMPARE(text(local, "runStatus"), QStringLiteral("\u2714 success"));
    }

    void runOnPlatformRunsTheDeployedCode()
    {
        QTest::mouseClick(button("runOnPlatformButton"), Qt::LeftButton);
        waitUntilIdle();
        QWidget *remote = view("platformResultView");
        QVERIFY(remote->isVisible());
        QVERIFY(!view("localResultView")->isVisible());
        QCOMPARE(text(remote, "runStatus"), QStringLiteral("\u2714 success"));
        QVERIFY(text(remote, "runResult").contains(QLatin1StringView("\"from\": \"deployed\"")));
        QVERIFY(text(remote, "runLogs").contains(QLatin1StringView("deployed code says hi to Ada")));
        QVERIFY(text(remote, "runStart").startsWith(QLatin1StringView("Cold start")));
        QCOMPARE(text(remote, "runActivation").size(), 32);

        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        waitUntilIdle();
        QTRY_COMPARE(text(remote, "runStart"), QStringLiteral("Warm"));
        grab(QStringLiteral("test_panel_platform.png"));
    }

    void compareHighlightsTheDifferences()
    {
        QTest::mouseClick(button("compareButton"), Qt::LeftButton);
        waitUntilIdle();
        QVERIFY(view("localResultView")->isVisible());
        QVERIFY(view("platformResultView")->isVisible());
        const QString differences = text(panel.get(), "compareDifferences");
        QVERIFY2(differences.contains(QLatin1StringView("changed: $.from")), qPrintable(differences));
        QVERIFY(differences.contains(QLatin1StringView("only locally: $.extra")));

        auto highlighted = [this](const char *name) {
            QStringList lines;
            for (const QTextEdit::ExtraSelection &selection :
                 child<QPlainTextEdit>(QStringLiteral("runResult"), view(name))->extraSelections())
                lines.append(selection.cursor.block().text().trimmed());
            return lines;
        };
        QCOMPARE(highlighted("localResultView"),
                 (QStringList{QStringLiteral("\"extra\": ["), QStringLiteral("1,"), QStringLiteral("2"),
                              QStringLiteral("],"), QStringLiteral("\"from\": \"editor\",")}));
        QCOMPARE(highlighted("platformResultView"), QStringList{QStringLiteral("\"from\": \"deployed\",")});
        grab(QStringLiteral("test_panel_compare.png"));

        // The highlights follow a dark palette.
        const QPalette dark = test::darkPalette();
        const QPalette light = panel->palette();
        panel->setPalette(dark);
        const QColor background = child<QPlainTextEdit>(QStringLiteral("runResult"), view("platformResultView"))
                                      ->extraSelections()
                                      .value(0)
                                      .format.background()
                                      .color();
        QVERIFY2(background.lightness() < 100, qPrintable(background.name()));
        grab(QStringLiteral("test_panel_compare_dark.png"));
        panel->setPalette(light);
    }

    void aFunctionThatThrowsShowsTheErrorAndItsMessage()
    {
        const Action thrower = deploy(QStringLiteral("thrower"), kThrows);
        editorCode = kThrows;
        panel->setContext(fixture->platform.get(), QStringLiteral("Local"), QStringLiteral("thrower"), thrower);
        QCOMPARE(child<QListView>(QStringLiteral("payloadList"))->model()->rowCount(), 0); // its own payloads
        QTest::mouseClick(button("runLocallyButton"), Qt::LeftButton);
        waitUntilIdle();
        QWidget *local = view("localResultView");
        QCOMPARE(text(local, "runStatus"), QStringLiteral("\u2716 action developer error"));
        QVERIFY2(text(local, "runError").contains(QLatin1StringView("boom: the input was bad")),
                 qPrintable(text(local, "runError")));
        QVERIFY(child<QLabel>(QStringLiteral("runError"), local)->isVisible());

        QTest::mouseClick(button("runOnPlatformButton"), Qt::LeftButton);
        waitUntilIdle();
        QCOMPARE(text(view("platformResultView"), "runStatus"), QStringLiteral("\u2716 action developer error"));
        grab(QStringLiteral("test_panel_error.png"));
    }

    void cancelStopsWaitingAndSaysSo()
    {
        const Action slow = deploy(QStringLiteral("slow"), kSlow);
        editorCode = kSlow;
        panel->setContext(fixture->platform.get(), QStringLiteral("Local"), QStringLiteral("slow"), slow);
        QTest::mouseClick(button("runOnPlatformButton"), Qt::LeftButton);
        QTRY_VERIFY(button("cancelRunButton")->isVisible());
        QVERIFY(!button("runLocallyButton")->isEnabled());
        QVERIFY(child<QWidget>(QStringLiteral("runBusy"))->isVisible());
        QTest::mouseClick(button("cancelRunButton"), Qt::LeftButton);
        QVERIFY(!button("cancelRunButton")->isVisible());
        QCOMPARE(text(view("platformResultView"), "runStatus"), QStringLiteral("Cancelled"));
        QVERIFY(button("runLocallyButton")->isEnabled());

        // Escape cancels too.
        QTest::mouseClick(button("runLocallyButton"), Qt::LeftButton);
        QTRY_VERIFY(button("cancelRunButton")->isVisible());
        editor()->setFocus();
        QTest::keyClick(editor(), Qt::Key_Escape);
        QVERIFY(!button("cancelRunButton")->isVisible());
        QCOMPARE(text(view("localResultView"), "runStatus"), QStringLiteral("Cancelled"));
    }

    void importAndExportThroughTheButtons()
    {
        editorCode = kEdited;
        panel->setContext(fixture->platform.get(), QStringLiteral("Local"), QStringLiteral("hello"),
                          deploy(QStringLiteral("hello"), kDeployed));
        auto *list = child<QListView>(QStringLiteral("payloadList"));
        QCOMPARE(list->model()->rowCount(), 1); // "greet Ada" came back from disk
        QCOMPARE(editor()->toPlainText(), QStringLiteral("{\"name\": \"Ada\"}"));

        const QString exported = fixture->dir.path() + QStringLiteral("/exported.json");
        const QString malformed = fixture->dir.path() + QStringLiteral("/malformed.json");
        QFile bad(malformed);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("[{\"name\": \"x\"}]");
        bad.close();
        QString next;
        panel->setFileChooser([&next](bool) { return next; });

        next = exported;
        QTest::mouseClick(button("exportPayloadsButton"), Qt::LeftButton);
        QVERIFY(QFile::exists(exported));
        QVERIFY(text(panel.get(), "payloadMessage").startsWith(QLatin1StringView("Exported 1 payload")));

        next = malformed;
        QTest::mouseClick(button("importPayloadsButton"), Qt::LeftButton);
        QVERIFY2(text(panel.get(), "payloadMessage").contains(QLatin1StringView("has no \"payload\" object")),
                 qPrintable(text(panel.get(), "payloadMessage")));
        QCOMPARE(list->model()->rowCount(), 1);

        next = exported;
        QTest::mouseClick(button("importPayloadsButton"), Qt::LeftButton);
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(list->model()->index(1, 0).data().toString(), QStringLiteral("greet Ada (2)"));

        // Delete, then undo.
        list->setCurrentIndex(list->model()->index(1, 0));
        QTest::mouseClick(button("deletePayloadButton"), Qt::LeftButton);
        QCOMPARE(list->model()->rowCount(), 1);
        QVERIFY(button("undoDeleteButton")->isVisible());
        QTest::mouseClick(button("undoDeleteButton"), Qt::LeftButton);
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(list->model()->index(1, 0).data().toString(), QStringLiteral("greet Ada (2)"));
    }
};

QTEST_MAIN(TestTestPanel)
#include "TestTestPanel.moc"
