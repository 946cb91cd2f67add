#include "platforms/local/LocalEnginePrivate.h"

#include "platforms/local/MinInstances.h"
#include "platforms/local/PackageRules.h"

#include <QDateTime>

// LocalEngine's packages and bindings: list, get (with their contents), create or update, delete.

namespace funcdesk {

QFuture<Result<QList<Package>>> LocalEngine::listPackages(QString ns, ListOptions options)
{
    QList<Package> page;
    if (ns == SystemCatalog::ns()) {
        page = EngineState::slice(d->state.catalog->packages(), options);
    } else {
        QReadLocker locker(&d->state.lock);
        page = EngineState::page(d->state.packages, ns, options);
    }
    for (Package &package : page)
        package.parameters.reset();
    return readyResult<QList<Package>>(page);
}

QFuture<Result<Package>> LocalEngine::getPackage(QString ns, QString name)
{
    const std::optional<QualifiedName> target = QualifiedName::resolve(ns, name, 1);
    if (!target)
        return readyResult<Package>(notFoundError());
    if (target->ns != ns && !d->state.isPublished(target->ns, target->name))
        return readyResult<Package>(notAuthorizedError(target->path()));
    if (target->ns == SystemCatalog::ns()) {
        if (auto package = d->state.catalog->package(target->name))
            return readyResult<Package>(*package);
        return readyResult<Package>(notFoundError());
    }
    std::optional<Package> package = d->state.findPackage(target->ns, target->name);
    if (!package)
        return readyResult<Package>(notFoundError());
    return readyResult<Package>(PackageRules::withContents(d->state, std::move(*package)));
}

QFuture<Result<Package>> LocalEngine::putPackage(QString ns, QString name, Package package, PutOptions options)
{
    if (auto refused = EngineState::refuseSystemWrite(ns, name))
        return readyResult<Package>(*refused);
    if (auto problem = PackageRules::checkPut(d->state, ns, name, package))
        return readyResult<Package>(*problem);
    return d->state.store->post<Result<Package>>([this, ns, name, package,
                                                  options](StoreWorker::Store &store) -> Result<Package> {
        // Only this thread changes the packages, so the look-up cannot race an update.
        const std::optional<Package> existing = d->state.findPackage(ns, name);
        auto merged =
            PackageRules::merged(existing, ns, name, package, options.overwrite, QDateTime::currentMSecsSinceEpoch());
        if (!merged)
            return merged;
        if (auto written = store.entities.put(kPackagesCollection, ns, name, *merged->updated, merged->toJson());
            !written)
            return written.error();
        QWriteLocker locker(&d->state.lock);
        d->state.packages[ns].insert(name, merged.value());
        return merged;
    });
}

QFuture<Result<Package>> LocalEngine::deletePackage(QString ns, QString name, bool force)
{
    if (auto refused = EngineState::refuseSystemWrite(ns, name))
        return readyResult<Package>(*refused);
    return d->state.store->post<Result<Package>>([this, ns, name, force](StoreWorker::Store &store) -> Result<Package> {
        const std::optional<Package> existing = d->state.findPackage(ns, name);
        if (!existing)
            return notFoundError();
        if (!EngineState::isBinding(*existing)) {
            QStringList contents;
            {
                QReadLocker locker(&d->state.lock);
                contents = PackageRules::actionsIn(d->state, ns, name);
            }
            if (!contents.isEmpty() && !force)
                return PackageRules::notEmpty(contents.size());
            for (const QString &actionName : contents) {
                auto removed = store.actions.remove(ns, actionName);
                if (!removed)
                    return removed.error();
                {
                    QWriteLocker locker(&d->state.lock);
                    d->state.actions[ns].remove(actionName);
                }
                MinInstances::afterDelete(*d->state.executor, ns, removed.value());
            }
        }
        if (auto removed = store.entities.remove(kPackagesCollection, ns, name); !removed)
            return removed.error();
        QWriteLocker locker(&d->state.lock);
        d->state.packages[ns].remove(name);
        return *existing;
    });
}

bool LocalEngine::isPublicPackage(const QString &ns, const QString &name) const
{
    return d->state.isPublished(ns, name);
}

} // namespace funcdesk
