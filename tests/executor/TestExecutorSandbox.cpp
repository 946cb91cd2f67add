// Functions in a bubblewrap sandbox: each test is a way out a function tries, and each must fail
// from inside; plus storage, network, and the fallback where bubblewrap cannot run.

#include "ExecutorFixture.h"
#include "executor/Sandbox.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// Node.js: tries each operation in p.tries (JavaScript expressions), returns for each whether it
// worked or the error code it got.
const QString kTryAll =
    QStringLiteral("const fs = require('fs');\n"
                   "function main(p) { const out = {};\n"
                   "  for (const [name, code] of Object.entries(p.tries)) {\n"
                   "    try { eval(code); out[name] = 'worked'; } catch (e) { out[name] = e.code || "
                   "String(e); } }\n"
                   "  return out; }");

QJsonObject tries(std::initializer_list<std::pair<const char *, QString>> entries)
{
    QJsonObject object;
    for (const auto &[name, code] : entries)
        object.insert(QLatin1StringView(name), code);
    return object;
}

// A listening TCP socket on 127.0.0.1 (the kernel completes connections without accept()).
struct Listener
{
    int fd = -1;
    int port = 0;
    Listener()
    {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&address), size) == 0 && ::listen(fd, 16) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &size) == 0)
            port = ntohs(address.sin_port);
    }
    ~Listener() { ::close(fd); }
};

} // namespace

