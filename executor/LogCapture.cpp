#include "executor/LogCapture.h"

#include <ctime>

namespace funcdesk {

QString LogCapture::timestamp()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    tm utc{};
    gmtime_r(&now.tv_sec, &utc);
    char text[40];
    const size_t n = strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    snprintf(text + n, sizeof text - n, ".%06ldZ", now.tv_nsec / 1000);
    return QString::fromLatin1(text).leftJustified(30, QLatin1Char(' '));
}

void LogCapture::append(Stream stream, const char *data, qsizetype size)
{
    m_seen += size;
    if (stream == Stream::Stderr) {
        // The last 4 KB, where a dying runtime prints why (V8's "heap out of memory").
        const qsizetype keep = std::min<qsizetype>(size, 4096);
        m_stderrTail.append(data + size - keep, keep);
        if (m_stderrTail.size() > 8192)
            m_stderrTail.remove(0, m_stderrTail.size() - 4096);
    }
    if (m_truncated)
        return;
    QByteArray &partial = m_partial[static_cast<int>(stream)];
    qsizetype begin = 0;
    while (begin < size) {
        const char *newline = static_cast<const char *>(memchr(data + begin, '\n', static_cast<size_t>(size - begin)));
        if (!newline) {
            partial.append(data + begin, size - begin);
            if (m_used + partial.size() + kLinePrefixBytes > m_limit) {
                m_truncated = true;
                partial.clear();
            }
            return;
        }
        const qsizetype end = newline - data;
        if (partial.isEmpty()) {
            addLine(stream, QByteArrayView(data + begin, end - begin));
        } else {
            partial.append(data + begin, end - begin);
            addLine(stream, partial);
            partial.clear();
        }
        if (m_truncated)
            return;
        begin = end + 1;
    }
}

void LogCapture::addLine(Stream stream, QByteArrayView text)
{
    // Each line costs its text plus its timestamp and stream prefix, so a flood of empty lines
    // cannot hold millions of entries under a limit meant for bytes.
    const qint64 cost = text.size() + kLinePrefixBytes;
    if (m_used + cost > m_limit) {
        m_truncated = true;
        return;
    }
    m_used += cost;
    static const QString streams[] = {QStringLiteral(" stdout: "), QStringLiteral(" stderr: ")};
    m_lines.append(timestamp() + streams[static_cast<int>(stream)] + QString::fromUtf8(text));
}

void LogCapture::finish()
{
    for (auto stream : {Stream::Stdout, Stream::Stderr}) {
        QByteArray &partial = m_partial[static_cast<int>(stream)];
        if (!partial.isEmpty() && !m_truncated)
            addLine(stream, partial);
        partial.clear();
    }
    if (m_truncated) {
        m_lines.append(
            timestamp() +
            QStringLiteral(" stderr: Logs were truncated because the total bytes size exceeds the limit of %1 bytes.")
                .arg(m_limit));
    }
}

bool LogCapture::stderrContains(const QByteArray &needle) const
{
    return m_stderrTail.contains(needle);
}

} // namespace funcdesk
