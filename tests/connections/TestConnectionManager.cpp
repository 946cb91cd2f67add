// ConnectionManager against a real `funcdeskd serve` started here: switching to a remote
// connection brings it online, "Test connection" reports what the server said (and a wrong key
// as the server's refusal), a stopped server shows as offline with the reason, and the same
// server started again on its port is noticed without anyone asking.

#include "support/FuncdeskdProcess.h"

#include "models/connections/ConnectionManager.h"
#include "models/connections/ConnectionStore.h"
#include "support/Futures.h"
#include "support/LocalFixture.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

class TestConnectionManager : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_serverData;
    std::unique_ptr<FuncdeskdProcess> m_server;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<LocalFixture> m_localFixture;
    LocalPlatform *m_local = nullptr;
    QString m_key;

    ConnectionProfile serverProfile(const QString &name) const
    {
        ConnectionProfile profile;
        profile.name = name;
        profile.apiHost = m_server->apiHost();
        return profile;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<FuncdeskdProcess>(m_serverData.path());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorText()));
        m_key = m_server->guestKey();
        QVERIFY(m_key.contains(QLatin1Char(':')));

        m_localFixture = std::make_unique<LocalFixture>();
        m_local = m_localFixture->platform.get();

        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("funcdesk.ini")), QSettings::IniFormat);
        m_store = std::make_unique<ConnectionStore>(m_settings.get());
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_store.reset();
    }

    void startsOnTheLocalConnection()
    {
        ConnectionManager manager(m_store.get());
        QSignalSpy changed(&manager, &ConnectionManager::currentChanged);
        QCOMPARE(manager.currentProfile().id, QStringLiteral("local"));
        manager.setLocalPlatform(m_local);
        QCOMPARE(manager.current(), m_local);
        QCOMPARE(changed.count(), 1);
        QTRY_VERIFY(manager.isOnline());
        QVERIFY(manager.offlineReason().isEmpty());

        const auto answer = wait(manager.testConnection(ConnectionProfile::local(), std::nullopt));
        QVERIFY2(answer.ok(), qPrintable(answer ? QString() : answer.error().message));
        QVERIFY2(answer->startsWith(QStringLiteral("Connected: ")), qPrintable(*answer));
        QVERIFY(!manager.setCurrent(QStringLiteral("no-such-id")));
    }

    void switchingToARemoteIsInstantAndGoesOnline()
    {
        const QString id = *m_store->addProfile(serverProfile(QStringLiteral("Server")), m_key);
        ConnectionManager manager(m_store.get());
        manager.setLocalPlatform(m_local);
        QSignalSpy changed(&manager, &ConnectionManager::currentChanged);
        QSignalSpy profiles(&manager, &ConnectionManager::currentProfileChanged);

        QVERIFY(manager.setCurrent(id));
        // No waiting: the platform is there when setCurrent returns.
        QCOMPARE(changed.count(), 1);
        QCOMPARE(profiles.count(), 1);
        QCOMPARE(manager.currentProfile().id, id);
        Platform *remote = manager.current();
        QVERIFY(remote && remote != m_local);
        QTRY_VERIFY_WITH_TIMEOUT(manager.isOnline(), 15000);
        const auto actions = wait(remote->listActions({}));
        QVERIFY2(actions.ok(), qPrintable(actions ? QString() : actions.error().message));

        // Back to Local and again to the remote: the remote platform object is reused.
        QVERIFY(manager.setCurrent(QStringLiteral("local")));
        QCOMPARE(manager.current(), m_local);
        QVERIFY(manager.setCurrent(id));
        QCOMPARE(manager.current(), remote);
        QVERIFY(m_store->removeProfile(id).ok());
        // Removing the current connection falls back to Local.
        QCOMPARE(manager.currentProfile().id, QStringLiteral("local"));
        QCOMPARE(manager.current(), m_local);
    }

    void testConnectionReportsWhatTheServerSaid()
    {
        ConnectionManager manager(m_store.get());
        const auto profile = serverProfile(QStringLiteral("Unsaved"));
        const auto answer = wait(manager.testConnection(profile, m_key));
        QVERIFY2(answer.ok(), qPrintable(answer ? QString() : answer.error().message));
        qInfo("%s", qPrintable(*answer));
        QVERIFY(answer->startsWith(QStringLiteral("Connected: ")));
        QVERIFY(answer->contains(QStringLiteral("OpenWhisk API")));
        QVERIFY(answer->contains(QStringLiteral("nodejs:")));
        QVERIFY(answer->endsWith(QStringLiteral("namespace guest")));
        QVERIFY(!answer->contains(m_key));

        const QString wrongKey = m_key.section(QLatin1Char(':'), 0, 0) + QStringLiteral(":not-the-key");
        const auto refused = wait(manager.testConnection(profile, wrongKey));
        QVERIFY(!refused.ok());
        qInfo("%s", qPrintable(refused.error().message));
        QCOMPARE(refused.error().kind, PlatformError::Kind::Auth);
        QVERIFY(refused.error().message.startsWith(QStringLiteral("The server refused the key: ")));
        QVERIFY(refused.error().message.contains(QStringLiteral("The supplied authentication is invalid")));
        QVERIFY(!refused.error().message.contains(QStringLiteral("not-the-key")));

        auto elsewhere = profile;
        elsewhere.apiHost = QStringLiteral("http://127.0.0.1:1");
        const auto unreachable = wait(manager.testConnection(elsewhere, m_key));
        QVERIFY(!unreachable.ok());
        QCOMPARE(unreachable.error().kind, PlatformError::Kind::Network);
        QVERIFY(!unreachable.error().message.isEmpty());
    }

    void aRefusedKeyShowsAsOffline()
    {
        const QString id = *m_store->addProfile(serverProfile(QStringLiteral("Wrong key")), QStringLiteral("a:b"));
        ConnectionManager manager(m_store.get());
        manager.setLocalPlatform(m_local);
        QVERIFY(manager.setCurrent(id));
        QTRY_VERIFY_WITH_TIMEOUT(!manager.isOnline(), 15000);
        QVERIFY2(manager.offlineReason().startsWith(QStringLiteral("The server refused the key")),
                 qPrintable(manager.offlineReason()));

        // Entering the right key rebuilds the platform and the connection comes up.
        QSignalSpy changed(&manager, &ConnectionManager::currentChanged);
        QVERIFY(m_store->updateProfile(*m_store->profile(id), m_key).ok());
        QCOMPARE(changed.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(manager.isOnline(), 15000);
        QVERIFY(m_store->removeProfile(id).ok());
    }

    void aKeyLostWithTheSessionShowsAsOfflineWithTheReason()
    {
        const QString id = *m_store->addProfile(serverProfile(QStringLiteral("Next session")), m_key);
        // A new store on the same settings is the next start of the console.
        QSettings settings(m_settings->fileName(), QSettings::IniFormat);
        ConnectionStore nextStart(&settings);
        ConnectionManager manager(&nextStart);
        manager.setLocalPlatform(m_local);
        QVERIFY(manager.setCurrent(id));
        // The key is read from the keychain first; the switch follows its answer.
        QTRY_COMPARE_WITH_TIMEOUT(manager.currentProfile().id, id, 30000);
        QVERIFY(manager.current() != m_local);
        QTRY_VERIFY(nextStart.keychainChecked());
        if (nextStart.keychainAvailable()) {
            QTRY_VERIFY_WITH_TIMEOUT(manager.isOnline(), 15000);
        } else {
            QVERIFY(!manager.isOnline());
            QVERIFY2(manager.offlineReason().contains(QStringLiteral("memory")), qPrintable(manager.offlineReason()));
        }
        QVERIFY(m_store->removeProfile(id).ok());
    }

    void aStoppedServerGoesOfflineAndRecoversByItself()
    {
        const QString id = *m_store->addProfile(serverProfile(QStringLiteral("Restarting")), m_key);
        ConnectionManager manager(m_store.get());
        manager.setLocalPlatform(m_local);
        QSignalSpy availability(&manager, &ConnectionManager::availabilityChanged);
        QVERIFY(manager.setCurrent(id));
        QTRY_VERIFY_WITH_TIMEOUT(manager.isOnline(), 15000);

        const quint16 port = m_server->port();
        m_server->stop();
        QElapsedTimer sinceStop;
        sinceStop.start();
        QTRY_VERIFY_WITH_TIMEOUT(!manager.isOnline(), 15000);
        qInfo("offline after %lld ms: %s", sinceStop.elapsed(), qPrintable(manager.offlineReason()));
        QVERIFY(!manager.offlineReason().isEmpty());
        QVERIFY(!availability.isEmpty());
        QCOMPARE(availability.last().at(0).toBool(), false);
        QCOMPARE(availability.last().at(1).toString(), manager.offlineReason());

        QVERIFY2(m_server->start(port), qPrintable(m_server->errorText()));
        QCOMPARE(m_server->port(), port);
        QElapsedTimer sinceStart;
        sinceStart.start();
        QTRY_VERIFY_WITH_TIMEOUT(manager.isOnline(), 45000);
        qInfo("online again %lld ms after the restart", sinceStart.elapsed());
        QCOMPARE(availability.last().at(0).toBool(), true);
        QVERIFY(manager.offlineReason().isEmpty());
        QVERIFY(m_store->removeProfile(id).ok());
    }
};

QTEST_GUILESS_MAIN(TestConnectionManager)
#include "TestConnectionManager.moc"
