#include "DeployCommand.h"
#include "InvokeCommand.h"
#include "ServeCommand.h"
#include "translations/Translations.h"

#include <QCoreApplication>

#include "executor/ChildProcess.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

// Ctrl-C or SIGTERM during `invoke`: the actions run in their own process groups and would keep
// running after us; take them down, then exit as a signal-terminated process would.
void stopEverything(int signal)
{
    funcdesk::ChildProcess::killAllGroups();
    _exit(128 + signal);
}

void printUsage()
{
    fprintf(stderr, "%s\n",
            qPrintable(QCoreApplication::translate(
                "funcdeskd",
                "Usage: funcdeskd <command> [options]\n"
                "\n"
                "Commands:\n"
                "  deploy DIR    deploy a wskdeploy manifest.yaml: packages, actions, sequences, triggers, rules\n"
                "  invoke FILE   run a function on the local executor and print its activation records\n"
                "  serve         run the local platform behind the OpenWhisk REST API\n"
                "\n"
                "Run 'funcdeskd <command> --help' for a command's options.")));
    fprintf(stderr, "%s\n",
            qPrintable(QCoreApplication::translate("funcdeskd", "Options:\n"
                                                                "  -h, --help     print this help\n"
                                                                "  -v, --version  print the version")));
}

// `serve --auth UUID:KEY` (or --auth=UUID:KEY) leaves the key in our argv, which every local
// user reads in /proc/PID/cmdline: once the arguments are copied, overwrite the key with 'x'
// there, as database clients do with a password option (the uuid stays, so ps still shows which).
void hideAuthKey(int argc, char *argv[])
{
    for (int i = 2; i < argc; ++i) {
        char *value = nullptr;
        if (std::strcmp(argv[i], "--auth") == 0 && i + 1 < argc)
            value = argv[i + 1];
        else if (std::strncmp(argv[i], "--auth=", 7) == 0)
            value = argv[i] + 7;
        else if (std::strcmp(argv[i], "--") == 0)
            return;
        if (!value)
            continue;
        char *key = std::strchr(value, ':');
        for (char *c = key ? key + 1 : value; *c; ++c)
            *c = 'x';
    }
}

} // namespace

int main(int argc, char *argv[])
{
    // serve runs a socket-heavy event loop and needs nothing from GLib: Qt's own UNIX event
    // dispatcher costs measurably less per request (about 40 instead of 55 us of main-thread CPU
    // for a small GET here). It is chosen when QCoreApplication is built, so decide now.
    if (argc > 1 && std::strcmp(argv[1], "serve") == 0 && !qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("funcdeskd"));
    QCoreApplication::setOrganizationName(QStringLiteral("Funcdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FUNCDESK_VERSION));

    funcdesk::installTranslations(app);

    QStringList arguments = QCoreApplication::arguments();
    hideAuthKey(argc, argv);
    if (arguments.size() < 2) {
        printUsage();
        return 2;
    }
    const QString command = arguments.at(1);
    arguments.removeAt(1); // the command's parser sees "funcdeskd [options] FILE"
    if (command == QLatin1String("invoke")) {
        std::signal(SIGINT, stopEverything);
        std::signal(SIGTERM, stopEverything);
        return funcdesk::runInvokeCommand(arguments);
    }
    if (command == QLatin1String("deploy"))
        return funcdesk::runDeployCommand(arguments);
    if (command == QLatin1String("serve")) // installs its own handlers: it shuts down cleanly
        return funcdesk::runServeCommand(arguments);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        printf("funcdeskd %s\n", FUNCDESK_VERSION);
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printUsage();
        return 0;
    }
    fprintf(stderr, "%s\n",
            qPrintable(QCoreApplication::translate("funcdeskd", "funcdeskd: unknown command '%1'").arg(command)));
    printUsage();
    return 2;
}
