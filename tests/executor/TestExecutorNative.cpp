// Go and native (blackbox) actions (issue 19): Go source compiled once per code digest with the
// shipped launcher, native zips whose `exec` speaks actionloop (a shell script, and a C++ program
// built here with g++), in the same sandbox, limits and measurements as every launcher.

#include "ExecutorFixture.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const char kGo[] = R"(package main

import (
	"fmt"
	"os"
)

var calls = 0

func Main(args map[string]interface{}) map[string]interface{} {
	mode, _ := args["mode"].(string)
	switch mode {
	case "loop":
		for {
		}
	case "alloc":
		b := make([]byte, 400<<20)
		for i := range b {
			b[i] = 1
		}
		return map[string]interface{}{"size": len(b)}
	case "panic":
		panic("boom")
	case "fail":
		return map[string]interface{}{"error": "bad input"}
	case "logs":
		fmt.Println("to stdout")
		fmt.Fprintln(os.Stderr, "to stderr")
	}
	calls++
	name, ok := args["name"].(string)
	if !ok {
		name = "world"
	}
	return map[string]interface{}{"greeting": "Hello, " + name + "!", "calls": calls,
		"id": os.Getenv("__OW_ACTIVATION_ID"), "action": os.Getenv("__OW_ACTION_NAME")}
}
)";

// A native action in C++: reads a request per line, answers on fd 3 (notes §5.3).
const char kCpp[] = R"(#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

int main() {
    std::string line;
    int calls = 0;
    while (std::getline(std::cin, line)) {
        if (line.find("\"crash\"") != std::string::npos)
            std::abort();
        std::cout << "C++ got " << line.size() << " bytes" << std::endl;
        std::string out = "{\"greeting\":\"Hello from C++\",\"calls\":" + std::to_string(++calls) + "}\n";
        write(3, out.data(), out.size());
    }
}
)";

const char kShell[] = R"SH(#!/bin/sh
while read -r line; do
  echo "shell saw $__OW_ACTION_NAME"
  echo "to stderr" >&2
  echo '{"shell": true, "ids": "'"$(echo "$line" | grep -o 'activation_id":"[0-9a-f]*' | cut -d'"' -f3)"'"}' >&3
done
)SH";

// Zips `files` (name → content, all executable) and returns the archive as base64.
QString zipOf(const QMap<QString, QByteArray> &files)
{
    QTemporaryDir dir;
    QStringList names;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        QFile file(dir.filePath(it.key()));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(it.value());
        file.close();
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
        names << it.key();
    }
    QProcess zip;
    zip.setWorkingDirectory(dir.path());
    zip.start(QStringLiteral("zip"), QStringList{QStringLiteral("-q"), QStringLiteral("action.zip")} + names);
    if (!zip.waitForFinished(30000) || zip.exitCode() != 0)
        return {};
    QFile archive(dir.filePath(QStringLiteral("action.zip")));
    return archive.open(QIODevice::ReadOnly) ? QString::fromLatin1(archive.readAll().toBase64()) : QString();
}

InvocationRequest goAction(const QString &mode, const QString &name = QStringLiteral("go"))
{
    InvocationRequest request;
    request.name = name;
    request.exec.kind = QStringLiteral("go:default");
    request.exec.code = QString::fromUtf8(kGo);
    request.params = {{QStringLiteral("mode"), mode}};
    return request;
}

InvocationRequest nativeAction(const QString &zip, const QString &name)
{
    InvocationRequest request;
    request.name = name;
    request.exec.kind = QStringLiteral("blackbox");
    request.exec.code = zip;
    request.exec.binary = true;
    return request;
}

// The executables in a cache folder, with their inode: a rebuild gives a new one.
QMap<QString, ino_t> executables(const QString &cache)
{
    QMap<QString, ino_t> found;
    QDirIterator it(cache, {QStringLiteral("exec")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat info
        {
        };
        if (::stat(QFile::encodeName(path).constData(), &info) == 0)
            found.insert(path, info.st_ino);
    }
    return found;
}

} // namespace

