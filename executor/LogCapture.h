#pragma once

#include <QByteArray>
#include <QStringList>

namespace funcdesk {

// Collects an activation's stdout and stderr as OpenWhisk log lines
// ("<ISO time padded to 30> stdout: <text>"), timestamped as they arrive, capped at the
// action's log limit. Past the cap everything is dropped (memory stays bounded whatever the
// action prints) and a final line says the logs were truncated, in OpenWhisk's words.
class LogCapture
{
public:
    enum class Stream { Stdout = 0, Stderr = 1 };

    explicit LogCapture(qint64 limitBytes) : m_limit(limitBytes) {}

    // What a line costs against the limit on top of its text: "<timestamp padded to 30> stdout: ".
    static constexpr qint64 kLinePrefixBytes = 39;

    void append(Stream stream, const char *data, qsizetype size);
    // Flushes unterminated lines and adds the truncation notice; call once at the end.
    void finish();

    QStringList takeLines() { return std::move(m_lines); }
    bool truncated() const { return m_truncated; }
    // Everything the action wrote, kept or not.
    qint64 bytesSeen() const { return m_seen; }
    // True when stderr so far mentions `needle` (e.g. V8's "heap out of memory").
    bool stderrContains(const QByteArray &needle) const;

    static QString timestamp();

private:
    void addLine(Stream stream, QByteArrayView text);

    qint64 m_limit;
    qint64 m_used = 0;
    qint64 m_seen = 0;
    bool m_truncated = false;
    QByteArray m_partial[2];
    QByteArray m_stderrTail; // last bytes of stderr, kept even past the cap, for diagnosis
    QStringList m_lines;
};

} // namespace funcdesk
