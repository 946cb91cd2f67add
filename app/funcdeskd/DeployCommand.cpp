#include "DeployCommand.h"

#include "AuthFile.h"

#include "core/FutureCallback.h"
#include "deploy/Deployer.h"
#include "deploy/ManifestReader.h"
#include "platforms/local/LocalEngine.h"
#include "platforms/local/LocalPlatform.h"
#include "platforms/openwhisk/OpenWhiskPlatform.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cstdio>

// The translation context of this command's messages.
struct DeployText
{
    Q_DECLARE_TR_FUNCTIONS(DeployCommand)
};

namespace funcdesk {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitPlatform = 2;

void printError(const QString &message)
{
    fprintf(stderr, "funcdeskd deploy: %s\n", qPrintable(message));
}

int usageError(const QString &message)
{
    printError(message);
    fprintf(stderr, "%s\n", qPrintable(DeployText::tr("Try 'funcdeskd deploy --help'.")));
    return kExitInvalid;
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/platform");
}

// DIR/FILE, or FILE when it is absolute; without --manifest, manifest.yaml (or manifest.yml).
QString manifestPath(const QString &dir, const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("manifest")))
        return QDir(dir).filePath(parser.value(QStringLiteral("manifest")));
    const QString yml = QDir(dir).filePath(QStringLiteral("manifest.yml"));
    const QString yaml = QDir(dir).filePath(QStringLiteral("manifest.yaml"));
    return !QFileInfo::exists(yaml) && QFileInfo::exists(yml) ? yml : yaml;
}

// --auth-file FILE or FUNCDESKD_AUTH: "uuid:key" (never a key on the command line).
Result<QString> remoteAuth(const QCommandLineParser &parser)
{
    const auto key = keyFromFileOrEnvironment(optionValue(parser, QStringLiteral("auth-file")));
    if (!key)
        return key.error();
    if (!key->has_value())
        return PlatformError{PlatformError::Kind::Invalid,
                             DeployText::tr("--url needs a key: --auth-file FILE or the FUNCDESKD_AUTH variable")};
    return **key;
}

// The namespace's key as `serve` keeps it: DATA_DIR/auth for guest, DATA_DIR/auth.d/NAME otherwise.
QString keyFile(const QString &dataDir, const QString &ns)
{
    return ns == QLatin1StringView("guest") ? QDir(dataDir).filePath(QStringLiteral("auth"))
                                            : QDir(dataDir).filePath(QStringLiteral("auth.d/") + ns);
}

// Opens the local platform on `dataDir` for `ns`. The database keeps only a hash of each key and
// a feed is told the key, so an existing namespace needs its key file (serve wrote it); a new one
// is created and its key file written, as serve does (not for a dry run: it reads as empty).
Result<std::unique_ptr<LocalEngine>> openLocal(const QString &dataDir, const QString &ns, bool dryRun)
{
    if (!QDir().mkpath(dataDir))
        return PlatformError{PlatformError::Kind::Server,
                             DeployText::tr("cannot create the data folder %1").arg(dataDir)};
    auto config = LocalConfig::fromDataDir(dataDir);
    if (!config)
        return config.error();
    config.value().executor.stemCellsPerRuntime = 0; // nothing runs unless a feed needs it
    auto opened = LocalEngine::open(std::move(config).value());
    if (!opened)
        return opened.error();
    std::unique_ptr<LocalEngine> engine = std::move(opened).value();
    const QString path = keyFile(dataDir, ns);
    std::optional<QString> remembered;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        remembered = QString::fromUtf8(file.read(4096)).trimmed();
    const bool exists = engine->namespaces().contains(ns);
    if (exists && !remembered)
        return PlatformError{PlatformError::Kind::Invalid,
                             DeployText::tr("the namespace '%1' exists but its key file %2 is missing; deploy "
                                            "through the server instead (--url)")
                                 .arg(ns, path)};
    if (!exists && dryRun)
        return engine;
    auto identity = engine->ensureNamespace(ns, std::nullopt, remembered);
    if (!identity)
        return identity.error();
    if (!exists) {
        if (ns != QLatin1StringView("guest"))
            if (auto folder = authDirectory(dataDir); !folder)
                return folder.error();
        if (auto written = writeAuthFile(path, identity->authString()); !written)
            return written.error();
    }
    return engine;
}

void printReport(const DeployReport &report)
{
    if (report.stage == DeployReport::Stage::Reading || report.stage == DeployReport::Stage::Checking)
        return; // nothing was planned: the error says why
    for (const DeployEntry &entry : report.entries) {
        if (report.stage == DeployReport::Stage::Applying && !entry.applied)
            continue; // stopped: only what was applied
        fprintf(stdout, "%s %s %s\n", qPrintable(deployVerdictName(entry.verdict)),
                qPrintable(entityKindName(entry.kind)), qPrintable(entry.name));
    }
    QString summary = DeployText::tr("%1 created, %2 changed, %3 unchanged")
                          .arg(report.count(DeployVerdict::Created))
                          .arg(report.count(DeployVerdict::Changed))
                          .arg(report.count(DeployVerdict::Unchanged));
    if (report.dryRun)
        summary = DeployText::tr("%1 (dry run: nothing applied)").arg(summary);
    if (report.stage == DeployReport::Stage::Applying)
        summary =
            DeployText::tr("stopped: %1 of %2 entities applied").arg(report.appliedCount()).arg(report.entries.size());
    fprintf(stdout, "%s\n", qPrintable(summary));
    fflush(stdout);
}

} // namespace

int runDeployCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        DeployText::tr("Deploy the packages, actions, sequences, triggers and rules of a wskdeploy manifest.yaml "
                       "in one go, to a local data folder or an OpenWhisk-compatible server; print what was "
                       "created, changed or left unchanged."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("DIR"), DeployText::tr("The project folder (holding manifest.yaml)."));
    parser.addOptions({
        {QStringLiteral("manifest"),
         DeployText::tr("The manifest file, relative to DIR (default: manifest.yaml, else manifest.yml)."),
         QStringLiteral("FILE")},
        {QStringLiteral("dry-run"), DeployText::tr("Check the manifest against the platform and print the plan; "
                                                   "change nothing.")},
        {QStringLiteral("data-dir"),
         DeployText::tr("Deploy to the local platform in this folder (default: %1). Not while a server uses it: "
                        "deploy through the server (--url) then.")
             .arg(defaultDataDir()),
         QStringLiteral("DIR")},
        {QStringLiteral("namespace"), DeployText::tr("With --data-dir: the namespace (default: guest)."),
         QStringLiteral("NAME")},
        {QStringLiteral("url"),
         DeployText::tr("Deploy to this OpenWhisk-compatible server (e.g. "
                        "http://127.0.0.1:3233)."),
         QStringLiteral("URL")},
        {QStringLiteral("auth-file"),
         DeployText::tr("With --url: a file holding the key, UUID:KEY (or set the FUNCDESKD_AUTH environment "
                        "variable)."),
         QStringLiteral("FILE")},
    });
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        fputs(qPrintable(parser.helpText()), stdout);
        return kExitOk;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(DeployText::tr("expected exactly one DIR"));
    const bool remote = parser.isSet(QStringLiteral("url"));
    if (remote && (parser.isSet(QStringLiteral("data-dir")) || parser.isSet(QStringLiteral("namespace"))))
        return usageError(DeployText::tr("--url excludes --data-dir and --namespace"));
    if (!remote && parser.isSet(QStringLiteral("auth-file")))
        return usageError(DeployText::tr("--auth-file goes with --url"));

    const QString dir = parser.positionalArguments().first();
    if (!QFileInfo(dir).isDir())
        return usageError(DeployText::tr("%1 is not a folder").arg(dir));
    const auto manifest = ManifestReader::readFile(manifestPath(dir, parser));
    if (!manifest) {
        printError(manifest.error().message);
        return kExitInvalid;
    }
    for (const ManifestProblem &warning : manifest->warnings)
        printError(DeployText::tr("warning: %1").arg(warning.toString()));

    std::unique_ptr<LocalEngine> engine;
    std::unique_ptr<Platform> platform;
    if (remote) {
        const auto auth = remoteAuth(parser);
        if (!auth)
            return usageError(auth.error().message);
        OpenWhiskConfig config;
        config.apiHost = parser.value(QStringLiteral("url"));
        config.auth = auth.value();
        if (!config.rootUrl().isValid())
            return usageError(DeployText::tr("--url: '%1' is not a server address").arg(config.apiHost));
        platform = std::make_unique<OpenWhiskPlatform>(config);
    } else {
        const QString dataDir =
            QDir(parser.isSet(QStringLiteral("data-dir")) ? parser.value(QStringLiteral("data-dir")) : defaultDataDir())
                .absolutePath();
        const QString ns = parser.isSet(QStringLiteral("namespace")) ? parser.value(QStringLiteral("namespace"))
                                                                     : QStringLiteral("guest");
        auto opened = openLocal(dataDir, ns, parser.isSet(QStringLiteral("dry-run")));
        if (!opened) {
            printError(opened.error().message);
            return opened.error().kind == PlatformError::Kind::Invalid ? kExitInvalid : kExitPlatform;
        }
        engine = std::move(opened).value();
        platform = std::make_unique<LocalPlatform>(engine.get(), ns);
    }

    QEventLoop loop;
    if (auto *client = qobject_cast<OpenWhiskPlatform *>(platform.get())) {
        // Sequence components and rules name entities in full: learn the key's namespace first.
        std::optional<Result<QString>> resolved;
        onResult(client->resolveNamespace(), &loop, [&](Result<QString> ns) {
            resolved = std::move(ns);
            loop.quit();
        });
        if (!resolved)
            loop.exec();
        if (!resolved || !*resolved) {
            printError(resolved ? resolved->error().message
                                : DeployText::tr("no answer from %1").arg(client->config().apiHost));
            return kExitPlatform;
        }
    }
    Deployer deployer(platform.get(), manifest.value());
    std::optional<DeployReport> report;
    onResult(deployer.run(parser.isSet(QStringLiteral("dry-run"))), &loop, [&](Result<DeployReport> done) {
        if (done)
            report = done.value();
        loop.quit();
    });
    if (!report)
        loop.exec();
    if (engine)
        engine->flush();
    if (!report)
        return kExitPlatform;
    printReport(*report);
    if (report->error) {
        const QString where =
            report->failed ? QStringLiteral("%1 %2: ").arg(entityKindName(report->failed->kind), report->failed->name)
                           : QString();
        printError(where + report->error->message);
    }
    switch (report->stage) {
    case DeployReport::Stage::Done:
        return kExitOk;
    case DeployReport::Stage::Checking:
        return kExitInvalid;
    case DeployReport::Stage::Reading:
    case DeployReport::Stage::Applying:
        return kExitPlatform;
    }
    return kExitPlatform;
}

} // namespace funcdesk
