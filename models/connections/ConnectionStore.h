#pragma once

#include "core/Result.h"
#include "models/connections/ConnectionProfile.h"

#include <QFuture>
#include <QObject>

class QSettings;

namespace funcdesk {

class ConnectionKeyring;

// The console's connections: the built-in Local profile plus the user's remote profiles.
// Profiles persist in QSettings (no secrets); their auth keys in the OS keychain, service
// "Funcdesk", entry = profile id. Without a keychain service, keys stay in memory for the session
// (keychainAvailable() is false and keychainExplanation() says so).
class ConnectionStore : public QObject
{
    Q_OBJECT

public:
    // `settings` is not owned and must outlive the store.
    explicit ConnectionStore(QSettings *settings, QObject *parent = nullptr);
    ~ConnectionStore() override;

    // Local first, then the remote profiles in the order they were added.
    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString &id) const;

    // A remote profile (its id generated when empty) and its key ("" for none). Invalid when the
    // profile breaks ConnectionProfileCheck. The id on success.
    Result<QString> addProfile(ConnectionProfile profile, const QString &key);
    // `key`: the new key, or nullopt to keep the current one.
    Result<Done> updateProfile(const ConnectionProfile &profile, const std::optional<QString> &key);
    // Removes the profile and its key.
    Result<Done> removeProfile(const QString &id);

    // From memory at once when known; from the keychain otherwise.
    std::optional<QString> cachedKey(const QString &id) const;
    QFuture<Result<QString>> readKey(const QString &id);

    bool keychainAvailable() const;
    bool keychainChecked() const;
    // Asks the keychain whether it is there (e.g. when the connection dialog opens).
    void checkKeychain();
    // What the UI shows while keys are memory-only; empty while the keychain works.
    QString keychainExplanation() const;

    static QString keychainService();

Q_SIGNALS:
    void profileAdded(const QString &id);
    void profileUpdated(const QString &id, bool keyChanged);
    void profileRemoved(const QString &id);
    void keychainAvailabilityChanged(bool available);

private:
    void load();
    void save();
    qsizetype indexOf(const QString &id) const;

    QSettings *m_settings;
    ConnectionKeyring *m_keyring;
    QList<ConnectionProfile> m_remote;
};

} // namespace funcdesk
