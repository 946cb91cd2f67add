#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

namespace funcdesk {

class Platform;

// What a sequence can be made of: the actions of the connection's namespace (in their packages
// too) and those of the shared /whisk.system/utils package, each with its runtime, read through
// the Platform interface. At most kMaxActions of the namespace's actions are listed (pages of
// 200); a component that is not listed can still be typed by its fully qualified name.
class ComponentCatalog : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int kMaxActions = 2000;
    static constexpr int kPageSize = 200;
    enum Role { PathRole = Qt::UserRole + 1, KindRole };

    explicit ComponentCatalog(QObject *parent = nullptr);

    // Reads the platform's actions again; loaded() follows, with an error text when the
    // namespace's actions could not be read (the shared package is optional: a note).
    void load(Platform *platform);
    bool isLoading() const { return m_loading; }
    // Runtimes by fully qualified path.
    QHash<QString, QString> kinds() const;
    // "" when everything was read; otherwise what could not be.
    QString problem() const { return m_problem; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

Q_SIGNALS:
    void loaded();

private:
    struct Entry
    {
        QString path;
        QString label; // relative to the namespace for its own actions
        QString kind;
    };
    void readPage(int skip, quint64 serial);
    void readShared(quint64 serial);
    void finish(quint64 serial);

    QPointer<Platform> m_platform;
    QString m_ns;
    QList<Entry> m_entries;
    QList<Entry> m_pending;
    QString m_problem;
    bool m_loading = false;
    quint64 m_serial = 0;
};

} // namespace funcdesk
