#include "executor/SharedProcess.h"

#include "core/SystemLimits.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <poll.h>
#include <unistd.h>

namespace funcdesk {

namespace {

using Clock = std::chrono::steady_clock;

constexpr qint64 kReadChunk = 64 * 1024;
constexpr qint64 kMaxReadPerTurn = 4 * 1024 * 1024; // keep checking deadlines during a flood
constexpr int kLivenessSliceMs = 100;
constexpr qint64 kMinKeepBytes = 512 * 1024;   // log records are at most 64 Ki characters
constexpr qint64 kPipeOutputCap = 1024 * 1024; // fd 1/2 output held for the next outcome

qint64 msUntil(Clock::time_point deadline)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
}

// `{"seq":N,` at the start of a line: N, and where the rest begins; -1 if it is not there.
qint64 parseSeq(const QByteArray &line, qsizetype *rest)
{
    static constexpr QByteArrayView prefix = R"({"seq":)";
    if (!line.startsWith(prefix))
        return -1;
    qint64 seq = 0;
    qsizetype i = prefix.size();
    for (; i < line.size() && line[i] >= '0' && line[i] <= '9' && i < 24; ++i)
        seq = seq * 10 + (line[i] - '0');
    if (i == prefix.size() || i >= line.size() || line[i] != ',')
        return -1;
    *rest = i + 1;
    return seq;
}

} // namespace

SharedProcess::SharedProcess(std::unique_ptr<RuntimeProcess> process) : m_process(std::move(process))
{
    m_lastCpuNanos = m_process->cpuNanosNow();
    m_spinBudgetMicros = m_process->m_spinBudgetMicros;
}

SharedProcess::~SharedProcess() = default;

bool SharedProcess::usable()
{
    if (knownDead())
        return false;
    // Busy (the lock is held): something runs in it, so it is not idle and cannot have died
    // unnoticed. Never wait here: SharedPool asks while holding its own lock.
    std::unique_lock lock(m_mutex, std::try_to_lock);
    if (lock.owns_lock() && m_waiters.empty() && m_process->m_child->reapIfExited())
        m_dead = true; // died while idle (a stray asynchronous error, say): not the next caller's fault
    return !m_dead;
}

void SharedProcess::releaseReaderLocked()
{
    m_readerActive = false;
    for (auto &[seq, waiter] : m_waiters) {
        if (waiter->sleeping && !waiter->done) {
            waiter->wake.notify_one();
            return;
        }
    }
    // Nobody asleep: every caller in flight is writing its request and takes the role after.
}

bool SharedProcess::readTurnIfFree(int waitMs)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_readerActive)
            return false;
        m_readerActive = true;
    }
    readTurn(waitMs, 0);
    std::lock_guard lock(m_mutex);
    releaseReaderLocked();
    return true;
}

bool SharedProcess::writeRequest(const QByteArray &line, Clock::time_point deadline)
{
    ChildProcess &child = *m_process->m_child;
    if (line.size() <= PIPE_BUF) {
        // All or nothing (POSIX, for a non-blocking pipe): nothing can land inside it.
        std::shared_lock shared(m_writeMutex, std::defer_lock);
        if (!shared.try_lock_until(deadline))
            return false;
        const qsizetype n = child.writeSomeStdin(line.constData(), line.size());
        if (n == line.size())
            return true;
        if (n < 0 || m_dead)
            return false;
        // The pipe is full: wait for room below, alone.
    }
    std::unique_lock lock(m_writeMutex, std::defer_lock);
    if (!lock.try_lock_until(deadline))
        return false;
    for (qsizetype sent = 0; sent < line.size();) {
        const qsizetype n = child.writeSomeStdin(line.constData() + sent, line.size() - sent);
        if (n < 0 || m_dead)
            return false;
        sent += n;
        if (sent == line.size())
            break;
        const qint64 left = msUntil(deadline);
        if (left <= 0)
            return false;
        // The pipe is full. The launcher may itself be blocked writing output nobody reads:
        // read it if nobody else is, else wait for room.
        if (readTurnIfFree(static_cast<int>(std::min<qint64>(left, 1))))
            continue;
        pollfd out{child.stdinFd(), POLLOUT, 0};
        if (::poll(&out, 1, static_cast<int>(std::min<qint64>(left, 10))) < 0 && errno != EINTR)
            return false;
    }
    return true;
}

