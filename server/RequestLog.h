#pragma once

#include <QByteArray>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace funcdesk {

// The one line per request that `funcdeskd serve` logs, written in batches. Going through
// qCInfo cost every request Qt's formatting, its lock and a write() to stderr: 6–12 µs of a
// connection thread's ~50 at 10,000 invokes a second (docs/benchmarks.md). Here a request
// appends its line to a buffer, and a thread writes the buffer every 50 ms (sooner when it
// holds 64 KiB), so the log costs a copy per request and a write() per batch. While no request
// comes, the thread sleeps.
//
// Lines look as Qt's default message pattern prints them ("funcdesk.http: GET /api/v1 200
// 0.08ms"). When QT_MESSAGE_PATTERN is set, each line goes through qCInfo as before, so the
// pattern still applies. A stderr that stops reading holds the writer thread, not the
// requests: past 4 MiB waiting, lines are dropped and counted, and the count is logged (so are
// lines a failed write lost). Nor does it hold the shutdown: the log writes to its own
// non-blocking descriptor (stderr opened anew), and a batch that finds no room for a second is
// dropped and counted (and while it stays stalled, later batches are dropped without waiting),
// so flush() and the destructor return within about two seconds whatever the reader does.
// Everything appended is written before the destructor returns (unless the reader stalls).
class RequestLog
{
public:
    // `fd` is where the lines go (stderr; a test may pass a pipe).
    explicit RequestLog(int fd = 2);
    ~RequestLog();
    RequestLog(const RequestLog &) = delete;
    RequestLog &operator=(const RequestLog &) = delete;

    // Whether lines are wanted at all (the "funcdesk.http" category's info level, which
    // QT_LOGGING_RULES can turn off): ask before building a line.
    static bool enabled();
    // Thread-safe. `line` has no newline; it must not contain one.
    void append(const QByteArray &line);
    // Writes the lines appended so far now (before a message that must come after them).
    void flush();
    // Appends `text` as a line of its own, without the category prefix, and writes it now
    // through the log's own descriptor (a note such as "funcdeskd: shutting down", which must
    // come after the request lines and must not block on a stalled stderr).
    void note(const QByteArray &text);

private:
    void run();
    // Takes what is pending and writes it; true once stopping and nothing is left.
    bool writePending();
    void writeOut(const QByteArray &bytes);

    bool m_mayBlock = false;            // m_fd could not be made non-blocking (a socket): poll() first
    std::atomic<bool> m_stalled{false}; // the last write found no room for a second
    const int m_fd;                     // the log's own descriptor (RequestLog.cpp), closed at the end
    const bool m_throughQt;             // QT_MESSAGE_PATTERN is set: each line goes through qCInfo
    std::mutex m_writeMutex;            // held by whoever writes a batch, from taking it to writing it
    std::mutex m_mutex;
    std::condition_variable m_wake;
    QByteArray m_pending;
    QByteArray m_spare; // an emptied batch, kept for its capacity
    qint64 m_dropped = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace funcdesk
