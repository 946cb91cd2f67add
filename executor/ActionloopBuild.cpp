#include "executor/ActionloopBuild.h"

#include "core/InstallPaths.h"
#include "core/ProcessThread.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QtEndian>

#include <algorithm>
#include <csignal>
#include <mutex>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

namespace funcdesk {

namespace {

// One build at a time per process: compiles are rare and CPU-heavy, and two cold starts of the
// same new code must not compile it twice. Cache hits never take it.
std::mutex g_buildMutex;

QString initFailure(const QString &reason)
{
    return QStringLiteral("Initialization has failed due to: ") + reason;
}

bool writeFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    return file.setPermissions(permissions);
}

constexpr QFileDevice::Permissions kReadable =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
constexpr QFileDevice::Permissions kExecutable =
    kReadable | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;

// Runs a tool in its own process group, killed as a whole at the deadline. Returns the exit code
// (-1: it could not start or was killed) and its output (stdout and stderr), capped.
struct ToolRun
{
    int exitCode = -1;
    bool timedOut = false;
    QByteArray output;
};

ToolRun runTool(const QString &program, const QStringList &arguments, const QString &folder,
                const QStringList &environment, int timeoutMs)
{
    return runProcessJob([&] {
        ToolRun run;
        QProcess process;
        process.setProgram(program);
        process.setArguments(arguments);
        process.setWorkingDirectory(folder);
        process.setEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setStandardInputFile(QProcess::nullDevice());
        process.setChildProcessModifier([] { ::setpgid(0, 0); });
        process.start();
        if (!process.waitForStarted(10000)) {
            run.output = process.errorString().toUtf8();
            return run;
        }
        const qint64 pid = process.processId();
        if (!process.waitForFinished(timeoutMs)) {
            run.timedOut = process.state() != QProcess::NotRunning;
            ::kill(-static_cast<pid_t>(pid), SIGKILL);
            process.waitForFinished(5000);
        } else if (process.exitStatus() == QProcess::NormalExit) {
            run.exitCode = process.exitCode();
        }
        run.output = process.readAll().left(ActionloopBuild::kMaxCompilerOutputBytes);
        return run;
    });
}

qint64 folderBytes(const QString &folder)
{
    qint64 total = 0;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

// The sandbox's user (another uid when the executor is root) reads every file and enters every folder.
void openToSandbox(const QString &folder)
{
    ::chmod(QFile::encodeName(folder).constData(), 0755);
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink())
            continue;
        struct stat status
        {
        };
        const QByteArray name = QFile::encodeName(path);
        if (::stat(name.constData(), &status) != 0)
            continue;
        const mode_t mode = S_ISDIR(status.st_mode) ? 0755 : ((status.st_mode & 0100) ? 0755 : 0644);
        ::chmod(name.constData(), mode);
    }
}

