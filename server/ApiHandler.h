#pragma once

#include "server/ApiRequest.h"
#include "server/Reply.h"

namespace funcdesk {

// Waits for `future` on the calling thread (a connection's own thread: the client waits for the
// answer anyway), then calls `callback(Result<T>)`. A canceled future is an error.
template <typename T, typename F> void awaitResult(QFuture<Result<T>> future, F callback)
{
    future.waitForFinished();
    if (future.isCanceled() || future.resultCount() == 0)
        callback(Result<T>(PlatformError{PlatformError::Kind::Server, QStringLiteral("The operation was canceled.")}));
    else
        callback(future.result());
}

// A blocking invoke run on this thread (the request's connection thread). `finished(reply,
// outcome)` answers with what came of it, unless the blocking wait ran out first: then
// `expired(reply, activationId)` answers instead, on a fresh thread that takes the connection
// over. PendingReply decides which, when the two happen at once.
template <typename Expired, typename Finished>
void invokeOnThisThread(LocalEngine &engine, const QString &ns, const QString &name, const QJsonObject &params,
                        const InvokeOptions &options, Reply reply, Expired expired, Finished finished)
{
    auto pending = std::make_shared<PendingReply>(std::move(reply));
    Result<InvokeOutcome> outcome = engine.invokeHere(ns, name, params, options, [pending, expired](const QString &id) {
        pending->answerElsewhere([id, expired](Reply &late) { expired(late, id); });
    });
    if (std::optional<Reply> answer = pending->take())
        finished(*answer, std::move(outcome));
}

// Base of the per-collection handlers: the engine they call and the one way they turn an
// engine future into a reply. Handlers run on the request's connection thread, several at once.
class ApiHandler
{
public:
    explicit ApiHandler(LocalEngine &engine) : m_engine(engine) {}
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
        awaitResult(std::move(future), [&reply, &onValue](Result<T> result) {
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
};

} // namespace funcdesk
