#pragma once

#include "core/Result.h"
#include "models/connections/ConnectionHealth.h"
#include "models/connections/ConnectionProfile.h"

#include <QFuture>
#include <QHash>
#include <QObject>

namespace funcdesk {

class ConnectionStore;
class Platform;

// The current connection: which profile is in use, its Platform (the app's Local one, or an
// OpenWhiskPlatform built from a remote profile and its key, kept for reuse), and whether it is
// online. Edits to the current profile rebuild its platform; removing it falls back to Local.
class ConnectionManager : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionManager(ConnectionStore *store, QObject *parent = nullptr);
    ~ConnectionManager() override;

    // The embedded Local platform (not owned). The manager starts on the Local connection.
    void setLocalPlatform(Platform *platform);
    // Why the Local platform could not start (empty: it is starting): the Local connection's
    // offline reason until setLocalPlatform().
    void setLocalProblem(const QString &problem);

    // Null only before setLocalPlatform() while Local is current.
    Platform *current() const { return m_current; }
    ConnectionProfile currentProfile() const { return m_profile; }
    // Switches at once when the key is known (it is read at start-up); otherwise as soon as the
    // keychain has answered. False for an unknown id.
    bool setCurrent(const QString &id);

    bool isOnline() const { return m_health->isOnline(); }
    QString offlineReason() const { return m_health->isOnline() ? QString() : m_health->reason(); }
    ConnectionHealth *health() const { return m_health; }
    // Why the current remote connection has no key (e.g. no keychain service kept it over a
    // restart); empty when it has one, and for Local. Set before currentChanged is emitted.
    QString keyProblem() const { return m_keyProblem; }

    // What the server says to `profile` with `key` (nullopt: the stored key): a success sentence,
    // or an error whose message is the server's refusal.
    QFuture<Result<QString>> testConnection(const ConnectionProfile &profile, const std::optional<QString> &key);

Q_SIGNALS:
    void currentChanged(funcdesk::Platform *platform);
    void currentProfileChanged(const funcdesk::ConnectionProfile &profile);
    void availabilityChanged(bool online, const QString &reason);

private:
    QString localBlockedReason() const;
    bool activate(const QString &id, bool announce);
    // `keyProblem`: why there is no key, when there is none.
    void switchTo(const ConnectionProfile &profile, const std::optional<QString> &key, bool announce,
                  const QString &keyProblem = {});
    Platform *remotePlatform(const ConnectionProfile &profile, const QString &key);
    void dropRemote(const QString &id);
    void onProfileUpdated(const QString &id);
    void onProfileRemoved(const QString &id);

    ConnectionStore *m_store;
    ConnectionHealth *m_health;
    Platform *m_local = nullptr;
    Platform *m_current = nullptr;
    ConnectionProfile m_profile;
    QString m_keyProblem;
    QString m_localProblem;               // why the Local platform could not start
    QHash<QString, Platform *> m_remotes; // by profile id, owned
    quint64 m_switchSerial = 0;           // a key that arrives after a newer switch is dropped
};

} // namespace funcdesk
