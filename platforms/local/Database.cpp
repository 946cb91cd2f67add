#include "platforms/local/Database.h"

#include "platforms/local/CodeStore.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
    // 4: action code stored once per content digest (SHA-256); the versions' documents refer to it.
    // CodeStore::moveCodeOutOfDocuments() then moves the code of existing rows out of their documents.
    {
        QStringLiteral("CREATE TABLE code (digest TEXT PRIMARY KEY, code TEXT NOT NULL)"),
        QStringLiteral("ALTER TABLE actions ADD COLUMN code_digest TEXT"),
        QStringLiteral("ALTER TABLE action_versions ADD COLUMN code_digest TEXT"),
        QStringLiteral("CREATE INDEX actions_by_code ON actions (code_digest)"),
        QStringLiteral("CREATE INDEX action_versions_by_code ON action_versions (code_digest)"),
    },
    // 5: each activation record's size as stored, for retention.maxBytes; the index covers the
    // newest-first running sum that trimming by size reads.
    {
        QStringLiteral("ALTER TABLE activations ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("UPDATE activations SET bytes = length(CAST(document AS BLOB))"),
        QStringLiteral("CREATE INDEX activations_by_size ON activations (start, bytes)"),
    },
};

constexpr int kCodeStoreVersion = 4;

// The database and its companions are the owner's alone (they hold every namespace's data). SQLite
// creates -wal and -shm with the mode of the main file, so creating that one 0600 covers them;
// files an older Funcdesk left 0644 are narrowed too.
void restrictToOwner(const QString &path)
{
    const QByteArray file = QFile::encodeName(path);
    const int fd = ::open(file.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::fchmod(fd, 0600);
        ::close(fd);
    }
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        ::chmod((file + suffix).constData(), 0600); // fails harmlessly when absent
}

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
    restrictToOwner(path);
    if (!database->m_db.open())
        return database->sqlError(QStringLiteral("open %1").arg(path));
    QSqlQuery pragma(database->m_db);
    // auto_vacuum must be chosen before the first table exists (a no-op on an existing file:
    // migrate() converts those once); with it, vacuumIncrementally() gives freed pages back.
    for (const char *statement : {"PRAGMA auto_vacuum=INCREMENTAL", "PRAGMA journal_mode=WAL",
                                  "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        if (!pragma.exec(QLatin1StringView(statement)))
            return database->sqlError(QLatin1StringView(statement));
    }
    if (auto error = database->migrate())
        return *error;
    if (auto error = database->enableIncrementalVacuum())
        return *error;
    return database;
}

std::optional<PlatformError> Database::enableIncrementalVacuum()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA auto_vacuum")) || !query.next())
        return sqlError(QStringLiteral("read auto_vacuum"), query.lastError());
    if (query.value(0).toInt() == 2) // INCREMENTAL
        return std::nullopt;
    query.finish();
    // A database made before auto_vacuum was set: one VACUUM (it rewrites the file, once, at
    // start) makes the setting take effect.
    if (auto error = execute(QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL")))
        return error;
    return execute(QStringLiteral("VACUUM"));
}

std::optional<PlatformError> Database::compact(int maxPages)
{
    // Through Qt, one execution of the pragma frees one page (the driver steps a statement
    // without columns once), so it runs once per page, in one transaction: ~40 µs a page.
    const qint64 pages = std::min<qint64>(maxPages, freePages());
    if (pages > 0) {
        auto vacuumed = transaction<Done>([&]() -> Result<Done> {
            QSqlQuery vacuum(m_db);
            if (!vacuum.prepare(QStringLiteral("PRAGMA incremental_vacuum(1)")))
                return sqlError(QStringLiteral("incremental_vacuum"), vacuum.lastError());
            for (qint64 page = 0; page < pages; ++page) {
                if (!vacuum.exec())
                    return sqlError(QStringLiteral("incremental_vacuum"), vacuum.lastError());
            }
            return Done{};
        });
        if (!vacuumed)
            return vacuumed.error();
    }
    if (freePages() > 0)
        return std::nullopt; // the WAL once the last step is done
    // TRUNCATE: the WAL file shrinks to zero (the store thread's connection is the only one, so
    // no reader holds it back).
    return execute(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

qint64 Database::freePages()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA freelist_count")) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

Database::FileSizes Database::fileSizes(const QString &path)
{
    return {QFileInfo(path).size(), QFileInfo(path + QStringLiteral("-wal")).size()};
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
            if (next == kCodeStoreVersion) {
                if (auto error = CodeStore::moveCodeOutOfDocuments(*this))
                    return *error;
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
