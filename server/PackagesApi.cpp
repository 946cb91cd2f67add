#include "server/PackagesApi.h"

namespace funcdesk {

PackagesApi::PackagesApi(LocalEngine &engine)
    : EntityCollection(engine, {QLatin1StringView("packages"), Collection::Packages, 0, &LocalEngine::listPackages,
                                &LocalEngine::getPackage})
{
}

void PackagesApi::handle(const ApiRequest &request, Reply reply)
{
    if (request.method != HttpMethod::Get && request.method != HttpMethod::Head)
        return reply.sendError(405, messages::methodNotAllowed());
    if (request.entity.isEmpty() && request.ns != request.caller.ns)
        return listPublished(request, std::move(reply));
    EntityCollection::handle(request, std::move(reply)); // packages do not nest
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
