#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace funcdesk {

// One runtime this machine can run: a family (nodejs, python, php, ruby, go, blackbox), its
// interpreter and launcher.
struct Runtime
{
    QString family;              // "nodejs" | "python" | "php" | "ruby" | "go" | "blackbox"
    QString kind;                // canonical kind, e.g. "nodejs:20", "python:3.11", "go:1.19", "blackbox"
    QString version;             // full interpreter version, e.g. "20.20.2"
    QByteArray program;          // absolute interpreter path (go: the go tool; blackbox: unzip)
    QList<QByteArray> arguments; // interpreter flags and launcher file
    QStringList aliases;         // other kinds that resolve here ("nodejs:default", "python:3")
    // Go and native actions: the action is an executable speaking OpenWhisk's actionloop protocol,
    // prepared per code digest (ActionloopBuild) and started with no launcher; no stem cells.
    bool actionloop = false;
};

// The runtime kinds found on this machine. Launchers are the project's own files (from the
// executor's resources), written once to a folder the interpreters can read.
class RuntimeCatalog
{
public:
    // Looks for node, python3, php, ruby and go on PATH and asks each for its version; blackbox
    // (native zips) is there when unzip is.
    static RuntimeCatalog discover();
    // For tests and tools: a catalog from explicit interpreter paths (empty = not available).
    static RuntimeCatalog fromInterpreters(const QByteArray &node, const QByteArray &python);
    static RuntimeCatalog fromRuntimes(QList<Runtime> runtimes);
    // Asks one interpreter of `family` ("nodejs" | "python" | "php" | "ruby" | "go" | "blackbox":
    // unzip) for its real path and version.
    static std::optional<Runtime> probe(const QString &family, const QByteArray &program);

    // Resolves a kind or alias; unknown kinds get OpenWhisk's "not supported" error.
    Result<Runtime> resolve(const QString &kind) const;
    // Every accepted kind name, canonical kinds and aliases, sorted.
    QStringList kinds() const;
    // A copy (implicitly shared): a catalog returned by value may be a temporary.
    QList<Runtime> runtimes() const { return m_runtimes; }
    // The default kind for a source file, from its extension (".js" → nodejs:default, ".php",
    // ".rb", ".go", ".zip" → blackbox).
    static std::optional<QString> kindForFile(const QString &fileName);

private:
    QList<Runtime> m_runtimes;
};

// Writes the launcher scripts from the resources into a folder and returns it (cached per
// content, so many executors share one copy). Readable by everyone (0755/0644: a sandbox's
// unprivileged user binds it), writable by us only; etc/passwd and etc/group there are the
// sandbox's (Sandbox::kInnerUid as "function").
QString launcherDirectory();
// Whether `dir` is a real directory (not a link) of this user that nobody else can write.
bool isPrivateDirectory(const QString &dir);

} // namespace funcdesk
