#pragma once

#include "core/Platform.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QLabel;

namespace funcdesk {

class BarsChart;
class Executor;
class MetricsDashboard;
class MetricsService;
struct MetricsSeries;

// The Monitoring tab of one function: the Overview's charts for that function, a duration
// histogram, cold against warm starts, memory used against configured (with a hint when the
// peak stays under half of it). (Power tuning's button comes with the PowerTuningDialog.)
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
    BarsChart *histogram() const { return m_histogram; }
    QLabel *startsText() const { return m_starts; }
    QLabel *memoryText() const { return m_memory; }

Q_SIGNALS:
    void pointClicked(const QDateTime &at, qint64 stepMs);
    void statusMessage(const QString &message);

private:
    void showSeries(const MetricsSeries &series);
    void clearFacts();

    QPointer<Platform> m_platform;
    Executor *m_executor = nullptr;
    QString m_connectionId;
    QString m_function;
    MetricsDashboard *m_dashboard;
    BarsChart *m_histogram;
    QLabel *m_starts;
    QLabel *m_memory;
};

} // namespace funcdesk
