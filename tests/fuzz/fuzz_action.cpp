// libFuzzer target: the action JSON reader (core/Action: a PUT body, a stored row).
#include "core/Action.h"
#include "tests/fuzz/FuzzEntity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return funcdesk::fuzz::fuzzEntity<funcdesk::Action>(data, size);
}
