#pragma once

#if defined(__SANITIZE_THREAD__)
#include <thread>

extern "C" void __tsan_ignore_thread_begin(); // libtsan's; not in GCC 12's tsan_interface.h
extern "C" void __tsan_ignore_thread_end();
#endif

namespace funcdesk {

// Runs `job`, which starts a QProcess and waits for it, and returns what it returns. Without
// ThreadSanitizer: here. Under TSan (`./dev --tsan`): on a thread of its own, joined at once.
// Qt 6.4 starts a QProcess's child sharing the parent's memory (vfork-like clone), and the child's
// calls into TSan's interceptors change the state TSan keeps for the thread that started it: from
// then on TSan no longer sees that thread's locking, and reports races that are not there (a
// two-thread program: 1 report after a QProcess on its main thread, 0 with it on a joined thread;
// docs/testing.md). A thread of its own takes that state with it when it ends. TSan ignores that
// thread's own accesses (it could not order them: even its end is no longer seen): the job must
// touch nothing but the process, its arguments and its answer, which the join hands back.
template <typename Job> auto runProcessJob(Job job)
{
#if defined(__SANITIZE_THREAD__)
    decltype(job()) result{};
    std::thread([&] {
        __tsan_ignore_thread_begin();
        result = job();
        __tsan_ignore_thread_end();
    }).join();
    return result;
#else
    return job();
#endif
}

} // namespace funcdesk