std::optional<StepResult> SharedProcess::run(const QByteArray &request, qint64 timeoutMs, qint64 maxOutcomeBytes,
                                             LogCapture &logs)
{
    const auto started = Clock::now();
    const auto deadline = started + std::chrono::milliseconds(timeoutMs);
    RuntimeProcess::StepCount counted;
    Waiter me;
    me.logs = &logs;
    me.maxOutcomeBytes = maxOutcomeBytes;
    quint64 seq = 0;
    {
        std::lock_guard lock(m_mutex);
        if (knownDead())
            return std::nullopt;
        seq = m_nextSeq++;
        me.cpuAtStart = m_lastCpuNanos;
        m_keepBytes = std::max({m_keepBytes.load(), maxOutcomeBytes, kMinKeepBytes});
        m_waiters.emplace(seq, &me);
    }
    QByteArray line;
    line.reserve(request.size() + 24);
    line += R"({"seq":)" + QByteArray::number(seq) + ',';
    line.append(request.constData() + 1, request.size() - 1);
    const bool written = writeRequest(line, deadline);

    std::unique_lock lock(m_mutex);
    const QString aborted =
        QStringLiteral("The action's process was stopped because another activation in it exceeded its time limit.");
    if (!written && !me.done && Clock::now() >= deadline) { // stdin stayed full: the launcher is stuck
        me.result.end = StepResult::End::TimedOut;
        me.done = true;
        killLocked();
        endAll(StepResult::End::Aborted, aborted, lock);
    }
    if (!written && !me.done) {
        // Not all of it went in, and not for lack of time: the launcher is gone or going (it said
        // it is exiting). A line it did not get whole never ran: the caller may try elsewhere.
        // Marked dead, so SharedPool::release() retires it (knownDead()) and the retry starts anew.
        m_dead = true;
        m_waiters.erase(seq);
        if (!m_readerActive && !m_waiters.empty())
            releaseReaderLocked();
        return std::nullopt;
    }
    while (!me.done) {
        if (!m_readerActive) {
            m_readerActive = true;
            const bool spin = m_spinBudgetMicros > 0 && m_waiters.size() == 1 && counted.others == 0 &&
                              m_lastStepMicros >= 0 && m_lastStepMicros < m_spinBudgetMicros &&
                              SystemLimits::machineCores() >= 2;
            lock.unlock();
            const qint64 left = std::max<qint64>(0, msUntil(deadline));
            readTurn(static_cast<int>(std::min<qint64>(left, kLivenessSliceMs)), spin ? m_spinBudgetMicros : 0);
            lock.lock();
            m_readerActive = false; // looping: taken again at once; leaving: handed on below
        } else {
            me.sleeping = true;
            me.wake.wait_until(lock, deadline);
            me.sleeping = false;
        }
        if (!me.done && Clock::now() >= deadline) {
            me.result.end = StepResult::End::TimedOut;
            me.done = true;
            killLocked();
            endAll(StepResult::End::Aborted, aborted, lock);
        }
    }
    m_waiters.erase(seq);
    if (!m_readerActive && !m_waiters.empty())
        releaseReaderLocked(); // the role is free: someone asleep must take it
    if (me.result.end == StepResult::End::Completed) {
        m_lastStepMicros = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
        if (me.cpuAtStart >= 0 && m_lastCpuNanos >= 0)
            me.result.cpuNanos = std::max<qint64>(0, m_lastCpuNanos - me.cpuAtStart);
        me.result.peakMemoryBytes = m_lastPeakBytes;
        if (m_waiters.empty() && !m_dead && m_process)
            m_process->resetPeakMemory(); // idle: the next activation's peak starts here
    }
    return me.result;
}

