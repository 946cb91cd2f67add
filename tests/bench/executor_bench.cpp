// executor_bench: the local executor against the raw cost of talking to a runtime process.
//
//   (a) baseline: this process and a bare warm `node` loop exchanging one JSON line per call
//   (b) the executor's warm invoke of a no-op Node.js action, p50 and p99
//   (c) single-worker throughput, executor vs baseline
//   (d) cold start with and without a stem cell
//   (e) bare `node -e 0` start
//   (f) a warm call after 150 ms idle: frozen meanwhile and thawed for the call, against the
//       same with freezing off (cgroups only)
// Measurements alternate between baseline and executor in several rounds; each ratio is the
// median of the per-round ratios, so a noisy moment on a shared machine hits both sides.
// The last line is parsed by scripts: keep its format.

#include "BenchStats.h"
#include "executor/Executor.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>
#include <cstring>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

using namespace funcdesk;
using namespace funcdesk::bench;

namespace {

struct Settings
{
    int rounds = 5;
    int warmCalls = 20000;
    int coldStarts = 15;
};

// The baseline peer: node reading JSON lines on stdin and answering one line on stdout.
const char *const kEchoLoop =
    "const fs = require('fs'); let buffer = '';"
    "process.stdin.on('data', (chunk) => { buffer += chunk; let i;"
    "  while ((i = buffer.indexOf('\\n')) >= 0) { const line = buffer.slice(0, i); buffer = buffer.slice(i + 1);"
    "    const request = JSON.parse(line); fs.writeSync(1, JSON.stringify({status: 'success', result: request.value}) "
    "+ '\\n'); } });";

// The same shape and size as the executor's run line.
const char *const kRequestLine =
    "{\"value\":{},\"namespace\":\"guest\",\"action_name\":\"/guest/noop\",\"action_version\":\"0.0.1\","
    "\"activation_id\":\"0123456789abcdef0123456789abcdef\",\"transaction_id\":\"0123456789abcdef0123456789abcdef\","
    "\"deadline\":\"1700000060000\"}\n";

class RawNode
{
public:
    explicit RawNode(const QByteArray &node)
    {
        int in[2], out[2];
        if (pipe(in) != 0 || pipe(out) != 0)
            abort();
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_addclose(&actions, in[1]);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        char *argv[] = {const_cast<char *>(node.constData()), const_cast<char *>("-e"), const_cast<char *>(kEchoLoop),
                        nullptr};
        if (posix_spawn(&m_pid, node.constData(), &actions, nullptr, argv, environ) != 0)
            abort();
        posix_spawn_file_actions_destroy(&actions);
        close(in[0]);
        close(out[1]);
        m_in = in[1];
        m_out = out[0];
    }
    ~RawNode()
    {
        close(m_in);
        close(m_out);
        waitpid(m_pid, nullptr, 0);
    }
    void call()
    {
        const size_t size = strlen(kRequestLine);
        if (write(m_in, kRequestLine, size) != static_cast<ssize_t>(size))
            abort();
        char buffer[4096];
        for (;;) { // one line back
            const ssize_t n = read(m_out, buffer, sizeof buffer);
            if (n <= 0)
                abort();
            if (memchr(buffer, '\n', static_cast<size_t>(n)))
                return;
        }
    }

private:
    pid_t m_pid = -1;
    int m_in = -1;
    int m_out = -1;
};

struct Series
{
    std::vector<double> latencies;
    double callsPerSecond = 0;
};

template <typename Call> Series measure(int calls, Call call)
{
    Series series;
    series.latencies.reserve(static_cast<size_t>(calls));
    const auto begin = Clock::now();
    for (int i = 0; i < calls; ++i) {
        const auto start = Clock::now();
        call();
        series.latencies.push_back(microsSince(start));
    }
    series.callsPerSecond = calls / (microsSince(begin) / 1e6);
    return series;
}

// `node -e 0` in the same small environment the executor gives its launchers: a variable such
// as NODE_EXTRA_CA_CERTS in the caller's environment would otherwise add its own start-up cost
// (60 ms here) to the baseline only.
double timeNodeStart(const QByteArray &node)
{
    char *argv[] = {const_cast<char *>(node.constData()), const_cast<char *>("-e"), const_cast<char *>("0"), nullptr};
    char *cleanEnvironment[] = {const_cast<char *>("PATH=/usr/local/bin:/usr/bin:/bin"),
                                const_cast<char *>("LANG=C.UTF-8"), const_cast<char *>("HOME=/tmp"), nullptr};
    const auto start = Clock::now();
    pid_t pid = -1;
    if (posix_spawn(&pid, node.constData(), nullptr, nullptr, argv, cleanEnvironment) != 0)
        abort();
    waitpid(pid, nullptr, 0);
    return microsSince(start);
}

InvocationRequest noopAction(const QString &name, const QString &code)
{
    InvocationRequest request;
    request.name = name;
    request.exec.kind = QStringLiteral("nodejs:default");
    request.exec.code = code;
    request.limits.memoryMb = 256;
    request.limits.cpu = 1.0; // a whole vCPU: the benchmark measures overhead, not throttling
    return request;
}

double timeInvoke(Executor &executor, const InvocationRequest &request)
{
    const auto start = Clock::now();
    const auto activation = executor.invoke(request);
    const double micros = microsSince(start);
    if (!activation.ok() || !activation->succeeded()) {
        fprintf(stderr, "executor_bench: invocation failed: %s\n",
                qPrintable(activation.ok() ? activation->response->status + QLatin1Char(' ') +
                                                 QString::fromUtf8(QJsonDocument(activation->toJson()).toJson())
                                           : activation.error().message));
        exit(1);
    }
    return micros;
}

bool useFallbackEnforcement = false; // --fallback: compare with cgroups off
bool noSpin = false;                 // --no-spin: a warm call sleeps for its answer at once

ExecutorConfig benchConfig(int stemCells)
{
    ExecutorConfig config;
    if (useFallbackEnforcement)
        config.enforcement = ExecutorConfig::Enforcement::Fallback;
    if (noSpin)
        config.spinMicros = 0;
    config.stemCellsPerRuntime = stemCells;
    config.warmCapacity = 256;
    return config;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Settings settings;
    if (app.arguments().contains(QStringLiteral("--quick")))
        settings = {3, 3000, 5};
    useFallbackEnforcement = app.arguments().contains(QStringLiteral("--fallback"));
    noSpin = app.arguments().contains(QStringLiteral("--no-spin"));

    const RuntimeCatalog catalog = RuntimeCatalog::discover();
    const auto node = catalog.resolve(QStringLiteral("nodejs:default"));
    if (!node) {
        fprintf(stderr, "executor_bench: %s\n", qPrintable(node.error().message));
        return 1;
    }

    // (a)-(c): warm calls, baseline and executor alternating by round.
    std::vector<double> p50Ratios, p99Ratios, throughputRatios;
    {
        ExecutorConfig config = benchConfig(0);
        config.catalog = catalog;
        Executor executor(config);
        RawNode raw(node->program);
        const InvocationRequest noop =
            noopAction(QStringLiteral("noop"), QStringLiteral("function main() { return {}; }"));
        for (int i = 0; i < 2000; ++i) { // warm up both: JIT, caches, the warm process itself
            raw.call();
            timeInvoke(executor, noop);
        }
        printf("executor enforcement: %s, spin %lld us\n", qPrintable(executor.enforcementName()),
               static_cast<long long>(config.spinMicros));
        for (int round = 0; round < settings.rounds; ++round) {
            const Series baseline = measure(settings.warmCalls, [&raw] { raw.call(); });
            const Series warm = measure(settings.warmCalls, [&] { timeInvoke(executor, noop); });
            const double rawP50 = median(baseline.latencies), rawP99 = quantile(baseline.latencies, 0.99);
            const double p50 = median(warm.latencies), p99 = quantile(warm.latencies, 0.99);
            printf("round %d: raw p50 %.1f us p99 %.1f us %.0f/s | executor p50 %.1f us p99 %.1f us %.0f/s\n",
                   round + 1, rawP50, rawP99, baseline.callsPerSecond, p50, p99, warm.callsPerSecond);
            p50Ratios.push_back(p50 / rawP50);
            p99Ratios.push_back(p99 / rawP99);
            throughputRatios.push_back(warm.callsPerSecond / baseline.callsPerSecond);
        }
    }

    // (d) and (e): cold starts, each a new action so nothing warm can serve it.
    std::vector<double> bare, cold, stemCold;
    {
        ExecutorConfig coldConfig = benchConfig(0);
        coldConfig.catalog = catalog;
        Executor coldExecutor(coldConfig);
        ExecutorConfig stemConfig = benchConfig(1);
        stemConfig.catalog = catalog;
        Executor stemExecutor(stemConfig);
        for (int i = 0; i < settings.coldStarts; ++i) {
            const QString code = QStringLiteral("function main() { return {}; } // %1").arg(i);
            bare.push_back(timeNodeStart(node->program));
            cold.push_back(timeInvoke(coldExecutor, noopAction(QStringLiteral("cold%1").arg(i), code)));
            stemExecutor.waitForStemCells();
            std::this_thread::sleep_for(std::chrono::milliseconds(300)); // let the stem cell finish booting
            stemCold.push_back(timeInvoke(stemExecutor, noopAction(QStringLiteral("stem%1").arg(i), code)));
        }
    }
    const double bareMs = median(bare) / 1000, coldMs = median(cold) / 1000, stemMs = median(stemCold) / 1000;
    printf("cold start: bare node -e 0 %.1f ms | executor cold %.1f ms | executor with stem cell %.2f ms (medians of "
           "%d)\n",
           bareMs, coldMs, stemMs, settings.coldStarts);

    // (f): what thawing costs the call after an idle spell (freezeAfterMs is 100 ms).
    if (!useFallbackEnforcement) {
        ExecutorConfig frozenConfig = benchConfig(0);
        frozenConfig.catalog = catalog;
        Executor frozenExecutor(frozenConfig);
        ExecutorConfig awakeConfig = frozenConfig;
        awakeConfig.freezeAfterMs = -1;
        Executor awakeExecutor(awakeConfig);
        const InvocationRequest noop =
            noopAction(QStringLiteral("idle"), QStringLiteral("function main() { return {}; }"));
        std::vector<double> thawed, awake;
        for (int i = 0; i < settings.coldStarts * 2; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            thawed.push_back(timeInvoke(frozenExecutor, noop));
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            awake.push_back(timeInvoke(awakeExecutor, noop));
        }
        thawed.erase(thawed.begin()); // the cold starts
        awake.erase(awake.begin());
        printf("warm call after 150 ms idle: frozen and thawed p50 %.1f us | never frozen p50 %.1f us (medians of "
               "%zu)\n",
               median(thawed), median(awake), thawed.size());
    }

    printf("executor_bench warm_p50_ratio=%.3f warm_p99_ratio=%.3f throughput_ratio=%.3f stemcell_cold_ratio=%.3f "
           "cold_ratio=%.3f\n",
           median(p50Ratios), median(p99Ratios), median(throughputRatios), stemMs / bareMs, coldMs / bareMs);
    return 0;
}
