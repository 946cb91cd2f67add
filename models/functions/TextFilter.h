#pragma once

#include <QRegularExpression>

#include <optional>

namespace funcdesk {

// What a filter proxy matches rows against: plain text (setText, what the proxies'
// setFilterFixedString sets) or the proxy's filterRegularExpression, whichever changed last.
// Plain text is matched with QString::contains, several times faster than running an expression
// on each of 100,000 rows; an expression that QRegularExpression::escape() made counts as text.
class TextFilter
{
public:
    // Takes `expression` when it differs from the one seen last (cheap when it does not).
    void follow(const QRegularExpression &expression);
    void setText(const QString &text, Qt::CaseSensitivity caseSensitivity);
    bool isEmpty() const { return m_literal ? m_literal->isEmpty() : m_expression.pattern().isEmpty(); }
    bool matches(const QString &text) const;
    // The plain text matched, when it is plain text (not an expression).
    const std::optional<QString> &literal() const { return m_literal; }
    Qt::CaseSensitivity caseSensitivity() const { return m_caseSensitivity; }

    // The text an escaped pattern stands for; nullopt when the pattern uses regex syntax.
    static std::optional<QString> literalOf(const QString &pattern);

private:
    QString m_seenPattern;
    QRegularExpression::PatternOptions m_seenOptions;
    std::optional<QString> m_literal = QString();
    QRegularExpression m_expression;
    Qt::CaseSensitivity m_caseSensitivity = Qt::CaseInsensitive;
};

} // namespace funcdesk
