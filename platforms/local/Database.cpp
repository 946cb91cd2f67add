#include "platforms/local/Database.h"

#include <QAtomicInt>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace funcdesk {

namespace {

// Migration N brings the schema from version N-1 to N: a list of single statements. Never edit
// a released one: add another.
const QList<QStringList> kMigrations = {
    // 1: actions with their version history, activations.
    {
        QStringLiteral("CREATE TABLE actions (namespace TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,"
                       " updated INTEGER NOT NULL, document TEXT NOT NULL, PRIMARY KEY (namespace, name))"),
        QStringLiteral("CREATE INDEX actions_by_update ON actions (namespace, updated)"),
        // Keyed by sequence, not version: a PUT may set an old version string again (a rollback).
        QStringLiteral("CREATE TABLE action_versions (seq INTEGER PRIMARY KEY AUTOINCREMENT, namespace TEXT NOT NULL,"
                       " name TEXT NOT NULL, version TEXT NOT NULL, updated INTEGER NOT NULL, document TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX action_versions_by_action ON action_versions (namespace, name, seq)"),
        QStringLiteral("CREATE TABLE activations (activation_id TEXT PRIMARY KEY, namespace TEXT NOT NULL,"
                       " name TEXT NOT NULL, start INTEGER NOT NULL, document TEXT NOT NULL)"),
        // Ascending indexes: SQLite walks them backwards for "start DESC, rowid DESC" without a sort.
        QStringLiteral("CREATE INDEX activations_by_start ON activations (namespace, start)"),
        QStringLiteral("CREATE INDEX activations_by_name ON activations (namespace, name, start)"),
        QStringLiteral("CREATE INDEX activations_for_retention ON activations (start)"),
    },
    // 2: triggers, rules, packages and namespaces (with their keys) as JSON documents.
    {
        QStringLiteral("CREATE TABLE entities (collection TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,"
                       " updated INTEGER NOT NULL, document TEXT NOT NULL, PRIMARY KEY (collection, namespace, name))"),
    },
    // 3: object storage: buckets and the metadata of their objects (the content is in files).
    {
        QStringLiteral("CREATE TABLE buckets (namespace TEXT NOT NULL, name TEXT NOT NULL, created INTEGER NOT NULL,"
                       " PRIMARY KEY (namespace, name))"),
        // Keys compare as bytes (BINARY collation of UTF-8), the order S3 lists in.
        QStringLiteral("CREATE TABLE objects (namespace TEXT NOT NULL, bucket TEXT NOT NULL, key TEXT NOT NULL,"
                       " size INTEGER NOT NULL, etag TEXT NOT NULL, modified INTEGER NOT NULL,"
                       " content_type TEXT NOT NULL, PRIMARY KEY (namespace, bucket, key))"),
    },
};

QAtomicInt g_connectionCounter;

} // namespace

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

std::optional<PlatformError> Database::execute(const QString &statement)
{
    QSqlQuery query(m_db);
    if (!query.exec(statement))
        return sqlError(statement, query.lastError());
    return std::nullopt;
}

std::optional<PlatformError> Database::migrate()
{
    QSqlQuery query(m_db);
    // Read the version inside the write transaction: two processes opening a new file at once
    // must not both migrate it.
    auto migrated = transaction<Done>([&]() -> Result<Done> {
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return sqlError(QStringLiteral("read schema version"), query.lastError());
        m_schemaVersion = query.value(0).toInt();
        query.finish();
        for (int next = m_schemaVersion + 1; next <= latestSchemaVersion(); ++next) {
            for (const QString &statement : kMigrations.at(next - 1)) {
                if (!query.exec(statement))
                    return sqlError(QStringLiteral("migration %1").arg(next), query.lastError());
            }
            if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(next)))
                return sqlError(QStringLiteral("migration %1").arg(next), query.lastError());
            m_schemaVersion = next;
        }
        return Done{};
    });
    if (!migrated)
        return migrated.error();
    if (m_schemaVersion > latestSchemaVersion()) {
        return PlatformError{
            PlatformError::Kind::Server,
            QStringLiteral("The database was written by a newer Funcdesk (schema %1; this one knows up to %2).")
                .arg(m_schemaVersion)
                .arg(latestSchemaVersion())};
    }
    return std::nullopt;
}

} // namespace funcdesk
