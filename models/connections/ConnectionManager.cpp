#include "models/connections/ConnectionManager.h"
#include "core/FutureCallback.h"

#include <QPromise>

#include "models/connections/ConnectionStore.h"
#include "models/connections/ConnectionTest.h"
#include "platforms/openwhisk/OpenWhiskPlatform.h"

namespace funcdesk {

ConnectionManager::ConnectionManager(ConnectionStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_health(new ConnectionHealth(this)), m_profile(ConnectionProfile::local())
{
    connect(m_health, &ConnectionHealth::availabilityChanged, this, &ConnectionManager::availabilityChanged);
    connect(store, &ConnectionStore::profileUpdated, this, &ConnectionManager::onProfileUpdated);
    connect(store, &ConnectionStore::profileRemoved, this, &ConnectionManager::onProfileRemoved);
}

ConnectionManager::~ConnectionManager() = default;

void ConnectionManager::setLocalPlatform(Platform *platform)
{
    m_local = platform;
    if (m_profile.isLocal())
        switchTo(m_profile, std::nullopt, false);
}

bool ConnectionManager::setCurrent(const QString &id)
{
    return activate(id, false);
}

bool ConnectionManager::activate(const QString &id, bool announce)
{
    const auto profile = m_store->profile(id);
    if (!profile)
        return false;
    const quint64 serial = ++m_switchSerial;
    if (profile->isLocal()) {
        switchTo(*profile, std::nullopt, announce);
        return true;
    }
    if (const auto key = m_store->cachedKey(id)) {
        switchTo(*profile, key, announce);
        return true;
    }
    onResult(m_store->readKey(id), this, [this, serial, id, announce](Result<QString> key) {
        const auto latest = m_store->profile(id);
        if (serial != m_switchSerial || !latest)
            return;
        if (key)
            switchTo(*latest, *key, announce);
        else
            switchTo(*latest, std::nullopt, announce, key.error().message);
    });
    return true;
}

QString ConnectionManager::localBlockedReason() const
{
    return m_localProblem.isEmpty() ? tr("The local platform is starting…") : m_localProblem;
}

void ConnectionManager::setLocalProblem(const QString &problem)
{
    m_localProblem = problem;
    if (m_profile.isLocal() && !m_local) {
        m_keyProblem = localBlockedReason();
        m_health->watch(nullptr, m_keyProblem);
    }
}

void ConnectionManager::switchTo(const ConnectionProfile &profile, const std::optional<QString> &key, bool announce,
                                 const QString &keyProblem)
{
    Platform *platform = nullptr;
    QString blocked;
    if (profile.isLocal()) {
        platform = m_local;
        if (!m_local) // the console shows its window before the local platform is up
            blocked = localBlockedReason();
    } else {
        platform = remotePlatform(profile, key.value_or(QString()));
        if (!keyProblem.isEmpty())
            blocked = keyProblem;
        else if (!key || key->isEmpty())
            blocked = tr("No auth key is stored for this connection. Edit the connection to enter its key.");
    }
    Platform *previous = m_current;
    const bool platformChanged = platform != previous;
    const bool profileChanged = announce || profile != m_profile;
    m_current = platform;
    m_profile = profile;
    m_keyProblem = blocked;
    if (profileChanged)
        Q_EMIT currentProfileChanged(profile);
    if (platformChanged)
        Q_EMIT currentChanged(platform);
    if (platformChanged || profileChanged || !platform)
        m_health->watch(platform, blocked);
    // A platform dropped while it was current (its profile was edited) goes once replaced.
    if (platformChanged && previous && previous != m_local && !m_remotes.values().contains(previous))
        previous->deleteLater();
}

Platform *ConnectionManager::remotePlatform(const ConnectionProfile &profile, const QString &key)
{
    if (auto *existing = m_remotes.value(profile.id))
        return existing;
    OpenWhiskConfig config;
    config.apiHost = profile.apiHost;
    config.auth = key;
    config.ns = profile.namespaceName;
    config.ignoreCertificateErrors = profile.ignoreCertificateErrors;
    config.caCertificateFile = profile.caCertificateFile;
    config.pinnedCertificateSha256 = profile.pinnedCertificateSha256;
    auto *platform = new OpenWhiskPlatform(config, this);
    m_remotes.insert(profile.id, platform);
    return platform;
}

void ConnectionManager::dropRemote(const QString &id)
{
    // The current one stays until switchTo() has replaced it; deleted later either way, since
    // panels may still hold the pointer until they have handled currentChanged.
    auto *platform = m_remotes.take(id);
    if (platform && platform != m_current)
        platform->deleteLater();
}

void ConnectionManager::onProfileUpdated(const QString &id)
{
    // The platform was built from the old address or key: build it again on next use.
    dropRemote(id);
    if (m_profile.id != id)
        return;
    activate(id, true);
}

void ConnectionManager::onProfileRemoved(const QString &id)
{
    if (m_profile.id == id)
        setCurrent(ConnectionProfile::localId());
    dropRemote(id);
}

QFuture<Result<QString>> ConnectionManager::testConnection(const ConnectionProfile &profile,
                                                           const std::optional<QString> &key)
{
    if (profile.isLocal()) {
        if (!m_local)
            return readyResult(
                Result<QString>::failure(PlatformError::Kind::Network, tr("The local platform is not running.")));
        return ConnectionTest::run(m_local, this);
    }
    if (key)
        return ConnectionTest::run(profile, *key, this);
    // Not QFuture::then + unwrap: see core/FutureCallback.h.
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    QFuture<Result<QString>> answer = promise->future();
    onResult(m_store->readKey(profile.id), this, [this, profile, promise](Result<QString> stored) {
        onResult(ConnectionTest::run(profile, stored ? *stored : QString(), this), this,
                 [promise](Result<QString> outcome) {
                     promise->addResult(outcome);
                     promise->finish();
                 });
    });
    return answer;
}

} // namespace funcdesk
