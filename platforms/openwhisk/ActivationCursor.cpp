#include "platforms/openwhisk/ActivationCursor.h"

#include <algorithm>

namespace funcdesk {

ActivationCursor::ActivationCursor(int maxRememberedIds) : m_maxRemembered(std::max(1, maxRememberedIds))
{
}

void ActivationCursor::seed(const QList<Activation> &newestFirst)
{
    reset();
    m_seeded = true;
    for (const Activation &activation : newestFirst)
        m_since = std::max(m_since, activation.start.value_or(0));
    for (const Activation &activation : newestFirst) {
        if (activation.start.value_or(0) == m_since && m_seenAtSince.size() < m_maxRemembered)
            m_seenAtSince.insert(activation.activationId);
    }
}

void ActivationCursor::reset()
{
    m_seeded = false;
    m_since = 0;
    m_seenAtSince.clear();
    abandonCycle();
}

bool ActivationCursor::addPage(const QList<Activation> &page)
{
    ++m_pages;
    m_skip += static_cast<int>(page.size());
    bool grew = false;
    for (const Activation &activation : page) {
        if (activation.activationId.isEmpty() || m_cycle.contains(activation.activationId))
            continue; // a page boundary moved under us: newer activations pushed older ones down
        m_cycle.insert(activation.activationId, activation);
        grew = true;
    }
    return page.size() >= kPageSize && grew && m_pages < kMaxPages;
}

bool ActivationCursor::alreadySeen(const Activation &activation) const
{
    const qint64 start = activation.start.value_or(m_since);
    // since is inclusive: an earlier start was reported in an earlier cycle (or predates the seed).
    return start < m_since || (start == m_since && m_seenAtSince.contains(activation.activationId));
}

QList<Activation> ActivationCursor::finishCycle()
{
    QList<Activation> fresh;
    qint64 newest = m_since;
    for (const Activation &activation : std::as_const(m_cycle)) {
        if (!alreadySeen(activation))
            fresh.append(activation);
        newest = std::max(newest, activation.start.value_or(m_since));
    }
    std::sort(fresh.begin(), fresh.end(), [](const Activation &a, const Activation &b) {
        const qint64 sa = a.start.value_or(0);
        const qint64 sb = b.start.value_or(0);
        return sa != sb ? sa < sb : a.activationId < b.activationId;
    });

    if (newest > m_since) {
        m_since = newest;
        m_seenAtSince.clear();
    }
    for (const Activation &activation : std::as_const(fresh)) {
        if (activation.start.value_or(m_since) == m_since && m_seenAtSince.size() < m_maxRemembered)
            m_seenAtSince.insert(activation.activationId);
    }
    abandonCycle();
    return fresh;
}

void ActivationCursor::abandonCycle()
{
    m_skip = 0;
    m_pages = 0;
    m_cycle.clear();
}

} // namespace funcdesk
