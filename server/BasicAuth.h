#pragma once

#include "platforms/local/LocalEngine.h"

namespace funcdesk {

// The identity an `Authorization: Basic base64(uuid:key)` header reaches, or the 401 error
// OpenWhisk gives (one text for missing credentials, another for wrong ones).
Result<Identity> authenticateBasic(const LocalEngine &engine, const QByteArray &authorization);

} // namespace funcdesk
