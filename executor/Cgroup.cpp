#include "executor/Cgroup.h"

#include <QDir>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace funcdesk {

namespace {

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeSmallFile(const QString &path, const QByteArray &value)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, value.constData(), static_cast<size_t>(value.size())) == value.size();
    ::close(fd);
    return ok;
}

bool makeDir(const QString &path)
{
    return ::mkdir(QFile::encodeName(path).constData(), 0755) == 0 || errno == EEXIST;
}

// Reads an integer at the start of an fd kept open (one pread, no open/close on the hot path).
qint64 preadInteger(int fd)
{
    if (fd < 0)
        return -1;
    char buffer[64];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    if (n <= 0)
        return -1;
    buffer[n] = 0;
    return std::strtoll(buffer, nullptr, 10);
}

// "key value" lines (memory.events, cpu.stat, memory.oom_control): the value for key, or -1.
qint64 keyedValue(const QByteArray &content, const QByteArray &key)
{
    for (const QByteArray &line : content.split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 2 && parts[0] == key)
            return parts[1].toLongLong();
    }
    return -1;
}

struct Mount
{
    QString mountPoint;
    QString root;
    QStringList options;
};

// cgroup mounts from /proc/self/mountinfo: "cgroup2" → the unified mount; otherwise each v1
// controller name → its mount.
QHash<QString, Mount> cgroupMounts()
{
    QHash<QString, Mount> mounts;
    const QList<QByteArray> lines = readSmallFile(QStringLiteral("/proc/self/mountinfo")).split('\n');
    for (const QByteArray &line : lines) {
        const int separator = line.indexOf(" - ");
        if (separator < 0)
            continue;
        const QList<QByteArray> head = line.left(separator).split(' ');
        const QList<QByteArray> tail = line.mid(separator + 3).split(' ');
        if (head.size() < 5 || tail.size() < 3)
            continue;
        Mount mount{QString::fromUtf8(head[4]), QString::fromUtf8(head[3]), {}};
        if (tail[0] == "cgroup2") {
            mounts.insert(QStringLiteral("cgroup2"), mount);
        } else if (tail[0] == "cgroup") {
            for (const QByteArray &option : tail[2].split(','))
                mounts.insert(QString::fromUtf8(option), mount);
        }
    }
    return mounts;
}

// Our own cgroup path per v1 controller (and "" for v2), from /proc/self/cgroup.
QHash<QString, QString> ownCgroupPaths()
{
    QHash<QString, QString> paths;
    const QList<QByteArray> lines = readSmallFile(QStringLiteral("/proc/self/cgroup")).split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> parts = line.split(':');
        if (parts.size() < 3)
            continue;
        const QString path = QString::fromUtf8(line.mid(parts[0].size() + parts[1].size() + 2));
        if (parts[1].isEmpty())
            paths.insert(QString(), path);
        for (const QByteArray &controller : parts[1].split(','))
            paths.insert(QString::fromUtf8(controller), path);
    }
    return paths;
}

QString joinPath(const Mount &mount, QString own)
{
    // Inside a container the mount's root may already be our own path.
    if (mount.root != QLatin1String("/") && own.startsWith(mount.root))
        own = own.mid(mount.root.size());
    return QDir::cleanPath(mount.mountPoint + QLatin1Char('/') + own);
}

// funcdesk-<pid>-<n>: each executor of the process has its own subtree (two executors sharing one
// had the same group names, so freezing one's idle process froze the other's stem cell).
QString groupDirName(int host)
{
    return QStringLiteral("funcdesk-%1-%2").arg(::getpid()).arg(host);
}

std::atomic<int> g_hosts{0};

// The leaf this process moves into when its own v2 group is delegated to it (below).
const char kSelfLeaf[] = "funcdesk.self";

// Whether the v2 group `dir` is ours to manage: systemd marks a Delegate=yes unit's group with
// the trusted.delegate (and, for user managers, user.delegate) attribute and hands its files to
// the unit's user; an unprivileged process can write only such a group's files.
bool isDelegated(const QString &dir)
{
    const QByteArray path = QFile::encodeName(dir);
    for (const char *name : {"trusted.delegate", "user.delegate"}) {
        char value[8] = {};
        if (::getxattr(path.constData(), name, value, sizeof value - 1) > 0 && value[0] == '1')
            return true;
    }
    return ::geteuid() != 0 && ::access((path + "/cgroup.procs").constData(), W_OK) == 0 &&
           ::access((path + "/cgroup.subtree_control").constData(), W_OK) == 0;
}

