#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>

#include <cerrno>
#include <optional>
#include <sys/types.h>
#include <unistd.h>

namespace funcdesk {

// How readPipe() stopped.
enum class PipeRead { Empty, Closed, OverBudget };

// Reads what a non-blocking pipe holds, a chunk at a time into `buffer`, handing each chunk to
// take(data, size), until a short read (the pipe is empty), end of file, an error, or `budget`
// bytes (so a caller draining a flood still gets back to its deadline).
template <typename Take> PipeRead readPipe(int fd, char *buffer, qsizetype size, qint64 budget, Take &&take)
{
    while (budget > 0) {
        const ssize_t n = ::read(fd, buffer, static_cast<size_t>(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            return PipeRead::Closed;
        if (n < 0)
            return PipeRead::Empty;
        budget -= n;
        take(static_cast<const char *>(buffer), static_cast<qsizetype>(n));
        if (n < size)
            return PipeRead::Empty;
    }
    return PipeRead::OverBudget;
}

// A child process in its own process group, with stdin, stdout, stderr and fd 3 on pipes.
// Started with posix_spawn (vfork-fast, safe in a threaded parent), or, when it must join cgroups
// before its program starts, with vfork and only async-signal-safe calls until execve. The
// destructor kills the whole process group and reaps the child, so a ChildProcess never leaks a
// process or an fd.
class ChildProcess
{
public:
    struct Spec
    {
        QByteArray program;
        QList<QByteArray> arguments;   // without argv[0]
        QList<QByteArray> environment; // "KEY=value"
        QByteArray workingDirectory;
        // cgroup.procs files the child writes itself into before execve, so everything the
        // program allocates from its first instruction is charged to (and limited by) the group.
        // Best effort: a file that cannot be opened or written is skipped.
        QList<QByteArray> joinCgroups;
        // The child drops to these ids after joining its cgroups (setgroups(0), setresgid,
        // setresuid), so a root executor's functions run unprivileged. Unset: ours.
        std::optional<uid_t> uid;
        std::optional<gid_t> gid;
        // An fd the child gets as its fd 4 (bubblewrap's --seccomp 4); -1: none.
        int inheritFd = -1;
    };

    static Result<ChildProcess *> spawn(const Spec &spec);
    // SIGKILLs the process group of every child not yet reaped. Async-signal-safe: for a
    // SIGTERM/SIGINT handler that must not leave running actions behind.
    static void killAllGroups();
    ~ChildProcess();
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    pid_t pid() const { return m_pid; }
    int stdinFd() const { return m_stdin; }
    int stdoutFd() const { return m_stdout; }
    int stderrFd() const { return m_stderr; }
    int resultFd() const { return m_result; }

    // Writes what stdin takes now (it is non-blocking): bytes written, 0 when the pipe is full,
    // -1 when the child is gone.
    qsizetype writeSomeStdin(const char *data, qsizetype size);
    // Signals the whole process group (and the inner one, when set).
    void signalGroup(int signal) const;
    // A second process group that signals and the final kill also reach: a sandboxed program
    // runs in a session of its own below bubblewrap (--new-session).
    void setInnerGroup(pid_t group) { m_innerGroup = group; }
    // Reaps the child if it has exited (non-blocking); true once it is gone.
    bool reapIfExited();
    // Kills the group, waits for the child and describes how it ended ("exit code 1", "signal 11").
    QString killAndReap();
    QString exitDescription() const { return m_exitDescription; }

private:
    ChildProcess() = default;
    void closeFds();

    pid_t m_pid = -1;
    pid_t m_innerGroup = -1;
    int m_stdin = -1;
    int m_stdout = -1;
    int m_stderr = -1;
    int m_result = -1;
    bool m_reaped = false;
    QString m_exitDescription;
};

} // namespace funcdesk
