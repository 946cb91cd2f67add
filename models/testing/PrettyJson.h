#pragma once

#include <QJsonValue>
#include <QList>
#include <QStringList>

namespace funcdesk {

// A JSON value as indented text (two spaces, keys sorted), remembering which value each line
// belongs to, so a diff's paths can be turned into the lines to highlight.
class PrettyJson
{
public:
    // Undefined renders as no text at all (an activation without a result).
    static PrettyJson render(const QJsonValue &value);

    const QString &text() const { return m_text; }
    // 0-based numbers of the lines inside any of `paths` (JsonDiff addresses).
    QList<int> linesWithin(const QStringList &paths) const;
    int lineCount() const { return static_cast<int>(m_linePaths.size()); }

private:
    void write(const QJsonValue &value, const QString &path, const QString &indent, const QString &prefix,
               bool trailingComma);
    void addLine(const QString &line, const QString &path);

    QString m_text;
    QStringList m_linePaths;
};

} // namespace funcdesk
