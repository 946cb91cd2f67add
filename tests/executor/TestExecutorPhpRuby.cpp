// The PHP and Ruby launchers (issue 19): OpenWhisk's conventions (function main(array $args): array,
// def main(args)), warm reuse, stem cells, the limits and the logs, as Node.js and Python have them.
// Each test runs once per runtime; a runtime whose interpreter is not installed is skipped.

#include "ExecutorFixture.h"

#include <QFile>
#include <QStandardPaths>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

// One action per runtime whose behaviour the `mode` parameter picks, so a test needs one init.
const char kPhp[] = R"(<?php
function main(array $args) { // no return type: the 'number' mode returns an int
    $mode = $args['mode'] ?? 'hello';
    if ($mode === 'loop') { while (true) {} }
    if ($mode === 'alloc') { $big = str_repeat('x', 400 * 1024 * 1024); return ['size' => strlen($big)]; }
    if ($mode === 'crash') { exit(3); }
    if ($mode === 'throw') { throw new RuntimeException('boom'); }
    if ($mode === 'fail') { return ['error' => 'bad input']; }
    if ($mode === 'number') { return 42; }
    if ($mode === 'logs') { echo "to stdout\n"; fwrite(STDERR, "to stderr\n"); }
    static $calls = 0;
    $calls++;
    return ['greeting' => 'Hello, ' . ($args['name'] ?? 'world') . '!', 'calls' => $calls,
            'id' => getenv('__OW_ACTIVATION_ID'), 'action' => getenv('__OW_ACTION_NAME')];
}
)";

const char kRuby[] = R"(
$calls = 0
def main(args)
  mode = args.fetch('mode', 'hello')
  loop {} if mode == 'loop'
  return { 'size' => ('x' * (400 * 1024 * 1024)).bytesize } if mode == 'alloc'
  exit!(3) if mode == 'crash'
  raise ArgumentError, 'boom' if mode == 'throw'
  return { 'error' => 'bad input' } if mode == 'fail'
  return 42 if mode == 'number'
  if mode == 'logs'
    puts 'to stdout'
    $stderr.puts 'to stderr'
  end
  $calls += 1
  { 'greeting' => "Hello, #{args.fetch('name', 'world')}!", 'calls' => $calls,
    'id' => ENV['__OW_ACTIVATION_ID'], 'action' => ENV['__OW_ACTION_NAME'] }
end
)";

} // namespace

class TestExecutorPhpRuby : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Executor> executor;

    InvocationRequest action(const QString &mode, const QString &name = QStringLiteral("action"))
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        InvocationRequest request;
        request.name = name;
        request.exec.kind = kind;
        request.exec.code = code;
        request.params = {{QStringLiteral("mode"), mode}};
        return request;
    }

    // Whether the machine has the interpreter (not whether the catalog found it: that is tested).
    bool installed()
    {
        QFETCH(QString, kind);
        const QStringList names = kind.startsWith(QLatin1String("php"))
                                      ? QStringList{QStringLiteral("php"), QStringLiteral("php8.2")}
                                      : QStringList{QStringLiteral("ruby")};
        return std::any_of(names.cbegin(), names.cend(),
                           [](const QString &name) { return !QStandardPaths::findExecutable(name).isEmpty(); });
    }

    void runtimes()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("php") << QStringLiteral("php:default") << QString::fromUtf8(kPhp);
        QTest::newRow("ruby") << QStringLiteral("ruby:default") << QString::fromUtf8(kRuby);
    }

#define SKIP_WHEN_ABSENT()                                                                                             \
    if (!installed())                                                                                                  \
    QSKIP("The interpreter of this runtime is not installed on this machine.")

