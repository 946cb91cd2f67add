#include "server/PackagesApi.h"

namespace funcdesk {

namespace {
// OpenWhisk's parameter-size-limit (1 MB) for the parameters, and room for the annotations.
constexpr qint64 kMaxPutBodyBytes = 2 * 1024 * 1024;
} // namespace

PackagesApi::PackagesApi(LocalEngine &engine)
    : EntityCollection(engine, {QLatin1StringView("packages"), Collection::Packages, kMaxPutBodyBytes,
                                &LocalEngine::listPackages, &LocalEngine::getPackage, &LocalEngine::putPackage})
{
}

void PackagesApi::handle(const ApiRequest &request, Reply reply)
{
    if (request.entity.isEmpty() && request.ns != request.caller.ns &&
        (request.method == HttpMethod::Get || request.method == HttpMethod::Head))
        return listPublished(request, std::move(reply));
    if (request.entity.size() == 1 && request.method == HttpMethod::Delete)
        return removePackage(request, std::move(reply));
    if (request.entity.size() == 1 && request.method == HttpMethod::Post) // packages are not invoked
        return reply.sendError(405, messages::methodNotAllowed());
    EntityCollection::handle(request, std::move(reply)); // packages do not nest
}

void PackagesApi::removePackage(const ApiRequest &request, Reply reply)
{
    auto force = boolParam(request, QLatin1StringView("force"), false);
    if (!force)
        return reply.sendError(force.error());
    sendEntity(m_engine.deletePackage(request.ns, request.entityName(), *force), std::move(reply));
}

// Another namespace's packages: only the published ones, as OpenWhisk lists them to a
// non-owner (ctrl/Packages.scala). Paged after the filter, over the namespace's first 200.
void PackagesApi::listPublished(const ApiRequest &request, Reply reply)
{
    auto params = listParams(request, m_kind.name);
    if (!params)
        return reply.sendError(params.error());
    const ListParams wanted = *params;
    const QString ns = request.ns;
    whenDone(m_engine.listPackages(ns, ListOptions{200, 0}), std::move(reply),
             [this, wanted, ns](QList<Package> &&packages, Reply &r) {
                 QJsonArray published;
                 for (const Package &package : packages) {
                     if (m_engine.isPublicPackage(ns, package.name.value_or(QString())))
                         published.append(package.toJson());
                 }
                 if (wanted.count)
                     return r.sendJson(200, QJsonObject{{m_kind.name, published.size()}});
                 const int limit = wanted.options.limit <= 0 ? 200 : wanted.options.limit;
                 QJsonArray page;
                 for (qsizetype i = std::max(0, wanted.options.skip); i < published.size() && page.size() < limit; ++i)
                     page.append(published.at(i));
                 r.sendJson(200, page);
             });
}

} // namespace funcdesk
