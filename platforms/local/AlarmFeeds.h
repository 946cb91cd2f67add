#pragma once

#include "platforms/local/AlarmScheduler.h"
#include "platforms/local/BuiltinAction.h"

#include <QList>

namespace funcdesk {

class LocalEngine;

// The alarms package's feed actions, /whisk.system/alarms/alarm, once and interval, run
// in-process over the engine's AlarmScheduler. Each answers the lifecycle events as
// apache/openwhisk-package-alarms does (its parameter names, error texts and READ shape):
//   CREATE, UPDATE, DELETE, PAUSE, UNPAUSE → {"status": "success"}
//   READ → {"config": {name, namespace, payload, strict, cron|date|minutes, ...},
//           "status": {active, dateChanged, dateChangedISO, reason?}}
// `authKey` must authenticate to the trigger's namespace and the trigger must exist, else
// "Trigger authentication request failed." (a DELETE of a trigger already gone is allowed).
// PAUSE and UNPAUSE (docs/feeds.md; the package itself has no such events) stop and resume
// the fires; a resumed alarm fires from then on and never catches up.
class AlarmFeedAction : public BuiltinAction
{
public:
    enum class Feed { Alarm, Once, Interval };
    AlarmFeedAction(LocalEngine &engine, Feed feed) : m_engine(engine), m_feed(feed) {}
    Result<QJsonObject> run(const BuiltinCall &call) override;

private:
    LocalEngine &m_engine;
    Feed m_feed;
};

// The three feed actions as the catalog publishes them (package "alarms", annotated feed).
QList<BuiltinDefinition> alarmFeedDefinitions(LocalEngine &engine);

// What the engine's scheduler runs: plans from the stored schedule (core/AlarmSchedule), fires
// through LocalEngine::fireTrigger, deleteAfterFire through deleteTrigger (and deleteRule).
AlarmScheduler::Hooks alarmHooks(LocalEngine &engine);

} // namespace funcdesk
