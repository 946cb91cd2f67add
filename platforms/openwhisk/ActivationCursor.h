#pragma once

#include "core/Activation.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace funcdesk {

// The bookkeeping of `wsk activation poll`, kept apart from the network so it can be tested on
// pages: a `since` cursor (the newest start seen; OpenWhisk's since is inclusive), the ids
// already reported at that start, and one poll cycle's pages fetched with skip until a page comes
// back short, so a burst larger than a page is not lost. Each activation is reported once,
// oldest first.
class ActivationCursor
{
public:
    static constexpr int kPageSize = 200; // OpenWhisk's largest list page
    static constexpr int kMaxPages = 100; // per cycle, against a server that ignores skip

    explicit ActivationCursor(int maxRememberedIds = 10000);

    // Seeds from the newest activations (a list page, newest first): they count as seen. An empty
    // page seeds the cursor at 0, so everything that appears later is new (no clock is involved).
    void seed(const QList<Activation> &newestFirst);
    bool isSeeded() const { return m_seeded; }
    void reset();

    // The `since` of the next request.
    qint64 since() const { return m_since; }
    // The `skip` of the next page of the current cycle.
    int skip() const { return m_skip; }

    // Adds a page of the current cycle; true when the next page should be fetched.
    bool addPage(const QList<Activation> &page);
    // Ends the cycle: the activations not reported before, oldest first. Advances the cursor.
    QList<Activation> finishCycle();
    // Forgets a cycle that failed half way; the next one starts again from the same cursor.
    void abandonCycle();

private:
    bool alreadySeen(const Activation &activation) const;

    int m_maxRemembered;
    bool m_seeded = false;
    qint64 m_since = 0;
    QSet<QString> m_seenAtSince; // ids whose start == m_since, already reported

    int m_skip = 0;
    int m_pages = 0;
    QHash<QString, Activation> m_cycle;
};

} // namespace funcdesk
