// The command-line door: `funcdeskd invoke` as scripts and CI use it.

#include "ProcessProbe.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> records;
    QString stderrText;
};

Run funcdeskd(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(FUNCDESKD_PATH), arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitCode();
    run.stderrText = QString::fromUtf8(process.readAllStandardError());
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            run.records.append(QJsonDocument::fromJson(line).object());
    }
    return run;
}

QString example(const char *name)
{
    return QStringLiteral(EXAMPLES_DIR "/") + QLatin1StringView(name);
}

QJsonValue annotation(const QJsonObject &record, const QString &key)
{
    for (const QJsonValue &item : record.value(QStringLiteral("annotations")).toArray()) {
        if (item.toObject().value(QStringLiteral("key")).toString() == key)
            return item.toObject().value(QStringLiteral("value"));
    }
    return QJsonValue(QJsonValue::Undefined);
}

// Writes a function file into `dir` and returns its path.
QString writeFunction(const QTemporaryDir &dir, const QString &name, const QByteArray &code)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(code) != code.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

QJsonObject result(const QJsonObject &record)
{
    return record.value(QStringLiteral("response")).toObject().value(QStringLiteral("result")).toObject();
}

// Starts `funcdeskd invoke` of a function that spins for good (60 s timeout) and waits until its
// node launcher runs, then a moment more so that it is in main's loop. `descendants` then holds
// everything below funcdeskd (bubblewrap, its init, the launcher), `launchers` the node ones
// (seen from outside: in a sandbox, process.pid is its namespace's). False when it did not come up.
bool startSpinningInvoke(QProcess &process, const QTemporaryDir &dir, QList<qint64> &descendants,
                         QList<qint64> &launchers)
{
    const QString action = writeFunction(dir, QStringLiteral("spin.js"), "function main() { while (true) {} }");
    process.start(QStringLiteral(FUNCDESKD_PATH),
                  {QStringLiteral("invoke"), action, QStringLiteral("--timeout"), QStringLiteral("60000")});
    if (!process.waitForStarted())
        return false;
    const bool running = QTest::qWaitFor(
        [&] {
            descendants.clear();
            launchers.clear();
            for (const auto &[pid, command] : funcdesk::test::descendantsOf(process.processId())) {
                descendants.append(pid);
                if (command == "node")
                    launchers.append(pid);
            }
            return !launchers.isEmpty();
        },
        20000);
    if (running)
        QTest::qWait(300); // into main's loop
    return running;
}

} // namespace

class TestFuncdeskdInvoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeExamplePrintsOneOpenWhiskRecord()
    {
        const Run run = funcdeskd(
            {QStringLiteral("invoke"), example("hello.js"), QStringLiteral("--param"), QStringLiteral("name=Ada")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.records.size(), 1);
        const QJsonObject record = run.records.first();
        QCOMPARE(record.value(QStringLiteral("name")).toString(), QStringLiteral("hello"));
        QCOMPARE(result(record).value(QStringLiteral("greeting")).toString(), QStringLiteral("Hello, Ada!"));
        QCOMPARE(record.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("success"));
        QVERIFY(record.value(QStringLiteral("logs"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QLatin1String("stdout: greeting Ada")));
        QCOMPARE(record.value(QStringLiteral("activationId")).toString().size(), 32);
    }

    void pythonExampleRunsWithItsKindFromTheExtension()
    {
        const Run run = funcdeskd(
            {QStringLiteral("invoke"), example("hello.py"), QStringLiteral("--param"), QStringLiteral("name=Ada")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(result(run.records.first()).value(QStringLiteral("greeting")).toString(),
                 QStringLiteral("Hello, Ada!"));
        QVERIFY(
            annotation(run.records.first(), QStringLiteral("kind")).toString().startsWith(QLatin1String("python:3")));
    }

    // Issue 19: PHP, Ruby, Go and native examples, their kind from the file extension.
    void moreRuntimesRunWithTheirKindFromTheExtension_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("programs"); // any one of them makes the runtime available
        QTest::newRow("php") << example("hello.php") << QStringLiteral("php:8")
                             << QStringList{QStringLiteral("php"), QStringLiteral("php8.2")};
        QTest::newRow("ruby") << example("hello.rb") << QStringLiteral("ruby:3") << QStringList{QStringLiteral("ruby")};
        QTest::newRow("go") << example("hello.go") << QStringLiteral("go:1.") << QStringList{QStringLiteral("go")};
        QTest::newRow("native") << example("hello-native.zip") << QStringLiteral("blackbox")
                                << QStringList{QStringLiteral("unzip")};
    }
    void moreRuntimesRunWithTheirKindFromTheExtension()
    {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFETCH(QStringList, programs);
        if (std::none_of(programs.cbegin(), programs.cend(),
                         [](const QString &name) { return !QStandardPaths::findExecutable(name).isEmpty(); }))
            QSKIP("The runtime's interpreter is not installed on this machine.");
        const Run run =
            funcdeskd({QStringLiteral("invoke"), file, QStringLiteral("--param"), QStringLiteral("name=Ada")});
        QVERIFY2(run.exitCode == 0 && !run.records.isEmpty(), qPrintable(run.stderrText));
        QCOMPARE(result(run.records.first()).value(QStringLiteral("greeting")).toString(),
                 QStringLiteral("Hello, Ada!"));
        QVERIFY2(annotation(run.records.first(), QStringLiteral("kind")).toString().startsWith(kind),
                 qPrintable(annotation(run.records.first(), QStringLiteral("kind")).toString()));
    }

    void repeatRunsInOneWarmProcess()
    {
        const Run run = funcdeskd(
            {QStringLiteral("invoke"), example("counter.js"), QStringLiteral("--repeat"), QStringLiteral("3")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.records.size(), 3);
        QCOMPARE(result(run.records[2]).value(QStringLiteral("calls")).toInt(), 3);
        QCOMPARE(result(run.records[2]).value(QStringLiteral("pid")),
                 result(run.records[0]).value(QStringLiteral("pid")));
        QVERIFY(annotation(run.records[0], QStringLiteral("initTime")).isDouble());
        QVERIFY(annotation(run.records[2], QStringLiteral("initTime")).isUndefined());
    }

    void paramValuesAreJsonWhenTheyParseElseStrings()
    {
        QTemporaryDir dir;
        const QString action =
            writeFunction(dir, QStringLiteral("echo.js"),
                          "function main(p) { return {p, types: Object.fromEntries(Object.entries(p).map(([k, v]) => "
                          "[k, typeof v]))}; }");
        const QString params =
            writeFunction(dir, QStringLiteral("params.json"), R"({"fromFile": 1, "n": "overridden"})");
        const Run run = funcdeskd(
            {QStringLiteral("invoke"), action, QStringLiteral("--params-file"), params, QStringLiteral("--param"),
             QStringLiteral("n=5"), QStringLiteral("--param"), QStringLiteral("s=hello"), QStringLiteral("--param"),
             QStringLiteral("o={\"a\":[1]}"), QStringLiteral("--param"), QStringLiteral("t=true")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject types = result(run.records.first()).value(QStringLiteral("types")).toObject();
        QCOMPARE(types.value(QStringLiteral("n")).toString(), QStringLiteral("number"));
        QCOMPARE(types.value(QStringLiteral("s")).toString(), QStringLiteral("string"));
        QCOMPARE(types.value(QStringLiteral("o")).toString(), QStringLiteral("object"));
        QCOMPARE(types.value(QStringLiteral("t")).toString(), QStringLiteral("boolean"));
        QCOMPARE(types.value(QStringLiteral("fromFile")).toString(), QStringLiteral("number"));
    }

    void limitsFromFlagsAreEnforcedAndRecorded()
    {
        QTemporaryDir dir;
        const QString action = writeFunction(dir, QStringLiteral("slow.js"),
                                             "function main() { return new Promise(r => setTimeout(r, 5000)); }");
        const Run run = funcdeskd({QStringLiteral("invoke"), action, QStringLiteral("--timeout"), QStringLiteral("300"),
                                   QStringLiteral("--memory"), QStringLiteral("128"), QStringLiteral("--cpu"),
                                   QStringLiteral("0.5")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject record = run.records.first();
        QCOMPARE(result(record).value(QStringLiteral("error")).toString(),
                 QStringLiteral("The action exceeded its time limits of 300 milliseconds."));
        const QJsonObject limits = annotation(record, QStringLiteral("limits")).toObject();
        QCOMPARE(limits.value(QStringLiteral("memory")).toInt(), 128);
        QCOMPARE(limits.value(QStringLiteral("cpu")).toDouble(), 0.5);
    }

    void terminatingFuncdeskdStopsTheRunningAction()
    {
        QTemporaryDir dir;
        QProcess process;
        QList<qint64> descendants;
        QList<qint64> spinning;
        QVERIFY(startSpinningInvoke(process, dir, descendants, spinning));
        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 128 + 15);
        // The spinning action is gone (or a zombie awaiting init), not running on.
        for (const qint64 pid : spinning)
            QTRY_VERIFY_WITH_TIMEOUT(funcdesk::test::processGone(pid), 5000);
    }

    void aKilledFuncdeskdTakesItsSandboxesWithIt()
    {
        // SIGKILL leaves funcdeskd no chance to clean up: bubblewrap's --die-with-parent ends the
        // sandbox, and its pid namespace every process in it.
        QTemporaryDir dir;
        QProcess process;
        QList<qint64> sandboxed; // everything below funcdeskd: bubblewrap, its init, the launcher
        QList<qint64> launchers;
        QVERIFY(startSpinningInvoke(process, dir, sandboxed, launchers));
        process.kill(); // SIGKILL
        QVERIFY(process.waitForFinished(5000));
        for (const qint64 pid : sandboxed)
            QTRY_VERIFY_WITH_TIMEOUT(funcdesk::test::processGone(pid), 5000);
    }

    void failingFunctionExitsWithOne()
    {
        QTemporaryDir dir;
        const QString action =
            writeFunction(dir, QStringLiteral("fail.py"), "def main(args):\n    return {'error': 'nope'}\n");
        const Run run = funcdeskd({QStringLiteral("invoke"), action});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(
            run.records.first().value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("application error"));
    }

    void badUsageExitsWithTwoAndSaysWhy_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QString hello = example("hello.js");
        QTest::newRow("no file") << QStringList{QStringLiteral("invoke")} << QStringLiteral("FILE");
        QTest::newRow("missing file") << QStringList{QStringLiteral("invoke"), QStringLiteral("/nonexistent.js")}
                                      << QStringLiteral("/nonexistent.js");
        QTest::newRow("unknown kind") << QStringList{QStringLiteral("invoke"), hello, QStringLiteral("--kind"),
                                                     QStringLiteral("cobol:85")}
                                      << QStringLiteral("is not supported by this platform");
        QTest::newRow("memory not a number")
            << QStringList{QStringLiteral("invoke"), hello, QStringLiteral("--memory"), QStringLiteral("lots")}
            << QStringLiteral("--memory");
        QTest::newRow("memory out of range")
            << QStringList{QStringLiteral("invoke"), hello, QStringLiteral("--memory"), QStringLiteral("4096")}
            << QStringLiteral("exceeds allowed threshold");
        QTest::newRow("param without =") << QStringList{QStringLiteral("invoke"), hello, QStringLiteral("--param"),
                                                        QStringLiteral("oops")}
                                         << QStringLiteral("KEY=VALUE");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("frobnicate");
        // A file that exists, with an extension no runtime claims (not __FILE__: ccache's base_dir
        // makes it relative to the build folder).
        const QString unknown = writeFunction(m_dir, QStringLiteral("main.cob"), "DISPLAY 'HI'.");
        QTest::newRow("unknown extension")
            << QStringList{QStringLiteral("invoke"), unknown} << QStringLiteral("--kind");
    }

    void badUsageExitsWithTwoAndSaysWhy()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Run run = funcdeskd(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.records.isEmpty());
        QVERIFY2(run.stderrText.contains(mentions), qPrintable(run.stderrText));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestFuncdeskdInvoke)
#include "TestFuncdeskdInvoke.moc"
