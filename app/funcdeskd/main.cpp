#include "InvokeCommand.h"
#include "translations/Translations.h"

#include <QCoreApplication>

#include "executor/ChildProcess.h"

#include <csignal>
#include <cstdio>
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
    fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("funcdeskd",
        "Usage: funcdeskd <command> [options]\n"
        "\n"
        "Commands:\n"
        "  invoke FILE   run a function on the local executor and print its activation records\n"
        "\n"
        "Run 'funcdeskd <command> --help' for a command's options.")));
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("funcdeskd"));
    QCoreApplication::setOrganizationName(QStringLiteral("Funcdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FUNCDESK_VERSION));

    funcdesk::installTranslations(app);
    std::signal(SIGINT, stopEverything);
    std::signal(SIGTERM, stopEverything);

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printUsage();
        return 2;
    }
    const QString command = arguments.at(1);
    arguments.removeAt(1);  // the command's parser sees "funcdeskd [options] FILE"
    if (command == QLatin1String("invoke"))
        return funcdesk::runInvokeCommand(arguments);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printUsage();
        return 0;
    }
    fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("funcdeskd", "funcdeskd: unknown command '%1'").arg(command)));
    printUsage();
    return 2;
}
