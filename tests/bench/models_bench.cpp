// models_bench: the console's list models with 100,000 rows. Feeds FunctionListModel and
// ActivationListModel directly (setActions / setActivations, as refresh and load do) and times,
// through their proxies (ListFilterProxy), a sort by each column and filter-as-you-type (one
// setFilterFixedString per keystroke, the list sorted by its first column). Prints medians of
// several runs (5, or 3 with --quick; --cpu-time counts the thread's CPU time, not the wall
// clock); the last line is read by scripts:
//   models_bench filter_100k_ms=X sort_100k_ms=Y functions_filter_ms=F functions_sort_ms=S
//     gui_sort_max_ms=GS gui_keystroke_max_ms=GK gui_turn_ms=GT background_ms=B
// X: one keystroke's filter (median over the keystrokes, then over runs; the slower model).
// Y: one column's sort (median over the columns, then over runs; the slower model).
// F, S: the same for the function list alone.
// GS, GK: the GUI thread's slowest sort and slowest keystroke of either list (medians over runs),
// including the first ones right after the rows change, before the background work landed, and
// the first sort by each column (Version included). GT: the event loop's turn right after the
// rows change, which snapshots the texts and starts the background work. B: the background
// work's own time. (GT, B: the slower list.) Both lists' proxies as they were before
// (QSortFilterProxyModels comparing the same packed keys) run on the same rows in the same run,
// for the ratio.
// Each list folds and ranks its texts off the GUI thread after the rows change; its line
// "right after the rows change" gives the GUI thread's cost of the first sort by the text column,
// of that turn, of the first keystrokes before the work lands (one even before that turn, though
// no user input is handled before it), of the exact re-sort when it lands, and the work's own
// time.

#include "BenchStats.h"
#include "models/activations/ActivationFilterProxy.h"
#include "models/activations/ActivationListModel.h"
#include "models/functions/FunctionFilterProxy.h"
#include "models/functions/FunctionListModel.h"
#include "models/functions/PackageTreeProxy.h"
#include "models/lists/ListFilterProxy.h"

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

// A list's proxy before issue 16 (QSortFilterProxyModel, filtering the given columns' text in
// one pass), for the ratio.
class PreviousProxy : public QSortFilterProxyModel
{
public:
    explicit PreviousProxy(QList<int> textColumns) : m_textColumns(std::move(textColumns))
    {
        setSortRole(PlatformListModel::SortRole);
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
        return std::any_of(m_textColumns.begin(), m_textColumns.end(),
                           [&](int column) { return m_filter.matches(model->index(row, column).data().toString()); });
    }
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return static_cast<const PlatformListModel *>(sourceModel())
                   ->compareRows(left.column(), left.row(), right.row()) < 0;
    }

private:
    QList<int> m_textColumns;
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
    double versionSort = 0; // the function list's first sort by Version after the rows changed
    // ListFilterProxy only: right after the rows changed, before the background work landed.
    double firstSort = 0;         // by the text column (name, function), before any event-loop turn
    double snapshotTurn = 0;      // the event loop's next turn: the snapshot of the texts, the work started
    double firstKeystroke = 0;    // then the slower of "a" and clearing it
    double earliestKeystroke = 0; // "a" before even that turn (no user input comes before it)
    double landingGui = 0;        // the GUI thread's CPU time until the work landed
    double background = 0;        // the work's own time
};

// Right after the rows changed (ListFilterProxy only): sorts by the text column and types "a",
// clears it, before the background work lands; then waits for it.
template <typename Proxy> void measureBeforeLanding(Proxy &proxy, int textColumn, Figures &figures)
{
    if constexpr (std::is_base_of_v<ListFilterProxy, Proxy>) {
        figures.firstSort = millisOf([&] { proxy.sort(textColumn, Qt::AscendingOrder); });
        figures.earliestKeystroke = millisOf([&] { typeFilter(proxy, QStringLiteral("a")); });
        typeFilter(proxy, QString());
        // What the event loop does next, before any key the user pressed meanwhile.
        figures.snapshotTurn = millisOf([] { QCoreApplication::processEvents(); });
        const double typed = millisOf([&] { typeFilter(proxy, QStringLiteral("a")); });
        figures.firstKeystroke = std::max(typed, millisOf([&] { typeFilter(proxy, QString()); }));
        const double begin = threadCpuMs();
        while (!proxy.textsPrepared())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        figures.landingGui = threadCpuMs() - begin;
        figures.background = proxy.preparationMs();
    }
}

