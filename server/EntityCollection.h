#pragma once

#include "server/ApiHandler.h"
#include "server/ApiMessages.h"
#include "server/RequestParams.h"

namespace funcdesk {

// A PUT of one entity as far as every kind reads it: the body within `maxBodyBytes`, the names
// in the path valid, ?overwrite, the body a JSON object (in that order, as OpenWhisk checks).
struct EntityPut
{
    bool overwrite = false;
    QJsonObject body;
};
Result<EntityPut> readEntityPut(const ApiRequest &request, qint64 maxBodyBytes);

// What one entity kind's collection is: its name in the path and the engine's calls for it.
template <typename T> struct EntityKind
{
    using ListCall = QFuture<Result<QList<T>>> (LocalEngine::*)(QString ns, ListOptions options);
    using NameCall = QFuture<Result<T>> (LocalEngine::*)(QString ns, QString name);
    using PutCall = QFuture<Result<T>> (LocalEngine::*)(QString ns, QString name, T entity, PutOptions options);

    QLatin1StringView name; // "rules": the path's word, the key of a count, the word in list errors
    Collection collection;
    qint64 maxPutBodyBytes = 0;
    ListCall list = nullptr;
    NameCall get = nullptr;     // used by get()
    PutCall put = nullptr;      // null: PUT answers 405
    NameCall remove = nullptr;  // null: DELETE answers 405
    qsizetype maxPathParts = 1; // 2 where an entity may live in a package: "pkg/name"
};

// The handler of /namespaces/{ns}/<kind>[/{name}] for one entity kind: list (or count), get,
// create or update, delete, with OpenWhisk's status codes and error texts. A kind adds what else
// it answers by overriding post() (a trigger fires, a rule is enabled, an action is invoked) and
// get(), and checks a PUT through takeInstructions() and checkPut().
template <typename T> class EntityCollection : public ApiHandler
{
public:
    EntityCollection(LocalEngine &engine, EntityKind<T> kind) : ApiHandler(engine), m_kind(kind) {}

    // GET and HEAD on the collection list it; on one entity GET and HEAD get it, PUT creates or
    // updates, DELETE deletes and POST is post()'s. A longer path than the kind has is 404.
    void handle(const ApiRequest &request, Reply reply) override
    {
        if (request.entity.isEmpty()) {
            if (request.method != HttpMethod::Get && request.method != HttpMethod::Head)
                return reply.sendError(405, messages::methodNotAllowed());
            return list(request, std::move(reply));
        }
        if (request.entity.size() > m_kind.maxPathParts)
            return reply.sendError(404, messages::resourceDoesNotExist());
        switch (request.method) {
        case HttpMethod::Get:
        case HttpMethod::Head:
            return get(request, std::move(reply));
        case HttpMethod::Put:
            return put(request, std::move(reply));
        case HttpMethod::Delete:
            return remove(request, std::move(reply));
        case HttpMethod::Post:
            return post(request, std::move(reply));
        default:
            return reply.sendError(405, messages::methodNotAllowed());
        }
    }

protected:
    // A page of the namespace's entities as a JSON array, or {"<kind>": N} with ?count=true.
    void list(const ApiRequest &request, Reply reply)
    {
        auto params = listParams(request, m_kind.name);
        if (!params)
            return reply.sendError(params.error());
        if (params->count)
            return sendCount(m_engine.count(request.ns, m_kind.collection), std::move(reply), m_kind.name);
        sendList((m_engine.*m_kind.list)(request.ns, params->options), std::move(reply));
    }

    // The body read as a T and stored under the path's name (?overwrite=true to replace one).
    void put(const ApiRequest &request, Reply reply)
    {
        if (!m_kind.put)
            return reply.sendError(405, messages::methodNotAllowed());
        auto read = readEntityPut(request, m_kind.maxPutBodyBytes);
        if (!read)
            return reply.sendError(read.error());
        QJsonObject &body = read.value().body;
        PutOptions options{read->overwrite, {}};
        if (auto error = takeInstructions(body, options))
            return reply.sendError(*error);
        auto entity = T::fromJson(body);
        if (!entity)
            return reply.sendError(entity.error());
        if (auto error = checkPut(*entity))
            return reply.sendError(*error);
        sendEntity(
            (m_engine.*m_kind.put)(request.ns, request.entityName(), std::move(entity).value(), std::move(options)),
            std::move(reply));
    }

    // The entity as JSON.
    virtual void get(const ApiRequest &request, Reply reply)
    {
        sendEntity((m_engine.*m_kind.get)(request.ns, request.entityName()), std::move(reply));
    }

    // Deletes the entity and answers with it as it was.
    void remove(const ApiRequest &request, Reply reply)
    {
        if (!m_kind.remove)
            return reply.sendError(405, messages::methodNotAllowed());
        sendEntity((m_engine.*m_kind.remove)(request.ns, request.entityName()), std::move(reply));
    }

    // POST on one entity: 405 unless the kind answers it.
    virtual void post(const ApiRequest &request, Reply reply)
    {
        Q_UNUSED(request);
        reply.sendError(405, messages::methodNotAllowed());
    }
    // Takes out of a PUT body what is an instruction for the update rather than part of the entity.
    virtual std::optional<PlatformError> takeInstructions(QJsonObject &body, PutOptions &options)
    {
        Q_UNUSED(body);
        Q_UNUSED(options);
        return std::nullopt;
    }
    // Limits of the kind beyond what T::fromJson checks.
    virtual std::optional<PlatformError> checkPut(const T &entity) const
    {
        Q_UNUSED(entity);
        return std::nullopt;
    }

    const EntityKind<T> m_kind;
};

} // namespace funcdesk
