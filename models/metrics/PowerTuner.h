#pragma once

#include "core/CostModel.h"
#include "core/Platform.h"
#include "models/metrics/TuningResults.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <optional>

namespace funcdesk {

class Executor;
class TestRunner;
struct RunReport;

// What to tune: a function, the payload to call it with, how many counted runs per setting and
// which settings (every memory size × every CPU value; no CPU values = memory only).
struct TuningPlan
{
    enum class Target {
        Local,    // the built-in executor with real limits, running the deployed code
        Platform, // the platform itself: the action's limits are changed for the runs
    };

    QString function;
    QString payloadText = QStringLiteral("{}"); // a JSON object, as the Test panel takes it
    int runs = 10;                              // counted runs per setting, 1..kMaxRuns
    QList<qint64> memoryMb{128, 256, 512, 1024, 2048};
    QList<double> cpus;
    Target target = Target::Local;

    static constexpr int kMaxRuns = 100;
    static constexpr int kMaxSettings = 64;
    QList<TuningSetting> settings() const;
};

// Power tuning: runs a function N times at each setting, after one uncounted warm-up run per
// setting (so cold starts do not skew the figures), and measures duration, errors and cost per
// invocation. Locally it runs the deployed code through TestRunner's local path with the
// setting's limits; on the platform it overwrites the action's limits (code and everything else
// kept), invokes blocking and reads each activation's duration, then restores the original
// limits at the end or on cancel. Runs are sequential, so they never compete with each other.
class PowerTuner : public QObject
{
    Q_OBJECT

public:
    PowerTuner(Platform *platform, Executor *localExecutor, QObject *parent = nullptr);
    ~PowerTuner() override;

    // The price list costs are computed with (AWS Lambda x86 until set). Setting
    // another re-prices the results at once (resultChanged for each).
    void setPriceList(const PriceList &prices);
    const PriceList &priceList() const { return m_costs.prices(); }
    // "$0.0000021": an amount in the price list's currency, two significant digits when small.
    QString formatCost(double amount) const;

    bool canRunLocally() const { return m_executor != nullptr; }
    bool isRunning() const { return m_running; }
    // Starts tuning. Returns false (and emits failed()) for a plan it cannot run: bad payload,
    // runs out of range, no settings, already running, no executor for a local plan.
    bool start(const TuningPlan &plan);
    // Stops issuing runs at once; a pending local run is abandoned (its process runs out its
    // limits in the executor); on the platform the original limits are put back, then finished().
    void cancel();

    const TuningPlan &plan() const { return m_plan; }
    const QList<SettingResult> &results() const { return m_results; }
    TuningRecommendations recommendations() const { return TuningRecommendations::from(m_results); }
    int runsDone() const { return m_runsDone; }
    int runsTotal() const { return m_runsTotal; }

    // Puts `setting`'s limits on the function (overwrite: code and everything else unchanged).
    void apply(const TuningSetting &setting);

Q_SIGNALS:
    void runningChanged(bool running);
    // Runs done (warm-ups included) out of the total.
    void progressChanged(int done, int total);
    // A setting's figures changed (after each of its runs).
    void resultChanged(int index);
    void finished(bool cancelled);
    // The plan could not start, or the platform's limits could not be set or restored.
    void failed(const QString &message);
    void applied(const funcdesk::Action &action);

private:
    void later(void (PowerTuner::*step)());
    void beginSetting();
    void runOnce();
    void onRun(bool succeeded, std::optional<qint64> durationMs, const QString &error);
    void onLocalRun(const RunReport &report);
    void finishTuning(bool cancelled);
    void restoreLimits(bool cancelled);
    void setRunning(bool running);
    ActionLimits limitsFor(const TuningSetting &setting) const;
    void price(SettingResult &result) const;

    QPointer<Platform> m_platform;
    Executor *m_executor = nullptr;
    TestRunner *m_runner = nullptr;
    CostModel m_costs; // AWS Lambda x86 until setPriceList

    TuningPlan m_plan;
    QJsonObject m_params;
    std::optional<Action> m_original; // the action as it was before the runs (with code)
    QList<TuningSetting> m_settings;
    QList<SettingResult> m_results;
    int m_setting = 0;
    int m_run = 0; // 0 = the warm-up
    int m_runsDone = 0;
    int m_runsTotal = 0;
    bool m_running = false;
    bool m_awaitingLocal = false; // a local run was handed to the runner and not yet reported
    bool m_limitsChanged = false; // the platform's action carries a tuning setting's limits
    quint64 m_serial = 0;         // continuations of a cancelled or older tuning see a newer one
};

} // namespace funcdesk
