// libFuzzer target: the rule JSON reader (core/Rule: a PUT body, a stored row).
#include "core/Rule.h"
#include "tests/fuzz/FuzzEntity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return funcdesk::fuzz::fuzzEntity<funcdesk::Rule>(data, size);
}
