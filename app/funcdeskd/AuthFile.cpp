#include "AuthFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace funcdesk {

namespace {
QString cannotWrite(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("ServeCommand", "cannot write %1: %2").arg(path, reason);
}
} // namespace

Result<bool> writeAuthFile(const QString &path, const QString &auth)
{
    // Qt's "user" bits repeat the owner's when we own the file: only owner, group and other count.
    const QFile::Permissions mode = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                    QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                                    QFile::ExeOther;
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly) && QString::fromUtf8(existing.readAll()).trimmed() == auth &&
        (existing.permissions() & mode) == (QFile::ReadOwner | QFile::WriteOwner))
        return false;
    existing.close();

    const auto failure = [&path](const QString &reason) {
        return PlatformError{PlatformError::Kind::Server, cannotWrite(path, reason)};
    };

    const QString temporary = path + QStringLiteral(".new");
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(auth.toUtf8() + '\n') < 0 || !file.flush()) {
        const QString reason = file.errorString();
        QFile::remove(temporary);
        return failure(reason);
    }
    ::fsync(file.handle());
    file.close();
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        QFile::remove(temporary);
        return failure(reason);
    }
    return true;
}

Result<QString> authDirectory(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("auth.d"));
    if (!QDir().mkpath(path) || !QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return PlatformError{PlatformError::Kind::Server,
                             QCoreApplication::translate("ServeCommand", "cannot create the folder %1").arg(path)};
    return path;
}

} // namespace funcdesk
