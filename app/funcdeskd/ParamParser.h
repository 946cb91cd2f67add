#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace funcdesk {

// Parameters as `wsk` takes them: `--param k=v` values are JSON when they parse as JSON, else
// strings; a params file is one JSON object. Later sources override earlier ones.
Result<QJsonObject> parseParams(const QString &paramsFile, const QStringList &assignments);
QJsonValue parseParamValue(const QString &text);

} // namespace funcdesk
