// models_bench: the console's list models with 100,000 rows. Feeds FunctionListModel and
// ActivationListModel directly (setActions / setActivations, as refresh and load do) and times,
// through their proxies, a sort by each column and filter-as-you-type (one setFilterFixedString
// per keystroke, the list sorted by its first column). Prints medians of several runs (5, or 3
// with --quick; --cpu-time counts the thread's CPU time, not the wall clock); the last line is
// read by scripts:
//   models_bench filter_100k_ms=X sort_100k_ms=Y functions_filter_ms=F functions_sort_ms=S
// X: one keystroke's filter (median over the keystrokes, then over runs; the slower model).
// Y: one column's sort (median over the columns, then over runs; the slower model).
// F, S: the same for the function list alone. The function list's proxy as it was before
// (a QSortFilterProxyModel) runs on the same rows in the same run, for the ratio.
// The function list folds and ranks its texts off the GUI thread after the rows change; its line
// "right after the rows change" gives the GUI thread's cost of the first sort by name and the
// first keystroke before that work lands, the GUI thread's cost while it runs (the snapshot of the
// texts, the exact re-sort when it lands; the thread's CPU time) and the work's own time.

#include "BenchStats.h"
#include "models/activations/ActivationFilterProxy.h"
#include "models/activations/ActivationListModel.h"
#include "models/functions/FunctionFilterProxy.h"
#include "models/functions/FunctionListModel.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>

#include <cstdio>
#include <ctime>
#include <functional>
#include <type_traits>

using namespace funcdesk;
using funcdesk::bench::Clock;

