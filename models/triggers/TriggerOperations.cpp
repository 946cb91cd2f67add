#include "models/triggers/TriggerOperations.h"

#include "core/FutureCallback.h"
#include "core/Platform.h"
#include "models/testing/PayloadValidator.h"
#include "models/triggers/TriggerKind.h"

namespace funcdesk {

TriggerOperations::TriggerOperations(QObject *parent) : QObject(parent)
{
}

void TriggerOperations::setPlatform(Platform *platform)
{
    m_platform = platform;
}

QString TriggerOperations::ruleName(const QString &trigger, const QString &function)
{
    QString name = trigger + QLatin1Char('-') + function;
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    return name;
}

bool TriggerOperations::begin()
{
    if (!m_platform) {
        Q_EMIT failed(tr("No platform is connected."));
        return false;
    }
    if (m_busy) {
        Q_EMIT failed(tr("Another change is still running."));
        return false;
    }
    m_busy = true;
    Q_EMIT busyChanged(true);
    return true;
}

void TriggerOperations::finish(const QString &message)
{
    m_busy = false;
    Q_EMIT busyChanged(false);
    Q_EMIT done(message);
}

void TriggerOperations::fail(const QString &message)
{
    m_busy = false;
    Q_EMIT busyChanged(false);
    Q_EMIT failed(message);
}

void TriggerOperations::loadChoices()
{
    if (!m_platform)
        return Q_EMIT failed(tr("No platform is connected."));
    QPointer<Platform> platform = m_platform;
    onResult(m_platform->listActions(ListOptions{0, 0}), this, [this, platform](const Result<QList<Action>> &listed) {
        if (platform != m_platform)
            return;
        if (!listed)
            return Q_EMIT failed(tr("Could not list the functions: %1").arg(listed.error().message));
        QStringList functions;
        for (const Action &action : listed.value())
            functions.append(action.name.value_or(QString()));
        functions.sort(Qt::CaseInsensitive);
        if (!m_platform->storesObjects())
            return Q_EMIT choicesReady(functions, {}, tr("This platform does not store objects."));
        onResult(m_platform->listBuckets(), this, [this, functions](const Result<QList<Bucket>> &buckets) {
            QStringList names;
            if (buckets) {
                for (const Bucket &bucket : buckets.value())
                    names.append(bucket.name);
            }
            Q_EMIT choicesReady(functions, names,
                                buckets ? (names.isEmpty() ? tr("No buckets yet: type a name.") : QString())
                                        : buckets.error().message);
        });
    });
}

void TriggerOperations::createTimer(const QString &name, const TimerTriggerForm &form, const QString &function)
{
    if (const QString problem = form.validate(); !problem.isEmpty())
        return Q_EMIT failed(problem);
    if (begin())
        createFeedTrigger(name, form.feed(), form.feedParams(), function);
}

void TriggerOperations::createObject(const QString &name, const ObjectTriggerForm &form, const QString &function)
{
    if (const QString problem = form.validate(); !problem.isEmpty())
        return Q_EMIT failed(problem);
    if (begin())
        createFeedTrigger(name, Feeds::kObjectChanges, form.feedParams(), function);
}

void TriggerOperations::createFeedTrigger(const QString &name, const QString &feed, const QJsonObject &params,
                                          const QString &function)
{
    onResult(m_platform->createFeedTrigger(name, Trigger{}, feed, params), this,
             [this, name, function](const Result<Trigger> &created) {
                 if (!created)
                     return fail(created.error().message);
                 linkFunction(name, function, tr("Trigger %1 created.").arg(name));
             });
}

void TriggerOperations::createManual(const QString &name, const QString &function)
{
    if (!begin())
        return;
    onResult(m_platform->putTrigger(name, Trigger{}, PutOptions{}), this,
             [this, name, function](const Result<Trigger> &created) {
                 if (!created)
                     return fail(created.error().message);
                 linkFunction(name, function, tr("Trigger %1 created.").arg(name));
             });
}

void TriggerOperations::linkFunction(const QString &name, const QString &function, const QString &message)
{
    if (function.isEmpty() || !m_platform)
        return finish(message);
    Rule rule;
    rule.trigger = EntityRef{QStringLiteral("_"), name, true};
    rule.action = EntityRef{QStringLiteral("_"), function, true};
    onResult(m_platform->putRule(ruleName(name, function), rule, PutOptions{}), this,
             [this, name, function, message](const Result<Rule> &linked) {
                 if (!linked)
                     return fail(tr("Trigger %1 was created, but the rule to %2 was not: %3")
                                     .arg(name, function, linked.error().message));
                 finish(tr("%1 Every fire runs %2.").arg(message, function));
             });
}

void TriggerOperations::createRoute(const RouteTriggerForm &form, const std::optional<ApiRoute> &replacing)
{
    if (const QString problem = form.validate(); !problem.isEmpty())
        return Q_EMIT failed(problem);
    if (!begin())
        return;
    const ApiRoute route = form.route(m_platform->namespaceName());
    const QString function = form.function;
    auto create = [this, route, replacing] {
        onResult(m_platform->createRoute(route), this, [this, replacing](const Result<ApiRoute> &created) {
            if (!created)
                return fail(created.error().message);
            const QString message =
                tr("Route %1 %2 created.")
                    .arg(created->verb, created->url.isEmpty() ? created->basePath + created->relPath : created->url);
            const bool moved =
                replacing && (replacing->basePath != created->basePath || replacing->relPath != created->relPath ||
                              replacing->verb.compare(created->verb, Qt::CaseInsensitive) != 0);
            if (!moved)
                return finish(message);
            onResult(m_platform->deleteRoute(replacing->basePath, replacing->relPath, replacing->verb), this,
                     [this, message, replacing](const Result<Done> &deleted) {
                         if (!deleted)
                             return fail(tr("%1 The old route %2 %3 was not deleted: %4")
                                             .arg(message, replacing->verb, replacing->basePath + replacing->relPath,
                                                  deleted.error().message));
                         finish(message);
                     });
        });
    };
    // Routes are answered by web actions: make the function one, as `wsk action update --web true`.
    onResult(m_platform->getAction(function, true), this, [this, function, create](const Result<Action> &found) {
        if (!found)
            return fail(found.error().message);
        const KeyValueList annotations = found->annotations.value_or(KeyValueList());
        if (annotations.value(QStringLiteral("web-export")).toBool())
            return create();
        Action update = found.value();
        KeyValueList web = annotations;
        web.set(QStringLiteral("web-export"), true);
        update.annotations = web;
        update.version.reset(); // the platform bumps it
        PutOptions overwrite;
        overwrite.overwrite = true;
        onResult(m_platform->putAction(function, update, overwrite), this,
                 [this, create](const Result<Action> &updated) {
                     if (!updated)
                         return fail(updated.error().message);
                     create();
                 });
    });
}

void TriggerOperations::updateFeed(const QString &name, const QString &feed, const QJsonObject &feedParams)
{
    if (!begin())
        return;
    onResult(m_platform->callFeed(feed, FeedLifecycleEvent::Update, name, feedParams), this,
             [this, name](const Result<QJsonObject> &updated) {
                 if (!updated)
                     return fail(updated.error().message);
                 finish(tr("Trigger %1 updated.").arg(name));
             });
}

void TriggerOperations::setPaused(const QString &name, const QString &feed, const QStringList &rules, bool paused)
{
    if (!begin())
        return;
    const QString message = paused ? tr("Trigger %1 paused.").arg(name) : tr("Trigger %1 resumed.").arg(name);
    if (!feed.isEmpty()) {
        onResult(m_platform->callFeed(feed, paused ? FeedLifecycleEvent::Pause : FeedLifecycleEvent::Unpause, name),
                 this, [this, message](const Result<QJsonObject> &told) {
                     if (!told)
                         return fail(told.error().message);
                     finish(message);
                 });
        return;
    }
    if (rules.isEmpty())
        return finish(message);
    auto remaining = std::make_shared<qsizetype>(rules.size());
    auto firstError = std::make_shared<QString>();
    for (const QString &rule : rules) {
        onResult(m_platform->setRuleActive(rule, !paused), this,
                 [this, remaining, firstError, message](const Result<Done> &set) {
                     if (!set && firstError->isEmpty())
                         *firstError = set.error().message;
                     if (--*remaining > 0)
                         return;
                     if (!firstError->isEmpty())
                         return fail(*firstError);
                     finish(message);
                 });
    }
}

void TriggerOperations::fire(const QString &name, const QString &payloadText)
{
    const PayloadCheck payload = PayloadValidator::check(payloadText);
    if (!payload.ok)
        return Q_EMIT failed(tr("Payload: %1").arg(payload.message));
    if (!begin())
        return;
    onResult(m_platform->fireTrigger(name, payload.params), this,
             [this, name](const Result<std::optional<QString>> &fired) {
                 if (!fired)
                     return fail(fired.error().message);
                 if (!fired->has_value())
                     return finish(tr("Trigger %1 fired; no active rule ran a function.").arg(name));
                 finish(tr("Trigger %1 fired (activation %2).").arg(name, **fired));
             });
}

void TriggerOperations::remove(const QString &name, const QStringList &rules)
{
    if (!begin())
        return;
    onResult(m_platform->deleteFeedTrigger(name), this, [this, name, rules](const Result<Trigger> &deleted) {
        if (!deleted)
            return fail(deleted.error().message);
        removeRules(rules, tr("Trigger %1 deleted.").arg(name));
    });
}

void TriggerOperations::removeRules(QStringList rules, const QString &message)
{
    if (rules.isEmpty() || !m_platform)
        return finish(message);
    const QString rule = rules.takeFirst();
    onResult(m_platform->deleteRule(rule), this, [this, rules, message](const Result<Rule> &deleted) {
        // A rule someone deleted meanwhile is gone as wanted.
        if (!deleted && deleted.error().kind != PlatformError::Kind::NotFound)
            return fail(deleted.error().message);
        removeRules(rules, message);
    });
}

void TriggerOperations::removeRoute(const ApiRoute &route)
{
    if (!begin())
        return;
    onResult(m_platform->deleteRoute(route.basePath, route.relPath, route.verb), this,
             [this, route](const Result<Done> &deleted) {
                 if (!deleted)
                     return fail(deleted.error().message);
                 finish(tr("Route %1 %2 deleted.").arg(route.verb, route.basePath + route.relPath));
             });
}

} // namespace funcdesk
