#pragma once

#include <QString>

namespace funcdesk {

// SEAM (not implemented yet): client-side feed lifecycle, as `wsk` and the JS client do it
// (openwhisk-notes.md §4, §6). OpenWhisk's controller does not call feeds itself; the client does.
// Today OpenWhiskPlatform::putTrigger / getTrigger / deleteTrigger handle only the trigger
// document, and a trigger with a `feed` annotation is stored without its feed being told.
//
// What belongs here, for a trigger T in namespace NS with feed annotation F ("/whisk.system/alarms/alarm"):
//  - create: PUT the trigger, then
//      POST /api/v1/namespaces/{F's namespace}/actions/{F's package/name}?blocking=true
//      {"lifecycleEvent": "CREATE", "triggerName": "/NS/T", "authKey": "<uuid:key>", ...feed params}
//    and DELETE the trigger again when that call fails (wsk does);
//  - get: the same call with "READ" (its result has {config, status});
//  - update: "UPDATE" with the changed params;
//  - delete: "DELETE" first, then DELETE the trigger.
// The feed params are the ones `wsk trigger create --feed F -p k v` passes to the feed, not the
// trigger's own parameters. The authKey travels in these request bodies: never log them.
enum class FeedLifecycleEvent { Create, Read, Update, Delete };

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
    }
    return QStringLiteral("READ");
}

} // namespace funcdesk