// Sorts by every column (the first sort by each since the rows changed: the keys are made
// then), then, sorted by the first column as a list usually is, types a few filters a key at a
// time, clearing between words.
template <typename Proxy> Figures measure(Proxy &proxy, int columns, int textColumn)
{
    Figures figures;
    measureBeforeLanding(proxy, textColumn, figures);
    std::vector<double> sorts;
    for (int column = 0; column < columns; ++column) {
        const double ms = millisOf([&] { proxy.sort(column, Qt::AscendingOrder); });
        sorts.push_back(ms);
        if (ms > figures.slowestSort) {
            figures.slowestSort = ms;
            figures.slowestColumn = column;
        }
        if (columns == FunctionListModel::ColumnCount && column == FunctionListModel::VersionColumn)
            figures.versionSort = ms;
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

void report(const char *what, const std::vector<Figures> &runs, double feedMs, const QAbstractItemModel &model,
            int textColumn)
{
    std::printf("%s: %d rows fed in %.1f ms; filter per keystroke %.2f ms (worst %.1f ms); sort per column %.1f ms "
                "(slowest \"%s\" %.1f ms); medians of %zu runs\n",
                what, kRows, feedMs, medianOf(runs, &Figures::filter), medianOf(runs, &Figures::worstKeystroke),
                medianOf(runs, &Figures::sort),
                qPrintable(model.headerData(runs.back().slowestColumn, Qt::Horizontal).toString()),
                medianOf(runs, &Figures::slowestSort), runs.size());
    if (runs.back().versionSort > 0)
        std::printf("%s: first sort by Version after the rows change %.1f ms\n", what,
                    medianOf(runs, &Figures::versionSort));
    if (runs.back().background <= 0)
        return;
    std::printf(
        "%s, right after the rows change: first sort by %s %.1f ms; the event loop's next turn (snapshot of "
        "the texts) %.1f ms; first keystroke %.1f ms (one before that turn %.1f ms); the GUI thread from then until "
        "the work landed %.1f ms (CPU: the exact re-sort); the background work %.1f ms\n",
        what, qPrintable(model.headerData(textColumn, Qt::Horizontal).toString().toLower()),
        medianOf(runs, &Figures::firstSort), medianOf(runs, &Figures::snapshotTurn),
        medianOf(runs, &Figures::firstKeystroke), medianOf(runs, &Figures::earliestKeystroke),
        medianOf(runs, &Figures::landingGui), medianOf(runs, &Figures::background));
}

// The GUI thread's slowest sort and keystroke of a list (medians over runs).
double slowestSortOf(const std::vector<Figures> &runs)
{
    return std::max(medianOf(runs, &Figures::slowestSort), medianOf(runs, &Figures::firstSort));
}

double slowestKeystrokeOf(const std::vector<Figures> &runs)
{
    return std::max(medianOf(runs, &Figures::worstKeystroke), medianOf(runs, &Figures::firstKeystroke));
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
        functionRuns.push_back(measure(functionProxy, FunctionListModel::ColumnCount, FunctionListModel::NameColumn));

        ActivationListModel list;
        activationFeeds.push_back(millisOf([&] { list.setActivations(activations); }));
        ActivationFilterProxy activationProxy;
        activationProxy.setSourceModel(&list);
        activationRuns.push_back(
            measure(activationProxy, ActivationListModel::ColumnCount, ActivationListModel::FunctionColumn));
    }
    // The way before (eef8ac3, and the activation list's till issue 16 point "sortall"): a
    // QSortFilterProxyModel comparing the same packed keys and filtering in one pass
    // (invalidate()), on the same rows and words, in the same run. (It read the rows directly;
    // this one reads them through data(), a little slower to filter.)
    std::vector<Figures> previousRuns, previousActivationRuns;
    for (int run = 0; run < runs; ++run) {
        FunctionListModel functions;
        functions.setActions(actions);
        PreviousProxy proxy({FunctionListModel::NameColumn, FunctionListModel::RuntimeColumn});
        proxy.setSourceModel(&functions);
        previousRuns.push_back(measure(proxy, FunctionListModel::ColumnCount, FunctionListModel::NameColumn));

        ActivationListModel list;
        list.setActivations(activations);
        PreviousProxy activationProxy({ActivationListModel::FunctionColumn});
        activationProxy.setSourceModel(&list);
        previousActivationRuns.push_back(
            measure(activationProxy, ActivationListModel::ColumnCount, ActivationListModel::FunctionColumn));
    }
    report("functions", functionRuns, bench::median(functionFeeds), FunctionListModel(), FunctionListModel::NameColumn);
    report("functions, the way before", previousRuns, bench::median(functionFeeds), FunctionListModel(),
           FunctionListModel::NameColumn);
    report("activations", activationRuns, bench::median(activationFeeds), ActivationListModel(),
           ActivationListModel::FunctionColumn);
    report("activations, the way before", previousActivationRuns, bench::median(activationFeeds), ActivationListModel(),
           ActivationListModel::FunctionColumn);

    // The function list as the console shows it (issue 19): PackageTreeProxy over the filter
    // proxy, one function in ten in one of 100 packages. Its own cost per change of the rows, the
    // sort or the filter: one rebuild of the tree over all 100,000 rows (forced here by its filter
    // text, with the rows as they are).
    std::vector<double> treeRebuilds;
    {
        QList<Action> packaged = actions;
        for (qsizetype i = 0; i < packaged.size(); i += 10)
            packaged[i].name = QStringLiteral("pkg%1/%2").arg(i % 100).arg(*packaged[i].name);
        FunctionListModel functions;
        functions.setActions(packaged);
        FunctionFilterProxy proxy;
        proxy.setSourceModel(&functions);
        PackageTreeProxy tree;
        tree.setSourceModel(&proxy);
        for (int run = 0; run < runs; ++run) {
            treeRebuilds.push_back(millisOf([&] { tree.setFilterText(QStringLiteral("pkg")); }));
            treeRebuilds.push_back(millisOf([&] { tree.setFilterText(QString()); }));
        }
        std::printf("package tree: one rebuild over %d rows (%d top-level rows) %.2f ms, median of %zu\n", kRows,
                    tree.rowCount(), bench::median(treeRebuilds), treeRebuilds.size());
    }

    const double filter =
        std::max(medianOf(functionRuns, &Figures::filter), medianOf(activationRuns, &Figures::filter));
    const double sort = std::max(medianOf(functionRuns, &Figures::sort), medianOf(activationRuns, &Figures::sort));
    const auto ratio = [](const std::vector<Figures> &before, const std::vector<Figures> &now, double Figures::*field) {
        return medianOf(before, field) / std::max(0.001, medianOf(now, field));
    };
    std::printf("functions: filter %.1fx, sort %.1fx faster than the way before\n",
                ratio(previousRuns, functionRuns, &Figures::filter), ratio(previousRuns, functionRuns, &Figures::sort));
    std::printf("activations: filter %.1fx, sort %.1fx faster than the way before\n",
                ratio(previousActivationRuns, activationRuns, &Figures::filter),
                ratio(previousActivationRuns, activationRuns, &Figures::sort));
    const double guiSort = std::max(slowestSortOf(functionRuns), slowestSortOf(activationRuns));
    const double guiKeystroke = std::max(slowestKeystrokeOf(functionRuns), slowestKeystrokeOf(activationRuns));
    const double background =
        std::max(medianOf(functionRuns, &Figures::background), medianOf(activationRuns, &Figures::background));
    const double turn =
        std::max(medianOf(functionRuns, &Figures::snapshotTurn), medianOf(activationRuns, &Figures::snapshotTurn));
    const bool within = guiSort <= 16 && guiKeystroke <= 16 && turn <= 16;
    std::printf("GUI thread, either list, every case: slowest sort %.1f ms, slowest keystroke %.1f ms, the turn after "
                "the rows change %.1f ms (%s 16 ms); background work %.1f ms\n",
                guiSort, guiKeystroke, turn, within ? "within" : "NOT within", background);
    std::printf("models_bench filter_100k_ms=%.2f sort_100k_ms=%.1f functions_filter_ms=%.2f functions_sort_ms=%.1f "
                "gui_sort_max_ms=%.1f gui_keystroke_max_ms=%.1f gui_turn_ms=%.1f background_ms=%.1f\n",
                filter, sort, medianOf(functionRuns, &Figures::filter), medianOf(functionRuns, &Figures::sort), guiSort,
                guiKeystroke, turn, background);
    return 0;
}
