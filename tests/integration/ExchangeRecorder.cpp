#include "ExchangeRecorder.h"

#include "platforms/openwhisk/OpenWhiskPlatform.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

QString ExchangeRecorder::path()
{
    return QStringLiteral(FUNCDESK_EXCHANGES_FILE);
}

void ExchangeRecorder::reset()
{
    QFile file(path());
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.close();
}

void ExchangeRecorder::record(funcdesk::OpenWhiskPlatform *platform)
{
    QObject::connect(platform, &funcdesk::OpenWhiskPlatform::exchangeFinished, &ExchangeRecorder::write);
}

void ExchangeRecorder::write(const QString &method, const QUrl &url, int status, const QByteArray &body)
{
    if (status == 0)
        return;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    QJsonValue parsed = QJsonValue::Null;
    if (error.error == QJsonParseError::NoError) {
        if (document.isObject())
            parsed = document.object();
        else if (document.isArray())
            parsed = document.array();
    }
    const QJsonObject line{{QLatin1StringView("method"), method},
                           {QLatin1StringView("path"), url.path(QUrl::FullyEncoded)},
                           {QLatin1StringView("query"), url.query(QUrl::FullyEncoded)},
                           {QLatin1StringView("status"), status},
                           {QLatin1StringView("body"), parsed}};
    QFile file(path());
    if (file.open(QIODevice::WriteOnly | QIODevice::Append))
        file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
}
