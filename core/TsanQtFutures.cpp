// Only in the ThreadSanitizer build (FUNCDESK_TSAN, `./dev --tsan`), beside core/TsanQtLocks.cpp
// and linked the same way. Never in a product build.
//
// A QFuture is made ready on one thread (QPromise::finish → QFutureInterfaceBase::reportFinished)
// and waited for on another (waitForFinished, result → waitForResult), and the last copy to go
// frees the shared state (derefT). All of that is compiled inside libQt6Core, whose wait condition
// and reference counts TSan does not see: a thread that waited for a future and then reused what
// the finished task had read (the caller's arguments, captured by reference) was reported as
// racing with the task, e.g. StoreWorker::flush() before ~AlarmScheduler. These definitions take
// the place of Qt's for the programs they are linked into: each calls Qt's own function (looked
// up with dlvsym) and tells TSan the order Qt guarantees: everything before reportFinished happens
// before a wait that returned or an isFinished() that said true; everything before a result is
// reported (reportResultsReady, which wakes waitForResult before the promise finishes) happens
// before the wait for that result returned;
// everything a copy did happens before the last copy's release.
// The annotations use the address of the futures' shared state (the private `d` every copy holds;
// these are members, so they may read it); a moved-from future has none and is left alone.
//
// A QThreadPool's waitForDone() is the same kind of invisible wait: the pool's count of active jobs
// and its wait condition live in libQt6Core. A QtConcurrent::run job on a pool reports its future
// finished as its last step, so reportFinished also releases the future's pool, and PoolTask
// (core/PoolTask.h) releases its pool when its job is done; waitForDone() acquires the pool when it
// returned true. (No report was shown to need this one; it closes the same gap for ~Executor's
// and the invoker queue's waitForDone.)

#if !defined(__SANITIZE_THREAD__)
#error "core/TsanQtFutures.cpp belongs to the ThreadSanitizer build only (FUNCDESK_TSAN)"
#endif

#include <QFutureInterfaceBase>
#include <QThreadPool>

#include "core/TsanQtOwn.h"

#include <sanitizer/tsan_interface.h>

using funcdesk::tsan::qtOwn;

QT_BEGIN_NAMESPACE

void QFutureInterfaceBase::reportFinished()
{
    static const auto own = qtOwn<void (*)(QFutureInterfaceBase *)>("_ZN20QFutureInterfaceBase14reportFinishedEv");
    if (d) {
        __tsan_release(d);
        if (QThreadPool *pool = threadPool())
            __tsan_release(pool);
    }
    own(this);
}

void QFutureInterfaceBase::reportResultsReady(int beginIndex, int endIndex)
{
    static const auto own =
        qtOwn<void (*)(QFutureInterfaceBase *, int, int)>("_ZN20QFutureInterfaceBase18reportResultsReadyEii");
    if (d)
        __tsan_release(d);
    own(this, beginIndex, endIndex);
}

void QFutureInterfaceBase::waitForFinished()
{
    static const auto own = qtOwn<void (*)(QFutureInterfaceBase *)>("_ZN20QFutureInterfaceBase15waitForFinishedEv");
    own(this);
    if (d)
        __tsan_acquire(d);
}

void QFutureInterfaceBase::waitForResult(int resultIndex)
{
    static const auto own = qtOwn<void (*)(QFutureInterfaceBase *, int)>("_ZN20QFutureInterfaceBase13waitForResultEi");
    own(this, resultIndex);
    if (d)
        __tsan_acquire(d);
}

bool QFutureInterfaceBase::isFinished() const
{
    static const auto own = qtOwn<bool (*)(const QFutureInterfaceBase *)>("_ZNK20QFutureInterfaceBase10isFinishedEv");
    const bool finished = own(this);
    if (finished && d)
        __tsan_acquire(d);
    return finished;
}

bool QFutureInterfaceBase::derefT() const noexcept
{
    static const auto own = qtOwn<bool (*)(const QFutureInterfaceBase *)>("_ZNK20QFutureInterfaceBase6derefTEv");
    if (!d)
        return own(this);
    __tsan_release(d);
    const bool stillUsed = own(this);
    if (!stillUsed)
        __tsan_acquire(d); // the last copy: it frees what every copy used
    return stillUsed;
}

bool QThreadPool::waitForDone(int msecs)
{
    static const auto own = qtOwn<bool (*)(QThreadPool *, int)>("_ZN11QThreadPool11waitForDoneEi");
    const bool done = own(this, msecs);
    if (done)
        __tsan_acquire(this);
    return done;
}

QT_END_NAMESPACE
