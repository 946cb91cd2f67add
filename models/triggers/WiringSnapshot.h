#pragma once

#include "core/Platform.h"

#include <QHash>

#include <functional>

namespace funcdesk {

// What kind of event fires a trigger, read from its `feed` annotation.
enum class WiringTriggerKind { Manual, Timer, ObjectUpload, OtherFeed };

// One rule as the wiring shows it: trigger → function, active or not. `function` is named as the
// function list names it ("action", "package/action"), or fully qualified ("/whisk.system/utils/echo")
// when it lives in another namespace.
struct WiringRule
{
    QString name;
    QString trigger;
    QString function;
    bool active = true;
    friend bool operator==(const WiringRule &, const WiringRule &) = default;
};

// A trigger that runs a function, for the function list and the function's panels.
struct FunctionTrigger
{
    QString trigger;
    WiringTriggerKind kind = WiringTriggerKind::Manual;
    bool active = true;
};

// Every trigger, rule and (when asked for) action of one namespace, read at one time.
struct WiringSnapshot
{
    QString ns;
    QList<Trigger> triggers;
    QList<Action> actions;
    QList<WiringRule> rules;

    static WiringTriggerKind kindOf(const Trigger &trigger);
    // "timer", "object upload", "feed", "manual" (translated).
    static QString kindName(WiringTriggerKind kind);
    // The rule's action named as the function list names it, relative to namespace `ns`.
    static QString functionOf(const Rule &rule, const QString &ns);
    static WiringRule wiringRuleOf(const Rule &rule, const QString &ns);

    // Function → the triggers that run it, in the order of the rules (by rule name).
    QHash<QString, QList<FunctionTrigger>> triggersByFunction() const;
    // "daily-report (timer), uploads (object upload, disabled)"; empty when none.
    static QString describe(const QList<FunctionTrigger> &triggers);
};

// Loads every trigger and rule of `platform` (and every action when `withActions`), 200 at a time,
// and calls `done` on `context`'s thread with the snapshot or the first error. Never after
// `context` is gone.
void loadWiringSnapshot(Platform *platform, QObject *context, bool withActions,
                        std::function<void(Result<WiringSnapshot>)> done);

} // namespace funcdesk
