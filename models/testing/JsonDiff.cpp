#include "models/testing/JsonDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <set>

namespace funcdesk {

namespace {

void compareAt(const QString &path, const QJsonValue &left, const QJsonValue &right, QList<JsonDifference> &out)
{
    if (left.type() != right.type()) {
        out.append({JsonDifference::Kind::Changed, path});
        return;
    }
    if (left.isObject()) {
        const QJsonObject a = left.toObject();
        const QJsonObject b = right.toObject();
        std::set<QString> keys;
        for (auto it = a.begin(); it != a.end(); ++it)
            keys.insert(it.key());
        for (auto it = b.begin(); it != b.end(); ++it)
            keys.insert(it.key());
        for (const QString &key : keys) {
            const QString child = JsonDiff::memberPath(path, key);
            if (!b.contains(key))
                out.append({JsonDifference::Kind::Removed, child});
            else if (!a.contains(key))
                out.append({JsonDifference::Kind::Added, child});
            else
                compareAt(child, a.value(key), b.value(key), out);
        }
        return;
    }
    if (left.isArray()) {
        const QJsonArray a = left.toArray();
        const QJsonArray b = right.toArray();
        const qsizetype common = std::min(a.size(), b.size());
        for (qsizetype i = 0; i < common; ++i)
            compareAt(JsonDiff::elementPath(path, i), a.at(i), b.at(i), out);
        for (qsizetype i = common; i < a.size(); ++i)
            out.append({JsonDifference::Kind::Removed, JsonDiff::elementPath(path, i)});
        for (qsizetype i = common; i < b.size(); ++i)
            out.append({JsonDifference::Kind::Added, JsonDiff::elementPath(path, i)});
        return;
    }
    if (left != right)
        out.append({JsonDifference::Kind::Changed, path});
}

} // namespace

QList<JsonDifference> JsonDiff::compare(const QJsonValue &left, const QJsonValue &right)
{
    QList<JsonDifference> differences;
    compareAt(rootPath(), left, right, differences);
    return differences;
}

QString JsonDiff::memberPath(const QString &parent, const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*$"));
    if (plain.match(key).hasMatch())
        return parent + QLatin1Char('.') + key;
    const QByteArray quoted = QJsonDocument(QJsonArray{key}).toJson(QJsonDocument::Compact); // ["..."]
    return parent + QString::fromUtf8(quoted);
}

QString JsonDiff::elementPath(const QString &parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

bool JsonDiff::isWithin(const QString &path, const QString &ancestor)
{
    if (!path.startsWith(ancestor))
        return false;
    if (path.size() == ancestor.size())
        return true;
    const QChar next = path.at(ancestor.size());
    return next == QLatin1Char('.') || next == QLatin1Char('[');
}

} // namespace funcdesk