void SharedProcess::readTurn(int waitMs, qint64 spinMicros)
{
    ChildProcess &child = *m_process->m_child;
    pollfd fds[3] = {{m_eof ? -1 : child.resultFd(), POLLIN, 0},
                     {m_pipeClosed[0] ? -1 : child.stdoutFd(), POLLIN, 0},
                     {m_pipeClosed[1] ? -1 : child.stderrFd(), POLLIN, 0}};
    int ready = 0;
    if (spinMicros > 0) {
        const auto until = Clock::now() + std::chrono::microseconds(spinMicros);
        while ((ready = ::poll(fds, 3, 0)) == 0 && Clock::now() < until) {
        }
    }
    if (ready == 0)
        ready = ::poll(fds, 3, waitMs);
    char buffer[kReadChunk];
    QByteArray pipeData[2]; // appended to m_pipeOutput under the lock: endAll() may read it
    bool exited = false;
    if (ready > 0) {
        for (int index : {1, 2}) {
            if (fds[index].fd < 0 || !fds[index].revents)
                continue;
            const PipeRead end = readPipe(fds[index].fd, buffer, sizeof buffer, kMaxReadPerTurn,
                                          [&](const char *data, qsizetype n) { pipeData[index - 1].append(data, n); });
            m_pipeClosed[index - 1] = end == PipeRead::Closed; // polled only while open
        }
        if (fds[0].fd >= 0 && fds[0].revents) {
            const PipeRead end = readPipe(fds[0].fd, buffer, sizeof buffer, kMaxReadPerTurn,
                                          [&](const char *data, qsizetype n) { takeLines(data, n); });
            m_eof = end == PipeRead::Closed;
        }
    }

    qint64 cpu = -1;
    qint64 peak = -1;
    if (!m_completeLines.empty()) { // measured once per batch of outcomes
        cpu = m_process->cpuNanosNow();
        peak = m_process->peakMemoryNow();
    }
    std::unique_lock lock(m_mutex);
    for (int index : {0, 1}) {
        QByteArray &held = m_pipeOutput[index];
        const qint64 keep = std::min<qint64>(std::max<qint64>(0, kPipeOutputCap - held.size()), pipeData[index].size());
        held.append(pipeData[index].constData(), keep);
        m_pipeDropped += pipeData[index].size() - keep;
    }
    if (cpu >= 0)
        m_lastCpuNanos = cpu;
    if (peak >= 0)
        m_lastPeakBytes = peak;
    for (size_t i = 0; i < m_completeLines.size(); ++i)
        deliverLine(m_completeLines[i], m_completeLineBytes[i], lock);
    m_completeLines.clear();
    m_completeLineBytes.clear();
    // Under the lock: a caller that times out signals the process group, which must not be
    // reaped (and its pid reused) meanwhile.
    if (!m_exited && (ready == 0 || m_eof))
        exited = m_eof || child.reapIfExited();
    if (!m_dead && !exited && !m_process->m_group && m_process->rssBytesNow() > m_process->m_limits.memoryBytes) {
        killLocked(); // no cgroup for this process: the watchdog's limit
        endAll(StepResult::End::MemoryExceeded, QString(), lock);
        return;
    }
    if (exited && !m_exited) {
        m_exited = true;
        const QString description = child.killAndReap();
        RuntimeProcess &process = *m_process;
        const bool oom = process.m_group && process.m_group->oomKills() > process.m_oomKillsSeen;
        endAll(oom ? StepResult::End::MemoryExceeded : StepResult::End::Exited, description, lock);
    }
}

void SharedProcess::takeLines(const char *data, qsizetype size)
{
    qsizetype begin = 0;
    while (begin < size) {
        const char *newline = static_cast<const char *>(memchr(data + begin, '\n', static_cast<size_t>(size - begin)));
        const qsizetype end = newline ? newline - data : size;
        const qsizetype piece = end - begin;
        const qint64 room = std::max<qint64>(0, m_keepBytes.load(std::memory_order_relaxed) - m_line.size());
        m_line.append(data + begin, std::min<qint64>(room, piece));
        m_lineBytes += piece;
        if (!newline)
            return;
        m_completeLines.push_back(std::move(m_line));
        m_completeLineBytes.push_back(m_lineBytes);
        m_line = QByteArray();
        m_lineBytes = 0;
        begin = end + 1;
    }
}

