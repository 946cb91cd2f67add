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

std::optional<QString> optionValue(const QCommandLineParser &parser, const QString &name)
{
    return parser.isSet(name) ? std::optional<QString>(parser.value(name)) : std::nullopt;
}

Result<QString> checkedKey(const QString &auth)
{
    const QString key = auth.trimmed();
    if (key.indexOf(QLatin1Char(':')) <= 0 || key.endsWith(QLatin1Char(':')))
        return PlatformError{PlatformError::Kind::Invalid,
                             QCoreApplication::translate("ServeCommand", "the key must look like UUID:KEY")};
    return key;
}

Result<std::optional<QString>> keyFromFileOrEnvironment(const std::optional<QString> &file)
{
    QString auth;
    if (file) {
        QFile source(*file);
        if (!source.open(QIODevice::ReadOnly))
            return PlatformError{
                PlatformError::Kind::Invalid,
                QCoreApplication::translate("ServeCommand", "cannot read %1: %2").arg(*file, source.errorString())};
        auth = QString::fromUtf8(source.read(64 * 1024)); // a key is ~100 bytes; a wrong file is not read whole
    } else if (qEnvironmentVariableIsSet(kAuthVariable)) {
        auth = qEnvironmentVariable(kAuthVariable);
        qunsetenv(kAuthVariable);
    } else {
        return std::optional<QString>();
    }
    const auto key = checkedKey(auth);
    if (!key)
        return key.error();
    return std::optional<QString>(*key);
}

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
