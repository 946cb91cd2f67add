#include "platforms/local/ActionRepository.h"

#include "core/SemVer.h"
#include "platforms/local/CodeStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace funcdesk {

namespace {

PlatformError notFound()
{
    return {PlatformError::Kind::NotFound, QStringLiteral("The requested resource does not exist.")};
}

Result<Action> parseDocument(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return PlatformError{PlatformError::Kind::Server, QStringLiteral("Resource is corrupted and cannot be read.")};
    return Action::fromJson(document.object());
}

QString documentText(const Action &action)
{
    return QString::fromUtf8(QJsonDocument(action.toJson()).toJson(QJsonDocument::Compact));
}

// The columns that read a row in full: its document and its code from the code store.
QString withCode(const char *table)
{
    return QStringLiteral("SELECT t.document, c.code FROM %1 t LEFT JOIN code c ON c.digest = t.code_digest")
        .arg(QLatin1StringView(table));
}

// Runs a prepared query that returns documents (and, as a second column, their code) and
// parses each one.
Result<QList<Action>> documents(Database &db, QSqlQuery &query, const char *what)
{
    if (!query.exec())
        return db.sqlError(QLatin1StringView(what), query.lastError());
    const bool hasCode = query.record().count() > 1;
    QList<Action> actions;
    while (query.next()) {
        auto action = parseDocument(query.value(0).toByteArray());
        if (!action)
            return action.error();
        Action parsed = std::move(action).value();
        if (hasCode && !query.isNull(1) && parsed.exec)
            parsed.exec->code = query.value(1).toString();
        actions.append(std::move(parsed));
    }
    return actions;
}

// The digests of the rows a WHERE clause selects (before they are deleted).
Result<QStringList> digestsOf(Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db.connection());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return db.sqlError(QStringLiteral("read code digests"), query.lastError());
    QStringList digests;
    while (query.next())
        digests.append(query.value(0).toString());
    return digests;
}

// The one document a keyed query finds, or OpenWhisk's not-found error.
Result<Action> single(Database &db, QSqlQuery &query, const char *what)
{
    auto found = documents(db, query, what);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return notFound();
    return found->first();
}

} // namespace

Result<Action> ActionRepository::get(const QString &ns, const QString &name) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(withCode("actions") + QStringLiteral(" WHERE t.namespace = ? AND t.name = ?"));
    query.addBindValue(ns);
    query.addBindValue(name);
    return single(*m_db, query, "get action");
}

Result<Action> ActionRepository::merged(const QString &ns, const QString &name, const Action &put, bool overwrite,
                                        const QStringList &delAnnotations) const
{
    auto existing = get(ns, name);
    if (!existing && existing.error().kind != PlatformError::Kind::NotFound)
        return existing.error();
    Action action;
    if (existing) {
        if (!overwrite)
            return PlatformError{PlatformError::Kind::Conflict, QStringLiteral("resource already exists")};
        action = existing.value();
        const auto previous = SemVer::parse(action.version.value_or(QString())).value_or(SemVer{});
        action.version = put.version.value_or(previous.nextPatch().toString());
        if (put.exec)
            action.exec = put.exec;
        if (put.parameters)
            action.parameters = put.parameters;
        if (put.limits)
            action.limits = action.limits.value_or(ActionLimits()).mergedWith(*put.limits);
        if (put.publish)
            action.publish = put.publish;
        // OpenWhisk: (old -- delAnnotations) ++ new.
        KeyValueList annotations = action.annotations.value_or(KeyValueList());
        for (const QString &key : delAnnotations)
            annotations.remove(key);
        const KeyValueList added = put.annotations.value_or(KeyValueList());
        for (const KeyValue &item : added.items())
            annotations.set(item.key, item.value);
        action.annotations = annotations;
    } else {
        if (!put.exec)
            return PlatformError{
                PlatformError::Kind::Invalid,
                QStringLiteral("The request content was malformed: 'exec' is required to create an action.")};
        action = put;
        action.version = put.version.value_or(QStringLiteral("0.0.1"));
        action.publish = put.publish.value_or(false);
        action.parameters = put.parameters.value_or(KeyValueList());
        action.annotations = put.annotations.value_or(KeyValueList());
        // New actions do not get an API key unless they ask (OpenWhisk's require-api-key-annotation).
        if (!action.annotations->contains(QStringLiteral("provide-api-key")))
            action.annotations->set(QStringLiteral("provide-api-key"), false);
        action.limits = put.limits.value_or(ActionLimits());
    }
    if (!SemVer::parse(*action.version))
        return PlatformError{
            PlatformError::Kind::Invalid,
            QStringLiteral("The request content was malformed: '%1' is not a version (major.minor.patch).")
                .arg(*action.version)};
    action.ns = ns;
    action.name = name;
    // OpenWhisk decides these itself: the kind annotation for list views, and whether the code is
    // a base64 archive.
    action.annotations->set(QStringLiteral("exec"), action.exec->kind);
    if (action.exec->code)
        action.exec->binary = Exec::looksLikeBase64(*action.exec->code);
    action.updated = QDateTime::currentMSecsSinceEpoch();
    return action;
}

