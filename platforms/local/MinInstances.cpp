#include "platforms/local/MinInstances.h"

namespace funcdesk {

InvocationRequest executorRequest(const QString &ns, const QString &name, const Action &action)
{
    InvocationRequest request;
    request.ns = ns;
    request.name = name;
    request.version = action.version.value_or(QStringLiteral("0.0.1"));
    request.exec = action.exec.value_or(Exec());
    request.limits = action.limits.value_or(ActionLimits());
    return request;
}

namespace MinInstances {

int of(const Action &action)
{
    if (!action.limits || !action.limits->minInstances)
        return 0;
    return int(std::max<qint64>(0, *action.limits->minInstances));
}

void afterPut(Executor &executor, const QString &ns, const std::optional<Action> &previous, const Action &stored)
{
    const int count = of(stored);
    if (count > 0 || (previous && of(*previous) > 0))
        executor.keepWarm(executorRequest(ns, stored.name.value_or(QString()), stored), count);
}

void afterDelete(Executor &executor, const QString &ns, const Action &removed)
{
    if (of(removed) > 0)
        executor.keepWarm(executorRequest(ns, removed.name.value_or(QString()), removed), 0);
}

void atStart(Executor &executor, const QHash<QString, QHash<QString, Action>> &actions)
{
    for (auto space = actions.cbegin(); space != actions.cend(); ++space) {
        for (const Action &action : *space) {
            if (const int count = of(action); count > 0)
                executor.keepWarm(executorRequest(space.key(), action.name.value_or(QString()), action), count);
        }
    }
}

} // namespace MinInstances

} // namespace funcdesk
