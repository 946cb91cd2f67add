#include "server/InfoApi.h"

#include "server/ApiMessages.h"

#include "platforms/local/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace funcdesk {

namespace {

bool isRead(HttpMethod method)
{
    return method == HttpMethod::Get || method == HttpMethod::Head;
}

} // namespace

InfoApi::InfoApi(const LocalEngine &engine)
{
    m_root = engine.info().toJson();
    m_root.insert(QLatin1StringView("api_paths"), QJsonArray{QStringLiteral("/api/v1")});
    m_databasePath = engine.databasePath();

    const QString version = QCoreApplication::applicationVersion();
    const QJsonObject api{
        {QLatin1StringView("description"), QStringLiteral("OpenWhisk API")},
        {QLatin1StringView("api_version"), QStringLiteral("1.0.0")},
        {QLatin1StringView("api_version_path"), QStringLiteral("v1")},
        {QLatin1StringView("build"), QStringLiteral("funcdeskd %1").arg(version)},
        {QLatin1StringView("buildno"), version},
        {QLatin1StringView("swagger_paths"), QJsonObject{{QLatin1StringView("ui"), QStringLiteral("/docs")},
                                                         {QLatin1StringView("api-docs"), QStringLiteral("/api-docs")}}},
    };
    m_apiVersion = QJsonDocument(api).toJson(QJsonDocument::Compact);
    m_limits = QJsonDocument(engine.namespaceLimits().toJson()).toJson(QJsonDocument::Compact);
}

void InfoApi::root(const ApiRequest &request, Reply reply) const
{
    if (!isRead(request.method))
        return reply.sendError(405, messages::methodNotAllowed());
    // Main file and WAL as they are on disk now (two stat calls).
    const Database::FileSizes sizes = Database::fileSizes(m_databasePath);
    QJsonObject root = m_root;
    QJsonObject funcdesk = root.value(QLatin1StringView("funcdesk")).toObject();
    funcdesk.insert(QLatin1StringView("databaseBytes"), sizes.main + sizes.wal);
    funcdesk.insert(QLatin1StringView("databaseWalBytes"), sizes.wal);
    root.insert(QLatin1StringView("funcdesk"), funcdesk);
    reply.sendJsonBytes(200, QJsonDocument(root).toJson(QJsonDocument::Compact));
}

void InfoApi::apiVersion(const ApiRequest &request, Reply reply) const
{
    if (!isRead(request.method))
        return reply.sendError(405, messages::methodNotAllowed());
    reply.sendJsonBytes(200, m_apiVersion);
}

void InfoApi::namespaces(const ApiRequest &request, Reply reply) const
{
    if (!isRead(request.method))
        return reply.sendError(405, messages::methodNotAllowed());
    reply.sendJson(200, QJsonArray{request.caller.ns});
}

void InfoApi::limits(const ApiRequest &request, Reply reply) const
{
    if (!isRead(request.method))
        return reply.sendError(405, messages::methodNotAllowed());
    if (!request.entity.isEmpty()) // OpenWhisk has no routes for a single limit either
        return reply.sendError(404, messages::resourceDoesNotExist());
    reply.sendJsonBytes(200, m_limits);
}

} // namespace funcdesk
