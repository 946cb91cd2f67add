#pragma once

#include "core/Platform.h"
#include "models/functions/SortKeys.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <functional>

namespace funcdesk {

// What the function and activation lists share: the platform listed (none once it is destroyed)
// and its live activations, a generation that retires answers for a superseded load or
// platform, whether a load runs and why the last one failed, and the packed sort keys their
// filter proxies compare.
class PlatformListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    // The role under which every list answers a cell's raw comparable value (number, string,
    // epoch ms); each list's own roles start after it.
    static constexpr int SortRole = Qt::UserRole;

    // The platform listed; each list says what a new one starts (see switchPlatform()).
    virtual void setPlatform(Platform *platform) = 0;
    Platform *platform() const { return m_platform; }

    bool isLoading() const { return m_loading; }
    QString errorText() const { return m_errorText; }

    int rowCount(const QModelIndex &parent = {}) const final;
    int columnCount(const QModelIndex &parent = {}) const final;
    // Qt::DisplayRole from display(), SortRole from sortValue(), every other role from roleData().
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    // <0, 0 or >0 as row `left` sorts before, with or after row `right` by `column`'s keys (the
    // filter proxies sort on rows directly: 100,000 rows stay fast).
    int compareRows(int column, int left, int right) const;
    // `column`'s packed sort key of every row (what compareRows() compares), filled when needed.
    const std::vector<double> &sortKeys(int column) const;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorTextChanged(const QString &text);

protected:
    PlatformListModel(int columns, QObject *parent);

    // The list's rows, and what data() answers for a valid cell of them.
    virtual int rows() const = 0;
    virtual QVariant display(int row, int column) const = 0;
    virtual QVariant sortValue(int row, int column) const = 0;
    virtual QVariant roleData(int row, int column, int role) const = 0;

    // Lists `platform` from now on: answers for the previous one are retired, `clearRows` empties
    // the list inside a model reset, loading and error are cleared, the platform's live
    // activations go to liveArrived(), and once it is destroyed the model lists none. Returns
    // true when there is a new platform to load from; false, doing nothing, when `platform` is
    // listed already, and false after clearing when it is none.
    bool switchPlatform(Platform *platform, const std::function<void()> &clearRows);
    virtual void liveArrived(const QList<Activation> &activations) = 0;

    // A new load: answers carrying an older generation are dropped.
    quint64 nextGeneration() { return ++m_generation; }
    bool isCurrent(quint64 generation) const { return generation == m_generation; }

    void setLoading(bool loading);
    void setErrorText(const QString &text);
    // The platform's message, or the error kind's name when it gave none.
    void setError(const PlatformError &error);

    // Rows or the values they sort by changed: the keys are filled again when next compared.
    void invalidateSortKeys() { m_sortKeys.invalidate(); }
    virtual void fillSortKeys(int column, std::vector<double> &keys) const = 0;

private:
    QPointer<Platform> m_platform;
    const int m_columns;
    quint64 m_generation = 0;
    mutable SortKeys m_sortKeys;
    bool m_loading = false;
    QString m_errorText;
};

} // namespace funcdesk
