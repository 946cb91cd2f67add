#include "platforms/openwhisk/OpenWhiskConfig.h"

namespace funcdesk {

QUrl OpenWhiskConfig::rootUrl() const
{
    const QString host = apiHost.trimmed();
    if (host.isEmpty())
        return {};
    const bool hasScheme = host.startsWith(QLatin1StringView("http://"), Qt::CaseInsensitive) ||
                           host.startsWith(QLatin1StringView("https://"), Qt::CaseInsensitive);
    QUrl url(hasScheme ? host : QStringLiteral("https://") + host, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    // Credentials belong in the Authorization header, never in a URL that may be shown or logged.
    url = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    // A path is a prefix (a platform behind a reverse proxy); a pasted ".../api/v1" is not.
    QString prefix = url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    if (prefix.endsWith(QLatin1StringView("/api/v1")))
        prefix.chop(7);
    url.setPath(prefix + QLatin1Char('/'), QUrl::StrictMode);
    return url;
}

QByteArray OpenWhiskConfig::authorizationHeader() const
{
    return QByteArrayLiteral("Basic ") + auth.toUtf8().toBase64();
}

QString OpenWhiskConfig::normalizedSha256(const QString &text)
{
    QString hex;
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c.isSpace())
            continue;
        const bool hexDigit = (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                              (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'));
        if (!hexDigit)
            return QString();
        hex.append(c.toLower());
    }
    return hex.size() == 64 ? hex : QString();
}

} // namespace funcdesk
