#pragma once

#include "core/Result.h"

#include <QFuture>
#include <QHash>
#include <QObject>

namespace QKeychain {
class Job;
}

namespace funcdesk {

// Auth keys of remote connections, by profile id: kept in the OS keychain (QtKeychain) and
// cached in memory for the session. Where no keychain service runs (no Secret Service / KWallet
// on D-Bus), the first failing job says so, and from then on keys live in memory only, until the
// process quits. Keys are never logged, never written anywhere else, never part of a message.
class ConnectionKeyring : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionKeyring(QString service, QObject *parent = nullptr);
    ~ConnectionKeyring() override;

    // False once a keychain job failed for want of a service; true until then.
    bool isAvailable() const { return m_state != State::Unavailable; }
    // Whether a keychain job has answered yet (isAvailable() is a guess before).
    bool isChecked() const { return m_state != State::Unknown; }
    // Asks the keychain once, without reading any key, so the UI can tell the user early.
    void check();

    std::optional<QString> cachedKey(const QString &id) const;
    // The key from memory, else from the keychain. NotFound when none is stored.
    QFuture<Result<QString>> read(const QString &id);
    // Takes effect in memory at once; the keychain write follows.
    void write(const QString &id, const QString &key);
    void remove(const QString &id);

    static QString unavailableExplanation();

Q_SIGNALS:
    void availabilityChanged(bool available);

private:
    enum class State { Unknown, Available, Unavailable };

    void start(QKeychain::Job *job, std::function<void(QKeychain::Job *)> done);
    // Folds a job's outcome into the state: did a keychain service answer?
    void absorb(QKeychain::Job *job);
    void setState(State state);

    QString m_service;
    QHash<QString, QString> m_keys;
    State m_state = State::Unknown;
    bool m_checkStarted = false;
};

} // namespace funcdesk
