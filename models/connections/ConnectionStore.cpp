#include "models/connections/ConnectionStore.h"

#include "models/connections/ConnectionKeyring.h"
#include "models/connections/ConnectionProfileCheck.h"

#include <QSettings>

namespace funcdesk {

namespace {

// The settings layout, written in one place. No key, ever: see ConnectionKeyring.
const QLatin1StringView kArray("connections/profiles");
const QLatin1StringView kId("id");
const QLatin1StringView kName("name");
const QLatin1StringView kApiHost("apiHost");
const QLatin1StringView kNamespace("namespace");
const QLatin1StringView kIgnoreCertificateErrors("ignoreCertificateErrors");
const QLatin1StringView kCaCertificateFile("caCertificateFile");
const QLatin1StringView kPinnedCertificateSha256("pinnedCertificateSha256");

ConnectionProfile normalized(ConnectionProfile profile)
{
    profile.name = profile.name.trimmed();
    profile.apiHost = profile.apiHost.trimmed();
    profile.namespaceName = profile.namespaceName.trimmed();
    profile.caCertificateFile = profile.caCertificateFile.trimmed();
    profile.pinnedCertificateSha256 = profile.pinnedCertificateSha256.trimmed();
    profile.kind = ConnectionProfile::Kind::Remote;
    return profile;
}

Result<Done> checked(const ConnectionProfile &profile, const QList<ConnectionProfile> &others)
{
    const auto problems = ConnectionProfileCheck::check(profile, others);
    if (problems.ok())
        return Done{};
    for (const QString &problem : {problems.name, problems.apiHost, problems.namespaceName, problems.trust}) {
        if (!problem.isEmpty())
            return Result<Done>::failure(PlatformError::Kind::Invalid, problem);
    }
    return Done{};
}

Result<Done> notFound()
{
    return Result<Done>::failure(PlatformError::Kind::NotFound, ConnectionStore::tr("There is no such connection."));
}

Result<Done> builtIn()
{
    return Result<Done>::failure(
        PlatformError::Kind::Invalid,
        ConnectionStore::tr("The Local connection is built in: it cannot be changed or removed."));
}

} // namespace

ConnectionStore::ConnectionStore(QSettings *settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_keyring(new ConnectionKeyring(keychainService(), this))
{
    connect(m_keyring, &ConnectionKeyring::availabilityChanged, this, &ConnectionStore::keychainAvailabilityChanged);
    load();
    // Read the keys early so switching to a connection later needs no wait (and so a missing
    // keychain is noticed before the user types a key).
    for (const auto &profile : std::as_const(m_remote))
        m_keyring->read(profile.id);
}

ConnectionStore::~ConnectionStore() = default;

QString ConnectionStore::keychainService()
{
    return QStringLiteral("Funcdesk");
}

QList<ConnectionProfile> ConnectionStore::profiles() const
{
    QList<ConnectionProfile> all{ConnectionProfile::local()};
    all.append(m_remote);
    return all;
}

std::optional<ConnectionProfile> ConnectionStore::profile(const QString &id) const
{
    if (id == ConnectionProfile::localId())
        return ConnectionProfile::local();
    const qsizetype index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    return m_remote.at(index);
}

Result<QString> ConnectionStore::addProfile(ConnectionProfile profile, const QString &key)
{
    profile = normalized(std::move(profile));
    if (profile.id.isEmpty())
        profile.id = ConnectionProfile::newRemote().id;
    if (profile.id == ConnectionProfile::localId() || indexOf(profile.id) >= 0)
        return PlatformError{PlatformError::Kind::Conflict, tr("A connection with this id already exists.")};
    if (const auto result = checked(profile, profiles()); !result)
        return result.error();
    m_remote.append(profile);
    save();
    if (!key.isEmpty())
        m_keyring->write(profile.id, key);
    Q_EMIT profileAdded(profile.id);
    return profile.id;
}

Result<Done> ConnectionStore::updateProfile(const ConnectionProfile &changed, const std::optional<QString> &key)
{
    if (changed.id == ConnectionProfile::localId())
        return builtIn();
    const qsizetype index = indexOf(changed.id);
    if (index < 0)
        return notFound();
    const ConnectionProfile profile = normalized(changed);
    if (const auto result = checked(profile, profiles()); !result)
        return result;
    const bool keyChanged = key.has_value() && m_keyring->cachedKey(profile.id) != key;
    m_remote[index] = profile;
    save();
    if (keyChanged) {
        if (key->isEmpty())
            m_keyring->remove(profile.id);
        else
            m_keyring->write(profile.id, *key);
    }
    Q_EMIT profileUpdated(profile.id, keyChanged);
    return Done{};
}

Result<Done> ConnectionStore::removeProfile(const QString &id)
{
    if (id == ConnectionProfile::localId())
        return builtIn();
    const qsizetype index = indexOf(id);
    if (index < 0)
        return notFound();
    m_remote.removeAt(index);
    save();
    m_keyring->remove(id);
    Q_EMIT profileRemoved(id);
    return Done{};
}

std::optional<QString> ConnectionStore::cachedKey(const QString &id) const
{
    return m_keyring->cachedKey(id);
}

QFuture<Result<QString>> ConnectionStore::readKey(const QString &id)
{
    return m_keyring->read(id);
}

bool ConnectionStore::keychainAvailable() const
{
    return m_keyring->isAvailable();
}

bool ConnectionStore::keychainChecked() const
{
    return m_keyring->isChecked();
}

void ConnectionStore::checkKeychain()
{
    m_keyring->check();
}

QString ConnectionStore::keychainExplanation() const
{
    return m_keyring->isAvailable() ? QString() : ConnectionKeyring::unavailableExplanation();
}

void ConnectionStore::load()
{
    const int count = m_settings->beginReadArray(kArray);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile profile;
        profile.id = m_settings->value(kId).toString();
        profile.name = m_settings->value(kName).toString();
        profile.apiHost = m_settings->value(kApiHost).toString();
        profile.namespaceName = m_settings->value(kNamespace, profile.namespaceName).toString();
        profile.ignoreCertificateErrors = m_settings->value(kIgnoreCertificateErrors, false).toBool();
        profile.caCertificateFile = m_settings->value(kCaCertificateFile).toString();
        profile.pinnedCertificateSha256 = m_settings->value(kPinnedCertificateSha256).toString();
        // A hand-edited file may hold anything: keep what the store could have written itself.
        if (profile.id.isEmpty() || profile.id == ConnectionProfile::localId() || indexOf(profile.id) >= 0)
            continue;
        m_remote.append(profile);
    }
    m_settings->endArray();
}

void ConnectionStore::save()
{
    m_settings->remove(kArray);
    m_settings->beginWriteArray(kArray, int(m_remote.size()));
    for (int i = 0; i < m_remote.size(); ++i) {
        const auto &profile = m_remote.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(kId, profile.id);
        m_settings->setValue(kName, profile.name);
        m_settings->setValue(kApiHost, profile.apiHost);
        m_settings->setValue(kNamespace, profile.namespaceName);
        m_settings->setValue(kIgnoreCertificateErrors, profile.ignoreCertificateErrors);
        m_settings->setValue(kCaCertificateFile, profile.caCertificateFile);
        m_settings->setValue(kPinnedCertificateSha256, profile.pinnedCertificateSha256);
    }
    m_settings->endArray();
    m_settings->sync();
}

qsizetype ConnectionStore::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_remote.size(); ++i) {
        if (m_remote.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace funcdesk
