#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

namespace funcdesk {

// One difference between two JSON documents, at a JSONPath-like address: "$" is the whole
// document, "$.user.name" a member, "$.items[2]" an element, "$[\"a b\"]" an awkward key.
struct JsonDifference
{
    enum class Kind {
        Added,   // only on the right
        Removed, // only on the left
        Changed, // on both sides with another value (or another type)
    };
    Kind kind = Kind::Changed;
    QString path;

    friend bool operator==(const JsonDifference &, const JsonDifference &) = default;
};

// A small structural JSON diff: object members by key, array elements by index, recursively;
// a value whose type differs is one change, not a change per member. Results are in document
// order (object keys sorted, as QJsonObject keeps them).
class JsonDiff
{
public:
    static QList<JsonDifference> compare(const QJsonValue &left, const QJsonValue &right);

    // The address of `key` inside `parent` / of element `index` inside `parent`.
    static QString memberPath(const QString &parent, const QString &key);
    static QString elementPath(const QString &parent, qsizetype index);
    // Whether `path` is `ancestor` or lies inside it.
    static bool isWithin(const QString &path, const QString &ancestor);
    static QString rootPath() { return QStringLiteral("$"); }
};

} // namespace funcdesk
