// ConnectionStore: remote profiles persist in QSettings without their keys; keys go to the
// keychain, or — where no keychain service runs, as on CI machines — stay in memory for the
// session, and the store says so. Plus the profile checks and the list model over the store.

#include "models/connections/ConnectionListModel.h"
#include "models/connections/ConnectionProfileCheck.h"
#include "models/connections/ConnectionStore.h"
#include "support/Futures.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace funcdesk;
using namespace funcdesk::test;

namespace {

const QString kKey = QStringLiteral("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:sEcReTkEy0123456789abcdefXYZ");

ConnectionProfile remote(const QString &name, const QString &apiHost = QStringLiteral("https://ow.example.com"))
{
    ConnectionProfile profile;
    profile.name = name;
    profile.apiHost = apiHost;
    return profile;
}

} // namespace

class TestConnectionStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString settingsPath() const { return m_dir.filePath(QStringLiteral("funcdesk.ini")); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init() { QFile::remove(settingsPath()); }

    void localProfileIsBuiltInAndAlwaysFirst()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ConnectionStore store(&settings);
        const auto profiles = store.profiles();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.first().id, QStringLiteral("local"));
        QVERIFY(profiles.first().isLocal());
        QVERIFY(!profiles.first().isEditable());

        QVERIFY(!store.removeProfile(QStringLiteral("local")));
        auto local = ConnectionProfile::local();
        local.name = QStringLiteral("Renamed");
        const auto updated = store.updateProfile(local, std::nullopt);
        QVERIFY(!updated);
        QCOMPARE(updated.error().kind, PlatformError::Kind::Invalid);
        QCOMPARE(store.profiles().size(), 1);
    }

    void profilesPersistWithoutTheirKeys()
    {
        QString id;
        {
            QSettings settings(settingsPath(), QSettings::IniFormat);
            ConnectionStore store(&settings);
            auto profile = remote(QStringLiteral("Staging"), QStringLiteral("http://127.0.0.1:3233"));
            profile.namespaceName = QStringLiteral("team-a");
            profile.ignoreCertificateErrors = true;
            const auto added = store.addProfile(profile, kKey);
            QVERIFY2(added.ok(), qPrintable(added ? QString() : added.error().message));
            id = *added;
            QVERIFY(!id.isEmpty());
            QCOMPARE(store.cachedKey(id), kKey);
        }
        const QByteArray bytes = [&] {
            QFile file(settingsPath());
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        QVERIFY(bytes.contains("Staging"));
        QVERIFY(!bytes.contains(kKey.toUtf8()));
        QVERIFY(!bytes.contains("sEcReTkEy"));
        QVERIFY(!bytes.contains(kKey.toUtf8().toBase64()));

        QSettings settings(settingsPath(), QSettings::IniFormat);
        ConnectionStore reopened(&settings);
        const auto profile = reopened.profile(id);
        QVERIFY(profile.has_value());
        QCOMPARE(profile->name, QStringLiteral("Staging"));
        QCOMPARE(profile->apiHost, QStringLiteral("http://127.0.0.1:3233"));
        QCOMPARE(profile->namespaceName, QStringLiteral("team-a"));
        QVERIFY(profile->ignoreCertificateErrors);
        QCOMPARE(profile->kind, ConnectionProfile::Kind::Remote);
        QCOMPARE(reopened.profiles().size(), 2);
        // Clean up the keychain entry if a keychain is there.
        QVERIFY(reopened.removeProfile(id).ok());
    }

    void withoutKeychainKeysStayInMemoryForTheSession()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ConnectionStore store(&settings);
        QSignalSpy availability(&store, &ConnectionStore::keychainAvailabilityChanged);
        store.checkKeychain();
        QTRY_VERIFY_WITH_TIMEOUT(store.keychainChecked(), 30000);

        const auto added = store.addProfile(remote(QStringLiteral("Prod")), kKey);
        QVERIFY(added.ok());
        const QString id = *added;
        // Written or not, the session can use the key at once.
        QCOMPARE(store.cachedKey(id), kKey);
        const auto read = wait(store.readKey(id));
        QVERIFY(read.ok());
        QCOMPARE(*read, kKey);

        QSettings otherSettings(settingsPath(), QSettings::IniFormat);
        ConnectionStore nextSession(&otherSettings);
        const auto again = wait(nextSession.readKey(id));
        if (!store.keychainAvailable()) {
            qInfo("No keychain service: checking the in-memory fallback");
            QCOMPARE(availability.count(), 1);
            QCOMPARE(availability.first().first().toBool(), false);
            QCOMPARE(store.keychainExplanation(),
                     QStringLiteral("No keychain service is running; keys are kept in memory until you quit."));
            // The next session (a new store, as after a restart) has no key for the profile.
            QVERIFY(!again.ok());
            QCOMPARE(again.error().kind, PlatformError::Kind::NotFound);
            QVERIFY(again.error().message.contains(QStringLiteral("memory")));
            QVERIFY(!again.error().message.contains(QStringLiteral("sEcReTkEy")));
        } else {
            qInfo("A keychain service answers: checking the round trip through it");
            QVERIFY(store.keychainExplanation().isEmpty());
            QVERIFY2(again.ok(), qPrintable(again ? QString() : again.error().message));
            QCOMPARE(*again, kKey);
        }
        QFile file(settingsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("sEcReTkEy"));

        // Removing the profile removes its key, from memory and keychain alike.
        QVERIFY(store.removeProfile(id).ok());
        QVERIFY(!store.cachedKey(id).has_value());
        QVERIFY(!wait(store.readKey(id)).ok());
        QSettings thirdSettings(settingsPath(), QSettings::IniFormat);
        ConnectionStore thirdSession(&thirdSettings);
        QVERIFY(!wait(thirdSession.readKey(id)).ok());
    }

    void editKeepsOrReplacesTheKeyAndSignals()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ConnectionStore store(&settings);
        QSignalSpy added(&store, &ConnectionStore::profileAdded);
        QSignalSpy updated(&store, &ConnectionStore::profileUpdated);
        QSignalSpy removed(&store, &ConnectionStore::profileRemoved);
        const QString id = *store.addProfile(remote(QStringLiteral("Dev")), kKey);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().first().toString(), id);

        auto profile = *store.profile(id);
        profile.name = QStringLiteral("Development");
        QVERIFY(store.updateProfile(profile, std::nullopt).ok());
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.last().at(1).toBool(), false);
        QCOMPARE(store.cachedKey(id), kKey);
        QCOMPARE(store.profile(id)->name, QStringLiteral("Development"));

        QVERIFY(store.updateProfile(profile, QStringLiteral("other:key")).ok());
        QCOMPARE(updated.count(), 2);
        QCOMPARE(updated.last().at(1).toBool(), true);
        QCOMPARE(store.cachedKey(id), QStringLiteral("other:key"));

        QVERIFY(store.removeProfile(id).ok());
        QCOMPARE(removed.count(), 1);
        QVERIFY(!store.profile(id).has_value());
        QVERIFY(!store.removeProfile(id).ok());
    }

    void invalidProfilesAreRefusedWithTheReason()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ConnectionStore store(&settings);
        const auto noName = store.addProfile(remote(QStringLiteral("  ")), kKey);
        QVERIFY(!noName.ok());
        QCOMPARE(noName.error().kind, PlatformError::Kind::Invalid);
        QVERIFY(!store.addProfile(remote(QStringLiteral("X"), QStringLiteral("ftp://host")), {}).ok());
        QVERIFY(!store.addProfile(remote(QStringLiteral("Local")), {}).ok()); // name taken
        // A key pasted into the URL would land in the settings file: refused.
        const auto withCredentials =
            store.addProfile(remote(QStringLiteral("Y"), QStringLiteral("https://uuid:secret@ow.example.com")), {});
        QVERIFY(!withCredentials.ok());
        QVERIFY(!withCredentials.error().message.contains(QStringLiteral("secret")));
        QCOMPARE(store.profiles().size(), 1);
    }

    void profileCheckSaysWhatIsWrongPerField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("apiHost");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<bool>("nameOk");
        QTest::addColumn<bool>("hostOk");
        QTest::addColumn<bool>("nsOk");
        QTest::newRow("all good") << "Staging"
                                  << "https://ow.example.com"
                                  << "_" << true << true << true;
        QTest::newRow("host:port") << "S"
                                   << "127.0.0.1:3233"
                                   << "guest" << true << true << true;
        QTest::newRow("http with path") << "S"
                                        << "http://proxy.example.com/openwhisk"
                                        << "_" << true << true << true;
        QTest::newRow("empty name") << ""
                                    << "https://ow.example.com"
                                    << "_" << false << true << true;
        QTest::newRow("duplicate name") << "local"
                                        << "https://ow.example.com"
                                        << "_" << false << true << true;
        QTest::newRow("empty host") << "S"
                                    << ""
                                    << "_" << true << false << true;
        QTest::newRow("other scheme") << "S"
                                      << "ftp://ow.example.com"
                                      << "_" << true << false << true;
        QTest::newRow("garbage host") << "S"
                                      << "http://"
                                      << "_" << true << false << true;
        QTest::newRow("spaces in host") << "S"
                                        << "https://ow example.com"
                                        << "_" << true << false << true;
        QTest::newRow("empty namespace") << "S"
                                         << "https://ow.example.com"
                                         << "" << true << true << false;
        QTest::newRow("bad namespace") << "S"
                                       << "https://ow.example.com"
                                       << "/x" << true << true << false;
    }

    void profileCheckSaysWhatIsWrongPerField()
    {
        QFETCH(QString, name);
        QFETCH(QString, apiHost);
        QFETCH(QString, ns);
        ConnectionProfile profile = ConnectionProfile::newRemote();
        profile.name = name;
        profile.apiHost = apiHost;
        profile.namespaceName = ns;
        const auto problems = ConnectionProfileCheck::check(profile, {ConnectionProfile::local()});
        QTEST(problems.name.isEmpty(), "nameOk");
        QTEST(problems.apiHost.isEmpty(), "hostOk");
        QTEST(problems.namespaceName.isEmpty(), "nsOk");
    }

    void listModelFollowsTheStore()
    {
        QSettings settings(settingsPath(), QSettings::IniFormat);
        ConnectionStore store(&settings);
        ConnectionListModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.idAt(0), QStringLiteral("local"));
        QVERIFY(model.data(model.index(0), ConnectionListModel::IsLocalRole).toBool());

        const QString a = *store.addProfile(remote(QStringLiteral("A")), {});
        const QString b = *store.addProfile(remote(QStringLiteral("B"), QStringLiteral("http://b:1")), {});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(b), 2);
        QCOMPARE(model.data(model.index(2)).toString(), QStringLiteral("B"));
        QCOMPARE(model.data(model.index(2), Qt::ToolTipRole).toString(), QStringLiteral("http://b:1"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto profile = *store.profile(a);
        profile.name = QStringLiteral("A2");
        QVERIFY(store.updateProfile(profile, std::nullopt).ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.data(model.index(1)).toString(), QStringLiteral("A2"));

        QVERIFY(store.removeProfile(a).ok());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(a), -1);
        QCOMPARE(model.rowOf(b), 1);
        QVERIFY(store.removeProfile(b).ok());
    }
};

QTEST_GUILESS_MAIN(TestConnectionStore)
#include "TestConnectionStore.moc"
