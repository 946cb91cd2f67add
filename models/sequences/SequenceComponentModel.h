#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QStringList>

namespace funcdesk {

// The components of a sequence being edited, in order, as OpenWhisk stores them: fully qualified
// ("/guest/hello", "/guest/pkg/a", "/whisk.system/utils/echo"). Shown relative to the namespace
// in use ("hello", "pkg/a"), with the runtime of each when known. Rows move by drag (internal
// move through moveRows) or by moveComponent(); at most kMaxComponents, OpenWhisk's
// actionSequenceLimit (the platform also counts the atomic actions of nested sequences).
class SequenceComponentModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int kMaxComponents = 50;
    enum Role { PathRole = Qt::UserRole + 1, KindRole };

    explicit SequenceComponentModel(QObject *parent = nullptr);

    // The namespace names are qualified in and shown relative to.
    void setNamespace(const QString &ns);
    QString namespaceName() const { return m_ns; }
    // "hello" → "/guest/hello", "pkg/a" → "/guest/pkg/a", "/_/a" → "/guest/a", "/x/y" as is.
    QString qualify(const QString &name) const;
    // "/guest/hello" → "hello"; other namespaces' paths as they are.
    QString shortName(const QString &path) const;

    void setComponents(const QStringList &names);
    QStringList components() const { return m_paths; }
    // Runtimes by fully qualified path (from the catalog); unknown ones show no runtime.
    void setKinds(const QHash<QString, QString> &kinds);
    QString kindOf(const QString &path) const { return m_kinds.value(path); }

    // False (nothing added) at kMaxComponents or for an empty name.
    bool append(const QString &name);
    bool removeComponent(int row);
    // Moves the component at `from` to position `to` (0 … rowCount()-1).
    bool moveComponent(int from, int to);

    // The drag format of components (fully qualified paths), shared with ComponentCatalog: a
    // catalog row dropped on the components is added.
    static QMimeData *pathsMimeData(const QStringList &paths);
    static QString pathsMimeType();

    // "input → hello (nodejs:20) → shout (python:3) → result"
    QString dataFlowText() const;
    // Why the list cannot be stored as it is ("" when it can).
    QString problem() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;

Q_SIGNALS:
    // The components or their order changed (not on setComponents).
    void componentsEdited();

private:
    QString m_ns = QStringLiteral("_");
    QStringList m_paths;
    QHash<QString, QString> m_kinds;
};

} // namespace funcdesk
