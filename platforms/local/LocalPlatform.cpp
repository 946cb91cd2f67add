#include "platforms/local/LocalPlatform.h"

#include "core/FutureCallback.h"
#include "platforms/local/LocalEngine.h"

#include <QPromise>
#include <QTimer>
#include <QtConcurrent>

#include <utility>

namespace funcdesk {

LocalPlatform::LocalPlatform(LocalEngine *engine, QString ns, QObject *parent)
    : Platform(parent), m_engine(engine), m_ns(std::move(ns)), m_batchTimer(new QTimer(this))
{
    m_runtimeLookup.setMaxThreadCount(1);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(kLiveBatchMs);
    connect(m_batchTimer, &QTimer::timeout, this, [this] {
        if (m_arrived.isEmpty())
            return; // quiet: the next arrival goes out at once
        Q_EMIT activationsArrived(std::exchange(m_arrived, {}));
        m_batchTimer->start();
    });
    connect(m_engine, &LocalEngine::activationRecorded, this, [this](const Activation &activation) {
        if (!m_live || activation.ns.value_or(QString()) != m_ns)
            return;
        m_arrived.append(activation);
        if (!m_batchTimer->isActive()) {
            Q_EMIT activationsArrived(std::exchange(m_arrived, {}));
            m_batchTimer->start();
        }
    });
}

QString LocalPlatform::feedAuthKey() const
{
    // The namespace exists once the platform serves it; ensureNamespace then only reads memory.
    const auto identity = m_engine->ensureNamespace(m_ns);
    return identity ? identity->authString() : QString();
}

QFuture<Result<PlatformInfo>> LocalPlatform::info()
{
    // A folder on PATH changed (an interpreter installed or removed, say): the runtimes are looked
    // for again, off this thread, before the answer. The console's Refresh and New function ask
    // info(), so what was installed since is offered then; otherwise this costs a stat per folder.
    if (!m_engine->executor().runtimesMayHaveChanged())
        return readyResult<PlatformInfo>(m_engine->info());
    return QtConcurrent::run(&m_runtimeLookup, [engine = m_engine] {
        engine->executor().refreshRuntimes();
        return Result<PlatformInfo>(engine->info());
    });
}

QFuture<Result<qint64>> LocalPlatform::count(Collection collection)
{
    return m_engine->count(m_ns, collection);
}

QFuture<Result<QList<Action>>> LocalPlatform::listActions(ListOptions options)
{
    return m_engine->listActions(m_ns, options);
}

QFuture<Result<Action>> LocalPlatform::getAction(QString name, bool withCode)
{
    return m_engine->getAction(m_ns, name, withCode);
}

QFuture<Result<Action>> LocalPlatform::putAction(QString name, Action action, PutOptions options)
{
    return m_engine->putAction(m_ns, name, action, options);
}

QFuture<Result<Action>> LocalPlatform::deleteAction(QString name)
{
    return m_engine->deleteAction(m_ns, name);
}

QFuture<Result<InvokeOutcome>> LocalPlatform::invokeAction(QString name, QJsonObject params, InvokeOptions options)
{
    return m_engine->invokeAction(m_ns, name, params, options);
}

QFuture<Result<QList<Action>>> LocalPlatform::actionVersions(QString name)
{
    return m_engine->actionVersions(m_ns, name);
}

QFuture<Result<QList<Trigger>>> LocalPlatform::listTriggers(ListOptions options)
{
    return m_engine->listTriggers(m_ns, options);
}

QFuture<Result<Trigger>> LocalPlatform::getTrigger(QString name)
{
    return m_engine->getTrigger(m_ns, name);
}

QFuture<Result<Trigger>> LocalPlatform::putTrigger(QString name, Trigger trigger, PutOptions options)
{
    return m_engine->putTrigger(m_ns, name, trigger, options);
}

QFuture<Result<Trigger>> LocalPlatform::deleteTrigger(QString name)
{
    return m_engine->deleteTrigger(m_ns, name);
}

QFuture<Result<std::optional<QString>>> LocalPlatform::fireTrigger(QString name, QJsonObject payload)
{
    return m_engine->fireTrigger(m_ns, name, payload);
}

QFuture<Result<QList<Rule>>> LocalPlatform::listRules(ListOptions options)
{
    return m_engine->listRules(m_ns, options);
}

QFuture<Result<Rule>> LocalPlatform::getRule(QString name)
{
    return m_engine->getRule(m_ns, name);
}

QFuture<Result<Rule>> LocalPlatform::putRule(QString name, Rule rule, PutOptions options)
{
    return m_engine->putRule(m_ns, name, rule, options);
}

QFuture<Result<Rule>> LocalPlatform::deleteRule(QString name)
{
    return m_engine->deleteRule(m_ns, name);
}

QFuture<Result<Done>> LocalPlatform::setRuleActive(QString name, bool active)
{
    return m_engine->setRuleActive(m_ns, name, active);
}

QFuture<Result<QList<Package>>> LocalPlatform::listPackages(ListOptions options)
{
    return m_engine->listPackages(m_ns, options);
}

QFuture<Result<Package>> LocalPlatform::getPackage(QString name)
{
    return m_engine->getPackage(m_ns, name);
}

QFuture<Result<Package>> LocalPlatform::putPackage(QString name, Package package, PutOptions options)
{
    return m_engine->putPackage(m_ns, name, std::move(package), std::move(options));
}

QFuture<Result<Package>> LocalPlatform::deletePackage(QString name)
{
    return m_engine->deletePackage(m_ns, name);
}

QFuture<Result<QList<Package>>> LocalPlatform::listPublishedPackages(QString ns, ListOptions options)
{
    auto checked = publishedPackagesNamespace(std::move(ns));
    if (!checked)
        return readyResult<QList<Package>>(checked.error());
    ns = std::move(checked).value();
    if (ns == m_ns)
        return listPackages(options);
    // As funcdeskd answers GET /namespaces/NS/packages to another namespace (server/PackagesApi.cpp):
    // the published ones among the namespace's first 200, paged after the filter.
    auto promise = std::make_shared<QPromise<Result<QList<Package>>>>();
    promise->start();
    QFuture<Result<QList<Package>>> future = promise->future();
    LocalEngine *engine = m_engine;
    onResult(m_engine->listPackages(ns, ListOptions{200, 0}), this,
             [promise, engine, ns, options](Result<QList<Package>> listed) {
                 if (!listed) {
                     promise->addResult(listed);
                     promise->finish();
                     return;
                 }
                 QList<Package> published;
                 for (const Package &package : listed.value()) {
                     if (engine->isPublicPackage(ns, package.name.value_or(QString())))
                         published.append(package);
                 }
                 const int limit = options.limit <= 0 ? 200 : options.limit;
                 promise->addResult(Result<QList<Package>>(published.mid(std::max(0, options.skip), limit)));
                 promise->finish();
             });
    return future;
}

QFuture<Result<QList<Activation>>> LocalPlatform::listActivations(ActivationQuery query)
{
    return m_engine->listActivations(m_ns, query);
}

QFuture<Result<qint64>> LocalPlatform::countActivations(ActivationQuery query)
{
    return m_engine->countActivations(m_ns, query);
}

QFuture<Result<Activation>> LocalPlatform::getActivation(QString activationId)
{
    return m_engine->getActivation(m_ns, activationId);
}

// A part of the stored record, delivered through onResult (never QFuture::then: see
// core/FutureCallback.h).
template <typename T, typename Part> QFuture<Result<T>> LocalPlatform::partOf(const QString &activationId, Part part)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QFuture<Result<T>> future = promise->future();
    onResult(getActivation(activationId), this, [promise, part](Result<Activation> found) {
        promise->addResult(found ? Result<T>(part(found.value())) : Result<T>(found.error()));
        promise->finish();
    });
    return future;
}

QFuture<Result<QStringList>> LocalPlatform::activationLogs(QString activationId)
{
    return partOf<QStringList>(activationId, [](const Activation &a) { return a.logs.value_or(QStringList()); });
}

QFuture<Result<ActivationResponse>> LocalPlatform::activationResult(QString activationId)
{
    return partOf<ActivationResponse>(activationId,
                                      [](const Activation &a) { return a.response.value_or(ActivationResponse()); });
}

void LocalPlatform::setLiveActivations(bool enabled)
{
    m_live = enabled;
}

} // namespace funcdesk
