#pragma once

// HTTP/1.1 load for server_bench: `wrk` when installed, else a built-in generator (one thread and
// one keep-alive connection each, hand-built requests, only loopback).

#include <cstdint>
#include <filesystem>
#include <string>

#include <sys/types.h>

namespace funcdesk::bench {

struct LoadTarget
{
    uint16_t port = 0;
    std::string method;
    std::string path;          // with the query
    std::string authorization; // the whole header value
    std::string body;          // sent as application/json when not empty
    bool tls = false;          // https:// (wrk only; the built-in generator speaks plain HTTP)
};

struct LoadResult
{
    double okPerSecond = 0; // 2xx answers per second of the run
    uint64_t ok = 0;
    uint64_t notOk = 0;
    uint64_t socketErrors = 0;
    double seconds = 0;
};

struct HttpExchange
{
    int status = 0; // 0: no answer
    std::string body;
};

// The CPU time (user + system, all threads) process `pid` has used so far, in seconds; 0 when
// unknown.
double processCpuSeconds(pid_t pid);

// A port nothing listens on now (for a server that cannot pick its own).
uint16_t freePort();

// One request on a connection of its own (set-up calls, not measured).
HttpExchange httpOnce(uint16_t port, const std::string &method, const std::string &path,
                      const std::string &authorization, const std::string &body);

// For server_bench --tls: a self-signed EC P-256 certificate for 127.0.0.1 in `dir` (cert.pem,
// key.pem, made with the `openssl` command); false with `error` when it could not be made.
bool makeBenchCertificate(const std::filesystem::path &dir, std::string &error);

class LoadGenerator
{
public:
    static LoadGenerator builtin();
    static LoadGenerator wrk(std::string path, int threads, std::filesystem::path scratchDir);

    std::string description() const;
    bool speaksTls() const { return !m_wrk.empty(); }
    // `connections` keep-alive connections sending back to back for `seconds`.
    LoadResult run(const LoadTarget &target, int connections, double seconds) const;

private:
    LoadResult runBuiltin(const LoadTarget &target, int connections, double seconds) const;
    LoadResult runWrk(const LoadTarget &target, int connections, double seconds) const;

    std::string m_wrk; // empty: built-in
    int m_threads = 1;
    std::filesystem::path m_scratchDir;
};

} // namespace funcdesk::bench
