// libFuzzer target: the package JSON reader (core/Package: a PUT body, a stored row).
#include "core/Package.h"
#include "tests/fuzz/FuzzEntity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return funcdesk::fuzz::fuzzEntity<funcdesk::Package>(data, size);
}
