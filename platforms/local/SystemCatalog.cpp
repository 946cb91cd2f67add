#include "platforms/local/SystemCatalog.h"

#include "core/InstallPaths.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

namespace funcdesk {

namespace {
const QString kFeed = QStringLiteral("feed");
const QString kExec = QStringLiteral("exec");

QJsonObject readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("funcdesk: the system catalog's %s is missing from the build", qPrintable(path));
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qWarning("funcdesk: the system catalog's %s is missing from the build", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

KeyValueList annotationsOf(const QJsonValue &value)
{
    auto annotations = KeyValueList::fromJson(value.toArray(), QLatin1StringView("annotations"));
    return annotations ? annotations.value() : KeyValueList();
}

// OpenWhisk names a packaged action {"namespace": "ns/package", "name": "name"}.
Action catalogAction(const QString &package, const QString &name, Exec exec, KeyValueList annotations,
                     KeyValueList parameters, qint64 updated)
{
    annotations.set(kExec, exec.kind); // as OpenWhisk's controller adds it
    Action action;
    action.ns = SystemCatalog::ns() + QLatin1Char('/') + package;
    action.name = name;
    action.version = QStringLiteral("0.0.1");
    action.publish = false;
    action.exec = std::move(exec);
    action.annotations = std::move(annotations);
    action.parameters = std::move(parameters);
    action.limits = ActionLimits();
    action.updated = updated;
    return action;
}
} // namespace

const QString &SystemCatalog::ns()
{
    static const QString name = QStringLiteral("whisk.system");
    return name;
}

const QString &SystemCatalog::builtinKind()
{
    static const QString kind = QStringLiteral("builtin");
    return kind;
}

SystemCatalog::SystemCatalog(const QString &nodejsKind) : m_created(QDateTime::currentMSecsSinceEpoch())
{
    const QJsonObject catalog = readResource(resourcePath(QStringLiteral("catalog/catalog.json")));
    for (const QJsonValue &item : catalog.value(QLatin1StringView("packages")).toArray()) {
        const QJsonObject object = item.toObject();
        Package package;
        package.ns = ns();
        package.name = object.value(QLatin1StringView("name")).toString();
        package.version = QStringLiteral("0.0.1");
        package.publish = true;
        package.annotations = annotationsOf(object.value(QLatin1StringView("annotations")));
        package.parameters = KeyValueList();
        package.binding = QJsonObject();
        package.updated = m_created;
        m_packages.insert(*package.name, package);
    }
    for (const QJsonValue &item : catalog.value(QLatin1StringView("actions")).toArray()) {
        const QJsonObject object = item.toObject();
        const QString package = object.value(QLatin1StringView("package")).toString();
        const QString name = object.value(QLatin1StringView("name")).toString();
        Exec exec = Exec::withCode(
            nodejsKind,
            readText(resourcePath(QStringLiteral("catalog/") + object.value(QLatin1StringView("code")).toString())));
        exec.binary = false;
        m_actions.insert(package + QLatin1Char('/') + name,
                         catalogAction(package, name, std::move(exec),
                                       annotationsOf(object.value(QLatin1StringView("annotations"))), KeyValueList(),
                                       m_created));
    }
}

void SystemCatalog::add(BuiltinDefinition definition)
{
    Exec exec;
    exec.kind = builtinKind();
    exec.binary = false;
    const QString key = definition.package + QLatin1Char('/') + definition.name;
    Action action = catalogAction(definition.package, definition.name, std::move(exec),
                                  std::move(definition.annotations), std::move(definition.parameters), m_created);
    QWriteLocker locker(&m_lock);
    if (!m_packages.contains(definition.package)) {
        Package package;
        package.ns = ns();
        package.name = definition.package;
        package.version = QStringLiteral("0.0.1");
        package.publish = true;
        package.annotations = KeyValueList();
        package.parameters = KeyValueList();
        package.binding = QJsonObject();
        package.updated = m_created;
        m_packages.insert(definition.package, package);
    }
    m_actions.insert(key, std::move(action));
    m_builtins.insert(key, std::move(definition.action));
}

std::optional<Package> SystemCatalog::package(const QString &name) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_packages.constFind(name);
    if (it == m_packages.cend())
        return std::nullopt;
    Package package = *it;
    QJsonArray actions;
    QJsonArray feeds;
    const QString prefix = name + QLatin1Char('/');
    for (auto action = m_actions.lowerBound(prefix); action != m_actions.cend() && action.key().startsWith(prefix);
         ++action) {
        const KeyValueList annotations = action->annotations.value_or(KeyValueList());
        const QJsonObject entry{{QLatin1StringView("name"), action->name.value_or(QString())},
                                {QLatin1StringView("version"), action->version.value_or(QString())},
                                {QLatin1StringView("annotations"), annotations.toJson()},
                                {QLatin1StringView("parameters"), action->parameters->toJson()}};
        (annotations.value(kFeed).toBool(false) ? feeds : actions).append(entry);
    }
    package.actions = actions;
    package.feeds = feeds;
    return package;
}

QList<Package> SystemCatalog::packages() const
{
    QReadLocker locker(&m_lock);
    return m_packages.values();
}

std::optional<Action> SystemCatalog::action(const QString &name) const
{
    QReadLocker locker(&m_lock);
    const auto it = m_actions.constFind(name);
    if (it == m_actions.cend())
        return std::nullopt;
    return *it;
}

QList<Action> SystemCatalog::actions() const
{
    QReadLocker locker(&m_lock);
    return m_actions.values();
}

std::shared_ptr<BuiltinAction> SystemCatalog::builtin(const QString &name) const
{
    QReadLocker locker(&m_lock);
    return m_builtins.value(name);
}

} // namespace funcdesk
