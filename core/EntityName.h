#pragma once

#include "core/PlatformError.h"

#include <optional>

namespace funcdesk {

// OpenWhisk's entity-name rule (entity/EntityPath.scala): 1 to 256 characters, word characters
// plus " @.&-" inside, not starting with one of those. Returns OpenWhisk's error when it breaks.
std::optional<PlatformError> checkEntityName(const QString &name);

} // namespace funcdesk
