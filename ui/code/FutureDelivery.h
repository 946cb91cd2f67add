#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QFutureWatcher>

// Platform futures delivered to a widget on the GUI thread.
namespace funcdesk::codeui {

// Calls `handler(Result<T>)` on `receiver`'s thread once `future` finishes, and never once
// `receiver` is gone (the watcher is its child). A QFutureWatcher rather than
// QFuture::then(context, …): in Qt 6.4 that continuation asserts on a destroyed context (a
// panel closed while its request runs) and can run twice when attached while another thread
// finishes the future (fixed in 6.5).
template <typename T, typename F> void deliver(QObject *receiver, QFuture<Result<T>> future, F handler)
{
    auto *watcher = new QFutureWatcher<Result<T>>(receiver);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, receiver, [watcher, handler = std::move(handler)]() mutable {
            watcher->deleteLater();
            const QFuture<Result<T>> done = watcher->future();
            if (done.isCanceled() || done.resultCount() == 0)
                handler(Result<T>(
                    PlatformError{PlatformError::Kind::Server,
                                  QCoreApplication::translate("funcdesk::CodePanel", "The request was canceled.")}));
            else
                handler(done.result());
        });
    watcher->setFuture(std::move(future));
}

} // namespace funcdesk::codeui
