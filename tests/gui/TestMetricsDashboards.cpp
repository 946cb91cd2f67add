// The Metrics view and a function's Monitoring tab on a real local platform: functions invoked
// through the engine show up in the charts; the range, the price list and the budget are chosen
// with the widgets; a chart's point opens the activations of that moment; the data exports as CSV.

#include "ConsoleFixture.h"
#include "MetricsTraffic.h"
#include "WidgetDriving.h"
#include "support/Futures.h"

#include "models/activations/ActivationListModel.h"
#include "models/metrics/ChartData.h"
#include "models/metrics/MetricsFeed.h"
#include "models/metrics/MetricsService.h"
#include "models/metrics/PriceListSettings.h"
#include "ui/activations/ActivationsPanel.h"
#include "ui/functions/FunctionsPanel.h"
#include "ui/metrics/BarsChart.h"
#include "ui/metrics/BudgetBar.h"
#include "ui/metrics/MetricsChart.h"
#include "ui/metrics/MetricsDashboard.h"
#include "ui/metrics/MonitoringPanel.h"
#include "ui/metrics/OverviewPanel.h"
#include "ui/metrics/PowerTuningDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kNamespace = QStringLiteral("guest");

// Two functions, invoked `hello` × 4 and `sleepy` × 2 (200 ms each, 512 MB), on the real engine.
void invokeFunctions(LocalEngine &engine)
{
    Action hello;
    hello.exec = Exec::withCode(QStringLiteral("nodejs:default"),
                                QStringLiteral("function main(p) { return {hello: p.name || 'world'}; }"));
    take(engine.putAction(kNamespace, QStringLiteral("hello"), hello, {}));
    Action sleepy;
    sleepy.exec = Exec::withCode(
        QStringLiteral("nodejs:default"),
        QStringLiteral("function main() { return new Promise(r => setTimeout(() => r({ok: true}), 200)); }"));
    sleepy.limits = ActionLimits();
    sleepy.limits->memoryMb = 512;
    take(engine.putAction(kNamespace, QStringLiteral("sleepy"), sleepy, {}));
    for (int i = 0; i < 4; ++i)
        take(engine.invokeAction(kNamespace, QStringLiteral("hello"), {}, {}));
    for (int i = 0; i < 2; ++i)
        take(engine.invokeAction(kNamespace, QStringLiteral("sleepy"), {}, {}));
}

double layerSum(const MetricsChart *chart, int layer)
{
    double sum = 0.0;
    for (double value : chart->data().values.value(layer))
        sum += value;
    return sum;
}

// The first bucket with invocations, as a point on the chart's first line.
QPoint busyPoint(MetricsChart *chart)
{
    auto *line = qobject_cast<QLineSeries *>(chart->chart()->series().constFirst());
    for (int i = 0; i < line->count(); ++i) {
        if (line->at(i).y() > 0)
            return chart->mapFromScene(chart->chart()->mapToPosition(line->at(i), line));
    }
    return QPoint();
}

qint64 invocationsOf(const MetricsSeries &series, const QString &function)
{
    for (const FunctionTotals &totals : series.functions) {
        if (totals.name == function)
            return totals.invocations;
    }
    return 0;
}

// A console on a local platform whose functions ran, showing the Metrics view once its series
// has them all. (The console's own calls run too: the Triggers view asks whisk.system's
// apimgmt/getApi for the routes, an activation of its own.)
bool showOverviewWithTraffic(test::Console &console)
{
    if (!console.start())
        return false;
    invokeFunctions(*console.engine);
    MainWindow &window = *console.window;
    if (!showActive(window))
        return false;
    window.viewTabs()->setCurrentWidget(window.overviewPanel());
    const MetricsFeed *feed = window.overviewPanel()->dashboard()->feed();
    return QTest::qWaitFor(
        [feed] {
            return invocationsOf(feed->series(), QStringLiteral("hello")) == 4 &&
                   invocationsOf(feed->series(), QStringLiteral("sleepy")) == 2;
        },
        20000);
}

} // namespace

