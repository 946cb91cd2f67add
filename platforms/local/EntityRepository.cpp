#include "platforms/local/EntityRepository.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace funcdesk {

Result<Done> EntityRepository::put(const QString &collection, const QString &ns, const QString &name, qint64 updated,
                                   const QJsonObject &document)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO entities (collection, namespace, name, updated, document)"
                                 " VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(collection);
    query.addBindValue(ns);
    query.addBindValue(name);
    query.addBindValue(updated);
    query.addBindValue(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return m_db->sqlError(QStringLiteral("store %1").arg(collection), query.lastError());
    return Done{};
}

Result<Done> EntityRepository::remove(const QString &collection, const QString &ns, const QString &name)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("DELETE FROM entities WHERE collection = ? AND namespace = ? AND name = ?"));
    query.addBindValue(collection);
    query.addBindValue(ns);
    query.addBindValue(name);
    if (!query.exec())
        return m_db->sqlError(QStringLiteral("delete from %1").arg(collection), query.lastError());
    return Done{};
}

Result<QList<EntityRepository::Document>> EntityRepository::all(const QString &collection) const
{
    QSqlQuery query(m_db->connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT namespace, name, document FROM entities WHERE collection = ?"));
    query.addBindValue(collection);
    if (!query.exec())
        return m_db->sqlError(QStringLiteral("read %1").arg(collection), query.lastError());
    QList<Document> documents;
    while (query.next()) {
        const QJsonDocument json = QJsonDocument::fromJson(query.value(2).toByteArray());
        if (!json.isObject())
            return PlatformError{
                PlatformError::Kind::Server,
                QStringLiteral("A stored %1 document is corrupted and cannot be read.").arg(collection)};
        documents.append({query.value(0).toString(), query.value(1).toString(), json.object()});
    }
    return documents;
}

} // namespace funcdesk
