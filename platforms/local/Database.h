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

    // Runs `work` in one write transaction; rolled back if it fails. BEGIN IMMEDIATE takes the
    // write lock up front, so a read-then-write never fails with "database is locked" when another
    // connection writes: it waits (busy timeout) instead.
    template <typename T, typename Work> Result<T> transaction(Work &&work)
    {
        if (auto error = execute(QStringLiteral("BEGIN IMMEDIATE")))
            return *error;
        Result<T> result = work();
        if (!result.ok()) {
            execute(QStringLiteral("ROLLBACK"));
            return result;
        }
        if (auto error = execute(QStringLiteral("COMMIT"))) {
            execute(QStringLiteral("ROLLBACK"));
            return *error;
        }
        return result;
    }

    // Runs one statement; the error if it failed.
    std::optional<PlatformError> execute(const QString &statement);

    // Gives up to `maxPages` free pages back to the file system (incremental vacuum); once none
    // are left, checkpoints the WAL and truncates it. For the store thread, between batches.
    std::optional<PlatformError> compact(int maxPages);
    // Pages of the file that hold nothing (what compact() gives back); 0 when that cannot be read.
    qint64 freePages();
    // The sizes on disk of a database file and of its WAL (0 for a file that is not there).
    struct FileSizes
    {
        qint64 main = 0;
        qint64 wal = 0;
    };
    static FileSizes fileSizes(const QString &path);

    // A failed statement as a typed error; pass the query's error when a query failed.
    PlatformError sqlError(const QString &what, const QSqlError &error = QSqlError()) const;

private:
    Database() = default;
    std::optional<PlatformError> migrate();
    std::optional<PlatformError> enableIncrementalVacuum();

    QSqlDatabase m_db;
    QString m_connectionName;
    int m_schemaVersion = 0;
};

} // namespace funcdesk
