#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace funcdesk {
class OpenWhiskPlatform;
}

// Appends every HTTP exchange a platform reports (OpenWhiskPlatform::exchangeFinished) to
// <build>/tests/integration/exchanges.jsonl, one JSON object per line:
//   {"method": "GET", "path": "/api/v1/namespaces/_/actions", "query": "limit=30&skip=0",
//    "status": 200, "body": <the body parsed as JSON, or null>}
// for tests/contract to check against the swagger. Exchanges with no answer (status 0) are left
// out: there is no response to check.
class ExchangeRecorder
{
public:
    static QString path();
    // Empties the file (at the start of a run).
    static void reset();
    static void record(funcdesk::OpenWhiskPlatform *platform);

    static void write(const QString &method, const QUrl &url, int status, const QByteArray &body);
};
