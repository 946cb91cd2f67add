#include "executor/RuntimeCatalog.h"

#include "core/InstallPaths.h"
#include "core/ProcessThread.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

#include <sys/stat.h>
#include <unistd.h>

namespace funcdesk {

namespace {

const char *const kLauncherResources[] = {"nodejs/launcher.js", "python/launcher.py", "php/launcher.php",
                                          "ruby/launcher.rb", "go/launcher.go"};
// The sandbox's /etc/passwd and /etc/group: the function's own user (Sandbox::kInnerUid), and
// nobody, which is what files of unmapped owners show as.
const char kSandboxPasswd[] = "function:x:1000:1000:Funcdesk function:/tmp:/usr/sbin/nologin\n"
                              "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";
const char kSandboxGroup[] = "function:x:1000:\nnogroup:x:65534:\n";

// Runs `program args` and returns its stdout, or an empty array if it fails or hangs.
QByteArray ask(const QString &program, const QStringList &arguments)
{
    return runProcessJob([&] {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(10000) || process.exitCode() != 0) {
            process.kill();
            process.waitForFinished(1000);
            return QByteArray();
        }
        return process.readAllStandardOutput().trimmed();
    });
}

std::optional<Runtime> probeNode(const QString &program)
{
    // process.execPath resolves wrappers and symlinks to the real binary.
    const QList<QByteArray> answer =
        ask(program, {QStringLiteral("-p"), QStringLiteral("process.execPath + ' ' + process.versions.node")})
            .split(' ');
    if (answer.size() != 2)
        return std::nullopt;
    Runtime runtime;
    runtime.family = QStringLiteral("nodejs");
    runtime.version = QString::fromUtf8(answer[1]);
    runtime.kind = QStringLiteral("nodejs:") + runtime.version.section(QLatin1Char('.'), 0, 0);
    runtime.program = answer[0];
    runtime.arguments = {QFile::encodeName(launcherDirectory() + QStringLiteral("/nodejs/launcher.js"))};
    runtime.aliases = {QStringLiteral("nodejs:default")};
    return runtime;
}

std::optional<Runtime> probePython(const QString &program)
{
    // sys.executable is the real interpreter, not a shim script (pyenv), so starts stay fast.
    const QList<QByteArray> answer =
        ask(program, {QStringLiteral("-c"),
                      QStringLiteral("import sys,platform;print(sys.executable, platform.python_version())")})
            .split(' ');
    if (answer.size() != 2 || !answer[1].startsWith("3."))
        return std::nullopt;
    Runtime runtime;
    runtime.family = QStringLiteral("python");
    runtime.version = QString::fromUtf8(answer[1]);
    runtime.kind = QStringLiteral("python:") + runtime.version.section(QLatin1Char('.'), 0, 1);
    runtime.program = answer[0];
    runtime.arguments = {"-u", QFile::encodeName(launcherDirectory() + QStringLiteral("/python/launcher.py"))};
    runtime.aliases = {QStringLiteral("python:3"), QStringLiteral("python:default")};
    return runtime;
}

std::optional<Runtime> probePhp(const QString &program)
{
    // PHP_BINARY is the real interpreter (Debian's php is an alternatives link to php8.2).
    const QList<QByteArray> answer =
        ask(program, {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("echo PHP_BINARY, ' ', PHP_VERSION;")})
            .split(' ');
    if (answer.size() != 2 || !answer[1].startsWith("8."))
        return std::nullopt;
    Runtime runtime;
    runtime.family = QStringLiteral("php");
    runtime.version = QString::fromUtf8(answer[1]);
    runtime.kind = QStringLiteral("php:") + runtime.version.section(QLatin1Char('.'), 0, 1);
    runtime.program = answer[0];
    // The memory limit is the function's (cgroup or watchdog), not PHP's own; errors go to stderr.
    runtime.arguments = {"-d",
                         "memory_limit=-1",
                         "-d",
                         "display_errors=stderr",
                         "-d",
                         "log_errors=0",
                         "-d",
                         "html_errors=0",
                         "-d",
                         "output_buffering=0",
                         QFile::encodeName(launcherDirectory() + QStringLiteral("/php/launcher.php"))};
    runtime.aliases = {QStringLiteral("php:default")};
    return runtime;
}

std::optional<Runtime> probeRuby(const QString &program)
{
    const QList<QByteArray> answer =
        ask(program, {QStringLiteral("--disable-gems"), QStringLiteral("-e"),
                      QStringLiteral("require 'rbconfig'; print RbConfig.ruby, ' ', RUBY_VERSION")})
            .split(' ');
    if (answer.size() != 2 || !answer[1].startsWith("3."))
        return std::nullopt;
    Runtime runtime;
    runtime.family = QStringLiteral("ruby");
    runtime.version = QString::fromUtf8(answer[1]);
    runtime.kind = QStringLiteral("ruby:") + runtime.version.section(QLatin1Char('.'), 0, 1);
    runtime.program = answer[0];
    runtime.arguments = {QFile::encodeName(launcherDirectory() + QStringLiteral("/ruby/launcher.rb"))};
    runtime.aliases = {QStringLiteral("ruby:default")};
    return runtime;
}

std::optional<Runtime> probeGo(const QString &program)
{
    // "go1.19.8 /usr/lib/go-1.19": the real tool is GOROOT/bin/go.
    const QList<QByteArray> answer =
        ask(program, {QStringLiteral("env"), QStringLiteral("GOVERSION"), QStringLiteral("GOROOT")}).split('\n');
    if (answer.size() != 2 || !answer[0].startsWith("go1."))
        return std::nullopt;
    Runtime runtime;
    runtime.family = QStringLiteral("go");
    runtime.version = QString::fromUtf8(answer[0].mid(2).trimmed());
    runtime.kind = QStringLiteral("go:") + runtime.version.section(QLatin1Char('.'), 0, 1);
    runtime.program = answer[1].trimmed() + "/bin/go";
    runtime.aliases = {QStringLiteral("go:default")};
    runtime.actionloop = true;
    return runtime;
}

std::optional<Runtime> probeBlackbox(const QString &unzip)
{
    if (!QFileInfo(unzip).isExecutable())
        return std::nullopt;
    Runtime runtime;
    runtime.family = QStringLiteral("blackbox");
    runtime.version = QStringLiteral("actionloop");
    runtime.kind = QStringLiteral("blackbox");
    runtime.program = QFile::encodeName(unzip);
    runtime.actionloop = true;
    return runtime;
}

} // namespace