private Q_SLOTS:
    void initTestCase()
    {
        ExecutorConfig config;
        config.stemCellsPerRuntime = 1;
        config.stemCellFamilies = {QStringLiteral("php"), QStringLiteral("ruby")}; // the stem-cell path of both
        executor = std::make_unique<Executor>(config);
        QVERIFY(executor->waitForStemCells(30000));
    }
    void cleanupTestCase()
    {
        executor.reset();
    }

    void kindsAreListedWithTheirVersion()
    {
        for (const QString &alias : {QStringLiteral("php:default"), QStringLiteral("ruby:default")}) {
            const auto runtime = executor->catalog().resolve(alias);
            if (!runtime)
                continue;
            QVERIFY2(executor->catalog().kinds().contains(runtime->kind), qPrintable(runtime->kind));
            QVERIFY2(runtime->kind == QLatin1String("php:") + runtime->version.section(QLatin1Char('.'), 0, 1) ||
                         runtime->kind == QLatin1String("ruby:") + runtime->version.section(QLatin1Char('.'), 0, 1),
                     qPrintable(runtime->kind));
        }
    }

    void helloFromAStemCellThenWarm_data()
    {
        runtimes();
    }
    void helloFromAStemCellThenWarm()
    {
        SKIP_WHEN_ABSENT();
        auto request = action(QStringLiteral("hello"), QStringLiteral("hello"));
        request.params.insert(QStringLiteral("name"), QStringLiteral("Ada"));
        INVOKE(*executor, request, first);
        EXPECT_STATUS(first, "success");
        QCOMPARE(resultOf(first).value(QStringLiteral("greeting")).toString(), QStringLiteral("Hello, Ada!"));
        QCOMPARE(resultOf(first).value(QStringLiteral("id")).toString(), first.activationId);
        QCOMPARE(resultOf(first).value(QStringLiteral("action")).toString(), QStringLiteral("/guest/hello"));
        QCOMPARE(first.annotation(QStringLiteral("startType")).toString(), QStringLiteral("prewarm"));
        QVERIFY(first.annotation(QStringLiteral("initTime")).toInteger() >= 0);
        QVERIFY(first.annotation(QStringLiteral("peakMemory")).toInteger() > 0);
        QCOMPARE(first.annotation(QStringLiteral("kind")).toString(),
                 executor->catalog().resolve(request.exec.kind)->kind);

        INVOKE(*executor, request, second);
        EXPECT_STATUS(second, "success");
        QCOMPARE(second.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
        QCOMPARE(resultOf(second).value(QStringLiteral("calls")).toInt(), 2); // the same process, its state kept
        QCOMPARE(resultOf(second).value(QStringLiteral("id")).toString(), second.activationId);
    }

    void errorsHaveOpenWhisksShapes_data()
    {
        runtimes();
    }
    void errorsHaveOpenWhisksShapes()
    {
        SKIP_WHEN_ABSENT();
        INVOKE(*executor, action(QStringLiteral("fail")), failed);
        EXPECT_STATUS(failed, "application error");
        QCOMPARE(errorOf(failed), QStringLiteral("bad input"));

        INVOKE(*executor, action(QStringLiteral("throw")), thrown);
        EXPECT_STATUS(thrown, "action developer error");
        QVERIFY2(errorOf(thrown).startsWith(QLatin1String("An error has occurred: ")) &&
                     errorOf(thrown).contains(QLatin1String("boom")),
                 qPrintable(describe(thrown)));

        INVOKE(*executor, action(QStringLiteral("number")), number);
        EXPECT_STATUS(number, "action developer error");
        QCOMPARE(errorOf(number), QStringLiteral("The action did not return a dictionary."));

        INVOKE(*executor, action(QStringLiteral("hello")), after); // the process survived all three
        EXPECT_STATUS(after, "success");
        QCOMPARE(after.annotation(QStringLiteral("startType")).toString(), QStringLiteral("warm"));
    }

    void syntaxErrorFailsTheInit_data()
    {
        runtimes();
    }
    void syntaxErrorFailsTheInit()
    {
        SKIP_WHEN_ABSENT();
        auto request = action(QStringLiteral("hello"), QStringLiteral("broken"));
        request.exec.code = request.exec.kind.startsWith(QLatin1String("php")) ? QStringLiteral("<?php function main(")
                                                                               : QStringLiteral("def main(args");
        INVOKE(*executor, request, broken);
        EXPECT_STATUS(broken, "action developer error");
        QVERIFY2(errorOf(broken).startsWith(QLatin1String("Initialization has failed due to: ")),
                 qPrintable(describe(broken)));
    }

    void logsAreCapturedPerActivation_data()
    {
        runtimes();
    }
    void logsAreCapturedPerActivation()
    {
        SKIP_WHEN_ABSENT();
        INVOKE(*executor, action(QStringLiteral("logs"), QStringLiteral("logs")), logged);
        EXPECT_STATUS(logged, "success");
        QVERIFY2(logsOf(logged).contains(QLatin1String("stdout: to stdout")), qPrintable(describe(logged)));
        QVERIFY2(logsOf(logged).contains(QLatin1String("stderr: to stderr")), qPrintable(describe(logged)));
        INVOKE(*executor, action(QStringLiteral("hello"), QStringLiteral("logs")), quiet);
        QVERIFY2(!logsOf(quiet).contains(QLatin1String("to std")), qPrintable(describe(quiet)));
    }

    void timeoutEndsTheProcess_data()
    {
        runtimes();
    }
    void timeoutEndsTheProcess()
    {
        SKIP_WHEN_ABSENT();
        auto request = action(QStringLiteral("loop"), QStringLiteral("loop"));
        request.limits.timeoutMs = 500;
        INVOKE(*executor, request, looped);
        EXPECT_STATUS(looped, "action developer error");
        QCOMPARE(errorOf(looped), QStringLiteral("The action exceeded its time limits of 500 milliseconds."));
        request.params = {{QStringLiteral("mode"), QStringLiteral("hello")}};
        request.limits.timeoutMs = 20000; // a new process's init at 0.25 vCPU on a loaded machine
        INVOKE(*executor, request, next);
        EXPECT_STATUS(next, "success");
        QVERIFY(next.annotation(QStringLiteral("startType")).toString() != QLatin1String("warm"));
    }

    void memoryLimitIsEnforced_data()
    {
        runtimes();
    }
    void memoryLimitIsEnforced()
    {
        SKIP_WHEN_ABSENT();
        auto request = action(QStringLiteral("alloc"), QStringLiteral("alloc"));
        request.limits.memoryMb = 128;
        INVOKE(*executor, request, exhausted);
        EXPECT_STATUS(exhausted, "action developer error");
        QCOMPARE(errorOf(exhausted), QStringLiteral("The action exhausted its memory and was aborted."));
    }

    // The console's "New function" code for each new runtime (resources/templates) runs as it is.
    void templatesRunAsNewFunctions()
    {
        const QList<std::pair<QString, QString>> templates = {
            {QStringLiteral("php:default"), QStringLiteral("php.php")},
            {QStringLiteral("ruby:default"), QStringLiteral("ruby.rb")},
            {QStringLiteral("go:default"), QStringLiteral("go.go")}};
        for (const auto &[alias, file] : templates) {
            const auto runtime = executor->catalog().resolve(alias);
            if (!runtime)
                continue;
            InvocationRequest request;
            request.name = QStringLiteral("template");
            request.exec.kind = runtime->kind;
            QFile source(QStringLiteral(TEMPLATES_DIR "/") + file);
            QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
            request.exec.code = QString::fromUtf8(source.readAll());
            QVERIFY2(!request.exec.code->isEmpty(), qPrintable(alias));
            INVOKE(*executor, request, created);
            EXPECT_STATUS(created, "success");
            QCOMPARE(resultOf(created).value(QStringLiteral("greeting")).toString(), QStringLiteral("Hello, world!"));
            QVERIFY2(logsOf(created).contains(QLatin1String("greeting world")), qPrintable(describe(created)));
        }
    }

    void crashIsADeveloperErrorAndTheNextCallStartsAfresh_data()
    {
        runtimes();
    }
    void crashIsADeveloperErrorAndTheNextCallStartsAfresh()
    {
        SKIP_WHEN_ABSENT();
        INVOKE(*executor, action(QStringLiteral("crash"), QStringLiteral("crash")), crashed);
        EXPECT_STATUS(crashed, "action developer error");
        QCOMPARE(errorOf(crashed),
                 QStringLiteral("The action did not produce a valid response and exited unexpectedly."));
        INVOKE(*executor, action(QStringLiteral("hello"), QStringLiteral("crash")), next);
        EXPECT_STATUS(next, "success");
        QCOMPARE(resultOf(next).value(QStringLiteral("calls")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestExecutorPhpRuby)
#include "TestExecutorPhpRuby.moc"
