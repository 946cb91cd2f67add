#include "InvokeCommand.h"

#include "ParamParser.h"
#include "core/EntityName.h"
#include "executor/Executor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>

#include <cstdio>

// The translation context of this command's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(InvokeCommand)
};

namespace funcdesk {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitActivationFailed = 1;
constexpr int kExitUsage = 2;

int usageError(const QString &message)
{
    fprintf(stderr, "funcdeskd invoke: %s\n", qPrintable(message));
    fprintf(stderr, "%s\n", qPrintable(Text::tr("Try 'funcdeskd invoke --help'.")));
    return kExitUsage;
}

// Reads an optional numeric option; nullopt when absent, an error text when malformed.
template <typename T>
std::optional<QString> numberOption(const QCommandLineParser &parser, const QString &name, std::optional<T> &out)
{
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    const QString text = parser.value(name);
    if constexpr (std::is_floating_point_v<T>)
        out = text.toDouble(&ok);
    else
        out = text.toLongLong(&ok);
    if (!ok)
        return Text::tr("--%1 expects a number, got '%2'").arg(name, text);
    return std::nullopt;
}

// --min-instances N: the executor keeps N processes of the function ready; the run starts once
// they are idle and initialised (or after kWarmWaitMs, when it goes ahead with what there is).
// warmProcessCount, not warmInstances, which counts a kept process from the moment it starts;
// with no stem cells and one function, every idle process here is one of the kept ones.
void awaitWarm(Executor &executor, const InvocationRequest &request, int count)
{
    constexpr qint64 kWarmWaitMs = 10000;
    executor.keepWarm(request, count);
    QElapsedTimer clock;
    clock.start();
    while (executor.warmProcessCount() < count && clock.elapsed() < kWarmWaitMs)
        QThread::msleep(10);
}

} // namespace

int runInvokeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Run a function once (or N times in one warm process) on the local executor "
                 "and print each activation record as one line of JSON."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        Text::tr("The function's source file (.js, .py, .php, .rb, .go, or a .zip of a native action)."));
    parser.addOptions({
        {QStringLiteral("kind"), Text::tr("Runtime kind (default: from the file's extension)."), QStringLiteral("K")},
        {QStringLiteral("main"), Text::tr("Name of the entry function (default: main)."), QStringLiteral("NAME")},
        {QStringLiteral("name"), Text::tr("Action name used in the record (default: the file's base name)."),
         QStringLiteral("NAME")},
        {QStringLiteral("param"), Text::tr("A parameter; VALUE is JSON when it parses, else a string. Repeatable."),
         QStringLiteral("KEY=VALUE")},
        {QStringLiteral("params-file"), Text::tr("A JSON object file of parameters."), QStringLiteral("F")},
        {QStringLiteral("memory"), Text::tr("Memory limit in MB."), QStringLiteral("MB")},
        {QStringLiteral("cpu"), Text::tr("CPU limit in vCPUs (e.g. 0.25)."), QStringLiteral("VCPU")},
        {QStringLiteral("timeout"), Text::tr("Timeout in milliseconds."), QStringLiteral("MS")},
        {QStringLiteral("logs"), Text::tr("Log limit in MB."), QStringLiteral("MB")},
        {QStringLiteral("storage"), Text::tr("Size of the function's private /tmp in MB."), QStringLiteral("MB")},
        {QStringLiteral("network"), Text::tr("Network access: on, or off (an empty network namespace)."),
         QStringLiteral("on|off")},
        {QStringLiteral("min-instances"),
         Text::tr("Keep N initialised processes warm for the run; the first invocation waits for them."),
         QStringLiteral("N")},
        {QStringLiteral("repeat"), Text::tr("Invoke N times in one warm process."), QStringLiteral("N")},
    });
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        fputs(qPrintable(parser.helpText()), stdout);
        return kExitOk;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usageError(Text::tr("expected exactly one FILE"));

    const QString file = files.first();
    QFile source(file);
    if (!source.open(QIODevice::ReadOnly))
        return usageError(Text::tr("cannot read %1: %2").arg(file, source.errorString()));

    InvocationRequest request;
    request.name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name"))
                                                        : QFileInfo(file).completeBaseName();
    if (auto invalid = checkEntityName(request.name))
        return usageError(Text::tr("the action name '%1' is not valid: %2").arg(request.name, invalid->message));
    const QByteArray bytes = source.readAll();
    // A zip (a native action's `exec` and its files, or a zipped Node.js/Python/PHP/Ruby/Go action)
    // travels as OpenWhisk sends it: base64, binary true.
    const bool zip = QFileInfo(file).suffix().compare(QLatin1String("zip"), Qt::CaseInsensitive) == 0;
    request.exec.code = zip ? QString::fromLatin1(bytes.toBase64()) : QString::fromUtf8(bytes);
    if (zip)
        request.exec.binary = true;
    if (parser.isSet(QStringLiteral("kind"))) {
        request.exec.kind = parser.value(QStringLiteral("kind"));
    } else if (const auto kind = RuntimeCatalog::kindForFile(file)) {
        request.exec.kind = *kind;
    } else {
        return usageError(Text::tr("cannot tell the runtime from the file name %1; pass --kind").arg(file));
    }
    if (parser.isSet(QStringLiteral("main")))
        request.exec.main = parser.value(QStringLiteral("main"));

    std::optional<qint64> repeat;
    for (const auto &problem : {numberOption(parser, QStringLiteral("memory"), request.limits.memoryMb),
                                numberOption(parser, QStringLiteral("timeout"), request.limits.timeoutMs),
                                numberOption(parser, QStringLiteral("logs"), request.limits.logsMb),
                                numberOption(parser, QStringLiteral("cpu"), request.limits.cpu),
                                numberOption(parser, QStringLiteral("storage"), request.limits.storageMb),
                                numberOption(parser, QStringLiteral("min-instances"), request.limits.minInstances),
                                numberOption(parser, QStringLiteral("repeat"), repeat)}) {
        if (problem)
            return usageError(*problem);
    }
    if (repeat && *repeat < 1)
        return usageError(Text::tr("--repeat expects a positive number"));
    if (parser.isSet(QStringLiteral("network")))
        request.limits.network = parser.value(QStringLiteral("network"));

    auto params = parseParams(parser.value(QStringLiteral("params-file")), parser.values(QStringLiteral("param")));
    if (!params)
        return usageError(params.error().message);
    request.params = params.value();

    ExecutorConfig config;
    config.stemCellsPerRuntime = 0; // one function, run now: nothing to pre-start
    config.systemLimits.cpu.max = SystemLimits::machineCores();
    // The limits' texts are the REST API's (SystemLimits), checked before any process starts.
    if (auto invalid = config.systemLimits.validate(request.limits))
        return usageError(invalid->message);
    Executor executor(config);
    if (const int kept = int(request.limits.minInstances.value_or(0)); kept > 0)
        awaitWarm(executor, request, kept);

    bool lastSucceeded = false;
    for (qint64 i = 0; i < repeat.value_or(1); ++i) {
        const auto activation = executor.invoke(request);
        if (!activation) {
            const bool usage = activation.error().kind == PlatformError::Kind::Invalid ||
                               activation.error().kind == PlatformError::Kind::TooLarge;
            fprintf(stderr, "funcdeskd invoke: %s\n", qPrintable(activation.error().message));
            return usage ? kExitUsage : kExitActivationFailed;
        }
        const QByteArray line = QJsonDocument(activation->toJson()).toJson(QJsonDocument::Compact);
        fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
        fputc('\n', stdout);
        fflush(stdout);
        lastSucceeded = activation->succeeded();
    }
    return lastSucceeded ? kExitOk : kExitActivationFailed;
}

} // namespace funcdesk
