// The database's bounds on disk (issue 18, "Disk that has a bound" and the data files' mode):
// records trimmed by bytes, freed pages and the WAL given back, code stored once per content,
// the old schema migrated with every version's code readable, every data file 0600.

#include "platforms/local/ActionRepository.h"
#include "platforms/local/ActivationRepository.h"
#include "platforms/local/LocalConfig.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace funcdesk;

namespace {

Action actionPut(const QString &code, const QString &note = {})
{
    Action action;
    action.exec = Exec();
    action.exec->kind = QStringLiteral("nodejs:20");
    action.exec->code = code;
    if (!note.isEmpty()) {
        action.annotations = KeyValueList();
        action.annotations->set(QStringLiteral("note"), note);
    }
    return action;
}

// A record with `logBytes` of logs (the size that matters to retention).
ActivationRepository::Row bigRecord(int n, qint64 logBytes)
{
    Activation activation;
    activation.ns = QStringLiteral("guest");
    activation.name = QStringLiteral("noisy");
    activation.activationId = QStringLiteral("%1").arg(n, 32, 10, QLatin1Char('0'));
    activation.start = 1000000 + n;
    activation.end = activation.start;
    activation.response = ActivationResponse();
    activation.response->setStatus(ActivationStatus::Success);
    activation.logs = QStringList{QString(logBytes, QLatin1Char('a' + n % 26))};
    return ActivationRepository::Row::of(activation);
}

qint64 filesOf(const QString &path)
{
    const Database::FileSizes sizes = Database::fileSizes(path);
    return sizes.main + sizes.wal;
}

int modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

// The statements of schema versions 1-3, as Funcdesk before the code store made them.
const char *const kOldSchema[] = {
    "CREATE TABLE actions (namespace TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,"
    " updated INTEGER NOT NULL, document TEXT NOT NULL, PRIMARY KEY (namespace, name))",
    "CREATE INDEX actions_by_update ON actions (namespace, updated)",
    "CREATE TABLE action_versions (seq INTEGER PRIMARY KEY AUTOINCREMENT, namespace TEXT NOT NULL,"
    " name TEXT NOT NULL, version TEXT NOT NULL, updated INTEGER NOT NULL, document TEXT NOT NULL)",
    "CREATE INDEX action_versions_by_action ON action_versions (namespace, name, seq)",
    "CREATE TABLE activations (activation_id TEXT PRIMARY KEY, namespace TEXT NOT NULL,"
    " name TEXT NOT NULL, start INTEGER NOT NULL, document TEXT NOT NULL)",
    "CREATE INDEX activations_by_start ON activations (namespace, start)",
    "CREATE INDEX activations_by_name ON activations (namespace, name, start)",
    "CREATE INDEX activations_for_retention ON activations (start)",
    "CREATE TABLE entities (collection TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,"
    " updated INTEGER NOT NULL, document TEXT NOT NULL, PRIMARY KEY (collection, namespace, name))",
    "CREATE TABLE buckets (namespace TEXT NOT NULL, name TEXT NOT NULL, created INTEGER NOT NULL,"
    " PRIMARY KEY (namespace, name))",
    "CREATE TABLE objects (namespace TEXT NOT NULL, bucket TEXT NOT NULL, key TEXT NOT NULL,"
    " size INTEGER NOT NULL, etag TEXT NOT NULL, modified INTEGER NOT NULL,"
    " content_type TEXT NOT NULL, PRIMARY KEY (namespace, bucket, key))",
    "PRAGMA user_version = 3",
};

} // namespace

class TestStoreBounds : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    QString path() const { return dir.filePath(QStringLiteral("funcdesk.db")); }