namespace {

constexpr int kRows = 100'000;
const char *const kWords[] = {"api",    "billing", "thumbnail", "auth",    "report", "ingest", "notify", "export",
                              "resize", "webhook", "sync",      "cleanup", "audit",  "search", "index",  "payment"};

QString functionName(QRandomGenerator &random, int i)
{
    const auto word = [&random] { return QLatin1String(kWords[random.bounded(16)]); };
    return word() + QLatin1Char('-') + word() + QLatin1Char('-') + QString::number(i);
}

QList<Action> makeActions()
{
    QRandomGenerator random(42);
    const QString kinds[] = {QStringLiteral("nodejs:20"), QStringLiteral("nodejs:18"), QStringLiteral("python:3.11"),
                             QStringLiteral("python:3.12")};
    QList<Action> actions;
    actions.reserve(kRows);
    for (int i = 0; i < kRows; ++i) {
        Action action;
        action.ns = QStringLiteral("guest");
        action.name = functionName(random, i);
        action.version = QStringLiteral("0.0.%1").arg(random.bounded(1, 40));
        action.exec = Exec();
        action.exec->kind = kinds[random.bounded(4)];
        ActionLimits limits;
        limits.memoryMb = 128 << random.bounded(5);
        limits.timeoutMs = 1000 * random.bounded(1, 300);
        limits.concurrency = random.bounded(1, 100);
        if (random.bounded(3) == 0)
            limits.cpu = 0.25 * random.bounded(1, 8);
        action.limits = limits;
        action.updated = 1'760'000'000'000 + random.bounded(1'000'000'000);
        actions.append(action);
    }
    return actions;
}

QList<Activation> makeActivations()
{
    QRandomGenerator random(7);
    QList<Activation> activations;
    activations.reserve(kRows);
    qint64 start = 1'765'000'000'000;
    for (int i = 0; i < kRows; ++i) {
        Activation activation;
        const QString name = functionName(random, random.bounded(500));
        activation.ns = QStringLiteral("guest");
        activation.name = name;
        activation.activationId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
        start -= random.bounded(1, 2000);
        activation.start = start;
        activation.duration = random.bounded(1, 5000);
        activation.end = start + *activation.duration;
        activation.statusCode = random.bounded(10) == 0 ? random.bounded(1, 4) : 0;
        const bool cold = random.bounded(20) == 0;
        KeyValueList annotations{
            {QStringLiteral("path"), QStringLiteral("guest/") + name, {}},
            {QStringLiteral("limits"), QJsonObject{{QStringLiteral("memory"), 128 << random.bounded(5)}}, {}},
            {QStringLiteral("startType"), cold ? QStringLiteral("cold") : QStringLiteral("warm"), {}},
            {QStringLiteral("peakMemory"), random.bounded(20, 200) * 1024 * 1024, {}},
        };
        if (cold)
            annotations.set(QStringLiteral("initTime"), random.bounded(20, 400));
        activation.annotations = annotations;
        activations.append(activation);
    }
    return activations;
}

// The function list's proxy before issue 16 (QSortFilterProxyModel), for the ratio.
class PreviousFunctionProxy : public QSortFilterProxyModel
{
public:
    PreviousFunctionProxy()
    {
        setSortRole(FunctionListModel::SortRole);
        setDynamicSortFilter(true);
    }
    void setFilterFixedString(const QString &text)
    {
        m_filter.setText(text, Qt::CaseInsensitive);
        invalidate();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        if (m_filter.isEmpty())
            return true;
        const QAbstractItemModel *model = sourceModel();
        return m_filter.matches(model->index(row, FunctionListModel::NameColumn).data().toString()) ||
               m_filter.matches(model->index(row, FunctionListModel::RuntimeColumn).data().toString());
    }
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return static_cast<const FunctionListModel *>(sourceModel())
                   ->compareRows(left.column(), left.row(), right.row()) < 0;
    }

private:
    TextFilter m_filter;
};

// --cpu-time: the thread's CPU time instead of the wall clock, for a shared machine whose other
// load would otherwise be counted (a keystroke's work is all on the GUI thread).
bool g_cpuTime = false;

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double millisOf(const std::function<void()> &step)
{
    if (g_cpuTime) {
        const double begin = threadCpuMs();
        step();
        return threadCpuMs() - begin;
    }
    const auto begin = Clock::now();
    step();
    return bench::microsSince(begin) / 1000.0;
}

// One keystroke: the new filter, and the first rows a view asks for (a proxy may map lazily).
template <typename Proxy> void typeFilter(Proxy &proxy, const QString &text)
{
    proxy.setFilterFixedString(text);
    const int rows = proxy.rowCount();
    for (int row = 0; row < std::min(rows, 40); ++row)
        proxy.index(row, 0).data();
}

struct Figures
{
    double filter = 0; // median per keystroke
    double worstKeystroke = 0;
    double sort = 0; // median per column
    double slowestSort = 0;
    int slowestColumn = 0;
    // FunctionFilterProxy only: right after the rows changed, before the background work landed.
    double firstSort = 0;      // by name
    double firstKeystroke = 0; // "a", then cleared
    double landingGui = 0;     // the GUI thread's CPU time until the work landed
    double background = 0;     // the work's own time
};

// Sorts by every column, then, sorted by the first column as a list usually is, types a few
// filters a key at a time, clearing between words.
template <typename Proxy> Figures measure(Proxy &proxy, int columns)
{
    Figures figures;
    if constexpr (std::is_same_v<Proxy, FunctionFilterProxy>) {
        figures.firstSort = millisOf([&] { proxy.sort(FunctionListModel::NameColumn, Qt::AscendingOrder); });
        figures.firstKeystroke = millisOf([&] { typeFilter(proxy, QStringLiteral("a")); });
        figures.firstKeystroke += millisOf([&] { typeFilter(proxy, QString()); });
        const double begin = threadCpuMs();
        while (!proxy.textsPrepared())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        figures.landingGui = threadCpuMs() - begin;
        figures.background = proxy.preparationMs();
    }
    std::vector<double> sorts;
    for (int column = 0; column < columns; ++column) {
        const double ms = millisOf([&] { proxy.sort(column, Qt::AscendingOrder); });
        sorts.push_back(ms);
        if (ms > figures.slowestSort) {
            figures.slowestSort = ms;
            figures.slowestColumn = column;
        }
    }
    figures.sort = bench::median(sorts);

    proxy.sort(0, Qt::AscendingOrder);
    const QStringList words{QStringLiteral("api"), QStringLiteral("thumb"), QStringLiteral("pay-9"),
                            QStringLiteral("python"), QStringLiteral("x")};
    std::vector<double> keystrokes;
    for (const QString &word : words) {
        for (qsizetype length = 1; length <= word.size(); ++length)
            keystrokes.push_back(millisOf([&] { typeFilter(proxy, word.left(length)); }));
        keystrokes.push_back(millisOf([&] { typeFilter(proxy, QString()); }));
    }
    figures.filter = bench::median(keystrokes);
    figures.worstKeystroke = *std::max_element(keystrokes.begin(), keystrokes.end());
    return figures;
}

// The median over runs of one figure.
double medianOf(const std::vector<Figures> &runs, double Figures::*field)
{
    std::vector<double> values;
    for (const Figures &f : runs)
        values.push_back(f.*field);
    return bench::median(values);
}

void report(const char *what, const std::vector<Figures> &runs, double feedMs, const QAbstractItemModel &model)
{
    std::printf("%s: %d rows fed in %.1f ms; filter per keystroke %.2f ms (worst %.1f ms); sort per column %.1f ms "
                "(slowest \"%s\" %.1f ms); medians of %zu runs\n",
                what, kRows, feedMs, medianOf(runs, &Figures::filter), medianOf(runs, &Figures::worstKeystroke),
                medianOf(runs, &Figures::sort),
                qPrintable(model.headerData(runs.back().slowestColumn, Qt::Horizontal).toString()),
                medianOf(runs, &Figures::slowestSort), runs.size());
    if (runs.back().background <= 0)
        return;
    std::printf("%s, right after the rows change: first sort by name %.1f ms, first keystroke %.1f ms (GUI thread); "
                "GUI thread while the background work ran %.1f ms (CPU); the background work %.1f ms\n",
                what, medianOf(runs, &Figures::firstSort), medianOf(runs, &Figures::firstKeystroke),
                medianOf(runs, &Figures::landingGui), medianOf(runs, &Figures::background));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = app.arguments().contains(QLatin1String("--quick")) ? 3 : 5;
    g_cpuTime = app.arguments().contains(QLatin1String("--cpu-time"));
    if (g_cpuTime)
        std::printf("times are the thread's CPU time (--cpu-time)\n");

    const QList<Action> actions = makeActions();
    const QList<Activation> activations = makeActivations();

    // A yardstick for this machine's speed at the moment: the same number of strings sorted
    // directly, with no model or proxy in between.
    std::vector<double> baselines;
    for (int run = 0; run < runs; ++run) {
        QStringList names;
        names.reserve(kRows);
        for (const Action &action : actions)
            names.append(action.name->toCaseFolded());
        baselines.push_back(millisOf([&] { std::stable_sort(names.begin(), names.end()); }));
    }
    std::printf("baseline: std::stable_sort of %d case-folded names %.1f ms\n", kRows, bench::median(baselines));

    std::vector<Figures> functionRuns, activationRuns;
    std::vector<double> functionFeeds, activationFeeds;
    for (int run = 0; run < runs; ++run) {
        FunctionListModel functions;
        functionFeeds.push_back(millisOf([&] { functions.setActions(actions); }));
        FunctionFilterProxy functionProxy;
        functionProxy.setSourceModel(&functions);
        functionRuns.push_back(measure(functionProxy, FunctionListModel::ColumnCount));

        ActivationListModel list;
        activationFeeds.push_back(millisOf([&] { list.setActivations(activations); }));
        ActivationFilterProxy activationProxy;
        activationProxy.setSourceModel(&list);
        activationRuns.push_back(measure(activationProxy, ActivationListModel::ColumnCount));
    }
    // The way before (eef8ac3): a QSortFilterProxyModel comparing the same packed keys and
    // filtering in one pass (invalidate()), on the same rows and words, in the same run. (It
    // read the rows directly; this one reads them through data(), a little slower to filter.)
    std::vector<Figures> previousRuns;
    for (int run = 0; run < runs; ++run) {
        FunctionListModel functions;
        functions.setActions(actions);
        PreviousFunctionProxy proxy;
        proxy.setSourceModel(&functions);
        previousRuns.push_back(measure(proxy, FunctionListModel::ColumnCount));
    }
    report("functions", functionRuns, bench::median(functionFeeds), FunctionListModel());
    report("functions, the way before", previousRuns, bench::median(functionFeeds), FunctionListModel());
    report("activations", activationRuns, bench::median(activationFeeds), ActivationListModel());

    const double filter =
        std::max(medianOf(functionRuns, &Figures::filter), medianOf(activationRuns, &Figures::filter));
    const double sort = std::max(medianOf(functionRuns, &Figures::sort), medianOf(activationRuns, &Figures::sort));
    std::printf("functions: filter %.1fx, sort %.1fx faster than the way before\n",
                medianOf(previousRuns, &Figures::filter) / std::max(0.001, medianOf(functionRuns, &Figures::filter)),
                medianOf(previousRuns, &Figures::sort) / std::max(0.001, medianOf(functionRuns, &Figures::sort)));
    std::printf("models_bench filter_100k_ms=%.2f sort_100k_ms=%.1f functions_filter_ms=%.2f functions_sort_ms=%.1f\n",
                filter, sort, medianOf(functionRuns, &Figures::filter), medianOf(functionRuns, &Figures::sort));
    return 0;
}
