#include "models/functions/TextFilter.h"

namespace funcdesk {

namespace {

bool isWordCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
}

} // namespace

std::optional<QString> TextFilter::literalOf(const QString &pattern)
{
    // escape() leaves [A-Za-z0-9_] alone, writes NUL as "\0" and puts a backslash before every
    // other character; anything else ("\d", ".", "*") is regex syntax.
    QString literal;
    literal.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (isWordCharacter(c)) {
            literal.append(c);
            continue;
        }
        if (c != u'\\' || i + 1 == pattern.size())
            return std::nullopt;
        const QChar next = pattern[++i];
        if (next == u'0')
            literal.append(QChar(u'\0'));
        else if (isWordCharacter(next))
            return std::nullopt;
        else
            literal.append(next);
        if (next.isHighSurrogate() && i + 1 < pattern.size())
            literal.append(pattern[++i]); // escape() keeps a surrogate pair behind one backslash
    }
    return literal;
}

void TextFilter::follow(const QRegularExpression &expression)
{
    if (expression.pattern() == m_seenPattern && expression.patternOptions() == m_seenOptions)
        return;
    m_seenPattern = expression.pattern();
    m_seenOptions = expression.patternOptions();
    m_expression = expression;
    m_literal = literalOf(m_seenPattern);
    m_caseSensitivity =
        m_seenOptions.testFlag(QRegularExpression::CaseInsensitiveOption) ? Qt::CaseInsensitive : Qt::CaseSensitive;
}

void TextFilter::setText(const QString &text, Qt::CaseSensitivity caseSensitivity)
{
    m_literal = text;
    m_caseSensitivity = caseSensitivity;
}

bool TextFilter::matches(const QString &text) const
{
    if (m_literal)
        return text.contains(*m_literal, m_caseSensitivity);
    return m_expression.match(text).hasMatch();
}

} // namespace funcdesk
