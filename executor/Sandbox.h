#pragma once

#include "core/Result.h"
#include "executor/ChildProcess.h"
#include "executor/RuntimeCatalog.h"

#include <QString>

#include <memory>
#include <optional>

#include <sys/types.h>

namespace funcdesk {

// What one sandboxed runtime process gets: the size of its private /tmp and whether it shares
// the host's network (off: an empty network namespace with only a loopback of its own).
struct SandboxOptions
{
    qint64 storageBytes = 512LL << 20;
    bool network = true;
};

// Every runtime process in a bubblewrap sandbox (docs/executor.md, "Sandbox"): its own user, pid,
// mount, ipc, uts and (optionally) network namespaces, /usr and the launchers read-only, a
// size-limited tmpfs as /tmp, no capabilities, a seccomp filter, and an unprivileged uid outside
// when the executor is root. Whether bubblewrap can run here is found once, by starting it with
// the same flags; when it cannot, available() is false and problem() says why.
class Sandbox
{
public:
    struct Settings
    {
        bool enabled = true;
        QString program = QStringLiteral("bwrap"); // FUNCDESK_BWRAP overrides it
        std::optional<uint> uid;                   // outside the sandbox; default 65534 under root
        std::optional<uint> gid;
    };
    // The identity a function has inside its sandbox (in /etc/passwd there as "function").
    static constexpr uint kInnerUid = 1000;
    static constexpr uint kInnerGid = 1000;
    // Where the launchers' folder appears inside.
    static constexpr const char *kLauncherMount = "/opt/funcdesk/runtimes";
    // Where a Go or native action's folder (its `exec`) appears inside, read-only.
    static constexpr const char *kActionMount = "/opt/funcdesk/action";

    explicit Sandbox(Settings settings);
    ~Sandbox();
    Sandbox(const Sandbox &) = delete;
    Sandbox &operator=(const Sandbox &) = delete;

    bool available() const { return m_problem.isEmpty(); }
    QString problem() const { return m_problem; }
    uid_t uid() const { return m_uid; }
    gid_t gid() const { return m_gid; }

    // The runtimes a sandboxed process can start: an interpreter the sandbox's uid cannot reach
    // (pyenv's under /root, mode 0700) is replaced by the first one of its family on PATH that it
    // can; a runtime with none is left out (never run unsandboxed). `notes` says what changed.
    RuntimeCatalog reachableRuntimes(const RuntimeCatalog &catalog, QStringList *notes) const;

    // Starts `runtime`'s launcher inside a fresh sandbox. The pid the child holds is bubblewrap's;
    // its pid namespace (and everything in it) dies with it. Spawns happen on one long-lived
    // thread: --die-with-parent follows the thread that forked, not the process.
    Result<ChildProcess *> spawn(const Runtime &runtime, const QList<QByteArray> &environment,
                                 const QList<QByteArray> &joinCgroups, const SandboxOptions &options);

private:
    class Private;
    // actionFolder: `program` is a Go or native action's exec, its folder bound at kActionMount.
    QList<QByteArray> arguments(const QByteArray &program, const SandboxOptions &options, bool actionFolder) const;
    QString probe();

    QString m_problem;
    QByteArray m_program; // bubblewrap, absolute
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    QByteArray m_filter; // the seccomp BPF program, handed to each spawn on a fresh memfd
    std::unique_ptr<Private> d;
};

} // namespace funcdesk
