#pragma once

#include "core/Platform.h"

namespace funcdesk {

// What a platform that lists other namespaces' shared packages can do besides Platform (both
// of Funcdesk's can: LocalPlatform, and OpenWhiskPlatform with GET /namespaces/NS/packages). A
// caller asks with publishedPackagesOf(); a platform without it answers Invalid there.
class PublishedPackages
{
public:
    virtual ~PublishedPackages() = default;
    // The packages namespace `ns` publishes (e.g. "whisk.system"'s catalog; a leading "/" is
    // allowed), to bind or invoke from the caller's namespace: only published packages, no
    // bindings, without their parameters; the caller's own packages when `ns` is its namespace.
    virtual QFuture<Result<QList<Package>>> listPublishedPackages(QString ns, ListOptions options) = 0;
};

// `platform`'s listPublishedPackages, or Invalid ("This platform does not list other namespaces'
// packages.") when it has none.
QFuture<Result<QList<Package>>> publishedPackagesOf(Platform *platform, const QString &ns, ListOptions options);

// The namespace as listPublishedPackages takes it ("/whisk.system" or "whisk.system") without its
// leading slashes, or Invalid ("A namespace name has no slashes.") when nothing is left or a slash
// is inside: what both platforms check before they ask.
Result<QString> publishedPackagesNamespace(QString ns);

} // namespace funcdesk