void SharedProcess::deliverLine(const QByteArray &line, qint64 lineBytes, std::unique_lock<std::mutex> &)
{
    qsizetype rest = 0;
    const qint64 seq = parseSeq(line, &rest);
    if (seq == 0) { // {"seq":0,"exiting":true}: the launcher ends after this
        m_dead = true;
        return;
    }
    const auto it = seq >= 0 ? m_waiters.find(static_cast<quint64>(seq)) : m_waiters.end();
    if (it == m_waiters.end() || it->second->done)
        return; // for an activation that ended already (it timed out): nothing to do
    Waiter &waiter = *it->second;
    const QByteArrayView body = QByteArrayView(line).sliced(rest);
    for (const char *stream : {R"("stdout":)", R"("stderr":)"}) {
        if (!body.startsWith(QByteArrayView(stream)))
            continue;
        const auto kind = stream[4] == 'o' ? LogCapture::Stream::Stdout : LogCapture::Stream::Stderr;
        // The record's text is one JSON string: parse it as the only element of an array.
        QByteArray array = '[' + body.sliced(9).chopped(1).toByteArray() + ']';
        const QJsonArray parsed = QJsonDocument::fromJson(array).array();
        if (lineBytes > line.size() || parsed.size() != 1) {
            waiter.logs->append(LogCapture::Stream::Stderr, "(the runtime sent a log record Funcdesk could not read)\n",
                                57);
            return;
        }
        const QByteArray text = parsed.first().toString().toUtf8();
        waiter.logs->append(kind, text.constData(), text.size());
        return;
    }
    // The outcome: what was written to fd 1 and 2 in the meantime goes to this activation.
    for (int index : {0, 1}) {
        if (!m_pipeOutput[index].isEmpty()) {
            waiter.logs->append(index == 0 ? LogCapture::Stream::Stdout : LogCapture::Stream::Stderr,
                                m_pipeOutput[index].constData(), m_pipeOutput[index].size());
            m_pipeOutput[index].clear();
        }
    }
    if (m_pipeDropped > 0) {
        const QByteArray note =
            "\n(" + QByteArray::number(m_pipeDropped) +
            " bytes written straight to stdout/stderr while activations ran together were dropped)\n";
        waiter.logs->append(LogCapture::Stream::Stderr, note.constData(), note.size());
        m_pipeDropped = 0;
    }
    waiter.result.end = StepResult::End::Completed;
    waiter.result.outcome = '{' + body.toByteArray();
    waiter.result.outcomeBytes = lineBytes - rest + 1;
    if (waiter.result.outcomeBytes > waiter.maxOutcomeBytes)
        waiter.result.outcome.truncate(waiter.maxOutcomeBytes);
    waiter.done = true;
    waiter.wake.notify_one();
}

void SharedProcess::endAll(StepResult::End end, const QString &why, std::unique_lock<std::mutex> &)
{
    m_dead = true;
    for (auto &[seq, waiter] : m_waiters) {
        if (waiter->done)
            continue;
        for (int index : {0, 1}) { // whatever the process printed last may say why it ended
            if (!m_pipeOutput[index].isEmpty())
                waiter->logs->append(index == 0 ? LogCapture::Stream::Stdout : LogCapture::Stream::Stderr,
                                     m_pipeOutput[index].constData(), m_pipeOutput[index].size());
        }
        const bool heap = end == StepResult::End::Exited && waiter->logs->stderrContains("heap out of memory");
        waiter->result.end = heap ? StepResult::End::MemoryExceeded : end;
        waiter->result.exitDescription = why;
        waiter->done = true;
        waiter->wake.notify_one();
    }
}

void SharedProcess::killLocked()
{
    m_dead = true;
    if (!m_process)
        return;
    if (m_process->m_group)
        m_process->m_group->killAll();
    m_process->m_child->signalGroup(SIGKILL); // the reader (if any) sees the pipes close
}

} // namespace funcdesk
