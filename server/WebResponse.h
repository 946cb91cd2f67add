#pragma once

#include "server/Reply.h"

#include <QJsonValue>

#include <optional>

namespace funcdesk {

// The content extensions of a web action URL (OpenWhisk's WebActions.scala media transcoders).
enum class WebExtension { Http, Json, Html, Svg, Text };

// Splits "name.ext" into the action name and its extension; no known extension means .http.
std::pair<QString, WebExtension> splitWebExtension(const QString &segment);

// Whether a body of this content type travels base64-encoded (binary), as akka-http classifies
// media types: text/*, JSON, XML and JavaScript types are text, everything else binary.
bool isBinaryContentType(const QByteArray &contentType);
// "application/json", "application/ld+json": the JSON family.
bool isJsonContentType(const QByteArray &contentType);

// Answers a web action with its result as the extension asks: .json the result, .html/.svg/.text
// its body (or html/svg/text) field, .http an {statusCode, headers, body} response.
void sendWebResult(Reply &reply, WebExtension extension, const QJsonValue &result);

} // namespace funcdesk
