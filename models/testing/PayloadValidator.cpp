#include "models/testing/PayloadValidator.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace funcdesk {

namespace {

// A recursive-descent JSON syntax check that stops at the first mistake and remembers where.
// Values are not built here: QJsonDocument does that once the text is known to be well formed.
class Scanner
{
public:
    explicit Scanner(const QString &text) : m_text(text) {}

    // Empty when the text is one well-formed JSON value; else the mistake. Sets `topIsObject`.
    QString scanDocument()
    {
        skipSpace();
        if (atEnd())
            return PayloadValidator::tr("expected a JSON object");
        m_topIsObject = peek() == QLatin1Char('{');
        if (!value(0))
            return m_error;
        skipSpace();
        if (!atEnd()) {
            fail(PayloadValidator::tr("unexpected text after the end of the payload"));
            return m_error;
        }
        return {};
    }

    bool topIsObject() const { return m_topIsObject; }
    qsizetype errorPosition() const { return m_errorPos; }

private:
    static constexpr int kMaxDepth = 512;

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }

    bool fail(const QString &message, std::optional<qsizetype> at = {})
    {
        m_errorPos = at.value_or(m_pos);
        m_error = message;
        return false;
    }

    void skipSpace()
    {
        while (!atEnd()) {
            const char16_t c = m_text.at(m_pos).unicode();
            if (c != u' ' && c != u'\t' && c != u'\n' && c != u'\r')
                return;
            ++m_pos;
        }
    }

    bool value(int depth)
    {
        skipSpace();
        if (atEnd())
            return fail(PayloadValidator::tr("unexpected end of text: a value is missing"));
        if (depth > kMaxDepth)
            return fail(PayloadValidator::tr("nested too deeply"));
        const QChar c = peek();
        if (c == QLatin1Char('{'))
            return object(depth + 1);
        if (c == QLatin1Char('['))
            return array(depth + 1);
        if (c == QLatin1Char('"'))
            return string();
        if (c == QLatin1Char('-') || c.isDigit())
            return number();
        for (const QLatin1StringView word :
             {QLatin1StringView("true"), QLatin1StringView("false"), QLatin1StringView("null")}) {
            if (QStringView(m_text).mid(m_pos).startsWith(word)) {
                m_pos += word.size();
                return true;
            }
        }
        if (c == QLatin1Char('\''))
            return fail(PayloadValidator::tr("strings must be in double quotes"));
        if (c == QLatin1Char('}') || c == QLatin1Char(']') || c == QLatin1Char(','))
            return fail(PayloadValidator::tr("a value is missing"));
        return fail(PayloadValidator::tr("unexpected \"%1\": expected a value").arg(c));
    }

    bool object(int depth)
    {
        ++m_pos; // {
        skipSpace();
        if (peek() == QLatin1Char('}')) {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (atEnd())
                return fail(PayloadValidator::tr("unexpected end of text: a closing } is missing"));
            const QChar c = peek();
            if (c == QLatin1Char('}'))
                return fail(PayloadValidator::tr("trailing comma before }"), m_lastComma);
            if (c != QLatin1Char('"')) {
                if (c == QLatin1Char('\'') || c.isLetter() || c == QLatin1Char('_'))
                    return fail(PayloadValidator::tr("property names must be in double quotes"));
                return fail(PayloadValidator::tr("expected a property name in double quotes"));
            }
            if (!string())
                return false;
            skipSpace();
            if (peek() != QLatin1Char(':'))
                return fail(atEnd() ? PayloadValidator::tr("unexpected end of text: a colon is missing")
                                    : PayloadValidator::tr("missing colon after the property name"));
            ++m_pos;
            if (!value(depth))
                return false;
            skipSpace();
            if (atEnd())
                return fail(PayloadValidator::tr("unexpected end of text: a closing } is missing"));
            if (peek() == QLatin1Char('}')) {
                ++m_pos;
                return true;
            }
            if (peek() != QLatin1Char(','))
                return fail(peek() == QLatin1Char(']') ? PayloadValidator::tr("] where } was expected")
                                                       : PayloadValidator::tr("missing comma"));
            m_lastComma = m_pos++;
        }
    }