// Checks a zip's central directory before anything is unpacked: no absolute or `..` names, no
// symbolic links, at most kMaxZipEntries entries and kMaxUnpackedBytes declared; an `exec` file
// at the top. Returns the problem, or an empty string.
QString checkZip(const QByteArray &zip, bool needExec)
{
    constexpr int kEndRecord = 22;
    qsizetype end = -1;
    for (qsizetype at = zip.size() - kEndRecord; at >= 0 && at >= zip.size() - kEndRecord - 65535; --at) {
        if (qFromLittleEndian<quint32>(zip.constData() + at) == 0x06054b50) {
            end = at;
            break;
        }
    }
    if (end < 0)
        return QStringLiteral("the code is not a zip file");
    const auto u16 = [&](qsizetype at) { return qFromLittleEndian<quint16>(zip.constData() + at); };
    const auto u32 = [&](qsizetype at) { return qFromLittleEndian<quint32>(zip.constData() + at); };
    const int entries = u16(end + 10);
    qsizetype at = u32(end + 16);
    if (entries > ActionloopBuild::kMaxZipEntries)
        return QStringLiteral("the zip file has %1 entries, more than the %2 allowed")
            .arg(entries)
            .arg(ActionloopBuild::kMaxZipEntries);
    qint64 declared = 0;
    bool hasExec = false;
    for (int i = 0; i < entries; ++i) {
        if (at < 0 || at + 46 > end || u32(at) != 0x02014b50)
            return QStringLiteral("the zip file's directory is damaged");
        const quint32 size = u32(at + 24);
        const int nameLength = u16(at + 28);
        const int skip = nameLength + u16(at + 30) + u16(at + 32);
        if (at + 46 + skip > end)
            return QStringLiteral("the zip file's directory is damaged");
        const QString name = QString::fromUtf8(zip.constData() + at + 46, nameLength);
        const quint32 mode = u32(at + 38) >> 16;
        if (size == 0xffffffffu)
            return QStringLiteral("zip64 archives are not supported");
        if (name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) ||
            name.split(QLatin1Char('/')).contains(QStringLiteral("..")))
            return QStringLiteral("the zip file has an entry outside its folder: %1").arg(name);
        if ((mode & 0170000) == 0120000)
            return QStringLiteral("the zip file has a symbolic link: %1").arg(name);
        declared += size;
        hasExec = hasExec || name == QLatin1String("exec");
        at += 46 + skip;
    }
    if (declared > ActionloopBuild::kMaxUnpackedBytes)
        return QStringLiteral("the zip file unpacks to %1 bytes, more than the %2 allowed")
            .arg(declared)
            .arg(ActionloopBuild::kMaxUnpackedBytes);
    if (needExec && !hasExec)
        return QStringLiteral("the zip file has no 'exec' file at its top");
    return {};
}

// OpenWhisk's Go convention: main "hello" calls the function Hello.
QString goFunctionName(const QString &main)
{
    const QString name = main.isEmpty() ? QStringLiteral("main") : main;
    return name.left(1).toUpper() + name.mid(1);
}

} // namespace

QString defaultActionCacheDirectory()
{
    static const QString directory = [] {
        QString dir = QStringLiteral("%1/funcdesk-cache-%2")
                          .arg(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                          .arg(::getuid());
        ::mkdir(QFile::encodeName(dir).constData(), 0755);
        if (!isPrivateDirectory(dir)) {
            QByteArray pattern = QFile::encodeName(QDir::tempPath() + QStringLiteral("/funcdesk-cache-XXXXXX"));
            dir = QFile::decodeName(::mkdtemp(pattern.data()));
        }
        ::chmod(QFile::encodeName(dir).constData(), 0755);
        return dir;
    }();
    return directory;
}

ActionloopBuild::ActionloopBuild(QString cacheRoot, qint64 compileTimeoutMs)
    : m_root(cacheRoot.isEmpty() ? defaultActionCacheDirectory() : std::move(cacheRoot)),
      m_compileTimeoutMs(compileTimeoutMs)
{
}

Result<PreparedExecutable> ActionloopBuild::prepare(const Runtime &runtime, const QString &code, bool binary,
                                                    const QString &main) const
{
    const bool go = runtime.family == QLatin1String("go");
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QStringLiteral("%1\n%2\n%3\n%4\n").arg(runtime.kind, runtime.version, main).arg(binary).toUtf8());
    if (go) { // a new launcher means a new build
        QFile launcher(resourcePath(QStringLiteral("runtimes/go/launcher.go")));
        if (launcher.open(QIODevice::ReadOnly))
            hash.addData(launcher.readAll());
    }
    hash.addData(code.toUtf8());
    const QString kindFolder = m_root + QLatin1Char('/') + runtime.family;
    const QString target = kindFolder + QLatin1Char('/') + QString::fromLatin1(hash.result().toHex().left(40));

    // A hit: the executable, or the developer error an earlier attempt left.
    auto lookUp = [&]() -> std::optional<PreparedExecutable> {
        const QString program = target + QStringLiteral("/exec");
        QFile error(target + QStringLiteral("/.error"));
        if (error.open(QIODevice::ReadOnly))
            return PreparedExecutable{{}, QString::fromUtf8(error.readAll()), true};
        if (!QFileInfo(program).isExecutable())
            return std::nullopt;
        ::utimes(QFile::encodeName(target).constData(), nullptr); // least recently used goes first
        return PreparedExecutable{program, {}, true};
    };
    if (auto hit = lookUp())
        return *hit;
    std::lock_guard lock(g_buildMutex);
    if (auto hit = lookUp())
        return *hit;
    if (!QDir().mkpath(kindFolder))
        return PlatformError{PlatformError::Kind::Server,
                             QStringLiteral("Cannot create the runtime cache folder %1.").arg(kindFolder)};
    ::chmod(QFile::encodeName(m_root).constData(), 0755);
    ::chmod(QFile::encodeName(kindFolder).constData(), 0755);
    // Built aside and renamed into place: another executor sharing the cache never sees half of it.
    QByteArray pattern = QFile::encodeName(kindFolder + QStringLiteral("/.build-XXXXXX"));
    if (!::mkdtemp(pattern.data()))
        return PlatformError{PlatformError::Kind::Server,
                             QStringLiteral("Cannot create a build folder in %1.").arg(kindFolder)};
    const QString building = QFile::decodeName(pattern);

    Result<PreparedExecutable> built = PreparedExecutable{};
    if (binary)
        built = unpackNative(code, building, !go); // Go: a zip of sources, or of a built `exec`
    if (built && built->developerError.isEmpty() && go && !QFileInfo::exists(building + QStringLiteral("/exec")))
        built = buildGo(runtime, binary ? QString() : code, main, building);
    if (!built) {
        QDir(building).removeRecursively();
        return built.error();
    }
    if (!built->developerError.isEmpty()) {
        QDir(building).removeRecursively();
        QDir().mkpath(building);
        writeFile(building + QStringLiteral("/.error"), built->developerError.toUtf8(), kReadable);
    } else {
        QFile::setPermissions(building + QStringLiteral("/exec"), kExecutable);
    }
    openToSandbox(building);
    if (::rename(QFile::encodeName(building).constData(), QFile::encodeName(target).constData()) != 0)
        QDir(building).removeRecursively(); // another executor was first: use its copy
    evictOldEntries(kindFolder);
    if (auto made = lookUp()) {
        made->cached = false;
        return *made;
    }
    return PlatformError{PlatformError::Kind::Server,
                         QStringLiteral("Cannot keep the action's executable in %1.").arg(target)};
}

