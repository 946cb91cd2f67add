// server_bench: funcdeskd's REST front door under load, over HTTP/1.1 keep-alive on loopback.
//
//   invoke_c1   POST /api/v1/namespaces/_/actions/noop?blocking=true, 1 connection
//   invoke_c16  the same, 16 connections
//   get         GET /api/v1/namespaces/_/actions/noop, 16 connections
//   reference   a plain `node` HTTP server whose handler calls a no-op function, loaded the same
//               way as invoke (c=1 and c=16): what a Node HTTP runtime without any isolation
//               reaches on this machine, so the figures come with ratios measured in the same run
//   faas-js-runtime  the second reference, when a folder with node_modules/faas-js-runtime is given
//               (--faas-js-runtime DIR or FUNCDESK_FAAS_JS_RUNTIME=DIR, e.g. after
//               `npm install faas-js-runtime` in DIR, outside the repository): Knative's Node.js
//               function runtime (fastify) with a no-op handle(), loaded as invoke (c=1 and c=16)
//   --tls       also invoke c=1 and c=16 over HTTPS (TLS 1.3, a self-signed certificate) on a
//               second funcdeskd started with --tls-cert/--tls-key, alternating with the plain
//               runs; a line "server_bench tls …" before the last one gives those figures and
//               their ratios to plain HTTP (needs wrk: the built-in generator speaks plain HTTP)
//
// The server runs on a free port with a temporary data folder and a no-op Node.js action
// (`function main(){return {}}`) whose limits.concurrency is 16: funcdeskd caps an action's
// activations in flight at its concurrency and queues the rest, so with the default of 1 the
// c=16 figure would measure that queue (one launcher at a time), not the server. Its 16
// activations share one Node.js process (OpenWhisk's intra-container concurrency), so the action
// gets limits.cpu = the machine's cores: with the default 0.25 vCPU of a 256 MB action, the
// figure would measure the action's CPU quota (20 ms stalls at the end of each quota period).
// The load comes from `wrk` when it is installed (a Lua script
// sets the method, body and Authorization header), else from the built-in generator below (one
// thread and one keep-alive connection each, hand-built requests). Only 2xx answers count.
// Rounds alternate the measurements; each figure is the median over the rounds.
// The last line is parsed by scripts: keep its format.

#include "BenchStats.h"
#include "server_bench_load.h"

#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace funcdesk::bench;

namespace {

struct Settings
{
    int rounds = 3;
    double seconds = 8;
    bool builtin = false;
    bool reference = true;
    int wrkThreads = 1;
    std::string funcdeskd = FUNCDESKD_PATH;
    std::string faasDir; // holds node_modules/faas-js-runtime; empty: not measured
    bool tls = false;
};

// The reference: node's http module, a handler that parses the body, calls a no-op main and
// answers its JSON. No isolation, no record, no store: the floor for a Node HTTP runtime.
const char *const kReferenceServer =
    "const http = require('http'); function main(params) { return {}; }"
    "const server = http.createServer((req, res) => { const chunks = [];"
    "  req.on('data', (c) => chunks.push(c));"
    "  req.on('end', () => { const text = Buffer.concat(chunks).toString();"
    "    const out = JSON.stringify(main(text ? JSON.parse(text) : {}));"
    "    res.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(out)});"
    "    res.end(out); }); });"
    "server.keepAliveTimeout = 60000;"
    "server.listen(0, '127.0.0.1', () => console.log('reference listening on ' + server.address().port));";

pid_t g_children[4] = {0, 0, 0, 0};

void killChildren(int)
{
    for (pid_t pid : g_children) {
        if (pid > 0)
            kill(pid, SIGKILL);
    }
    _exit(130);
}

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trimmed(std::string text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
    size_t start = 0;
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start])))
        ++start;
    return text.substr(start);
}

