#pragma once

#include "platforms/local/LocalEngine.h"
#include "server/ApiRequest.h"
#include "server/Reply.h"

namespace funcdesk {

// The documents that describe the platform: `GET /` (limits, runtimes; no auth), `GET /api/v1`
// (API version; no auth) and `GET /api/v1/namespaces` (the caller's namespace).
class InfoApi
{
public:
    explicit InfoApi(const LocalEngine &engine);

    void root(const ApiRequest &request, Reply reply) const;
    void apiVersion(const ApiRequest &request, Reply reply) const;
    void namespaces(const ApiRequest &request, Reply reply) const;

private:
    // Built once: neither document changes while the server runs.
    QByteArray m_root;
    QByteArray m_apiVersion;
};

} // namespace funcdesk
