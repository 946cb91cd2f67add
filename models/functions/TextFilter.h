#pragma once

#include <QRegularExpression>

namespace funcdesk {

// Matches text against a proxy's filterRegularExpression. A pattern that
// QRegularExpression::escape() made (what setFilterFixedString sets) is matched as plain text:
// several times faster than running the expression on every row of 100,000.
class TextFilter
{
public:
    // Follows `expression` when it changed since the last call (cheap when it did not).
    void follow(const QRegularExpression &expression);
    bool isEmpty() const { return m_pattern.isEmpty(); }
    bool matches(const QString &text) const;

    // The text an escaped pattern stands for; nullopt when the pattern uses regex syntax.
    static std::optional<QString> literalOf(const QString &pattern);

private:
    QString m_pattern;
    QRegularExpression::PatternOptions m_options;
    QRegularExpression m_expression;
    std::optional<QString> m_literal;
    Qt::CaseSensitivity m_caseSensitivity = Qt::CaseSensitive;
};

} // namespace funcdesk
