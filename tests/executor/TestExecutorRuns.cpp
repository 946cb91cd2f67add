// What an action sees and returns: OpenWhisk semantics for Node.js and Python, and the
// activation record the executor writes for each call.

#include "ExecutorFixture.h"

#include <QProcess>

using namespace funcdesk;
using namespace funcdesk::test;

class TestExecutorRuns : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Executor> executor;

private Q_SLOTS:
    void initTestCase()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 0;
        executor = std::make_unique<Executor>(config);
    }
    void cleanupTestCase() { executor.reset(); }

    void nodeMainReceivesParamsAndReturnsAnObject()
    {
        auto request = nodeAction(QStringLiteral("function main(p) { return {greeting: 'Hello ' + p.name}; }"));
        request.params = {{QStringLiteral("name"), QStringLiteral("John")}};
        INVOKE(*executor, request, activation);
        EXPECT_STATUS(activation, "success");
        QCOMPARE(resultOf(activation).value(QStringLiteral("greeting")).toString(), QStringLiteral("Hello John"));
        QCOMPARE(activation.response->success, true);
        QCOMPARE(activation.activationId.size(), 32);
    }

    void pythonMainReceivesParamsAndReturnsADict()
    {
        auto request =
            pythonAction(QStringLiteral("def main(args):\n    return {'greeting': 'Hello ' + args['name']}\n"));
        request.params = {{QStringLiteral("name"), QStringLiteral("John")}};
        INVOKE(*executor, request, activation);
        EXPECT_STATUS(activation, "success");
        QCOMPARE(resultOf(activation).value(QStringLiteral("greeting")).toString(), QStringLiteral("Hello John"));
    }

    void resolvedPromiseIsTheResult()
    {
        INVOKE(*executor,
               nodeAction(QStringLiteral(
                   "function main() { return new Promise(r => setTimeout(() => r({late: true}), 20)); }")),
               activation);
        EXPECT_STATUS(activation, "success");
        QCOMPARE(resultOf(activation).value(QStringLiteral("late")).toBool(), true);
    }

    void rejectedPromiseIsAnApplicationError()
    {
        INVOKE(*executor, nodeAction(QStringLiteral("function main() { return Promise.reject(new Error('nope')); }")),
               activation);
        EXPECT_STATUS(activation, "application error");
        QCOMPARE(
            resultOf(activation).value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
            QStringLiteral("nope"));
    }

    void returnedErrorFieldIsAnApplicationError()
    {
        INVOKE(*executor, pythonAction(QStringLiteral("def main(args):\n    return {'error': 'bad input'}\n")),
               activation);
        EXPECT_STATUS(activation, "application error");
        QCOMPARE(errorOf(activation), QStringLiteral("bad input"));
    }

    void synchronousThrowIsADeveloperError()
    {
        INVOKE(*executor, nodeAction(QStringLiteral("function main() { throw new Error('boom'); }")), activation);
        EXPECT_STATUS(activation, "action developer error");
        QVERIFY2(errorOf(activation).startsWith(QLatin1String("An error has occurred: ")),
                 qPrintable(describe(activation)));
        QVERIFY(errorOf(activation).contains(QLatin1String("boom")));
    }

    void pythonExceptionIsADeveloperErrorWithTracebackInLogs()
    {
        INVOKE(*executor, pythonAction(QStringLiteral("def main(args):\n    raise ValueError('boom')\n")), activation);
        EXPECT_STATUS(activation, "action developer error");
        QVERIFY(errorOf(activation).contains(QLatin1String("boom")));
        QVERIFY2(logsOf(activation).contains(QLatin1String("Traceback")), qPrintable(describe(activation)));
    }

    void nonObjectResultIsADeveloperError()
    {
        INVOKE(*executor, nodeAction(QStringLiteral("function main() { return 42; }")), activation);
        EXPECT_STATUS(activation, "action developer error");
        QCOMPARE(errorOf(activation), QStringLiteral("The action did not return a dictionary."));
    }

    void arrayResultIsAccepted()
    {
        INVOKE(*executor, pythonAction(QStringLiteral("def main(args):\n    return [1, 2, 3]\n")), activation);
        EXPECT_STATUS(activation, "success");
        QCOMPARE(activation.response->result.toArray().size(), 3);
    }

    void exportsMainAndCustomMainNamesWork()
    {
        INVOKE(*executor, nodeAction(QStringLiteral("exports.main = () => ({via: 'exports'});")), viaExports);
        QCOMPARE(resultOf(viaExports).value(QStringLiteral("via")).toString(), QStringLiteral("exports"));

        auto custom =
            nodeAction(QStringLiteral("function handler() { return {via: 'handler'}; }"), QStringLiteral("custom"));
        custom.exec.main = QStringLiteral("handler");
        INVOKE(*executor, custom, viaCustom);
        QCOMPARE(resultOf(viaCustom).value(QStringLiteral("via")).toString(), QStringLiteral("handler"));

        auto python =
            pythonAction(QStringLiteral("def go(args):\n    return {'via': 'go'}\n"), QStringLiteral("pycustom"));
        python.exec.main = QStringLiteral("go");
        INVOKE(*executor, python, viaPython);
        QCOMPARE(resultOf(viaPython).value(QStringLiteral("via")).toString(), QStringLiteral("go"));
    }

    void openWhiskEnvironmentIsSetPerActivation()
    {
        auto request = nodeAction(
            QStringLiteral(
                "function main() { const e = process.env; return {id: e.__OW_ACTIVATION_ID, name: e.__OW_ACTION_NAME,"
                " ns: e.__OW_NAMESPACE, deadline: e.__OW_DEADLINE}; }"),
            QStringLiteral("envcheck"));
        INVOKE(*executor, request, first);
        QCOMPARE(resultOf(first).value(QStringLiteral("id")).toString(), first.activationId);
        QCOMPARE(resultOf(first).value(QStringLiteral("name")).toString(), QStringLiteral("/guest/envcheck"));
        QCOMPARE(resultOf(first).value(QStringLiteral("ns")).toString(), QStringLiteral("guest"));
        QVERIFY(resultOf(first).value(QStringLiteral("deadline")).toString().toLongLong() > *first.start);
        INVOKE(*executor, request, second);
        QCOMPARE(resultOf(second).value(QStringLiteral("id")).toString(), second.activationId);

        auto child =
            nodeAction(QStringLiteral("function main() { return {seen: require('child_process').execSync('echo -n "
                                      "$__OW_ACTIVATION_ID').toString()}; }"),
                       QStringLiteral("childenv"));
        INVOKE(*executor, child, fromChild);
        QCOMPARE(resultOf(fromChild).value(QStringLiteral("seen")).toString(), fromChild.activationId);

        auto python = pythonAction(
            QStringLiteral("import os\ndef main(args):\n    return {'id': os.environ['__OW_ACTIVATION_ID']}\n"));
        INVOKE(*executor, python, fromPython);
        QCOMPARE(resultOf(fromPython).value(QStringLiteral("id")).toString(), fromPython.activationId);
    }

    void processEnvBehavesAsNodesOwn()
    {
        INVOKE(*executor,
               nodeAction(
                   QStringLiteral("function main() { process.env.TZ = 'Asia/Tokyo'; process.env.N = 5;"
                                  " return {offset: new Date(0).getTimezoneOffset(), type: typeof process.env.N}; }"),
                   QStringLiteral("tz")),
               activation);
        QCOMPARE(resultOf(activation).value(QStringLiteral("offset")).toInt(), -540);
        QCOMPARE(resultOf(activation).value(QStringLiteral("type")).toString(), QStringLiteral("string"));
    }

    void aFloatingRejectionIsNotBlamedOnTheNextActivation()
    {
        const auto request = nodeAction(QStringLiteral("async function main(p) { if (p.float) { Promise.reject(new "
                                                       "Error('floating')); } return {ok: true}; }"),
                                        QStringLiteral("floater"));
        auto floating = request;
        floating.params = {{QStringLiteral("float"), true}};
        INVOKE(*executor, floating, first);
        EXPECT_STATUS(first, "success");
        // Always the next activation's, however late the executor reads the first one's output.
        QVERIFY2(!logsOf(first).contains(QLatin1String("Unhandled rejection")), qPrintable(describe(first)));
        INVOKE(*executor, request, second);
        EXPECT_STATUS(second, "success");
        QCOMPARE(second.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
        QVERIFY2(
            logsOf(second).contains(QLatin1String("Unhandled rejection from an earlier activation: Error: floating")),
            qPrintable(describe(second)));
    }

    void actionsReadAnEmptyStdinAndCannotStealRequests()
    {
        auto request = nodeAction(
            QStringLiteral("function main() { if (process.stdin.readableEnded) return {got: ''};\n"
                           " return new Promise(r => { let got = ''; process.stdin.on('data', d => got += d);"
                           " process.stdin.on('end', () => r({got})); }); }"),
            QStringLiteral("stdin"));
        request.limits.timeoutMs = 5000;
        INVOKE(*executor, request, first);
        EXPECT_STATUS(first, "success");
        QCOMPARE(resultOf(first).value(QStringLiteral("got")).toString(), QString());
        INVOKE(*executor, request, second);
        EXPECT_STATUS(second, "success");
        QCOMPARE(second.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
    }

    void stdoutAndStderrAreCapturedPerActivation()
    {
        auto request = nodeAction(
            QStringLiteral(
                "let n = 0; function main() { n++; console.log('out ' + n); console.error('err ' + n); return {}; }"),
            QStringLiteral("logger"));
        INVOKE(*executor, request, first);
        INVOKE(*executor, request, second);
        QVERIFY2(logsOf(first).contains(QLatin1String("stdout: out 1")), qPrintable(describe(first)));
        QVERIFY(logsOf(first).contains(QLatin1String("stderr: err 1")));
        QVERIFY(!logsOf(first).contains(QLatin1String("out 2")));
        QVERIFY2(logsOf(second).contains(QLatin1String("stdout: out 2")), qPrintable(describe(second)));
        QCOMPARE(second.logs->size(), 2);

        INVOKE(*executor, pythonAction(QStringLiteral("def main(args):\n    print('from python')\n    return {}\n")),
               python);
        QVERIFY2(logsOf(python).contains(QLatin1String("stdout: from python")), qPrintable(describe(python)));
    }

    void activationRecordCarriesOpenWhiskAndMeasurementAnnotations()
    {
        // The call allocates 8 MB: what the interpreter allocated while it was being moved into
        // its cgroup may stay charged to the parent (the race that made this test flaky), what
        // the call allocates never does.
        auto request =
            nodeAction(QStringLiteral("function main() { const b = Buffer.alloc(8 << 20, 1); return {n: b.length}; }"),
                       QStringLiteral("record"));
        request.limits.memoryMb = 128;
        INVOKE(*executor, request, cold);
        QCOMPARE(cold.ns, QStringLiteral("guest"));
        QCOMPARE(cold.name, QStringLiteral("record"));
        QCOMPARE(cold.annotation(QStringLiteral("path")).toString(), QStringLiteral("guest/record"));
        QVERIFY(cold.annotation(QStringLiteral("kind")).toString().startsWith(QLatin1String("nodejs:")));
        QCOMPARE(cold.annotation(QStringLiteral("limits")).toObject().value(QStringLiteral("memory")).toInt(), 128);
        QCOMPARE(cold.annotation(QStringLiteral("timeout")).toBool(true), false);
        QVERIFY(cold.annotation(QStringLiteral("waitTime")).isDouble());
        QVERIFY2(cold.annotation(QStringLiteral("initTime")).isDouble(), "a cold start records initTime");
        QVERIFY(cold.annotation(QStringLiteral("cpuTime")).toDouble() > 0);
        QVERIFY(cold.annotation(QStringLiteral("peakMemory")).toDouble() > 1024 * 1024);
        QVERIFY(!enforcementOf(cold, "memory").isEmpty());
        QCOMPARE(*cold.duration, *cold.end - *cold.start);

        INVOKE(*executor, request, warm);
        QVERIFY2(warm.annotation(QStringLiteral("initTime")).isUndefined(), "a warm start has no initTime");
        QCOMPARE(warm.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
    }

    void initSyntaxErrorIsADeveloperErrorAndTheProcessIsNotKept()
    {
        INVOKE(*executor, nodeAction(QStringLiteral("function main( {"), QStringLiteral("broken")), activation);
        EXPECT_STATUS(activation, "action developer error");
        QVERIFY2(errorOf(activation).startsWith(QLatin1String("Initialization has failed due to: ")),
                 qPrintable(describe(activation)));
        INVOKE(*executor, pythonAction(QStringLiteral("def main(args)\n  return {}\n"), QStringLiteral("pybroken")),
               python);
        EXPECT_STATUS(python, "action developer error");
        QVERIFY(errorOf(python).contains(QLatin1String("SyntaxError")));
    }

    void zipActionsRunInBothRuntimes()
    {
        // Build the archives with Python's zipfile: {name: content} -> base64 zip.
        auto zipOf = [](const QString &files) {
            QProcess python;
            python.start(
                QStringLiteral("python3"),
                {QStringLiteral("-c"),
                 QStringLiteral("import base64, io, json, sys, zipfile\n"
                                "buffer = io.BytesIO()\n"
                                "with zipfile.ZipFile(buffer, 'w') as archive:\n"
                                "    for name, text in json.loads(sys.argv[1]).items(): archive.writestr(name, text)\n"
                                "print(base64.b64encode(buffer.getvalue()).decode())\n"),
                 files});
            python.waitForFinished(10000);
            return QString::fromLatin1(python.readAllStandardOutput().trimmed());
        };
        auto node =
            nodeAction(zipOf(QStringLiteral(R"({"index.js": "exports.main = () => ({from: require('./lib.js').name});",
                                                        "lib.js": "exports.name = 'zip-node';"})")),
                       QStringLiteral("zipnode"));
        node.exec.binary = true;
        INVOKE(*executor, node, fromNode);
        EXPECT_STATUS(fromNode, "success");
        QCOMPARE(resultOf(fromNode).value(QStringLiteral("from")).toString(), QStringLiteral("zip-node"));

        auto python =
            pythonAction(zipOf(QStringLiteral(
                             R"({"__main__.py": "from helper import name\ndef main(args):\n    return {'from': name}\n",
                                                            "helper.py": "name = 'zip-python'\n"})")),
                         QStringLiteral("zippy"));
        python.exec.binary = true;
        INVOKE(*executor, python, fromPython);
        EXPECT_STATUS(fromPython, "success");
        QCOMPARE(resultOf(fromPython).value(QStringLiteral("from")).toString(), QStringLiteral("zip-python"));
    }

    void unknownKindIsRejectedBeforeAnythingRuns()
    {
        auto request = nodeAction(QStringLiteral("x"));
        request.exec.kind = QStringLiteral("ruby:2.5");
        const auto result = executor->invoke(request);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, PlatformError::Kind::Invalid);
        QVERIFY(result.error().message.contains(QLatin1String("is not supported by this platform")));
    }

    void limitsOutOfRangeAreRejectedWithOpenWhisksMessage()
    {
        auto request = nodeAction(QStringLiteral("function main() { return {}; }"));
        request.limits.memoryMb = 4096;
        const auto result = executor->invoke(request);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, QStringLiteral("memory size 4096 MB exceeds allowed threshold of 512 MB"));
    }
};

QTEST_GUILESS_MAIN(TestExecutorRuns)
#include "TestExecutorRuns.moc"
