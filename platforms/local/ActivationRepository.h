#pragma once

#include "core/Activation.h"
#include "platforms/local/Database.h"

namespace funcdesk {

// Stored activation records, queried as OpenWhisk's activations API does (newest first by
// start, by name, since/upto on start, skip/limit), and pruned by age, count and bytes so the
// database cannot grow without bound.
class ActivationRepository
{
public:
    struct Query
    {
        QString ns;
        std::optional<QString> name; // "action" or "package/action"
        std::optional<qint64> since; // start >= since (epoch ms)
        std::optional<qint64> upto;  // start <= upto
        int skip = 0;
        int limit = 30;
    };
    struct Retention
    {
        qint64 maxAgeMs = 7LL * 24 * 3600 * 1000;
        qint64 maxCount = 1000000;
        qint64 maxBytes = 1LL << 30; // the records' documents as stored, summed
    };

    // One record as stored: its keys and its compact JSON document.
    struct Row
    {
        QString activationId;
        QString ns;
        QString name;
        qint64 start = 0;
        QByteArray document;
        // `document` empty: serialises the activation.
        static Row of(const Activation &activation, QByteArray document = {});
    };

    explicit ActivationRepository(std::shared_ptr<Database> database) : m_db(std::move(database)) {}

    // Stores a batch in one transaction (one fsync for many records).
    Result<Done> insert(const QList<Row> &rows);
    Result<Done> insert(const QList<Activation> &activations);
    Result<Activation> get(const QString &ns, const QString &activationId) const;
    Result<QList<Activation>> list(const Query &query) const;
    Result<qint64> count(const Query &query) const;
    // Deletes what is older than the age or past the count or the bytes (oldest first); returns
    // how many went.
    Result<qint64> prune(const Retention &retention, qint64 nowMs);

private:
    std::shared_ptr<Database> m_db;
    // The records' bytes, summed: read once by the first prune(), then kept up to date, so a
    // retention pass does not sum a million rows every minute.
    std::optional<qint64> m_bytes;
};

} // namespace funcdesk
