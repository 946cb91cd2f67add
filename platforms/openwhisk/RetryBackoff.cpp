#include "platforms/openwhisk/RetryBackoff.h"

#include <QtGlobal>

#include <algorithm>

namespace funcdesk {

namespace {
// A Retry-After longer than this is more likely a misconfiguration than a plan.
constexpr int kLongestRetryAfterMs = 10 * 60 * 1000;
} // namespace

RetryBackoff::RetryBackoff(int baseMs, int maxMs) : m_baseMs(std::max(1, baseMs)), m_maxMs(std::max(m_baseMs, maxMs))
{
}

int RetryBackoff::failed(std::optional<int> retryAfterMs)
{
    ++m_failures;
    if (retryAfterMs)
        return std::clamp(*retryAfterMs, 0, kLongestRetryAfterMs);
    qint64 delay = m_baseMs;
    for (int i = 1; i < m_failures && delay < m_maxMs; ++i)
        delay *= 2;
    return static_cast<int>(std::min<qint64>(delay, m_maxMs));
}

} // namespace funcdesk
