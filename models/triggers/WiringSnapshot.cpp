#include "models/triggers/WiringSnapshot.h"

#include "core/FutureCallback.h"

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>
#include <memory>

namespace funcdesk {

namespace {

constexpr int kPageSize = 200; // OpenWhisk's largest page

template <typename T> using Lister = std::function<QFuture<Result<QList<T>>>(Platform *, ListOptions)>;

// Reads every page of one collection into `loaded`, then calls `done`.
template <typename T>
void loadAll(QPointer<Platform> platform, QObject *context, Lister<T> list, std::shared_ptr<QList<T>> loaded,
             std::function<void(Result<QList<T>>)> done)
{
    if (!platform)
        return done(
            PlatformError{PlatformError::Kind::Network,
                          QCoreApplication::translate("funcdesk::WiringSnapshot", "The connection went away.")});
    const int skip = static_cast<int>(loaded->size());
    onResult(list(platform, ListOptions{kPageSize, skip}), context,
             [platform, context, list, loaded, done](Result<QList<T>> page) {
                 if (!page)
                     return done(page.error());
                 loaded->append(page.value());
                 if (page.value().size() >= kPageSize)
                     return loadAll<T>(platform, context, list, loaded, done);
                 done(*loaded);
             });
}

// Each source text is marked with QT_TRANSLATE_NOOP where it is used, so lupdate finds it.
QString text(const char *source)
{
    return QCoreApplication::translate("funcdesk::WiringSnapshot", source);
}

} // namespace

WiringTriggerKind WiringSnapshot::kindOf(const Trigger &trigger)
{
    const QString feed = trigger.feed();
    if (feed.isEmpty())
        return WiringTriggerKind::Manual;
    if (feed.contains(QLatin1StringView("/alarms/")))
        return WiringTriggerKind::Timer;
    if (feed.contains(QLatin1StringView("/storage/")))
        return WiringTriggerKind::ObjectUpload;
    return WiringTriggerKind::OtherFeed;
}

QString WiringSnapshot::kindName(WiringTriggerKind kind)
{
    switch (kind) {
    case WiringTriggerKind::Timer:
        return text(QT_TRANSLATE_NOOP("funcdesk::WiringSnapshot", "timer"));
    case WiringTriggerKind::ObjectUpload:
        return text(QT_TRANSLATE_NOOP("funcdesk::WiringSnapshot", "object upload"));
    case WiringTriggerKind::OtherFeed:
        return text(QT_TRANSLATE_NOOP("funcdesk::WiringSnapshot", "feed"));
    case WiringTriggerKind::Manual:
        break;
    }
    return text(QT_TRANSLATE_NOOP("funcdesk::WiringSnapshot", "manual"));
}

QString WiringSnapshot::functionOf(const Rule &rule, const QString &ns)
{
    if (!rule.action)
        return {};
    const QString path = rule.action->path;
    if (path.isEmpty() || path == ns || path == QLatin1StringView("_"))
        return rule.action->name;
    const QString own = ns + QLatin1Char('/');
    if (path.startsWith(own))
        return path.mid(own.size()) + QLatin1Char('/') + rule.action->name;
    if (path.startsWith(QLatin1StringView("_/")))
        return path.mid(2) + QLatin1Char('/') + rule.action->name;
    return rule.action->fullyQualified();
}

WiringRule WiringSnapshot::wiringRuleOf(const Rule &rule, const QString &ns)
{
    return WiringRule{rule.name.value_or(QString()), rule.trigger ? rule.trigger->name : QString(),
                      functionOf(rule, ns), rule.isActive()};
}

QHash<QString, QList<FunctionTrigger>> WiringSnapshot::triggersByFunction() const
{
    QHash<QString, WiringTriggerKind> kinds;
    for (const Trigger &trigger : triggers)
        kinds.insert(trigger.name.value_or(QString()), kindOf(trigger));
    QList<WiringRule> sorted = rules;
    std::sort(sorted.begin(), sorted.end(), [](const WiringRule &a, const WiringRule &b) { return a.name < b.name; });
    QHash<QString, QList<FunctionTrigger>> byFunction;
    for (const WiringRule &rule : std::as_const(sorted))
        byFunction[rule.function].append(
            FunctionTrigger{rule.trigger, kinds.value(rule.trigger, WiringTriggerKind::Manual), rule.active});
    return byFunction;
}

QString WiringSnapshot::describe(const QList<FunctionTrigger> &triggers)
{
    QStringList parts;
    for (const FunctionTrigger &trigger : triggers) {
        const QString kind = kindName(trigger.kind);
        parts.append(
            trigger.active
                ? text(QT_TRANSLATE_NOOP("funcdesk::WiringSnapshot", "%1 (%2)")).arg(trigger.trigger, kind)
                : text(QT_TRANSLATE_NOOP("funcdesk::WiringSnapshot", "%1 (%2, disabled)")).arg(trigger.trigger, kind));
    }
    return parts.join(QLatin1StringView(", "));
}

void loadWiringSnapshot(Platform *platform, QObject *context, bool withActions,
                        std::function<void(Result<WiringSnapshot>)> done)
{
    const QPointer<Platform> guarded(platform);
    auto snapshot = std::make_shared<WiringSnapshot>();
    snapshot->ns = platform ? platform->namespaceName() : QString();
    const Lister<Trigger> triggers = [](Platform *p, ListOptions o) { return p->listTriggers(o); };
    const Lister<Rule> rules = [](Platform *p, ListOptions o) { return p->listRules(o); };
    const Lister<Action> actions = [](Platform *p, ListOptions o) { return p->listActions(o); };

    auto finish = [snapshot, done] { done(*snapshot); };
    auto loadActions = [guarded, context, actions, snapshot, done, finish, withActions] {
        if (!withActions)
            return finish();
        loadAll<Action>(guarded, context, actions, std::make_shared<QList<Action>>(),
                        [snapshot, done, finish](Result<QList<Action>> loaded) {
                            if (!loaded)
                                return done(loaded.error());
                            snapshot->actions = std::move(loaded).value();
                            finish();
                        });
    };
    auto loadRules = [guarded, context, rules, snapshot, done, loadActions] {
        loadAll<Rule>(guarded, context, rules, std::make_shared<QList<Rule>>(),
                      [snapshot, done, loadActions](Result<QList<Rule>> loaded) {
                          if (!loaded)
                              return done(loaded.error());
                          for (const Rule &rule : loaded.value())
                              snapshot->rules.append(WiringSnapshot::wiringRuleOf(rule, snapshot->ns));
                          loadActions();
                      });
    };
    loadAll<Trigger>(guarded, context, triggers, std::make_shared<QList<Trigger>>(),
                     [snapshot, done, loadRules](Result<QList<Trigger>> loaded) {
                         if (!loaded)
                             return done(loaded.error());
                         snapshot->triggers = std::move(loaded).value();
                         loadRules();
                     });
}

} // namespace funcdesk
