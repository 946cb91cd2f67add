// libFuzzer target: the trigger JSON reader (core/Trigger: a PUT body, a stored row).
#include "core/Trigger.h"
#include "tests/fuzz/FuzzEntity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return funcdesk::fuzz::fuzzEntity<funcdesk::Trigger>(data, size);
}