Result<PreparedExecutable> ActionloopBuild::buildGo(const Runtime &runtime, const QString &code, const QString &main,
                                                    const QString &target) const
{
    QFile templateFile(resourcePath(QStringLiteral("runtimes/go/launcher.go")));
    if (!templateFile.open(QIODevice::ReadOnly))
        return PlatformError{PlatformError::Kind::Server, QStringLiteral("The Go launcher is missing.")};
    const QByteArray launcher = templateFile.readAll().replace("FUNCDESK_MAIN", goFunctionName(main).toUtf8());
    const bool written = (code.isEmpty() || writeFile(target + QStringLiteral("/main.go"), code.toUtf8(), kReadable)) &&
                         writeFile(target + QStringLiteral("/funcdesk_launcher.go"), launcher, kReadable) &&
                         (QFileInfo::exists(target + QStringLiteral("/go.mod")) ||
                          writeFile(target + QStringLiteral("/go.mod"), "module action\n\ngo 1.19\n", kReadable));
    if (!written)
        return PlatformError{PlatformError::Kind::Server,
                             QStringLiteral("Cannot write the Go sources in %1.").arg(target)};
    // Offline and self-contained: the toolchain's own caches live in the cache folder, modules are
    // never downloaded (GOPROXY=off), cgo is off (no C compiler runs user-supplied flags).
    const QString goHome = m_root + QStringLiteral("/go");
    const QString buildCache = goHome + QStringLiteral("/.gocache");
    const QStringList environment = {
        QStringLiteral("PATH=") + QFileInfo(QFile::decodeName(runtime.program)).absolutePath() +
            QStringLiteral(":/usr/bin:/bin"),
        QStringLiteral("HOME=") + goHome,
        QStringLiteral("GOCACHE=") + buildCache,
        QStringLiteral("GOPATH=") + goHome + QStringLiteral("/.gopath"),
        QStringLiteral("GOPROXY=off"),
        QStringLiteral("GOSUMDB=off"),
        QStringLiteral("GOFLAGS=-mod=mod"),
        QStringLiteral("GO111MODULE=on"),
        QStringLiteral("GOTOOLCHAIN=local"),
        QStringLiteral("CGO_ENABLED=0"),
        QStringLiteral("LANG=C.UTF-8"),
    };
    const ToolRun run =
        runTool(QFile::decodeName(runtime.program),
                {QStringLiteral("build"), QStringLiteral("-o"), QStringLiteral("exec"), QStringLiteral(".")}, target,
                environment, static_cast<int>(m_compileTimeoutMs));
    if (folderBytes(buildCache) > kMaxGoBuildCacheBytes)
        QDir(buildCache).removeRecursively();
    PreparedExecutable prepared;
    if (run.timedOut) {
        prepared.developerError = initFailure(
            QStringLiteral("the Go compiler did not finish within %1 milliseconds.").arg(m_compileTimeoutMs));
        return prepared;
    }
    if (run.exitCode != 0 || !QFileInfo::exists(target + QStringLiteral("/exec"))) {
        QStringList lines = QString::fromUtf8(run.output).trimmed().split(QLatin1Char('\n'));
        if (!lines.isEmpty() && lines.first().startsWith(QLatin1String("# "))) // "# action": the package
            lines.removeFirst();
        prepared.developerError = initFailure(QStringLiteral("the Go compiler failed:\n") +
                                              lines.join(QLatin1Char('\n')).replace(target, QStringLiteral(".")));
        return prepared;
    }
    return prepared;
}

