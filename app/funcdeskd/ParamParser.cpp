#include "ParamParser.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace funcdesk {

QJsonValue parseParamValue(const QString &text)
{
    // QJsonDocument parses only objects and arrays: wrap the value in an array.
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray('[' + text.toUtf8() + ']'), &error);
    if (error.error == QJsonParseError::NoError && document.array().size() == 1 && !text.trimmed().isEmpty())
        return document.array().first();
    return text;
}

Result<QJsonObject> parseParams(const QString &paramsFile, const QStringList &assignments)
{
    QJsonObject params;
    if (!paramsFile.isEmpty()) {
        QFile file(paramsFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return PlatformError{PlatformError::Kind::Invalid,
                                 QCoreApplication::translate("funcdeskd", "Cannot read the params file %1: %2")
                                     .arg(paramsFile, file.errorString())};
        }
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            return PlatformError{
                PlatformError::Kind::Invalid,
                QCoreApplication::translate("funcdeskd", "The params file %1 is not a JSON object: %2")
                    .arg(paramsFile, error.error != QJsonParseError::NoError
                                         ? error.errorString()
                                         : QCoreApplication::translate("funcdeskd", "found another JSON value"))};
        }
        params = document.object();
    }
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return PlatformError{
                PlatformError::Kind::Invalid,
                QCoreApplication::translate("funcdeskd", "--param expects KEY=VALUE, got '%1'").arg(assignment)};
        }
        params.insert(assignment.left(equals), parseParamValue(assignment.mid(equals + 1)));
    }
    return params;
}

} // namespace funcdesk
