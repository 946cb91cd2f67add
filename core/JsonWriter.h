#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>

namespace funcdesk {

// Compact JSON written straight into bytes, the same bytes QJsonDocument::toJson(Compact) writes
// for the same value (tests/core check it), without building a QJsonObject first: for the
// records written on every invocation.

// `text` as a JSON string, quotes included.
void appendJsonString(QByteArray &out, QStringView text);
// Any value, objects and arrays included.
void appendJsonValue(QByteArray &out, const QJsonValue &value);

} // namespace funcdesk