Result<PreparedExecutable> ActionloopBuild::unpackNative(const QString &code, const QString &target,
                                                         bool needExec) const
{
    PreparedExecutable prepared;
    const auto decoded = QByteArray::fromBase64Encoding(code.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        prepared.developerError = initFailure(QStringLiteral("the code is not base64."));
        return prepared;
    }
    const QString problem = checkZip(*decoded, needExec);
    const QString zip = target + QStringLiteral("/.action.zip");
    if (problem.isEmpty() && !writeFile(zip, *decoded, kReadable))
        return PlatformError{PlatformError::Kind::Server, QStringLiteral("Cannot write %1.").arg(zip)};
    if (!problem.isEmpty()) {
        prepared.developerError = initFailure(problem + QLatin1Char('.'));
        return prepared;
    }
    const ToolRun run =
        runTool(QStringLiteral("unzip"), {QStringLiteral("-qq"), QStringLiteral("-o"), zip}, target,
                {QStringLiteral("PATH=/usr/bin:/bin"), QStringLiteral("LANG=C.UTF-8")}, kUnpackTimeoutMs);
    QFile::remove(zip);
    if (run.exitCode != 0) {
        prepared.developerError = initFailure(QStringLiteral("the zip file could not be unpacked: ") +
                                              QString::fromUtf8(run.output).trimmed());
        return prepared;
    }
    // The declared sizes may lie: what is on disk counts.
    const qint64 unpacked = folderBytes(target);
    if (unpacked > kMaxUnpackedBytes) {
        prepared.developerError =
            initFailure(QStringLiteral("the zip file unpacks to %1 bytes, more than the %2 allowed.")
                            .arg(unpacked)
                            .arg(kMaxUnpackedBytes));
        return prepared;
    }
    const QFileInfo exec(target + QStringLiteral("/exec"));
    if (needExec && (!exec.isFile() || exec.isSymLink()))
        prepared.developerError = initFailure(QStringLiteral("the zip file has no 'exec' file at its top."));
    return prepared;
}

void ActionloopBuild::evictOldEntries(const QString &kindFolder) const
{
    QFileInfoList entries = QDir(kindFolder).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
    // Hidden folders (.gocache, .gopath, a .build- of another executor) are not entries.
    for (qsizetype i = kMaxCachedExecutables; i < entries.size(); ++i)
        QDir(entries.at(i).absoluteFilePath()).removeRecursively();
}

} // namespace funcdesk
