#include "models/connections/ConnectionKeyring.h"

#include "core/FutureCallback.h"

#include <qt6keychain/keychain.h>

#include <QPromise>

namespace funcdesk {

namespace {

// A harmless entry name: reading it tells whether a keychain service answers at all.
const QLatin1StringView kCheckEntry("funcdesk-keychain-check");

Result<QString> missingInMemory()
{
    return Result<QString>::failure(
        PlatformError::Kind::NotFound,
        ConnectionKeyring::tr("No key is stored for this connection: without a keychain service, keys "
                              "are kept in memory only until you quit. Edit the connection to enter "
                              "its key again."));
}

} // namespace

ConnectionKeyring::ConnectionKeyring(QString service, QObject *parent) : QObject(parent), m_service(std::move(service))
{
}

ConnectionKeyring::~ConnectionKeyring() = default;

QString ConnectionKeyring::unavailableExplanation()
{
    return tr("No keychain service is running; keys are kept in memory until you quit.");
}

void ConnectionKeyring::check()
{
    if (m_checkStarted || isChecked())
        return;
    m_checkStarted = true;
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(kCheckEntry);
    start(job, {});
}

std::optional<QString> ConnectionKeyring::cachedKey(const QString &id) const
{
    const auto found = m_keys.constFind(id);
    if (found == m_keys.cend())
        return std::nullopt;
    return found.value();
}

QFuture<Result<QString>> ConnectionKeyring::read(const QString &id)
{
    if (const auto key = cachedKey(id))
        return readyResult(Result<QString>(*key));
    if (m_state == State::Unavailable)
        return readyResult(missingInMemory());

    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(id);
    start(job, [this, id, promise](QKeychain::Job *done) {
        const auto finish = [&promise](Result<QString> result) {
            promise->addResult(std::move(result));
            promise->finish();
        };
        // A key written while the read was under way is newer than what the keychain held.
        if (const auto key = cachedKey(id))
            return finish(*key);
        switch (done->error()) {
        case QKeychain::NoError: {
            const QString key = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
            m_keys.insert(id, key);
            return finish(key);
        }
        case QKeychain::EntryNotFound:
            return finish(
                Result<QString>::failure(PlatformError::Kind::NotFound, tr("No key is stored for this connection.")));
        default:
            break;
        }
        if (m_state == State::Unavailable)
            return finish(missingInMemory());
        finish(Result<QString>::failure(PlatformError::Kind::Auth,
                                        tr("The keychain refused to hand out the key: %1").arg(done->errorString())));
    });
    return promise->future();
}

void ConnectionKeyring::write(const QString &id, const QString &key)
{
    m_keys.insert(id, key);
    if (m_state == State::Unavailable)
        return;
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(id);
    job->setTextData(key);
    start(job, {});
}

void ConnectionKeyring::remove(const QString &id)
{
    m_keys.remove(id);
    if (m_state == State::Unavailable)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(id);
    start(job, {});
}

void ConnectionKeyring::start(QKeychain::Job *job, std::function<void(QKeychain::Job *)> done)
{
    // Never the insecure fallback: it would write the key in plain text into QSettings.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job *finished) {
        absorb(finished);
        if (done)
            done(finished);
    });
    job->start();
}

void ConnectionKeyring::absorb(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDenied:
    case QKeychain::OtherError:
        setState(State::Unavailable);
        return;
    default:
        // NoError, EntryNotFound, CouldNotDeleteEntry, AccessDeniedByUser: a service answered.
        if (m_state == State::Unknown)
            setState(State::Available);
        return;
    }
}

void ConnectionKeyring::setState(State state)
{
    if (state == m_state)
        return;
    const bool wasAvailable = isAvailable();
    m_state = state;
    if (wasAvailable != isAvailable() || state == State::Available)
        Q_EMIT availabilityChanged(isAvailable());
}

} // namespace funcdesk
