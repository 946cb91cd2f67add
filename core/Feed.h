#pragma once

#include <QString>

namespace funcdesk {

// Client-side feed lifecycle, as `wsk` and the JS client do it (openwhisk-notes.md §4, §6):
// OpenWhisk's controller never calls a feed itself; the client that creates a trigger with a
// feed does (Platform::createFeedTrigger, callFeed, deleteFeedTrigger). For a trigger T in
// namespace NS with the feed annotation F ("/whisk.system/alarms/alarm"):
//  - create: PUT the trigger with the annotation, then invoke F blocking
//      POST /api/v1/namespaces/{F's namespace}/actions/{F's package/name}?blocking=true
//      {"lifecycleEvent": "CREATE", "triggerName": "/NS/T", "authKey": "<uuid:key>", ...feed params}
//    and DELETE the trigger again when that call fails (wsk does);
//  - read: the same call with "READ" (the result has {config, status});
//  - update: "UPDATE" with the changed params; PAUSE / UNPAUSE (docs/feeds.md) stop and resume it;
//  - delete: "DELETE" first, then DELETE the trigger.
// The feed params are the ones `wsk trigger create --feed F -p k v` passes to the feed, not the
// trigger's own parameters. The authKey travels only in those request bodies: never log it.
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
