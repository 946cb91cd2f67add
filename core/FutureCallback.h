#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QFutureWatcher>

namespace funcdesk {

// Calls `callback(Result<T>)` on `context`'s thread once `future` has its result; at once when
// it already has one (the engine answers in-memory reads with ready futures). Never once
// `context` is gone: the watcher is its child.
//
// A QFutureWatcher, not QFuture::then: in Qt 6.4.2 a continuation attached while another thread
// finishes the future can run twice, the second time with a moved-from QPromise, and crashes in
// QFutureInterfaceBase::reportStarted; then(context, …) also asserts on a destroyed context.
// Reproduced here with QtConcurrent::run + then under load (docs/server.md has the details;
// fixed in Qt 6.5).
template <typename T, typename F> void onResult(QFuture<Result<T>> future, QObject *context, F callback)
{
    auto deliver = [](const QFuture<Result<T>> &done, F &fn) {
        if (done.isCanceled() || done.resultCount() == 0)
            fn(Result<T>(
                PlatformError{PlatformError::Kind::Server,
                              QCoreApplication::translate("funcdesk::FutureCallback", "The operation was canceled.")}));
        else
            fn(done.result());
    };
    if (future.isFinished()) {
        deliver(future, callback);
        return;
    }
    auto *watcher = new QFutureWatcher<Result<T>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, deliver, callback = std::move(callback)]() mutable {
                         watcher->deleteLater();
                         deliver(watcher->future(), callback);
                     });
    watcher->setFuture(std::move(future));
}

// A future that is already finished with `result`.
template <typename T> QFuture<Result<T>> readyResult(Result<T> result)
{
    return QtFuture::makeReadyFuture(std::move(result));
}

} // namespace funcdesk