bool isPrivateDirectory(const QString &dir)
{
    struct stat info
    {
    };
    return ::lstat(QFile::encodeName(dir).constData(), &info) == 0 && S_ISDIR(info.st_mode) &&
           info.st_uid == ::getuid() && (info.st_mode & 022) == 0;
}

QString launcherDirectory()
{
    static const QString directory = [] {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QHash<QString, QByteArray> contents;
        for (const char *name : kLauncherResources) {
            // The installed launchers (DATADIR/funcdesk/runtimes) when there are, else the compiled-in ones.
            QFile resource(resourcePath(QStringLiteral("runtimes/") + QLatin1StringView(name)));
            if (resource.open(QIODevice::ReadOnly))
                contents.insert(QLatin1StringView(name), resource.readAll());
            hash.addData(contents.value(QLatin1StringView(name)));
        }
        contents.insert(QStringLiteral("etc/passwd"), kSandboxPasswd);
        contents.insert(QStringLiteral("etc/group"), kSandboxGroup);
        hash.addData(QByteArray(kSandboxPasswd) + kSandboxGroup);
        QString dir = QStringLiteral("%1/funcdesk-runtimes-%2-%3")
                          .arg(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                          .arg(::getuid())
                          .arg(QString::fromLatin1(hash.result().toHex().left(12)));
        // The folder is shared by this user's executors, in a world-writable place: use it only
        // if it is a real directory of ours that nobody else can write; otherwise a private one.
        ::mkdir(QFile::encodeName(dir).constData(), 0755);
        if (!isPrivateDirectory(dir)) {
            QByteArray pattern = QFile::encodeName(QDir::tempPath() + QStringLiteral("/funcdesk-runtimes-XXXXXX"));
            dir = QFile::decodeName(::mkdtemp(pattern.data()));
        }
        ::chmod(QFile::encodeName(dir).constData(), 0755); // mkdtemp's 0700 would keep the sandbox out
        for (auto it = contents.cbegin(); it != contents.cend(); ++it) {
            const QString path = dir + QLatin1Char('/') + it.key();
            QFile existing(path);
            if (existing.open(QIODevice::ReadOnly) && existing.readAll() == it.value())
                continue;
            ::mkdir(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), 0755);
            QSaveFile file(path); // atomic: a concurrent executor never sees half a launcher
            if (file.open(QIODevice::WriteOnly)) {
                file.write(it.value());
                file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                    QFileDevice::ReadOther);
                file.commit();
            }
        }
        return dir;
    }();
    return directory;
}

