#pragma once

#include "core/Result.h"

#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace funcdesk {

// Writes "uuid:key" to `path`, readable by its owner only: created with mode 0600 under a
// temporary name, then renamed over the old file, so no reader ever sees it half written or with
// wider permissions. True when it wrote the file, false when it already held that key.
Result<bool> writeAuthFile(const QString &path, const QString &auth);

// The folder of the other namespaces' key files (DATA_DIR/auth.d), created with mode 0700.
Result<QString> authDirectory(const QString &dataDir);

// The value of `name` when it is set.
std::optional<QString> optionValue(const QCommandLineParser &parser, const QString &name);

// The variable that may hold a key ("uuid:key") instead of a file.
inline constexpr char kAuthVariable[] = "FUNCDESKD_AUTH";

// A key as the user gave it: "uuid:key", trimmed; Invalid "the key must look like UUID:KEY" else.
Result<QString> checkedKey(const QString &auth);

// The key in `file` (when given) or else in FUNCDESKD_AUTH, which is then removed from our
// environment so that nothing we start inherits it; nullopt when neither gives one. Invalid when
// the file cannot be read or the key is not "uuid:key".
Result<std::optional<QString>> keyFromFileOrEnvironment(const std::optional<QString> &file);

} // namespace funcdesk
