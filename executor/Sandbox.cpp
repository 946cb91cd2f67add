#include "executor/Sandbox.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QStandardPaths>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/stat.h>
#include <unistd.h>

namespace funcdesk {

namespace {

constexpr uint kNobody = 65534;
constexpr int kSeccompFd = 4; // ChildProcess::Spec::inheritFd lands here

// Calls no function needs, refused with EPERM (docs/executor.md, "Sandbox", says why each).
const char *const kDeniedCalls[] = {
    "ptrace",
    "process_vm_readv",
    "process_vm_writev", // other processes' memory
    "mount",
    "umount2",
    "pivot_root",
    "move_mount",
    "open_tree",
    "fsopen",
    "fsmount", // the filesystem view
    "fsconfig",
    "fspick",
    "mount_setattr",
    "setns",
    "unshare", // namespaces
    "swapon",
    "swapoff",
    "reboot",
    "kexec_load",
    "kexec_file_load", // the machine
    "init_module",
    "finit_module",
    "delete_module", // kernel modules
    "keyctl",
    "add_key",
    "request_key", // kernel keyrings
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "acct",
    "quotactl",
    "quotactl_fd", // kernel attack surface
    "open_by_handle_at",
    "name_to_handle_at",
    "lookup_dcookie",
    "iopl",
    "ioperm",
    "syslog", // host files and ports
};

// personality() flags that weaken the process's own protections (ASLR off, executable data,
// a mapping at address 0, the old address-space layouts); the default and PER_LINUX32 stay allowed.
constexpr unsigned long kDeniedPersonalities[] = {ADDR_NO_RANDOMIZE, MMAP_PAGE_ZERO,   ADDR_COMPAT_LAYOUT,
                                                  READ_IMPLIES_EXEC, ADDR_LIMIT_32BIT, ADDR_LIMIT_3GB,
                                                  FDPIC_FUNCPTRS};

// The filter as classic BPF, from libseccomp; empty (and `error` set) when it cannot be built.
QByteArray buildSeccompFilter(QString *error)
{
    scmp_filter_ctx context = seccomp_init(SCMP_ACT_ALLOW);
    if (!context) {
        *error = QCoreApplication::translate("funcdesk::Sandbox", "Cannot build the seccomp filter (libseccomp).");
        return {};
    }
    bool ok = true;
    for (const char *name : kDeniedCalls) {
        const int call = seccomp_syscall_resolve_name(name);
        if (call != __NR_SCMP_ERROR)
            ok = ok && seccomp_rule_add(context, SCMP_ACT_ERRNO(EPERM), call, 0) == 0;
    }
    // One masked comparison per rule (libseccomp refuses two on the same argument). The top bit
    // keeps the query personality(0xffffffff) allowed.
    for (const unsigned long flag : kDeniedPersonalities)
        ok = ok && seccomp_rule_add(context, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(personality), 1,
                                    SCMP_A0(SCMP_CMP_MASKED_EQ, flag | 0x80000000UL, flag)) == 0;
    QByteArray program;
    const int fd = memfd_create("funcdesk-seccomp", MFD_CLOEXEC);
    if (ok && fd >= 0 && seccomp_export_bpf(context, fd) == 0) {
        char buffer[4096];
        ssize_t n;
        ::lseek(fd, 0, SEEK_SET);
        while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
            program.append(buffer, n);
    }
    if (fd >= 0)
        ::close(fd);
    seccomp_release(context);
    if (program.isEmpty())
        *error = QCoreApplication::translate("funcdesk::Sandbox", "Cannot build the seccomp filter (libseccomp).");
    return program;
}

// Whether `uid`/`gid` (no supplementary groups) may search every folder above `path` and read
// and execute it: what the sandbox needs to bind and start an interpreter.
bool reachableBy(const QByteArray &path, uid_t uid, gid_t gid)
{
    auto allowed = [&](const struct stat &info, mode_t ownerBit, mode_t groupBit, mode_t otherBit) {
        if (info.st_uid == uid)
            return (info.st_mode & ownerBit) != 0;
        if (info.st_gid == gid)
            return (info.st_mode & groupBit) != 0;
        return (info.st_mode & otherBit) != 0;
    };
    if (uid == ::geteuid())
        return ::access(path.constData(), R_OK | X_OK) == 0;
    struct stat info;
    for (qsizetype slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
        if (::stat(path.left(slash).constData(), &info) != 0 || !allowed(info, S_IXUSR, S_IXGRP, S_IXOTH))
            return false;
    }
    return ::stat(path.constData(), &info) == 0 && allowed(info, S_IRUSR, S_IRGRP, S_IROTH) &&
           allowed(info, S_IXUSR, S_IXGRP, S_IXOTH);
}

// The real interpreter (symlinks resolved), for the reachability check and for binding its prefix.
QByteArray realProgram(const QByteArray &program)
{
    const QString canonical = QFileInfo(QFile::decodeName(program)).canonicalFilePath();
    return canonical.isEmpty() ? program : QFile::encodeName(canonical);
}

void warnOnce(const QString &message)
{
    static QMutex mutex;
    static QSet<QString> said;
    QMutexLocker lock(&mutex);
    if (!said.contains(message)) {
        said.insert(message);
        qWarning("%s", qPrintable(message));
    }
}

} // namespace

// One long-lived thread that forks every sandbox: bubblewrap's --die-with-parent is
// PR_SET_PDEATHSIG, which fires when the *thread* that forked it ends, and the callers' threads
// (a thread pool's, a server's) come and go while their warm processes live on.
class Sandbox::Private
{
public:
    Private()
        : thread([this] {
              std::unique_lock lock(mutex);
              for (;;) {
                  wake.wait(lock, [this] { return stopping || !tasks.empty(); });
                  if (tasks.empty())
                      return;
                  auto task = std::move(tasks.front());
                  tasks.pop_front();
                  lock.unlock();
                  task();
                  lock.lock();
              }
          })
    {
    }
    ~Private()
    {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        wake.notify_all();
        thread.join();
    }
    template <typename Function> auto run(Function function)
    {
        std::packaged_task<decltype(function())()> task(std::move(function));
        auto result = task.get_future();
        {
            std::lock_guard lock(mutex);
            tasks.emplace_back([&task] { task(); });
        }
        wake.notify_all();
        return result.get();
    }

    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> tasks;
    bool stopping = false;
    std::thread thread;
};

Sandbox::Sandbox(Settings settings)
{
    m_uid = settings.uid ? *settings.uid : (::geteuid() == 0 ? kNobody : ::geteuid());
    m_gid = settings.gid ? *settings.gid : (::getegid() == 0 ? kNobody : ::getegid());
    if (!settings.enabled) {
        m_problem = QCoreApplication::translate("funcdesk::Sandbox",
                                                "The sandbox is turned off in the executor's configuration.");
        return;
    }
    QString program = settings.program;
    if (qEnvironmentVariableIsSet("FUNCDESK_BWRAP"))
        program = qEnvironmentVariable("FUNCDESK_BWRAP");
    const QString found = program.contains(QLatin1Char('/')) ? (QFileInfo(program).isExecutable() ? program : QString())
                                                             : QStandardPaths::findExecutable(program);
    if (found.isEmpty()) {
        m_problem = QCoreApplication::translate("funcdesk::Sandbox", "bubblewrap (\"%1\") was not found.").arg(program);
    } else {
        m_program = QFile::encodeName(found);
        m_filter = buildSeccompFilter(&m_problem);
    }
    if (m_problem.isEmpty()) {
        d = std::make_unique<Private>();
        m_problem = probe();
    }
    if (!m_problem.isEmpty()) {
        d.reset();
        warnOnce(
            QCoreApplication::translate("funcdesk::Sandbox", "Functions run without a sandbox: %1").arg(m_problem));
    }
}

Sandbox::~Sandbox() = default;

QString Sandbox::probe()
{
    Runtime check;
    check.program = "/usr/bin/true";
    auto spawned = spawn(check, {}, {}, SandboxOptions{1 << 20, false});
    if (!spawned)
        return spawned.error().message;
    std::unique_ptr<ChildProcess> child(spawned.value());
    QByteArray errors;
    char buffer[4096];
    pollfd fd{child->stderrFd(), POLLIN, 0};
    for (int waited = 0; waited < 10000; waited += 100) {
        if (::poll(&fd, 1, 100) <= 0)
            continue;
        const ssize_t n = ::read(fd.fd, buffer, sizeof buffer);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            break; // end of file: bubblewrap and what it started are gone
        if (n > 0 && errors.size() < 4096)
            errors.append(buffer, n);
    }
    for (int waited = 0; waited < 5000 && !child->reapIfExited(); ++waited)
        ::usleep(1000);
    child->killAndReap();
    if (child->exitDescription() == QLatin1String("exit code 0"))
        return {};
    const QString said = QString::fromLocal8Bit(errors).trimmed();
    return said.isEmpty()
               ? QCoreApplication::translate("funcdesk::Sandbox", "bubblewrap could not start a sandbox (%1).")
                     .arg(child->exitDescription())
               : said;
}

QList<QByteArray> Sandbox::arguments(const QByteArray &program, const SandboxOptions &options, bool actionFolder) const
{
    QList<QByteArray> args = {"--unshare-all",
                              "--unshare-user",
                              "--die-with-parent",
                              "--new-session",
                              "--cap-drop",
                              "ALL",
                              "--disable-userns",
                              "--uid",
                              QByteArray::number(kInnerUid),
                              "--gid",
                              QByteArray::number(kInnerGid),
                              "--hostname",
                              "function",
                              "--ro-bind",
                              "/usr",
                              "/usr"};
    if (options.network)
        args << "--share-net";
    // Merged /usr: the top-level links as the host has them.
    for (const char *top : {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"}) {
        const QFileInfo info{QLatin1StringView(top)};
        if (info.isSymLink())
            args << "--symlink" << QFile::encodeName(info.symLinkTarget()) << top;
        else if (info.isDir())
            args << "--ro-bind" << top << top;
    }
    args << "--proc"
         << "/proc"
         << "--dev"
         << "/dev";
    // /etc: only what runtimes read (name resolution, certificates, time zone, the loader's cache).
    for (const char *file : {"/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/host.conf", "/etc/gai.conf",
                             "/etc/ssl", "/etc/ca-certificates", "/etc/localtime", "/etc/ld.so.cache",
                             "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives", "/etc/mime.types"})
        args << "--ro-bind-try" << file << file;
    const QByteArray launchers = QFile::encodeName(launcherDirectory());
    args << "--ro-bind" << launchers + "/etc/passwd"
         << "/etc/passwd"
         << "--ro-bind" << launchers + "/etc/group"
         << "/etc/group"
         << "--ro-bind" << launchers << kLauncherMount;
    // A Go or native action's folder (its `exec` and files), read-only at a fixed place: its cache
    // folder may be under /tmp, which the sandbox's own /tmp hides.
    const QByteArray real = realProgram(program);
    if (actionFolder) {
        args << "--ro-bind" << QFile::encodeName(QFileInfo(QFile::decodeName(real)).absolutePath()) << kActionMount;
    } else if (!real.startsWith("/usr/")) { // an interpreter outside /usr (see reachableRuntimes) brings its prefix
        QFileInfo bin(QFile::decodeName(real));
        QString prefix = bin.absolutePath();
        if (QFileInfo(prefix).fileName() == QLatin1String("bin") && prefix.count(QLatin1Char('/')) > 1)
            prefix = QFileInfo(prefix).absolutePath();
        args << "--ro-bind" << QFile::encodeName(prefix) << QFile::encodeName(prefix);
    }
    args << "--size" << QByteArray::number(options.storageBytes) << "--tmpfs"
         << "/tmp"
         << "--chdir"
         << "/tmp"
         << "--seccomp" << QByteArray::number(kSeccompFd);
    // bubblewrap builds the root and /dev on tmpfs mounts of their own: read-only, so /tmp (with
    // its size) is the only place a function can write. Not recursive: /tmp and the device nodes stay.
    args << "--remount-ro"
         << "/dev"
         << "--remount-ro"
         << "/";
    return args;
}

Result<ChildProcess *> Sandbox::spawn(const Runtime &runtime, const QList<QByteArray> &environment,
                                      const QList<QByteArray> &joinCgroups, const SandboxOptions &options)
{
    if (!d)
        return PlatformError{PlatformError::Kind::Server, m_problem};
    ChildProcess::Spec spec;
    spec.program = m_program;
    spec.arguments = arguments(runtime.program, options, runtime.actionloop);
    // Outside /usr only the interpreter's real prefix is mounted: start it by its real path.
    if (runtime.actionloop)
        spec.arguments << QByteArray(kActionMount) + '/' +
                              QFile::encodeName(QFileInfo(QFile::decodeName(runtime.program)).fileName());
    else
        spec.arguments << (runtime.program.startsWith("/usr/") ? runtime.program : realProgram(runtime.program));
    // The launcher's file as the sandbox sees it.
    const QByteArray launchers = QFile::encodeName(launcherDirectory());
    for (const QByteArray &argument : runtime.arguments)
        spec.arguments << (argument.startsWith(launchers + '/') ? kLauncherMount + argument.mid(launchers.size())
                                                                : argument);
    spec.environment = environment;
    spec.environment << "HOME=/tmp"
                     << "TMPDIR=/tmp";
    spec.workingDirectory = "/";
    spec.joinCgroups = joinCgroups;
    if (m_uid != ::geteuid() || m_gid != ::getegid()) {
        spec.uid = m_uid;
        spec.gid = m_gid;
    }
    // bubblewrap reads the filter to its end: each sandbox gets its own copy.
    const int filter = memfd_create("funcdesk-seccomp", MFD_CLOEXEC);
    if (filter < 0 || ::write(filter, m_filter.constData(), static_cast<size_t>(m_filter.size())) != m_filter.size() ||
        ::lseek(filter, 0, SEEK_SET) != 0) {
        if (filter >= 0)
            ::close(filter);
        return PlatformError{
            PlatformError::Kind::Server,
            QCoreApplication::translate("funcdesk::Sandbox", "Cannot hand the seccomp filter to bubblewrap.")};
    }
    spec.inheritFd = filter;
    auto spawned = d->run([&spec] { return ChildProcess::spawn(spec); });
    ::close(filter);
    return spawned;
}

RuntimeCatalog Sandbox::reachableRuntimes(const RuntimeCatalog &catalog, QStringList *notes) const
{
    QList<Runtime> runtimes;
    for (const Runtime &runtime : catalog.runtimes()) {
        // Go and native actions run their own executable, from a cache folder the sandbox can read.
        if (runtime.actionloop || reachableBy(realProgram(runtime.program), m_uid, m_gid)) {
            runtimes.append(runtime);
            continue;
        }
        const QStringList names = runtime.family == QLatin1String("nodejs")
                                      ? QStringList{QStringLiteral("node"), QStringLiteral("nodejs")}
                                      : QStringList{QStringLiteral("python3")};
        std::optional<Runtime> replacement;
        const QStringList path = qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
        for (const QString &folder : path) {
            for (const QString &name : names) {
                const QString candidate = QStandardPaths::findExecutable(name, {folder});
                if (candidate.isEmpty() || !reachableBy(realProgram(QFile::encodeName(candidate)), m_uid, m_gid))
                    continue;
                auto probed = RuntimeCatalog::probe(runtime.family, QFile::encodeName(candidate));
                if (probed && reachableBy(realProgram(probed->program), m_uid, m_gid)) {
                    replacement = probed;
                    break;
                }
            }
            if (replacement)
                break;
        }
        QString note;
        if (replacement) {
            runtimes.append(*replacement);
            note = (QCoreApplication::translate("funcdesk::Sandbox",
                                                "The sandbox's user cannot reach %1 (%2): %3 runs %4 (%5) instead.")
                        .arg(QFile::decodeName(runtime.program), runtime.kind, runtime.family,
                             QFile::decodeName(replacement->program), replacement->kind));
        } else {
            note =
                (QCoreApplication::translate(
                     "funcdesk::Sandbox", "The sandbox's user (uid %1) cannot reach %2 and no other %3 interpreter on "
                                          "PATH: the %4 runtime is not available.")
                     .arg(m_uid)
                     .arg(QFile::decodeName(runtime.program), runtime.family, runtime.kind));
        }
        warnOnce(note);
        if (notes)
            notes->append(note);
    }
    return RuntimeCatalog::fromRuntimes(std::move(runtimes));
}

} // namespace funcdesk
