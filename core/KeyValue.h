#pragma once

#include "core/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace funcdesk {

// One element of OpenWhisk's `parameters` / `annotations` arrays: {"key": ..., "value": ...}.
// Fields other than key and value (OpenWhisk's `init`, for instance) are kept in `extra`.
struct KeyValue
{
    QString key;
    QJsonValue value;
    QJsonObject extra;

    friend bool operator==(const KeyValue &, const KeyValue &) = default;
};

class KeyValueList
{
public:
    KeyValueList() = default;
    KeyValueList(std::initializer_list<KeyValue> items) : m_items(items) {}

    static Result<KeyValueList> fromJson(const QJsonArray &array, QLatin1StringView field);
    QJsonArray toJson() const;
    // {"key": value, ...}: how an action sees its parameters.
    QJsonObject toObject() const;

    // The value for `key`, Undefined when absent.
    QJsonValue value(const QString &key) const;
    bool contains(const QString &key) const;
    // Replaces the value of `key`, or appends it.
    void set(const QString &key, const QJsonValue &value);
    void remove(const QString &key);

    const QList<KeyValue> &items() const { return m_items; }
    bool isEmpty() const { return m_items.isEmpty(); }
    qsizetype size() const { return m_items.size(); }

    friend bool operator==(const KeyValueList &, const KeyValueList &) = default;

private:
    QList<KeyValue> m_items;
};

} // namespace funcdesk
