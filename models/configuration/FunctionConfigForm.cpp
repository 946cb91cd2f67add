#include "models/configuration/FunctionConfigForm.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>

namespace funcdesk {

namespace {
const QString kWebExport = QStringLiteral("web-export");

template <typename T>
std::optional<QString> outOfRange(T value, const SystemLimits::Range<T> &range, const QString &unit)
{
    if (value >= range.min && value <= range.max)
        return std::nullopt;
    if (unit.isEmpty()) // a count: "Allowed: 0 to 8.", not "… 8 ."
        return FunctionConfigForm::tr("Allowed: %1 to %2.").arg(range.min).arg(range.max);
    return FunctionConfigForm::tr("Allowed: %1 to %2 %3.").arg(range.min).arg(range.max).arg(unit);
}
} // namespace

FunctionConfigForm::FunctionConfigForm(const Action &action, const PlatformInfo &platform) : m_platform(platform)
{
    const ActionLimits limits = platform.limits.withDefaults(action.limits.value_or(ActionLimits()));
    memoryMb = *limits.memoryMb;
    timeoutMs = *limits.timeoutMs;
    logsMb = *limits.logsMb;
    concurrency = *limits.concurrency;
    instances = action.limits ? action.limits->instances : std::nullopt;
    cpu = action.limits ? action.limits->cpu : std::nullopt;
    storageMb = *limits.storageMb;
    networkOn = *limits.network != QLatin1StringView("off");
    minInstances = *limits.minInstances;
    warmInstances = action.warmInstances;

    const KeyValueList annotations = action.annotations.value_or(KeyValueList());
    webExport = annotations.value(kWebExport).toBool(false);
    m_hadWebExport = annotations.contains(kWebExport);
    QSet<QString> secrets;
    for (const QJsonValue &key : annotations.value(secretAnnotation()).toArray())
        secrets.insert(key.toString());
    m_hadSecrets = annotations.contains(secretAnnotation());
    const KeyValueList params = action.parameters.value_or(KeyValueList()); // outlives the loop
    for (const KeyValue &item : params.items())
        parameters.append({item.key, parameterText(item.value),
                           item.extra.value(QLatin1StringView("init")).toBool(false), secrets.contains(item.key)});
}

QString FunctionConfigForm::cpuUnsupportedReason() const
{
    if (cpuSupported())
        return {};
    return tr("This platform sets CPU from memory and has no CPU limit of its own.");
}

QString FunctionConfigForm::automaticCpuText() const
{
    return tr("%1 vCPU (follows memory)").arg(cpuText(m_platform.limits.cpuForMemory(memoryMb)));
}

QString FunctionConfigForm::cpuText(double vcpu)
{
    const QLocale locale;
    QString text = locale.toString(vcpu, 'f', 3);
    const QString point = locale.decimalPoint();
    if (!text.contains(point))
        return text;
    while (text.endsWith(locale.zeroDigit()))
        text.chop(1);
    if (text.endsWith(point))
        text.chop(point.size());
    return text;
}

QString FunctionConfigForm::storageNote() const
{
    return tr("/tmp is held in memory, outside the Memory limit.");
}

QString FunctionConfigForm::storageNoteDetail() const
{
    return tr("The function's /tmp is a file system of this size in the machine's memory, kept while its process "
              "stays warm. It does not count toward the function's Memory limit; a write past its size fails with "
              "\"no space left on device\" and the function goes on.");
}

QString FunctionConfigForm::warmInstancesText() const
{
    if (!warmInstances)
        return {};
    return tr("Warm now: %1").arg(QLocale().toString(*warmInstances));
}

QMap<FunctionConfigForm::Field, QString> FunctionConfigForm::validate() const
{
    const SystemLimits &limits = m_platform.limits;
    QMap<Field, QString> errors;
    if (auto problem = outOfRange(memoryMb, limits.memoryMb, tr("MB")))
        errors.insert(Field::Memory, *problem);
    if (auto problem = outOfRange(timeoutMs, limits.timeoutMs, tr("ms")))
        errors.insert(Field::Timeout, *problem);
    if (auto problem = outOfRange(logsMb, limits.logsMb, tr("MB")))
        errors.insert(Field::Logs, *problem);
    if (auto problem = outOfRange(concurrency, limits.concurrency, QString()))
        errors.insert(Field::Concurrency, *problem);
    if (instances && *instances < 0)
        errors.insert(Field::Instances, tr("Must be 0 or more."));
    if (cpu && cpuSupported() && (*cpu < limits.cpu.min || *cpu > limits.cpu.max))
        errors.insert(Field::Cpu, tr("Allowed: %1 to %2 vCPU.").arg(limits.cpu.min).arg(limits.cpu.max));
    if (storageSupported()) {
        if (auto problem = outOfRange(storageMb, limits.storageMb, tr("MB")))
            errors.insert(Field::Storage, *problem);
        if (auto problem = outOfRange(minInstances, limits.minInstances, QString()))
            errors.insert(Field::MinInstances, *problem);
    }
    if (const QString problem = parametersProblem(parameters); !problem.isEmpty())
        errors.insert(Field::Parameters, problem);
    return errors;
}

Action FunctionConfigForm::toUpdate() const
{
    Action update;
    ActionLimits limits;
    limits.memoryMb = memoryMb;
    limits.timeoutMs = timeoutMs;
    limits.logsMb = logsMb;
    limits.concurrency = concurrency;
    limits.instances = instances;
    if (cpuSupported())
        limits.cpu = cpu;
    if (storageSupported()) {
        limits.storageMb = storageMb;
        limits.network = networkOn ? QStringLiteral("on") : QStringLiteral("off");
        limits.minInstances = minInstances;
    }
    update.limits = limits;

    QJsonArray secretKeys;
    for (const Parameter &parameter : parameters) {
        if (parameter.secret)
            secretKeys.append(parameter.key.trimmed());
    }
    update.parameters = parameterList(parameters);

    KeyValueList annotations;
    if (webExport || m_hadWebExport)
        annotations.set(kWebExport, webExport);
    if (!secretKeys.isEmpty())
        annotations.set(secretAnnotation(), secretKeys);
    update.annotations = annotations;
    return update;
}

QStringList FunctionConfigForm::removedAnnotations() const
{
    QStringList removed;
    const bool anySecret =
        std::any_of(parameters.cbegin(), parameters.cend(), [](const Parameter &p) { return p.secret; });
    if (m_hadSecrets && !anySecret)
        removed.append(secretAnnotation());
    return removed;
}

QString FunctionConfigForm::parametersProblem(const QList<Parameter> &parameters)
{
    QSet<QString> keys;
    for (const Parameter &parameter : parameters) {
        const QString key = parameter.key.trimmed();
        if (key.isEmpty())
            return tr("Every parameter needs a name.");
        if (keys.contains(key))
            return tr("The parameter \"%1\" appears twice.").arg(key);
        keys.insert(key);
    }
    return {};
}

KeyValueList FunctionConfigForm::parameterList(const QList<Parameter> &parameters)
{
    QJsonArray params;
    for (const Parameter &parameter : parameters) {
        QJsonObject item{{QStringLiteral("key"), parameter.key.trimmed()},
                         {QStringLiteral("value"), parameterValue(parameter.valueText)}};
        if (parameter.environment)
            item.insert(QStringLiteral("init"), true);
        params.append(item);
    }
    return KeyValueList::fromJson(params, QLatin1StringView("parameters")).value();
}

QJsonValue FunctionConfigForm::parameterValue(const QString &text)
{
    // Wrap so scalars parse too ("42", "true", "\"quoted\"").
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArrayLiteral("[") + text.toUtf8() + QByteArrayLiteral("]"));
    if (document.isArray() && document.array().size() == 1 && !text.trimmed().isEmpty())
        return document.array().first();
    return text;
}

QString FunctionConfigForm::parameterText(const QJsonValue &value)
{
    if (value.isString()) {
        // A string that would read back as JSON keeps its quotes, so it stays a string.
        const QString text = value.toString();
        return parameterValue(text).isString()
                   ? text
                   : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                         .mid(1)
                         .chopped(1);
    }
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace funcdesk
