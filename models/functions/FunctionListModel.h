#pragma once

#include "models/lists/PlatformListModel.h"
#include "models/metrics/MetricsService.h"
#include "models/triggers/WiringSnapshot.h"

#include <QHash>
#include <QPointer>

#include <memory>

namespace funcdesk {

class FunctionFilterProxy;

// The functions (actions) of one platform namespace, one row each, with their limits (storage and
// network where the platform has them) and the
// invocations and errors of the last 24 hours. Everything loads asynchronously; while a load
// runs, the rows that were there stay, and a failed load keeps them and says why in errorText.
// The 24 h figures come from the newest activations (at most setStatsLimit() of them; past that
// they read "≥ n") and then grow with Platform::activationsArrived. With a MetricsService
// attached, the metrics columns show each function's invocations, errors and cost over a range
// the caller chooses (FunctionListModelMetrics.cpp); they stay empty until the engine answers.
class FunctionListModel : public PlatformListModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        RuntimeColumn,
        MemoryColumn,
        CpuColumn,
        StorageColumn, // the size of /tmp ("—" where the platform has no storage limits)
        NetworkColumn, // on / off
        TimeoutColumn,
        ConcurrencyColumn,
        VersionColumn,
        UpdatedColumn,
        InvocationsColumn,
        ErrorsColumn,
        TriggersColumn, // what runs the function: the triggers of the rules that name it
        // From the MetricsService, over setMetricsRange's range (empty without one).
        RangeInvocationsColumn,
        RangeErrorsColumn,
        CostColumn, // under the service's price list
        ColumnCount
    };
    enum Role {
        SortRole = PlatformListModel::SortRole, // raw comparable value of the cell
        NameRole,                               // the function's name ("action" or "package/action"), any column
        ActionRole,                             // the Action as listed (no code), any column
        KindRole,                               // an ItemKind, any column (PackageTreeProxy adds packages)
        PackageRole,                            // a package row's name ("" on a function's row)
    };
    // What a row of the list is: the view's icons follow it.
    enum ItemKind { FunctionItem, SequenceItem, PackageItem, BindingItem };
    // A package of the namespace as the list shows it (its contents are the rows named "name/…").
    struct PackageRow
    {
        QString name;
        QString boundTo; // a binding's target, "/namespace/package"; empty for a package
        bool shared = false;
        friend bool operator==(const PackageRow &, const PackageRow &) = default;
    };

    explicit FunctionListModel(QObject *parent = nullptr);
    ~FunctionListModel() override;

    // The platform listed. Another one (a connection switch) empties the list and reloads it,
    // and turns on its live activations (never off: other panels share the stream).
    void setPlatform(Platform *platform) override;

    // Reloads the platform's info, every action, then the 24 h figures.
    void refresh();
    // Makes the list these actions: rows of names still present are updated in place (views keep
    // their selection), others are removed or appended. refresh() and the benchmark feed it.
    void setActions(const QList<Action> &actions);
    // One action after a deploy or a configuration change, without a reload.
    void applyAction(const Action &action);
    void removeFunction(const QString &name);
    // The row of a function, -1 when absent.
    int rowOf(const QString &name) const;
    // A row's function name (what NameRole answers), by reference: proxies read 100,000 of them.
    const QString &nameAt(int row) const { return m_rows[row].name; }
    // Reloads only which triggers run each function (after a rule changed elsewhere).
    void refreshTriggers();
    // The triggers whose rules run `name`, by rule name; empty when none or not loaded yet.
    QList<FunctionTrigger> triggersOf(const QString &name) const { return m_triggers.value(name); }
    // The namespace's packages and bindings, by name (refresh() lists them beside the actions).
    const QList<PackageRow> &packages() const { return m_packages; }
    // One package after it was created or changed here, or deleted, without a reload.
    void applyPackage(const Package &package);
    void removePackage(const QString &name);
    static PackageRow packageRow(const Package &package);
    // How many activations refresh() reads at most for the 24 h figures (10,000).
    void setStatsLimit(int activations);

    // The metrics engine the metrics columns come from (nullptr = none: the columns are empty).
    // It follows the same connection as this list; the caller switches both.
    void setMetrics(MetricsService *metrics);
    // The metrics columns' range in epoch ms. `toMs` 0 = now: the range keeps its length and ends
    // at each query (the last 15 minutes). `live` re-queries on every update of the engine
    // (coalesced); otherwise only when the range changes or the backfill finishes.
    void setMetricsRange(qint64 fromMs, qint64 toMs, bool live);

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // triggersOf() changed (a load finished).
    void triggersChanged();
    // packages() changed.
    void packagesChanged();

