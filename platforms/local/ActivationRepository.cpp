#include "platforms/local/ActivationRepository.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace funcdesk {

namespace {

// WHERE clause and values shared by list() and count().
QString whereClause(const ActivationRepository::Query &query, QVariantList &values)
{
    QString where = QStringLiteral(" WHERE namespace = ?");
    values << query.ns;
    if (query.name) {
        where += QStringLiteral(" AND name = ?");
        values << *query.name;
    }
    if (query.since) {
        where += QStringLiteral(" AND start >= ?");
        values << *query.since;
    }
    if (query.upto) {
        where += QStringLiteral(" AND start <= ?");
        values << *query.upto;
    }
    return where;
}

} // namespace

ActivationRepository::Row ActivationRepository::Row::of(const Activation &activation, QByteArray document)
{
    if (document.isEmpty())
        document = activation.toCompactJson();
    return Row{activation.activationId, activation.ns.value_or(QString()), activation.name.value_or(QString()),
               activation.start.value_or(0), std::move(document)};
}

Result<Done> ActivationRepository::insert(const QList<Activation> &activations)
{
    QList<Row> rows;
    rows.reserve(activations.size());
    for (const Activation &activation : activations)
        rows.append(Row::of(activation));
    return insert(rows);
}

Result<Done> ActivationRepository::insert(const QList<Row> &rows)
{
    auto stored = m_db->transaction<Done>([&]() -> Result<Done> {
        QSqlQuery query(m_db->connection());
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO activations (activation_id, namespace, name, start, "
                                     "document, bytes) VALUES (?, ?, ?, ?, ?, ?)"));
        for (const Row &row : rows) {
            query.addBindValue(row.activationId);
            query.addBindValue(row.ns);
            query.addBindValue(row.name);
            query.addBindValue(row.start);
            query.addBindValue(QString::fromUtf8(row.document)); // TEXT, as the column always held
            query.addBindValue(row.document.size());
            if (!query.exec())
                return m_db->sqlError(QStringLiteral("store activation"), query.lastError());
        }
        return Done{};
    });
    if (stored && m_bytes) {
        for (const Row &row : rows)
            *m_bytes += row.document.size();
    }
    return stored;
}

Result<Activation> ActivationRepository::get(const QString &ns, const QString &activationId) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT document FROM activations WHERE namespace = ? AND activation_id = ?"));
    query.addBindValue(ns);
    query.addBindValue(activationId);
    if (!query.exec())
        return m_db->sqlError(QStringLiteral("get activation"), query.lastError());
    if (!query.next())
        return PlatformError{PlatformError::Kind::NotFound, QStringLiteral("The requested resource does not exist.")};
    return Activation::fromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
}

Result<QList<Activation>> ActivationRepository::list(const Query &request) const
{
    QVariantList values;
    const QString where = whereClause(request, values);
    QSqlQuery query(m_db->connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT document FROM activations") + where +
                  QStringLiteral(" ORDER BY start DESC, rowid DESC LIMIT ? OFFSET ?"));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(request.limit);
    query.addBindValue(request.skip);
    if (!query.exec())
        return m_db->sqlError(QStringLiteral("list activations"), query.lastError());
    QList<Activation> activations;
    while (query.next()) {
        auto activation = Activation::fromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
        if (!activation)
            return activation.error();
        activations.append(std::move(activation).value());
    }
    return activations;
}

Result<qint64> ActivationRepository::count(const Query &request) const
{
    QVariantList values;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM activations") + whereClause(request, values));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return m_db->sqlError(QStringLiteral("count activations"), query.lastError());
    return query.value(0).toLongLong();
}

Result<qint64> ActivationRepository::prune(const Retention &retention, qint64 nowMs)
{
    std::optional<qint64> total = m_bytes;
    auto pruned = m_db->transaction<qint64>([&]() -> Result<qint64> {
        QSqlQuery query(m_db->connection());
        query.setForwardOnly(true);
        if (!total) { // once per repository (at start): ~0.2 s at a million records (covering index)
            if (!query.exec(QStringLiteral("SELECT COALESCE(SUM(bytes), 0) FROM activations")) || !query.next())
                return m_db->sqlError(QStringLiteral("prune activations"), query.lastError());
            total = query.value(0).toLongLong();
            query.finish();
        }
        // Deletes and subtracts what it deleted (RETURNING: as far as the rows that go, no
        // second walk over the table).
        qint64 count = 0;
        const auto remove = [&](const QString &sql, const QVariantList &values) -> std::optional<PlatformError> {
            query.prepare(sql + QStringLiteral(" RETURNING bytes"));
            for (const QVariant &value : values)
                query.addBindValue(value);
            if (!query.exec())
                return m_db->sqlError(QStringLiteral("prune activations"), query.lastError());
            while (query.next()) {
                *total -= query.value(0).toLongLong();
                ++count;
            }
            query.finish();
            return std::nullopt;
        };
        // Older than the age; then past the count: everything older than the maxCount-th newest.
        if (auto error =
                remove(QStringLiteral("DELETE FROM activations WHERE start < ?"), {nowMs - retention.maxAgeMs}))
            return *error;
        if (auto error = remove(QStringLiteral("DELETE FROM activations WHERE rowid IN (SELECT rowid FROM activations"
                                               " ORDER BY start DESC, rowid DESC LIMIT -1 OFFSET ?)"),
                                {retention.maxCount}))
            return *error;
        // Past the bytes: the oldest records until what is left fits, found by walking the
        // covering index (start, bytes) from the oldest end only as far as the records that go.
        if (*total > retention.maxBytes) {
            const qint64 excess = *total - retention.maxBytes;
            if (!query.exec(QStringLiteral("SELECT start, bytes FROM activations ORDER BY start")))
                return m_db->sqlError(QStringLiteral("prune activations"), query.lastError());
            qint64 freed = 0;
            qint64 last = std::numeric_limits<qint64>::min();
            while (freed < excess && query.next()) {
                last = query.value(0).toLongLong();
                freed += query.value(1).toLongLong();
            }
            query.finish();
            if (auto error = remove(QStringLiteral("DELETE FROM activations WHERE start <= ?"), {last}))
                return *error;
        }
        return count;
    });
    if (pruned)
        m_bytes = total;
    return pruned;
}

} // namespace funcdesk
