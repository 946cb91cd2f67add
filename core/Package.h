#pragma once

#include "core/KeyValue.h"

namespace funcdesk {

// An OpenWhisk package. `binding` is false or {"namespace", "name"}; `actions` and `feeds`
// list the package's contents on GET ({name, version, annotations}).
struct Package
{
    std::optional<QString> ns;
    std::optional<QString> name;
    std::optional<QString> version;
    std::optional<bool> publish;
    std::optional<KeyValueList> parameters;
    std::optional<KeyValueList> annotations;
    QJsonValue binding = QJsonValue(QJsonValue::Undefined);
    std::optional<QJsonArray> actions;
    std::optional<QJsonArray> feeds;
    std::optional<qint64> updated;
    QJsonObject extra;

    static Result<Package> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    friend bool operator==(const Package &, const Package &) = default;
};

} // namespace funcdesk
