#pragma once

#include "core/PriceList.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSettings;

namespace funcdesk {

class BarsChart;
class BarsChartApi;
class BudgetBar;
class BudgetMonitor;
class FunctionListModel;
class MetricsDashboard;
class MetricsService;
struct MetricsSeries;

// The console's home for a connection: every function's invocations, errors, durations,
// cold-start ratio and cost over the chosen range, the top 10 functions by cost and by
// invocations, and the month's cost against the budget. The price list (saved per connection)
// re-prices every chart at once; the monthly budget (saved per connection) raises budgetAlert
// when the projection crosses it.
class OverviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewPanel(QSettings *settings, QWidget *parent = nullptr);
    ~OverviewPanel() override;

    // The console's metrics service (nullptr = none: the panel says so).
    void setService(MetricsService *service);
    // Another connection: its price list and budget are loaded, the charts cleared and reloaded.
    void setConnection(const QString &connectionId);
    // The function list's Invocations, Errors and Cost columns follow this panel's range.
    void setFunctionList(FunctionListModel *functions);

    MetricsDashboard *dashboard() const { return m_dashboard; }
    BudgetMonitor *budgetMonitor() const { return m_budget; }
    BudgetBar *budgetBar() const { return m_budgetBar; }
    // The module's charts (ui/views/ViewApis.h), for tests.
    BarsChart *topByCost() const;
    BarsChart *topByInvocations() const;
    const PriceList &priceList() const { return m_prices; }

Q_SIGNALS:
    void pointClicked(const QDateTime &at, qint64 stepMs);
    void statusMessage(const QString &message);
    // The month's projected cost crossed the budget.
    void budgetAlert(const QString &message);

private:
    void choosePriceList(int index);
    void applyPriceList(const PriceList &prices);
    void budgetEdited();
    void editCustomPrices();
    void showSeries(const MetricsSeries &series);
    void showPriceInfo();
    void rangeChosen();

    QSettings *m_settings;
    QPointer<MetricsService> m_service;
    QString m_connectionId;
    PriceList m_prices;
    MetricsDashboard *m_dashboard;
    QComboBox *m_priceList;
    QPushButton *m_editPrices;
    QLabel *m_priceInfo;
    QDoubleSpinBox *m_budgetField;
    BarsChartApi *m_topByCost;
    BarsChartApi *m_topByInvocations;
    BudgetBar *m_budgetBar;
    BudgetMonitor *m_budget = nullptr;
    QPointer<FunctionListModel> m_functions;
};

} // namespace funcdesk