class TestMetricsDashboards : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overviewChartsInvocationsOfTheLocalPlatform()
    {
        test::Console console;
        QVERIFY(showOverviewWithTraffic(console));
        MainWindow &window = *console.window;
        MetricsChart *invocations = window.overviewPanel()->dashboard()->invocationsChart();
        const qint64 total = window.overviewPanel()->dashboard()->feed()->series().total.invocations;
        QVERIFY(total >= 6);
        QCOMPARE(layerSum(invocations, 0), double(total));
        QVERIFY(invocations->pointCount() <= invocations->plotWidth());
        QCOMPARE(layerSum(invocations, 1), 0.0); // no errors
        // Top functions by invocations: hello (4) above sleepy (2).
        BarsChart *top = window.overviewPanel()->topByInvocations();
        QTRY_COMPARE(top->labels().mid(0, 2), QStringList({QStringLiteral("hello"), QStringLiteral("sleepy")}));
        QCOMPARE(top->values().mid(0, 2), QList<double>({4.0, 2.0}));
        auto *coverage = child<QLabel>(window.overviewPanel(), "metricsCoverage");
        QVERIFY2(coverage->text().startsWith(QStringLiteral("Data since")), qPrintable(coverage->text()));
    }

    void switchingTheRangeChangesTheTimeAxis()
    {
        test::Console console;
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        window.viewTabs()->setCurrentWidget(window.overviewPanel());
        MetricsChart *chart = window.overviewPanel()->dashboard()->invocationsChart();
        const auto span = [chart] {
            return chart->timeAxis()->max().toMSecsSinceEpoch() - chart->timeAxis()->min().toMSecsSinceEpoch();
        };
        auto *range = child<QComboBox>(window.overviewPanel(), "metricsRange");
        QCOMPARE(range->currentIndex(), 0); // Live: 15 minutes
        QTRY_COMPARE_WITH_TIMEOUT(span(), qint64(15) * 60 * 1000, 15000);
        range->setFocus();
        QTest::keyClick(range, Qt::Key_Down);
        QTest::keyClick(range, Qt::Key_Down);
        QTest::keyClick(range, Qt::Key_Down); // Last 7 days
        QTRY_COMPARE_WITH_TIMEOUT(span(), qint64(7) * 24 * 3600 * 1000, 15000);
        QCOMPARE(chart->timeAxis()->format(), QStringLiteral("d MMM"));
    }

    void clickingAPointListsTheActivationsOfThatMoment()
    {
        test::Console console;
        QVERIFY(showOverviewWithTraffic(console));
        MainWindow &window = *console.window;
        MetricsChart *chart = window.overviewPanel()->dashboard()->invocationsChart();
        window.overviewPanel()->dashboard()->feed()->setActive(false); // the point stays put
        const QPoint point = busyPoint(chart);
        QVERIFY(!point.isNull());
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, point);
        QCOMPARE(window.viewTabs()->currentIndex(), 0);
        QCOMPARE(window.tabs()->currentWidget(), window.activationsPanel());
        const ActivationQuery &query = window.activationsPanel()->model()->query();
        QVERIFY(query.since && query.upto);
        QVERIFY(*query.upto - *query.since <= 3 * 60 * 1000); // the bucket and a step either side
        ActivationListModel *listed = window.activationsPanel()->model();
        QTRY_VERIFY_WITH_TIMEOUT(listed->rowCount() >= 1 && !listed->isLoading(), 15000);
        for (int row = 0; row < listed->rowCount(); ++row) {
            const qint64 start = listed->summaryAt(row).start;
            QVERIFY(start >= *query.since && start <= *query.upto);
        }
        auto *range = child<QComboBox>(window.activationsPanel(), "activationRange");
        QVERIFY2(range->currentText().startsWith(QStringLiteral("From ")), qPrintable(range->currentText()));
    }

    void choosingAnotherPriceListRepricesTheCharts()
    {
        test::Console console;
        QVERIFY(showOverviewWithTraffic(console));
        MainWindow &window = *console.window;
        BarsChart *byCost = window.overviewPanel()->topByCost();
        QTRY_VERIFY_WITH_TIMEOUT(byCost->labels().contains(QStringLiteral("hello")), 20000);
        const double awsCost = byCost->values().value(byCost->labels().indexOf(QStringLiteral("hello")));
        QVERIFY(awsCost > 0.0);
        // IBM bills in 100 ms steps: hello's short runs cost more there than with AWS's 1 ms.
        auto *prices = child<QComboBox>(window.overviewPanel(), "priceList");
        const int ibm = prices->findData(QStringLiteral("ibm-functions"));
        QVERIFY(ibm >= 0);
        prices->setFocus();
        while (prices->currentIndex() != ibm)
            QTest::keyClick(prices, prices->currentIndex() < ibm ? Qt::Key_Down : Qt::Key_Up);
        QTRY_VERIFY_WITH_TIMEOUT(byCost->values().value(byCost->labels().indexOf(QStringLiteral("hello"))) > awsCost,
                                 15000);
        QCOMPARE(window.overviewPanel()->priceList().id, QStringLiteral("ibm-functions"));
        // Saved for the connection: a console started again on the same folder prices with IBM.
        QCOMPARE(PriceListSettings::chosenId(*console.settings, ConnectionProfile::localId()),
                 QStringLiteral("ibm-functions"));
    }

    void customPricesAreValidatedSavedAndApplied()
    {
        test::Console console;
        QVERIFY(showOverviewWithTraffic(console));
        MainWindow &window = *console.window;
        BarsChart *byCost = window.overviewPanel()->topByCost();
        QTRY_VERIFY_WITH_TIMEOUT(byCost->labels().contains(QStringLiteral("sleepy")), 20000);
        const double before = byCost->values().value(byCost->labels().indexOf(QStringLiteral("sleepy")));
        auto *prices = child<QComboBox>(window.overviewPanel(), "priceList");
        auto *edit = child<QPushButton>(window.overviewPanel(), "editCustomPrices");
        QVERIFY(!edit->isEnabled()); // AWS's list is not editable
        prices->setFocus();
        while (prices->currentData().toString() != PriceList::customId())
            QTest::keyClick(prices, Qt::Key_Down);
        QTRY_VERIFY(edit->isEnabled());
        bool refused = false;
        whenDialogOpens([&refused](QWidget *dialog) {
            auto *granularity = child<QSpinBox>(dialog, "granularity");
            typeNumber(granularity, 0); // not a billing step
            auto *perGbSecond = child<QDoubleSpinBox>(dialog, "perGbSecond");
            perGbSecond->setFocus();
            QTest::keyClick(perGbSecond, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(perGbSecond, QStringLiteral("1"));
            QTest::keyClick(dialog, Qt::Key_Return);
            auto *error = child<QLabel>(dialog, "customPricesError");
            refused = dialog->isVisible() && error->isVisible() && !error->text().isEmpty();
            typeNumber(granularity, 1);
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        QTest::mouseClick(edit, Qt::LeftButton);
        QVERIFY(refused);
        // A dollar per GB-second: sleepy's 200 ms at 512 MB cost about ten cents each.
        QTRY_VERIFY_WITH_TIMEOUT(byCost->values().value(byCost->labels().indexOf(QStringLiteral("sleepy"))) > 0.1,
                                 15000);
        QVERIFY(before < 0.01);
        QCOMPARE(PriceListSettings::custom(*console.settings).pricePerGbSecond, 1.0);
        QCOMPARE(PriceListSettings::chosenId(*console.settings, ConnectionProfile::localId()), PriceList::customId());
    }

    void budgetBelowTheProjectionRaisesTheAlert()
    {
        // A generated day of traffic, priced with Alibaba's list (no free tier): the month's
        // projection is some dollars; a budget of ten cents is under it.
        test::Console console;
        QVERIFY(console.placeMetricsSnapshot(generatedDay(QDateTime::currentMSecsSinceEpoch()).save()));
        QVERIFY(console.start());
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        window.viewTabs()->setCurrentWidget(window.overviewPanel());
        auto *prices = child<QComboBox>(window.overviewPanel(), "priceList");
        const int alibaba = prices->findData(QStringLiteral("alibaba-fc3"));
        QVERIFY(alibaba >= 0);
        prices->setFocus();
        while (prices->currentIndex() != alibaba)
            QTest::keyClick(prices, prices->currentIndex() < alibaba ? Qt::Key_Down : Qt::Key_Up);
        QTRY_VERIFY_WITH_TIMEOUT(window.overviewPanel()->budgetMonitor()->month().projected > 0.1, 20000);
        QVERIFY(!window.statusBar()->currentMessage().contains(QStringLiteral("budget")));
        auto *budget = child<QDoubleSpinBox>(window.overviewPanel(), "monthlyBudget");
        budget->setFocus();
        QTest::keyClick(budget, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(budget, QStringLiteral("0.10"));
        QTest::keyClick(budget, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->currentMessage().contains(QStringLiteral("over the budget of $0.10")), 15000);
        QVERIFY2(window.overviewPanel()->budgetBar()->text().contains(QStringLiteral("Over the budget")),
                 qPrintable(window.overviewPanel()->budgetBar()->text()));
        QCOMPARE(PriceListSettings::budget(*console.settings, ConnectionProfile::localId()), 0.10);
    }

    void exportWritesTheSeriesAsCsv()
    {
        test::Console console;
        QVERIFY(showOverviewWithTraffic(console));
        MainWindow &window = *console.window;
        window.overviewPanel()->dashboard()->feed()->setActive(false);
        const QString path = console.dir.filePath(QStringLiteral("export.csv"));
        whenDialogOpens([path](QWidget *dialog) {
            auto *name = child<QLineEdit>(dialog, "fileNameEdit");
            // Set, not typed key by key: typing opens the completer's popup, which takes Return.
            name->setText(path);
            QTest::keyClick(name, Qt::Key_Return);
        });
        QTest::mouseClick(child<QPushButton>(window.overviewPanel(), "exportCsv"), Qt::LeftButton);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.constFirst(), ChartData::csvHeader());
        qint64 invocations = 0;
        for (int i = 1; i < lines.size(); ++i)
            invocations += lines.at(i).split(QLatin1Char(',')).value(1).toLongLong();
        QCOMPARE(invocations, window.overviewPanel()->dashboard()->feed()->series().total.invocations);
        QVERIFY(invocations >= 6);
        QVERIFY(window.statusBar()->currentMessage().contains(path));
    }

    void monitoringShowsOneFunction()
    {
        test::Console console;
        QVERIFY(console.start());
        invokeFunctions(*console.engine);
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("sleepy")), 15000);
        window.tabs()->setCurrentWidget(window.monitoringPanel());
        MetricsChart *chart = window.monitoringPanel()->dashboard()->invocationsChart();
        QTRY_COMPARE_WITH_TIMEOUT(layerSum(chart, 0), 2.0, 20000);
        QTRY_VERIFY(!window.monitoringPanel()->histogram()->labels().isEmpty());
        const QString starts = window.monitoringPanel()->startsText()->text();
        QVERIFY2(starts.contains(QStringLiteral("cold")), qPrintable(starts));
        const QString memory = window.monitoringPanel()->memoryText()->text();
        QVERIFY2(memory.contains(QStringLiteral("512 MB")), qPrintable(memory));
        // Another function: the charts follow it.
        QVERIFY(window.functionsPanel()->selectFunction(QStringLiteral("hello")));
        QTRY_COMPARE_WITH_TIMEOUT(layerSum(chart, 0), 4.0, 20000);
    }

    void powerTuningOpensFromMonitoringForTheSelectedFunction()
    {
        test::Console console;
        QVERIFY(console.start());
        invokeFunctions(*console.engine);
        MainWindow &window = *console.window;
        QVERIFY(showActive(window));
        auto *button = child<QPushButton>(window.monitoringPanel(), "powerTuningButton");
        QVERIFY(!button->isEnabled()); // no function selected yet
        window.functionsPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.functionsPanel()->selectFunction(QStringLiteral("sleepy")), 15000);
        window.tabs()->setCurrentWidget(window.monitoringPanel());
        QTRY_VERIFY(button->isEnabled());
        // The dialog is modal: look at it from inside its own event loop, then close it (any modal
        // widget still open after 20 s is closed so that a failure cannot hang the suite).
        QString title;
        QTimer poll;
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, this, [&title, &poll] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *dialog = qobject_cast<PowerTuningDialog *>(modal)) {
                title = dialog->windowTitle();
                dialog->reject();
                poll.stop();
            }
        });
        poll.start();
        QTimer::singleShot(20000, this, [] {
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
        });
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY2(title.contains(QStringLiteral("sleepy")), qPrintable(title));
    }
};

QTEST_MAIN(TestMetricsDashboards)
#include "TestMetricsDashboards.moc"
