#pragma once

#include "core/Action.h"
#include "platforms/local/Database.h"

namespace funcdesk {

// Actions of the local platform and their version history, with OpenWhisk's update rules:
// create without overwrite only, update merges (limits field by field, annotations old ++ new
// minus delAnnotations) and bumps the patch version; the last kHistory versions stay readable
// so the console can diff and roll back. Validation of kinds and limits is the caller's.
class ActionRepository
{
public:
    static constexpr int kHistory = 20;

    explicit ActionRepository(std::shared_ptr<Database> database) : m_db(std::move(database)) {}

    // `put` is the body of a PUT; `delAnnotations` lists annotation keys an update removes.
    Result<Action> put(const QString &ns, const QString &name, const Action &put, bool overwrite,
                       const QStringList &delAnnotations = {});
    Result<Action> get(const QString &ns, const QString &name) const;
    // Newest update first, as OpenWhisk lists. Documents without code and parameters.
    Result<QList<Action>> list(const QString &ns, int limit, int skip) const;
    Result<qint64> count(const QString &ns) const;
    // Every action of every namespace in full (the local platform loads them at start).
    Result<QList<Action>> all() const;
    Result<Action> remove(const QString &ns, const QString &name);
    // Kept versions, newest first; then one of them in full.
    Result<QList<Action>> history(const QString &ns, const QString &name) const;
    Result<Action> version(const QString &ns, const QString &name, const QString &version) const;

private:
    Result<Action> merged(const QString &ns, const QString &name, const Action &put, bool overwrite,
                          const QStringList &delAnnotations) const;

    std::shared_ptr<Database> m_db;
};

} // namespace funcdesk
