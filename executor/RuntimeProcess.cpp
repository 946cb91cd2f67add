#include "executor/RuntimeProcess.h"

#include "core/SystemLimits.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace funcdesk {

namespace {

using Clock = std::chrono::steady_clock;

constexpr qint64 kReadChunk = 64 * 1024;
constexpr qint64 kMaxReadPerWake = 4 * 1024 * 1024; // keep checking the deadline during a flood
constexpr int kWatchdogSliceMs = 10;
constexpr int kLivenessSliceMs = 100;
constexpr int kDutyPeriodMs = 50;

// Steps running in this process right now: only a lone step spins for its outcome (see step()).
std::atomic<int> g_stepsRunning{0};

qint64 msSince(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

int openProc(pid_t pid, const char *name, int flags = O_RDONLY)
{
    const QByteArray path = "/proc/" + QByteArray::number(pid) + '/' + name;
    return ::open(path.constData(), flags | O_CLOEXEC);
}

QByteArray preadAll(int fd)
{
    char buffer[2048];
    const ssize_t n = fd >= 0 ? ::pread(fd, buffer, sizeof buffer, 0) : -1;
    return n > 0 ? QByteArray(buffer, n) : QByteArray();
}

// The parent pid from /proc/<pid>/stat (field 4, after the command's closing parenthesis).
pid_t parentOf(const QByteArray &pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(QLatin1StringView(pid)));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.read(1024);
    const int close = text.lastIndexOf(')');
    return close < 0 ? -1 : static_cast<pid_t>(text.mid(close + 2).split(' ').value(1).toInt());
}

pid_t childOf(pid_t parent)
{
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QByteArray pid = entry.toLatin1();
        if (!pid.isEmpty() && pid.at(0) >= '1' && pid.at(0) <= '9' && parentOf(pid) == parent)
            return static_cast<pid_t>(pid.toInt());
    }
    return -1;
}

// The program bubblewrap (`sandbox`) runs: its grandchild, below the pid namespace's init. Only
// the watchdog fallbacks need it (cgroups measure the whole tree); waits up to a second.
pid_t sandboxedProgram(pid_t sandbox)
{
    for (int waited = 0; waited < 1000; ++waited) {
        const pid_t init = childOf(sandbox);
        const pid_t program = init > 0 ? childOf(init) : -1;
        if (program > 0)
            return program;
        ::usleep(1000);
    }
    return -1;
}

} // namespace

RuntimeProcess::StepCount::StepCount() : others(g_stepsRunning.fetch_add(1))
{
}

RuntimeProcess::StepCount::~StepCount()
{
    g_stepsRunning.fetch_sub(1);
}

Result<std::unique_ptr<RuntimeProcess>> RuntimeProcess::start(const Runtime &runtime, CgroupHost *cgroups,
                                                              const QList<QByteArray> &environment,
                                                              const QString &scratchFolder, Sandbox *sandbox,
                                                              const SandboxOptions &options)
{
    // The group exists before the process: the launcher joins it before its interpreter starts,
    // so the interpreter's own memory counts against the limit and in peakMemory from the first
    // page (joined after the spawn, what it allocated meanwhile stayed charged to us).
    std::unique_ptr<ProcessCgroup> group = cgroups ? cgroups->createGroup() : nullptr;
    const QList<QByteArray> joinCgroups = group ? group->procsFiles() : QList<QByteArray>();
    auto spawned = [&]() -> Result<ChildProcess *> {
        if (sandbox)
            return sandbox->spawn(runtime, environment, joinCgroups, options);
        ChildProcess::Spec spec;
        spec.program = runtime.program;
        spec.arguments = runtime.arguments;
        spec.workingDirectory = QFile::encodeName(scratchFolder);
        spec.environment = environment;
        spec.environment << "HOME=" + spec.workingDirectory << "TMPDIR=" + spec.workingDirectory;
        spec.joinCgroups = joinCgroups;
        return ChildProcess::spawn(spec);
    }();
    if (!spawned) {
        if (!sandbox)
            QDir(scratchFolder).removeRecursively();
        return spawned.error();
    }
    std::unique_ptr<RuntimeProcess> process(new RuntimeProcess);
    if (!sandbox)
        process->m_scratchFolder = scratchFolder;
    process->m_runtime = runtime;
    process->m_child.reset(spawned.value());
    process->m_measuredPid = process->m_child->pid();
    process->m_enforcement.sandbox = sandbox ? QStringLiteral("bubblewrap") : QStringLiteral("none");
    process->m_enforcement.storage = sandbox ? QStringLiteral("tmpfs") : QStringLiteral("none");
    process->m_enforcement.network =
        !sandbox ? QStringLiteral("host") : (options.network ? QStringLiteral("on") : QStringLiteral("off"));
    if (group) {
        process->m_group = std::move(group);
        // Joined already in the usual case; this checks it (and is what joins if the child could not).
        if (!process->m_group->addProcess(process->m_child->pid()))
            process->m_group.reset();
        if (process->m_group) {
            process->m_cgroupCpu = cgroups->limitsCpu();
            process->m_enforcement.memory = cgroups->name();
            process->m_enforcement.cpu = cgroups->limitsCpu() ? cgroups->name() : QStringLiteral("sigstop-duty-cycle");
            process->m_enforcement.processes =
                cgroups->limitsProcesses() ? cgroups->name() : QStringLiteral("process-group");
        }
    }
    if (!process->m_group) {
        if (sandbox) { // the watchdog and the duty cycle act on the launcher, not on bubblewrap
            const pid_t program = sandboxedProgram(process->m_child->pid());
            if (program > 0) {
                process->m_measuredPid = program;
                process->m_child->setInnerGroup(::getpgid(program)); // --new-session: a group of its own
            }
        }
        process->m_enforcement.memory = QStringLiteral("rss-watchdog");
        process->m_enforcement.cpu = QStringLiteral("sigstop-duty-cycle");
        process->m_enforcement.processes = QStringLiteral("process-group");
        process->m_statFd = openProc(process->m_measuredPid, "stat");
        process->m_statmFd = openProc(process->m_measuredPid, "statm");
    }
    return process;
}

