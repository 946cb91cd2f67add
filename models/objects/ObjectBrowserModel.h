#pragma once

#include "core/Platform.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace funcdesk {

class ObjectTransfer;

// The bucket browser's state: the platform's buckets, the chosen bucket's "folders" (keys folded
// at '/') and objects below the current prefix, one row each (folders first), and the transfers.
// Everything loads asynchronously; a failure keeps the rows and says why in errorText.
class ObjectBrowserModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, ModifiedColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // the full key, or the folder's prefix ("logs/2026/")
        IsFolderRole,
        SortRole, // raw size or epoch ms
    };
    // At most this many entries of one folder are listed (pages of 1,000); the rest are counted
    // as "more" and reached by a narrower prefix.
    static constexpr int kMaxEntries = 10000;

    explicit ObjectBrowserModel(QObject *parent = nullptr);

    // Another platform empties the browser and lists its buckets, when it stores objects.
    void setPlatform(Platform *platform);
    bool isAvailable() const;
    ObjectTransfer *transfer() const { return m_transfer; }

    QStringList buckets() const { return m_buckets; }
    QString bucket() const { return m_bucket; }
    void setBucket(const QString &bucket);
    QString prefix() const { return m_prefix; }
    void setPrefix(const QString &prefix);
    // The folders from the bucket's root to the current prefix: {"", "logs/", "logs/2026/"}.
    QStringList breadcrumb() const;
    // Opens the folder on `row`; false when the row is an object.
    bool enter(int row);
    void up();
    bool isLoading() const { return m_loading; }
    QString errorText() const { return m_errorText; }
    bool isTruncated() const { return m_truncated; }

    void refreshBuckets();
    void refresh();
    void createBucket(const QString &name);
    void deleteBucket(const QString &name);
    // Uploads each file under the current prefix, named as the file.
    void upload(const QStringList &files);
    void download(const QString &key, const QString &targetFile);
    void deleteObject(const QString &key);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void bucketsChanged(const QStringList &buckets);
    void locationChanged(); // bucket or prefix
    void loadingChanged(bool loading);
    void errorTextChanged(const QString &text);
    // What just happened, for the status line ("report.csv uploaded.").
    void statusMessage(const QString &message);

private:
    struct Entry
    {
        bool folder = false;
        QString key;
        ObjectInfo info;
    };
    void loadPage(quint64 generation, int skip, std::shared_ptr<ObjectListing> loaded);
    void setEntries(const ObjectListing &listing);
    void transferEnded(bool upload, const QString &key, bool ok, const QString &message);
    void setLoading(bool loading);
    void setErrorText(const QString &text);
    bool check(const Result<Done> &result);

    QPointer<Platform> m_platform;
    ObjectTransfer *m_transfer;
    QStringList m_buckets;
    QString m_bucket;
    QString m_prefix;
    QList<Entry> m_entries;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_truncated = false;
    QString m_errorText;
};

} // namespace funcdesk
