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

} // namespace funcdesk
