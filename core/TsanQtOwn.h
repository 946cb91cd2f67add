#pragma once

// Only in the ThreadSanitizer build (core/TsanQtLocks.cpp, core/TsanQtFutures.cpp): Qt's own
// definition of a function those files define in its place.

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace funcdesk::tsan {

// Qt's own `symbol` (mangled, version Qt_6), found past this program's definition; aborts when
// libQt6Core has none (a Qt whose ABI changed: the file must follow it).
template <typename Function> Function qtOwn(const char *symbol)
{
    void *found = dlvsym(RTLD_NEXT, symbol, "Qt_6");
    if (!found) {
        std::fprintf(stderr, "funcdesk TSan build: %s not found in libQt6Core\n", symbol);
        std::abort();
    }
    return reinterpret_cast<Function>(found);
}

} // namespace funcdesk::tsan
