#pragma once

#include "models/activations/ActivationSummary.h"
#include "models/lists/PlatformListModel.h"

#include <QSet>

namespace funcdesk {

class ActivationFilterProxy;

// Activations of one platform namespace, newest first: time, function, status, duration,
// cold/warm start, memory. load() lists a page of summaries (no logs or results: fetchDetails()
// gets the full record for the details pane). With live on, activations that arrive and match
// the loaded query are inserted at the top (views keep their selection on the same activation),
// once each, and the oldest fall off the bottom past rowLimit(). A failed load keeps the rows
// and says why in errorText.
class ActivationListModel : public PlatformListModel
{
    Q_OBJECT
    Q_PROPERTY(bool live READ isLive WRITE setLive NOTIFY liveChanged)

public:
    enum Column { TimeColumn, FunctionColumn, StatusColumn, DurationColumn, StartColumn, MemoryColumn, ColumnCount };
    enum Role {
        SortRole = PlatformListModel::SortRole, // raw comparable value of the cell
        ActivationIdRole,                       // any column
        FunctionRole,                           // "action" or "package/action", any column
        IsErrorRole,                            // bool: finished with a status other than success
    };

    explicit ActivationListModel(QObject *parent = nullptr);

    // The platform listed. Another one empties the list and, if a query was loaded, loads it
    // there. With live on, the platform's live activations are turned on (never off: shared).
    void setPlatform(Platform *platform) override;

    // Lists activations: query.name filters by function, since/upto by start time (epoch ms),
    // limit rows (0: 200). Summaries only (docs is ignored). The query also decides which live
    // arrivals are shown.
    void load(ActivationQuery query);
    const ActivationQuery &query() const { return m_query; }
    // Makes the list these activations, newest first as given (load()'s entry point, and the
    // benchmark's); logs and results are dropped.
    void setActivations(const QList<Activation> &activations);

    // The row's record as listed (a summary); -1 / invalid rows are not allowed.
    const Activation &activationAt(int row) const;
    const ActivationSummary &summaryAt(int row) const;
    int rowOf(const QString &activationId) const;
    // The full record (logs, result, annotations) for the details pane.
    QFuture<Result<Activation>> fetchDetails(const QString &activationId);

    void setLive(bool live);
    bool isLive() const { return m_live; }
    // Live inserts keep at most this many rows, dropping the oldest (5,000).
    void setRowLimit(int rows);
    int rowLimit() const { return m_rowLimit; }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void liveChanged(bool live);

private:
    friend class ActivationFilterProxy; // filters and sorts on rows directly
    struct Row
    {
        Activation activation;
        ActivationSummary summary;
    };
    static Row makeRow(const Activation &activation);

    void liveArrived(const QList<Activation> &activations) override;
    void insertLive(const QList<Activation> &activations);
    bool matchesQuery(const Activation &activation, const ActivationSummary &summary) const;
    void trimToLimit();
    int rows() const override { return static_cast<int>(m_rows.size()); }
    QVariant display(int row, int column) const override;
    QVariant sortValue(int row, int column) const override;
    QVariant roleData(int row, int column, int role) const override;
    void fillSortKeys(int column, std::vector<double> &keys) const override;

    QList<Row> m_rows;
    QSet<QString> m_ids;
    ActivationQuery m_query;
    bool m_queryLoaded = false;
    QList<Activation> m_arrivedWhileLoading; // the listing may or may not have them
    int m_rowLimit = 5000;
    bool m_live = false;
};

} // namespace funcdesk
