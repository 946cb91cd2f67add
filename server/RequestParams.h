#pragma once

#include "core/Platform.h"
#include "server/ApiRequest.h"

#include <QJsonObject>

namespace funcdesk {

// Query and body parsing shared by the API handlers, with OpenWhisk's error texts.

// A boolean query parameter (true/false, yes/no, on/off, 1/0 as akka-http accepts them).
Result<bool> boolParam(const ApiRequest &request, QLatin1StringView name, bool defaultValue);

// limit (0-200, default 30, 0 = 200), skip (>= 0) and count of a collection list.
struct ListParams
{
    ListOptions options;
    bool count = false;
};
Result<ListParams> listParams(const ApiRequest &request, QLatin1StringView collection);

// The body as a JSON object: empty counts as {}; anything else that is not an object is 400.
Result<QJsonObject> jsonObjectBody(const QByteArray &body);

// 413 when a body is larger than allowed.
std::optional<PlatformError> checkBodySize(qint64 size, qint64 allowed);

// An entity name from the path, checked against OpenWhisk's name rule (400 when it breaks).
std::optional<PlatformError> checkEntityPath(const QStringList &entity);

} // namespace funcdesk