class TestExecutorSandbox : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Executor> executor;

    Activation tryAll(const QJsonObject &operations, const QString &name = QStringLiteral("escape"))
    {
        auto request = nodeAction(kTryAll, name);
        request.params = {{QStringLiteral("tries"), operations}};
        const auto result = executor->invoke(request);
        if (!result.ok())
            qWarning("%s", qPrintable(result.error().message));
        return result.ok() ? result.value() : Activation();
    }

    // Every operation must have failed.
    void expectAllFailed(const Activation &activation)
    {
        QVERIFY2(statusOf(activation) == QLatin1String("success"), qPrintable(describe(activation)));
        const QJsonObject result = resultOf(activation);
        QVERIFY(!result.isEmpty());
        for (auto it = result.begin(); it != result.end(); ++it)
            QVERIFY2(it.value().toString() != QLatin1String("worked"),
                     qPrintable(it.key() + QStringLiteral(" worked: ") + describe(activation)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        config.systemLimits.storageMb.min = 1; // a small /tmp fills fast
        executor = std::make_unique<Executor>(config);
        if (executor->sandboxName() != QLatin1String("bubblewrap"))
            QSKIP(qPrintable(QStringLiteral("this machine cannot sandbox: ") + executor->sandboxProblem()));
    }
    void cleanupTestCase() { executor.reset(); }

    void functionsRunSandboxedAsAnUnprivilegedUser()
    {
        INVOKE(*executor, nodeAction(QStringLiteral("function main() { return {uid: process.getuid()}; }")), node);
        EXPECT_STATUS(node, "success");
        QCOMPARE(enforcementOf(node, "sandbox"), QStringLiteral("bubblewrap"));
        QCOMPARE(enforcementOf(node, "storage"), QStringLiteral("tmpfs"));
        QCOMPARE(enforcementOf(node, "network"), QStringLiteral("on"));
        QCOMPARE(resultOf(node).value(QStringLiteral("uid")).toInt(), int(Sandbox::kInnerUid));
        INVOKE(*executor, pythonAction(QStringLiteral("import os\ndef main(a):\n    return {'uid': os.getuid()}\n")),
               python);
        EXPECT_STATUS(python, "success");
        QCOMPARE(resultOf(python).value(QStringLiteral("uid")).toInt(), int(Sandbox::kInnerUid));
        QCOMPARE(executor->sandboxProblem(), QString());
    }

    void cannotReadTheMachinesOrThePlatformsFiles()
    {
        // An "auth" file anyone may read, in a folder anyone may enter: only the sandbox keeps it out.
        QTemporaryDir platform;
        QVERIFY(QFile::setPermissions(platform.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                           QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                           QFileDevice::ExeOther));
        QFile auth(platform.filePath(QStringLiteral("auth")));
        QVERIFY(auth.open(QIODevice::WriteOnly));
        auth.write("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:secret");
        auth.close();
        QVERIFY(auth.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        const QString pid = QString::number(QCoreApplication::applicationPid());
        auto read = [](const QString &path) { return QStringLiteral("fs.readFileSync('%1')").arg(path); };
        expectAllFailed(tryAll(tries({
            {"shadow", read(QStringLiteral("/etc/shadow"))},
            {"auth", read(auth.fileName())},
            {"executable", read(QCoreApplication::applicationFilePath())},
            {"launchersOnTheHost", read(launcherDirectory() + QStringLiteral("/nodejs/launcher.js"))},
            {"cmdline", read(QStringLiteral("/proc/%1/cmdline").arg(pid))},
            {"mem", QStringLiteral("fs.openSync('/proc/%1/mem', 'r')").arg(pid)},
            {"home", QStringLiteral("fs.readdirSync('/root')")},
        })));
    }

    void cannotSignalTheExecutor()
    {
        const QString pid = QString::number(QCoreApplication::applicationPid());
        // (process.ppid is 1 in there: the sandbox's own init, whom no signal from inside reaches.)
        expectAllFailed(tryAll(tries({{"kill", QStringLiteral("process.kill(%1, 'SIGKILL')").arg(pid)}})));
        // Still here, and the executor still serves.
        INVOKE(*executor, nodeAction(QStringLiteral("function main() { return {alive: true}; }")), after);
        QVERIFY2(resultOf(after).value(QStringLiteral("alive")).toBool(), qPrintable(describe(after)));
    }

    void cannotWriteOutsideTmp()
    {
        auto write = [](const char *path) {
            return QStringLiteral("fs.writeFileSync('%1', 'x')").arg(QLatin1StringView(path));
        };
        expectAllFailed(tryAll(tries({{"usr", write("/usr/planted")},
                                      {"root", write("/planted")},
                                      {"opt", write("/opt/funcdesk/planted")},
                                      {"launchers", write("/opt/funcdesk/runtimes/nodejs/launcher.js")},
                                      {"etc", write("/etc/passwd")},
                                      {"etcNew", write("/etc/planted")},
                                      {"devShm", write("/dev/shm/planted")}})));
        const Activation tmp = tryAll(tries({{"tmp", write("/tmp/allowed")}}));
        QCOMPARE(resultOf(tmp).value(QStringLiteral("tmp")).toString(), QStringLiteral("worked"));
    }

    void tmpPersistsForAWarmProcessAndNoOtherFunctionSeesIt()
    {
        const QString code = QStringLiteral("const fs = require('fs');\nfunction main(p) {\n"
                                            "  const seen = fs.readdirSync('/tmp');\n"
                                            "  if (p.mark) fs.writeFileSync('/tmp/' + p.mark, 'x');\n"
                                            "  return {seen}; }");
        auto a = nodeAction(code, QStringLiteral("a"));
        a.params = {{QStringLiteral("mark"), QStringLiteral("marker-a")}};
        INVOKE(*executor, a, first);
        EXPECT_STATUS(first, "success");
        a.params = {};
        INVOKE(*executor, a, again);
        QVERIFY2(resultOf(again).value(QStringLiteral("seen")).toArray().contains(QStringLiteral("marker-a")),
                 qPrintable(describe(again)));
        INVOKE(*executor, nodeAction(code, QStringLiteral("b")), other);
        EXPECT_STATUS(other, "success");
        QVERIFY2(!resultOf(other).value(QStringLiteral("seen")).toArray().contains(QStringLiteral("marker-a")),
                 qPrintable(describe(other)));
    }

    void seccompRefusesPtraceAndKernelInterfaces()
    {
        // Python's ctypes reaches the raw calls: ptrace of a sibling, a new user namespace, keyctl,
        // bpf, turning ASLR off; querying the personality stays allowed.
        auto request =
            pythonAction(QStringLiteral("import ctypes, os, time\n"
                                        "libc = ctypes.CDLL(None, use_errno=True)\n"
                                        "def call(*args):\n"
                                        "    libc.syscall.restype = ctypes.c_long\n"
                                        "    r = libc.syscall(*[ctypes.c_long(a) for a in args])\n"
                                        "    return 'worked' if r != -1 else os.strerror(ctypes.get_errno())\n"
                                        "def main(args):\n"
                                        "    child = os.fork()\n"
                                        "    if child == 0:\n"
                                        "        time.sleep(5)\n"
                                        "        os._exit(0)\n"
                                        "    out = {'ptrace': call(101, 16, child, 0, 0),\n"
                                        "           'unshare': call(272, 0x10000000),\n"
                                        "           'keyctl': call(250, 0, -3, 0),\n"
                                        "           'bpf': call(321, 0, 0, 0),\n"
                                        "           'noAslr': call(135, 0x0040000)}\n"
                                        "    query = call(135, 0xffffffff)\n"
                                        "    os.kill(child, 9)\n"
                                        "    os.waitpid(child, 0)\n"
                                        "    out['queryAllowed'] = query\n"
                                        "    return out\n"));
        INVOKE(*executor, request, activation);
        EXPECT_STATUS(activation, "success");
        const QJsonObject result = resultOf(activation);
        for (const char *denied : {"ptrace", "unshare", "keyctl", "bpf", "noAslr"})
            QVERIFY2(result.value(QLatin1StringView(denied)).toString() == QLatin1String("Operation not permitted"),
                     qPrintable(QLatin1StringView(denied) + QStringLiteral(": ") + describe(activation)));
        QCOMPARE(result.value(QStringLiteral("queryAllowed")).toString(), QStringLiteral("worked"));
    }

    void networkOffHasNoWayToTheHostsSockets()
    {
        Listener listener;
        QVERIFY(listener.port > 0);
        const QString code = QStringLiteral(
            "const net = require('net');\n"
            "function main(p) { return new Promise((resolve) => {\n"
            "  const s = net.connect(p.port, '127.0.0.1', () => { s.destroy(); resolve({connected: true}); "
            "});\n"
            "  s.on('error', (e) => resolve({connected: false, code: e.code})); }); }");
        auto request = nodeAction(code, QStringLiteral("net"));
        request.params = {{QStringLiteral("port"), listener.port}};
        INVOKE(*executor, request, on);
        QVERIFY2(resultOf(on).value(QStringLiteral("connected")).toBool(), qPrintable(describe(on)));
        request.limits.network = QStringLiteral("off");
        INVOKE(*executor, request, off);
        EXPECT_STATUS(off, "success");
        QCOMPARE(enforcementOf(off, "network"), QStringLiteral("off"));
        QVERIFY2(!resultOf(off).value(QStringLiteral("connected")).toBool(), qPrintable(describe(off)));
    }

    void writingPastTheStorageLimitFailsWithEnospcAndTheNextCallWorks()
    {
        auto request =
            nodeAction(QStringLiteral("const fs = require('fs');\nfunction main(p) {\n"
                                      "  const chunk = Buffer.alloc(1 << 20, 1); let written = 0;\n"
                                      "  try { for (let i = 0; i < p.mb; i++) { fs.appendFileSync('/tmp/fill', "
                                      "chunk); written++; } }\n"
                                      "  catch (e) { return {written, code: e.code}; }\n"
                                      "  finally { fs.rmSync('/tmp/fill', {force: true}); }\n"
                                      "  return {written}; }"),
                       QStringLiteral("fill"));
        request.limits.storageMb = 8;
        request.params = {{QStringLiteral("mb"), 32}};
        INVOKE(*executor, request, full);
        EXPECT_STATUS(full, "success");
        QCOMPARE(resultOf(full).value(QStringLiteral("code")).toString(), QStringLiteral("ENOSPC"));
        QVERIFY2(resultOf(full).value(QStringLiteral("written")).toInt() <= 8, qPrintable(describe(full)));
        request.params = {{QStringLiteral("mb"), 4}};
        INVOKE(*executor, request, next);
        EXPECT_STATUS(next, "success");
        QCOMPARE(resultOf(next).value(QStringLiteral("written")).toInt(), 4);
    }

    void stemCellsAreSandboxedForTheDefaultsAndOtherSettingsStartCold()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 1;
        Executor withCells(config);
        QVERIFY(withCells.waitForStemCells());
        auto request = nodeAction(QStringLiteral("function main() { return {uid: process.getuid()}; }"),
                                  QStringLiteral("prewarmed"));
        INVOKE(withCells, request, prewarm);
        QCOMPARE(prewarm.annotation(QStringLiteral("startType")).toString(), QStringLiteral("prewarm"));
        QCOMPARE(enforcementOf(prewarm, "sandbox"), QStringLiteral("bubblewrap"));
        QCOMPARE(resultOf(prewarm).value(QStringLiteral("uid")).toInt(), int(Sandbox::kInnerUid));
        QVERIFY(withCells.waitForStemCells());
        request.name = QStringLiteral("offline");
        request.limits.network = QStringLiteral("off");
        INVOKE(withCells, request, offline);
        QCOMPARE(offline.annotation(QStringLiteral("startType")).toString(), QStringLiteral("cold"));
        QCOMPARE(enforcementOf(offline, "network"), QStringLiteral("off"));
        QCOMPARE(withCells.stemCellCount(), eagerStemCellRuntimes(withCells)); // still there for the defaults
    }

    void withoutBubblewrapFunctionsRunAndSaySo()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        config.bubblewrap = QStringLiteral("/nonexistent/bwrap");
        const QByteArray saved = qgetenv("FUNCDESK_BWRAP");
        qunsetenv("FUNCDESK_BWRAP");
        Executor unsandboxed(config);
        if (!saved.isNull())
            qputenv("FUNCDESK_BWRAP", saved);
        QCOMPARE(unsandboxed.sandboxName(), QStringLiteral("none"));
        QVERIFY(!unsandboxed.sandboxProblem().isEmpty());
        INVOKE(unsandboxed, nodeAction(QStringLiteral("function main() { return {ran: true}; }")), activation);
        EXPECT_STATUS(activation, "success");
        QCOMPARE(enforcementOf(activation, "sandbox"), QStringLiteral("none"));
        QCOMPARE(enforcementOf(activation, "network"), QStringLiteral("host"));
    }

    void anInterpreterTheSandboxCannotReachIsReplacedOrLeftOut()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: the sandbox's user is then nobody, who cannot enter a root-only folder");
        QTemporaryDir hidden; // 0700, root's
        const QString python = hidden.filePath(QStringLiteral("python3"));
        QVERIFY(QFile::copy(QStringLiteral("/usr/bin/python3"), python));
        const RuntimeCatalog catalog = RuntimeCatalog::fromInterpreters({}, QFile::encodeName(python));
        QCOMPARE(catalog.runtimes().size(), 1);
        Sandbox sandbox({});
        QVERIFY(sandbox.available());
        QStringList notes;
        const RuntimeCatalog reachable = sandbox.reachableRuntimes(catalog, &notes);
        QCOMPARE(reachable.runtimes().size(), 1);
        QVERIFY(!reachable.runtimes().first().program.startsWith(QFile::encodeName(hidden.path())));
        QCOMPARE(reachable.runtimes().first().kind, catalog.runtimes().first().kind); // same version, same kind
        QCOMPARE(notes.size(), 1);

        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(hidden.path()));
        notes.clear();
        const RuntimeCatalog none = sandbox.reachableRuntimes(catalog, &notes);
        qputenv("PATH", path);
        QVERIFY(none.runtimes().isEmpty()); // never run unsandboxed
        QVERIFY2(notes.value(0).contains(QLatin1String("not available")), qPrintable(notes.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestExecutorSandbox)
#include "TestExecutorSandbox.moc"
