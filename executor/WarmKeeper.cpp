#include "executor/WarmKeeper.h"

#include <QDateTime>

namespace funcdesk {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

WarmKeeper::WarmKeeper(WarmPool &warm, SharedPool &shared, qint64 spinMicros, Start start, Retire retire)
    : m_warm(warm), m_shared(shared), m_spinMicros(spinMicros), m_start(std::move(start)), m_retire(std::move(retire))
{
}

WarmKeeper::Process WarmKeeper::start(const Target &target, std::optional<StepVerdict> &initFailure)
{
    const ActionLimits &limits = target.request.limits;
    ActivationFacts facts;
    facts.start = nowMs();
    LogCapture logs(*limits.logsMb * 1024 * 1024); // the init's output goes nowhere
    StepVerdict verdict;
    const qint64 concurrency = target.shared ? *limits.concurrency : 1;
    auto started = m_start(target.request, target.runtime, limits, concurrency, facts, logs, verdict);
    if (!started)
        return nullptr;
    Process process = std::move(started).value();
    if (!verdict.response.status.isEmpty()) {
        initFailure = verdict;
        std::vector<Process> failed;
        failed.push_back(std::move(process));
        m_retire(std::move(failed));
        return nullptr;
    }
    process->setSpinBudget(m_spinMicros);
    return process;
}

void WarmKeeper::keep(const QString &action, Target target)
{
    std::optional<std::string> replaced;
    const std::string key = target.key;
    const int count = target.count;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_targets.find(action);
        if (it != m_targets.end() && (it->second.key != key || count <= 0))
            replaced = it->second.key;
        if (count <= 0) {
            m_targets.erase(action);
        } else {
            if (it != m_targets.end() && it->second.key == key) { // keep the back-off of a failing version
                target.notBeforeMs = it->second.notBeforeMs;
                target.backoffMs = it->second.backoffMs;
            }
            m_targets.insert_or_assign(action, std::move(target));
        }
    }
    if (replaced) {
        m_warm.setKept(*replaced, 0);
        m_shared.setKept(*replaced, false);
        if (*replaced != key) // an older version: its idle processes serve nobody any more
            m_retire(m_warm.takeKey(*replaced));
    }
    if (count > 0) {
        m_warm.setKept(key, count);
        m_shared.setKept(key, true);
    }
}

void WarmKeeper::clear()
{
    std::lock_guard lock(m_mutex);
    for (const auto &[action, target] : m_targets) {
        m_warm.setKept(target.key, 0);
        m_shared.setKept(target.key, false);
    }
    m_targets.clear();
}

std::string WarmKeeper::keyOf(const QString &action) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_targets.find(action);
    return it == m_targets.end() ? std::string() : it->second.key;
}

std::vector<WarmKeeper::Target> WarmKeeper::due(qint64 now) const
{
    std::vector<Target> targets;
    std::lock_guard lock(m_mutex);
    for (const auto &[action, target] : m_targets) {
        if (target.notBeforeMs <= now)
            targets.push_back(target);
    }
    return targets;
}

void WarmKeeper::pass(const std::function<bool()> &stopping)
{
    for (const Target &target : due(nowMs())) {
        if (stopping())
            return;
        if (keyOf(target.request.ns + QLatin1Char('/') + target.request.name) != target.key)
            continue; // replaced meanwhile
        if (target.shared) {
            if (m_shared.count(target.key) == 0)
                startShared(target);
            continue;
        }
        // Killed from outside while frozen, a process dies only once thawed: count it dead now.
        m_retire(m_warm.takeIf(target.key, [](RuntimeProcess &process) {
            return !process.usable() || (process.frozen() && process.killPending());
        }));
        for (int missing = target.count - m_warm.count(target.key); missing > 0 && !stopping(); --missing) {
            if (!startExclusive(target))
                break;
        }
    }
}

bool WarmKeeper::startExclusive(const Target &target)
{
    m_retire(m_warm.checkOut(target.key)); // counted while it starts; older versions' idle ones go
    std::optional<StepVerdict> initFailure;
    Process process = start(target, initFailure);
    if (!process) {
        m_warm.checkIn(target.key);
        failed(target.key);
        return false;
    }
    if (keyOf(target.request.ns + QLatin1Char('/') + target.request.name) != target.key) {
        m_warm.checkIn(target.key); // replaced while it started: nobody wants it any more
        std::vector<Process> unwanted;
        unwanted.push_back(std::move(process));
        m_retire(std::move(unwanted));
        return false;
    }
    m_retire(m_warm.put(target.key, std::move(process), nowMs()));
    succeeded(target.key);
    return true;
}

bool WarmKeeper::startShared(const Target &target)
{
    const qint64 timeoutMs = *target.request.limits.timeoutMs;
    SharedPool::Acquired acquired = m_shared.acquire(
        target.key, std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs), timeoutMs);
    if (acquired.failedStart) {
        failed(target.key);
        return false;
    }
    std::shared_ptr<SharedProcess> process = std::move(acquired.process);
    if (acquired.mustStart) { // as Executor's runShared: callers arriving meanwhile wait for this start
        std::optional<StepVerdict> initFailure;
        Process fresh = start(target, initFailure);
        if (!fresh) {
            m_shared.startFailed(target.key, initFailure);
            failed(target.key);
            return false;
        }
        process = std::make_shared<SharedProcess>(std::move(fresh));
        m_shared.started(target.key, process);
    }
    std::vector<Process> dead;
    if (auto gone = m_shared.release(target.key, process, nowMs()))
        dead.push_back(std::move(gone));
    m_retire(std::move(dead));
    succeeded(target.key);
    return true;
}

void WarmKeeper::failed(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    for (auto &[action, target] : m_targets) {
        if (target.key == key) {
            target.backoffMs = std::clamp<qint64>(target.backoffMs * 2, 1000, 60000);
            target.notBeforeMs = nowMs() + target.backoffMs;
        }
    }
}

void WarmKeeper::succeeded(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    for (auto &[action, target] : m_targets) {
        if (target.key == key) {
            target.backoffMs = 0;
            target.notBeforeMs = 0;
        }
    }
}

} // namespace funcdesk
