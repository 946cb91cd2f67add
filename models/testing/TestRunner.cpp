#include "models/testing/TestRunner.h"

#include "core/ActivationId.h"
#include "core/FutureCallback.h"
#include "executor/Executor.h"
#include "models/testing/PayloadValidator.h"
#include "models/testing/SequenceSteps.h"

#include <QDateTime>

namespace funcdesk {

namespace {
constexpr int kPollIntervalMs = 1000;
constexpr qint64 kDefaultTimeoutMs = 60000; // OpenWhisk's default action timeout
} // namespace

TestRunner::TestRunner(QObject *parent) : QObject(parent)
{
    m_pollTimer.setInterval(kPollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &TestRunner::pollLateActivation);
}

void TestRunner::setPlatform(Platform *platform)
{
    m_platform = platform;
}

void TestRunner::setExecutor(Executor *executor)
{
    m_executor = executor;
}

void TestRunner::setFunction(const QString &name, const Action &deployed)
{
    m_name = name;
    m_deployed = deployed;
}

void TestRunner::setRunning(std::optional<Mode> mode)
{
    const bool changed = m_running.has_value() != mode.has_value();
    m_running = mode;
    if (changed)
        Q_EMIT runningChanged(mode.has_value());
}

bool TestRunner::runLocally(const QString &code, const QString &kind, const QString &payload)
{
    if (isRunning())
        return false;
    const PayloadCheck check = PayloadValidator::check(payload);
    if (!check.ok) {
        Q_EMIT runFinished(
            RunReport::notStarted(RunReport::Target::Local, tr("The payload is not valid. %1").arg(check.message)));
        return true;
    }
    ++m_serial;
    m_localReport.reset();
    m_platformReport.reset();
    setRunning(Mode::Local);
    startLocal(code, kind, check.params);
    return true;
}

bool TestRunner::runOnPlatform(const QString &payload)
{
    if (isRunning())
        return false;
    const PayloadCheck check = PayloadValidator::check(payload);
    if (!check.ok) {
        Q_EMIT runFinished(
            RunReport::notStarted(RunReport::Target::Platform, tr("The payload is not valid. %1").arg(check.message)));
        return true;
    }
    ++m_serial;
    m_localReport.reset();
    m_platformReport.reset();
    setRunning(Mode::Platform);
    startPlatform(check.params);
    return true;
}

bool TestRunner::compare(const QString &code, const QString &kind, const QString &payload)
{
    if (isRunning())
        return false;
    const PayloadCheck check = PayloadValidator::check(payload);
    if (!check.ok) {
        const QString message = tr("The payload is not valid. %1").arg(check.message);
        Q_EMIT compareFinished(CompareReport::make(RunReport::notStarted(RunReport::Target::Local, message),
                                                   RunReport::notStarted(RunReport::Target::Platform, message)));
        return true;
    }
    ++m_serial;
    m_localReport.reset();
    m_platformReport.reset();
    setRunning(Mode::Compare);
    startLocal(code, kind, check.params);
    if (m_running) // a local run that could not start may not have ended the comparison
        startPlatform(check.params);
    return true;
}

void TestRunner::startLocal(const QString &code, const QString &kind, const QJsonObject &payload)
{
    if (!m_executor) {
        deliver(RunReport::notStarted(RunReport::Target::Local, tr("No local executor is available.")));
        return;
    }
    const std::optional<Exec> deployedExec = m_deployed.exec;
    InvocationRequest request;
    request.ns = m_platform ? m_platform->namespaceName() : QStringLiteral("guest");
    request.name = m_name;
    request.version = m_deployed.version.value_or(QStringLiteral("0.0.1"));
    if (deployedExec && deployedExec->code == code && (kind.isEmpty() || kind == deployedExec->kind)) {
        request.exec = *deployedExec; // unchanged code keeps the deployed exec as is (a zip stays binary)
    } else {
        request.exec.kind = kind.isEmpty() && deployedExec ? deployedExec->kind : kind;
        request.exec.code = code;
        if (deployedExec)
            request.exec.main = deployedExec->main;
    }
    if (request.exec.kind.isEmpty()) {
        deliver(RunReport::notStarted(RunReport::Target::Local, tr("The function's runtime kind is not known.")));
        return;
    }
    request.limits = m_deployed.limits.value_or(ActionLimits());
    // As the platform does: the action's default parameters, overridden by the payload.
    request.params = m_deployed.parameters ? m_deployed.parameters->toObject() : QJsonObject();
    for (auto it = payload.begin(); it != payload.end(); ++it)
        request.params.insert(it.key(), it.value());

    request.activationId = newActivationId(); // what cancel() names to the executor
    // Processes of its own: a run never reuses one the platform warmed, so the first run of a
    // function is cold, with its init time, and the ones after it warm.
    request.poolTag = QStringLiteral("test");
    m_localActivationId = request.activationId;
    Q_EMIT progress(tr("Running locally…"));
    const quint64 serial = m_serial;
    onResult(m_executor->invokeAsync(std::move(request)), this, [this, serial](Result<Activation> ran) {
        if (serial != m_serial || !m_running)
            return;
        deliver(ran ? RunReport::fromActivation(RunReport::Target::Local, ran.value(), m_costs)
                    : RunReport::notStarted(RunReport::Target::Local, ran.error().message));
    });
}

void TestRunner::startPlatform(const QJsonObject &params)
{
    if (!m_platform) {
        deliver(RunReport::notStarted(RunReport::Target::Platform, tr("No platform connection.")));
        return;
    }
    Q_EMIT progress(tr("Waiting for the platform…"));
    const quint64 serial = m_serial;
    InvokeOptions options;
    options.blocking = true;
    onResult(m_platform->invokeAction(m_name, params, options), this, [this, serial](Result<InvokeOutcome> outcome) {
        if (serial != m_serial || !m_running)
            return;
        if (!outcome) {
            deliver(RunReport::notStarted(RunReport::Target::Platform, outcome.error().message));
        } else if (outcome->activation) {
            deliverActivation(*outcome->activation, serial);
        } else {
            // 202: the platform stopped waiting but the activation goes on; look for its record.
            m_lateActivationId = outcome->activationId;
            const qint64 timeout =
                m_deployed.limits && m_deployed.limits->timeoutMs ? *m_deployed.limits->timeoutMs : kDefaultTimeoutMs;
            m_lateDeadline = QDateTime::currentMSecsSinceEpoch() + timeout + m_graceMs;
            Q_EMIT progress(
                tr("The platform stopped waiting; activation %1 is still running…").arg(m_lateActivationId));
            m_pollTimer.start();
        }
    });
}

void TestRunner::pollLateActivation()
{
    if (!m_platform || !m_running) {
        m_pollTimer.stop();
        return;
    }
    const quint64 serial = m_serial;
    const QString id = m_lateActivationId;
    onResult(m_platform->getActivation(id), this, [this, serial, id](Result<Activation> found) {
        if (serial != m_serial || !m_running || m_platformReport)
            return;
        if (found) {
            m_pollTimer.stop();
            deliverActivation(found.value(), serial);
        } else if (QDateTime::currentMSecsSinceEpoch() > m_lateDeadline) {
            m_pollTimer.stop();
            deliver(RunReport::stillRunning(
                RunReport::Target::Platform, id,
                tr("Activation %1 did not finish in time. It may still appear in the activation list.").arg(id)));
        }
    });
}

bool TestRunner::isSequence() const
{
    return m_deployed.exec && m_deployed.exec->kind == QLatin1StringView("sequence");
}

void TestRunner::deliverActivation(const Activation &activation, quint64 serial)
{
    RunReport report = RunReport::fromActivation(RunReport::Target::Platform, activation, m_costs);
    if (!SequenceSteps::isSequence(activation) || !m_platform)
        return deliver(std::move(report));
    Q_EMIT progress(tr("Reading the steps of the sequence…"));
    const QStringList components =
        m_deployed.exec ? m_deployed.exec->components.value_or(QStringList()) : QStringList();
    SequenceSteps::fetch(m_platform, activation, components, this,
                         [this, serial, report](QList<RunStep> steps, QString summary) mutable {
                             if (serial != m_serial || !m_running)
                                 return;
                             report.steps = std::move(steps);
                             report.stepsSummary = std::move(summary);
                             deliver(std::move(report));
                         });
}

void TestRunner::deliver(RunReport report)
{
    if (!m_running)
        return;
    const Mode mode = *m_running;
    if (mode != Mode::Compare) {
        setRunning(std::nullopt);
        Q_EMIT runFinished(report);
        return;
    }
    (report.target == RunReport::Target::Local ? m_localReport : m_platformReport) = std::move(report);
    if (!m_localReport || !m_platformReport)
        return;
    setRunning(std::nullopt);
    Q_EMIT compareFinished(CompareReport::make(*std::exchange(m_localReport, std::nullopt),
                                               *std::exchange(m_platformReport, std::nullopt)));
}

void TestRunner::cancel()
{
    if (!m_running)
        return;
    const Mode mode = *m_running;
    ++m_serial;
    m_pollTimer.stop();
    // A local run ends now: the executor kills its process tree (a platform's run goes on).
    if (mode != Mode::Platform && m_executor && !m_localActivationId.isEmpty() && !m_localReport)
        m_executor->cancel(m_localActivationId);
    if (mode == Mode::Compare) {
        RunReport local = m_localReport.value_or(RunReport::cancelled(RunReport::Target::Local));
        RunReport platform = m_platformReport.value_or(RunReport::cancelled(RunReport::Target::Platform));
        m_localReport.reset();
        m_platformReport.reset();
        setRunning(std::nullopt);
        Q_EMIT compareFinished(CompareReport::make(std::move(local), std::move(platform)));
        return;
    }
    setRunning(std::nullopt);
    Q_EMIT runFinished(
        RunReport::cancelled(mode == Mode::Local ? RunReport::Target::Local : RunReport::Target::Platform));
}

} // namespace funcdesk