Result<Action> ActionRepository::put(const QString &ns, const QString &name, const Action &put, bool overwrite,
                                     const QStringList &delAnnotations)
{
    return m_db->transaction<Action>([&]() -> Result<Action> {
        auto action = merged(ns, name, put, overwrite, delAnnotations);
        if (!action)
            return action;
        // The code goes to the code store once per content; the document names it.
        QVariant digest(QMetaType::fromType<QString>());
        Action stored = *action;
        if (stored.exec && stored.exec->code) {
            auto kept = CodeStore::store(*m_db, *stored.exec->code);
            if (!kept)
                return kept.error();
            digest = kept.value();
            stored.exec->code.reset();
        }
        const QString document = documentText(stored);
        const QVariantList keys = {ns, name};
        const QVariantList beyondHistory = {ns, name, ns, name, kHistory};
        const QString beyond = QStringLiteral(
            " FROM action_versions WHERE namespace = ? AND name = ? AND seq NOT IN"
            " (SELECT seq FROM action_versions WHERE namespace = ? AND name = ? ORDER BY seq DESC LIMIT ?)");
        auto replaced =
            digestsOf(*m_db, QStringLiteral("SELECT code_digest FROM actions WHERE namespace = ? AND name = ?"), keys);
        if (!replaced)
            return replaced.error();
        QSqlQuery query(m_db->connection());
        const QVariantList values = {ns, name, *action->version, *action->updated, document, digest};
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO actions (namespace, name, version, updated, document,"
                                     " code_digest) VALUES (?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return m_db->sqlError(QStringLiteral("store action"), query.lastError());
        query.prepare(QStringLiteral("INSERT INTO action_versions (namespace, name, version, updated, document,"
                                     " code_digest) VALUES (?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return m_db->sqlError(QStringLiteral("store action version"), query.lastError());
        auto pruned = digestsOf(*m_db, QStringLiteral("SELECT code_digest") + beyond, beyondHistory);
        if (!pruned)
            return pruned.error();
        query.prepare(QStringLiteral("DELETE") + beyond);
        for (const QVariant &value : beyondHistory)
            query.addBindValue(value);
        if (!query.exec())
            return m_db->sqlError(QStringLiteral("prune versions"), query.lastError());
        if (auto error = CodeStore::dropUnused(*m_db, replaced.value() + pruned.value()))
            return *error;
        return action;
    });
}

Result<QList<Action>> ActionRepository::list(const QString &ns, int limit, int skip) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral(
        "SELECT document FROM actions WHERE namespace = ? ORDER BY updated DESC, rowid DESC LIMIT ? OFFSET ?"));
    query.addBindValue(ns);
    query.addBindValue(limit);
    query.addBindValue(skip);
    auto found = documents(*m_db, query, "list actions");
    if (found) {
        for (Action &action : found.value()) { // list views carry no code and no parameters
            action.parameters.reset();
            if (action.exec)
                action.exec->code.reset();
        }
    }
    return found;
}

Result<QList<Action>> ActionRepository::all() const
{
    QSqlQuery query(m_db->connection());
    query.setForwardOnly(true);
    query.prepare(withCode("actions"));
    return documents(*m_db, query, "read actions");
}

Result<qint64> ActionRepository::count(const QString &ns) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM actions WHERE namespace = ?"));
    query.addBindValue(ns);
    if (!query.exec() || !query.next())
        return m_db->sqlError(QStringLiteral("count actions"), query.lastError());
    return query.value(0).toLongLong();
}

Result<Action> ActionRepository::remove(const QString &ns, const QString &name)
{
    return m_db->transaction<Action>([&]() -> Result<Action> {
        auto action = get(ns, name);
        if (!action)
            return action;
        auto digests =
            digestsOf(*m_db,
                      QStringLiteral("SELECT code_digest FROM action_versions WHERE namespace = ? AND name = ?"
                                     " UNION SELECT code_digest FROM actions WHERE namespace = ? AND name = ?"),
                      {ns, name, ns, name});
        if (!digests)
            return digests.error();
        QSqlQuery query(m_db->connection());
        for (const char *table : {"actions", "action_versions"}) {
            query.prepare(
                QStringLiteral("DELETE FROM %1 WHERE namespace = ? AND name = ?").arg(QLatin1StringView(table)));
            query.addBindValue(ns);
            query.addBindValue(name);
            if (!query.exec())
                return m_db->sqlError(QStringLiteral("delete action"), query.lastError());
        }
        if (auto error = CodeStore::dropUnused(*m_db, digests.value()))
            return *error;
        return action;
    });
}

Result<QList<Action>> ActionRepository::history(const QString &ns, const QString &name) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(withCode("action_versions") +
                  QStringLiteral(" WHERE t.namespace = ? AND t.name = ? ORDER BY t.seq DESC"));
    query.addBindValue(ns);
    query.addBindValue(name);
    auto found = documents(*m_db, query, "action history");
    if (found && found->isEmpty())
        return notFound();
    return found;
}

Result<Action> ActionRepository::version(const QString &ns, const QString &name, const QString &version) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(
        withCode("action_versions") +
        QStringLiteral(" WHERE t.namespace = ? AND t.name = ? AND t.version = ? ORDER BY t.seq DESC LIMIT 1"));
    query.addBindValue(ns);
    query.addBindValue(name);
    query.addBindValue(version);
    return single(*m_db, query, "action version");
}

} // namespace funcdesk
