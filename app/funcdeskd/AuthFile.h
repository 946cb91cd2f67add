#pragma once

#include "core/Result.h"

#include <QString>

namespace funcdesk {

// Writes "uuid:key" to `path`, readable by its owner only: created with mode 0600 under a
// temporary name, then renamed over the old file, so no reader ever sees it half written or with
// wider permissions. True when it wrote the file, false when it already held that key.
Result<bool> writeAuthFile(const QString &path, const QString &auth);

// The folder of the other namespaces' key files (DATA_DIR/auth.d), created with mode 0700.
Result<QString> authDirectory(const QString &dataDir);

} // namespace funcdesk
