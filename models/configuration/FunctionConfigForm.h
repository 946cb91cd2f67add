#pragma once

#include "core/Action.h"
#include "core/PlatformInfo.h"

#include <QCoreApplication>
#include <QMap>

namespace funcdesk {

// The configuration of one function as the Configuration panel edits it: limits, default
// parameters (environment-like ones and secrets marked), web export. Validates every field
// against the platform's limits (from GET /) with a message per field before anything is sent,
// and turns the form back into the Action to PUT. Values travel as text for parameters: a value
// that parses as JSON is JSON, anything else a string (as `wsk -p` does).
class FunctionConfigForm
{
    Q_DECLARE_TR_FUNCTIONS(FunctionConfigForm)

public:
    enum class Field { Memory, Timeout, Logs, Concurrency, Instances, Cpu, Storage, MinInstances, Parameters };

    struct Parameter
    {
        QString key;
        QString valueText;
        bool environment = false; // OpenWhisk "init" parameter: given to the runtime at start
        bool secret = false;      // masked in the console; listed in an annotation
        friend bool operator==(const Parameter &, const Parameter &) = default;
    };

    FunctionConfigForm() = default;
    FunctionConfigForm(const Action &action, const PlatformInfo &platform);

    qint64 memoryMb = 256;
    qint64 timeoutMs = 60000;
    qint64 logsMb = 10;
    qint64 concurrency = 1;
    std::optional<qint64> instances; // unset: the platform decides
    std::optional<double> cpu;       // unset: CPU follows memory
    // Funcdesk's sandbox settings, sent only where the platform has them (storageSupported()).
    qint64 storageMb = 512; // the size of the function's /tmp
    bool networkOn = true;
    qint64 minInstances = 0;
    std::optional<qint64> warmInstances; // read-only: warm processes now, when the platform says
    QList<Parameter> parameters;
    bool webExport = false;

    const PlatformInfo &platform() const { return m_platform; }
    bool cpuSupported() const { return m_platform.cpuLimits; }
    // Why the CPU field is disabled, when it is.
    QString cpuUnsupportedReason() const;
    // The CPU an action gets without an explicit value, e.g. "0.25 vCPU (follows memory)".
    QString automaticCpuText() const;
    // A vCPU figure as the panel shows it everywhere: up to three decimals, no trailing zeros
    // ("0.125", "0.25", "1"), in the user's locale.
    static QString cpuText(double vcpu);
    // Storage, Network and Minimum instances: the platform reports storageLimits (funcdeskd
    // does; a stock OpenWhisk does not, and there the fields are hidden and never sent).
    bool storageSupported() const { return m_platform.storageLimits; }
    // Where /tmp lives and how it is accounted for: a short note beside Storage, and the detail.
    QString storageNote() const;
    QString storageNoteDetail() const;
    // "Warm now: 2", or "" when the platform did not say.
    QString warmInstancesText() const;

    // Field → message; empty when the form can be sent.
    QMap<Field, QString> validate() const;
    // The update to PUT (overwrite): limits, parameters, annotations; plus the annotation keys
    // to remove. Call only when validate() is empty.
    Action toUpdate() const;
    QStringList removedAnnotations() const;

    // A parameter value as an action sees it: JSON when the text parses, else the string.
    static QJsonValue parameterValue(const QString &text);
    static QString parameterText(const QJsonValue &value);
    static QString secretAnnotation() { return QStringLiteral("funcdesk-secret-parameters"); }
    // What is wrong with a list of parameters (a name missing or twice), "" when nothing; and the
    // list as the platform stores it (an environment one marked "init"). A package's panel too.
    static QString parametersProblem(const QList<Parameter> &parameters);
    static KeyValueList parameterList(const QList<Parameter> &parameters);

    friend bool operator==(const FunctionConfigForm &a, const FunctionConfigForm &b)
    {
        return a.memoryMb == b.memoryMb && a.timeoutMs == b.timeoutMs && a.logsMb == b.logsMb &&
               a.concurrency == b.concurrency && a.instances == b.instances && a.cpu == b.cpu &&
               a.storageMb == b.storageMb && a.networkOn == b.networkOn && a.minInstances == b.minInstances &&
               a.parameters == b.parameters && a.webExport == b.webExport;
    }

private:
    PlatformInfo m_platform;
    bool m_hadWebExport = false;
    bool m_hadSecrets = false;
};

} // namespace funcdesk
