#include "models/metrics/PowerTuner.h"

#include "core/FutureCallback.h"
#include "models/testing/PayloadValidator.h"
#include "models/testing/RunReport.h"
#include "models/testing/TestRunner.h"

namespace funcdesk {

QList<TuningSetting> TuningPlan::settings() const
{
    QList<TuningSetting> all;
    for (qint64 memory : memoryMb) {
        if (cpus.isEmpty())
            all.append(TuningSetting{memory, std::nullopt});
        for (double cpu : cpus)
            all.append(TuningSetting{memory, cpu});
    }
    return all;
}

PowerTuner::PowerTuner(Platform *platform, Executor *localExecutor, QObject *parent)
    : QObject(parent), m_platform(platform), m_executor(localExecutor), m_runner(new TestRunner(this))
{
    m_runner->setPlatform(platform);
    m_runner->setExecutor(localExecutor);
    connect(m_runner, &TestRunner::runFinished, this, &PowerTuner::onLocalRun);
}

PowerTuner::~PowerTuner() = default;

void PowerTuner::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}

bool PowerTuner::start(const TuningPlan &plan)
{
    auto refuse = [this](const QString &message) {
        Q_EMIT failed(message);
        return false;
    };
    if (m_running)
        return refuse(tr("Power tuning is already running."));
    if (!m_platform)
        return refuse(tr("No platform connection."));
    if (plan.target == TuningPlan::Target::Local && !m_executor)
        return refuse(tr("No local executor is available."));
    if (plan.runs < 1 || plan.runs > TuningPlan::kMaxRuns)
        return refuse(tr("Runs per setting must be between 1 and %1.").arg(TuningPlan::kMaxRuns));
    const QList<TuningSetting> settings = plan.settings();
    if (settings.isEmpty())
        return refuse(tr("Choose at least one memory size."));
    if (settings.size() > TuningPlan::kMaxSettings)
        return refuse(tr("At most %1 settings can be tuned at once.").arg(TuningPlan::kMaxSettings));
    const PayloadCheck check = PayloadValidator::check(plan.payloadText);
    if (!check.ok)
        return refuse(tr("The payload is not valid. %1").arg(check.message));

    m_plan = plan;
    m_params = check.params;
    m_settings = settings;
    m_results.clear();
    for (const TuningSetting &setting : settings)
        m_results.append(SettingResult(setting, plan.runs));
    m_setting = 0;
    m_run = 0;
    m_runsDone = 0;
    m_runsTotal = int(settings.size()) * (plan.runs + 1);
    m_limitsChanged = false;
    m_original.reset();
    const quint64 serial = ++m_serial;
    setRunning(true);
    Q_EMIT progressChanged(0, m_runsTotal);
    onResult(m_platform->getAction(plan.function, true), this, [this, serial](Result<Action> action) {
        if (serial != m_serial)
            return;
        if (!action) {
            Q_EMIT failed(action.error().message);
            finishTuning(false);
            return;
        }
        m_original = action.value();
        beginSetting();
    });
    return true;
}

ActionLimits PowerTuner::limitsFor(const TuningSetting &setting) const
{
    ActionLimits limits;
    limits.memoryMb = setting.memoryMb;
    limits.cpu = setting.cpu;
    return limits;
}

void PowerTuner::price(SettingResult &result) const
{
    const TuningSetting setting = result.setting;
    result.price([this, setting](qint64 durationMs) {
        return m_costs.estimate(durationMs, setting.memoryMb, setting.cpu.value_or(0.0)).total;
    });
}

void PowerTuner::setPriceList(const PriceList &prices)
{
    m_costs = CostModel(prices);
    for (int i = 0; i < m_results.size(); ++i) {
        price(m_results[i]);
        Q_EMIT resultChanged(i);
    }
}

QString PowerTuner::formatCost(double amount) const
{
    return m_costs.format(amount);
}

void PowerTuner::later(void (PowerTuner::*step)())
{
    const quint64 serial = m_serial;
    QMetaObject::invokeMethod(
        this,
        [this, serial, step] {
            if (serial == m_serial)
                (this->*step)();
        },
        Qt::QueuedConnection);
}

void PowerTuner::beginSetting()
{
    if (m_setting >= m_settings.size()) {
        finishTuning(false);
        return;
    }
    m_run = 0;
    if (m_plan.target == TuningPlan::Target::Local) {
        runOnce();
        return;
    }
    Action update;
    update.limits = limitsFor(m_settings.at(m_setting));
    const quint64 serial = m_serial;
    m_limitsChanged = true; // from now on, cancelling restores (the put may land after a cancel)
    onResult(m_platform->putAction(m_plan.function, update, PutOptions{true, {}}), this,
             [this, serial](Result<Action> put) {
                 if (serial != m_serial)
                     return;
                 if (put) {
                     runOnce();
                     return;
                 }
                 // The platform refused the setting (outside its limits): nothing of it runs.
                 SettingResult &result = m_results[m_setting];
                 result.addError(put.error().message);
                 result.finished = result.planned;
                 m_runsDone += m_plan.runs + 1;
                 Q_EMIT resultChanged(m_setting);
                 Q_EMIT progressChanged(m_runsDone, m_runsTotal);
                 ++m_setting;
                 later(&PowerTuner::beginSetting);
             });
}

