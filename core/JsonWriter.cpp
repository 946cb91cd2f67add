#include "core/JsonWriter.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace funcdesk {

namespace {

// What QJsonDocument writes for one value: the value in an array, brackets cut off.
void appendAsQtWrites(QByteArray &out, const QJsonValue &value)
{
    out.append(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
}

bool hasLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return true;
    }
    return false;
}

// Copies text[from, to) to out: ASCII byte by byte into place (no temporary), else as UTF-8.
void appendRun(QByteArray &out, QStringView text, qsizetype from, qsizetype to, bool ascii)
{
    if (from >= to)
        return;
    if (!ascii) {
        out.append(text.sliced(from, to - from).toUtf8());
        return;
    }
    const qsizetype at = out.size();
    out.resize(at + (to - from));
    char *p = out.data() + at;
    for (qsizetype i = from; i < to; ++i)
        *p++ = static_cast<char>(text[i].unicode());
}

} // namespace

void appendJsonString(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    if (hasLoneSurrogate(text)) { // Qt escapes those its own way
        appendAsQtWrites(out, text.toString());
        return;
    }
    out.append('"');
    qsizetype plain = 0; // start of the run of characters copied as they are
    bool ascii = true;   // the run is ASCII only
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80)
            continue;
        if (c >= 0x80) { // non-ASCII goes out as UTF-8, with the run it belongs to
            ascii = false;
            continue;
        }
        appendRun(out, text, plain, i, ascii);
        plain = i + 1;
        ascii = true;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default: {
            const char escaped[6] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]};
            out.append(escaped, 6);
        }
        }
    }
    appendRun(out, text, plain, text.size(), ascii);
    out.append('"');
}

void appendJsonValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        return;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        return;
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        return;
    case QJsonValue::Double: {
        // A value held as an integer prints as one; a double (even 1e5) is left to Qt's own
        // number formatting, so the bytes stay the same.
        const QCborValue held = QCborValue::fromJsonValue(value);
        if (held.isInteger())
            out.append(QByteArray::number(held.toInteger()));
        else if (const double d = held.toDouble(); qIsFinite(d))
            out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest)); // as Qt's writer
        else
            out.append("null"); // Qt writes infinities and NaN so (RFC 4627 has no such numbers)
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out.append('[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendJsonValue(out, array.at(i));
        }
        out.append(']');
        return;
    }
    case QJsonValue::Object: {
        // In key order, as QJsonDocument writes it (a QJsonObject iterates its keys sorted).
        const QJsonObject object = value.toObject();
        out.append('{');
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it != object.begin())
                out.append(',');
            appendJsonString(out, it.key());
            out.append(':');
            appendJsonValue(out, it.value());
        }
        out.append('}');
        return;
    }
    }
}

} // namespace funcdesk