// Says once per process why the executor does not use its v2 group, and what it uses instead.
void reportV2Fallback(const QString &dir, const QString &reason)
{
    static std::atomic<bool> said{false};
    if (!said.exchange(true))
        qWarning("funcdesk: cgroup v2: not using %s (%s); %s", qPrintable(dir), qPrintable(reason),
                 QFile::exists(QStringLiteral("/sys/fs/cgroup/memory"))
                     ? "using cgroup v1 instead"
                     : "running without cgroup limits (run funcdeskd as a systemd unit with Delegate=yes)");
}

// The controllers' directories, the freezer's first: removing the others waits on tasks that
// only die once their freezer group is thawed.
QStringList freezerFirst(const QHash<QString, QString> &dirs)
{
    QStringList ordered;
    for (auto it = dirs.cbegin(); it != dirs.cend(); ++it) {
        if (it.key() == QLatin1String("freezer"))
            ordered.prepend(it.value());
        else
            ordered.append(it.value());
    }
    return ordered;
}

// "key value" lines of a memory.stat: the value for key, or -1 (a short pread, no allocation
// beyond the buffer).
qint64 statValue(const QString &path, const QByteArray &key)
{
    return keyedValue(readSmallFile(path), key);
}

// Kills whatever still runs in a group (a dead executor's launchers) and removes it. A frozen
// group is thawed first: its tasks ignore SIGKILL until then.
void removeTree(const QString &dir)
{
    const QStringList children = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &child : children)
        removeTree(dir + QLatin1Char('/') + child);
    writeSmallFile(dir + QStringLiteral("/freezer.state"), "THAWED");
    writeSmallFile(dir + QStringLiteral("/cgroup.freeze"), "0");
    for (int attempt = 0; attempt < 50; ++attempt) {
        const QByteArray pids = readSmallFile(dir + QStringLiteral("/cgroup.procs")).trimmed();
        for (const QByteArray &pid : pids.split('\n')) {
            if (pid.toInt() > 0)
                ::kill(pid.toInt(), SIGKILL);
        }
        if (::rmdir(QFile::encodeName(dir).constData()) == 0 || errno == ENOENT)
            return;
        QThread::usleep(2000);
    }
}

} // namespace

QString CgroupHost::delegatedSubtree(const QString &ownPath)
{
    const QString leaf = QLatin1Char('/') + QLatin1StringView(kSelfLeaf);
    if (ownPath.endsWith(leaf)) {
        const QString parent = ownPath.chopped(leaf.size());
        return parent.isEmpty() ? QStringLiteral("/") : parent;
    }
    return ownPath.isEmpty() ? QStringLiteral("/") : ownPath;
}

CgroupHost::CgroupHost() : m_host(g_hosts.fetch_add(1))
{
}

std::shared_ptr<CgroupHost> CgroupHost::detect()
{
    std::shared_ptr<CgroupHost> host(new CgroupHost);
    if (host->setUpV2() || host->setUpV1()) {
        host->removeStaleSiblings();
        // Prove it works: a group we can create and limit.
        if (auto probe = host->createGroup(); probe && probe->setMemoryLimit(512LL << 20))
            return host;
    }
    return nullptr;
}

bool CgroupHost::setUpV2()
{
    const QHash<QString, Mount> mounts = cgroupMounts();
    if (!mounts.contains(QStringLiteral("cgroup2")))
        return false;
    const QString ownPath = delegatedSubtree(ownCgroupPaths().value(QString()));
    const QString own = joinPath(mounts.value(QStringLiteral("cgroup2")), ownPath);
    const bool root = ownPath == QLatin1String("/");
    const QByteArray available = readSmallFile(own + QStringLiteral("/cgroup.controllers"));
    if (!available.contains("memory")) {
        if (!root)
            reportV2Fallback(own, QStringLiteral("it has no memory controller"));
        return false;
    }
    // Enabling controllers for children of a group that holds processes fails (no internal
    // processes rule) unless it is the root. A group delegated to us (systemd's Delegate=yes)
    // is ours to arrange: this process moves into a leaf beneath it, and the group then holds
    // only groups. Another executor of this process finds us there already (delegatedSubtree).
    if (!writeSmallFile(own + QStringLiteral("/cgroup.subtree_control"), "+memory")) {
        if (root || !isDelegated(own)) {
            reportV2Fallback(own, QStringLiteral("it is not delegated to this process"));
            return false;
        }
        const QString self = own + QLatin1Char('/') + QLatin1StringView(kSelfLeaf);
        if (!makeDir(self) || !writeSmallFile(self + QStringLiteral("/cgroup.procs"), "0") ||
            !writeSmallFile(own + QStringLiteral("/cgroup.subtree_control"), "+memory")) {
            reportV2Fallback(own, QStringLiteral("other processes share it"));
            return false;
        }
    }
    m_hasCpu = available.contains("cpu") && writeSmallFile(own + QStringLiteral("/cgroup.subtree_control"), "+cpu");
    m_hasPids = available.contains("pids") && writeSmallFile(own + QStringLiteral("/cgroup.subtree_control"), "+pids");
    const QString parent = own + QLatin1Char('/') + groupDirName(m_host);
    if (!makeDir(parent))
        return false;
    QByteArray enable = "+memory";
    if (m_hasCpu)
        enable += " +cpu";
    if (m_hasPids)
        enable += " +pids";
    if (!writeSmallFile(parent + QStringLiteral("/cgroup.subtree_control"), enable)) {
        ::rmdir(QFile::encodeName(parent).constData());
        return false;
    }
    m_parents.insert(QStringLiteral("unified"), parent);
    m_hasFreezer = QFile::exists(parent + QStringLiteral("/cgroup.freeze")); // Linux 5.2+
    m_version = Version::V2;
    return true;
}

