#include "core/PublishedPackages.h"

#include "core/FutureCallback.h"

namespace funcdesk {

QFuture<Result<QList<Package>>> publishedPackagesOf(Platform *platform, const QString &ns, ListOptions options)
{
    if (auto *lister = dynamic_cast<PublishedPackages *>(platform))
        return lister->listPublishedPackages(ns, options);
    return readyResult<QList<Package>>(PlatformError{
        PlatformError::Kind::Invalid, QStringLiteral("This platform does not list other namespaces' packages.")});
}

Result<QString> publishedPackagesNamespace(QString ns)
{
    while (ns.startsWith(QLatin1Char('/')))
        ns.remove(0, 1);
    if (ns.isEmpty() || ns.contains(QLatin1Char('/')))
        return PlatformError{PlatformError::Kind::Invalid, QStringLiteral("A namespace name has no slashes.")};
    return ns;
}

} // namespace funcdesk
