#include "platforms/local/ApiRouteTable.h"

#include "platforms/local/GatewaySwagger.h"
#include "platforms/local/StoreWorker.h"

#include <QDateTime>

namespace funcdesk {

namespace {
const QString kCollection = QStringLiteral("apis");

struct Target
{
    QString ns;
    QString action;
    QString responseType;
};

struct CompiledPath
{
    QStringList segments; // a parameter segment is its name, with isParameter set
    QList<bool> isParameter;
    int literals = 0;
    QHash<QString, Target> byVerb; // upper case
};

struct CompiledApi
{
    QStringList base;
    QList<CompiledPath> paths;
};

QStringList segmentsOf(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}
} // namespace

// The routes by the first segment of their base path ("" for the base path "/").
struct ApiRouteTable::Index
{
    QHash<QString, QList<CompiledApi>> byFirstSegment;
};

QString GatewayApi::basePath() const
{
    return swagger.value(QLatin1StringView("basePath")).toString();
}

QString GatewayApi::title() const
{
    return swagger.value(QLatin1StringView("info")).toObject().value(QLatin1StringView("title")).toString();
}

ApiRouteTable::ApiRouteTable(StoreWorker &store) : m_store(store), m_index(std::make_shared<Index>())
{
}

ApiRouteTable::~ApiRouteTable() = default;

Result<Done> ApiRouteTable::load()
{
    auto documents = m_store
                         .post<Result<QList<EntityRepository::Document>>>(
                             [](StoreWorker::Store &store) { return store.entities.all(kCollection); })
                         .result();
    if (!documents)
        return documents.error();
    std::lock_guard writes(m_writes);
    {
        QWriteLocker locker(&m_lock);
        for (const auto &document : documents.value())
            m_apis.insert(document.name,
                          GatewayApi{document.ns, document.body.value(QLatin1StringView("swagger")).toObject()});
    }
    rebuild();
    return Done{};
}

void ApiRouteTable::setServedAt(const QString &rootUrl)
{
    QWriteLocker locker(&m_lock);
    m_servedAt = rootUrl;
}

QString ApiRouteTable::servedAt() const
{
    QReadLocker locker(&m_lock);
    return m_servedAt;
}

std::optional<GatewayApi> ApiRouteTable::api(const QString &basePath) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_apis.constFind(basePath);
    if (it == m_apis.cend())
        return std::nullopt;
    return *it;
}

QList<GatewayApi> ApiRouteTable::apis(const QString &ns) const
{
    QReadLocker locker(&m_lock);
    QList<GatewayApi> result;
    for (const GatewayApi &api : m_apis) {
        if (api.ns == ns)
            result.append(api);
    }
    std::sort(result.begin(), result.end(),
              [](const GatewayApi &a, const GatewayApi &b) { return a.basePath() < b.basePath(); });
    return result;
}

Result<std::optional<GatewayApi>> ApiRouteTable::change(const QString &basePath, const Change &change)
{
    std::lock_guard writes(m_writes);
    auto changed = change(api(basePath));
    if (!changed)
        return changed;
    const std::optional<GatewayApi> next = changed.value();
    if (next && !m_apis.contains(basePath) && m_apis.size() >= kMaxApis)
        return PlatformError{PlatformError::Kind::Limit,
                             QStringLiteral("The gateway already holds %1 APIs, the most it keeps.").arg(kMaxApis)};
    const std::optional<GatewayApi> current = api(basePath);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto written =
        m_store
            .post<Result<Done>>([basePath, next, current, now](StoreWorker::Store &store) -> Result<Done> {
                if (!next)
                    return current ? store.entities.remove(kCollection, current->ns, basePath) : Result<Done>(Done{});
                return store.entities.put(kCollection, next->ns, basePath, now,
                                          QJsonObject{{QStringLiteral("swagger"), next->swagger}});
            })
            .result();
    if (!written)
        return written.error();
    {
        QWriteLocker locker(&m_lock);
        if (next)
            m_apis.insert(basePath, *next);
        else
            m_apis.remove(basePath);
    }
    rebuild();
    return changed;
}

RouteMatch ApiRouteTable::match(const QStringList &segments, const QString &verb) const
{
    std::shared_ptr<const Index> index;
    {
        QReadLocker locker(&m_lock);
        index = m_index;
    }
    RouteMatch best;
    int bestLiterals = -1;
    const auto consider = [&](const QList<CompiledApi> &candidates) {
        for (const CompiledApi &api : candidates) {
            const qsizetype rest = segments.size() - api.base.size();
            if (rest < 0 || !std::equal(api.base.begin(), api.base.end(), segments.begin()))
                continue;
            for (const CompiledPath &path : api.paths) {
                if (path.segments.size() != rest || path.literals <= bestLiterals)
                    continue;
                bool matches = true;
                for (qsizetype i = 0; i < rest && matches; ++i)
                    matches = path.isParameter.at(i) || path.segments.at(i) == segments.at(api.base.size() + i);
                if (!matches)
                    continue;
                bestLiterals = path.literals;
                best = RouteMatch();
                auto target = path.byVerb.constFind(verb);
                // A preflight on a path without its own OPTIONS goes to the path's web action,
                // which answers it with CORS headers (the gateway's cors: enabled).
                if (target == path.byVerb.cend() && verb == QLatin1StringView("OPTIONS"))
                    target = path.byVerb.cbegin();
                if (target == path.byVerb.cend()) {
                    best.kind = RouteMatch::Kind::WrongVerb;
                    best.verbs = path.byVerb.keys();
                    best.verbs.sort();
                    continue;
                }
                best.kind = RouteMatch::Kind::Found;
                best.ns = target->ns;
                best.action = target->action;
                best.responseType = target->responseType;
                for (qsizetype i = 0; i < rest; ++i) {
                    if (path.isParameter.at(i))
                        best.pathParameters.insert(path.segments.at(i), segments.at(api.base.size() + i));
                }
            }
        }
    };
    if (!segments.isEmpty())
        consider(index->byFirstSegment.value(segments.first()));
    consider(index->byFirstSegment.value(QString()));
    return best;
}

void ApiRouteTable::rebuild()
{
    auto index = std::make_shared<Index>();
    QReadLocker reading(&m_lock);
    for (const GatewayApi &api : m_apis) {
        CompiledApi compiled;
        compiled.base = segmentsOf(api.basePath());
        QHash<QString, qsizetype> byPath;
        for (const apigw::Operation &operation : gateway::operations(api.swagger)) {
            auto found = byPath.constFind(operation.relPath);
            if (found == byPath.cend()) {
                CompiledPath path;
                for (const QString &segment : segmentsOf(operation.relPath)) {
                    const bool parameter = segment.size() > 2 && segment.startsWith(QLatin1Char('{')) &&
                                           segment.endsWith(QLatin1Char('}'));
                    path.segments.append(parameter ? segment.mid(1, segment.size() - 2) : segment);
                    path.isParameter.append(parameter);
                    path.literals += parameter ? 0 : 1;
                }
                compiled.paths.append(path);
                found = byPath.insert(operation.relPath, compiled.paths.size() - 1);
            }
            const QString ns = operation.ns == QLatin1StringView("_") ? api.ns : operation.ns;
            compiled.paths[*found].byVerb.insert(operation.verb.toUpper(),
                                                 Target{ns, operation.action, operation.responseType});
        }
        index->byFirstSegment[compiled.base.value(0)].append(compiled);
    }
    reading.unlock();
    QWriteLocker writing(&m_lock);
    m_index = std::move(index);
}

} // namespace funcdesk
