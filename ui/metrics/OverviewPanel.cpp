#include "ui/metrics/OverviewPanel.h"

#include "models/functions/FunctionListModel.h"
#include "models/metrics/ChartData.h"
#include "models/metrics/DashboardSettings.h"
#include "models/metrics/MetricsFeed.h"
#include "models/metrics/MetricsService.h"
#include "models/metrics/PriceListSettings.h"
#include "ui/metrics/BudgetBar.h"
#include "ui/metrics/CustomPricesDialog.h"
#include "ui/metrics/MetricsDashboard.h"
#include "ui/metrics/RangeBar.h"
#include "ui/views/Views.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>

namespace funcdesk {

namespace {
constexpr int kTopFunctions = 10;
} // namespace

BarsChart *OverviewPanel::topByCost() const
{
    return m_topByCost->barsChart();
}

BarsChart *OverviewPanel::topByInvocations() const
{
    return m_topByInvocations->barsChart();
}

OverviewPanel::OverviewPanel(QSettings *settings, QWidget *parent) : QWidget(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("overviewPanel"));
    m_dashboard = new MetricsDashboard(this);

    m_priceList = new QComboBox(this);
    m_priceList->setObjectName(QStringLiteral("priceList"));
    for (const PriceList &prices : PriceList::presets())
        m_priceList->addItem(prices.name, prices.id);
    m_editPrices = new QPushButton(tr("Edit custom prices…"), this);
    m_editPrices->setObjectName(QStringLiteral("editCustomPrices"));
    m_priceInfo = new QLabel(this);
    m_priceInfo->setObjectName(QStringLiteral("priceInfo"));
    m_priceInfo->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_priceInfo->setOpenExternalLinks(true);
    m_budgetField = new QDoubleSpinBox(this);
    m_budgetField->setObjectName(QStringLiteral("monthlyBudget"));
    m_budgetField->setRange(0.0, 1e9);
    m_budgetField->setDecimals(2);
    m_budgetField->setSpecialValueText(tr("None"));
    m_budgetField->setKeyboardTracking(false);
    QHBoxLayout *extras = m_dashboard->rangeBar()->extras();
    auto *priceLabel = new QLabel(tr("&Price list:"), this);
    priceLabel->setBuddy(m_priceList);
    extras->addWidget(priceLabel);
    extras->addWidget(m_priceList);
    extras->addWidget(m_editPrices);
    extras->addWidget(m_priceInfo, 1);
    auto *budgetLabel = new QLabel(tr("Monthly &budget:"), this);
    budgetLabel->setBuddy(m_budgetField);
    extras->addWidget(budgetLabel);
    extras->addWidget(m_budgetField);

    m_topByCost = views::createBarsChart(tr("Top functions by cost"), Qt::Horizontal, this);
    m_topByCost->widget()->setObjectName(QStringLiteral("topByCost"));
    m_topByCost->setValueText([this](double amount) { return ChartData::money(amount, m_prices.currency); });
    m_topByInvocations = views::createBarsChart(tr("Top functions by invocations"), Qt::Horizontal, this);
    m_topByInvocations->widget()->setObjectName(QStringLiteral("topByInvocations"));
    m_topByInvocations->setValueText([](double count) { return QLocale().toString(qint64(count)); });
    m_budgetBar = new BudgetBar(this);
    m_budgetBar->setObjectName(QStringLiteral("budgetBar"));
    QGridLayout *grid = m_dashboard->grid();
    const int row = m_dashboard->extrasRow();
    grid->addWidget(m_topByCost->widget(), row, 0);
    grid->addWidget(m_topByInvocations->widget(), row, 1);
    auto *monthTitle = new QLabel(tr("<b>This month</b>"), this);
    grid->addWidget(monthTitle, row + 1, 0, 1, 2);
    grid->addWidget(m_budgetBar, row + 2, 0, 1, 2);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dashboard);

    connect(m_dashboard, &MetricsDashboard::pointClicked, this, &OverviewPanel::pointClicked);
    connect(m_dashboard, &MetricsDashboard::statusMessage, this, &OverviewPanel::statusMessage);
    connect(m_dashboard->feed(), &MetricsFeed::seriesChanged, this, &OverviewPanel::showSeries);
    connect(m_dashboard->feed(), &MetricsFeed::cleared, this, [this] {
        m_topByCost->setBars({}, {});
        m_topByInvocations->setBars({}, {});
    });
    connect(m_priceList, &QComboBox::activated, this, &OverviewPanel::choosePriceList);
    connect(m_editPrices, &QPushButton::clicked, this, &OverviewPanel::editCustomPrices);
    connect(m_budgetField, &QDoubleSpinBox::valueChanged, this, &OverviewPanel::budgetEdited);
    if (m_settings)
        m_dashboard->rangeBar()->setRange(MetricsRanges::fromKey(DashboardSettings::range().get(*m_settings)));
    connect(m_dashboard->rangeBar(), &RangeBar::rangeChanged, this, &OverviewPanel::rangeChosen);
    applyPriceList(PriceList::presets().constFirst());
}

OverviewPanel::~OverviewPanel() = default;

void OverviewPanel::setService(MetricsService *service)
{
    m_service = service;
    delete m_budget;
    m_budget = nullptr;
    if (service) {
        m_budget = new BudgetMonitor(service, this);
        connect(m_budget, &BudgetMonitor::monthChanged, this, [this](const MonthCost &month) {
            m_budgetBar->setMonth(month, m_budget->budget(), m_prices.currency);
        });
        connect(m_budget, &BudgetMonitor::budgetExceeded, this, [this](double projected, double budget) {
            Q_EMIT budgetAlert(
                tr("This month's cost is projected at %1, over the budget of %2.")
                    .arg(ChartData::money(projected, m_prices.currency), ChartData::money(budget, m_prices.currency)));
        });
    }
    m_dashboard->setService(service);
}