private:
    friend class FunctionFilterProxy; // filters and sorts on rows directly: 100,000 rows stay fast
    struct Row
    {
        QString name;
        Action action;
        qint64 invocations = 0;
        qint64 errors = 0;
        qint64 version = -1; // versionKey(action.version), parsed once as the row arrives
    };
    struct StatsLoad;

    void loadActions(quint64 generation, int skip, std::shared_ptr<QList<Action>> loaded);
    void loadStats(quint64 generation);
    void loadPackages(quint64 generation, int skip, std::shared_ptr<QList<Package>> loaded);
    void setPackages(QList<PackageRow> packages);
    void loadStatsPage(quint64 generation);
    void finishStats();
    // Counts live arrivals into the 24 h figures.
    void liveArrived(const QList<Activation> &activations) override;
    void fail(quint64 generation, const PlatformError &error);
    void reindex();
    static Row makeRow(const QString &name, const Action &action);
    // A semantic version as one number (0.0.10 after 0.0.9), -1 when there is none.
    static qint64 versionKey(const std::optional<QString> &version);
    void rowsChanged() { invalidateSortKeys(); }

    int rows() const override { return static_cast<int>(m_rows.size()); }
    QVariant display(int row, int column) const override;
    QVariant sortValue(int row, int column) const override;
    QVariant roleData(int row, int column, int role) const override;
    qint64 memoryOf(const Row &row) const;
    qint64 limitOf(const Row &row, int column) const; // timeout or concurrency, -1 unknown
    std::optional<double> cpuOf(const Row &row) const;
    qint64 storageOf(const Row &row) const; // MB, -1 where unknown or the platform has none
    int networkOf(const Row &row) const;    // 1 on, 0 off, -1 where unknown or the platform has none
    void fillSortKeys(int column, std::vector<double> &keys) const override;

    void setTriggers(const QHash<QString, QList<FunctionTrigger>> &triggers);

    struct MetricsCells
    {
        qint64 invocations = 0;
        qint64 errors = 0;
        double cost = 0.0;
    };
    void queryMetrics();
    void applyMetrics(const MetricsSeries &series);
    void clearMetrics();
    QVariant metricsDisplay(const Row &row, int column) const;
    double metricsSortValue(const Row &row, int column) const;

    QList<Row> m_rows;
    QHash<QString, int> m_index; // name → row
    std::optional<PlatformInfo> m_info;
    std::unique_ptr<StatsLoad> m_stats;
    int m_statsLimit = 10000;
    bool m_statsKnown = false;
    bool m_statsCapped = false;
    QHash<QString, QList<FunctionTrigger>> m_triggers; // function → the triggers that run it
    QList<PackageRow> m_packages;                      // by name
    quint64 m_triggersGeneration = 0;

    QPointer<MetricsService> m_metrics;
    qint64 m_metricsFromMs = 0;
    qint64 m_metricsToMs = 0;
    qint64 m_metricsLengthMs = 24 * 60 * 60 * 1000; // when m_metricsToMs is 0
    bool m_metricsLive = true;
    QHash<QString, MetricsCells> m_metricsCells; // function → its figures
    bool m_metricsKnown = false;
    bool m_metricsQuerying = false;
    bool m_metricsAgain = false;
    quint64 m_metricsGeneration = 0;
    QString m_currency;
};

} // namespace funcdesk
