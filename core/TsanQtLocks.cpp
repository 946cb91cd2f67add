// Only in the ThreadSanitizer build (FUNCDESK_TSAN, `./dev --tsan`; core/CMakeLists.txt links this
// object first into every program). Never in a product build.
//
// QReadWriteLock's lock and unlock are compiled inside libQt6Core, which is not instrumented: TSan
// does not see them, so every access guarded by one (EngineState::lock, the route table's, the
// key cache's…) looks unguarded, and a write under a write lock then a read under a read lock on
// another thread is reported as a data race that is not one (seen with a two-thread program:
// one report, none with this file). These definitions take the place of Qt's for the programs
// they are linked into: each calls Qt's own function (looked up with dlvsym) and tells TSan what
// it did with the annotations Qt's headers use for the inline QMutex (qtsan_impl.h). Accesses
// themselves are still all checked: one made without the lock, or under a read lock against a
// write, is still a report. A write lock is told apart from a read lock at unlock() by the locks
// this thread holds for writing (QReadWriteLock::unlock does not say).

#if !defined(__SANITIZE_THREAD__)
#error "core/TsanQtLocks.cpp belongs to the ThreadSanitizer build only (FUNCDESK_TSAN)"
#endif

#include <QReadWriteLock>

#include "core/TsanQtOwn.h"

#include <sanitizer/tsan_interface.h>

#include <algorithm>
#include <vector>

namespace {

using funcdesk::tsan::qtOwn;

using Lock = void (*)(QReadWriteLock *);
using TryLock = bool (*)(QReadWriteLock *);
using TryLockFor = bool (*)(QReadWriteLock *, int);

// The locks this thread holds for writing (a recursive lock once per lockForWrite).
thread_local std::vector<const QReadWriteLock *> heldForWriting;

void locked(QReadWriteLock *lock, unsigned flags)
{
    __tsan_mutex_post_lock(lock, flags, 0);
    if (!(flags & __tsan_mutex_read_lock))
        heldForWriting.push_back(lock);
}

bool tried(QReadWriteLock *lock, unsigned flags, bool taken)
{
    if (taken)
        locked(lock, flags | __tsan_mutex_try_lock);
    else
        __tsan_mutex_post_lock(lock, flags | __tsan_mutex_try_lock | __tsan_mutex_try_lock_failed, 0);
    return taken;
}

} // namespace

QT_BEGIN_NAMESPACE

QReadWriteLock::QReadWriteLock(RecursionMode mode)
{
    static const auto own =
        qtOwn<void (*)(QReadWriteLock *, RecursionMode)>("_ZN14QReadWriteLockC1ENS_13RecursionModeE");
    own(this, mode);
    __tsan_mutex_create(this, 0);
}

QReadWriteLock::~QReadWriteLock()
{
    static const auto own = qtOwn<Lock>("_ZN14QReadWriteLockD1Ev");
    __tsan_mutex_destroy(this, 0);
    own(this);
}

void QReadWriteLock::lockForRead()
{
    static const auto own = qtOwn<Lock>("_ZN14QReadWriteLock11lockForReadEv");
    __tsan_mutex_pre_lock(this, __tsan_mutex_read_lock);
    own(this);
    locked(this, __tsan_mutex_read_lock);
}

bool QReadWriteLock::tryLockForRead()
{
    static const auto own = qtOwn<TryLock>("_ZN14QReadWriteLock14tryLockForReadEv");
    __tsan_mutex_pre_lock(this, __tsan_mutex_read_lock | __tsan_mutex_try_lock);
    return tried(this, __tsan_mutex_read_lock, own(this));
}

bool QReadWriteLock::tryLockForRead(int timeout)
{
    static const auto own = qtOwn<TryLockFor>("_ZN14QReadWriteLock14tryLockForReadEi");
    __tsan_mutex_pre_lock(this, __tsan_mutex_read_lock | __tsan_mutex_try_lock);
    return tried(this, __tsan_mutex_read_lock, own(this, timeout));
}

void QReadWriteLock::lockForWrite()
{
    static const auto own = qtOwn<Lock>("_ZN14QReadWriteLock12lockForWriteEv");
    __tsan_mutex_pre_lock(this, 0);
    own(this);
    locked(this, 0);
}

bool QReadWriteLock::tryLockForWrite()
{
    static const auto own = qtOwn<TryLock>("_ZN14QReadWriteLock15tryLockForWriteEv");
    __tsan_mutex_pre_lock(this, __tsan_mutex_try_lock);
    return tried(this, 0, own(this));
}

bool QReadWriteLock::tryLockForWrite(int timeout)
{
    static const auto own = qtOwn<TryLockFor>("_ZN14QReadWriteLock15tryLockForWriteEi");
    __tsan_mutex_pre_lock(this, __tsan_mutex_try_lock);
    return tried(this, 0, own(this, timeout));
}

void QReadWriteLock::unlock()
{
    static const auto own = qtOwn<Lock>("_ZN14QReadWriteLock6unlockEv");
    unsigned flags = __tsan_mutex_read_lock;
    const auto writing = std::find(heldForWriting.rbegin(), heldForWriting.rend(), this);
    if (writing != heldForWriting.rend()) {
        heldForWriting.erase(std::next(writing).base());
        flags = 0;
    }
    __tsan_mutex_pre_unlock(this, flags);
    own(this);
    __tsan_mutex_post_unlock(this, flags);
}

QT_END_NAMESPACE
