#include "platforms/local/LocalEngine.h"

#include "core/EntityName.h"
#include "platforms/local/AlarmFeeds.h"
#include "platforms/local/ApiManagement.h"
#include "platforms/local/LocalEnginePrivate.h"
#include "platforms/local/MinInstances.h"
#include "platforms/local/PackageRules.h"
#include "platforms/local/Sequences.h"

#include <QDir>
#include <QJsonDocument>

#include <thread>

namespace funcdesk {

namespace {

// What info() lists: every runtime the executor offers.
QList<RuntimeKind> runtimeKinds(const RuntimeCatalog &catalog)
{
    QList<RuntimeKind> kinds;
    for (const Runtime &runtime : catalog.runtimes())
        kinds.append({runtime.family, runtime.kind, true, false});
    return kinds;
}

constexpr qint64 kMaxCodeBytes = 48LL * 1024 * 1024;
constexpr qint64 kMaxParameterBytes = 1024 * 1024;

// An action name is "name" or "package/name"; each part follows the entity-name rule.
std::optional<PlatformError> checkActionName(const QString &name)
{
    const QStringList parts = name.split(QLatin1Char('/'));
    if (parts.size() > 2)
        return PlatformError{PlatformError::Kind::Invalid,
                             QStringLiteral("The action name '%1' is not valid.").arg(name)};
    for (const QString &part : parts) {
        if (auto problem = checkEntityName(part))
            return problem;
    }
    return std::nullopt;
}

Activation summaryOf(const Activation &full)
{
    Activation summary = full;
    if (full.response)
        summary.statusCode = static_cast<qint64>(full.response->statusValue());
    summary.response.reset();
    summary.logs.reset();
    if (!summary.end || *summary.end == 0) {
        summary.end.reset();
        summary.duration.reset();
        summary.statusCode.reset();
    }
    return summary;
}

ActivationRepository::Query repositoryQuery(const QString &ns, const ActivationQuery &query)
{
    ActivationRepository::Query q;
    q.ns = ns;
    q.name = query.name;
    q.since = query.since;
    q.upto = query.upto;
    q.skip = std::max(0, query.skip);
    q.limit = query.limit <= 0 ? 200 : query.limit;
    return q;
}
} // namespace

Result<Done> LocalEngine::Private::load()
{
    return state.store
        ->post<Result<Done>>([this](StoreWorker::Store &store) -> Result<Done> {
            auto actions = store.actions.all();
            if (!actions)
                return actions.error();
            QList<NamespaceKeys::Stored> migrated; // keys an older database held in plain text
            QWriteLocker locker(&state.lock);
            for (const Action &action : actions.value())
                state.actions[action.ns.value_or(QString())].insert(action.name.value_or(QString()), action);
            for (const QString &collection :
                 {QStringLiteral("triggers"), QStringLiteral("rules"), kPackagesCollection, kNamespacesCollection}) {
                auto documents = store.entities.all(collection);
                if (!documents)
                    return documents.error();
                for (const auto &document : documents.value()) {
                    if (collection == kNamespacesCollection) {
                        QString plainKey;
                        const auto stored = NamespaceKeys::fromJson(document.ns, document.body, &plainKey);
                        if (!stored)
                            continue;
                        if (!plainKey.isEmpty())
                            migrated.append(*stored);
                        state.keys.insert(*stored, plainKey.isEmpty() ? std::nullopt : std::optional(plainKey));
                    } else if (collection == kPackagesCollection) {
                        if (auto package = Package::fromJson(document.body))
                            state.packages[document.ns].insert(document.name, package.value());
                    } else if (collection == QLatin1StringView("rules")) {
                        if (auto rule = Rule::fromJson(document.body))
                            state.rules[document.ns].insert(document.name, rule.value());
                    } else if (auto trigger = Trigger::fromJson(document.body)) {
                        state.triggers[document.ns].insert(document.name, trigger.value());
                    }
                }
            }
            locker.unlock();
            return hashStoredKeys(store, migrated);
        })
        .result();
}

std::optional<PlatformError> LocalEngine::Private::validate(const QString &ns, const QString &name, Action &put) const
{
    if (auto problem = checkActionName(name))
        return problem;
    put.warmInstances.reset(); // read-only: what the executor holds, never stored
    if (name.contains(QLatin1Char('/'))) {
        const QString package = name.section(QLatin1Char('/'), 0, 0);
        QReadLocker locker(&state.lock);
        const std::optional<Package> found = EngineState::find(state.packages, ns, package);
        if (!found)
            return notFoundError();
        if (EngineState::isBinding(*found))
            return PackageRules::notAllowedOnBinding();
    }
    if (put.exec && put.exec->kind == Sequences::kind()) {
        if (auto problem = Sequences::check(state, ns, name, *put.exec))
            return problem;
        // OpenWhisk keeps the components as the parameter `_actions` too (its GET shows it).
        put.parameters =
            KeyValueList{{QStringLiteral("_actions"), QJsonArray::fromStringList(*put.exec->components), {}}};
    } else if (put.exec) {
        auto runtime = state.executor->catalog().resolve(put.exec->kind);
        if (!runtime)
            return runtime.error();
        put.exec->kind = runtime->kind; // "nodejs:default" is stored as the kind it stands for
        const qint64 codeSize = put.exec->code.value_or(QString()).size();
        if (codeSize > kMaxCodeBytes)
            return PlatformError{
                PlatformError::Kind::TooLarge,
                QStringLiteral("exec larger than allowed: %1 > %2 bytes.").arg(codeSize).arg(kMaxCodeBytes)};
    }
    if (put.parameters) {
        const qint64 size = QJsonDocument(put.parameters->toJson()).toJson(QJsonDocument::Compact).size();
        if (size > kMaxParameterBytes)
            return PlatformError{
                PlatformError::Kind::TooLarge,
                QStringLiteral("parameters larger than allowed: %1 > %2 bytes.").arg(size).arg(kMaxParameterBytes)};
    }
    if (put.limits) {
        if (auto problem = state.config.limits.validate(*put.limits))
            return problem;
    }
    return std::nullopt;
}

LocalEngine::LocalEngine(LocalConfig config) : d(std::make_unique<Private>())
{
    d->state.config = std::move(config);
}

LocalEngine::~LocalEngine()
{
    // No more fires; then the store runs what is queued (a trigger delete drops its alarm in a
    // task of its own) while the scheduler is still there to answer it.
    if (d->storageFeed)
        d->storageFeed->stop();
    if (d->alarms) {
        d->alarms->stop();
        d->state.store->flush();
        d->alarms.reset();
    }
    // Running activations are killed (not awaited: a looping function would hold the exit up to
    // its timeout), and end before the parts they report to go away.
    if (d->state.executor)
        d->state.executor->shutdown();
    if (d->invoker)
        d->invoker->waitForIdle();
    d->state.executor.reset();
    d->state.store.reset();
}

Result<std::unique_ptr<LocalEngine>> LocalEngine::open(LocalConfig config)
{
    if (!QDir().mkpath(config.dataDir))
        return PlatformError{PlatformError::Kind::Server,
                             QStringLiteral("Cannot create the data folder %1.").arg(config.dataDir)};
    QFile::setPermissions(config.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    std::unique_ptr<LocalEngine> engine(new LocalEngine(std::move(config)));
    EngineState &state = engine->d->state;
    auto store = StoreWorker::start(engine->databasePath(), state.config.retention);
    if (!store)
        return store.error();
    state.store = std::move(store).value();
    ExecutorConfig executorConfig = state.config.executor;
    executorConfig.systemLimits = state.config.limits;
    state.executor = std::make_unique<Executor>(executorConfig);
    const SystemLimits &limits = state.config.limits;
    state.rates = std::make_unique<RateLimiter>(
        RateLimiter::Limits{limits.invocationsPerMinute, limits.concurrentInvocations, limits.firesPerMinute},
        state.config.rateClock);

    state.info.description = QStringLiteral("Funcdesk local platform (OpenWhisk API)");
    state.info.limits = state.config.limits;
    state.info.cpuLimits = true;
    state.info.enforcement = state.executor->enforcementName();
    state.info.sandbox = state.executor->sandboxName();
    state.info.storageLimits = true;
    state.info.runtimes = runtimeKinds(state.executor->catalog());
    const auto nodejs = state.executor->catalog().resolve(QStringLiteral("nodejs:default"));
    state.catalog = std::make_unique<SystemCatalog>(nodejs ? nodejs->kind : QStringLiteral("nodejs:default"));

    LocalEngine *self = engine.get();
    auto recorded = [self](const Activation &activation) {
        if (self->isSignalConnected(QMetaMethod::fromSignal(&LocalEngine::activationRecorded)))
            QMetaObject::invokeMethod(
                self, [self, activation] { Q_EMIT self->activationRecorded(activation); }, Qt::QueuedConnection);
    };
    engine->d->invoker = std::make_unique<Invoker>(state, recorded);
    engine->d->rules = std::make_unique<RuleBook>(state, *engine->d->invoker, recorded);
    if (auto loaded = engine->d->load(); !loaded)
        return loaded.error();
    {
        QReadLocker locker(&state.lock);
        MinInstances::atStart(*state.executor, state.actions);
    }
    engine->d->routes = std::make_unique<ApiRouteTable>(*state.store);
    if (auto loaded = engine->d->routes->load(); !loaded)
        return loaded.error();
    for (BuiltinDefinition &definition : apiManagementActions(*engine->d->routes, webActionTargets(*engine)))
        state.catalog->add(std::move(definition));
    engine->d->alarms = std::make_unique<AlarmScheduler>(*state.store, state.config.alarmClock, alarmHooks(*self));
    if (auto started = engine->d->alarms->start(); !started)
        return started.error();
    for (BuiltinDefinition &feed : alarmFeedDefinitions(*self))
        state.catalog->add(std::move(feed));
    auto buckets = BucketStore::open(QDir(state.config.dataDir).filePath(QStringLiteral("buckets")), *state.store,
                                     state.config.maxObjectBytes);
    if (!buckets)
        return buckets.error();
    engine->d->buckets = std::move(buckets).value();
    auto storageFeed = StorageFeed::open(*engine, *state.store, *engine->d->buckets);
    if (!storageFeed)
        return storageFeed.error();
    engine->d->storageFeed = storageFeed.value();
    state.catalog->add(StorageFeed::definition(engine->d->storageFeed));
    return engine;
}

const LocalConfig &LocalEngine::config() const
{
    return d->state.config;
}

QString LocalEngine::databasePath() const
{
    return QDir(d->state.config.dataDir).filePath(QStringLiteral("funcdesk.db"));
}

PlatformInfo LocalEngine::info() const
{
    PlatformInfo info = d->state.info;
    info.runtimes = runtimeKinds(d->state.executor->catalog()); // Executor::refreshRuntimes() changes them
    return info;
}

NamespaceLimits LocalEngine::namespaceLimits() const
{
    return NamespaceLimits::fromSystem(d->state.config.limits);
}

Executor &LocalEngine::executor()
{
    return *d->state.executor;
}

AlarmScheduler &LocalEngine::alarms()
{
    return *d->alarms;
}

BucketStore &LocalEngine::buckets()
{
    return *d->buckets;
}

QFuture<Result<qint64>> LocalEngine::count(QString ns, Collection collection)
{
    if (ns == SystemCatalog::ns()) {
        if (collection == Collection::Actions)
            return readyResult<qint64>(d->state.catalog->actions().size());
        return readyResult<qint64>(collection == Collection::Packages ? d->state.catalog->packages().size() : 0);
    }
    QReadLocker locker(&d->state.lock);
    const EngineState &s = d->state;
    switch (collection) {
    case Collection::Actions:
        return readyResult<qint64>(s.actions.value(ns).size());
    case Collection::Triggers:
        return readyResult<qint64>(s.triggers.value(ns).size());
    case Collection::Rules:
        return readyResult<qint64>(s.rules.value(ns).size());
    case Collection::Packages:
        return readyResult<qint64>(s.packages.value(ns).size());
    }
    return readyResult<qint64>(0);
}

QFuture<Result<QList<Action>>> LocalEngine::listActions(QString ns, ListOptions options)
{
    QList<Action> page;
    if (ns == SystemCatalog::ns()) {
        page = EngineState::slice(d->state.catalog->actions(), options);
    } else {
        QReadLocker locker(&d->state.lock);
        page = EngineState::page(d->state.actions, ns, options);
    }
    for (Action &action : page) { // list views carry no code and no parameters
        action.parameters.reset();
        if (action.exec)
            action.exec->code.reset();
    }
    return readyResult<QList<Action>>(page);
}

QFuture<Result<Action>> LocalEngine::getAction(QString ns, QString name, bool withCode)
{
    Result<EngineState::ResolvedAction> resolved = d->state.resolveAction(ns, name);
    if (!resolved)
        return readyResult<Action>(resolved.error());
    Action action = std::move(resolved->action);
    if (!resolved->binding.isEmpty()) // OpenWhisk shows the parameters it would be invoked with
        action.parameters = PackageRules::inherit(resolved->inherited, action.parameters);
    if (!withCode && action.exec)
        action.exec->code.reset();
    const QualifiedName &target = resolved->target;
    if (target.ns != SystemCatalog::ns())
        action.warmInstances = d->state.executor->warmInstances(target.ns, target.name);
    return readyResult<Action>(action);
}

QFuture<Result<Action>> LocalEngine::putAction(QString ns, QString name, Action action, PutOptions options)
{
    if (auto refused = EngineState::refuseSystemWrite(ns, name))
        return readyResult<Action>(*refused);
    if (auto problem = d->validate(ns, name, action))
        return readyResult<Action>(*problem);
    return d->state.store->post<Result<Action>>(
        [this, ns, name, action, options](StoreWorker::Store &store) -> Result<Action> {
            // A new action gets the system's defaults for the limits it leaves out, as OpenWhisk
            // stores them (a GET shows them all). Not cpu: without one it follows memory.
            // Only this thread changes the actions, so the look-up cannot race an update.
            Action body = action;
            std::optional<Action> previous;
            {
                QReadLocker locker(&d->state.lock);
                previous = EngineState::find(d->state.actions, ns, name);
            }
            if (!previous) {
                const SystemLimits &limits = d->state.config.limits;
                ActionLimits defaults;
                defaults.timeoutMs = limits.timeoutMs.defaultValue;
                defaults.memoryMb = limits.memoryMb.defaultValue;
                defaults.logsMb = limits.logsMb.defaultValue;
                defaults.concurrency = limits.concurrency.defaultValue;
                body.limits = defaults.mergedWith(action.limits.value_or(ActionLimits()));
            }
            auto stored = store.actions.put(ns, name, body, options.overwrite, options.delAnnotations);
            if (stored) {
                {
                    QWriteLocker locker(&d->state.lock);
                    d->state.actions[ns].insert(name, stored.value());
                }
                MinInstances::afterPut(*d->state.executor, ns, previous, stored.value());
                // As a GET answers it, so a console showing the answer does not lose the count.
                Action answer = stored.value();
                answer.warmInstances = d->state.executor->warmInstances(ns, name);
                return answer;
            }
            return stored;
        });
}

QFuture<Result<Action>> LocalEngine::deleteAction(QString ns, QString name)
{
    if (auto refused = EngineState::refuseSystemWrite(ns, name))
        return readyResult<Action>(*refused);
    if (name.contains(QLatin1Char('/'))) {
        const std::optional<Package> package = d->state.findPackage(ns, name.section(QLatin1Char('/'), 0, 0));
        if (package && EngineState::isBinding(*package))
            return readyResult<Action>(PackageRules::notAllowedOnBinding());
    }
    return d->state.store->post<Result<Action>>([this, ns, name](StoreWorker::Store &store) -> Result<Action> {
        auto removed = store.actions.remove(ns, name);
        if (removed) {
            {
                QWriteLocker locker(&d->state.lock);
                d->state.actions[ns].remove(name);
            }
            MinInstances::afterDelete(*d->state.executor, ns, removed.value());
        }
        return removed;
    });
}

QFuture<Result<QList<Action>>> LocalEngine::actionVersions(QString ns, QString name)
{
    return d->state.store->post<Result<QList<Action>>>(
        [ns, name](StoreWorker::Store &store) { return store.actions.history(ns, name); });
}

QFuture<Result<InvokeOutcome>> LocalEngine::invokeAction(QString ns, QString name, QJsonObject params,
                                                         InvokeOptions options, QString cause)
{
    return d->invoker->invoke(ns, name, params, options, cause);
}

Result<InvokeOutcome> LocalEngine::invokeHere(const QString &ns, const QString &name, const QJsonObject &params,
                                              const InvokeOptions &options,
                                              std::function<void(const QString &)> waitExpired)
{
    return d->invoker->invokeHere(ns, name, params, options, QString(), std::move(waitExpired));
}

QFuture<Result<QList<Trigger>>> LocalEngine::listTriggers(QString ns, ListOptions options)
{
    return d->rules->listTriggers(ns, options);
}

QFuture<Result<Trigger>> LocalEngine::getTrigger(QString ns, QString name)
{
    return readyResult(d->rules->getTrigger(ns, name));
}

QFuture<Result<Trigger>> LocalEngine::putTrigger(QString ns, QString name, Trigger trigger, PutOptions options)
{
    if (auto refused = EngineState::refuseSystemWrite(ns, name))
        return readyResult<Trigger>(*refused);
    if (auto problem = checkEntityName(name))
        return readyResult<Trigger>(*problem);
    return d->rules->putTrigger(ns, name, trigger, options);
}

QFuture<Result<Trigger>> LocalEngine::deleteTrigger(QString ns, QString name)
{
    QFuture<Result<Trigger>> deleted = d->rules->deleteTrigger(ns, name);
    d->storageFeed->forgetIfGone(ns, name); // queued behind the delete
    // The next task on the store thread: the delete has run by then (its future is finished).
    return d->state.store->post<Result<Trigger>>([this, deleted, ns, name](StoreWorker::Store &store) {
        Result<Trigger> outcome = deleted.result();
        if (outcome) {
            if (auto dropped = d->alarms->forgetDeletedTrigger(ns, name, store); !dropped)
                return Result<Trigger>(dropped.error());
        }
        return outcome;
    });
}

QFuture<Result<std::optional<QString>>> LocalEngine::fireTrigger(QString ns, QString name, QJsonObject payload)
{
    return readyResult(d->rules->fire(ns, name, payload));
}

QFuture<Result<QList<Rule>>> LocalEngine::listRules(QString ns, ListOptions options)
{
    return d->rules->listRules(ns, options);
}

QFuture<Result<Rule>> LocalEngine::getRule(QString ns, QString name)
{
    return readyResult(d->rules->getRule(ns, name));
}

QFuture<Result<Rule>> LocalEngine::putRule(QString ns, QString name, Rule rule, PutOptions options)
{
    if (auto refused = EngineState::refuseSystemWrite(ns, name))
        return readyResult<Rule>(*refused);
    if (auto problem = checkEntityName(name))
        return readyResult<Rule>(*problem);
    return d->rules->putRule(ns, name, rule, options);
}

QFuture<Result<Rule>> LocalEngine::deleteRule(QString ns, QString name)
{
    return d->rules->deleteRule(ns, name);
}

QFuture<Result<Done>> LocalEngine::setRuleActive(QString ns, QString name, bool active)
{
    return d->rules->setRuleActive(ns, name, active);
}

SystemCatalog &LocalEngine::systemCatalog()
{
    return *d->state.catalog;
}

QFuture<Result<QList<Activation>>> LocalEngine::listActivations(QString ns, ActivationQuery query)
{
    return d->state.store->post<Result<QList<Activation>>>([ns, query](StoreWorker::Store &store) {
        auto found = store.activations.list(repositoryQuery(ns, query));
        if (found && !query.docs) {
            for (Activation &activation : found.value())
                activation = summaryOf(activation);
        }
        return found;
    });
}

QFuture<Result<qint64>> LocalEngine::countActivations(QString ns, ActivationQuery query)
{
    return d->state.store->post<Result<qint64>>(
        [ns, query](StoreWorker::Store &store) { return store.activations.count(repositoryQuery(ns, query)); });
}

QFuture<Result<Activation>> LocalEngine::getActivation(QString ns, QString activationId)
{
    return d->state.store->post<Result<Activation>>(
        [ns, activationId](StoreWorker::Store &store) { return store.activations.get(ns, activationId); });
}

ApiRouteTable &LocalEngine::routes()
{
    return *d->routes;
}

void LocalEngine::stopActivations(std::chrono::milliseconds grace)
{
    Executor &executor = *d->state.executor;
    executor.refuseQueued();
    const auto waitIdle = [&executor](std::chrono::milliseconds most) {
        const auto until = std::chrono::steady_clock::now() + most;
        while (executor.runningCount() > 0 && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    };
    waitIdle(grace);
    executor.shutdown(); // what still runs is killed, and records say so
    waitIdle(std::chrono::seconds(2));
}

void LocalEngine::flush()
{
    d->state.store->flush();
}

} // namespace funcdesk
