#pragma once

#include "server/ApiRequest.h"

namespace funcdesk {

// What a namespace may do in another one, as OpenWhisk's entitlement allows it: list that
// namespace's packages (only the published ones are shown), get a published package, and get,
// list and invoke the actions inside it (so every namespace reads and invokes whisk.system's
// catalog). Anything else there, writes above all, is 403. `request.ns` is not the caller's.
bool mayReachAcross(const LocalEngine &engine, const ApiRequest &request);

} // namespace funcdesk
