#pragma once

#include "core/Action.h"
#include "executor/Executor.h"

namespace funcdesk {

// What the executor runs an action as: its namespace, name, version, code and limits, which
// together key the executor's warm pool. No parameters and no activation id yet: the Invoker
// adds those per invocation; minimum instances use it as it is.
InvocationRequest executorRequest(const QString &ns, const QString &name, const Action &action);

// Minimum instances (`limits.minInstances`): the engine tells the executor how many warm
// processes of an action's current version to keep, after every change that can alter it.
// Each call returns at once (the executor's maintenance thread starts the processes).
namespace MinInstances {
// The action's `limits.minInstances`, 0 when unset.
int of(const Action &action);
// After a create or update: keeps `stored`'s count of its new version (which retires the old
// version's processes), or stops keeping any when it was lowered to 0.
void afterPut(Executor &executor, const QString &ns, const std::optional<Action> &previous, const Action &stored);
// After a delete: stops keeping processes of the action.
void afterDelete(Executor &executor, const QString &ns, const Action &removed);
// At the platform's start: every stored action with a minimum gets its processes.
void atStart(Executor &executor, const QHash<QString, QHash<QString, Action>> &actions);
} // namespace MinInstances

} // namespace funcdesk
