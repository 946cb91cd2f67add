#include "core/KeyValue.h"

#include "core/JsonFields.h"

namespace funcdesk {

Result<KeyValueList> KeyValueList::fromJson(const QJsonArray &array, QLatin1StringView field)
{
    KeyValueList list;
    list.m_items.reserve(array.size());
    for (const QJsonValue &element : array) {
        if (!element.isObject() || !element.toObject().value(QLatin1StringView("key")).isString())
            return JsonFields::malformed(
                QStringLiteral("'%1' must be an array of {\"key\": string, \"value\": any}.").arg(field));
        QJsonObject object = element.toObject();
        KeyValue item;
        item.key = object.take(QLatin1StringView("key")).toString();
        item.value = object.take(QLatin1StringView("value"));
        if (item.value.isUndefined())
            item.value = QJsonValue(QJsonValue::Null);
        item.extra = object;
        list.m_items.append(std::move(item));
    }
    return list;
}

QJsonArray KeyValueList::toJson() const
{
    QJsonArray array;
    for (const KeyValue &item : m_items) {
        QJsonObject object = item.extra;
        object.insert(QLatin1StringView("key"), item.key);
        object.insert(QLatin1StringView("value"), item.value);
        array.append(object);
    }
    return array;
}

QJsonObject KeyValueList::toObject() const
{
    QJsonObject object;
    for (const KeyValue &item : m_items)
        object.insert(item.key, item.value);
    return object;
}

QJsonValue KeyValueList::value(const QString &key) const
{
    for (const KeyValue &item : m_items) {
        if (item.key == key)
            return item.value;
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool KeyValueList::contains(const QString &key) const
{
    return !value(key).isUndefined();
}

void KeyValueList::set(const QString &key, const QJsonValue &value)
{
    for (KeyValue &item : m_items) {
        if (item.key == key) {
            item.value = value;
            return;
        }
    }
    m_items.append(KeyValue{key, value, {}});
}

void KeyValueList::remove(const QString &key)
{
    m_items.removeIf([&key](const KeyValue &item) { return item.key == key; });
}

} // namespace funcdesk