RuntimeProcess::~RuntimeProcess()
{
    if (m_group)
        m_group->killAll(); // also the processes that left the action's process group
    m_child.reset();
    m_group.reset();
    for (int fd : {m_statFd, m_statmFd}) {
        if (fd >= 0)
            ::close(fd);
    }
    if (!m_scratchFolder.isEmpty())
        QDir(m_scratchFolder).removeRecursively();
}

Enforcement RuntimeProcess::applyLimits(const Limits &limits)
{
    m_limits = limits;
    // tmpfs pages are charged to the writer's memory group: the kernel's limit makes room for a
    // full /tmp, and step() holds the rest to the memory limit (docs/executor.md, "Storage and memory").
    m_watchShmem = m_group && limits.storageBytes > 0 && m_enforcement.storage == QLatin1String("tmpfs");
    if (m_group) {
        m_group->setMemoryLimit(limits.memoryBytes + (m_watchShmem ? limits.storageBytes : 0));
        m_group->setProcessLimit(limits.maxProcesses);
        if (m_cgroupCpu)
            m_group->setCpuLimit(limits.cpu);
        m_lastCpuNanos = m_group->cpuNanos();
        m_group->resetPeakMemory();
    } else {
        m_lastCpuNanos = cpuNanosNow();
    }
    // A process can use at most one core per thread it runs; the duty cycle only slows below one.
    if (!m_cgroupCpu && limits.cpu >= SystemLimits::machineCores())
        m_enforcement.cpu = QStringLiteral("unlimited");
    return m_enforcement;
}

qint64 RuntimeProcess::memoryWithoutStorage() const
{
    const qint64 usage = m_group->memoryUsageBytes();
    const qint64 shmem = m_group->shmemBytes();
    return usage < 0 || shmem < 0 ? -1 : usage - shmem;
}

bool RuntimeProcess::killPending() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_child->pid()));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("SigPnd:") || line.startsWith("ShdPnd:")) {
            if (line.mid(7).trimmed().toULongLong(nullptr, 16) & (1ULL << (SIGKILL - 1)))
                return true;
        }
    }
    return false;
}

bool RuntimeProcess::usable()
{
    return m_usable && !m_child->reapIfExited();
}

qint64 RuntimeProcess::cpuNanosNow() const
{
    if (m_group)
        return m_group->cpuNanos();
    // utime + stime + cutime + cstime (fields 14-17) in clock ticks.
    const QByteArray stat = preadAll(m_statFd);
    const int close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 15)
        return -1;
    const qint64 ticks =
        fields[11].toLongLong() + fields[12].toLongLong() + fields[13].toLongLong() + fields[14].toLongLong();
    return ticks * (1000000000LL / sysconf(_SC_CLK_TCK));
}

