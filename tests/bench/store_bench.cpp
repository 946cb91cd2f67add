// store_bench: activation queries of the local platform's store at a million rows.
//
// Fills a fresh database with N activations (10 action names, one start per ms), then times the
// queries the activations API makes: newest page, newest page of one action, a since/upto window,
// a deep skip, and a count. Medians over repeated runs of each query.
// Last line: store_bench rows=N newest_ms=X by_name_ms=X window_ms=X deep_skip_ms=X count_ms=X

#include "BenchStats.h"
#include "platforms/local/ActivationRepository.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>

using namespace funcdesk;
using namespace funcdesk::bench;

namespace {

template <typename Call> double medianMs(int repeats, Call call)
{
    std::vector<double> samples;
    for (int i = 0; i < repeats; ++i) {
        const auto start = Clock::now();
        call();
        samples.push_back(microsSince(start) / 1000.0);
    }
    return median(samples);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int rows = quick ? 100000 : 1000000;

    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("store.db")));
    if (!db) {
        fprintf(stderr, "store_bench: %s\n", qPrintable(db.error().message));
        return 1;
    }
    ActivationRepository repository(db.value());

    const auto fillStart = Clock::now();
    constexpr qint64 kBase = 1700000000000;
    for (int done = 0; done < rows;) {
        QList<Activation> batch;
        for (int i = 0; i < 10000 && done < rows; ++i, ++done) {
            Activation activation;
            activation.ns = QStringLiteral("guest");
            activation.name = QStringLiteral("action%1").arg(done % 10);
            activation.activationId = QStringLiteral("%1").arg(done, 32, 10, QLatin1Char('0'));
            activation.start = kBase + done;
            activation.end = kBase + done + 3;
            activation.duration = 3;
            activation.response = ActivationResponse();
            activation.response->setStatus(ActivationStatus::Success);
            activation.response->result = QJsonObject{{QStringLiteral("n"), done}};
            activation.logs = QStringList{QStringLiteral("2026-11-25T12:00:00.000000Z    stdout: hello")};
            batch.append(activation);
        }
        if (!repository.insert(batch)) {
            fprintf(stderr, "store_bench: insert failed\n");
            return 1;
        }
    }
    const double fillSeconds = microsSince(fillStart) / 1e6;
    printf("filled %d activations in %.1f s (%.0f rows/s, batches of 10,000)\n", rows, fillSeconds, rows / fillSeconds);

    const int repeats = quick ? 5 : 15;
    const QString guest = QStringLiteral("guest");
    const double newest = medianMs(repeats, [&] { repository.list({guest, {}, {}, {}, 0, 200}); });
    const double byName = medianMs(repeats, [&] {
        repository.list({guest, QStringLiteral("action7"), {}, {}, 0, 200});
    });
    const double window = medianMs(repeats, [&] {
        repository.list({guest, QStringLiteral("action3"), kBase + rows / 2, kBase + rows / 2 + 5000, 0, 200});
    });
    const double deepSkip = medianMs(repeats, [&] { repository.list({guest, {}, {}, {}, rows / 5, 30}); });
    const double count = medianMs(repeats, [&] { repository.count({guest, QStringLiteral("action1"), {}, {}, 0, 0}); });
    printf("store_bench rows=%d newest_ms=%.2f by_name_ms=%.2f window_ms=%.2f deep_skip_ms=%.2f count_ms=%.2f\n", rows,
           newest, byName, window, deepSkip, count);
    return 0;
}