void OverviewPanel::setConnection(const QString &connectionId)
{
    m_connectionId = connectionId;
    if (m_settings) {
        applyPriceList(PriceListSettings::chosen(*m_settings, connectionId));
        const QSignalBlocker blocker(m_budgetField);
        m_budgetField->setValue(PriceListSettings::budget(*m_settings, connectionId));
    }
    if (m_budget)
        m_budget->setBudget(m_budgetField->value());
    m_budgetBar->setMonth(m_budget ? m_budget->month() : MonthCost(), m_budgetField->value(), m_prices.currency);
    m_dashboard->feed()->reset();
    if (m_budget)
        m_budget->checkNow();
}

void OverviewPanel::setFunctionList(FunctionListModel *functions)
{
    m_functions = functions;
    if (functions)
        functions->setMetrics(m_service);
    rangeChosen();
}

void OverviewPanel::rangeChosen()
{
    const RangeBar *bar = m_dashboard->rangeBar();
    if (m_settings)
        DashboardSettings::range().set(*m_settings, MetricsRanges::key(bar->range()));
    if (!m_functions)
        return;
    const bool custom = bar->range() == MetricsRange::Custom;
    const TimeSpan span = MetricsRanges::spanOf(bar->range(), QDateTime::currentMSecsSinceEpoch(), bar->customSpan());
    // A range up to now keeps its length and ends at each query (toMs 0).
    m_functions->setMetricsRange(span.fromMs, custom ? span.toMs : 0, MetricsRanges::isMoving(bar->range()));
}

void OverviewPanel::choosePriceList(int index)
{
    const QString id = m_priceList->itemData(index).toString();
    if (m_settings && !m_connectionId.isEmpty())
        PriceListSettings::choose(*m_settings, m_connectionId, id);
    const PriceList prices = m_settings ? PriceListSettings::chosen(*m_settings, m_connectionId) : PriceList::byId(id);
    applyPriceList(prices);
    Q_EMIT statusMessage(tr("Costs are now priced with %1.").arg(prices.name));
}

void OverviewPanel::applyPriceList(const PriceList &prices)
{
    m_prices = prices;
    const QSignalBlocker blocker(m_priceList);
    m_priceList->setCurrentIndex(std::max(0, m_priceList->findData(prices.id)));
    m_editPrices->setEnabled(prices.id == PriceList::customId());
    m_dashboard->setCurrency(prices.currency);
    showPriceInfo();
    if (m_service) {
        m_service->setPriceList(prices);
        m_dashboard->feed()->refresh(); // every chart re-priced at once
        if (m_budget)
            m_budget->checkNow();
    }
}

void OverviewPanel::showPriceInfo()
{
    QStringList facts;
    if (!m_prices.region.isEmpty())
        facts.append(m_prices.region);
    if (m_prices.takenOn.isValid())
        facts.append(tr("prices of %1").arg(QLocale().toString(m_prices.takenOn, QLocale::ShortFormat)));
    QString text = facts.join(QStringLiteral(" · ")).toHtmlEscaped();
    if (!m_prices.source.isEmpty())
        text += QStringLiteral(" · <a href=\"%1\">%2</a>").arg(m_prices.source.toHtmlEscaped(), tr("source"));
    m_priceInfo->setText(text);
}

void OverviewPanel::budgetEdited()
{
    const double amount = m_budgetField->value();
    if (m_settings && !m_connectionId.isEmpty()) {
        const QString error = PriceListSettings::setBudget(*m_settings, m_connectionId, amount);
        if (!error.isEmpty())
            Q_EMIT statusMessage(error);
    }
    if (m_budget) {
        m_budget->setBudget(amount);
        m_budgetBar->setMonth(m_budget->month(), amount, m_prices.currency);
        m_budget->checkNow();
    }
}

void OverviewPanel::editCustomPrices()
{
    if (!m_settings)
        return;
    CustomPricesDialog dialog(PriceListSettings::custom(*m_settings), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The dialog accepts only a list validate() takes: saving cannot fail on its figures.
    const QString error = PriceListSettings::setCustom(*m_settings, dialog.priceList());
    if (!error.isEmpty()) {
        Q_EMIT statusMessage(error);
        return;
    }
    if (!m_connectionId.isEmpty())
        PriceListSettings::choose(*m_settings, m_connectionId, PriceList::customId());
    applyPriceList(PriceListSettings::custom(*m_settings));
    Q_EMIT statusMessage(tr("Custom prices saved."));
}

void OverviewPanel::showSeries(const MetricsSeries &series)
{
    QStringList labels;
    QList<double> values;
    for (const FunctionTotals &function : series.functions) {
        if (labels.size() == kTopFunctions)
            break;
        labels.append(function.name);
        values.append(function.cost);
    }
    m_topByCost->setBars(labels, values);
    QList<FunctionTotals> byInvocations = series.functions;
    std::stable_sort(byInvocations.begin(), byInvocations.end(),
                     [](const FunctionTotals &a, const FunctionTotals &b) { return a.invocations > b.invocations; });
    labels.clear();
    values.clear();
    for (const FunctionTotals &function : std::as_const(byInvocations)) {
        if (labels.size() == kTopFunctions)
            break;
        labels.append(function.name);
        values.append(double(function.invocations));
    }
    m_topByInvocations->setBars(labels, values);
}

} // namespace funcdesk
