#include "models/transfer/FunctionFiles.h"

#include "core/EntityName.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace funcdesk {

namespace {

PlatformError fileError(const QString &message)
{
    return {PlatformError::Kind::Invalid, message};
}

std::optional<QString> kindForSuffix(const QString &suffix)
{
    if (suffix == QLatin1StringView("js") || suffix == QLatin1StringView("mjs") || suffix == QLatin1StringView("cjs"))
        return QStringLiteral("nodejs:default");
    if (suffix == QLatin1StringView("py"))
        return QStringLiteral("python:default");
    return std::nullopt;
}

Result<QList<Action>> importFile(const QFileInfo &info)
{
    QFile file(info.filePath());
    if (!file.open(QIODevice::ReadOnly))
        return fileError(FunctionFiles::tr("Cannot read %1: %2").arg(info.filePath(), file.errorString()));
    const QByteArray content = file.readAll();
    const QString suffix = info.suffix().toLower();
    if (const auto kind = kindForSuffix(suffix)) {
        if (auto problem = checkEntityName(info.completeBaseName()))
            return fileError(FunctionFiles::tr("%1: the file name is not a valid function name: %2")
                                 .arg(info.fileName(), problem->message));
        Action action;
        action.name = info.completeBaseName();
        action.exec = Exec::withCode(*kind, QString::fromUtf8(content));
        return QList<Action>{action};
    }
    if (suffix != QLatin1StringView("json"))
        return fileError(
            FunctionFiles::tr("%1: only .js, .py and exported .json files can be imported.").arg(info.fileName()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (document.isNull())
        return fileError(FunctionFiles::tr("%1 is not valid JSON: %2 (at byte %3)")
                             .arg(info.fileName(), parseError.errorString())
                             .arg(parseError.offset));
    const QJsonArray items = document.isArray() ? document.array() : QJsonArray{document.object()};
    QList<Action> actions;
    for (const QJsonValue &item : items) {
        auto action = Action::fromJson(item.toObject());
        if (!action)
            return fileError(FunctionFiles::tr("%1: %2").arg(info.fileName(), action.error().message));
        if (!action->name || !action->exec || !action->exec->code)
            return fileError(FunctionFiles::tr("%1: every function needs a name and code.").arg(info.fileName()));
        actions.append(std::move(action).value());
    }
    return actions;
}

} // namespace

Result<QList<Action>> FunctionFiles::importPath(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fileError(tr("%1 does not exist.").arg(path));
    if (info.isFile())
        return importFile(info);
    QList<Action> actions;
    const QFileInfoList entries =
        QDir(path).entryInfoList({QStringLiteral("*.js"), QStringLiteral("*.mjs"), QStringLiteral("*.cjs"),
                                  QStringLiteral("*.py"), QStringLiteral("*.json")},
                                 QDir::Files | QDir::Readable, QDir::Name);
    for (const QFileInfo &entry : entries) {
        auto imported = importFile(entry);
        if (!imported)
            return imported;
        actions += imported.value();
    }
    if (actions.isEmpty())
        return fileError(tr("%1 holds no .js, .py or .json files.").arg(path));
    return actions;
}

Result<Done> FunctionFiles::exportActions(const QList<Action> &actions, const QString &path)
{
    QByteArray content;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (actions.size() == 1 && kindForSuffix(suffix) && actions.first().exec) {
        content = actions.first().exec->code.value_or(QString()).toUtf8();
    } else {
        QJsonArray documents;
        for (Action action : actions) {
            action.ns.reset(); // the target namespace decides
            action.updated.reset();
            documents.append(action.toJson());
        }
        content = QJsonDocument(documents).toJson(QJsonDocument::Indented);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return fileError(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return Done{};
}

QString FunctionFiles::copyName(const QString &name, const QStringList &taken)
{
    QString candidate = name + QStringLiteral("-copy");
    for (int n = 2; taken.contains(candidate); ++n)
        candidate = name + QStringLiteral("-copy-%1").arg(n);
    return candidate;
}

} // namespace funcdesk
