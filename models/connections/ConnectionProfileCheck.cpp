#include "models/connections/ConnectionProfileCheck.h"

#include "core/EntityName.h"
#include "platforms/openwhisk/OpenWhiskConfig.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QUrl>

namespace funcdesk {

namespace {

constexpr int kMaxNameLength = 100;
constexpr qint64 kMaxCertificateFileBytes = 1024 * 1024; // a CA bundle is a few hundred KB

} // namespace

ConnectionProfileProblems ConnectionProfileCheck::check(const ConnectionProfile &profile,
                                                        const QList<ConnectionProfile> &others)
{
    ConnectionProfileProblems problems;
    problems.name = nameProblem(profile.name, profile.id, others);
    problems.apiHost = apiHostProblem(profile.apiHost);
    problems.namespaceName = namespaceProblem(profile.namespaceName);
    problems.trust = trustProblem(profile.caCertificateFile, profile.pinnedCertificateSha256);
    return problems;
}

QString ConnectionProfileCheck::nameProblem(const QString &name, const QString &id,
                                            const QList<ConnectionProfile> &others)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter a name for the connection.");
    if (trimmed.size() > kMaxNameLength)
        return tr("The name is too long (at most %1 characters).").arg(kMaxNameLength);
    for (const auto &other : others) {
        if (other.id != id && other.name.trimmed().compare(trimmed, Qt::CaseInsensitive) == 0)
            return tr("A connection named \"%1\" already exists.").arg(other.name);
    }
    return {};
}

QString ConnectionProfileCheck::apiHostProblem(const QString &apiHost)
{
    const QString host = apiHost.trimmed();
    if (host.isEmpty())
        return tr("Enter the API host, for example https://openwhisk.example.com or 127.0.0.1:3233.");
    const qsizetype schemeEnd = host.indexOf(QLatin1StringView("://"));
    if (schemeEnd >= 0) {
        const QString scheme = host.left(schemeEnd).toLower();
        if (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))
            return tr("The API host must use http:// or https://.");
    }
    // Credentials in the URL would be saved in the settings file: the key has its own field.
    const QUrl parsed(schemeEnd >= 0 ? host : QStringLiteral("https://") + host);
    if (parsed.isValid() && !parsed.userInfo().isEmpty())
        return tr("Leave credentials out of the API host; enter the key in the Auth key field.");
    OpenWhiskConfig config;
    config.apiHost = host;
    if (!config.rootUrl().isValid())
        return tr("This is not a usable address. Use host:port or a URL such as https://openwhisk.example.com.");
    return {};
}

QString ConnectionProfileCheck::namespaceProblem(const QString &namespaceName)
{
    const QString ns = namespaceName.trimmed();
    if (ns.isEmpty())
        return tr("Enter a namespace, or _ for the key's own namespace.");
    if (ns == QLatin1StringView("_"))
        return {};
    if (checkEntityName(ns))
        return tr("A namespace name starts with a letter or digit and uses letters, digits, spaces and @ . & - _.");
    return {};
}

QString ConnectionProfileCheck::trustProblem(const QString &caCertificateFile, const QString &pinnedSha256)
{
    const QString caFile = caCertificateFile.trimmed();
    if (!caFile.isEmpty() && certificateFingerprint(caFile).isEmpty())
        return tr("%1 is not a readable PEM certificate file.").arg(caFile);
    if (!pinnedSha256.trimmed().isEmpty() && OpenWhiskConfig::normalizedSha256(pinnedSha256).isEmpty())
        return tr("The pinned certificate must be a SHA-256 fingerprint (64 hex digits), or pick its file.");
    return {};
}

QString ConnectionProfileCheck::certificateFingerprint(const QString &pemFile)
{
    QFile file(pemFile);
    if (file.size() > kMaxCertificateFileBytes || !file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression pem(
        QStringLiteral("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----"));
    const auto match = pem.match(QString::fromLatin1(file.read(kMaxCertificateFileBytes)));
    if (!match.hasMatch())
        return {};
    QString base64 = match.captured(1);
    base64.remove(QRegularExpression(QStringLiteral("\\s")));
    const auto der = QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!der || der.decoded.isEmpty())
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(der.decoded, QCryptographicHash::Sha256).toHex());
}

} // namespace funcdesk