qint64 RuntimeProcess::rssBytesNow() const
{
    const QList<QByteArray> fields = preadAll(m_statmFd).split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

void RuntimeProcess::resetPeakMemory()
{
    if (m_group) {
        m_group->resetPeakMemory();
        return;
    }
    const int fd = openProc(m_measuredPid, "clear_refs", O_WRONLY); // "5" resets VmHWM
    if (fd >= 0) {
        [[maybe_unused]] auto ignored = ::write(fd, "5", 1);
        ::close(fd);
    }
}

qint64 RuntimeProcess::peakMemoryNow() const
{
    if (m_group)
        return m_group->peakMemoryBytes();
    QFile status(QStringLiteral("/proc/%1/status").arg(m_measuredPid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

StepResult RuntimeProcess::step(const QByteArray &line, qint64 timeoutMs, qint64 maxOutcomeBytes, LogCapture &logs)
{
    StepResult result;
    const auto started = Clock::now();
    const bool watchdog = !m_group;
    const bool dutyCycle = !m_cgroupCpu && m_limits.cpu < SystemLimits::machineCores();
    bool stopped = false;
    auto nextToggle = started + std::chrono::milliseconds(static_cast<qint64>(kDutyPeriodMs * m_limits.cpu));

    // fds: 0 outcome (fd 3), 1 stdout, 2 stderr, 3 the request still being written to stdin.
    pollfd fds[4] = {{m_child->resultFd(), POLLIN, 0},
                     {m_child->stdoutFd(), POLLIN, 0},
                     {m_child->stderrFd(), POLLIN, 0},
                     {m_child->stdinFd(), POLLOUT, 0}};
    qsizetype sent = m_child->writeSomeStdin(line.constData(), line.size());
    if (sent == line.size())
        fds[3].fd = -1; // the usual case: the whole request fit in the pipe at once
    char buffer[kReadChunk];
    auto lastLivenessCheck = started;
    auto lastMemoryCheck = started;
    StepCount running;
    // Spin, then sleep. Sleeping in poll() means the launcher's answer has to wake this thread:
    // on an idle core of a VM that wake-up costs as much as the whole exchange (~25 µs of a
    // ~60 µs pipe round trip here). So while the answer is expected soon (the process's last run
    // step took less than the spin budget) and nothing else is stepping, this thread keeps its
    // core and polls without blocking; the launcher runs on another core meanwhile. Never on
    // one core (it would only delay the launcher), never while other steps are waiting (the
    // cores are busy then), and never longer than the budget.
    const bool spin = m_spinBudgetMicros > 0 && fds[3].fd < 0 && running.others == 0 && m_lastStepMicros >= 0 &&
                      m_lastStepMicros < m_spinBudgetMicros && SystemLimits::machineCores() >= 2;
    if (spin) {
        const auto until = started + std::chrono::microseconds(m_spinBudgetMicros);
        while (::poll(fds, 4, 0) == 0 && Clock::now() < until) {
        }
    }
    bool done = sent < 0;
    if (done)
        result.end = StepResult::End::Exited;

    // Reads what a stream has, up to `budget` bytes; a short read means the pipe is empty.
    bool unread[3] = {false, false, false}; // a drain stopped at its budget with data left
    auto drain = [&](int index, qint64 budget) {
        const auto stream = index == 1 ? LogCapture::Stream::Stdout : LogCapture::Stream::Stderr;
        const PipeRead end = readPipe(fds[index].fd, buffer, sizeof buffer, budget,
                                      [&](const char *data, qsizetype n) { logs.append(stream, data, n); });
        if (end == PipeRead::Closed)
            fds[index].fd = -1; // EOF: the action closed it; stop polling it
        unread[index] = end == PipeRead::OverBudget;
    };

    // Reads the outcome line from fd 3 as far as it has arrived.
    auto readOutcome = [&] {
        for (qint64 budget = kMaxReadPerWake; budget > 0;) {
            const ssize_t n = ::read(fds[0].fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                if (n == 0) { // fd 3 closed: the launcher is gone
                    result.end = StepResult::End::Exited;
                    done = true;
                }
                return;
            }
            budget -= n;
            const char *newline = static_cast<const char *>(memchr(buffer, '\n', static_cast<size_t>(n)));
            const qint64 useful = newline ? newline - buffer : n;
            result.outcomeBytes += useful;
            if (result.outcomeBytes <= maxOutcomeBytes)
                result.outcome.append(buffer, useful);
            if (newline) {
                result.end = StepResult::End::Completed;
                done = true;
                // Bytes after the outcome line were not written by the launcher in its turn
                // (a background child holding fd 3): the channel cannot be trusted again.
                if (newline + 1 != buffer + n)
                    m_usable = false;
                return;
            }
        }
    };

    while (!done) {
        if (m_cancel && m_cancel->load(std::memory_order_relaxed)) {
            result.end = StepResult::End::Cancelled;
            break;
        }
        const qint64 elapsed = msSince(started);
        if (elapsed >= timeoutMs) {
            result.end = StepResult::End::TimedOut;
            break;
        }
        qint64 wait = std::min<qint64>(timeoutMs - elapsed, kLivenessSliceMs);
        if (watchdog || m_watchShmem)
            wait = std::min<qint64>(wait, kWatchdogSliceMs);
        if (dutyCycle)
            wait = std::min<qint64>(
                wait, std::max<qint64>(
                          0, std::chrono::duration_cast<std::chrono::milliseconds>(nextToggle - Clock::now()).count()));
        const int ready = ::poll(fds, 4, static_cast<int>(wait));
        if (ready < 0 && errno != EINTR) {
            result.end = StepResult::End::Exited; // cannot wait on this process: give it up
            break;
        }
        if (ready > 0) {
            if (fds[3].fd >= 0 && fds[3].revents) {
                const qsizetype n = m_child->writeSomeStdin(line.constData() + sent, line.size() - sent);
                if (n < 0) {
                    result.end = StepResult::End::Exited;
                    break;
                }
                sent += n;
                if (sent == line.size())
                    fds[3].fd = -1;
            }
            if (fds[1].fd >= 0 && fds[1].revents)
                drain(1, kMaxReadPerWake);
            if (fds[2].fd >= 0 && fds[2].revents)
                drain(2, kMaxReadPerWake);
            if (fds[0].revents)
                readOutcome();
        }
        // Liveness, on idle wakes and at least every slice even while output floods in: a launcher
        // that died while a child of its keeps the pipes open must not look like a timeout.
        if (!done && (ready == 0 || Clock::now() - lastLivenessCheck >= std::chrono::milliseconds(kLivenessSliceMs))) {
            lastLivenessCheck = Clock::now();
            if (m_child->reapIfExited()) {
                readOutcome(); // it may have answered just before it exited
                m_usable = false;
                if (!done || result.end != StepResult::End::Completed) {
                    result.end = StepResult::End::Exited;
                    done = true;
                }
            }
        }
        if (!done && watchdog && rssBytesNow() > m_limits.memoryBytes) {
            result.end = StepResult::End::MemoryExceeded;
            break;
        }
        if (!done && m_watchShmem && Clock::now() - lastMemoryCheck >= std::chrono::milliseconds(kWatchdogSliceMs)) {
            lastMemoryCheck = Clock::now();
            if (memoryWithoutStorage() > m_limits.memoryBytes) {
                result.end = StepResult::End::MemoryExceeded;
                break;
            }
        }
        if (!done && dutyCycle && Clock::now() >= nextToggle) {
            stopped = !stopped;
            m_child->signalGroup(stopped ? SIGSTOP : SIGCONT);
            const double share = stopped ? 1.0 - m_limits.cpu : m_limits.cpu;
            nextToggle = Clock::now() + std::chrono::microseconds(static_cast<qint64>(kDutyPeriodMs * 1000 * share));
        }
    }
    if (stopped)
        m_child->signalGroup(SIGCONT);

    // What the launcher wrote before its outcome line is in the pipes already, at most a pipe's
    // capacity per stream; anything beyond comes from background writers and waits for later.
    constexpr qint64 kFinalDrain = 1024 * 1024;
    if (result.end != StepResult::End::Completed) {
        m_usable = false;
        if (m_group)
            m_group->killAll(); // the whole tree at once; it no longer waits for them to go
        result.exitDescription = m_child->killAndReap();
    }
    // Output written before the outcome line was flagged by the same poll() that saw the outcome
    // and read in that wake, so a completed step drains again only after a budget cut.
    for (int index : {1, 2}) {
        if (fds[index].fd >= 0 && (unread[index] || result.end != StepResult::End::Completed))
            drain(index, kFinalDrain);
    }
    if (result.end == StepResult::End::Exited) {
        const bool oom = (m_group && m_group->oomKills() > m_oomKillsSeen) || logs.stderrContains("heap out of memory");
        if (oom)
            result.end = StepResult::End::MemoryExceeded;
    }

    const qint64 cpu = cpuNanosNow();
    if (cpu >= 0 && m_lastCpuNanos >= 0)
        result.cpuNanos = std::max<qint64>(0, cpu - m_lastCpuNanos);
    m_lastCpuNanos = cpu;
    result.peakMemoryBytes = peakMemoryNow();
    if (m_watchShmem && m_usable) { // /tmp's bytes: memory.stat's shmem (one read, no walk of /tmp)
        result.storageUsedBytes = std::max<qint64>(0, m_group->shmemBytes());
        result.peakMemoryBytes = std::max<qint64>(0, result.peakMemoryBytes - result.storageUsedBytes);
    }
    // The OOM killer may have taken one of the action's children during a step that completed;
    // remember that count so a later crash is not blamed on memory. Only worth a file read when
    // the step came near the limit.
    if (m_group && result.peakMemoryBytes * 10 >= m_limits.memoryBytes * 9)
        m_oomKillsSeen = m_group->oomKills();
    if (m_usable)
        resetPeakMemory();
    m_lastStepMicros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
    return result;
}

} // namespace funcdesk
