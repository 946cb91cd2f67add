// Issue 16: when the local platform cannot start (here: its data folder cannot be created), the
// window still comes up and says so where the user looks — a bar over the function list with
// the reason and Retry — not only in the status bar; Retry starts it once the cause is gone.

#include "WidgetDriving.h"

#include "app/funcdesk/ConsoleRuntime.h"
#include "models/connections/ConnectionManager.h"
#include "ui/connections/InlineMessage.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/shell/MainWindow.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

constexpr int kWaitMs = 20000;

} // namespace

class TestPlatformStartProblem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPlatformThatCannotStartIsShownOverTheFunctionListWithRetry()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("blocker"))); // a file where the data folder's parent goes
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        ConsoleOptions options;
        options.dataDir = dir.filePath(QStringLiteral("blocker/data"));
        options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
        options.preferredPort = 0;
        options.stemCellsPerRuntime = 0;

        // As the program starts: the quick part, the window, the platform behind it.
        auto opened = ConsoleRuntime::open(options);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message)); // the window comes up anyway
        std::unique_ptr<ConsoleRuntime> runtime = std::move(opened).value();
        MainWindow window(runtime->context());
        QVERIFY(showActive(window));
        runtime->startPlatformBehind(window);

        auto *bar = child<QWidget>(&window, "platformProblemBar");
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), kWaitMs);
        const QString text = child<InlineMessage>(bar, "platformProblemMessage")->text();
        QVERIFY2(text.contains(QLatin1StringView("cannot be created")) && text.contains(options.dataDir),
                 qPrintable(text));
        QVERIFY(!runtime->platformStarted());
        // The connection's status says so too, not "starting…".
        auto *status = child<QLabel>(&window, "connectionStatus");
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QLatin1StringView("could not start")),
                                  qPrintable(status->text()), kWaitMs);
        // Over the function list, as wide as the window's views.
        QWidget *list = window.functionsPanel();
        QVERIFY(bar->mapTo(&window, QPoint(0, bar->height())).y() <= list->mapTo(&window, QPoint(0, 0)).y());
        QVERIFY(bar->width() >= list->width());

        // The cause gone, Retry starts the platform and the bar goes.
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("blocker"))));
        QTest::mouseClick(child<QPushButton>(bar, "retryPlatformButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(runtime->platformStarted(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isHidden(), kWaitMs);
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("The local platform is ready."));
        QVERIFY(runtime->context().connections->current()); // the Local connection has its platform
    }
};

QTEST_MAIN(TestPlatformStartProblem)
#include "TestPlatformStartProblem.moc"