class TestExecutorNative : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir cache;
    std::unique_ptr<Executor> executor;

    ExecutorConfig config()
    {
        ExecutorConfig settings;
        settings.stemCellsPerRuntime = 0;
        settings.cacheDirectory = cache.path();
        return settings;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(cache.isValid());
        ::chmod(QFile::encodeName(cache.path()).constData(), 0755); // the sandbox's user reads it
        executor = std::make_unique<Executor>(config());
    }
    void cleanupTestCase() { executor.reset(); }

    void goHelloIsCompiledOnceAndRunsWarm()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("go")).isEmpty())
            QSKIP("Go (golang-go) is not installed on this machine.");
        auto request = goAction(QStringLiteral("hello"));
        request.params.insert(QStringLiteral("name"), QStringLiteral("Ada"));
        INVOKE(*executor, request, first);
        EXPECT_STATUS(first, "success");
        QCOMPARE(resultOf(first).value(QStringLiteral("greeting")).toString(), QStringLiteral("Hello, Ada!"));
        QCOMPARE(resultOf(first).value(QStringLiteral("id")).toString(), first.activationId);
        QCOMPARE(resultOf(first).value(QStringLiteral("action")).toString(), QStringLiteral("/guest/go"));
        QCOMPARE(first.annotation(QStringLiteral("startType")).toString(), QStringLiteral("cold"));
        QVERIFY(first.annotation(QStringLiteral("peakMemory")).toInteger() > 0);
        QVERIFY(first.annotation(QStringLiteral("kind")).toString().startsWith(QLatin1String("go:1.")));
        INVOKE(*executor, request, second);
        QCOMPARE(second.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
        QCOMPARE(resultOf(second).value(QStringLiteral("calls")).toInt(), 2);
    }

    void goCompileCacheIsHitByALaterColdStart()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("go")).isEmpty())
            QSKIP("Go (golang-go) is not installed on this machine.");
        INVOKE(*executor, goAction(QStringLiteral("hello")), built);
        EXPECT_STATUS(built, "success");
        const QMap<QString, ino_t> before = executables(cache.path() + QStringLiteral("/go"));
        QCOMPARE(before.size(), 1);
        // Another executor (a restarted server) has no warm process: a cold start that finds the
        // binary of this code and does not compile it again.
        Executor restarted(config());
        INVOKE(restarted, goAction(QStringLiteral("hello")), cold);
        EXPECT_STATUS(cold, "success");
        QCOMPARE(cold.annotation(QStringLiteral("startType")).toString(), QStringLiteral("cold"));
        QCOMPARE(resultOf(cold).value(QStringLiteral("calls")).toInt(), 1);
        QCOMPARE(executables(cache.path() + QStringLiteral("/go")), before);
    }

    void goCompileErrorIsADeveloperErrorWithTheCompilersMessage()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("go")).isEmpty())
            QSKIP("Go (golang-go) is not installed on this machine.");
        auto request = goAction(QStringLiteral("hello"), QStringLiteral("broken"));
        request.exec.code = QStringLiteral("package main\n\nfunc Main(args map[string]interface{}) "
                                           "map[string]interface{} {\n\treturn undefinedThing\n}\n");
        INVOKE(*executor, request, broken);
        EXPECT_STATUS(broken, "action developer error");
        QVERIFY2(errorOf(broken).startsWith(QLatin1String("Initialization has failed due to: the Go compiler failed:")),
                 qPrintable(describe(broken)));
        QVERIFY2(errorOf(broken).contains(QLatin1String("main.go:4:9: undefined: undefinedThing")),
                 qPrintable(describe(broken)));
        INVOKE(*executor, request, again); // remembered: the same message, without compiling again
        QCOMPARE(errorOf(again), errorOf(broken));
    }

    void goLimitsCrashAndLogs()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("go")).isEmpty())
            QSKIP("Go (golang-go) is not installed on this machine.");
        auto looping = goAction(QStringLiteral("loop"), QStringLiteral("go-loop"));
        looping.limits.timeoutMs = 500;
        INVOKE(*executor, looping, timedOut);
        EXPECT_STATUS(timedOut, "action developer error");
        QCOMPARE(errorOf(timedOut), QStringLiteral("The action exceeded its time limits of 500 milliseconds."));

        auto allocating = goAction(QStringLiteral("alloc"), QStringLiteral("go-alloc"));
        allocating.limits.memoryMb = 128;
        INVOKE(*executor, allocating, exhausted);
        EXPECT_STATUS(exhausted, "action developer error");
        QCOMPARE(errorOf(exhausted), QStringLiteral("The action exhausted its memory and was aborted."));

        INVOKE(*executor, goAction(QStringLiteral("panic"), QStringLiteral("go-panic")), crashed);
        EXPECT_STATUS(crashed, "action developer error");
        QCOMPARE(errorOf(crashed),
                 QStringLiteral("The action did not produce a valid response and exited unexpectedly."));
        QVERIFY2(logsOf(crashed).contains(QLatin1String("panic: boom")), qPrintable(describe(crashed)));

        INVOKE(*executor, goAction(QStringLiteral("fail"), QStringLiteral("go-fail")), failed);
        EXPECT_STATUS(failed, "application error");
        QCOMPARE(errorOf(failed), QStringLiteral("bad input"));

        INVOKE(*executor, goAction(QStringLiteral("logs"), QStringLiteral("go-logs")), logged);
        EXPECT_STATUS(logged, "success");
        QVERIFY2(logsOf(logged).contains(QLatin1String("stdout: to stdout")), qPrintable(describe(logged)));
        QVERIFY2(logsOf(logged).contains(QLatin1String("stderr: to stderr")), qPrintable(describe(logged)));
    }

    void shellScriptNativeAction()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty())
            QSKIP("unzip is not installed on this machine.");
        const QString zip = zipOf({{QStringLiteral("exec"), QByteArray(kShell)}});
        QVERIFY2(!zip.isEmpty(), "zip failed");
        INVOKE(*executor, nativeAction(zip, QStringLiteral("shell")), first);
        EXPECT_STATUS(first, "success");
        QCOMPARE(resultOf(first).value(QStringLiteral("shell")).toBool(), true);
        QCOMPARE(resultOf(first).value(QStringLiteral("ids")).toString(), first.activationId);
        QVERIFY2(logsOf(first).contains(QLatin1String("stdout: shell saw /guest/shell")), qPrintable(describe(first)));
        QVERIFY2(logsOf(first).contains(QLatin1String("stderr: to stderr")), qPrintable(describe(first)));
        INVOKE(*executor, nativeAction(zip, QStringLiteral("shell")), second);
        QCOMPARE(second.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
        QCOMPARE(resultOf(second).value(QStringLiteral("ids")).toString(), second.activationId);
    }

    void cppNativeActionBuiltHere()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty())
            QSKIP("unzip is not installed on this machine.");
        if (QStandardPaths::findExecutable(QStringLiteral("g++")).isEmpty())
            QSKIP("g++ is not installed on this machine.");
        QTemporaryDir build;
        QFile source(build.filePath(QStringLiteral("main.cpp")));
        QVERIFY(source.open(QIODevice::WriteOnly));
        source.write(kCpp);
        source.close();
        QProcess compiler;
        compiler.start(QStringLiteral("g++"), {QStringLiteral("-O1"), QStringLiteral("-o"),
                                               build.filePath(QStringLiteral("exec")), source.fileName()});
        QVERIFY(compiler.waitForFinished(120000));
        QVERIFY2(compiler.exitCode() == 0, compiler.readAllStandardError().constData());
        QFile binary(build.filePath(QStringLiteral("exec")));
        QVERIFY(binary.open(QIODevice::ReadOnly));
        const QString zip = zipOf({{QStringLiteral("exec"), binary.readAll()}});
        QVERIFY(!zip.isEmpty());

        INVOKE(*executor, nativeAction(zip, QStringLiteral("cpp")), first);
        EXPECT_STATUS(first, "success");
        QCOMPARE(resultOf(first).value(QStringLiteral("greeting")).toString(), QStringLiteral("Hello from C++"));
        QVERIFY2(logsOf(first).contains(QLatin1String("stdout: C++ got ")), qPrintable(describe(first)));
        INVOKE(*executor, nativeAction(zip, QStringLiteral("cpp")), second);
        QCOMPARE(second.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
        QCOMPARE(resultOf(second).value(QStringLiteral("calls")).toInt(), 2);

        auto crashing = nativeAction(zip, QStringLiteral("cpp"));
        crashing.params = {{QStringLiteral("mode"), QStringLiteral("crash")}};
        INVOKE(*executor, crashing, crashed);
        EXPECT_STATUS(crashed, "action developer error");
        QCOMPARE(errorOf(crashed),
                 QStringLiteral("The action did not produce a valid response and exited unexpectedly."));
    }

    void badZipsAreRefusedBeforeAnythingRuns()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty())
            QSKIP("unzip is not installed on this machine.");
        INVOKE(*executor, nativeAction(zipOf({{QStringLiteral("run.sh"), "#!/bin/sh\n"}}), QStringLiteral("noexec")),
               noExec);
        EXPECT_STATUS(noExec, "action developer error");
        QCOMPARE(errorOf(noExec),
                 QStringLiteral("Initialization has failed due to: the zip file has no 'exec' file at its top."));
        INVOKE(*executor, nativeAction(QStringLiteral("bm90IGEgemlw"), QStringLiteral("notzip")), notZip);
        QCOMPARE(errorOf(notZip), QStringLiteral("Initialization has failed due to: the code is not a zip file."));

        // Zip slip: an entry that leaves the folder, and a symbolic link, are refused unpacked.
        QProcess python;
        python.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import base64,io,sys,zipfile\n"
                 "for name in ('../escape', 'link'):\n"
                 "  b=io.BytesIO(); z=zipfile.ZipFile(b,'w'); z.writestr('exec','#!/bin/sh\\n')\n"
                 "  i=zipfile.ZipInfo(name); i.external_attr=(0o120777 if name=='link' else 0o100644)<<16\n"
                 "  z.writestr(i,'/etc/passwd'); z.close(); print(base64.b64encode(b.getvalue()).decode())\n")});
        QVERIFY(python.waitForFinished(30000));
        const QList<QByteArray> zips = python.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(zips.size(), 2);
        INVOKE(*executor, nativeAction(QString::fromLatin1(zips[0]), QStringLiteral("slip")), slip);
        QCOMPARE(errorOf(slip),
                 QStringLiteral("Initialization has failed due to: the zip file has an entry outside its "
                                "folder: ../escape."));
        INVOKE(*executor, nativeAction(QString::fromLatin1(zips[1]), QStringLiteral("link")), link);
        QCOMPARE(errorOf(link),
                 QStringLiteral("Initialization has failed due to: the zip file has a symbolic link: link."));
        QVERIFY(!QFileInfo::exists(cache.path() + QStringLiteral("/escape")));
    }
};

QTEST_GUILESS_MAIN(TestExecutorNative)
#include "TestExecutorNative.moc"
