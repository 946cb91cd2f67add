#include "models/testing/PrettyJson.h"

#include "models/testing/JsonDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace funcdesk {

namespace {

// QJsonDocument writes only objects and arrays: wrap a scalar in an array and unwrap the text.
QString scalarText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

const QString kStep = QStringLiteral("  ");

} // namespace

PrettyJson PrettyJson::render(const QJsonValue &value)
{
    PrettyJson pretty;
    if (!value.isUndefined())
        pretty.write(value, JsonDiff::rootPath(), QString(), QString(), false);
    return pretty;
}

void PrettyJson::addLine(const QString &line, const QString &path)
{
    if (!m_linePaths.isEmpty())
        m_text += QLatin1Char('\n');
    m_text += line;
    m_linePaths.append(path);
}

void PrettyJson::write(const QJsonValue &value, const QString &path, const QString &indent, const QString &prefix,
                       bool trailingComma)
{
    const QString comma = trailingComma ? QStringLiteral(",") : QString();
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject object = value.toObject();
        addLine(indent + prefix + QLatin1Char('{'), path);
        qsizetype left = object.size();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = scalarText(it.key()) + QStringLiteral(": ");
            write(it.value(), JsonDiff::memberPath(path, it.key()), indent + kStep, key, --left > 0);
        }
        addLine(indent + QLatin1Char('}') + comma, path);
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        const QJsonArray array = value.toArray();
        addLine(indent + prefix + QLatin1Char('['), path);
        for (qsizetype i = 0; i < array.size(); ++i)
            write(array.at(i), JsonDiff::elementPath(path, i), indent + kStep, QString(), i + 1 < array.size());
        addLine(indent + QLatin1Char(']') + comma, path);
    } else if (value.isObject()) {
        addLine(indent + prefix + QStringLiteral("{}") + comma, path);
    } else if (value.isArray()) {
        addLine(indent + prefix + QStringLiteral("[]") + comma, path);
    } else {
        addLine(indent + prefix + scalarText(value) + comma, path);
    }
}

QList<int> PrettyJson::linesWithin(const QStringList &paths) const
{
    QList<int> lines;
    for (int i = 0; i < m_linePaths.size(); ++i) {
        for (const QString &path : paths) {
            if (JsonDiff::isWithin(m_linePaths.at(i), path)) {
                lines.append(i);
                break;
            }
        }
    }
    return lines;
}

} // namespace funcdesk
