#pragma once

#include <QtGlobal>

namespace funcdesk {

// Gives the heap back to the system after activations that buffered a lot (logs of up to 10 MB
// each, copied into their record, its JSON and the reply): glibc keeps freed memory in its
// arenas, so a server's RSS would stay at its peak. Process-wide; thread-safe.
namespace MemoryTrim {

// Fixes glibc's mmap threshold at 1 MB (it otherwise grows to the largest block freed, up to
// 32 MB, after which 10 MB log buffers come from the arenas and stay there) and turns fastbins
// off (they let a thread arena's freed top stay resident). Once per process.
void configureAllocator();
// An activation that buffered `bytes` ended: from 1 MB on, a trim is due 1 s and 5 s later
// (when its record is stored and its reply sent).
void activationEnded(qint64 bytes);
// malloc_trim(0) when one is due (the executor's maintenance thread, about once a second):
// after large activations as above, and once a minute in any case.
void trimIfDue(qint64 nowMs);

} // namespace MemoryTrim

} // namespace funcdesk
