// Issue 16, "Responsive at scale", through the console's widgets:
// - the window shows before the local platform: the status bar says it is starting, the panels
//   are empty and Refresh does nothing harmful until it is up; then the functions are there;
// - a second console on the same data folder runs no platform of its own but the first one's:
//   a function made in one shows in the other after Refresh, and only one engine runs (the one
//   that fires timer triggers); once the first has quit, the next console runs the platform;
// - filter-as-you-type and sorting by a header click show the right rows and keep the selection.

#include "ConsoleFixture.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "ui/functions/FunctionsPanel.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTest>
#include <QTreeView>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

constexpr int kWaitMs = 20000;

ConsoleOptions optionsFor(const QString &dataDir, const QString &settingsFile)
{
    ConsoleOptions options;
    options.dataDir = dataDir;
    options.settingsFile = settingsFile;
    options.preferredPort = 0;
    options.stemCellsPerRuntime = 0;
    return options;
}

Action nodeAction()
{
    Action action;
    action.exec = Exec::withCode(QStringLiteral("nodejs:20"), QStringLiteral("function main() { return {}; }"));
    return action;
}

// The function names the list shows, top to bottom.
QStringList shownNames(MainWindow &window)
{
    auto *view = child<QTreeView>(&window, "functionList");
    QStringList names;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        names << view->model()->index(row, 0).data().toString();
    return names;
}

void pressRefresh(MainWindow &window)
{
    QApplication::setActiveWindow(&window);
    QTest::keyClick(child<QTreeView>(&window, "functionList"), Qt::Key_F5);
}

} // namespace

class TestPolishScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowShowsBeforeTheLocalPlatform()
    {
        QTemporaryDir dir;
        auto opened = ConsoleRuntime::open(optionsFor(dir.path(), dir.filePath(QStringLiteral("settings.ini"))));
        QVERIFY(opened);
        std::unique_ptr<ConsoleRuntime> runtime = std::move(opened).value();
        QVERIFY(!runtime->platformStarted()); // nothing slow before the window
        // Not even the data folder's lock: QLockFile syncs it to disk (fdatasync) as it takes it.
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("console.lock"))));
        MainWindow window(runtime->context());
        bool startedAtFirstFrame = true;
        std::optional<bool> ready;
        window.resize(1366, 768);
        window.show();
        runtime->startPlatformBehind(
            window, [&] { startedAtFirstFrame = runtime->platformStarted(); },
            [&](const Result<Done> &started) { ready = started.ok(); });
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Starting the local platform…"));
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(shownNames(window).isEmpty());
        QVERIFY2(child<QLabel>(&window, "connectionStatus")->text().contains(QLatin1StringView("is starting")),
                 qPrintable(child<QLabel>(&window, "connectionStatus")->text())); // not a bare "offline"
        pressRefresh(window); // no platform yet: nothing to list, nothing breaks

        QTRY_VERIFY_WITH_TIMEOUT(ready.has_value(), kWaitMs);
        QVERIFY(*ready);
        QVERIFY(!startedAtFirstFrame); // the first frame came before the platform
        QVERIFY(runtime->platformStarted());
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("The local platform is ready."));
        QVERIFY(runtime->context().localExecutor != nullptr);
        QVERIFY(wait(runtime->localPlatform().putAction(QStringLiteral("late"), nodeAction(), PutOptions{})));
        pressRefresh(window);
        QTRY_COMPARE_WITH_TIMEOUT(shownNames(window), QStringList{QStringLiteral("late")}, kWaitMs);
    }

    void secondConsoleUsesTheFirstOnesPlatform()
    {
        QTemporaryDir dir;
        auto first = ConsoleRuntime::start(optionsFor(dir.path(), dir.filePath(QStringLiteral("first.ini"))));
        QVERIFY(first);
        auto second = ConsoleRuntime::start(optionsFor(dir.path(), dir.filePath(QStringLiteral("second.ini"))));
        QVERIFY2(second, second ? "" : qPrintable(second.error().message));
        QVERIFY(first.value()->ownsPlatform());
        QVERIFY(!second.value()->ownsPlatform()); // one engine: one set of timer triggers firing
        QVERIFY(second.value()->context().localExecutor == nullptr);
        QCOMPARE(QFile(dir.filePath(QStringLiteral("console-server.json"))).permissions() & 0x0077,
                 QFileDevice::Permissions()); // the key is the user's alone

        auto firstWindowOwned = std::make_unique<MainWindow>(first.value()->context());
        auto secondWindowOwned = std::make_unique<MainWindow>(second.value()->context());
        MainWindow &firstWindow = *firstWindowOwned;
        MainWindow &secondWindow = *secondWindowOwned;
        QVERIFY(showActive(firstWindow));
        QVERIFY(showActive(secondWindow));
        // Made in the first console, seen in the second after Refresh; and the other way round.
        QVERIFY(wait(
            first.value()->localPlatform().putAction(QStringLiteral("made-in-first"), nodeAction(), PutOptions{})));
        pressRefresh(secondWindow);
        QTRY_VERIFY_WITH_TIMEOUT(shownNames(secondWindow).contains(QStringLiteral("made-in-first")), kWaitMs);
        QVERIFY(wait(second.value()->context().connections->current()->putAction(QStringLiteral("made-in-second"),
                                                                                 nodeAction(), PutOptions{})));
        pressRefresh(firstWindow);
        QTRY_VERIFY_WITH_TIMEOUT(shownNames(firstWindow).contains(QStringLiteral("made-in-second")), kWaitMs);

        // Once the first console has quit, the next one runs the platform, with what was made.
        secondWindowOwned.reset();
        firstWindowOwned.reset();
        second.value().reset();
        first.value().reset();
        auto next = ConsoleRuntime::start(optionsFor(dir.path(), dir.filePath(QStringLiteral("first.ini"))));
        QVERIFY(next);
        QVERIFY(next.value()->ownsPlatform());
        const auto listed = wait(next.value()->localPlatform().listActions(ListOptions{}));
        QVERIFY(listed);
        QCOMPARE(listed->size(), 2);
    }

    void filterAndSortKeepTheSelection()
    {
        test::Console console;
        QVERIFY(console.start());
        const QStringList names{QStringLiteral("api-auth"),   QStringLiteral("api-billing"),
                                QStringLiteral("thumbnail"),  QStringLiteral("API-export"),
                                QStringLiteral("report"),     QStringLiteral("pay-api-9"),
                                QStringLiteral("ingest-main")};
        for (const QString &name : names)
            QVERIFY(wait(console.local->putAction(name, nodeAction(), PutOptions{})));
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        pressRefresh(window);
        QTRY_COMPARE_WITH_TIMEOUT(shownNames(window).size(), names.size(), kWaitMs);
        QVERIFY(window.functionsPanel()->selectFunction(QStringLiteral("api-billing")));
        auto *view = child<QTreeView>(&window, "functionList");
        const auto selected = [view] {
            const QModelIndexList rows = view->selectionModel()->selectedRows();
            return rows.size() == 1 ? rows.first().data().toString() : QString();
        };

        auto *filter = child<QLineEdit>(&window, "functionFilter");
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("a"));
        QTest::keyClicks(filter, QStringLiteral("p"));
        QTest::keyClicks(filter, QStringLiteral("i")); // each keystroke narrows the rows shown
        QCOMPARE(shownNames(window), (QStringList{QStringLiteral("api-auth"), QStringLiteral("api-billing"),
                                                  QStringLiteral("API-export"), QStringLiteral("pay-api-9")}));
        QCOMPARE(selected(), QStringLiteral("api-billing"));
        QTest::keyClicks(filter, QStringLiteral("-b"));
        QCOMPARE(shownNames(window), QStringList{QStringLiteral("api-billing")});
        QTest::keyClick(filter, Qt::Key_Backspace);
        QTest::keyClick(filter, Qt::Key_Backspace); // widening again: "api"
        QCOMPARE(shownNames(window).size(), 4);
        QCOMPARE(selected(), QStringLiteral("api-billing"));

        // A click on the Name header sorts descending; the selection stays on its function.
        QHeaderView *header = view->header();
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(0) + header->sectionSize(0) / 2, header->height() / 2));
        QCOMPARE(shownNames(window), (QStringList{QStringLiteral("pay-api-9"), QStringLiteral("API-export"),
                                                  QStringLiteral("api-billing"), QStringLiteral("api-auth")}));
        QCOMPARE(selected(), QStringLiteral("api-billing"));
        filter->clear();
        QCOMPARE(shownNames(window).size(), names.size());
        QCOMPARE(shownNames(window).first(), QStringLiteral("thumbnail"));
        QCOMPARE(selected(), QStringLiteral("api-billing"));
    }
};

QTEST_MAIN(TestPolishScale)
#include "TestPolishScale.moc"