private Q_SLOTS:
    void init()
    {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path() + QLatin1StringView(suffix));
    }

    void theDiskAndMemoryBoundsAreSettings()
    {
        LocalConfig config;
        QCOMPARE(config.retention.maxBytes, qint64(1) << 30);
        QCOMPARE(config.executor.warmMemoryMb, 0); // half of the machine's memory
        QVERIFY(!config.apply(QStringLiteral("retention.maxBytes=5000000")).has_value());
        QVERIFY(!config.apply(QStringLiteral("warmPool.maxMemoryMB=4096")).has_value());
        QCOMPARE(config.retention.maxBytes, 5000000);
        QCOMPARE(config.executor.warmMemoryMb, 4096);
        QVERIFY(config.apply(QStringLiteral("warmPool.maxMemoryMB=-1")).has_value());
    }

    void everyDataFileIsTheOwnersOnly()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        ActionRepository actions(db.value());
        QVERIFY(actions.put(QStringLiteral("guest"), QStringLiteral("a"), actionPut(QStringLiteral("x")), false));
        for (const char *suffix : {"", "-wal", "-shm"})
            QCOMPARE(modeOf(path() + QLatin1StringView(suffix)), 0600);
    }

    void filesAnOlderFuncdeskLeftReadableAreNarrowed()
    {
        {
            auto db = Database::open(path());
            QVERIFY(db.ok());
        }
        for (const char *suffix : {"", "-wal", "-shm"})
            ::chmod(QFile::encodeName(path() + QLatin1StringView(suffix)).constData(), 0644);
        auto db = Database::open(path());
        QVERIFY(db.ok());
        QCOMPARE(modeOf(path()), 0600);
        QCOMPARE(modeOf(path() + QStringLiteral("-wal")), 0600);
    }

    void twentyVersionsOfTheSameCodeStoreItOnce()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        ActionRepository actions(db.value());
        const QString code = QStringLiteral("// ") + QString(5 * 1024 * 1024, QLatin1Char('x'));
        for (int n = 0; n < 20; ++n) // each PUT a new version; only an annotation changes
            QVERIFY(
                actions.put(QStringLiteral("guest"), QStringLiteral("big"), actionPut(code, QString::number(n)), true));
        QVERIFY(!db.value()->compact(1 << 20));
        const qint64 bytes = filesOf(path());
        QVERIFY2(bytes < 8 * 1024 * 1024, qPrintable(QString::number(bytes)));
        const auto history = actions.history(QStringLiteral("guest"), QStringLiteral("big"));
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 20);
        QCOMPARE(history->last().exec->code, code);
        QCOMPARE(actions.get(QStringLiteral("guest"), QStringLiteral("big"))->exec->code, code);
    }

    void codeNoVersionRefersToIsDropped()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        ActionRepository actions(db.value());
        for (int n = 0; n <= ActionRepository::kHistory; ++n) // the first version falls out of the history
            QVERIFY(actions.put(QStringLiteral("guest"), QStringLiteral("a"), actionPut(QString::number(n)), true));
        QVERIFY(actions.put(QStringLiteral("guest"), QStringLiteral("b"), actionPut(QStringLiteral("1")), false));
        QSqlQuery query(db.value()->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM code")) && query.next());
        QCOMPARE(query.value(0).toInt(), ActionRepository::kHistory); // "1" .. "20"; "0" went
        query.finish();
        QVERIFY(actions.remove(QStringLiteral("guest"), QStringLiteral("a")));
        QVERIFY(query.exec(QStringLiteral("SELECT code FROM code")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("1")); // b's
        QVERIFY(!query.next());
    }

    void aDatabaseOfTheOldSchemaKeepsEveryVersionsCode()
    {
        {
            QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            old.setDatabaseName(path());
            QVERIFY(old.open());
            QSqlQuery query(old);
            for (const char *statement : kOldSchema)
                QVERIFY2(query.exec(QLatin1StringView(statement)), statement);
            for (int n = 1; n <= 3; ++n) {
                const QString document =
                    QStringLiteral(R"({"namespace":"guest","name":"old","version":"0.0.%1",)"
                                   R"("exec":{"kind":"nodejs:20","code":"code %1","binary":false}})")
                        .arg(n);
                // Each version into the history, and the current one (the last written) into actions.
                for (const char *insert : {"INSERT INTO action_versions", "INSERT OR REPLACE INTO actions"}) {
                    query.prepare(QLatin1StringView(insert) +
                                  QStringLiteral(" (namespace, name, version, updated, document)"
                                                 " VALUES ('guest', 'old', ?, ?, ?)"));
                    query.addBindValue(QStringLiteral("0.0.%1").arg(n));
                    query.addBindValue(n);
                    query.addBindValue(document);
                    QVERIFY(query.exec());
                }
            }
            query.finish();
            old.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        auto db = Database::open(path());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        ActionRepository actions(db.value());
        const auto history = actions.history(QStringLiteral("guest"), QStringLiteral("old"));
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 3);
        for (int n = 1; n <= 3; ++n)
            QCOMPARE(history->at(3 - n).exec->code, QStringLiteral("code %1").arg(n));
        QCOMPARE(actions.get(QStringLiteral("guest"), QStringLiteral("old"))->exec->code, QStringLiteral("code 3"));
        QSqlQuery query(db.value()->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM action_versions WHERE document LIKE '%code 1%'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0); // moved out of the documents
        query.finish();
        // Made before auto_vacuum was set, the file was converted once.
        QVERIFY(query.exec(QStringLiteral("PRAGMA auto_vacuum")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2);
    }

    void retentionByBytesKeepsTheNewestWithinTheBound()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        ActivationRepository activations(db.value());
        QList<ActivationRepository::Row> rows;
        for (int n = 0; n < 40; ++n)
            rows.append(bigRecord(n, 100 * 1000));
        QVERIFY(activations.insert(rows));
        ActivationRepository::Retention retention;
        retention.maxBytes = 1000 * 1000;
        const auto pruned = activations.prune(retention, 1000000 + 40);
        QVERIFY(pruned.ok());
        QCOMPARE(pruned.value(), 31); // 9 records of ~100 KB fit in 1 MB
        const auto kept = activations.list({QStringLiteral("guest"), {}, {}, {}, 0, 200});
        QCOMPARE(kept->size(), 9);
        QCOMPARE(kept->first().start, 1000000 + 39); // the newest stay
        QCOMPARE(kept->last().start, 1000000 + 31);
    }

    void trimmingShrinksTheFiles()
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        ActivationRepository activations(db.value());
        for (int batch = 0; batch < 4; ++batch) {
            QList<ActivationRepository::Row> rows;
            for (int n = 0; n < 10; ++n)
                rows.append(bigRecord(batch * 10 + n, 1000 * 1000));
            QVERIFY(activations.insert(rows));
        }
        const qint64 before = filesOf(path());
        QVERIFY2(before > 40 * 1000 * 1000, qPrintable(QString::number(before)));
        ActivationRepository::Retention retention;
        retention.maxBytes = 2 * 1000 * 1000;
        QVERIFY(activations.prune(retention, 1000000 + 40));
        QVERIFY(!db.value()->compact(1 << 20));
        const qint64 after = filesOf(path());
        QVERIFY2(after < 4 * 1000 * 1000, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        QCOMPARE(Database::fileSizes(path()).wal, 0);
    }
};

QTEST_GUILESS_MAIN(TestStoreBounds)
#include "TestStoreBounds.moc"