void PowerTuner::runOnce()
{
    const TuningSetting &setting = m_settings.at(m_setting);
    if (m_plan.target == TuningPlan::Target::Local) {
        if (!m_original->exec || !m_original->exec->code) {
            onRun(false, std::nullopt, tr("The function has no code to run locally."));
            return;
        }
        Action deployed = *m_original;
        deployed.limits = deployed.limits.value_or(ActionLimits()).mergedWith(limitsFor(setting));
        m_runner->setFunction(m_plan.function, deployed);
        m_awaitingLocal = true;
        // The deployed code and kind: TestRunner then runs the deployed exec unchanged.
        if (!m_runner->runLocally(*m_original->exec->code, QString(), m_plan.payloadText)) {
            m_awaitingLocal = false;
            onRun(false, std::nullopt, tr("A local run is still in progress."));
        }
        return;
    }
    InvokeOptions options;
    options.blocking = true;
    const quint64 serial = m_serial;
    onResult(m_platform->invokeAction(m_plan.function, m_params, options), this,
             [this, serial](Result<InvokeOutcome> outcome) {
                 if (serial != m_serial)
                     return;
                 if (!outcome) {
                     onRun(false, std::nullopt, outcome.error().message);
                 } else if (!outcome->activation) {
                     onRun(false, std::nullopt,
                           tr("Activation %1 did not finish while the platform waited.").arg(outcome->activationId));
                 } else {
                     const Activation &activation = *outcome->activation;
                     const RunReport report =
                         RunReport::fromActivation(RunReport::Target::Platform, activation, m_costs);
                     onRun(report.success, activation.duration, report.errorMessage);
                 }
             });
}

void PowerTuner::onLocalRun(const RunReport &report)
{
    if (!m_awaitingLocal)
        return;
    m_awaitingLocal = false;
    onRun(report.finished() && report.success, report.durationMs, report.errorMessage);
}

void PowerTuner::onRun(bool succeeded, std::optional<qint64> durationMs, const QString &error)
{
    SettingResult &result = m_results[m_setting];
    const bool ok = succeeded && durationMs.has_value();
    QString message = error;
    if (message.isEmpty())
        message = succeeded ? tr("The run reported no duration.") : tr("The run failed without a message.");
    if (m_run == 0) {
        if (!ok)
            result.addError(tr("Warm-up: %1").arg(message));
    } else {
        ++result.finished;
        if (ok) {
            result.durationsMs.append(*durationMs);
        } else {
            result.addError(message);
            if (durationMs)
                result.failedDurationsMs.append(*durationMs);
        }
        price(result);
    }
    ++m_runsDone;
    Q_EMIT resultChanged(m_setting);
    Q_EMIT progressChanged(m_runsDone, m_runsTotal);
    if (++m_run > m_plan.runs) {
        ++m_setting;
        later(&PowerTuner::beginSetting);
    } else {
        later(&PowerTuner::runOnce);
    }
}

void PowerTuner::cancel()
{
    if (!m_running)
        return;
    ++m_serial; // every pending continuation and queued run of this tuning now does nothing
    if (m_awaitingLocal) {
        m_awaitingLocal = false;
        m_runner->cancel();
    }
    finishTuning(true);
}

void PowerTuner::finishTuning(bool cancelled)
{
    ++m_serial;
    if (m_limitsChanged && m_original) {
        restoreLimits(cancelled);
        return;
    }
    setRunning(false);
    Q_EMIT finished(cancelled);
}

void PowerTuner::restoreLimits(bool cancelled)
{
    m_limitsChanged = false;
    const QString function = m_plan.function;
    const ActionLimits original = m_original->limits.value_or(ActionLimits());
    auto put = [this, function, cancelled](ActionLimits limits) {
        Action update;
        update.limits = limits;
        onResult(
            m_platform->putAction(function, update, PutOptions{true, {}}), this,
            [this, cancelled](Result<Action> restored) {
                if (!restored)
                    Q_EMIT failed(
                        tr("The function's original limits could not be restored: %1").arg(restored.error().message));
                setRunning(false);
                Q_EMIT finished(cancelled);
            });
    };
    if (!m_platform) {
        setRunning(false);
        Q_EMIT finished(cancelled);
        return;
    }
    if (original.cpu || m_plan.cpus.isEmpty()) {
        put(original);
        return;
    }
    // Limits merge field by field, so a cpu, once set, cannot be unset: put back the cpu the
    // platform derived from the original memory, which is what the function ran with.
    onResult(m_platform->info(), this, [put, original](Result<PlatformInfo> info) {
        ActionLimits limits = original;
        if (info)
            limits.cpu = info->limits.cpuForMemory(original.memoryMb.value_or(info->limits.memoryMb.defaultValue));
        put(limits);
    });
}

void PowerTuner::apply(const TuningSetting &setting)
{
    if (m_running) {
        Q_EMIT failed(tr("Wait for power tuning to finish before applying a setting."));
        return;
    }
    if (!m_platform || m_plan.function.isEmpty()) {
        Q_EMIT failed(tr("No function to apply the setting to."));
        return;
    }
    Action update;
    update.limits = limitsFor(setting);
    onResult(m_platform->putAction(m_plan.function, update, PutOptions{true, {}}), this, [this](Result<Action> put) {
        if (!put) {
            Q_EMIT failed(tr("The setting could not be applied: %1").arg(put.error().message));
            return;
        }
        Q_EMIT applied(put.value());
    });
}

} // namespace funcdesk
