#pragma once

#include "platforms/local/LocalEngine.h"
#include "server/ApiRequest.h"
#include "server/Reply.h"

#include <QJsonObject>

namespace funcdesk {

// The documents that describe the platform: `GET /` (limits, runtimes; no auth), `GET /api/v1`
// (API version; no auth), `GET /api/v1/namespaces` (the caller's namespace) and
// `GET /api/v1/namespaces/{ns}/limits` (its UserLimits).
class InfoApi
{
public:
    explicit InfoApi(const LocalEngine &engine);

    void root(const ApiRequest &request, Reply reply) const;
    void apiVersion(const ApiRequest &request, Reply reply) const;
    void namespaces(const ApiRequest &request, Reply reply) const;
    void limits(const ApiRequest &request, Reply reply) const;

private:
    // Built once: none of these documents changes while the server runs, except the database's
    // size in `GET /` (funcdesk.databaseBytes, funcdesk.databaseWalBytes), read per request.
    QJsonObject m_root;
    QString m_databasePath;
    QByteArray m_apiVersion;
    QByteArray m_limits;
};

} // namespace funcdesk
