#pragma once

#include "server/ApiRequest.h"
#include "core/FutureCallback.h"
#include "server/Reply.h"

namespace funcdesk {

// Base of the per-collection handlers: the engine they call, the object whose thread answers,
// and the one way they turn an engine future into a reply.
class ApiHandler
{
public:
    ApiHandler(LocalEngine &engine, QObject *context) : m_engine(engine), m_context(context) {}
    virtual ~ApiHandler() = default;
    ApiHandler(const ApiHandler &) = delete;
    ApiHandler &operator=(const ApiHandler &) = delete;

    // `request.ns` and `request.entity` are set; the caller is authenticated and entitled.
    virtual void handle(const ApiRequest &request, Reply reply) = 0;

protected:
    // onValue(T &&value, Reply &reply) with the future's value; its error, if any, is answered
    // with OpenWhisk's status for the error's kind.
    template <typename T, typename F> void whenDone(QFuture<Result<T>> future, Reply reply, F onValue)
    {
        onResult(std::move(future), m_context,
                 [reply = std::move(reply), onValue = std::move(onValue)](Result<T> result) mutable {
                     if (!result)
                         reply.sendError(result.error());
                     else
                         onValue(std::move(result).value(), reply);
                 });
    }

    // The entity's JSON with 200.
    template <typename T> void sendEntity(QFuture<Result<T>> future, Reply reply)
    {
        whenDone(std::move(future), std::move(reply), [](T &&entity, Reply &r) { r.sendJson(200, entity.toJson()); });
    }

    // A list as a JSON array with 200.
    template <typename T> void sendList(QFuture<Result<QList<T>>> future, Reply reply)
    {
        whenDone(std::move(future), std::move(reply), [](QList<T> &&items, Reply &r) {
            QJsonArray array;
            for (const T &item : items)
                array.append(item.toJson());
            r.sendJson(200, array);
        });
    }

    // {"<collection>": N} for ?count=true.
    void sendCount(QFuture<Result<qint64>> future, Reply reply, QLatin1StringView collection)
    {
        whenDone(std::move(future), std::move(reply), [collection](qint64 &&n, Reply &r) {
            r.sendJson(200, QJsonObject{{collection, n}});
        });
    }

    LocalEngine &m_engine;
    QObject *m_context;
};

} // namespace funcdesk
