// Issue 18, keys that do not leak, on a real `funcdeskd serve`:
// - the database (funcdesk.db, -wal, -shm) holds no key, only a salted hash, and the keys still
//   work after a restart (the key files are handed out again);
// - a database of an earlier version, with the keys in plain text, is migrated on open: the keys
//   keep working and their plain text is gone from every file;
// - `--auth UUID:KEY` is overwritten in /proc/PID/cmdline, with a warning that recommends
//   --auth-file or FUNCDESKD_AUTH; FUNCDESKD_AUTH sets the key.

#include "ServerFixture.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

namespace {

QByteArray keyOf(const QString &auth)
{
    return auth.toUtf8().mid(auth.indexOf(QLatin1Char(':')) + 1);
}

// Every byte of the database's files.
QByteArray databaseBytes(const QString &dataDir)
{
    QByteArray all;
    for (const char *suffix : {"", "-wal", "-shm"}) {
        QFile file(QDir(dataDir).filePath(QStringLiteral("funcdesk.db") + QLatin1String(suffix)));
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

QByteArray teamKey(const QString &dataDir)
{
    QFile file(QDir(dataDir).filePath(QStringLiteral("auth.d/team")));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

int namespacesStatus(const FuncdeskdProcess &server, const QByteArray &auth)
{
    HttpClient http;
    return http.request("GET", server.url(QStringLiteral("/api/v1/namespaces")), {}, auth).status;
}

const QStringList kTeam{QStringLiteral("--namespace"), QStringLiteral("team"), QStringLiteral("--allow-unsandboxed")};

} // namespace

class TestServerKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theDatabaseHoldsNoKey()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        QVERIFY2(server.start(0, kTeam), qPrintable(server.errorText()));
        const QByteArray guest = server.guestKey().toUtf8();
        const QByteArray team = teamKey(dir.path());
        QCOMPARE(keyOf(QString::fromUtf8(team)).size(), 64);
        QCOMPARE(namespacesStatus(server, guest), 200);
        QVERIFY(databaseBytes(dir.path()).contains("\"sha256\"")); // the hash is there (WAL or file)
        QVERIFY(!databaseBytes(dir.path()).contains(keyOf(QString::fromUtf8(guest))));
        QVERIFY(!databaseBytes(dir.path()).contains(keyOf(QString::fromUtf8(team))));
        QCOMPARE(server.stop(), 0);
        QVERIFY(!databaseBytes(dir.path()).contains(keyOf(QString::fromUtf8(guest))));

        // Started again: the keys are handed out from their files, unchanged, and still work.
        QVERIFY(server.start(0, kTeam));
        QCOMPARE(server.guestKey().toUtf8(), guest);
        QCOMPARE(teamKey(dir.path()), team);
        QCOMPARE(namespacesStatus(server, guest), 200);
        QCOMPARE(namespacesStatus(server, team), 200);
        QCOMPARE(server.stop(), 0);
    }

    void plainKeysOfAnOlderDatabaseAreHashedOnOpen()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        QVERIFY(server.start());
        const QString guest = server.guestKey();
        QCOMPARE(server.stop(), 0);
        { // As an earlier version stored it: {"uuid", "key"}.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(QDir(dir.path()).filePath(QStringLiteral("funcdesk.db")));
            QVERIFY(db.open());
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE entities SET document = ? WHERE collection = 'namespaces'"));
            query.addBindValue(QStringLiteral(R"({"uuid":"%1","key":"%2"})")
                                   .arg(guest.section(QLatin1Char(':'), 0, 0), QString::fromUtf8(keyOf(guest))));
            QVERIFY(query.exec());
            QCOMPARE(query.numRowsAffected(), 1);
            QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        QVERIFY(databaseBytes(dir.path()).contains(keyOf(guest))); // the older form, in plain text

        QVERIFY(server.start());
        QCOMPARE(server.guestKey(), guest);
        QCOMPARE(namespacesStatus(server, guest.toUtf8()), 200);
        QVERIFY(!databaseBytes(dir.path()).contains(keyOf(guest)));
        QCOMPARE(server.stop(), 0);
        QVERIFY(!databaseBytes(dir.path()).contains(keyOf(guest)));
    }

    void theAuthOptionIsOverwrittenInTheProcessList()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        const QByteArray auth = "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:" + QByteArray(64, 'k');
        QVERIFY(server.start(0, {QStringLiteral("--auth"), QString::fromLatin1(auth)}));
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(server.processId()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        const QByteArray shown = cmdline.readAll();
        QVERIFY2(!shown.contains(QByteArray(64, 'k')), shown.constData());
        QVERIFY(shown.contains("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:")); // which uuid, not the key
        QCOMPARE(namespacesStatus(server, auth), 200);
        QCOMPARE(server.stop(), 0);
        const QByteArray log = server.stderrText();
        QVERIFY2(log.contains("--auth-file") && log.contains("FUNCDESKD_AUTH"), log.constData());
    }

    void theEnvironmentVariableSetsTheKey()
    {
        QTemporaryDir dir;
        FuncdeskdProcess server(dir.path());
        const QByteArray auth = "0e1a7d2c-62b4-4b11-9d0e-53c1a2f4b8e7:" + QByteArray(64, 'e');
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("FUNCDESKD_AUTH"), QString::fromLatin1(auth));
        server.setEnvironment(environment);
        QVERIFY(server.start());
        QCOMPARE(server.guestKey().toUtf8(), auth);
        QCOMPARE(namespacesStatus(server, auth), 200);
        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.stderrText().contains("warning"));
    }
};

QTEST_GUILESS_MAIN(TestServerKeys)
#include "TestServerKeys.moc"
