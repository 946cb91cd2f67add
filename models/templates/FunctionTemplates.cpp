#include "models/templates/FunctionTemplates.h"

#include <QFile>

namespace funcdesk {

QString FunctionTemplates::codeFor(const QString &kind)
{
    const QString family = kind.section(QLatin1Char(':'), 0, 0);
    QString path;
    if (family == QLatin1StringView("nodejs"))
        path = QStringLiteral(":/funcdesk/templates/nodejs.js");
    else if (family == QLatin1StringView("python"))
        path = QStringLiteral(":/funcdesk/templates/python.py");
    else if (family == QLatin1StringView("php"))
        path = QStringLiteral(":/funcdesk/templates/php.php");
    else if (family == QLatin1StringView("ruby"))
        path = QStringLiteral(":/funcdesk/templates/ruby.rb");
    else if (family == QLatin1StringView("go"))
        path = QStringLiteral(":/funcdesk/templates/go.go");
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace funcdesk
