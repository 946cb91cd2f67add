#pragma once

#include <QString>

namespace funcdesk {

// The lifecycle events a feed action receives (openwhisk-notes.md §4, docs/feeds.md), as the
// `lifecycleEvent` parameter. The client that creates a trigger with a feed calls the feed
// action blocking with {lifecycleEvent, triggerName: "/ns/name", authKey, ...feed parameters}.
enum class FeedLifecycleEvent { Create, Read, Update, Delete, Pause, Unpause };

inline QString feedLifecycleEventName(FeedLifecycleEvent event)
{
    switch (event) {
    case FeedLifecycleEvent::Create:
        return QStringLiteral("CREATE");
    case FeedLifecycleEvent::Read:
        return QStringLiteral("READ");
    case FeedLifecycleEvent::Update:
        return QStringLiteral("UPDATE");
    case FeedLifecycleEvent::Delete:
        return QStringLiteral("DELETE");
    case FeedLifecycleEvent::Pause:
        return QStringLiteral("PAUSE");
    case FeedLifecycleEvent::Unpause:
        return QStringLiteral("UNPAUSE");
    }
    return QStringLiteral("READ");
}

} // namespace funcdesk
