#include "platforms/openwhisk/HttpExchange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace funcdesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("funcdesk::HttpExchange", text);
}

PlatformError::Kind kindForNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        return PlatformError::Kind::Timeout;
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return PlatformError::Kind::Auth;
    default:
        return PlatformError::Kind::Network;
    }
}
} // namespace

PlatformError::Kind HttpExchange::kindForStatus(int status)
{
    switch (status) {
    case 400:
        return PlatformError::Kind::Invalid;
    case 401:
    case 403:
        return PlatformError::Kind::Auth;
    case 404:
        return PlatformError::Kind::NotFound;
    case 408:
        return PlatformError::Kind::Timeout;
    case 409:
        return PlatformError::Kind::Conflict;
    case 413:
        return PlatformError::Kind::TooLarge;
    case 429:
        return PlatformError::Kind::Limit;
    default:
        break;
    }
    // Other 4xx (405, 415, 422 for a circular binding, ...) are problems with the request.
    if (status >= 400 && status < 500)
        return PlatformError::Kind::Invalid;
    return PlatformError::Kind::Server;
}

std::optional<PlatformError> HttpExchange::error() const
{
    if (succeeded())
        return std::nullopt;
    const QString where = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery).toString();
    if (status == 0) {
        if (closed)
            return PlatformError{PlatformError::Kind::Network,
                                 tr("The connection to %1 was closed before the platform answered.").arg(where)};
        if (timedOut || networkError == QNetworkReply::OperationCanceledError)
            return PlatformError{PlatformError::Kind::Timeout,
                                 tr("The platform at %1 did not answer in time.").arg(where)};
        const QString detail = networkErrorText.isEmpty() ? tr("no answer") : networkErrorText;
        return PlatformError{kindForNetworkError(networkError),
                             tr("Cannot reach the platform at %1: %2").arg(where, detail)};
    }
    const PlatformError::Kind kind = kindForStatus(status);
    QString message = serverMessage();
    if (message.isEmpty()) {
        if (status >= 300 && status < 400 && redirectTarget.isValid())
            message = tr("The platform redirects to %1; use that address instead.").arg(redirectTarget.toString());
        else if (status < 400)
            message = tr("The platform answered HTTP %1 where it should not have.").arg(status);
        else
            message = tr("The platform answered HTTP %1 (%2) without an error message.")
                          .arg(QString::number(status), reason.isEmpty() ? tr("no reason given") : reason);
    }
    return PlatformError{kind, message};
}

std::optional<QJsonDocument> HttpExchange::json() const
{
    QJsonParseError parseError{};
    QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || document.isNull())
        return std::nullopt;
    return document;
}

QString HttpExchange::serverMessage() const
{
    const auto document = json();
    if (!document || !document->isObject())
        return {};
    const QJsonValue error = document->object().value(QLatin1StringView("error"));
    if (error.isString())
        return error.toString();
    if (error.isObject())
        return QString::fromUtf8(QJsonDocument(error.toObject()).toJson(QJsonDocument::Compact));
    if (error.isArray())
        return QString::fromUtf8(QJsonDocument(error.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

PlatformError HttpExchange::unexpected(const QString &what) const
{
    return PlatformError{PlatformError::Kind::Server, tr("The platform's answer to %1 %2 is not the JSON expected: %3")
                                                          .arg(QString::fromLatin1(method), url.path(), what)};
}

std::optional<int> HttpExchange::parseRetryAfter(const QByteArray &value, qint64 nowMs)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? 0 : static_cast<int>(std::min<qint64>(seconds, 24 * 3600) * 1000);
    // An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"); Qt's RFC 2822 parser wants a numeric zone.
    QString dateText = QString::fromLatin1(text);
    if (dateText.endsWith(QLatin1StringView(" GMT")))
        dateText = dateText.chopped(4) + QLatin1StringView(" +0000");
    const QDateTime date = QDateTime::fromString(dateText, Qt::RFC2822Date);
    if (!date.isValid())
        return std::nullopt;
    return static_cast<int>(std::clamp<qint64>(date.toMSecsSinceEpoch() - nowMs, 0, 24 * 3600 * 1000));
}

} // namespace funcdesk
