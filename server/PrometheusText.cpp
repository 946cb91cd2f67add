#include "server/PrometheusText.h"

namespace funcdesk::prometheus {

void appendFamilyHeader(QByteArray &out, const char *name, const char *help, const char *type)
{
    out += "# HELP ";
    out += name;
    out += ' ';
    for (const char *c = help; *c; ++c) {
        if (*c == '\\')
            out += "\\\\";
        else if (*c == '\n')
            out += "\\n";
        else
            out += *c;
    }
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

void appendLabel(QByteArray &out, const char *name, const QString &value)
{
    out += name;
    out += "=\"";
    const QByteArray utf8 = value.toUtf8();
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    out += '"';
}

void appendMillisAsSeconds(QByteArray &out, qint64 millis)
{
    if (millis < 0)
        millis = 0;
    out += QByteArray::number(millis / 1000);
    out += '.';
    const qint64 fraction = millis % 1000;
    if (fraction < 100)
        out += '0';
    if (fraction < 10)
        out += '0';
    out += QByteArray::number(fraction);
}

} // namespace funcdesk::prometheus
