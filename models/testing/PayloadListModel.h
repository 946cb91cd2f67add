#pragma once

#include "core/Result.h"
#include "models/testing/PayloadStore.h"

#include <QAbstractListModel>

namespace funcdesk {

// The saved payloads of one function as a list (name; editable in place), written through to
// the PayloadStore on every change. Names are unique: adding or importing a taken name gets a
// suffix; renaming to a taken or empty name is refused.
class PayloadListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { TextRole = Qt::UserRole + 1, ValidRole };

    explicit PayloadListModel(PayloadStore store = PayloadStore(), QObject *parent = nullptr);

    // Loads the payloads of `function` on `connection` (an error leaves the list empty).
    Result<Done> setFunction(const QString &connection, const QString &function);
    bool hasFunction() const { return !m_function.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The new row. `name` empty: "Payload 1", "Payload 2", ...
    int add(const QString &name, const QString &text);
    bool rename(int row, const QString &name);
    bool remove(int row);
    bool updateText(int row, const QString &text);
    SavedPayload payload(int row) const { return m_payloads.value(row); }
    int rowOf(const QString &name) const;

    // Import adds every entry of the file or, when the file is malformed, nothing. Returns how
    // many were added.
    Result<int> importFrom(const QString &path);
    Result<Done> exportTo(const QString &path) const;

Q_SIGNALS:
    // Writing the store failed: the list in memory is kept, so nothing typed is lost.
    void saveFailed(const QString &message);
    // An in-place rename was refused (the name is taken or blank); the old name stays.
    void renameRefused(const QString &message);

private:
    QString uniqueName(const QString &wanted) const;
    void persist();

    PayloadStore m_store;
    QString m_connection;
    QString m_function;
    QList<SavedPayload> m_payloads;
};

} // namespace funcdesk
