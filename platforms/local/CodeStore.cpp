#include "platforms/local/CodeStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace funcdesk {

QString CodeStore::digestOf(const QString &code)
{
    return QString::fromLatin1(QCryptographicHash::hash(code.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<QString> CodeStore::store(Database &db, const QString &code)
{
    const QString digest = digestOf(code);
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO code (digest, code) VALUES (?, ?)"));
    query.addBindValue(digest);
    query.addBindValue(code);
    if (!query.exec())
        return db.sqlError(QStringLiteral("store code"), query.lastError());
    return digest;
}

std::optional<PlatformError> CodeStore::dropUnused(Database &db, const QStringList &digests)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("DELETE FROM code WHERE digest = ?"
                                 " AND NOT EXISTS (SELECT 1 FROM actions WHERE code_digest = ?)"
                                 " AND NOT EXISTS (SELECT 1 FROM action_versions WHERE code_digest = ?)"));
    for (const QString &digest : digests) {
        if (digest.isEmpty())
            continue;
        for (int i = 0; i < 3; ++i)
            query.addBindValue(digest);
        if (!query.exec())
            return db.sqlError(QStringLiteral("drop unused code"), query.lastError());
    }
    return std::nullopt;
}

std::optional<PlatformError> CodeStore::moveCodeOutOfDocuments(Database &db)
{
    for (const QString &table : {QStringLiteral("actions"), QStringLiteral("action_versions")}) {
        // Row by row: a database of large actions must not be read into memory all at once.
        QSqlQuery rows(db.connection());
        rows.setForwardOnly(true);
        if (!rows.exec(QStringLiteral("SELECT rowid FROM %1 WHERE code_digest IS NULL").arg(table)))
            return db.sqlError(QStringLiteral("migrate code"), rows.lastError());
        QList<qint64> ids;
        while (rows.next())
            ids.append(rows.value(0).toLongLong());
        rows.finish();
        QSqlQuery read(db.connection());
        read.prepare(QStringLiteral("SELECT document FROM %1 WHERE rowid = ?").arg(table));
        QSqlQuery write(db.connection());
        write.prepare(QStringLiteral("UPDATE %1 SET document = ?, code_digest = ? WHERE rowid = ?").arg(table));
        for (const qint64 id : std::as_const(ids)) {
            read.addBindValue(id);
            if (!read.exec() || !read.next())
                return db.sqlError(QStringLiteral("migrate code"), read.lastError());
            QJsonObject document = QJsonDocument::fromJson(read.value(0).toByteArray()).object();
            read.finish();
            QJsonObject exec = document.value(QLatin1StringView("exec")).toObject();
            const QJsonValue code = exec.value(QLatin1StringView("code"));
            if (!code.isString())
                continue; // no code (a sequence) or unreadable: left as it is
            auto digest = store(db, code.toString());
            if (!digest)
                return digest.error();
            exec.remove(QLatin1StringView("code"));
            document.insert(QLatin1StringView("exec"), exec);
            write.addBindValue(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)));
            write.addBindValue(digest.value());
            write.addBindValue(id);
            if (!write.exec())
                return db.sqlError(QStringLiteral("migrate code"), write.lastError());
        }
    }
    return std::nullopt;
}

} // namespace funcdesk
