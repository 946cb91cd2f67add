#pragma once

#include "core/Result.h"
#include "executor/RuntimeCatalog.h"

#include <QString>

namespace funcdesk {

// The executable of a Go or native (blackbox) action, prepared once per code digest in a cache
// folder (docs/executor.md, "Go and native actions"): Go source compiled with the shipped
// launcher (resources/runtimes/go/launcher.go), a native zip unpacked. Later cold starts of the
// same code find it there and skip the work.
struct PreparedExecutable
{
    QString program;        // the file to start (`exec` in the digest's folder); empty on a developer error
    QString developerError; // the action's fault (a compile error, a bad zip): its whole message
    bool cached = false;    // found in the cache: nothing was compiled or unpacked
};

class ActionloopBuild
{
public:
    // Bounds, as docs/executor.md states them.
    static constexpr int kMaxCachedExecutables = 64;             // per kind; least recently used out
    static constexpr qint64 kMaxGoBuildCacheBytes = 512LL << 20; // GOCACHE; emptied when larger
    static constexpr qint64 kMaxCompilerOutputBytes = 64 * 1024; // kept for the error message
    static constexpr qint64 kMaxUnpackedBytes = 256LL << 20;     // a native zip, unpacked
    static constexpr int kMaxZipEntries = 10000;
    static constexpr int kUnpackTimeoutMs = 60000;

    // `cacheRoot`: ExecutorConfig::cacheDirectory, or a private folder under the temporary folder.
    ActionloopBuild(QString cacheRoot, qint64 compileTimeoutMs);

    // For `runtime` (family "go" or "blackbox"): the executable of this code and main. Blocks
    // while it compiles or unpacks (one build at a time per executor); a cache hit is a stat.
    Result<PreparedExecutable> prepare(const Runtime &runtime, const QString &code, bool binary,
                                       const QString &main) const;

    const QString &cacheRoot() const { return m_root; }

private:
    Result<PreparedExecutable> buildGo(const Runtime &runtime, const QString &code, const QString &main,
                                       const QString &target) const;
    Result<PreparedExecutable> unpackNative(const QString &code, const QString &target, bool needExec) const;
    void evictOldEntries(const QString &kindFolder) const;

    QString m_root;
    qint64 m_compileTimeoutMs;
};

// The default cache root: $TMPDIR/funcdesk-cache-<uid>, ours and not writable by others (else a
// fresh private folder). Readable by the sandbox's user, as the launchers' folder is.
QString defaultActionCacheDirectory();

} // namespace funcdesk
