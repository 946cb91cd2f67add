// A child process for the kill -9 test: writes actions and activation records to a local
// platform as fast as it can and prints "ack NAME" once each action write is acknowledged.

#include "platforms/local/LocalEngine.h"

#include <QCoreApplication>

#include <cstdio>

using namespace funcdesk;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2; // usage: durability_writer DATA_DIR NAME_PREFIX
    LocalConfig config;
    config.dataDir = QString::fromLocal8Bit(argv[1]);
    config.executor.stemCellsPerRuntime = 0;
    auto engine = LocalEngine::open(config);
    if (!engine) {
        fprintf(stderr, "%s\n", qPrintable(engine.error().message));
        return 1;
    }
    const QString ns = QStringLiteral("guest");
    for (int i = 0;; ++i) {
        const QString name = QString::fromLocal8Bit(argv[2]) + QString::number(i);
        Action action;
        action.exec =
            Exec::withCode(QStringLiteral("nodejs:default"), QStringLiteral("function main(){return {n:%1}}").arg(i));
        const auto written = engine.value()->putAction(ns, name, action, {}).result();
        if (!written) {
            fprintf(stderr, "%s\n", qPrintable(written.error().message));
            return 1;
        }
        printf("ack %s\n", qPrintable(name));
        fflush(stdout);
    }
}
