#include "server_bench_load.h"

#include "BenchStats.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace funcdesk::bench {

namespace {

int connectTo(uint16_t port)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const timeval timeout{10, 0}; // a stuck server ends the run instead of hanging it
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    return fd;
}

std::string buildRequest(const LoadTarget &target, bool keepAlive)
{
    std::string request =
        target.method + " " + target.path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(target.port) + "\r\n";
    if (!target.authorization.empty())
        request += "Authorization: " + target.authorization + "\r\n";
    if (!target.body.empty())
        request += "Content-Type: application/json\r\n";
    if (!target.body.empty() || target.method == "POST" || target.method == "PUT")
        request += "Content-Length: " + std::to_string(target.body.size()) + "\r\n";
    if (!keepAlive)
        request += "Connection: close\r\n";
    return request + "\r\n" + target.body;
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// One client connection: sends a request, reads one response (Content-Length, chunked, or up to
// the close).
class Connection
{
public:
    explicit Connection(uint16_t port) : m_fd(connectTo(port)) {}
    ~Connection()
    {
        if (m_fd >= 0)
            close(m_fd);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool open() const { return m_fd >= 0; }

    bool send(const std::string &data)
    {
        size_t sent = 0;
        while (sent < data.size()) {
            const ssize_t n = ::send(m_fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            sent += static_cast<size_t>(n);
        }
        return true;
    }

    // The status, or -1 when the connection failed. `mustClose` is set when the server ends it.
    int receive(std::string *body, bool *mustClose)
    {
        size_t headerEnd;
        while ((headerEnd = m_buffer.find("\r\n\r\n")) == std::string::npos) {
            if (!fill())
                return -1;
        }
        const std::string head = m_buffer.substr(0, headerEnd);
        const size_t bodyStart = headerEnd + 4;
        if (head.compare(0, 5, "HTTP/") != 0 || head.size() < 12)
            return -1;
        const int status = std::atoi(head.c_str() + 9);
        const bool http10 = head.compare(0, 8, "HTTP/1.0") == 0;
        long long contentLength = -1;
        bool chunked = false;
        *mustClose = http10;
        size_t lineStart = head.find("\r\n");
        while (lineStart != std::string::npos) {
            lineStart += 2;
            const size_t lineEnd = std::min(head.find("\r\n", lineStart), head.size());
            const std::string line = lower(head.substr(lineStart, lineEnd - lineStart));
            const size_t colon = line.find(':');
            if (colon != std::string::npos) {
                const std::string name = line.substr(0, colon);
                const size_t valueStart = std::min(line.find_first_not_of(' ', colon + 1), line.size());
                const std::string value = line.substr(valueStart);
                if (name == "content-length")
                    contentLength = std::atoll(value.c_str());
                else if (name == "transfer-encoding" && value.find("chunked") != std::string::npos)
                    chunked = true;
                else if (name == "connection" && value.find("close") != std::string::npos)
                    *mustClose = true;
                else if (name == "connection" && value.find("keep-alive") != std::string::npos)
                    *mustClose = false;
            }
            lineStart = lineEnd < head.size() ? lineEnd : std::string::npos;
        }
        if (status == 204 || status == 304 || (status >= 100 && status < 200))
            contentLength = 0;

        if (chunked) {
            if (!readChunked(bodyStart, body))
                return -1;
        } else if (contentLength >= 0) {
            const size_t end = bodyStart + static_cast<size_t>(contentLength);
            while (m_buffer.size() < end) {
                if (!fill())
                    return -1;
            }
            if (body)
                *body = m_buffer.substr(bodyStart, static_cast<size_t>(contentLength));
            m_buffer.erase(0, end);
        } else {
            while (fill()) {
            }
            if (body)
                *body = m_buffer.substr(bodyStart);
            m_buffer.clear();
            *mustClose = true;
        }
        return status;
    }

private:
    // A chunked body from `at` on (no trailers expected); consumes it from the buffer.
    bool readChunked(size_t at, std::string *body)
    {
        std::string decoded;
        while (true) {
            size_t sizeEnd;
            while ((sizeEnd = m_buffer.find("\r\n", at)) == std::string::npos) {
                if (!fill())
                    return false;
            }
            const size_t size = std::strtoul(m_buffer.c_str() + at, nullptr, 16);
            at = sizeEnd + 2;
            while (m_buffer.size() < at + size + 2) {
                if (!fill())
                    return false;
            }
            if (size == 0)
                break;
            decoded.append(m_buffer, at, size);
            at += size + 2;
        }
        if (body)
            *body = decoded;
        m_buffer.erase(0, at + 2);
        return true;
    }

    bool fill()
    {
        char chunk[16384];
        const ssize_t n = recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, static_cast<size_t>(n));
        return true;
    }

    int m_fd;
    std::string m_buffer;
};

struct WorkerCount
{
    uint64_t ok = 0;
    uint64_t notOk = 0;
    uint64_t socketErrors = 0;
};

} // namespace

// The CPU time (user + system, all threads) process `pid` has used so far, in seconds; 0 when
// unknown. Per request it is a figure the machine's other load moves far less than req/s.
double processCpuSeconds(pid_t pid)
{
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    const std::string stat((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const size_t end = stat.rfind(')'); // the command may hold spaces
    if (pid <= 0 || end == std::string::npos)
        return 0;
    std::istringstream fields(stat.substr(end + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14)
            utime = std::stoull(field);
        else if (i == 15)
            stime = std::stoull(field);
    }
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

// A port nothing listens on now (for a server that cannot pick its own).
uint16_t freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

HttpExchange httpOnce(uint16_t port, const std::string &method, const std::string &path,
                      const std::string &authorization, const std::string &body)
{
    HttpExchange exchange;
    Connection connection(port);
    bool mustClose = false;
    if (connection.open() && connection.send(buildRequest({port, method, path, authorization, body}, false))) {
        const int status = connection.receive(&exchange.body, &mustClose);
        exchange.status = std::max(status, 0);
    }
    return exchange;
}

LoadGenerator LoadGenerator::builtin()
{
    return LoadGenerator();
}

LoadGenerator LoadGenerator::wrk(std::string path, int threads, std::filesystem::path scratchDir)
{
    LoadGenerator generator;
    generator.m_wrk = std::move(path);
    generator.m_threads = threads;
    generator.m_scratchDir = std::move(scratchDir);
    return generator;
}

std::string LoadGenerator::description() const
{
    if (m_wrk.empty())
        return "built-in (one thread per keep-alive connection)";
    return "wrk (" + m_wrk + ", " + std::to_string(m_threads) + " thread(s), Lua script for method, body and headers)";
}

LoadResult LoadGenerator::run(const LoadTarget &target, int connections, double seconds) const
{
    return m_wrk.empty() ? runBuiltin(target, connections, seconds) : runWrk(target, connections, seconds);
}

LoadResult LoadGenerator::runBuiltin(const LoadTarget &target, int connections, double seconds) const
{
    const std::string request = buildRequest(target, true);
    std::vector<WorkerCount> counts(static_cast<size_t>(connections));
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int64_t> deadlineNs{0};
    std::vector<std::thread> workers;
    for (int i = 0; i < connections; ++i) {
        workers.emplace_back([&, i] {
            WorkerCount &count = counts[static_cast<size_t>(i)];
            auto connection = std::make_unique<Connection>(target.port);
            ready.fetch_add(1);
            while (!go.load())
                std::this_thread::yield();
            const Clock::time_point deadline{Clock::duration(deadlineNs.load())};
            std::string body;
            while (Clock::now() < deadline) {
                if (!connection->open()) {
                    ++count.socketErrors;
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                    connection = std::make_unique<Connection>(target.port);
                    continue;
                }
                bool mustClose = false;
                const int status = connection->send(request) ? connection->receive(&body, &mustClose) : -1;
                if (status < 0) {
                    ++count.socketErrors;
                    connection = std::make_unique<Connection>(target.port);
                    continue;
                }
                if (status >= 200 && status < 300)
                    ++count.ok;
                else
                    ++count.notOk;
                if (mustClose)
                    connection = std::make_unique<Connection>(target.port);
            }
        });
    }
    while (ready.load() < connections)
        std::this_thread::yield();
    const Clock::time_point start = Clock::now();
    deadlineNs.store((start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds)))
                         .time_since_epoch()
                         .count());
    go.store(true);
    for (std::thread &worker : workers)
        worker.join();
    LoadResult result;
    result.seconds = microsSince(start) / 1e6;
    for (const WorkerCount &count : counts) {
        result.ok += count.ok;
        result.notOk += count.notOk;
        result.socketErrors += count.socketErrors;
    }
    result.okPerSecond = result.seconds > 0 ? static_cast<double>(result.ok) / result.seconds : 0;
    return result;
}

LoadResult LoadGenerator::runWrk(const LoadTarget &target, int connections, double seconds) const
{
    static int scripts = 0;
    const std::filesystem::path script = m_scratchDir / ("wrk-" + std::to_string(++scripts) + ".lua");
    {
        std::ofstream lua(script);
        lua << "wrk.method = \"" << target.method << "\"\n";
        if (!target.body.empty()) {
            lua << "wrk.body = '" << target.body << "'\n";
            lua << "wrk.headers[\"Content-Type\"] = \"application/json\"\n";
        }
        lua << "wrk.headers[\"Authorization\"] = \"" << target.authorization << "\"\n";
    }
    const std::string url =
        std::string(target.tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(target.port) + target.path;
    const std::vector<std::string> args = {m_wrk,
                                           "-t",
                                           std::to_string(std::min(m_threads, connections)),
                                           "-c",
                                           std::to_string(connections),
                                           "-d",
                                           std::to_string(std::max(1L, std::lround(seconds))) + "s",
                                           "--timeout",
                                           "10s",
                                           "-s",
                                           script.string(),
                                           url};
    std::vector<char *> argv;
    for (const std::string &arg : args)
        argv.push_back(const_cast<char *>(arg.c_str()));
    argv.push_back(nullptr);

    LoadResult result;
    int out[2];
    if (pipe(out) != 0)
        return result;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    pid_t pid = 0;
    const bool spawned = posix_spawn(&pid, m_wrk.c_str(), &actions, nullptr, argv.data(), environ) == 0;
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    std::string output;
    char chunk[4096];
    ssize_t n;
    while (spawned && (n = read(out[0], chunk, sizeof chunk)) > 0)
        output.append(chunk, static_cast<size_t>(n));
    close(out[0]);
    if (spawned)
        waitpid(pid, nullptr, 0);

    std::smatch match;
    double requestsPerSecond = 0;
    uint64_t requests = 0;
    if (std::regex_search(output, match, std::regex(R"(Requests/sec:\s*([0-9.]+))")))
        requestsPerSecond = std::stod(match[1]);
    if (std::regex_search(output, match, std::regex(R"((\d+) requests in ([0-9.]+)(us|ms|s|m))"))) {
        requests = std::stoull(match[1]);
        const double scale = match[3] == "us" ? 1e-6 : match[3] == "ms" ? 1e-3 : match[3] == "m" ? 60 : 1;
        result.seconds = std::stod(match[2]) * scale;
    }
    if (std::regex_search(output, match, std::regex(R"(Non-2xx or 3xx responses:\s*(\d+))")))
        result.notOk = std::stoull(match[1]);
    if (std::regex_search(output, match,
                          std::regex(R"(Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+))")))
        result.socketErrors =
            std::stoull(match[1]) + std::stoull(match[2]) + std::stoull(match[3]) + std::stoull(match[4]);
    if (requests == 0) {
        fprintf(stderr, "server_bench: no result from wrk:\n%s\n", output.c_str());
        return result;
    }
    result.ok = requests > result.notOk ? requests - result.notOk : 0;
    result.okPerSecond = requestsPerSecond * static_cast<double>(result.ok) / static_cast<double>(requests);
    return result;
}

} // namespace funcdesk::bench
