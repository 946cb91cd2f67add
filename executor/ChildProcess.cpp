#include "executor/ChildProcess.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace funcdesk {

namespace {

struct Pipe
{
    int read = -1;
    int write = -1;
    bool open()
    {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0)
            return false;
        read = fds[0];
        write = fds[1];
        return true;
    }
    void close()
    {
        if (read >= 0)
            ::close(read);
        if (write >= 0)
            ::close(write);
        read = write = -1;
    }
};

// Every live child's process group, so a signal handler can take them all down with the
// executor (they run in their own groups and would not get a terminal's SIGINT). Plain atomics:
// readable from a signal handler.
constexpr int kRegistrySize = 4096;
std::atomic<pid_t> g_liveGroups[kRegistrySize];

void registerGroup(pid_t pid)
{
    for (auto &slot : g_liveGroups) {
        pid_t empty = 0;
        if (slot.compare_exchange_strong(empty, pid))
            return;
    }
}

void unregisterGroup(pid_t pid)
{
    for (auto &slot : g_liveGroups) {
        pid_t expected = pid;
        if (slot.compare_exchange_strong(expected, 0))
            return;
    }
}

QString describeStatus(int status)
{
    if (WIFEXITED(status))
        return QStringLiteral("exit code %1").arg(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return QStringLiteral("signal %1 (%2)")
            .arg(WTERMSIG(status))
            .arg(QString::fromLocal8Bit(strsignal(WTERMSIG(status))));
    return QStringLiteral("status %1").arg(status);
}

// vfork + execve for a child that must join its cgroups first (posix_spawn has no step for that
// on cgroup v1; glibc's posix_spawnattr_setcgroup_np is v2 only). Between vfork and execve the
// child shares our memory and runs only async-signal-safe calls: no allocation, no locks. All
// signals stay blocked in the parent meanwhile, so no handler of ours runs in the child.
// Returns the pid, or -errno.
pid_t vforkExec(const ChildProcess::Spec &spec, char *const argv[], char *const envp[], const int stdio[4],
                const std::vector<int> &cgroupProcs)
{
    // volatile: kept in memory across vfork(), which returns twice in one stack frame.
    const volatile bool dropIds = spec.uid || spec.gid;
    const volatile bool root = ::geteuid() == 0;
    const volatile long uid = spec.uid ? static_cast<long>(*spec.uid) : static_cast<long>(::geteuid());
    const volatile long gid = spec.gid ? static_cast<long>(*spec.gid) : static_cast<long>(::getegid());
    const volatile int inherit = spec.inheritFd;
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    volatile int childError = 0; // written by the child before it exits; we are suspended until then
    const char *program = spec.program.constData();
    const char *directory = spec.workingDirectory.isEmpty() ? nullptr : spec.workingDirectory.constData();
    const pid_t pid = vfork();
    if (pid == 0) {
        struct sigaction byDefault;
        memset(&byDefault, 0, sizeof byDefault);
        byDefault.sa_handler = SIG_DFL;
        for (int signal = 1; signal < NSIG; ++signal)
            sigaction(signal, &byDefault, nullptr); // undoes our SIGPIPE ignore; fails harmlessly for some
        for (int fd : cgroupProcs)
            [[maybe_unused]] const ssize_t joined = ::write(fd, "0", 1); // "0": the writing process
        // Raw system calls: glibc's set*id wrappers signal every thread of the parent to change
        // theirs too, which a vfork child of a threaded process must never do. After the cgroups
        // (joining needs our privileges), before the program.
        if (dropIds && ((root && syscall(SYS_setgroups, 0, nullptr) != 0) ||
                        syscall(SYS_setresgid, gid, gid, gid) != 0 || syscall(SYS_setresuid, uid, uid, uid) != 0)) {
            childError = errno;
            _exit(127);
        }
        setpgid(0, 0); // own group: a timeout kills the action's children too
        // Out of the way of the dup2s below, then onto fd 4 after them.
        const int inherited = inherit >= 0 ? fcntl(inherit, F_DUPFD, 10) : -1;
        if (inherit >= 0 && inherited < 0) {
            childError = errno;
            _exit(127);
        }
        for (int target = 0; target < 4; ++target) {
            // dup2 onto itself keeps close-on-exec: clear it instead.
            const int ok = stdio[target] == target ? fcntl(target, F_SETFD, 0) : dup2(stdio[target], target);
            if (ok < 0) {
                childError = errno;
                _exit(127);
            }
        }
        if (inherited >= 0 && dup2(inherited, 4) != 4) {
            childError = errno;
            _exit(127);
        }
        const unsigned firstClosed = inherited >= 0 ? 5U : 4U;
        if (syscall(SYS_close_range, firstClosed, ~0U, 0U) != 0) { // before Linux 5.9
            for (int fd = static_cast<int>(firstClosed); fd < 65536; ++fd)
                ::close(fd);
        }
        if (directory && chdir(directory) != 0) {
            childError = errno;
            _exit(127);
        }
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        execve(program, argv, envp);
        childError = errno;
        _exit(127);
    }
    const int forkError = errno;
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    if (pid < 0)
        return -forkError;
    if (childError != 0) {
        waitpid(pid, nullptr, 0);
        return -childError;
    }
    return pid;
}

} // namespace

