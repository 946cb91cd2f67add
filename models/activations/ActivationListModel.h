#pragma once

#include "core/Platform.h"
#include "models/activations/ActivationSummary.h"
#include "models/functions/SortKeys.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

namespace funcdesk {

class ActivationFilterProxy;

// Activations of one platform namespace, newest first: time, function, status, duration,
// cold/warm start, memory. load() lists a page of summaries (no logs or results: fetchDetails()
// gets the full record for the details pane). With live on, activations that arrive and match
// the loaded query are inserted at the top (views keep their selection on the same activation),
// once each, and the oldest fall off the bottom past rowLimit(). A failed load keeps the rows
// and says why in errorText.
class ActivationListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(bool live READ isLive WRITE setLive NOTIFY liveChanged)

public:
    enum Column { TimeColumn, FunctionColumn, StatusColumn, DurationColumn, StartColumn, MemoryColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // raw comparable value of the cell
        ActivationIdRole,        // any column
        FunctionRole,            // "action" or "package/action", any column
        IsErrorRole,             // bool: finished with a status other than success
    };

    explicit ActivationListModel(QObject *parent = nullptr);

    // The platform listed. Another one empties the list and, if a query was loaded, loads it
    // there. With live on, the platform's live activations are turned on (never off: shared).
    void setPlatform(Platform *platform);
    Platform *platform() const { return m_platform; }

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

    bool isLoading() const { return m_loading; }
    QString errorText() const { return m_errorText; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorTextChanged(const QString &text);
    void liveChanged(bool live);

private:
    friend class ActivationFilterProxy; // filters and sorts on rows directly
    struct Row
    {
        Activation activation;
        ActivationSummary summary;
    };
    static Row makeRow(const Activation &activation);

    void insertLive(const QList<Activation> &activations);
    bool matchesQuery(const Activation &activation, const ActivationSummary &summary) const;
    void trimToLimit();
    void setLoading(bool loading);
    void setErrorText(const QString &text);
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    int compareRows(int column, int left, int right) const;
    void fillSortKeys(int column, std::vector<double> &keys) const;

    QPointer<Platform> m_platform;
    QList<Row> m_rows;
    QSet<QString> m_ids;
    mutable SortKeys m_sortKeys; // for ActivationFilterProxy's sort; dropped on every change
    ActivationQuery m_query;
    bool m_queryLoaded = false;
    QList<Activation> m_arrivedWhileLoading; // the listing may or may not have them
    quint64 m_generation = 0;
    int m_rowLimit = 5000;
    bool m_live = false;
    bool m_loading = false;
    QString m_errorText;
};

} // namespace funcdesk
