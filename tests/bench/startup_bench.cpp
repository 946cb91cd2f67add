// startup_bench: how long the console takes to show its first window, against an empty Qt
// Widgets main window (startup_baseline) on the same X server. Starts its own Xvfb (1366×768, no
// window manager) and runs the two programs alternately, N times each (5; 3 with --quick;
// --runs N). funcdesk runs on a fresh bare profile each time (HOME and XDG folders in a new
// temporary folder). Both print the steady clock when their first frame is up (the first expose
// handled, FUNCDESK_STARTUP_PROBE); the time counts from just before the process is started.
// funcdesk also prints when its local platform is up, then quits. Each run also starts funcdesk
// the way it started before issue 16 (FUNCDESK_STARTUP_PROBE=platform-first: the whole local
// platform, then the window), for the record. Both also print the CPU time they used until their
// first frame (all threads), which a loaded machine disturbs far less than the wall clock.
// Prints medians; the last line is read by scripts:
//   startup_ms=N baseline_ms=N ratio=N startup_cpu_ms=N baseline_cpu_ms=N cpu_ratio=N
// Skips (exit 0, saying why) when Xvfb is not installed or does not start.

#include "BenchStats.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <optional>

using funcdesk::bench::Clock;

namespace {

struct Launch
{
    double windowMs = 0;
    double readyMs = -1; // funcdesk only: the local platform up
    double cpuMs = -1;   // CPU time until the first frame (-1: a build that does not print it)
};

qint64 stampOf(const QByteArray &output, const char *name)
{
    const QRegularExpression pattern(QStringLiteral("%1=(\\d+)").arg(QLatin1String(name)));
    const auto match = pattern.match(QString::fromLatin1(output));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

std::optional<Launch> launch(const QString &program, const QString &display, const QString &probe = QStringLiteral("1"))
{
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), display);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("FUNCDESK_STARTUP_PROBE"), probe);
    environment.insert(QStringLiteral("HOME"), home.path());
    for (const char *xdg : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        environment.insert(QLatin1String(xdg), home.filePath(QLatin1String(xdg)));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    environment.remove(QStringLiteral("FUNCDESK_DATA_DIR"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const auto started = Clock::now();
    process.start(program, {});
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        std::fprintf(stderr, "startup_bench: %s did not finish within 60 s\n", qPrintable(program));
        return std::nullopt;
    }
    const QByteArray output = process.readAllStandardOutput();
    const qint64 startNs = std::chrono::duration_cast<std::chrono::nanoseconds>(started.time_since_epoch()).count();
    const qint64 window = stampOf(output, "window_ns");
    if (window < 0) {
        std::fprintf(stderr, "startup_bench: %s printed no window time:\n%s\n", qPrintable(program),
                     output.constData());
        return std::nullopt;
    }
    Launch result;
    result.windowMs = double(window - startNs) / 1e6;
    if (const qint64 cpu = stampOf(output, "cpu_ns"); cpu >= 0)
        result.cpuMs = double(cpu) / 1e6;
    if (const qint64 ready = stampOf(output, "ready_ns"); ready >= 0)
        result.readyMs = double(ready - startNs) / 1e6;
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int runs = args.contains(QLatin1String("--quick")) ? 3 : 5;
    if (const qsizetype at = args.indexOf(QLatin1String("--runs")); at > 0 && at + 1 < args.size())
        runs = std::max(1, args.at(at + 1).toInt());

    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    if (xvfb.isEmpty()) {
        std::printf("startup_bench: skipped: Xvfb is not installed (apt-get install xvfb)\n");
        return 0;
    }
    // A display number nobody uses.
    int number = 90 + int(QCoreApplication::applicationPid() % 100);
    while (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(number)) ||
           QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(number)))
        ++number;
    const QString display = QStringLiteral(":%1").arg(number);
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedChannels);
    server.start(xvfb, {display, QStringLiteral("-screen"), QStringLiteral("0"), QStringLiteral("1366x768x24"),
                        QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    const auto waitFrom = Clock::now();
    while (!QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(number)) &&
           funcdesk::bench::microsSince(waitFrom) < 10e6 && server.state() != QProcess::NotRunning)
        QThread::msleep(20);
    if (!QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(number))) {
        std::printf("startup_bench: skipped: Xvfb %s did not start\n", qPrintable(display));
        server.kill();
        server.waitForFinished();
        return 0;
    }

    const QString dir = QCoreApplication::applicationDirPath();
    // --funcdesk PATH: another build of funcdesk (one that knows FUNCDESK_STARTUP_PROBE).
    QString funcdesk = QStringLiteral(FUNCDESK_PATH);
    if (const qsizetype at = args.indexOf(QLatin1String("--funcdesk")); at > 0 && at + 1 < args.size())
        funcdesk = args.at(at + 1);
    const QString baseline = dir + QStringLiteral("/startup_baseline");
    std::vector<double> funcdeskMs, readyMs, baselineMs, platformFirstMs, funcdeskCpuMs, baselineCpuMs;
    bool failed = false;
    for (int run = 0; run < runs && !failed; ++run) {
        const auto base = launch(baseline, display);
        const auto console = launch(funcdesk, display);
        // The order before issue 16, for the record: the whole platform, then the window.
        const auto platformFirst = launch(funcdesk, display, QStringLiteral("platform-first"));
        if (!base || !console || !platformFirst) {
            failed = true;
            break;
        }
        baselineMs.push_back(base->windowMs);
        funcdeskMs.push_back(console->windowMs);
        readyMs.push_back(console->readyMs);
        platformFirstMs.push_back(platformFirst->windowMs);
        baselineCpuMs.push_back(base->cpuMs);
        funcdeskCpuMs.push_back(console->cpuMs);
        std::printf("run %d: baseline %.0f ms (CPU %.0f ms), funcdesk window %.0f ms (CPU %.0f ms; local platform "
                    "ready %.0f ms); platform first, as before: window %.0f ms\n",
                    run + 1, base->windowMs, base->cpuMs, console->windowMs, console->cpuMs, console->readyMs,
                    platformFirst->windowMs);
        std::fflush(stdout);
    }
    server.terminate();
    server.waitForFinished(5000);
    if (failed)
        return 1;
    const double startup = funcdesk::bench::median(funcdeskMs);
    const double base = funcdesk::bench::median(baselineMs);
    std::printf("funcdesk local platform ready (median): %.0f ms; window with the platform first (the way "
                "before): %.0f ms\n",
                funcdesk::bench::median(readyMs), funcdesk::bench::median(platformFirstMs));
    const double startupCpu = funcdesk::bench::median(funcdeskCpuMs);
    const double baseCpu = funcdesk::bench::median(baselineCpuMs);
    std::printf("startup_ms=%.0f baseline_ms=%.0f ratio=%.2f startup_cpu_ms=%.0f baseline_cpu_ms=%.0f cpu_ratio=%.2f\n",
                startup, base, base > 0 ? startup / base : 0.0, startupCpu, baseCpu,
                startupCpu >= 0 && baseCpu > 0 ? startupCpu / baseCpu : 0.0); // -1: an older funcdesk
    return 0;
}