bool CgroupHost::setUpV1()
{
    const QHash<QString, Mount> mounts = cgroupMounts();
    const QHash<QString, QString> own = ownCgroupPaths();
    if (!mounts.contains(QStringLiteral("memory")))
        return false;
    for (const QString &controller : {QStringLiteral("memory"), QStringLiteral("cpu"), QStringLiteral("cpuacct"),
                                      QStringLiteral("pids"), QStringLiteral("freezer")}) {
        if (!mounts.contains(controller))
            continue;
        const QString parent =
            joinPath(mounts.value(controller), own.value(controller)) + QLatin1Char('/') + groupDirName(m_host);
        if (makeDir(parent))
            m_parents.insert(controller, parent);
    }
    if (!m_parents.contains(QStringLiteral("memory")))
        return false;
    m_hasCpu = m_parents.contains(QStringLiteral("cpu"));
    m_hasPids = m_parents.contains(QStringLiteral("pids"));
    if (const QString freezer = m_parents.value(QStringLiteral("freezer")); !freezer.isEmpty()) {
        // An empty group kept frozen for the executor's lifetime. The kernel switches its freezer
        // code on (a static key: code patching on every CPU, ~150 µs) when the first group on the
        // machine freezes and off when the last thaws; with this one always frozen, freezing and
        // thawing a process's group costs a few µs instead.
        const QString anchor = freezer + QStringLiteral("/anchor");
        m_hasFreezer = makeDir(anchor) && writeSmallFile(anchor + QStringLiteral("/freezer.state"), "FROZEN");
        if (!m_hasFreezer) {
            ::rmdir(QFile::encodeName(anchor).constData());
            removeTree(freezer);
            m_parents.remove(QStringLiteral("freezer"));
        }
    }
    m_version = Version::V1;
    return true;
}

void CgroupHost::removeStaleSiblings() const
{
    // Groups left by executors that died without cleaning up (kill -9, a crash).
    for (const QString &parent : freezerFirst(m_parents)) {
        QDir siblings(parent + QStringLiteral("/.."));
        for (const QString &name : siblings.entryList({QStringLiteral("funcdesk-*")}, QDir::Dirs)) {
            const pid_t owner = name.mid(9).section(QLatin1Char('-'), 0, 0).toInt();
            if (owner > 0 && owner != ::getpid() && ::kill(owner, 0) != 0 && errno == ESRCH)
                removeTree(siblings.filePath(name));
        }
    }
}

CgroupHost::~CgroupHost()
{
    for (const QString &parent : freezerFirst(m_parents))
        removeTree(parent);
}

