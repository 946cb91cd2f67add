#include "platforms/local/Database.h"

#include <QAtomicInt>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace funcdesk {

namespace {

// Migration N brings the schema from version N-1 to N. Never edit a released one: add another.
const QStringList kMigrations = {
    // 1: actions with their version history, activations.
    QStringLiteral(
        "CREATE TABLE actions (namespace TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,"
        " updated INTEGER NOT NULL, document TEXT NOT NULL, PRIMARY KEY (namespace, name));"
        "CREATE INDEX actions_by_update ON actions (namespace, updated DESC);"
        "CREATE TABLE action_versions (namespace TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,"
        " updated INTEGER NOT NULL, document TEXT NOT NULL, PRIMARY KEY (namespace, name, version));"
        "CREATE INDEX action_versions_by_update ON action_versions (namespace, name, updated DESC);"
        "CREATE TABLE activations (activation_id TEXT PRIMARY KEY, namespace TEXT NOT NULL, name TEXT NOT NULL,"
        " start INTEGER NOT NULL, document TEXT NOT NULL);"
        "CREATE INDEX activations_by_start ON activations (namespace, start DESC);"
        "CREATE INDEX activations_by_name ON activations (namespace, name, start DESC);"),
};

QAtomicInt g_connectionCounter;

}  // namespace

int Database::latestSchemaVersion()
{
    return static_cast<int>(kMigrations.size());
}

Result<std::shared_ptr<Database>> Database::open(const QString &path)
{
    std::shared_ptr<Database> database(new Database);
    database->m_connectionName = QStringLiteral("funcdesk-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    database->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    database->m_db.setDatabaseName(path);
    database->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database->m_db.open())
        return database->sqlError(QStringLiteral("open %1").arg(path));
    QSqlQuery pragma(database->m_db);
    for (const char *statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        if (!pragma.exec(QLatin1StringView(statement)))
            return database->sqlError(QLatin1StringView(statement));
    }
    if (auto error = database->migrate())
        return *error;
    return database;
}

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

PlatformError Database::sqlError(const QString &what, const QSqlError &error) const
{
    const QString text = error.isValid() ? error.text() : m_db.lastError().text();
    return {PlatformError::Kind::Server, QStringLiteral("Database error (%1): %2").arg(what, text)};
}

std::optional<PlatformError> Database::migrate()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sqlError(QStringLiteral("read schema version"));
    m_schemaVersion = query.value(0).toInt();
    if (m_schemaVersion > latestSchemaVersion()) {
        return PlatformError{PlatformError::Kind::Server,
                             QStringLiteral("The database was written by a newer Funcdesk (schema %1; this one knows up to %2).")
                                 .arg(m_schemaVersion)
                                 .arg(latestSchemaVersion())};
    }
    while (m_schemaVersion < latestSchemaVersion()) {
        const int next = m_schemaVersion + 1;
        auto applied = transaction<Done>([&]() -> Result<Done> {
            // QSqlQuery runs one statement at a time.
            for (const QString &statement : kMigrations.at(next - 1).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                if (!query.exec(statement))
                    return sqlError(QStringLiteral("migration %1").arg(next), query.lastError());
            }
            if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(next)))
                return sqlError(QStringLiteral("migration %1").arg(next));
            return Done{};
        });
        if (!applied)
            return applied.error();
        m_schemaVersion = next;
    }
    return std::nullopt;
}

}  // namespace funcdesk