    bool array(int depth)
    {
        ++m_pos; // [
        skipSpace();
        if (peek() == QLatin1Char(']')) {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() == QLatin1Char(']'))
                return fail(PayloadValidator::tr("trailing comma before ]"), m_lastComma);
            if (!value(depth))
                return false;
            skipSpace();
            if (atEnd())
                return fail(PayloadValidator::tr("unexpected end of text: a closing ] is missing"));
            if (peek() == QLatin1Char(']')) {
                ++m_pos;
                return true;
            }
            if (peek() != QLatin1Char(','))
                return fail(peek() == QLatin1Char('}') ? PayloadValidator::tr("} where ] was expected")
                                                       : PayloadValidator::tr("missing comma"));
            m_lastComma = m_pos++;
        }
    }

    bool string()
    {
        const qsizetype start = m_pos++;
        while (!atEnd()) {
            const char16_t c = m_text.at(m_pos).unicode();
            if (c == u'"') {
                ++m_pos;
                return true;
            }
            if (c == u'\n' || c == u'\r')
                return fail(PayloadValidator::tr("unterminated string (a closing \" is missing)"), start);
            if (c < 0x20)
                return fail(PayloadValidator::tr("control character in a string: write it as an escape like \\t"));
            if (c == u'\\') {
                ++m_pos;
                if (atEnd())
                    break;
                const char16_t e = m_text.at(m_pos).unicode();
                if (e == u'u') {
                    for (int i = 1; i <= 4; ++i) {
                        const qsizetype at = m_pos + i;
                        if (at >= m_text.size() || !isHexDigit(m_text.at(at).unicode()))
                            return fail(PayloadValidator::tr("\\u must be followed by four hex digits"), m_pos - 1);
                    }
                    m_pos += 4;
                } else if (!QStringView(u"\"\\/bfnrt").contains(QChar(e))) {
                    return fail(PayloadValidator::tr("invalid escape \\%1").arg(QChar(e)), m_pos - 1);
                }
            }
            ++m_pos;
        }
        return fail(PayloadValidator::tr("unterminated string (a closing \" is missing)"), start);
    }

    static bool isHexDigit(char16_t c)
    {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    }

    bool digits()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && m_text.at(m_pos).unicode() >= u'0' && m_text.at(m_pos).unicode() <= u'9')
            ++m_pos;
        return m_pos > start;
    }

    bool number()
    {
        const qsizetype start = m_pos;
        if (peek() == QLatin1Char('-'))
            ++m_pos;
        if (peek() == QLatin1Char('0')) {
            ++m_pos;
            if (peek().isDigit())
                return fail(PayloadValidator::tr("numbers cannot start with 0"), start);
        } else if (!digits()) {
            return fail(PayloadValidator::tr("invalid number"), start);
        }
        if (peek() == QLatin1Char('.')) {
            ++m_pos;
            if (!digits())
                return fail(PayloadValidator::tr("invalid number: digits must follow the decimal point"), start);
        }
        if (peek() == QLatin1Char('e') || peek() == QLatin1Char('E')) {
            ++m_pos;
            if (peek() == QLatin1Char('+') || peek() == QLatin1Char('-'))
                ++m_pos;
            if (!digits())
                return fail(PayloadValidator::tr("invalid number: the exponent has no digits"), start);
        }
        return true;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
    qsizetype m_lastComma = 0;
    qsizetype m_errorPos = 0;
    QString m_error;
    bool m_topIsObject = false;
};

PayloadCheck failure(const QString &text, qsizetype position, const QString &what)
{
    PayloadCheck check;
    check.line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < position && i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++check.line;
            lineStart = i + 1;
        }
    }
    check.column = static_cast<int>(position - lineStart) + 1;
    check.message = PayloadValidator::tr("Line %1, column %2: %3").arg(check.line).arg(check.column).arg(what);
    return check;
}

} // namespace

PayloadCheck PayloadValidator::check(const QString &text)
{
    if (text.trimmed().isEmpty())
        return PayloadCheck{true, {}, 0, 0, {}};
    Scanner scanner(text);
    const QString problem = scanner.scanDocument();
    if (!problem.isEmpty())
        return failure(text, scanner.errorPosition(), problem);
    if (!scanner.topIsObject()) {
        PayloadCheck check;
        check.message = tr("The payload must be a JSON object, like {\"name\": \"World\"}: an action gets its "
                           "parameters as one.");
        return check;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        // Well formed by our rules but not Qt's (a lone surrogate escape, for instance).
        const qsizetype position = QString::fromUtf8(text.toUtf8().left(error.offset)).size();
        return failure(text, position, error.errorString());
    }
    return PayloadCheck{true, {}, 0, 0, document.object()};
}

} // namespace funcdesk
