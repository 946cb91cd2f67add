#include "models/testing/PayloadStore.h"

#include "models/testing/PrettyJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace funcdesk {

namespace {

constexpr int kFormatVersion = 1;
constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

// Names may hold "/" (package/action), spaces or anything else a file name cannot. Dots are
// encoded too, so no name can become "." or "..".
QString safeSegment(const QString &name)
{
    const QByteArray encoded = QUrl::toPercentEncoding(name, QByteArray(), QByteArrayLiteral("."));
    return encoded.isEmpty() ? QStringLiteral("_") : QString::fromLatin1(encoded);
}

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return PlatformError{
            PlatformError::Kind::Invalid,
            PayloadStore::tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    if (file.size() > kMaxFileBytes)
        return PlatformError{
            PlatformError::Kind::TooLarge,
            PayloadStore::tr("%1 is too large for a payload file").arg(QDir::toNativeSeparators(path))};
    return file.readAll();
}

Result<Done> writeAtomically(const QString &path, const QByteArray &data)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return PlatformError{PlatformError::Kind::Server,
                             PayloadStore::tr("Cannot create the folder for %1").arg(QDir::toNativeSeparators(path))};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return PlatformError{
            PlatformError::Kind::Server,
            PayloadStore::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    return Done{};
}

PlatformError malformed(const QString &path, const QString &why)
{
    return PlatformError{PlatformError::Kind::Invalid,
                         PayloadStore::tr("%1 is not a payload file: %2").arg(QDir::toNativeSeparators(path), why)};
}

} // namespace

PayloadStore::PayloadStore(QString baseDir) : m_baseDir(std::move(baseDir))
{
    if (m_baseDir.isEmpty())
        m_baseDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/payloads");
}

QString PayloadStore::fileFor(const QString &connection, const QString &function) const
{
    return m_baseDir + QLatin1Char('/') + safeSegment(connection) + QLatin1Char('/') + safeSegment(function) +
           QStringLiteral(".json");
}

Result<QList<SavedPayload>> PayloadStore::load(const QString &connection, const QString &function) const
{
    const QString path = fileFor(connection, function);
    if (!QFile::exists(path))
        return QList<SavedPayload>();
    Result<QByteArray> data = readAll(path);
    if (!data)
        return data.error();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data.value(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return malformed(path, error.error != QJsonParseError::NoError ? error.errorString() : tr("not an object"));
    QList<SavedPayload> payloads;
    const QJsonArray items = document.object().value(QLatin1StringView("payloads")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        const QString name = object.value(QLatin1StringView("name")).toString();
        if (!name.isEmpty())
            payloads.append({name, object.value(QLatin1StringView("text")).toString()});
    }
    return payloads;
}

Result<Done> PayloadStore::save(const QString &connection, const QString &function,
                                const QList<SavedPayload> &payloads) const
{
    QJsonArray items;
    for (const SavedPayload &payload : payloads)
        items.append(QJsonObject{{QStringLiteral("name"), payload.name}, {QStringLiteral("text"), payload.text}});
    const QJsonObject document{{QStringLiteral("version"), kFormatVersion},
                               {QStringLiteral("connection"), connection},
                               {QStringLiteral("function"), function},
                               {QStringLiteral("payloads"), items}};
    return writeAtomically(fileFor(connection, function), QJsonDocument(document).toJson(QJsonDocument::Indented));
}

Result<QList<SavedPayload>> PayloadStore::importFile(const QString &path)
{
    Result<QByteArray> data = readAll(path);
    if (!data)
        return data.error();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data.value(), &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(path, tr("invalid JSON at byte %1 (%2)").arg(error.offset).arg(error.errorString()));
    if (!document.isArray())
        return malformed(path, tr("expected an array of {\"name\": ..., \"payload\": {...}}"));
    QList<SavedPayload> payloads;
    const QJsonArray items = document.array();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject object = items.at(i).toObject();
        const QString entry = tr("entry %1").arg(i + 1);
        if (!items.at(i).isObject())
            return malformed(path, tr("%1 is not an object").arg(entry));
        const QJsonValue name = object.value(QLatin1StringView("name"));
        if (!name.isString() || name.toString().trimmed().isEmpty())
            return malformed(path, tr("%1 has no \"name\"").arg(entry));
        const QJsonValue payload = object.value(QLatin1StringView("payload"));
        if (payload.isObject())
            payloads.append({name.toString().trimmed(), PrettyJson::render(payload).text()});
        else if (payload.isString())
            payloads.append({name.toString().trimmed(), payload.toString()});
        else
            return malformed(path, tr("%1 (\"%2\") has no \"payload\" object").arg(entry, name.toString()));
    }
    return payloads;
}

Result<Done> PayloadStore::exportFile(const QString &path, const QList<SavedPayload> &payloads)
{
    QJsonArray items;
    for (const SavedPayload &payload : payloads) {
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(payload.text.toUtf8(), &error);
        const QJsonValue value = error.error == QJsonParseError::NoError && parsed.isObject()
                                     ? QJsonValue(parsed.object())
                                 : payload.text.trimmed().isEmpty() ? QJsonValue(QJsonObject())
                                                                    : QJsonValue(payload.text);
        items.append(QJsonObject{{QStringLiteral("name"), payload.name}, {QStringLiteral("payload"), value}});
    }
    return writeAtomically(path, QJsonDocument(items).toJson(QJsonDocument::Indented));
}

} // namespace funcdesk
