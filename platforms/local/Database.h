#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace funcdesk {

// The local platform's SQLite database: one file per data folder, WAL journal, schema versioned
// and migrated forward on open. A committed transaction survives kill -9 of the process (WAL
// with synchronous=NORMAL loses commits only on power loss, never on a process crash).
// One Database per thread: a QSqlDatabase connection must stay on the thread that opened it.
class Database
{
public:
    static Result<std::shared_ptr<Database>> open(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &connection() { return m_db; }
    int schemaVersion() const { return m_schemaVersion; }
    static int latestSchemaVersion();

    // Runs `work` in one transaction; rolled back if it fails.
    template <typename T, typename Work>
    Result<T> transaction(Work &&work)
    {
        if (!m_db.transaction())
            return sqlError(QStringLiteral("begin"));
        Result<T> result = work();
        if (!result.ok()) {
            m_db.rollback();
            return result;
        }
        if (!m_db.commit()) {
            m_db.rollback();
            return sqlError(QStringLiteral("commit"));
        }
        return result;
    }

    // A failed statement as a typed error; pass the query's error when a query failed.
    PlatformError sqlError(const QString &what, const QSqlError &error = QSqlError()) const;

private:
    Database() = default;
    std::optional<PlatformError> migrate();

    QSqlDatabase m_db;
    QString m_connectionName;
    int m_schemaVersion = 0;
};

}  // namespace funcdesk