RuntimeCatalog RuntimeCatalog::discover()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString nodejs = QStandardPaths::findExecutable(QStringLiteral("nodejs"));
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    RuntimeCatalog catalog =
        fromInterpreters(QFile::encodeName(node.isEmpty() ? nodejs : node), QFile::encodeName(python));
    // Debian's php is an alternatives link that exists only once php-cli is configured; php8.2 is always there.
    const QList<std::pair<QString, QStringList>> others = {
        {QStringLiteral("php"),
         {QStringLiteral("php"), QStringLiteral("php8.4"), QStringLiteral("php8.3"), QStringLiteral("php8.2"),
          QStringLiteral("php8.1")}},
        {QStringLiteral("ruby"), {QStringLiteral("ruby")}},
        {QStringLiteral("go"), {QStringLiteral("go")}},
        {QStringLiteral("blackbox"), {QStringLiteral("unzip")}},
    };
    for (const auto &[family, names] : others) {
        for (const QString &name : names) {
            const QString program = QStandardPaths::findExecutable(name);
            if (program.isEmpty())
                continue;
            if (auto runtime = probe(family, QFile::encodeName(program))) {
                catalog.m_runtimes.append(*runtime);
                break;
            }
        }
    }
    return catalog;
}

RuntimeCatalog RuntimeCatalog::fromInterpreters(const QByteArray &node, const QByteArray &python)
{
    RuntimeCatalog catalog;
    if (!node.isEmpty()) {
        if (auto runtime = probeNode(QFile::decodeName(node)))
            catalog.m_runtimes.append(*runtime);
    }
    if (!python.isEmpty()) {
        if (auto runtime = probePython(QFile::decodeName(python)))
            catalog.m_runtimes.append(*runtime);
    }
    return catalog;
}

RuntimeCatalog RuntimeCatalog::fromRuntimes(QList<Runtime> runtimes)
{
    RuntimeCatalog catalog;
    catalog.m_runtimes = std::move(runtimes);
    return catalog;
}

std::optional<Runtime> RuntimeCatalog::probe(const QString &family, const QByteArray &program)
{
    if (family == QLatin1String("nodejs"))
        return probeNode(QFile::decodeName(program));
    if (family == QLatin1String("python"))
        return probePython(QFile::decodeName(program));
    if (family == QLatin1String("php"))
        return probePhp(QFile::decodeName(program));
    if (family == QLatin1String("ruby"))
        return probeRuby(QFile::decodeName(program));
    if (family == QLatin1String("go"))
        return probeGo(QFile::decodeName(program));
    if (family == QLatin1String("blackbox"))
        return probeBlackbox(QFile::decodeName(program));
    return std::nullopt;
}

Result<Runtime> RuntimeCatalog::resolve(const QString &kind) const
{
    for (const Runtime &runtime : m_runtimes) {
        if (runtime.kind == kind || runtime.aliases.contains(kind))
            return runtime;
    }
    QStringList quoted;
    for (const QString &valid : kinds())
        quoted.append(QLatin1Char('\'') + valid + QLatin1Char('\''));
    return PlatformError{
        PlatformError::Kind::Invalid,
        QStringLiteral("The specified runtime '%1' is not supported by this platform. Valid values are: %2.")
            .arg(kind, quoted.join(QStringLiteral(", ")))};
}

QStringList RuntimeCatalog::kinds() const
{
    QStringList names;
    for (const Runtime &runtime : m_runtimes)
        names << runtime.kind << runtime.aliases;
    names.sort();
    return names;
}

std::optional<QString> RuntimeCatalog::kindForFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("js") || suffix == QLatin1String("cjs"))
        return QStringLiteral("nodejs:default");
    if (suffix == QLatin1String("py"))
        return QStringLiteral("python:default");
    if (suffix == QLatin1String("php"))
        return QStringLiteral("php:default");
    if (suffix == QLatin1String("rb"))
        return QStringLiteral("ruby:default");
    if (suffix == QLatin1String("go"))
        return QStringLiteral("go:default");
    if (suffix == QLatin1String("zip"))
        return QStringLiteral("blackbox");
    return std::nullopt;
}

} // namespace funcdesk
