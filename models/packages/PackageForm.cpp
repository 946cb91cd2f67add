#include "models/packages/PackageForm.h"

#include "models/functions/FunctionListModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace funcdesk {

PackageForm::PackageForm(const Package &package) : m_loaded(package)
{
    name = package.name.value_or(QString());
    boundTo = FunctionListModel::packageRow(package).boundTo;
    publish = package.publish.value_or(false);
    const KeyValueList params = package.parameters.value_or(KeyValueList()); // outlives the loop
    for (const KeyValue &item : params.items())
        parameters.append({item.key, FunctionConfigForm::parameterText(item.value),
                           item.extra.value(QLatin1StringView("init")).toBool(false), false});
    const KeyValueList notes = package.annotations.value_or(KeyValueList());
    for (const KeyValue &item : notes.items())
        annotations.append(QStringLiteral("%1: %2").arg(item.key, FunctionConfigForm::parameterText(item.value)));
    for (const QJsonValue &action : package.actions.value_or(QJsonArray()))
        functions.append(action.toObject().value(QLatin1StringView("name")).toString());
}

Package PackageForm::toUpdate() const
{
    Package update = m_loaded;
    update.parameters = FunctionConfigForm::parameterList(parameters);
    update.publish = publish;
    update.actions.reset();
    update.feeds.reset();
    update.version.reset(); // the platform counts it up
    update.updated.reset();
    return update;
}

Package PackageForm::newPackage()
{
    Package package;
    package.publish = false;
    package.parameters = KeyValueList();
    return package;
}

Package PackageForm::newBinding(const QString &target, const QList<Parameter> &parameters)
{
    const QString path = target.startsWith(QLatin1Char('/')) ? target.mid(1) : target;
    const qsizetype slash = path.indexOf(QLatin1Char('/'));
    Package package;
    package.binding =
        QJsonObject{{QStringLiteral("namespace"), path.left(slash)}, {QStringLiteral("name"), path.mid(slash + 1)}};
    package.parameters = FunctionConfigForm::parameterList(parameters);
    return package;
}

} // namespace funcdesk
