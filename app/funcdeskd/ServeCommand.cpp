#include "ServeCommand.h"

#include "AuthFile.h"

#include "executor/ChildProcess.h"
#include "platforms/local/LocalEngine.h"
#include "server/ApiServer.h"
#include "server/OpenSslTls.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <unistd.h>

// The translation context of this command's messages (named apart from InvokeCommand's Text).
struct ServeText
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)
};

namespace funcdesk {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitCannotStart = 1;
constexpr int kExitUsage = 2;
const QString kGuest = QStringLiteral("guest");

// What a key file an earlier start wrote holds ("uuid:key"), if anything: the database keeps
// only a hash of each key, so this is how an existing key is handed out again.
std::optional<QString> rememberedAuth(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.read(4096)).trimmed();
}

// On SIGTERM, how long running activations may go on before they are killed (docs/server.md).
constexpr std::chrono::milliseconds kShutdownGrace(2000);

// A line to stderr that waits a second at most for room (a stderr nobody reads must not hold
// the shutdown); lost otherwise.
void writeStderrBounded(const QByteArray &text)
{
    const QByteArray line = text + '\n';
    pollfd out{STDERR_FILENO, POLLOUT, 0};
    if (::poll(&out, 1, 1000) > 0 && !(out.revents & (POLLERR | POLLNVAL))) [[maybe_unused]]
        auto written = ::write(STDERR_FILENO, line.constData(), static_cast<size_t>(line.size()));
}

int usageError(const QString &message)
{
    fprintf(stderr, "funcdeskd serve: %s\n", qPrintable(message));
    fprintf(stderr, "%s\n", qPrintable(ServeText::tr("Try 'funcdeskd serve --help'.")));
    return kExitUsage;
}

int startError(const QString &message)
{
    fprintf(stderr, "funcdeskd serve: %s\n", qPrintable(message));
    return kExitCannotStart;
}

// SIGTERM / SIGINT → one byte down a pipe → a QSocketNotifier on the event loop, where the
// shutdown can do what a signal handler may not. A second signal while shutting down ends the
// process at once (after killing the actions' process groups).
int g_signalPipe[2] = {-1, -1};
std::atomic<int> g_signalCount{0}; // lock-free, so safe in a signal handler

