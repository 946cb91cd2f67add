// The dashboards' chart widgets on data built in the test: what they draw, how many points they
// hold, what hovering and clicking give, and how they follow the palette.

#include "support/TestPalettes.h"

#include "models/metrics/ChartData.h"
#include "models/metrics/MetricsRange.h"
#include "ui/metrics/BarsChart.h"
#include "ui/metrics/BudgetBar.h"
#include "ui/metrics/MetricsChart.h"
#include "ui/metrics/RangeBar.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>

using namespace funcdesk;

namespace {
constexpr qint64 kFrom = 1'796'000'000'000; // Dec 2026
constexpr qint64 kMinute = 60'000;

ChartData minutes(int buckets, QList<QList<double>> values, QStringList names)
{
    ChartData data;
    data.fromMs = kFrom;
    data.stepMs = kMinute;
    data.toMs = kFrom + buckets * kMinute;
    data.names = std::move(names);
    data.values = std::move(values);
    return data;
}

QList<double> ramp(int count, double step = 1.0)
{
    QList<double> values;
    for (int i = 0; i < count; ++i)
        values.append(i * step);
    return values;
}
} // namespace

class TestMetricsCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineChartHoldsNoMorePointsThanItsPlotIsWide()
    {
        MetricsChart chart(QStringLiteral("Invocations"), MetricsChart::Style::Lines);
        chart.resize(420, 260);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setData(minutes(5000, {ramp(5000), ramp(5000, 2.0)}, {QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY2(chart.pointCount() <= chart.plotWidth(),
                 qPrintable(QStringLiteral("%1 > %2").arg(chart.pointCount()).arg(chart.plotWidth())));
        QVERIFY(chart.pointCount() > chart.plotWidth() / 2); // averaged down, not dropped
        QCOMPARE(chart.chart()->series().size(), 2);
        // Averaging keeps the level: the mean of the first run of a ramp is in the middle of it.
        const auto *line = qobject_cast<QLineSeries *>(chart.chart()->series().constFirst());
        const int factor = (5000 + chart.plotWidth() - 1) / chart.plotWidth();
        QCOMPARE(line->at(0).y(), (factor - 1) / 2.0);
        // Counts add up instead: the merged buckets hold every invocation.
        ChartData counts = minutes(5000, {QList<double>(5000, 1.0)}, {QStringLiteral("Invocations")});
        counts.additive = true;
        chart.setData(counts);
        double total = 0.0;
        for (double value : chart.data().values.constFirst())
            total += value;
        QCOMPARE(total, 5000.0);
    }

    void smallSeriesAreDrawnPointForPoint()
    {
        MetricsChart chart(QStringLiteral("Invocations"), MetricsChart::Style::Lines);
        chart.resize(600, 300);
        chart.setData(minutes(15, {ramp(15)}, {QStringLiteral("Invocations")}));
        QCOMPARE(chart.pointCount(), 15);
        const auto *line = qobject_cast<QLineSeries *>(chart.chart()->series().constFirst());
        QCOMPARE(line->at(7).y(), 7.0);
        // Each point sits in the middle of its bucket, in ms since the epoch.
        QCOMPARE(qint64(line->at(7).x()), kFrom + 7 * kMinute + kMinute / 2);
    }

    void timeAxisCoversTheDataRange()
    {
        MetricsChart chart(QStringLiteral("Invocations"), MetricsChart::Style::Lines);
        chart.setData(minutes(60, {ramp(60)}, {QStringLiteral("Invocations")}));
        QCOMPARE(chart.timeAxis()->min().toMSecsSinceEpoch(), kFrom);
        QCOMPARE(chart.timeAxis()->max().toMSecsSinceEpoch(), kFrom + 60 * kMinute);
        ChartData day = minutes(24, {ramp(24)}, {QStringLiteral("Invocations")});
        day.stepMs = 3600'000;
        day.toMs = kFrom + 24 * 3600'000;
        chart.setData(day);
        QCOMPARE(chart.timeAxis()->max().toMSecsSinceEpoch(), kFrom + 24 * 3600'000);
        QCOMPARE(chart.timeAxis()->format(), QStringLiteral("ddd HH:mm"));
    }

    void stackedAreasAddUpTheLayers()
    {
        MetricsChart chart(QStringLiteral("Cost"), MetricsChart::Style::StackedArea);
        chart.setData(minutes(3, {{1, 2, 3}, {10, 20, 30}}, {QStringLiteral("resize"), QStringLiteral("report")}));
        const QList<QAbstractSeries *> series = chart.chart()->series();
        QCOMPARE(series.size(), 2);
        const auto *top = qobject_cast<QAreaSeries *>(series.at(1));
        QVERIFY(top && top->lowerSeries());
        QCOMPARE(top->upperSeries()->at(2).y(), 33.0);
        QCOMPARE(top->lowerSeries()->at(2).y(), 3.0);
        // The tooltip gives the layer's own value, not the stacked height.
        QVERIFY2(chart.tooltipText(1, 2).endsWith(QStringLiteral("report: 30")), qPrintable(chart.tooltipText(1, 2)));
    }

    void tooltipShowsTheExactValueWithItsUnit()
    {
        MetricsChart chart(QStringLiteral("Durations"), MetricsChart::Style::Lines);
        chart.setValueText([](double ms) { return QStringLiteral("%1 ms").arg(ms); });
        chart.setData(minutes(4, {{5, 6, 7.25, 8}}, {QStringLiteral("p99")}));
        const QString text = chart.tooltipText(0, 2);
        QVERIFY2(text.endsWith(QStringLiteral("p99: 7.25 ms")), qPrintable(text));
        QVERIFY(chart.tooltipText(0, 9).isEmpty());
    }

    void clickingAPointGivesItsBucket()
    {
        MetricsChart chart(QStringLiteral("Invocations"), MetricsChart::Style::Lines);
        chart.resize(600, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setData(minutes(10, {{4, 4, 4, 4, 4, 4, 4, 4, 4, 4}}, {QStringLiteral("Invocations")}));
        QSignalSpy clicked(&chart, &MetricsChart::pointClicked);
        // A real click on the line, at the middle of the fourth bucket.
        auto *line = qobject_cast<QLineSeries *>(chart.chart()->series().constFirst());
        const QPointF scene = chart.chart()->mapToPosition(line->at(3), line);
        const QPoint pos = chart.mapFromScene(scene);
        QTest::mouseClick(chart.viewport(), Qt::LeftButton, {}, pos);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).toDateTime().toMSecsSinceEpoch(), kFrom + 3 * kMinute);
        QCOMPARE(clicked.at(0).at(1).toLongLong(), kMinute);
    }

    void chartFollowsALightOrDarkPalette()
    {
        MetricsChart chart(QStringLiteral("Invocations"), MetricsChart::Style::Lines);
        chart.setPalette(test::darkPalette());
        QCOMPARE(chart.chart()->theme(), QChart::ChartThemeDark);
        QCOMPARE(chart.chart()->titleBrush().color(), test::darkPalette().color(QPalette::WindowText));
        QPalette light;
        light.setColor(QPalette::Window, Qt::white);
        light.setColor(QPalette::WindowText, Qt::black);
        chart.setPalette(light);
        QCOMPARE(chart.chart()->theme(), QChart::ChartThemeLight);
        QFont big = chart.font();
        big.setPointSizeF(big.pointSizeF() * 2);
        chart.setFont(big);
        QCOMPARE(chart.chart()->titleFont().pointSizeF(), big.pointSizeF());
    }

    void barsListTheFirstOnTop()
    {
        BarsChart bars(QStringLiteral("Top"), Qt::Horizontal);
        bars.setBars({QStringLiteral("big"), QStringLiteral("small")}, {9.0, 1.0});
        auto *categories = qobject_cast<QBarCategoryAxis *>(bars.chart()->axes(Qt::Vertical).constFirst());
        QVERIFY(categories);
        // Horizontal bars are drawn bottom up: the last category is the top one.
        QCOMPARE(categories->categories().constLast(), QStringLiteral("big"));
        QCOMPARE(bars.tooltipText(0), QStringLiteral("big: 9"));
    }

    void budgetBarSaysWhetherTheProjectionIsOverTheBudget()
    {
        BudgetBar bar;
        MonthCost month;
        month.month = QDate(2026, 12, 1);
        month.toDate = 4.0;
        month.projected = 20.0;
        bar.setMonth(month, 10.0, QStringLiteral("USD"));
        QVERIFY(bar.isOverBudget());
        QVERIFY2(bar.text().contains(QStringLiteral("$20.00 projected")), qPrintable(bar.text()));
        QVERIFY2(bar.text().contains(QStringLiteral("Over the budget of $10.00")), qPrintable(bar.text()));
        bar.setMonth(month, 25.0, QStringLiteral("USD"));
        QVERIFY(!bar.isOverBudget());
    }

    void rangeBarOffersCustomFromAndTo()
    {
        RangeBar bar;
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QSignalSpy changed(&bar, &RangeBar::rangeChanged);
        auto *range = bar.findChild<QComboBox *>(QStringLiteral("metricsRange"));
        auto *from = bar.findChild<QDateTimeEdit *>(QStringLiteral("metricsFrom"));
        QVERIFY(range && from);
        QVERIFY(!from->isVisible());
        range->setFocus();
        QTest::keyClick(range, Qt::Key_Down); // Live → Last hour
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<MetricsRange>(), MetricsRange::LastHour);
        bar.setRange(MetricsRange::Custom);
        QVERIFY(from->isVisible());
        QCOMPARE(changed.constLast().at(0).value<MetricsRange>(), MetricsRange::Custom);
        const TimeSpan custom = changed.constLast().at(1).value<TimeSpan>();
        QVERIFY(custom.isValid());
    }

    void moneyKeepsSmallAmountsReadable()
    {
        QCOMPARE(ChartData::money(12.345, QStringLiteral("USD")), QStringLiteral("$12.35"));
        QCOMPARE(ChartData::money(0.000123, QStringLiteral("USD")), QStringLiteral("$0.000123"));
        QCOMPARE(ChartData::money(0.0, QStringLiteral("USD")), QStringLiteral("$0.00"));
        QCOMPARE(ChartData::money(3.5, QStringLiteral("CNY")), QStringLiteral("3.50 CNY"));
    }

    void rangesCoverTheirLengthUpToNow()
    {
        const qint64 now = kFrom;
        QCOMPARE(MetricsRanges::spanOf(MetricsRange::Live, now).lengthMs(), 15 * kMinute);
        QCOMPARE(MetricsRanges::spanOf(MetricsRange::LastWeek, now).toMs, now);
        QCOMPARE(MetricsRanges::spanOf(MetricsRange::LastMonth, now).lengthMs(), 30 * 24 * 60 * kMinute);
        const TimeSpan custom{now - 5, now - 1};
        QCOMPARE(MetricsRanges::spanOf(MetricsRange::Custom, now, custom), custom);
        for (MetricsRange range : MetricsRanges::all())
            QCOMPARE(MetricsRanges::fromKey(MetricsRanges::key(range)), range);
        QCOMPARE(MetricsRanges::fromKey(QStringLiteral("bogus")), MetricsRange::Live);
    }
};

QTEST_MAIN(TestMetricsCharts)
#include "TestMetricsCharts.moc"
