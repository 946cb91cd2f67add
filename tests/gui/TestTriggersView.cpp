// The Triggers view end to end on a real local platform, driven through its widgets: a timer
// trigger created in the editor runs a function every 10 seconds; an HTTP route answers a test
// request from the editor; pause and resume; fire now with a payload; delete with the feed.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/triggers/TriggerListModel.h"
#include "ui/triggers/TriggersPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kEcho = QStringLiteral("function main(p) { return p; }");
const QString kItem = QStringLiteral("function main(p) { return {statusCode: 200, headers: {'Content-Type': "
                                     "'application/json'}, body: {item: p.id, method: p.__ow_method}}; }");

void putFunction(test::Console &console, const QString &name, const QString &code)
{
    Action action;
    action.exec = Exec::withCode(QStringLiteral("nodejs:default"), code);
    take(console.local->putAction(name, action, PutOptions{}));
}

void link(test::Console &console, const QString &trigger, const QString &function)
{
    Rule rule;
    rule.trigger = EntityRef{QStringLiteral("_"), trigger, true};
    rule.action = EntityRef{QStringLiteral("_"), function, true};
    take(console.local->putRule(trigger + QLatin1Char('-') + function, rule, PutOptions{}));
}

// The function's activations, newest first, with their results.
QList<Activation> activationsOf(test::Console &console, const QString &name)
{
    console.engine->flush();
    ActivationQuery query;
    query.name = name;
    query.docs = true;
    const auto listed = wait(console.local->listActivations(query));
    return listed ? listed.value() : QList<Activation>();
}

TriggersPanel *openTriggers(MainWindow &window)
{
    auto *views = child<QTabWidget>(&window, "viewTabs");
    views->setCurrentWidget(window.triggersPanel());
    return window.triggersPanel();
}

// Clicks the editor's Create/Save and waits for it to close; when the platform refuses, the
// editor stays open with the reason: that is returned, and the editor closed so the test goes on.
QString saveEditor(QWidget *dialog)
{
    QTest::mouseClick(child<QPushButton>(dialog, "triggerSave"), Qt::LeftButton);
    if (QTest::qWaitFor([dialog] { return !dialog->isVisible(); }, 20000))
        return {};
    const QString text = child<QLabel>(dialog, "triggerEditorError")->text();
    static_cast<QDialog *>(dialog)->reject();
    return text.isEmpty() ? QStringLiteral("the editor did not close") : text;
}

QAction *command(QWidget *panel, const char *name)
{
    return child<QAction>(panel, name);
}

QString cell(TriggersPanel *panel, const QString &trigger, int column)
{
    const TriggerListModel *model = panel->model();
    return model->index(model->rowOf(trigger), column).data().toString();
}

} // namespace