void onShutdownSignal(int signal)
{
    if (g_signalCount.fetch_add(1) > 0) {
        ChildProcess::killAllGroups();
        _exit(128 + signal);
    }
    const char byte = static_cast<char>(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

bool installShutdownSignals()
{
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onShutdownSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/platform");
}

// "127.0.0.1", "::1", "0.0.0.0" or "localhost".
std::optional<QHostAddress> parseHost(const QString &host)
{
    if (host == QLatin1StringView("localhost"))
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(host))
        return std::nullopt;
    return address;
}

QString urlHost(const QHostAddress &address)
{
    const QString text = address.toString();
    return address.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + text + QLatin1Char(']') : text;
}

// The guest key as --auth or --auth-file gives it ("uuid:key"), or nullopt for "keep or create".
Result<std::optional<QString>> requestedAuth(const QCommandLineParser &parser)
{
    const bool given = parser.isSet(QStringLiteral("auth"));
    const bool fromFile = parser.isSet(QStringLiteral("auth-file"));
    if (given && fromFile)
        return PlatformError{PlatformError::Kind::Invalid, ServeText::tr("--auth and --auth-file exclude each other")};
    if (!given)
        return keyFromFileOrEnvironment(optionValue(parser, QStringLiteral("auth-file")));
    // main() overwrites the key in our argv (ps, /proc/PID/cmdline), but it was there until now.
    fprintf(stderr, "%s\n",
            qPrintable(ServeText::tr("funcdeskd serve: warning: --auth shows the key to every local user in the "
                                     "process list; use --auth-file FILE or the FUNCDESKD_AUTH environment "
                                     "variable instead")));
    const auto key = checkedKey(parser.value(QStringLiteral("auth")));
    if (!key)
        return key.error();
    return std::optional<QString>(*key);
}

// --namespace NAME...: each one exists (an existing key is kept) and its key is in
// DATA_DIR/auth.d/NAME. The keys are never printed, only where they are.
std::optional<PlatformError> serveNamespaces(LocalEngine &engine, const QString &dataDir, QStringList names)
{
    names.removeDuplicates();
    if (names.isEmpty())
        return std::nullopt;
    const auto folder = authDirectory(dataDir);
    if (!folder)
        return folder.error();
    for (const QString &name : names) {
        const QString path = QDir(folder.value()).filePath(name);
        const auto identity = engine.ensureNamespace(name, std::nullopt, rememberedAuth(path));
        if (!identity)
            return PlatformError{identity.error().kind,
                                 ServeText::tr("--namespace %1: %2").arg(name, identity.error().message)};
        const auto written = writeAuthFile(path, identity->authString());
        if (!written)
            return written.error();
        if (*written)
            fprintf(stderr, "%s\n",
                    qPrintable(ServeText::tr("funcdeskd: the key of namespace '%1' is in %2 (readable by you only)")
                                   .arg(name, path)));
    }
    return std::nullopt;
}

// Without a sandbox a function runs as the platform's user and sees its files: one namespace's
// code could read every other namespace's key. Several namespaces (those named now and those the
// database already holds) then need --allow-unsandboxed; either way stderr says so, once.
std::optional<QString> checkSandbox(LocalEngine &engine, const QStringList &named, bool allowUnsandboxed)
{
    Executor &executor = engine.executor();
    if (executor.sandboxName() != QLatin1StringView("none"))
        return std::nullopt;
    QStringList served = engine.namespaces() + named;
    served.append(kGuest);
    served.removeDuplicates();
    served.sort();
    if (served.size() > 1 && !allowUnsandboxed)
        return ServeText::tr("refusing to serve %1 namespaces (%2) without a sandbox: functions of one could read "
                             "the keys of the others. The sandbox is unavailable: %3. Pass --allow-unsandboxed to "
                             "serve them anyway.")
            .arg(served.size())
            .arg(served.join(QStringLiteral(", ")), executor.sandboxProblem());
    fprintf(stderr, "%s\n",
            qPrintable(ServeText::tr("funcdeskd: functions run without a sandbox (%1): they are not isolated from "
                                     "the platform or from each other")
                           .arg(executor.sandboxProblem())));
    return std::nullopt;
}

// --max-connections, --max-connections-per-client, --header-timeout, --idle-timeout.
std::optional<QString> readTransportLimits(const QCommandLineParser &parser, HttpLimits &limits)
{
    const struct
    {
        const char *name;
        int *value;
        int scale; // seconds → ms
        int most;
    } numbers[] = {{"max-connections", &limits.maxConnections, 1, 1000000},
                   {"max-connections-per-client", &limits.maxConnectionsPerClient, 1, 1000000},
                   {"header-timeout", &limits.headerTimeoutMs, 1000, 3600},
                   {"idle-timeout", &limits.idleTimeoutMs, 1000, 3600}};
    for (const auto &number : numbers) {
        const QString name = QString::fromLatin1(number.name);
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        const int value = parser.value(name).toInt(&ok);
        if (!ok || value < 1 || value > number.most)
            return ServeText::tr("--%1 expects a number from 1 to %2, got '%3'")
                .arg(name)
                .arg(number.most)
                .arg(parser.value(name));
        *number.value = value * number.scale;
    }
    return std::nullopt;
}

} // namespace

int runServeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ServeText::tr("Run the local function platform behind the OpenWhisk REST API (and web actions)."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("host"), ServeText::tr("Address to listen on (default: 127.0.0.1, loopback only)."),
         QStringLiteral("HOST"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"), ServeText::tr("Port to listen on; 0 picks a free one (default: 3233)."),
         QStringLiteral("PORT"), QStringLiteral("3233")},
        {QStringLiteral("data-dir"),
         ServeText::tr("Folder of the platform's database and auth file (default: %1).").arg(defaultDataDir()),
         QStringLiteral("DIR")},
        {QStringLiteral("auth"), ServeText::tr("Set the key of the 'guest' namespace."), QStringLiteral("UUID:KEY")},
        {QStringLiteral("auth-file"),
         ServeText::tr("Set the key of the 'guest' namespace from a file holding UUID:KEY (or set the "
                       "FUNCDESKD_AUTH environment variable to UUID:KEY)."),
         QStringLiteral("FILE")},
        {QStringLiteral("namespace"),
         ServeText::tr("Also serve namespace NAME: created with a fresh random key unless it exists; its key is "
                       "written to DATA_DIR/auth.d/NAME. Repeatable."),
         QStringLiteral("NAME")},
        {QStringLiteral("set"),
         ServeText::tr("Override one setting of DATA_DIR/config.json, e.g. limits.memory.max=4096. Repeatable."),
         QStringLiteral("SETTING=VALUE")},
        {QStringLiteral("quiet"), ServeText::tr("Do not log a line per request.")},
        {QStringLiteral("metrics"),
         ServeText::tr("Serve GET /metrics: the activations' metrics in Prometheus text format, under OpenWhisk's "
                       "user-events names. A namespace's key (Basic auth) reads that namespace's series.")},
        {QStringLiteral("allow-unsandboxed"),
         ServeText::tr("Serve more than one namespace even where functions cannot be sandboxed (no bubblewrap): "
                       "a function of one namespace can then read the keys and data of every other.")},
        {QStringLiteral("metrics-public"),
         ServeText::tr("With --metrics: serve /metrics without authentication, with every namespace's series. "
                       "Anyone who reaches the port then sees namespace and action names.")},
        {QStringLiteral("max-connections"),
         ServeText::tr("Connections open at once (default: 10000, lowered to fit the open-files limit); more get "
                       "503 and are closed."),
         QStringLiteral("N")},
        {QStringLiteral("max-connections-per-client"),
         ServeText::tr("Connections open at once from one client address (default: 256); more get 503 and are "
                       "closed."),
         QStringLiteral("N")},
        {QStringLiteral("header-timeout"),
         ServeText::tr("Seconds a request's headers may take to arrive (default: 10); later, 408 and close."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("idle-timeout"),
         ServeText::tr("Seconds a keep-alive connection may wait for its next request (default: 60)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("tls-cert"),
         ServeText::tr("Serve HTTPS with this PEM certificate (chain); needs --tls-key. TLS 1.2 or newer, "
                       "forward-secret AEAD ciphers only."),
         QStringLiteral("FILE")},
        {QStringLiteral("tls-key"), ServeText::tr("The PEM private key of --tls-cert (keep it readable by you only)."),
         QStringLiteral("FILE")},
    });
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        fputs(qPrintable(parser.helpText()), stdout);
        return kExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(ServeText::tr("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    const QString hostText = parser.value(QStringLiteral("host"));
    const auto host = parseHost(hostText);
    if (!host)
        return usageError(ServeText::tr("--host expects an IP address, got '%1'").arg(hostText));
    bool portOk = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    if (!portOk || port > 65535)
        return usageError(ServeText::tr("--port expects a number from 0 to 65535, got '%1'")
                              .arg(parser.value(QStringLiteral("port"))));
    auto auth = requestedAuth(parser);
    if (!auth)
        return usageError(auth.error().message);
    const bool metrics = parser.isSet(QStringLiteral("metrics"));
    if (parser.isSet(QStringLiteral("metrics-public")) && !metrics)
        return usageError(ServeText::tr("--metrics-public needs --metrics"));

    HttpLimits http;
    if (auto error = readTransportLimits(parser, http))
        return usageError(*error);
    if (parser.isSet(QStringLiteral("tls-cert")) != parser.isSet(QStringLiteral("tls-key")))
        return usageError(ServeText::tr("--tls-cert and --tls-key go together"));
    std::shared_ptr<const TlsContext> tls;
    if (parser.isSet(QStringLiteral("tls-cert"))) {
        const QString keyFile = parser.value(QStringLiteral("tls-key"));
        auto loaded = OpenSslTlsContext::load(parser.value(QStringLiteral("tls-cert")), keyFile);
        if (!loaded)
            return startError(loaded.error().message);
        tls = std::move(loaded).value();
        if (const auto warning = OpenSslTlsContext::keyPermissionWarning(keyFile))
            fprintf(stderr, "funcdeskd: %s\n", qPrintable(*warning));
    }

    const QString dataDir =
        QDir(parser.isSet(QStringLiteral("data-dir")) ? parser.value(QStringLiteral("data-dir")) : defaultDataDir())
            .absolutePath();
    if (!QDir().mkpath(dataDir))
        return startError(ServeText::tr("cannot create the data folder %1").arg(dataDir));
    auto config = LocalConfig::fromDataDir(dataDir);
    if (!config)
        return startError(config.error().message);
    for (const QString &setting : parser.values(QStringLiteral("set"))) {
        if (auto error = config.value().apply(setting))
            return usageError(error->message);
    }

    auto opened = LocalEngine::open(std::move(config).value());
    if (!opened)
        return startError(opened.error().message);
    std::unique_ptr<LocalEngine> engine = std::move(opened).value();

    const QString authPath = QDir(dataDir).filePath(QStringLiteral("auth"));
    auto guest = engine->ensureNamespace(kGuest, *auth, rememberedAuth(authPath));
    if (!guest)
        return auth->has_value() ? usageError(guest.error().message) : startError(guest.error().message);
    const auto written = writeAuthFile(authPath, guest->authString());
    if (!written)
        return startError(written.error().message);
    if (*written)
        fprintf(stderr, "%s\n",
                qPrintable(ServeText::tr("funcdeskd: the key of namespace '%1' is in %2 (readable by you only)")
                               .arg(kGuest, authPath)));
    if (auto refused = checkSandbox(*engine, parser.values(QStringLiteral("namespace")),
                                    parser.isSet(QStringLiteral("allow-unsandboxed"))))
        return startError(*refused);
    if (auto problem = serveNamespaces(*engine, dataDir, parser.values(QStringLiteral("namespace"))))
        return problem->kind == PlatformError::Kind::Invalid ? usageError(problem->message)
                                                             : startError(problem->message);

    if (!installShutdownSignals())
        return startError(ServeText::tr("cannot install the signal handlers"));

    // Each connection is a descriptor: take all the hard limit allows (the transport caps the
    // connections to fit it, docs/server.md).
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }

    ApiServerOptions options;
    options.logRequests = !parser.isSet(QStringLiteral("quiet"));
    options.http = http;
    options.tls = tls;
    if (metrics)
        options.metrics =
            parser.isSet(QStringLiteral("metrics-public")) ? MetricsAccess::Public : MetricsAccess::Authenticated;
    auto server = std::make_unique<ApiServer>(*engine, options);
    const auto bound = server->listenOn(*host, static_cast<quint16>(port));
    if (!bound)
        return startError(
            ServeText::tr("cannot listen on %1:%2: %3").arg(hostText).arg(port).arg(bound.error().message));

    // Without TLS, beyond loopback every request's Basic-auth key crosses the network in clear.
    if (!tls && !host->isLoopback())
        fprintf(stderr, "%s\n",
                qPrintable(ServeText::tr("funcdeskd: warning: serving plain HTTP on %1, not a loopback address: "
                                         "namespace keys and all traffic cross the network unencrypted")
                               .arg(hostText)));

    // Tests and benchmarks read this line to learn the port: keep its wording, one line, flushed.
    fprintf(stdout, "funcdeskd listening on %s://%s:%u\n", tls ? "https" : "http", qPrintable(urlHost(*host)),
            unsigned(*bound));
    fflush(stdout);

    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&] {
        notifier.setEnabled(false);
        // After the lines of requests answered so far, and never blocking on a stalled stderr.
        const QByteArray note = ServeText::tr("funcdeskd: shutting down").toLocal8Bit();
        if (!server->noteInRequestLog(note))
            writeStderrBounded(note);
        server->stopListening();
        // Queued activations are refused (and recorded), running ones get a grace period.
        engine->stopActivations(kShutdownGrace);
        engine->flush(); // every activation record is on disk before we exit
        QCoreApplication::quit();
    });
    QCoreApplication::exec();

    server.reset();
    engine.reset();                // stops the executor and its processes
    ChildProcess::killAllGroups(); // and anything a crashed launcher left behind
    return kExitOk;
}

} // namespace funcdesk