std::unique_ptr<ProcessCgroup> CgroupHost::createGroup()
{
    std::unique_ptr<ProcessCgroup> group(new ProcessCgroup(shared_from_this()));
    const QString name = QStringLiteral("p%1").arg(m_counter.fetch_add(1));
    for (auto it = m_parents.cbegin(); it != m_parents.cend(); ++it) {
        const QString dir = it.value() + QLatin1Char('/') + name;
        if (!makeDir(dir))
            return nullptr;
        group->m_dirs.insert(it.key(), dir);
    }
    const bool v2 = m_version == Version::V2;
    const QString cpuFile = v2 ? group->file(QStringLiteral("unified"), "cpu.stat")
                               : group->file(QStringLiteral("cpuacct"), "cpuacct.usage");
    const QString peakFile = v2 ? group->file(QStringLiteral("unified"), "memory.peak")
                                : group->file(QStringLiteral("memory"), "memory.max_usage_in_bytes");
    group->m_cpuUsageFd = ::open(QFile::encodeName(cpuFile).constData(), O_RDONLY | O_CLOEXEC);
    group->m_memoryPeakFd = ::open(QFile::encodeName(peakFile).constData(), O_RDWR | O_CLOEXEC);
    if (group->m_memoryPeakFd < 0)
        group->m_memoryPeakFd = ::open(QFile::encodeName(peakFile).constData(), O_RDONLY | O_CLOEXEC);
    if (!v2)
        group->write(QStringLiteral("memory"), "memory.swappiness", "0");
    if (m_hasFreezer) {
        const QString freezeFile = v2 ? group->file(QStringLiteral("unified"), "cgroup.freeze")
                                      : group->file(QStringLiteral("freezer"), "freezer.state");
        group->m_freezeFd = ::open(QFile::encodeName(freezeFile).constData(), O_WRONLY | O_CLOEXEC);
    }
    return group;
}

ProcessCgroup::~ProcessCgroup()
{
    killAllAndWait();
    for (int fd : {m_cpuUsageFd, m_memoryPeakFd, m_freezeFd}) {
        if (fd >= 0)
            ::close(fd);
    }
    for (const QString &dir : freezerFirst(m_dirs))
        removeTree(dir); // retries while the killed processes are still leaving the group
}

QString ProcessCgroup::file(const QString &controller, const char *name) const
{
    const QString dir =
        m_dirs.value(m_dirs.contains(QStringLiteral("unified")) ? QStringLiteral("unified") : controller);
    return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + QLatin1StringView(name);
}

bool ProcessCgroup::write(const QString &controller, const char *name, const QByteArray &value) const
{
    const QString path = file(controller, name);
    return !path.isEmpty() && writeSmallFile(path, value);
}

bool ProcessCgroup::addProcess(pid_t pid)
{
    const QByteArray text = QByteArray::number(pid);
    bool ok = true;
    for (const QString &dir : std::as_const(m_dirs))
        ok = writeSmallFile(dir + QStringLiteral("/cgroup.procs"), text) && ok;
    return ok;
}

QList<QByteArray> ProcessCgroup::procsFiles() const
{
    QList<QByteArray> files;
    for (const QString &dir : std::as_const(m_dirs))
        files.append(QFile::encodeName(dir + QStringLiteral("/cgroup.procs")));
    return files;
}

bool ProcessCgroup::setMemoryLimit(qint64 bytes)
{
    if (m_dirs.contains(QStringLiteral("unified"))) {
        write(QString(), "memory.swap.max", "0");
        return write(QString(), "memory.max", QByteArray::number(bytes));
    }
    return write(QStringLiteral("memory"), "memory.limit_in_bytes", QByteArray::number(bytes));
}

bool ProcessCgroup::setCpuLimit(double vcpus)
{
    constexpr qint64 period = 100000; // µs, the kernel's default CFS period
    const qint64 quota = std::max<qint64>(1000, static_cast<qint64>(vcpus * period));
    if (m_dirs.contains(QStringLiteral("unified")))
        return write(QString(), "cpu.max", QByteArray::number(quota) + ' ' + QByteArray::number(period));
    return write(QStringLiteral("cpu"), "cpu.cfs_period_us", QByteArray::number(period)) &&
           write(QStringLiteral("cpu"), "cpu.cfs_quota_us", QByteArray::number(quota));
}

bool ProcessCgroup::setProcessLimit(int processes)
{
    return write(QStringLiteral("pids"), "pids.max", QByteArray::number(processes));
}

qint64 ProcessCgroup::cpuNanos() const
{
    if (m_dirs.contains(QStringLiteral("unified"))) {
        char buffer[512];
        const ssize_t n = m_cpuUsageFd >= 0 ? ::pread(m_cpuUsageFd, buffer, sizeof buffer, 0) : -1;
        const qint64 usec = n > 0 ? keyedValue(QByteArray(buffer, n), "usage_usec") : -1;
        return usec < 0 ? -1 : usec * 1000;
    }
    return preadInteger(m_cpuUsageFd);
}

qint64 ProcessCgroup::peakMemoryBytes() const
{
    return preadInteger(m_memoryPeakFd);
}

