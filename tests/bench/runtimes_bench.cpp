// Cold, stem-cell and warm starts of every runtime the machine has (issue 19), against Node.js
// measured in the same run: the same no-op action ("hello" without output) in each language.
//
//   build/tests/bench/runtimes_bench          # 7 cold starts, 7 stem-cell starts, 300 warm calls each
//   build/tests/bench/runtimes_bench --quick  # 3, 3 and 50
//
// Go: "compile" is a first start of new code (go build included), "cold" a cold start whose
// binary is in the cache (another action with the same code). Native: a shell-script `exec`.

#include "BenchStats.h"
#include "executor/Executor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace funcdesk;
using namespace funcdesk::bench;

namespace {

struct Language
{
    QString alias;
    QString code; // %1: a counter that makes the code new (a comment)
};

const QList<Language> kLanguages = {
    {QStringLiteral("nodejs:default"), QStringLiteral("function main() { return {}; } // %1")},
    {QStringLiteral("python:default"), QStringLiteral("def main(args):\n    return {}\n# %1\n")},
    {QStringLiteral("php:default"), QStringLiteral("<?php\nfunction main(array $args): array { return []; } // %1\n")},
    {QStringLiteral("ruby:default"), QStringLiteral("def main(args)\n  {}\nend\n# %1\n")},
    {QStringLiteral("go:default"), QStringLiteral("package main\n\n// %1\nfunc Main(args map[string]interface{}) "
                                                  "map[string]interface{} {\n\treturn args\n}\n")},
    {QStringLiteral("blackbox"), QStringLiteral("#!/bin/sh\n# %1\nwhile read -r line; do echo '{}' >&3; done\n")},
};

// A native action's zip of `script` as `exec`, base64.
QString zipped(const QString &script)
{
    QTemporaryDir dir;
    QFile exec(dir.filePath(QStringLiteral("exec")));
    if (!exec.open(QIODevice::WriteOnly))
        return {};
    exec.write(script.toUtf8());
    exec.close();
    exec.setPermissions(exec.permissions() | QFileDevice::ExeOwner);
    QProcess zip;
    zip.setWorkingDirectory(dir.path());
    zip.start(QStringLiteral("zip"), {QStringLiteral("-q"), QStringLiteral("a.zip"), QStringLiteral("exec")});
    zip.waitForFinished(30000);
    QFile archive(dir.filePath(QStringLiteral("a.zip")));
    return archive.open(QIODevice::ReadOnly) ? QString::fromLatin1(archive.readAll().toBase64()) : QString();
}

InvocationRequest action(const Runtime &runtime, const Language &language, const QString &name, int variant)
{
    InvocationRequest request;
    request.name = name;
    request.exec.kind = runtime.kind;
    const QString code = language.code.arg(variant);
    request.exec.code = runtime.family == QLatin1String("blackbox") ? zipped(code) : code;
    if (runtime.family == QLatin1String("blackbox"))
        request.exec.binary = true;
    return request;
}

// Milliseconds of one invoke, or -1 when it did not succeed.
double timed(Executor &executor, const InvocationRequest &request)
{
    const auto start = Clock::now();
    const auto activation = executor.invoke(request);
    const double ms = microsSince(start) / 1000.0;
    if (!activation || !activation->succeeded()) {
        fprintf(stderr, "runtimes_bench: %s failed: %s\n", qPrintable(request.exec.kind),
                activation
                    ? qPrintable(activation->response->result.toObject().value(QStringLiteral("error")).toString())
                    : qPrintable(activation.error().message));
        return -1;
    }
    return ms;
}

struct Figures
{
    double compile = 0; // Go: a first start with go build; native: with the unzip
    double cold = 0;
    double stemCell = 0; // launchers only
    double warm = 0;     // microseconds
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int coldRuns = quick ? 3 : 7;
    const int warmRuns = quick ? 50 : 300;
    const RuntimeCatalog catalog = RuntimeCatalog::discover();
    QTemporaryDir cache;
    const int seed = static_cast<int>(QDateTime::currentMSecsSinceEpoch() % 100000) * 100;

    QList<std::pair<QString, Figures>> results;
    for (const Language &language : kLanguages) {
        const auto runtime = catalog.resolve(language.alias);
        if (!runtime) {
            printf("%-10s not installed\n", qPrintable(language.alias));
            continue;
        }
        Figures figures;
        ExecutorConfig config;
        config.catalog = catalog;
        config.stemCellsPerRuntime = 0;
        config.cacheDirectory = cache.path();
        {
            Executor executor(config);
            std::vector<double> compile, cold, warm;
            for (int i = 0; i < coldRuns; ++i) {
                const int variant = seed + i;
                if (runtime->actionloop) { // a first start of new code, then a cold start from the cache
                    compile.push_back(
                        timed(executor, action(*runtime, language, QStringLiteral("new%1").arg(i), variant)));
                    cold.push_back(
                        timed(executor, action(*runtime, language, QStringLiteral("again%1").arg(i), variant)));
                } else {
                    cold.push_back(
                        timed(executor, action(*runtime, language, QStringLiteral("cold%1").arg(i), variant)));
                }
            }
            const InvocationRequest warmAction = action(*runtime, language, QStringLiteral("warm"), seed);
            timed(executor, warmAction);
            for (int i = 0; i < warmRuns; ++i)
                warm.push_back(timed(executor, warmAction) * 1000.0);
            figures.compile = median(compile);
            figures.cold = median(cold);
            figures.warm = median(warm);
        }
        if (!runtime->actionloop) {
            config.stemCellsPerRuntime = 1;
            Executor executor(config);
            std::vector<double> stem;
            for (int i = 0; i < coldRuns; ++i) {
                executor.waitForStemCells(30000);
                stem.push_back(
                    timed(executor, action(*runtime, language, QStringLiteral("stem%1").arg(i), seed + 50 + i)));
            }
            figures.stemCell = median(stem);
        }
        printf("%-10s %-9s first (build/unzip) %8.1f ms | cold %7.1f ms | stem cell %6.1f ms | warm p50 %7.1f us\n",
               qPrintable(runtime->kind), qPrintable(runtime->family), figures.compile, figures.cold, figures.stemCell,
               figures.warm);
        fflush(stdout);
        results.append({runtime->family, figures});
    }
    if (results.isEmpty() || results.first().first != QLatin1String("nodejs")) {
        fprintf(stderr, "runtimes_bench: Node.js (the reference) is not installed\n");
        return 1;
    }
    const Figures node = results.first().second;
    QByteArray last = "runtimes_bench";
    for (const auto &[family, figures] : results) {
        if (family == QLatin1String("nodejs"))
            continue;
        last +=
            QByteArray(" ") + family.toUtf8() + "_cold_ratio=" + QByteArray::number(figures.cold / node.cold, 'f', 3);
        if (figures.stemCell > 0)
            last += " " + family.toUtf8() +
                    "_stemcell_ratio=" + QByteArray::number(figures.stemCell / node.stemCell, 'f', 3);
        if (figures.compile > 0)
            last += " " + family.toUtf8() + (family == QLatin1String("go") ? "_compile_ms=" : "_unpack_ms=") +
                    QByteArray::number(figures.compile, 'f', 0);
        last += " " + family.toUtf8() + "_warm_ratio=" + QByteArray::number(figures.warm / node.warm, 'f', 3);
    }
    printf("%s\n", last.constData());
    return 0;
}