Result<ChildProcess *> ChildProcess::spawn(const Spec &spec)
{
    Pipe in, out, err, result;
    if (!in.open() || !out.open() || !err.open() || !result.open()) {
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        in.close();
        out.close();
        err.close();
        result.close();
        return PlatformError{PlatformError::Kind::Server, QStringLiteral("Cannot create pipes: %1").arg(reason)};
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, 1);
    posix_spawn_file_actions_adddup2(&actions, err.write, 2);
    posix_spawn_file_actions_adddup2(&actions, result.write, 3);
    posix_spawn_file_actions_addclosefrom_np(&actions, 4);
    if (!spec.workingDirectory.isEmpty())
        posix_spawn_file_actions_addchdir_np(&actions, spec.workingDirectory.constData());

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t noSignals, defaultSignals;
    sigemptyset(&noSignals);
    sigfillset(&defaultSignals);
    posix_spawnattr_setsigmask(&attributes, &noSignals);
    posix_spawnattr_setsigdefault(&attributes, &defaultSignals); // undo our SIGPIPE ignore
    posix_spawnattr_setpgroup(&attributes, 0);                   // own group: a timeout kills the action's children too
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<char *> argv;
    argv.push_back(const_cast<char *>(spec.program.constData()));
    for (const QByteArray &argument : spec.arguments)
        argv.push_back(const_cast<char *>(argument.constData()));
    argv.push_back(nullptr);
    std::vector<char *> envp;
    for (const QByteArray &variable : spec.environment)
        envp.push_back(const_cast<char *>(variable.constData()));
    envp.push_back(nullptr);

    pid_t pid = -1;
    int rc = 0;
    if (spec.uid || spec.gid) {
        // The child's ends belong to the ids it runs as: the launcher reopens fd 3 through
        // /proc/self/fd, which checks the pipe's owner like a file's.
        const uid_t uid = spec.uid.value_or(static_cast<uid_t>(-1));
        const gid_t gid = spec.gid.value_or(static_cast<gid_t>(-1));
        for (int fd : {in.read, out.write, err.write, result.write})
            [[maybe_unused]] const int owned = fchown(fd, uid, gid);
    }
    if (spec.joinCgroups.isEmpty() && !spec.uid && !spec.gid && spec.inheritFd < 0) {
        rc = posix_spawn(&pid, spec.program.constData(), &actions, &attributes, argv.data(), envp.data());
    } else {
        std::vector<int> cgroupProcs;
        for (const QByteArray &path : spec.joinCgroups) {
            const int fd = ::open(path.constData(), O_WRONLY | O_CLOEXEC);
            if (fd >= 0)
                cgroupProcs.push_back(fd);
        }
        const int stdio[4] = {in.read, out.write, err.write, result.write};
        pid = vforkExec(spec, argv.data(), envp.data(), stdio, cgroupProcs);
        if (pid < 0)
            rc = -pid;
        for (int fd : cgroupProcs)
            ::close(fd);
    }
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(in.read);
    ::close(out.write);
    ::close(err.write);
    ::close(result.write);
    if (rc != 0) {
        ::close(in.write);
        ::close(out.read);
        ::close(err.read);
        ::close(result.read);
        return PlatformError{PlatformError::Kind::Server,
                             QStringLiteral("Cannot start %1: %2")
                                 .arg(QString::fromLocal8Bit(spec.program), QString::fromLocal8Bit(strerror(rc)))};
    }

    auto *child = new ChildProcess;
    child->m_pid = pid;
    registerGroup(pid);
    child->m_stdin = in.write;
    child->m_stdout = out.read;
    child->m_stderr = err.read;
    child->m_result = result.read;
    // All non-blocking: the executor waits in poll() with the activation's deadline, never in a read
    // or write a stuck action could hold forever.
    for (int fd : {child->m_stdin, child->m_stdout, child->m_stderr, child->m_result})
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return child;
}

void ChildProcess::killAllGroups()
{
    for (auto &slot : g_liveGroups) {
        const pid_t pid = slot.load();
        if (pid > 0) {
            ::kill(-pid, SIGKILL);
            ::kill(-pid, SIGCONT);
        }
    }
}

ChildProcess::~ChildProcess()
{
    killAndReap();
    closeFds();
}

void ChildProcess::closeFds()
{
    for (int *fd : {&m_stdin, &m_stdout, &m_stderr, &m_result}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

qsizetype ChildProcess::writeSomeStdin(const char *data, qsizetype size)
{
    for (;;) {
        const ssize_t written = ::write(m_stdin, data, static_cast<size_t>(size));
        if (written >= 0)
            return written;
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN)
            return 0;
        return -1; // EPIPE: the child is gone (SIGPIPE is ignored by the executor)
    }
}

void ChildProcess::signalGroup(int signal) const
{
    if (m_pid > 0 && !m_reaped) {
        ::kill(-m_pid, signal);
        if (m_innerGroup > 0)
            ::kill(-m_innerGroup, signal);
    }
}

bool ChildProcess::reapIfExited()
{
    if (m_reaped)
        return true;
    // Peek without reaping: while the child is a zombie its pid (our group id) cannot be reused,
    // so killing the group cannot hit an unrelated process.
    siginfo_t info{};
    if (waitid(P_PID, static_cast<id_t>(m_pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid != m_pid)
        return false;
    killAndReap();
    return true;
}

QString ChildProcess::killAndReap()
{
    if (m_pid <= 0 || m_reaped)
        return m_exitDescription;
    ::kill(-m_pid, SIGKILL);
    ::kill(-m_pid, SIGCONT); // a stopped group (CPU duty cycle) must run to die
    if (m_innerGroup > 0) {
        ::kill(-m_innerGroup, SIGKILL);
        ::kill(-m_innerGroup, SIGCONT);
    }
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_reaped = true;
    unregisterGroup(m_pid);
    m_exitDescription = describeStatus(status);
    return m_exitDescription;
}

} // namespace funcdesk
