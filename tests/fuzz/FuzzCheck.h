#pragma once

// Shared by the libFuzzer targets (tests/fuzz, built by `./dev fuzz` with clang in build-fuzz/).

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace funcdesk::fuzz {

// The fuzzer's bytes as a QByteArray that does not copy them (valid during one input).
inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A property every input must keep: a failure is a finding, reported as a crash with its input.
[[noreturn]] inline void fail(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: property broken: %s\n", file, line, what);
    std::abort();
}

} // namespace funcdesk::fuzz

#define FUZZ_CHECK(condition, what)                                                                                    \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            funcdesk::fuzz::fail(what, __FILE__, __LINE__);                                                            \
    } while (false)
