#pragma once

#include "core/Platform.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace funcdesk {

class BarsChart;
class BarsChartApi;
class Executor;
class MetricsDashboard;
class MetricsService;
struct MetricsSeries;

// The Monitoring tab of one function: the Overview's charts for that function, a duration
// histogram, cold against warm starts, memory used against configured (with a hint when the
// peak stays under half of it), and the Power tuning button that opens PowerTuningDialog.
class MonitoringPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MonitoringPanel(QWidget *parent = nullptr);

    void setService(MetricsService *service);
    // For Power tuning on the local executor.
    void setLocalExecutor(Executor *executor) { m_executor = executor; }
    // The function shown ("" = none selected: the panel says so).
    void setContext(Platform *platform, const QString &connectionId, const QString &function);

    MetricsDashboard *dashboard() const { return m_dashboard; }
    BarsChart *histogram() const; // the module's chart (ui/views/ViewApis.h), for tests
    QLabel *startsText() const { return m_starts; }
    QLabel *memoryText() const { return m_memory; }
    QPushButton *powerTuningButton() const { return m_tune; }

Q_SIGNALS:
    void pointClicked(const QDateTime &at, qint64 stepMs);
    void statusMessage(const QString &message);
    // Power tuning applied a setting: the function's new document.
    void functionChanged(const funcdesk::Action &action);

private:
    void showSeries(const MetricsSeries &series);
    void clearFacts();
    void openPowerTuning();

    QPointer<Platform> m_platform;
    Executor *m_executor = nullptr;
    QString m_connectionId;
    QString m_function;
    MetricsDashboard *m_dashboard;
    BarsChartApi *m_histogram;
    QLabel *m_starts;
    QLabel *m_memory;
    QPushButton *m_tune;
};

} // namespace funcdesk
