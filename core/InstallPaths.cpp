#include "core/InstallPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#ifndef FUNCDESK_BINDIR_TO_DATADIR
#define FUNCDESK_BINDIR_TO_DATADIR "../share/funcdesk"
#endif

namespace funcdesk {

QString installedDataDirectory()
{
    // applicationDirPath() needs the application object; without one there is no executable to
    // be relative to.
    if (!QCoreApplication::instance())
        return {};
    const QString directory = QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                                              QStringLiteral(FUNCDESK_BINDIR_TO_DATADIR));
    return QFileInfo(directory).isDir() ? directory : QString();
}

QString resourcePath(const QString &relative)
{
    const QString installed = installedDataDirectory();
    if (!installed.isEmpty()) {
        const QString path = installed + QLatin1Char('/') + relative;
        if (QFileInfo::exists(path))
            return path;
    }
    return QStringLiteral(":/funcdesk/") + relative;
}

} // namespace funcdesk
