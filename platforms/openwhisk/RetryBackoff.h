#pragma once

#include <optional>

namespace funcdesk {

// How long to wait before trying again after failures in a row: base, 2 x base, 4 x base, ...
// capped; a server's Retry-After wins when it gives one.
class RetryBackoff
{
public:
    RetryBackoff(int baseMs, int maxMs);

    // Records a failure and returns the delay before the next attempt.
    int failed(std::optional<int> retryAfterMs = std::nullopt);
    void succeeded() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    int m_baseMs;
    int m_maxMs;
    int m_failures = 0;
};

} // namespace funcdesk
