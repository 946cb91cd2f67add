#pragma once

#include "platforms/local/Database.h"

#include <QJsonObject>
#include <QList>

namespace funcdesk {

// Stored JSON documents of one kind ("triggers", "rules", "packages", "namespaces"), keyed by
// namespace and name. The local platform keeps these in memory and uses this to persist them;
// merge rules and validation live above.
class EntityRepository
{
public:
    struct Document
    {
        QString ns;
        QString name;
        QJsonObject body;
    };

    explicit EntityRepository(std::shared_ptr<Database> database) : m_db(std::move(database)) {}

    Result<Done> put(const QString &collection, const QString &ns, const QString &name, qint64 updated,
                     const QJsonObject &document);
    Result<Done> remove(const QString &collection, const QString &ns, const QString &name);
    Result<QList<Document>> all(const QString &collection) const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace funcdesk
