#pragma once

#include "core/PlatformError.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrl>

#include <optional>

namespace funcdesk {

// One finished HTTP request/response, as the rest of the client needs it: the status, the body
// and the few headers OpenWhisk gives meaning to. Knows how OpenWhisk failures map to
// PlatformError kinds, so that mapping can be checked without a network.
struct HttpExchange
{
    QByteArray method;
    QUrl url;       // never carries credentials
    int status = 0; // 0 when no HTTP answer arrived
    QString reason;
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    bool timedOut = false;                 // the transfer timeout ran out
    bool closed = false;                   // the client shut down before the answer came
    QString activationIdHeader;            // x-openwhisk-activation-id
    std::optional<int> retryAfterMs;       // Retry-After, on 429 and 503
    QUrl redirectTarget;                   // Location of a 3xx (not followed)
    QHash<QByteArray, QByteArray> headers; // names lowercased (the object calls read ETag and more)

    bool succeeded() const { return status >= 200 && status < 300; }
    // The failure this exchange stands for; nullopt for a 2xx answer.
    std::optional<PlatformError> error() const;
    // The body parsed as JSON; nullopt when it is not JSON.
    std::optional<QJsonDocument> json() const;
    // The `error` field of OpenWhisk's error JSON ({"error": "...", "code": "..."}), if any.
    QString serverMessage() const;
    // For an answer that is not what the call expected.
    PlatformError unexpected(const QString &what) const;

    static PlatformError::Kind kindForStatus(int status);
    // Retry-After as seconds or an HTTP date, in ms from `nowMs`.
    static std::optional<int> parseRetryAfter(const QByteArray &value, qint64 nowMs);
};

} // namespace funcdesk
