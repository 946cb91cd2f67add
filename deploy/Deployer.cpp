#include "deploy/Deployer.h"

#include "deploy/DeployCompare.h"

#include "core/FutureCallback.h"

#include <QCoreApplication>
#include <QPromise>

// The translation context of the deployer's messages.
struct DeployerText
{
    Q_DECLARE_TR_FUNCTIONS(Deployer)
};

namespace funcdesk {

QString deployVerdictName(DeployVerdict verdict)
{
    switch (verdict) {
    case DeployVerdict::Created:
        return QStringLiteral("created");
    case DeployVerdict::Changed:
        return QStringLiteral("changed");
    case DeployVerdict::Unchanged:
        return QStringLiteral("unchanged");
    }
    return {};
}

int DeployReport::count(DeployVerdict verdict) const
{
    return int(
        std::count_if(entries.begin(), entries.end(), [verdict](const auto &e) { return e.verdict == verdict; }));
}

int DeployReport::appliedCount() const
{
    return int(std::count_if(entries.begin(), entries.end(), [](const auto &e) { return e.applied; }));
}

struct Deployer::State
{
    QPromise<Result<DeployReport>> promise;
    DeployReport report;
    PlatformInfo info;
    QList<std::optional<Package>> packages;
    QList<std::optional<Action>> actions;
    QList<std::optional<Trigger>> triggers;
    QList<std::optional<QJsonObject>> feedConfigs; // a feed trigger's READ config, when it answered
    QList<std::optional<Rule>> rules;
    bool started = false;
    bool finished = false;
};

namespace {

template <typename T> bool isNotFound(const Result<T> &result)
{
    return !result && result.error().kind == PlatformError::Kind::NotFound;
}

} // namespace

Deployer::Deployer(Platform *platform, Manifest manifest, QObject *parent)
    : QObject(parent), m_platform(platform), m_manifest(std::move(manifest)), m_state(std::make_unique<State>())
{
}

Deployer::~Deployer()
{
    if (m_state->started && !m_state->finished) {
        m_state->report.error = PlatformError{PlatformError::Kind::Server,
                                              DeployerText::tr("The deployment was stopped before it finished.")};
        m_state->report.stage = DeployReport::Stage::Applying;
        m_state->promise.addResult(Result<DeployReport>(m_state->report));
        m_state->promise.finish();
    }
}

QFuture<Result<DeployReport>> Deployer::run(bool dryRun)
{
    QFuture<Result<DeployReport>> future = m_state->promise.future();
    if (m_state->started)
        return future;
    m_state->started = true;
    m_state->promise.start();
    m_state->report.dryRun = dryRun;
    for (const PlannedPackage &package : std::as_const(m_manifest.packages))
        m_state->report.entries.append({EntityKind::Package, package.name});
    for (const PlannedAction &action : std::as_const(m_manifest.actions))
        m_state->report.entries.append({action.isSequence ? EntityKind::Sequence : EntityKind::Action, action.name});
    for (const PlannedTrigger &trigger : std::as_const(m_manifest.triggers))
        m_state->report.entries.append({EntityKind::Trigger, trigger.name});
    for (const PlannedRule &rule : std::as_const(m_manifest.rules))
        m_state->report.entries.append({EntityKind::Rule, rule.name});
    readState();
    m_steps.append([this] { check(); });
    QMetaObject::invokeMethod(this, &Deployer::next, Qt::QueuedConnection);
    return future;
}

void Deployer::next()
{
    if (m_state->finished)
        return;
    if (!m_platform) {
        fail(DeployReport::Stage::Applying,
             PlatformError{PlatformError::Kind::Server, DeployerText::tr("The connection was closed.")});
        return;
    }
    if (m_steps.isEmpty()) {
        finish();
        return;
    }
    m_steps.takeFirst()();
}

// Queued, not called: a platform that answers at once would otherwise nest every step in the last.
template <typename T, typename F> void Deployer::await(QFuture<Result<T>> future, F handle)
{
    onResult(std::move(future), this, [this, handle = std::move(handle)](Result<T> result) mutable {
        if (handle(std::move(result)))
            QMetaObject::invokeMethod(
                this, [this] { next(); }, Qt::QueuedConnection);
    });
}

void Deployer::readState()
{
    State *s = m_state.get();
    m_steps.append([this, s] {
        await(m_platform->info(), [this, s](Result<PlatformInfo> info) {
            if (!info)
                return fail(DeployReport::Stage::Reading, info.error()), false;
            s->info = info.value();
            return true;
        });
    });
    const auto reader = [this](auto future, auto &slot, const QString &name) {
        return [this, future, &slot, name]() mutable {
            await(future(), [this, &slot, name](auto result) {
                if (result)
                    slot = result.value();
                else if (!isNotFound(result))
                    return fail(
                               DeployReport::Stage::Reading,
                               PlatformError{result.error().kind,
                                             DeployerText::tr("cannot read %1: %2").arg(name, result.error().message)}),
                           false;
                return true;
            });
        };
    };
    s->packages.resize(m_manifest.packages.size());
    for (qsizetype i = 0; i < m_manifest.packages.size(); ++i) {
        const QString name = m_manifest.packages[i].name;
        m_steps.append(reader([this, name] { return m_platform->getPackage(name); }, s->packages[i], name));
    }
    s->actions.resize(m_manifest.actions.size());
    for (qsizetype i = 0; i < m_manifest.actions.size(); ++i) {
        const QString name = m_manifest.actions[i].name;
        m_steps.append(reader([this, name] { return m_platform->getAction(name, true); }, s->actions[i], name));
    }
    s->triggers.resize(m_manifest.triggers.size());
    s->feedConfigs.resize(m_manifest.triggers.size());
    for (qsizetype i = 0; i < m_manifest.triggers.size(); ++i) {
        const PlannedTrigger &planned = m_manifest.triggers[i];
        m_steps.append(
            reader([this, name = planned.name] { return m_platform->getTrigger(name); }, s->triggers[i], planned.name));
        if (planned.feed.isEmpty())
            continue;
        // A feed keeps its parameters itself: READ tells them (when the trigger has this feed).
        m_steps.append([this, s, i, feed = planned.feed, name = planned.name] {
            if (!s->triggers[i] || s->triggers[i]->feed() != feed)
                return next();
            await(m_platform->callFeed(feed, FeedLifecycleEvent::Read, name), [s, i](Result<QJsonObject> read) {
                if (read)
                    s->feedConfigs[i] = read->value(QStringLiteral("config")).toObject();
                return true; // no answer: the trigger counts as changed
            });
        });
    }
    s->rules.resize(m_manifest.rules.size());
    for (qsizetype i = 0; i < m_manifest.rules.size(); ++i) {
        const QString name = m_manifest.rules[i].name;
        m_steps.append(reader([this, name] { return m_platform->getRule(name); }, s->rules[i], name));
    }
}

QString Deployer::qualify(const QString &name) const
{
    if (name.startsWith(QLatin1Char('/')))
        return name;
    return QLatin1Char('/') + m_platform->namespaceName() + QLatin1Char('/') + name;
}

Action Deployer::desiredAction(const PlannedAction &planned) const
{
    Action action = planned.action;
    if (planned.isSequence) {
        QStringList components;
        for (const QString &component : planned.components)
            components.append(qualify(component));
        action.exec->components = components;
    } else if (const auto kind = deploy::resolveKind(action.exec->kind, m_state->info)) {
        action.exec->kind = *kind;
    }
    return action;
}

Rule Deployer::desiredRule(const PlannedRule &planned) const
{
    Rule rule;
    const QString ns = m_platform->namespaceName();
    rule.trigger = EntityRef{ns, planned.trigger, true};
    const QString action = qualify(planned.action);
    rule.action = EntityRef{action.section(QLatin1Char('/'), 1, -2), action.section(QLatin1Char('/'), -1), true};
    if (!planned.annotations.isEmpty())
        rule.annotations = planned.annotations;
    return rule;
}

void Deployer::settle(qsizetype index, DeployVerdict verdict)
{
    m_state->report.entries[index].verdict = verdict;
}

void Deployer::check()
{
    State *s = m_state.get();
    // What this platform refuses, before anything is applied.
    for (const PlannedAction &planned : std::as_const(m_manifest.actions)) {
        if (planned.isSequence)
            continue;
        if (!deploy::resolveKind(planned.action.exec->kind, s->info))
            return fail(DeployReport::Stage::Checking,
                        PlatformError{PlatformError::Kind::Invalid,
                                      ManifestProblem{planned.runtimeWhere,
                                                      DeployerText::tr("action '%1': the runtime %2 is not offered "
                                                                       "by this platform (it offers: %3)")
                                                          .arg(planned.name, planned.action.exec->kind,
                                                               s->info.kinds().join(QStringLiteral(", ")))}
                                          .toString()});
        if (planned.action.limits)
            if (auto invalid = s->info.limits.validate(*planned.action.limits))
                return fail(DeployReport::Stage::Checking,
                            PlatformError{
                                PlatformError::Kind::Invalid,
                                ManifestProblem{planned.limitsWhere,
                                                DeployerText::tr("action '%1': %2").arg(planned.name, invalid->message)}
                                    .toString()});
    }
    const qsizetype actionsAt = m_manifest.packages.size();
    const qsizetype triggersAt = actionsAt + m_manifest.actions.size();
    const qsizetype rulesAt = triggersAt + m_manifest.triggers.size();
    const auto verdict = [](bool exists, bool same) {
        return !exists ? DeployVerdict::Created : same ? DeployVerdict::Unchanged : DeployVerdict::Changed;
    };
    for (qsizetype i = 0; i < m_manifest.packages.size(); ++i)
        settle(i, verdict(s->packages[i].has_value(),
                          s->packages[i] && deploy::samePackage(m_manifest.packages[i].package, *s->packages[i])));
    for (qsizetype i = 0; i < m_manifest.actions.size(); ++i)
        settle(actionsAt + i,
               verdict(s->actions[i].has_value(),
                       s->actions[i] && deploy::sameAction(desiredAction(m_manifest.actions[i]), *s->actions[i])));
    QSet<QString> renewedTriggers; // feed triggers made again: their rules are linked again too
    for (qsizetype i = 0; i < m_manifest.triggers.size(); ++i) {
        const PlannedTrigger &planned = m_manifest.triggers[i];
        const bool same = s->triggers[i] && deploy::sameTrigger(planned, *s->triggers[i], s->feedConfigs[i]);
        settle(triggersAt + i, verdict(s->triggers[i].has_value(), same));
        if (s->triggers[i] && !same && !planned.feed.isEmpty())
            renewedTriggers.insert(planned.name);
    }
    for (qsizetype i = 0; i < m_manifest.rules.size(); ++i) {
        const bool same = s->rules[i] && !renewedTriggers.contains(m_manifest.rules[i].trigger) &&
                          deploy::sameRule(desiredRule(m_manifest.rules[i]), *s->rules[i]);
        settle(rulesAt + i, verdict(s->rules[i].has_value(), same));
    }
    if (!s->report.dryRun)
        apply();
    next();
}

void Deployer::apply()
{
    State *s = m_state.get();
    const auto put = [this, s](qsizetype index, auto call) {
        if (s->report.entries[index].verdict == DeployVerdict::Unchanged)
            return;
        m_steps.append([this, s, index, call] {
            await(call(), [this, s, index](auto result) {
                if (!result)
                    return fail(DeployReport::Stage::Applying, result.error(), s->report.entries[index]), false;
                s->report.entries[index].applied = true;
                return true;
            });
        });
    };
    const PutOptions overwrite{true, {}};
    qsizetype index = 0;
    for (const PlannedPackage &planned : std::as_const(m_manifest.packages))
        put(index++,
            [this, planned, overwrite] { return m_platform->putPackage(planned.name, planned.package, overwrite); });
    for (const PlannedAction &planned : std::as_const(m_manifest.actions))
        put(index++, [this, planned, overwrite] {
            return m_platform->putAction(planned.name, desiredAction(planned), overwrite);
        });
    for (qsizetype i = 0; i < m_manifest.triggers.size(); ++i)
        applyTrigger(index++, m_manifest.triggers[i]);
    for (qsizetype i = 0; i < m_manifest.rules.size(); ++i) {
        const PlannedRule planned = m_manifest.rules[i];
        const qsizetype at = index++;
        put(at,
            [this, planned, overwrite] { return m_platform->putRule(planned.name, desiredRule(planned), overwrite); });
        if (s->report.entries[at].verdict != DeployVerdict::Unchanged)
            m_steps.append([this, s, at, name = planned.name] { // an existing rule may have been disabled
                await(m_platform->setRuleActive(name, true), [this, s, at](Result<Done> done) {
                    if (!done)
                        return fail(DeployReport::Stage::Applying, done.error(), s->report.entries[at]), false;
                    return true;
                });
            });
    }
}

void Deployer::applyTrigger(qsizetype index, const PlannedTrigger &planned)
{
    State *s = m_state.get();
    const DeployVerdict verdict = s->report.entries[index].verdict;
    if (verdict == DeployVerdict::Unchanged)
        return;
    const auto done = [this, s, index](auto result) {
        if (!result)
            return fail(DeployReport::Stage::Applying, result.error(), s->report.entries[index]), false;
        s->report.entries[index].applied = true;
        return true;
    };
    if (planned.feed.isEmpty()) {
        m_steps.append([this, planned, done] {
            await(m_platform->putTrigger(planned.name, planned.trigger, PutOptions{true, {}}), done);
        });
        return;
    }
    // A feed is told of a trigger when it is made: a changed feed trigger is deleted (the feed told
    // first) and made again, as `wsk trigger update` cannot change a feed.
    if (verdict == DeployVerdict::Changed)
        m_steps.append([this, s, index, name = planned.name] {
            await(m_platform->deleteFeedTrigger(name), [this, s, index](Result<Trigger> deleted) {
                if (!deleted && deleted.error().kind != PlatformError::Kind::NotFound)
                    return fail(DeployReport::Stage::Applying, deleted.error(), s->report.entries[index]), false;
                return true;
            });
        });
    m_steps.append([this, planned, done] {
        await(m_platform->createFeedTrigger(planned.name, planned.trigger, planned.feed, planned.feedParams), done);
    });
}

void Deployer::fail(DeployReport::Stage stage, PlatformError error, std::optional<DeployEntry> failed)
{
    m_state->report.stage = stage;
    m_state->report.error = std::move(error);
    m_state->report.failed = std::move(failed);
    m_steps.clear();
    finish();
}

void Deployer::finish()
{
    if (m_state->finished)
        return;
    m_state->finished = true;
    m_state->promise.addResult(Result<DeployReport>(m_state->report));
    m_state->promise.finish();
}

} // namespace funcdesk
