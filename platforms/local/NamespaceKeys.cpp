#include "platforms/local/NamespaceKeys.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <atomic>

namespace funcdesk {

namespace {

constexpr int kSaltBytes = 16;

std::atomic<quint64> hashCount{0};

QByteArray digest(const QByteArray &salt, const QString &key)
{
    hashCount.fetch_add(1, std::memory_order_relaxed);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(salt);
    hash.addData(key.toUtf8());
    return hash.result();
}

// Constant time in the length: a wrong key says nothing about how much of it matched.
template <typename Text> bool sameBytes(const Text &a, const Text &b)
{
    if (a.size() != b.size())
        return false;
    unsigned difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= unsigned(a.at(i).unicode() ^ b.at(i).unicode());
    return difference == 0;
}

bool sameDigest(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= unsigned(static_cast<uchar>(a.at(i)) ^ static_cast<uchar>(b.at(i)));
    return difference == 0;
}

} // namespace

QString NamespaceKeys::randomKey()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString key;
    key.reserve(64);
    for (int i = 0; i < 64; ++i)
        key.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]));
    return key;
}

NamespaceKeys::Stored NamespaceKeys::hashed(const Identity &identity)
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), kSaltBytes / 4);
    return Stored{identity.ns, identity.uuid, salt, digest(salt, identity.key)};
}

QJsonObject NamespaceKeys::toJson(const Stored &stored)
{
    return QJsonObject{{QLatin1StringView("uuid"), stored.uuid},
                       {QLatin1StringView("salt"), QString::fromLatin1(stored.salt.toHex())},
                       {QLatin1StringView("sha256"), QString::fromLatin1(stored.sha256.toHex())}};
}

std::optional<NamespaceKeys::Stored> NamespaceKeys::fromJson(const QString &ns, const QJsonObject &body,
                                                             QString *plainKey)
{
    const QString uuid = body.value(QLatin1StringView("uuid")).toString();
    if (uuid.isEmpty())
        return std::nullopt;
    if (body.contains(QLatin1StringView("key"))) { // an older database: the key itself
        const QString key = body.value(QLatin1StringView("key")).toString();
        if (key.isEmpty())
            return std::nullopt;
        if (plainKey)
            *plainKey = key;
        return hashed(Identity{ns, uuid, key});
    }
    Stored stored{ns, uuid, QByteArray::fromHex(body.value(QLatin1StringView("salt")).toString().toLatin1()),
                  QByteArray::fromHex(body.value(QLatin1StringView("sha256")).toString().toLatin1())};
    if (stored.salt.isEmpty() || stored.sha256.size() != 32)
        return std::nullopt;
    return stored;
}

void NamespaceKeys::insert(const Stored &stored, const std::optional<QString> &key)
{
    QWriteLocker locker(&m_lock);
    if (const auto previous = m_byNs.constFind(stored.ns); previous != m_byNs.cend())
        m_uuidToNs.remove(previous->stored.uuid);
    m_uuidToNs.insert(stored.uuid, stored.ns);
    m_byNs.insert(stored.ns, Entry{stored, key.value_or(QString())});
}

std::optional<Identity> NamespaceKeys::verify(const QString &uuid, const QString &key) const
{
    Stored stored;
    {
        QReadLocker locker(&m_lock);
        const auto ns = m_uuidToNs.constFind(uuid);
        if (ns == m_uuidToNs.cend())
            return std::nullopt;
        const Entry &entry = *m_byNs.constFind(*ns);
        if (!entry.verified.isEmpty() && sameBytes(entry.verified, key))
            return Identity{entry.stored.ns, uuid, key};
        stored = entry.stored;
    }
    // The one hash of a first sign-in (or of a wrong key), outside the lock: other sign-ins go on.
    if (!sameDigest(digest(stored.salt, key), stored.sha256))
        return std::nullopt;
    QWriteLocker locker(&m_lock); // verified: remembered, so the next sign-in is a compare
    const auto ns = m_uuidToNs.constFind(uuid);
    if (ns == m_uuidToNs.cend())
        return std::nullopt; // removed meanwhile
    Entry &entry = m_byNs[*ns];
    if (entry.stored.salt != stored.salt || entry.stored.sha256 != stored.sha256) {
        // Replaced meanwhile (a new key, or the same one with a fresh salt): the current one decides.
        if (!sameDigest(digest(entry.stored.salt, key), entry.stored.sha256))
            return std::nullopt;
    }
    entry.verified = key;
    return Identity{entry.stored.ns, uuid, key};
}

bool NamespaceKeys::matches(const QString &ns, const QString &auth) const
{
    const qsizetype colon = auth.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    const auto identity = verify(auth.left(colon), auth.mid(colon + 1));
    return identity && identity->ns == ns;
}

std::optional<Identity> NamespaceKeys::find(const QString &ns) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_byNs.constFind(ns);
    if (it == m_byNs.cend())
        return std::nullopt;
    return Identity{ns, it->stored.uuid, it->verified};
}

quint64 NamespaceKeys::hashesComputed()
{
    return hashCount.load(std::memory_order_relaxed);
}

QStringList NamespaceKeys::namespaces() const
{
    QReadLocker locker(&m_lock);
    return m_byNs.keys();
}

} // namespace funcdesk