std::optional<std::string> findInPath(const char *name)
{
    const char *path = getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + name;
        if (access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return std::nullopt;
}

// A child with stdout and stderr in files; waits until stdout has a line starting with `marker`
// and returns the rest of that line.
class Child
{
public:
    Child(const std::vector<std::string> &argv, const std::filesystem::path &logPrefix, int slot)
        : m_stdout(logPrefix.string() + ".stdout"), m_stderr(logPrefix.string() + ".stderr"), m_slot(slot)
    {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, m_stdout.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, m_stderr.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<char *> args;
        for (const std::string &arg : argv)
            args.push_back(const_cast<char *>(arg.c_str()));
        args.push_back(nullptr);
        if (posix_spawn(&m_pid, argv[0].c_str(), &actions, nullptr, args.data(), environ) != 0)
            m_pid = 0;
        posix_spawn_file_actions_destroy(&actions);
        g_children[m_slot] = m_pid;
    }
    ~Child() { stop(); }

    bool started() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }

    std::optional<std::string> waitForLine(const std::string &marker, double timeoutSeconds)
    {
        const auto deadline = Clock::now() + std::chrono::duration<double>(timeoutSeconds);
        while (Clock::now() < deadline && m_pid > 0) {
            std::istringstream lines(readFile(m_stdout));
            std::string line;
            while (std::getline(lines, line)) {
                if (line.rfind(marker, 0) == 0)
                    return line.substr(marker.size());
            }
            int status = 0;
            if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = 0;
                g_children[m_slot] = 0;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return std::nullopt;
    }

    std::string stderrTail() const
    {
        const std::string text = readFile(m_stderr);
        return text.size() > 2000 ? text.substr(text.size() - 2000) : text;
    }

    // SIGTERM, then SIGKILL after 10 s. Returns the exit status, or -1.
    int stop()
    {
        if (m_pid <= 0)
            return -1;
        kill(m_pid, SIGTERM);
        int status = 0;
        const auto deadline = Clock::now() + std::chrono::seconds(10);
        while (waitpid(m_pid, &status, WNOHANG) == 0) {
            if (Clock::now() > deadline) {
                kill(m_pid, SIGKILL);
                waitpid(m_pid, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        m_pid = 0;
        g_children[m_slot] = 0;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    pid_t m_pid = 0;
    std::string m_stdout;
    std::string m_stderr;
    int m_slot;
};

std::string base64(const std::string &in)
{
    static const char *const table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        out += {table[(v >> 18) & 63], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]};
    }
    if (i + 1 == in.size()) {
        const unsigned v = static_cast<unsigned char>(in[i]) << 16;
        out += {table[(v >> 18) & 63], table[(v >> 12) & 63], '=', '='};
    } else if (i + 2 == in.size()) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
        out += {table[(v >> 18) & 63], table[(v >> 12) & 63], table[(v >> 6) & 63], '='};
    }
    return out;
}

Settings parseArguments(int argc, char *argv[])
{
    Settings settings;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--quick") {
            settings.rounds = 1;
            settings.seconds = 3;
        } else if (arg == "--rounds" && hasValue) {
            settings.rounds = std::max(1, atoi(argv[++i]));
        } else if (arg == "--seconds" && hasValue) {
            settings.seconds = std::max(0.5, atof(argv[++i]));
        } else if (arg == "--tls") {
            settings.tls = true;
        } else if (arg == "--builtin") {
            settings.builtin = true;
        } else if (arg == "--no-reference") {
            settings.reference = false;
        } else if (arg == "--wrk-threads" && hasValue) {
            settings.wrkThreads = std::max(1, atoi(argv[++i]));
        } else if (arg == "--funcdeskd" && hasValue) {
            settings.funcdeskd = argv[++i];
        } else if (arg == "--faas-js-runtime" && hasValue) {
            settings.faasDir = argv[++i];
        } else if (arg != "--help" && arg != "-h") {
            // `./dev bench ARGS` hands the same arguments to every benchmark.
            fprintf(stderr, "server_bench: ignoring unknown argument '%s' (see --help)\n", arg.c_str());
        } else {
            fprintf(stderr,
                    "usage: server_bench [--quick] [--rounds N] [--seconds S] [--builtin] [--no-reference]\n"
                    "                    [--wrk-threads N] [--funcdeskd PATH] [--faas-js-runtime DIR] [--tls]\n"
                    "  --quick      1 round of 3 s per measurement (under 30 s in all)\n"
                    "  default      3 rounds of 8 s per measurement, medians\n"
                    "  --builtin    use the built-in load generator even when wrk is installed\n"
                    "  --no-reference  skip the plain node HTTP server measured for the ratios\n"
                    "  --faas-js-runtime DIR  measure faas-js-runtime from DIR/node_modules too\n"
                    "               (default: $FUNCDESK_FAAS_JS_RUNTIME)\n"
                    "  --tls        also measure invoke over HTTPS (with wrk), against plain in the same run\n");
            exit(2);
        }
    }
    if (settings.faasDir.empty()) {
        if (const char *dir = getenv("FUNCDESK_FAAS_JS_RUNTIME"))
            settings.faasDir = dir;
    }
    return settings;
}