void ProcessCgroup::resetPeakMemory()
{
    // v1: writing 0 to max_usage_in_bytes resets it; v2 (6.12+): any write resets memory.peak.
    if (m_memoryPeakFd >= 0) [[maybe_unused]]
        auto ignored = ::pwrite(m_memoryPeakFd, "0", 1, 0);
}

qint64 ProcessCgroup::oomKills() const
{
    const bool v2 = m_dirs.contains(QStringLiteral("unified"));
    const QByteArray content =
        readSmallFile(v2 ? file(QString(), "memory.events") : file(QStringLiteral("memory"), "memory.oom_control"));
    return std::max<qint64>(0, keyedValue(content, "oom_kill"));
}

qint64 ProcessCgroup::shmemBytes() const
{
    if (m_dirs.contains(QStringLiteral("unified")))
        return statValue(file(QString(), "memory.stat"), "shmem");
    return statValue(file(QStringLiteral("memory"), "memory.stat"), "total_shmem");
}

qint64 ProcessCgroup::memoryUsageBytes() const
{
    const bool v2 = m_dirs.contains(QStringLiteral("unified"));
    const QByteArray text =
        readSmallFile(v2 ? file(QString(), "memory.current") : file(QStringLiteral("memory"), "memory.usage_in_bytes"));
    return text.isEmpty() ? -1 : text.trimmed().toLongLong();
}

bool ProcessCgroup::freeze()
{
    const bool v2 = m_dirs.contains(QStringLiteral("unified"));
    if (m_freezeFd < 0 || m_frozen)
        return m_frozen;
    m_frozen = v2 ? ::pwrite(m_freezeFd, "1", 1, 0) == 1 : ::pwrite(m_freezeFd, "FROZEN", 6, 0) == 6;
    return m_frozen;
}

void ProcessCgroup::thaw()
{
    if (!m_frozen)
        return;
    const bool v2 = m_dirs.contains(QStringLiteral("unified"));
    [[maybe_unused]] const auto written = v2 ? ::pwrite(m_freezeFd, "0", 1, 0) : ::pwrite(m_freezeFd, "THAWED", 6, 0);
    m_frozen = false;
}

void ProcessCgroup::killAll()
{
    const bool v2 = m_dirs.contains(QStringLiteral("unified"));
    // Dying takes CPU (freeing the memory of 64 processes of a bomb): under the function's CPU
    // quota, already spent, that took seconds. The group only dies from here on.
    if (v2)
        write(QString(), "cpu.max", "max");
    else
        write(QStringLiteral("cpu"), "cpu.cfs_quota_us", "-1");
    if (v2 && write(QString(), "cgroup.kill", "1")) {
        thaw(); // a frozen v2 group's tasks die when killed, but stay "frozen" in the books otherwise
        return;
    }
    const QString procs =
        file(m_dirs.contains(QStringLiteral("freezer")) ? QStringLiteral("freezer") : QStringLiteral("memory"),
             "cgroup.procs");
    const bool frozen = m_frozen || freeze();
    if (frozen && !v2) {
        // Until every task is in the refrigerator one may still be forking; a child born
        // meanwhile is frozen too, but could be missed by the list. Bounded: a task stuck in
        // the kernel (reclaim at the memory limit) may keep it FREEZING for long.
        const QString state = file(QStringLiteral("freezer"), "freezer.state");
        for (int attempt = 0; attempt < 20 && !readSmallFile(state).startsWith("FROZEN"); ++attempt)
            QThread::usleep(500);
    }
    // Without a freezer, rounds catch what forked meanwhile (the pids limit bounds them).
    for (int round = 0; round < (frozen ? 1 : 3); ++round) {
        const QByteArray content = readSmallFile(procs).trimmed();
        if (content.isEmpty())
            break;
        for (const QByteArray &pid : content.split('\n')) {
            ::kill(static_cast<pid_t>(pid.toInt()), SIGKILL);
            ::kill(static_cast<pid_t>(pid.toInt()), SIGCONT); // a SIGSTOPped task must run to die
        }
    }
    thaw();
}

void ProcessCgroup::killAllAndWait()
{
    const QString procs =
        file(m_dirs.contains(QStringLiteral("unified")) ? QString() : QStringLiteral("memory"), "cgroup.procs");
    for (int attempt = 0; attempt < 2000; ++attempt) { // 2 s at most
        if (attempt % 10 == 0)
            killAll(); // again now and then: stragglers a round missed
        if (readSmallFile(procs).trimmed().isEmpty())
            return;
        QThread::usleep(1000);
    }
}

} // namespace funcdesk
