#pragma once

#include "core/ObjectStore.h"
#include "core/PlatformError.h"
#include "core/Result.h"

#include <QJsonObject>

#include <optional>

namespace funcdesk {

// The rules for bucket names and object keys, checked by the server (a key becomes a path under
// the bucket's folder) and by clients before a request goes out (docs/server.md, "Objects").
// Bucket names: 3-63 characters of a-z, 0-9, '.' and '-', starting and ending with a letter or
// digit, no "..". Keys: 1-1024 bytes of UTF-8, '/' separates folders; each segment 1-255 bytes,
// never "." or "..", no leading '/', no "//", no NUL or backslash, and the first segment does
// not start with ".funcdesk-" (the store's own temporary files).
std::optional<PlatformError> checkBucketName(const QString &name);
std::optional<PlatformError> checkObjectKey(const QString &key);

// The JSON shapes of the objects API: {name, created}; {key, size, etag, modified,
// contentType}; {objects: [...], prefixes: [...]}.
QJsonObject bucketToJson(const Bucket &bucket);
Result<Bucket> bucketFromJson(const QJsonObject &object);
QJsonObject objectInfoToJson(const ObjectInfo &info);
Result<ObjectInfo> objectInfoFromJson(const QJsonObject &object);
QJsonObject objectListingToJson(const ObjectListing &listing);
Result<ObjectListing> objectListingFromJson(const QJsonObject &object);

} // namespace funcdesk
