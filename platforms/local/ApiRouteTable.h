#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QReadWriteLock>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace funcdesk {

class StoreWorker;

// One API of the local gateway: a base path, the namespace that owns it and its Swagger 2.0
// document (GatewaySwagger.h). Base paths are global: the URL `/api/{basepath}/...` names no
// namespace, so one base path belongs to one namespace.
struct GatewayApi
{
    QString ns;
    QJsonObject swagger;

    QString basePath() const;
    QString title() const;
};

// What a request path and verb lead to.
struct RouteMatch
{
    enum class Kind { NoRoute, WrongVerb, Found };
    Kind kind = Kind::NoRoute;
    QString ns;
    QString action; // "name" or "package/name"
    QString responseType;
    QJsonObject pathParameters; // {"id": "42"} for "/items/{id}"
    QStringList verbs;          // with WrongVerb: the path's verbs, upper case
};

// The API gateway's routes on the local platform, kept in memory and persisted in the
// `entities` table (collection "apis", namespace = owner, name = base path). Lookups take a
// read lock over a compiled index; changes are serialized and written before they are served.
class ApiRouteTable
{
public:
    // At most this many APIs in all, and operations per API.
    static constexpr int kMaxApis = 10000;
    static constexpr int kMaxOperations = 1000;

    explicit ApiRouteTable(StoreWorker &store);
    ~ApiRouteTable();

    // Reads the stored APIs (waits for the store thread).
    Result<Done> load();

    // Where the platform's HTTP server answers ("http://127.0.0.1:3233"), for gwApiUrl when the
    // request named no host; empty until a server listens.
    void setServedAt(const QString &rootUrl);
    QString servedAt() const;

    std::optional<GatewayApi> api(const QString &basePath) const;
    QList<GatewayApi> apis(const QString &ns) const;

    // Runs `change` on the API at `basePath` (nullopt: none yet) with other changes held off,
    // then stores what it returns (nullopt: delete the API) before anyone is served by it. An
    // error leaves everything as it was.
    using Change = std::function<Result<std::optional<GatewayApi>>(const std::optional<GatewayApi> &current)>;
    Result<std::optional<GatewayApi>> change(const QString &basePath, const Change &change);

    // The route for a request: `segments` are the decoded path segments after "/api".
    RouteMatch match(const QStringList &segments, const QString &verb) const;

private:
    struct Index;
    void rebuild(); // caller holds m_writes

    StoreWorker &m_store;
    std::mutex m_writes;
    mutable QReadWriteLock m_lock;     // guards m_apis, m_index and m_servedAt for readers
    QHash<QString, GatewayApi> m_apis; // by base path
    std::shared_ptr<const Index> m_index;
    QString m_servedAt;
};

} // namespace funcdesk
