// libFuzzer target: the JSON readers of an action's `limits` (core/ActionLimits) and of a
// namespace's limits (core/NamespaceLimits); every input goes to both.
#include "core/ActionLimits.h"
#include "core/NamespaceLimits.h"
#include "tests/fuzz/FuzzEntity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    funcdesk::fuzz::fuzzEntity<funcdesk::ActionLimits>(data, size);
    return funcdesk::fuzz::fuzzEntity<funcdesk::NamespaceLimits>(data, size);
}
