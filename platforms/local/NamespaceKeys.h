#pragma once

#include "platforms/local/LocalEngine.h"

#include <QHash>
#include <QJsonObject>
#include <QReadWriteLock>

#include <optional>

namespace funcdesk {

// The namespaces' credentials as the platform keeps them. The database holds only a salted
// SHA-256 of each key ({"uuid", "salt", "sha256"}, hex; the keys are 64 random alphanumerics, so
// a salted hash is enough), never the key. A key is known in full only to the process that made
// or set it, or once someone signed in with it: each namespace remembers the last key that
// verified (in memory only, at most one per namespace), so signing in again costs a constant-time
// compare, not a hash. Thread-safe.
class NamespaceKeys
{
public:
    struct Stored
    {
        QString ns;
        QString uuid;
        QByteArray salt;   // 16 random bytes
        QByteArray sha256; // SHA-256 of salt + key (UTF-8)
    };

    // 64 random alphanumerics.
    static QString randomKey();
    // The hashed form of `identity`, with a fresh salt.
    static Stored hashed(const Identity &identity);
    static QJsonObject toJson(const Stored &stored);
    // A stored document. An older database's document holds the key itself ({"uuid", "key"}):
    // then `plainKey` gets it, and the caller writes the hashed form back.
    static std::optional<Stored> fromJson(const QString &ns, const QJsonObject &body, QString *plainKey);

    // Adds or replaces a namespace's credentials; `key` when this process knows it.
    void insert(const Stored &stored, const std::optional<QString> &key);
    // Which namespace this uuid:key reaches.
    std::optional<Identity> verify(const QString &uuid, const QString &key) const;
    // Whether `auth` ("uuid:key") is the namespace's current key.
    bool matches(const QString &ns, const QString &auth) const;
    // The namespace's identity when it exists; its key is empty when this process does not know it.
    std::optional<Identity> find(const QString &ns) const;
    QStringList namespaces() const;

    // How many keys this process has hashed (salt + key through SHA-256), for tests: a first
    // sign-in hashes its key once, later ones not at all.
    static quint64 hashesComputed();

private:
    struct Entry
    {
        Stored stored;
        QString verified; // the last key that verified (or was set here); empty: none yet
    };
    mutable QReadWriteLock m_lock;
    QHash<QString, QString> m_uuidToNs;
    mutable QHash<QString, Entry> m_byNs;
};

} // namespace funcdesk
