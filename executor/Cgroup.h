#pragma once

#include <QHash>
#include <QString>

#include <atomic>
#include <memory>

#include <sys/types.h>

namespace funcdesk {

class ProcessCgroup;

// This executor's corner of the machine's cgroup tree: found once, a subgroup named
// funcdesk-<pid>-<n> under the executor's own cgroup, with one child group per runtime process.
// v2 when the unified hierarchy has the controllers and lets us enable them, else v1.
class CgroupHost : public std::enable_shared_from_this<CgroupHost>
{
public:
    enum class Version { None, V1, V2 };

    // Returns nullptr when the machine does not let this process create and limit groups.
    static std::shared_ptr<CgroupHost> detect();
    ~CgroupHost();

    Version version() const { return m_version; }
    QString name() const
    {
        return m_version == Version::V2 ? QStringLiteral("cgroup-v2") : QStringLiteral("cgroup-v1");
    }
    bool limitsCpu() const { return m_hasCpu; }
    bool limitsProcesses() const { return m_hasPids; }
    // Whether groups can be frozen (v1 freezer controller, v2 cgroup.freeze).
    bool freezes() const { return m_hasFreezer; }

    // The v2 group this process manages, from its own path in /proc/self/cgroup
    // ("/system.slice/funcdeskd.service"): that path, or its parent when the process already moved
    // into the leaf it makes in a group delegated to it (".../funcdeskd.service/funcdesk.self").
    static QString delegatedSubtree(const QString &ownPath);

    // A fresh group for one runtime process; nullptr if it cannot be made.
    std::unique_ptr<ProcessCgroup> createGroup();

private:
    friend class ProcessCgroup;
    CgroupHost();
    bool setUpV1();
    bool setUpV2();
    void removeStaleSiblings() const;

    Version m_version = Version::None;
    // controller ("memory", "cpu", "cpuacct", "pids"; "unified" for v2) → our parent directory
    QHash<QString, QString> m_parents;
    bool m_hasCpu = false;
    bool m_hasPids = false;
    bool m_hasFreezer = false;
    std::atomic<int> m_counter{0};
    int m_host = 0; // this executor's number in the process (its subtree's name)
};

// One runtime process's group: limits, measurements, freezing, and a kill that reaches every
// process the action started, even those that left its process group.
class ProcessCgroup
{
public:
    ~ProcessCgroup();
    ProcessCgroup(const ProcessCgroup &) = delete;
    ProcessCgroup &operator=(const ProcessCgroup &) = delete;

    bool addProcess(pid_t pid);
    // The cgroup.procs file of each controller's group, for a child to join before it execs.
    QList<QByteArray> procsFiles() const;
    bool setMemoryLimit(qint64 bytes);
    bool setCpuLimit(double vcpus);
    bool setProcessLimit(int processes);

    // Cumulative CPU time of every process in the group, in nanoseconds.
    qint64 cpuNanos() const;
    // Peak memory since the last resetPeakMemory() (or since creation).
    qint64 peakMemoryBytes() const;
    void resetPeakMemory();
    // How often the kernel's OOM killer has struck inside the group.
    qint64 oomKills() const;
    // Bytes of shared memory (tmpfs pages: the function's /tmp) charged to the group.
    qint64 shmemBytes() const;
    // Current memory charged to the group (tmpfs pages included), or -1.
    qint64 memoryUsageBytes() const;

    // Stops / resumes every process in the group (false: no freezer here, or the write failed).
    // A write of a few µs; the kernel finishes freezing in the background.
    bool freeze();
    void thaw();
    bool frozen() const { return m_frozen; }
    bool canFreeze() const { return m_freezeFd >= 0; }
    // SIGKILLs every process in the group at once and returns without waiting for them to go:
    // v2 cgroup.kill; v1 freeze (so nothing forks meanwhile), SIGKILL every task, thaw. Leaves
    // the group thawed.
    void killAll();
    // killAll(), then waits (bounded) until the group is empty: for the maintenance thread.
    void killAllAndWait();

private:
    friend class CgroupHost;
    explicit ProcessCgroup(std::shared_ptr<CgroupHost> host) : m_host(std::move(host)) {}
    QString file(const QString &controller, const char *name) const;
    bool write(const QString &controller, const char *name, const QByteArray &value) const;

    std::shared_ptr<CgroupHost> m_host;
    QHash<QString, QString> m_dirs;
    int m_cpuUsageFd = -1;
    int m_memoryPeakFd = -1;
    int m_freezeFd = -1; // v1 freezer.state, v2 cgroup.freeze
    bool m_frozen = false;
};

} // namespace funcdesk
