#pragma once

#include "core/Action.h"
#include "core/CostModel.h"
#include "core/Platform.h"
#include "models/testing/CompareReport.h"
#include "models/testing/RunReport.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace funcdesk {

class Executor;

// Runs a test payload against one function: locally on the built-in executor with the editor's
// current code, on the platform against the deployed version, or both to compare. Asynchronous;
// every run that started ends with exactly one runFinished() or compareFinished(). Cancelling
// ends a local run at once (Executor::cancel kills its process tree); a run on the platform
// goes on there, only the waiting stops.
class TestRunner : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Local, Platform, Compare };

    explicit TestRunner(QObject *parent = nullptr);

    void setPlatform(Platform *platform);
    void setExecutor(Executor *executor);
    // The function and its deployed document (limits, default parameters, exec).
    void setFunction(const QString &name, const Action &deployed);
    void setCostModel(CostModel costs) { m_costs = std::move(costs); }
    // How long to keep looking for an activation after the platform's blocking wait ran out,
    // beyond the action's timeout.
    void setLateActivationGraceMs(qint64 ms) { m_graceMs = ms; }

    // A sequence has no code of its own: it runs on the platform only.
    bool canRunLocally() const { return m_executor != nullptr && !m_name.isEmpty() && !isSequence(); }
    bool isSequence() const;
    bool canRunOnPlatform() const { return m_platform != nullptr && !m_name.isEmpty(); }
    bool isRunning() const { return m_running.has_value(); }

    // Each returns false, doing nothing, while another run is in progress. Otherwise a report
    // follows (a NotStarted one for an invalid payload or a missing executor / platform).
    // An empty `kind` means the deployed action's kind.
    bool runLocally(const QString &code, const QString &kind, const QString &payload);
    bool runOnPlatform(const QString &payload);
    bool compare(const QString &code, const QString &kind, const QString &payload);
    void cancel();

Q_SIGNALS:
    void runningChanged(bool running);
    void progress(const QString &text);
    void runFinished(const funcdesk::RunReport &report);
    void compareFinished(const funcdesk::CompareReport &report);

private:
    void startLocal(const QString &code, const QString &kind, const QJsonObject &params);
    void startPlatform(const QJsonObject &params);
    void pollLateActivation();
    // The platform's activation as a report; a sequence's gets its steps read first.
    void deliverActivation(const Activation &activation, quint64 serial);
    void deliver(RunReport report);
    void setRunning(std::optional<Mode> mode);

    QPointer<Platform> m_platform;
    Executor *m_executor = nullptr;
    QString m_name;
    Action m_deployed;
    CostModel m_costs;
    qint64 m_graceMs = 30000;

    std::optional<Mode> m_running;
    quint64 m_serial = 0; // continuations of an older (finished or cancelled) run see a newer serial
    std::optional<RunReport> m_localReport;
    std::optional<RunReport> m_platformReport;
    QTimer m_pollTimer;
    QString m_lateActivationId;
    QString m_localActivationId; // of the latest local run, for Executor::cancel()
    qint64 m_lateDeadline = 0;
};

} // namespace funcdesk
