#include "models/templates/FunctionTemplates.h"

#include "core/InstallPaths.h"

#include <QFile>

namespace funcdesk {

QString FunctionTemplates::codeFor(const QString &kind)
{
    const QString family = kind.section(QLatin1Char(':'), 0, 0);
    QString path;
    if (family == QLatin1StringView("nodejs"))
        path = resourcePath(QStringLiteral("templates/nodejs.js"));
    else if (family == QLatin1StringView("python"))
        path = resourcePath(QStringLiteral("templates/python.py"));
    else if (family == QLatin1StringView("php"))
        path = resourcePath(QStringLiteral("templates/php.php"));
    else if (family == QLatin1StringView("ruby"))
        path = resourcePath(QStringLiteral("templates/ruby.rb"));
    else if (family == QLatin1StringView("go"))
        path = resourcePath(QStringLiteral("templates/go.go"));
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace funcdesk