class TestTriggersView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aTimerTriggerMadeInTheEditorRunsTheFunctionEveryTenSeconds()
    {
        test::Console console;
        QVERIFY(console.start());
        putFunction(console, QStringLiteral("tick"), kEcho);
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        TriggersPanel *panel = openTriggers(window);
        QTRY_VERIFY(child<QLabel>(panel, "triggersEmptyHint")->isVisible());

        QString preview;
        int nextFires = 0;
        QString refusal;
        whenDialogOpens([&](QWidget *dialog) {
            QTest::keyClicks(child<QLineEdit>(dialog, "triggerName"), QStringLiteral("every10s"));
            child<QRadioButton>(dialog, "timerModeCron")->click();
            auto *cron = child<QLineEdit>(dialog, "timerCron");
            cron->selectAll();
            QTest::keyClicks(cron, QStringLiteral("*/10 * * * * *"));
            auto *function = child<QComboBox>(dialog, "triggerFunction");
            function->setCurrentIndex(function->findText(QStringLiteral("tick")));
            child<QPlainTextEdit>(dialog, "timerPayload")->setPlainText(QStringLiteral("{\"source\": \"clock\"}"));
            preview = child<QLabel>(dialog, "timerPreview")->text();
            nextFires = child<QListWidget>(dialog, "timerNextFires")->count();
            refusal = saveEditor(dialog);
        });
        command(panel, "newTrigger")->trigger();
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowOf(QStringLiteral("every10s")), 0, 20000);
        QCOMPARE(preview, QStringLiteral("every 10 seconds"));
        QCOMPARE(nextFires, 5);
        QCOMPARE(cell(panel, QStringLiteral("every10s"), TriggerListModel::KindColumn), QStringLiteral("Timer"));
        QCOMPARE(cell(panel, QStringLiteral("every10s"), TriggerListModel::RulesColumn), QStringLiteral("tick"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(panel, QStringLiteral("every10s"), TriggerListModel::ScheduleColumn),
                                  QStringLiteral("every 10 seconds"), 10000);
        QCOMPARE(panel->currentTrigger(), QStringLiteral("every10s"));

        // The clock fires the trigger; its rule runs tick with the payload.
        QTRY_VERIFY_WITH_TIMEOUT(!activationsOf(console, QStringLiteral("tick")).isEmpty(), 30000);
        const Activation first = activationsOf(console, QStringLiteral("tick")).constLast();
        QCOMPARE(first.response->result.toObject().value(QLatin1StringView("source")).toString(),
                 QStringLiteral("clock"));
        // … and the list counts the fire as it arrives.
        QTRY_VERIFY_WITH_TIMEOUT(cell(panel, QStringLiteral("every10s"), TriggerListModel::FiresColumn).toInt() >= 1,
                                 15000);
    }

    void aRouteMadeInTheEditorAnswersItsTestRequest()
    {
        test::Console console;
        QVERIFY(console.start());
        putFunction(console, QStringLiteral("item"), kItem);
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        TriggersPanel *panel = openTriggers(window);

        QString url;
        QString responseType;
        QString refusal;
        whenDialogOpens([&](QWidget *dialog) {
            auto *kind = child<QComboBox>(dialog, "triggerKind");
            kind->setCurrentIndex(kind->findText(QStringLiteral("HTTP route")));
            QTest::keyClicks(child<QLineEdit>(dialog, "routeBasePath"), QStringLiteral("/shop"));
            QTest::keyClicks(child<QLineEdit>(dialog, "routePath"), QStringLiteral("/items/{id}"));
            auto *function = child<QComboBox>(dialog, "triggerFunction");
            function->setCurrentIndex(function->findText(QStringLiteral("item")));
            url = child<QLineEdit>(dialog, "routeUrl")->text();
            responseType = child<QComboBox>(dialog, "routeResponseType")->currentText();
            refusal = saveEditor(dialog);
        });
        command(panel, "newTrigger")->trigger();
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowOf(QStringLiteral("GET /shop/items/{id}")) >= 0, 20000);
        QCOMPARE(responseType, QStringLiteral("http")); // chosen for the path parameter
        QVERIFY2(url.startsWith(QLatin1StringView("http://127.0.0.1:")), qPrintable(url));
        QVERIFY2(url.endsWith(QLatin1StringView("/api/shop/items/{id}")), qPrintable(url));
        QCOMPARE(cell(panel, QStringLiteral("GET /shop/items/{id}"), TriggerListModel::KindColumn),
                 QStringLiteral("HTTP route"));

        // Open it again and send a test request from the editor.
        QVERIFY(panel->selectTrigger(QStringLiteral("GET /shop/items/{id}")));
        QString status;
        QString answer;
        whenDialogOpens([&](QWidget *dialog) {
            auto *testUrl = child<QLineEdit>(dialog, "testUrl");
            testUrl->setText(testUrl->text().replace(QStringLiteral("{id}"), QStringLiteral("42")));
            QTest::mouseClick(child<QPushButton>(dialog, "testSend"), Qt::LeftButton);
            auto *statusLabel = child<QLabel>(dialog, "testStatus");
            if (!QTest::qWaitFor([statusLabel] { return statusLabel->text().contains(QLatin1StringView(" ms")); },
                                 30000))
                qWarning("no answer: %s", qPrintable(statusLabel->text()));
            status = statusLabel->text();
            answer = child<QPlainTextEdit>(dialog, "testAnswer")->toPlainText();
            static_cast<QDialog *>(dialog)->reject();
        });
        command(panel, "editTrigger")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty(), 40000);
        QVERIFY2(status.startsWith(QLatin1StringView("200")), qPrintable(status));
        QVERIFY2(answer.contains(QLatin1StringView("\"item\": \"42\"")), qPrintable(answer));
        QVERIFY2(answer.contains(QLatin1StringView("\"method\": \"get\"")), qPrintable(answer));
    }

    void pauseAndResumeTellTheFeed()
    {
        test::Console console;
        QVERIFY(console.start());
        take(console.local->createFeedTrigger(QStringLiteral("often"), Trigger{},
                                              QStringLiteral("/whisk.system/alarms/interval"),
                                              {{QStringLiteral("minutes"), 15}}));
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        TriggersPanel *panel = openTriggers(window);
        QTRY_VERIFY2_WITH_TIMEOUT(panel->selectTrigger(QStringLiteral("often")),
                                  qPrintable(panel->model()->errorText()), 15000);
        QAction *pause = command(panel, "pauseTrigger");
        QTRY_VERIFY(pause->isEnabled());
        QCOMPARE(pause->text(), QStringLiteral("Pause"));
        pause->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(cell(panel, QStringLiteral("often"), TriggerListModel::KindColumn),
                                  QStringLiteral("Timer (paused)"), 15000);
        const QJsonObject read = take(console.local->callFeed(QStringLiteral("/whisk.system/alarms/interval"),
                                                              FeedLifecycleEvent::Read, QStringLiteral("often")));
        QCOMPARE(read.value(QLatin1StringView("status")).toObject().value(QLatin1StringView("active")).toBool(true),
                 false);
        QTRY_COMPARE(pause->text(), QStringLiteral("Resume"));
        QTRY_VERIFY(pause->isEnabled());
        pause->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(cell(panel, QStringLiteral("often"), TriggerListModel::KindColumn),
                                  QStringLiteral("Timer"), 15000);
    }

    void fireNowPassesThePayloadToTheFunction()
    {
        test::Console console;
        QVERIFY(console.start());
        putFunction(console, QStringLiteral("echo"), kEcho);
        take(console.local->putTrigger(QStringLiteral("plain"), Trigger{}, PutOptions{}));
        link(console, QStringLiteral("plain"), QStringLiteral("echo"));
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        TriggersPanel *panel = openTriggers(window);
        QTRY_VERIFY2_WITH_TIMEOUT(panel->selectTrigger(QStringLiteral("plain")),
                                  qPrintable(panel->model()->errorText()), 15000);

        whenDialogOpens([](QWidget *dialog) {
            auto *input = qobject_cast<QInputDialog *>(dialog);
            QVERIFY(input);
            input->setTextValue(QStringLiteral("{\"n\": 7}"));
            input->accept();
        });
        command(panel, "fireTrigger")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!activationsOf(console, QStringLiteral("echo")).isEmpty(), 30000);
        QCOMPARE(activationsOf(console, QStringLiteral("echo"))
                     .first()
                     .response->result.toObject()
                     .value(QLatin1StringView("n")),
                 QJsonValue(7));
        QTRY_COMPARE_WITH_TIMEOUT(cell(panel, QStringLiteral("plain"), TriggerListModel::FiresColumn),
                                  QStringLiteral("1"), 15000);
    }

    void deleteRemovesTheTriggerItsFeedAndItsRules()
    {
        test::Console console;
        QVERIFY(console.start());
        putFunction(console, QStringLiteral("tick"), kEcho);
        take(console.local->createFeedTrigger(QStringLiteral("hourly"), Trigger{},
                                              QStringLiteral("/whisk.system/alarms/alarm"),
                                              {{QStringLiteral("cron"), QStringLiteral("0 * * * *")}}));
        link(console, QStringLiteral("hourly"), QStringLiteral("tick"));
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        TriggersPanel *panel = openTriggers(window);
        QTRY_VERIFY2_WITH_TIMEOUT(panel->selectTrigger(QStringLiteral("hourly")),
                                  qPrintable(panel->model()->errorText()), 15000);

        QString question;
        whenDialogOpens([&question](QWidget *dialog) {
            auto *box = qobject_cast<QMessageBox *>(dialog);
            QVERIFY(box);
            question = box->text();
            box->button(QMessageBox::Yes)->click();
        });
        command(panel, "deleteTrigger")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowOf(QStringLiteral("hourly")), -1, 15000);
        QVERIFY2(question.contains(QLatin1StringView("1 rule")), qPrintable(question));
        QCOMPARE(wait(console.local->getTrigger(QStringLiteral("hourly"))).error().kind, PlatformError::Kind::NotFound);
        QCOMPARE(wait(console.local->getRule(QStringLiteral("hourly-tick"))).error().kind,
                 PlatformError::Kind::NotFound);
        // The feed forgot it too: READ answers that the trigger is unknown.
        QVERIFY(!wait(console.local->callFeed(QStringLiteral("/whisk.system/alarms/alarm"), FeedLifecycleEvent::Read,
                                              QStringLiteral("hourly")))
                     .ok());
    }
};

QTEST_MAIN(TestTriggersView)
#include "TestTriggersView.moc"