// faas-js-runtime serving a no-op handle() from `workDir`/faas; its target, or nullopt with the
// reason printed.
std::optional<LoadTarget> startFaasRuntime(const Settings &settings, const std::filesystem::path &workDir,
                                           std::optional<Child> &child, const std::string &authorization)
{
    const std::filesystem::path cli =
        std::filesystem::path(settings.faasDir) / "node_modules/faas-js-runtime/bin/cli.js";
    const auto node = findInPath("node");
    if (settings.faasDir.empty() || !node || !std::filesystem::exists(cli)) {
        printf("faas-js-runtime: not found, not measured\n");
        return std::nullopt;
    }
    const std::filesystem::path function = workDir / "faas";
    std::filesystem::create_directory(function);
    std::ofstream(function / "index.js") << "module.exports = function handle(context, body) { return {}; };\n";
    std::ofstream(function / "package.json") << "{\"name\": \"noop\", \"version\": \"1.0.0\"}\n";
    const uint16_t port = freePort();
    child.emplace(
        std::vector<std::string>{*node, cli.string(), "--port", std::to_string(port), (function / "index.js").string()},
        workDir / "faas-js-runtime", 2);
    const LoadTarget target{port, "POST", "/", authorization, "{}"};
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    while (Clock::now() < deadline) {
        if (httpOnce(port, "POST", "/", authorization, "{}").status == 200)
            return target;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    printf("faas-js-runtime: did not answer on port %u, not measured\n%s\n", unsigned(port),
           child->stderrTail().c_str());
    child.reset();
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    const Settings settings = parseArguments(argc, argv);
    signal(SIGINT, killChildren);
    signal(SIGTERM, killChildren);
    signal(SIGPIPE, SIG_IGN);

    char dirTemplate[] = "/tmp/server_bench-XXXXXX";
    if (!mkdtemp(dirTemplate)) {
        perror("server_bench: mkdtemp");
        return 1;
    }
    const std::filesystem::path workDir = dirTemplate;
    const std::filesystem::path dataDir = workDir / "data";
    std::filesystem::create_directory(dataDir);
    struct Cleanup
    {
        std::filesystem::path dir;
        ~Cleanup()
        {
            std::error_code ignored;
            std::filesystem::remove_all(dir, ignored);
        }
    } cleanup{workDir};

    // The load generator.
    std::optional<LoadGenerator> wrk;
    if (!settings.builtin) {
        if (const auto path = findInPath("wrk"))
            wrk = LoadGenerator::wrk(*path, settings.wrkThreads, workDir);
    }
    const LoadGenerator generator = wrk ? *wrk : LoadGenerator::builtin();
    printf("server_bench: load generator: %s\n", generator.description().c_str());
    printf("server_bench: %d round(s) of %.1f s per measurement\n", settings.rounds, settings.seconds);

    // The server. Its default throttle (60,000 invocations a minute per namespace) would refuse
    // most of a measurement at ~10,000/s: lift it, so the check's cost is measured, not its 429s.
    const auto serveArguments = [&settings](const std::filesystem::path &data) {
        return std::vector<std::string>{settings.funcdeskd,
                                        "serve",
                                        "--host",
                                        "127.0.0.1",
                                        "--port",
                                        "0",
                                        "--data-dir",
                                        data.string(),
                                        "--set",
                                        "limits.invocationsPerMinute=1000000000",
                                        "--set",
                                        "limits.concurrentInvocations=1000000"};
    };
    Child server(serveArguments(dataDir), workDir / "funcdeskd", 0);
    const auto listening = server.started() ? server.waitForLine("funcdeskd listening on http://", 30) : std::nullopt;
    if (!listening) {
        fprintf(stderr, "server_bench: %s did not start listening\n%s\n", settings.funcdeskd.c_str(),
                server.stderrTail().c_str());
        return 1;
    }
    const std::string hostPort = trimmed(*listening);
    const uint16_t port = static_cast<uint16_t>(atoi(hostPort.substr(hostPort.rfind(':') + 1).c_str()));
    const std::string authorization = "Basic " + base64(trimmed(readFile(dataDir / "auth")));
    printf("server_bench: funcdeskd at http://%s\n", hostPort.c_str());

    const std::string actionPath = "/api/v1/namespaces/_/actions/noop";
    // The no-op action on the server at `at` (plain HTTP), invoked once.
    const auto prepare = [&actionPath](uint16_t at, const std::string &auth) {
        const HttpExchange created = httpOnce(
            at, "PUT", actionPath + "?overwrite=true", auth,
            R"({"exec":{"kind":"nodejs:default","code":"function main(){return {}}"},"limits":{"concurrency":16,"cpu":)" +
                std::to_string(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN))) + "}}");
        if (created.status != 200) {
            fprintf(stderr, "server_bench: creating the action failed: HTTP %d %s\n", created.status,
                    created.body.c_str());
            return false;
        }
        const HttpExchange first = httpOnce(at, "POST", actionPath + "?blocking=true", auth, "{}");
        if (first.status != 200)
            fprintf(stderr, "server_bench: the first invoke failed: HTTP %d %s\n", first.status, first.body.c_str());
        return first.status == 200;
    };
    if (!prepare(port, authorization))
        return 1;

    const LoadTarget invoke{port, "POST", actionPath + "?blocking=true", authorization, "{}"};
    const LoadTarget get{port, "GET", actionPath, authorization, ""};
    // Warm-up: the action's process, the server's pools and caches.
    generator.run(invoke, 16, std::min(2.0, settings.seconds));

    // --tls: a second funcdeskd on a data folder of its own, prepared over plain HTTP, then
    // started again with --tls-cert/--tls-key.
    std::optional<Child> tlsServer;
    std::optional<LoadTarget> tlsInvoke;
    std::string tlsProblem;
    const std::filesystem::path tlsData = workDir / "tls-data";
    if (settings.tls && !generator.speaksTls()) {
        tlsProblem = "the built-in load generator speaks plain HTTP only (install wrk)";
    } else if (settings.tls && std::filesystem::create_directory(tlsData) &&
               makeBenchCertificate(workDir, tlsProblem)) {
        tlsServer.emplace(serveArguments(tlsData), workDir / "funcdeskd-tls-setup", 3);
        const auto plain = tlsServer->waitForLine("funcdeskd listening on http://", 30);
        const std::string tlsAuth = "Basic " + base64(trimmed(readFile(tlsData / "auth")));
        const bool prepared = plain && prepare(uint16_t(atoi(plain->substr(plain->rfind(':') + 1).c_str())), tlsAuth);
        tlsServer.reset();
        if (prepared) {
            std::vector<std::string> arguments = serveArguments(tlsData);
            arguments.insert(arguments.end(), {"--tls-cert", (workDir / "cert.pem").string(), "--tls-key",
                                               (workDir / "key.pem").string()});
            tlsServer.emplace(arguments, workDir / "funcdeskd-tls", 3);
            if (const auto secure = tlsServer->waitForLine("funcdeskd listening on https://", 30)) {
                tlsInvoke = LoadTarget{uint16_t(atoi(secure->substr(secure->rfind(':') + 1).c_str())),
                                       "POST",
                                       actionPath + "?blocking=true",
                                       tlsAuth,
                                       "{}",
                                       true};
                generator.run(*tlsInvoke, 16, std::min(2.0, settings.seconds));
            }
        }
        if (!tlsInvoke)
            tlsProblem = "the TLS funcdeskd did not start: " + (tlsServer ? tlsServer->stderrTail() : "");
    }
    if (!tlsProblem.empty())
        printf("server_bench: TLS not measured: %s\n", tlsProblem.c_str());

    // The reference server.
    std::optional<Child> reference;
    std::optional<LoadTarget> referenceTarget;
    if (settings.reference) {
        if (const auto node = findInPath("node")) {
            reference.emplace(std::vector<std::string>{*node, "-e", kReferenceServer}, workDir / "reference", 1);
            if (const auto refPort = reference->waitForLine("reference listening on ", 15)) {
                referenceTarget = LoadTarget{static_cast<uint16_t>(atoi(refPort->c_str())), "POST",
                                             "/run?blocking=true", authorization, "{}"};
                generator.run(*referenceTarget, 16, std::min(1.0, settings.seconds));
            } else {
                fprintf(stderr, "server_bench: the node reference server did not start\n%s\n",
                        reference->stderrTail().c_str());
            }
        } else {
            fprintf(stderr, "server_bench: no `node` in PATH, no reference measured\n");
        }
    }

    std::optional<Child> faas;
    const std::optional<LoadTarget> faasTarget = startFaasRuntime(settings, workDir, faas, authorization);
    if (faasTarget)
        generator.run(*faasTarget, 16, std::min(1.0, settings.seconds));

    std::vector<double> invoke1, invoke16, gets, ref1, ref16, ratio1, ratio16, steals;
    std::vector<double> faas1, faas16, faasRatio1, faasRatio16;
    std::vector<double> tls1, tls16, tlsRatio1, tlsRatio16; // TLS, and TLS / plain per round
    std::vector<double> cpuInvoke1, cpuInvoke16;            // funcdeskd's CPU µs per invoke
    auto measure = [&](const char *name, const LoadTarget &target, int connections, std::vector<double> &into,
                       pid_t serverPid = 0, std::vector<double> *cpuPerRequest = nullptr) {
        const MachineCpu before = MachineCpu::now();
        const double cpuBefore = processCpuSeconds(serverPid);
        const LoadResult result = generator.run(target, connections, settings.seconds);
        const double cpuAfter = processCpuSeconds(serverPid);
        const MachineCpu after = MachineCpu::now();
        const double cpuMicros = result.ok > 0 ? 1e6 * (cpuAfter - cpuBefore) / double(result.ok) : 0;
        if (cpuPerRequest && result.ok > 0)
            cpuPerRequest->push_back(cpuMicros);
        into.push_back(result.okPerSecond);
        steals.push_back(after.stealPercentSince(before));
        // Steal: time the hypervisor gave this VM's vCPUs to others; idle: time no one here used.
        printf("  %-14s c=%-2d %9.0f req/s  mean latency %7.1f us  (%llu ok, %llu not 2xx, %llu socket errors)"
               "  steal %.0f%% idle %.0f%%\n",
               name, connections, result.okPerSecond,
               result.okPerSecond > 0 ? 1e6 * connections / result.okPerSecond : 0.0,
               static_cast<unsigned long long>(result.ok), static_cast<unsigned long long>(result.notOk),
               static_cast<unsigned long long>(result.socketErrors), after.stealPercentSince(before),
               after.idlePercentSince(before));
        if (serverPid > 0 && result.ok > 0)
            printf("    server CPU %.1f us per request (user + system, all its threads)\n", cpuMicros);
        if (result.notOk > 0 || result.socketErrors > 0)
            printf("    warning: %s had failed requests; only 2xx answers are counted\n", name);
        fflush(stdout);
        return result.okPerSecond;
    };
    for (int round = 0; round < settings.rounds; ++round) {
        printf("round %d:\n", round + 1);
        const double i1 = measure("invoke", invoke, 1, invoke1, server.pid(), &cpuInvoke1);
        if (tlsInvoke) {
            const double t1 = measure("invoke TLS", *tlsInvoke, 1, tls1, tlsServer->pid());
            tlsRatio1.push_back(i1 > 0 ? t1 / i1 : 0);
        }
        if (referenceTarget) {
            const double r1 = measure("reference", *referenceTarget, 1, ref1);
            ratio1.push_back(r1 > 0 ? i1 / r1 : 0);
        }
        if (faasTarget) {
            const double f1 = measure("faas-js-rt", *faasTarget, 1, faas1);
            faasRatio1.push_back(f1 > 0 ? i1 / f1 : 0);
        }
        const double i16 = measure("invoke", invoke, 16, invoke16, server.pid(), &cpuInvoke16);
        if (tlsInvoke) {
            const double t16 = measure("invoke TLS", *tlsInvoke, 16, tls16, tlsServer->pid());
            tlsRatio16.push_back(i16 > 0 ? t16 / i16 : 0);
        }
        if (referenceTarget) {
            const double r16 = measure("reference", *referenceTarget, 16, ref16);
            ratio16.push_back(r16 > 0 ? i16 / r16 : 0);
        }
        if (faasTarget) {
            const double f16 = measure("faas-js-rt", *faasTarget, 16, faas16);
            faasRatio16.push_back(f16 > 0 ? i16 / f16 : 0);
        }
        measure("get action", get, 16, gets, server.pid());
    }

    if (reference)
        reference->stop();
    if (faas)
        faas->stop();
    if (tlsServer)
        tlsServer->stop();
    const int serverExit = server.stop();
    if (serverExit != 0)
        printf("server_bench: warning: funcdeskd exited with %d after SIGTERM\n%s\n", serverExit,
               server.stderrTail().c_str());

    if (referenceTarget) {
        printf("reference (node http, no-op handler, no isolation): c1 %.0f req/s, c16 %.0f req/s (medians)\n",
               median(ref1), median(ref16));
        printf("reference ratio_c1=%.3f ratio_c16=%.3f (funcdeskd / reference, medians of per-round ratios)\n",
               median(ratio1), median(ratio16));
    }
    if (faasTarget) {
        printf("faas-js-runtime (no-op handle, no isolation): c1 %.0f req/s, c16 %.0f req/s (medians)\n", median(faas1),
               median(faas16));
        printf("faas-js-runtime ratio_c1=%.3f ratio_c16=%.3f (funcdeskd / faas-js-runtime, medians of per-round "
               "ratios; goals 1.2 and 2)\n",
               median(faasRatio1), median(faasRatio16));
        for (size_t i = 0; i < faasRatio1.size() && i < faasRatio16.size(); ++i)
            printf("  round %zu: faas-js-runtime ratio_c1=%.3f ratio_c16=%.3f\n", i + 1, faasRatio1[i], faasRatio16[i]);
    }
    for (size_t i = 0; i < ratio1.size() && i < ratio16.size(); ++i)
        printf("  round %zu: reference ratio_c1=%.3f ratio_c16=%.3f\n", i + 1, ratio1[i], ratio16[i]);
    printf("funcdeskd CPU per invoke (medians): c1 %.1f us, c16 %.1f us (the action's Node.js process not included)\n",
           median(cpuInvoke1), median(cpuInvoke16));
    // Figures on a VM move with the host's load: say how much of the machine the host took.
    printf("host steal during the measurements: median %.1f%%, max %.1f%% (over 5%%: the figures say more about the "
           "host)\n",
           median(steals), steals.empty() ? 0.0 : *std::max_element(steals.begin(), steals.end()));
    if (tlsInvoke)
        printf("server_bench tls invoke_c1_rps=%.0f invoke_c16_rps=%.0f ratio_c1=%.3f ratio_c16=%.3f (HTTPS / plain "
               "HTTP, medians of per-round ratios)\n",
               median(tls1), median(tls16), median(tlsRatio1), median(tlsRatio16));
    // ratio_c1 and ratio_c16: invoke against the node reference (goal at c=16: 0.7); 0 when it
    // was not measured.
    printf("server_bench invoke_c1_rps=%.0f invoke_c16_rps=%.0f get_rps=%.0f ratio_c1=%.3f ratio_c16=%.3f\n",
           median(invoke1), median(invoke16), median(gets), median(ratio1), median(ratio16));
    return 0;
}
