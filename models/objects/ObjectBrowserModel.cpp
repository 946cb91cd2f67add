#include "models/objects/ObjectBrowserModel.h"

#include "core/FutureCallback.h"
#include "models/objects/ObjectTransfer.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace funcdesk {

namespace {

constexpr int kPageSize = 1000; // the object API's largest page

} // namespace

ObjectBrowserModel::ObjectBrowserModel(QObject *parent)
    : QAbstractTableModel(parent), m_transfer(new ObjectTransfer(this))
{
    connect(m_transfer, &ObjectTransfer::jobFinished, this,
            [this](const ObjectTransfer::Job &job, bool ok, const QString &message) {
                transferEnded(job.direction == ObjectTransfer::Direction::Upload, job.key, ok, message);
            });
}

void ObjectBrowserModel::setPlatform(Platform *platform)
{
    if (platform == m_platform)
        return;
    m_platform = platform;
    m_transfer->setPlatform(platform);
    ++m_generation;
    beginResetModel();
    m_entries.clear();
    m_bucket.clear();
    m_prefix.clear();
    m_truncated = false;
    endResetModel();
    m_buckets.clear();
    Q_EMIT bucketsChanged(m_buckets);
    Q_EMIT locationChanged();
    setLoading(false);
    setErrorText({});
    refreshBuckets();
}

bool ObjectBrowserModel::isAvailable() const
{
    return m_platform && m_platform->storesObjects();
}

void ObjectBrowserModel::refreshBuckets()
{
    if (!m_platform)
        return;
    if (!isAvailable())
        return setErrorText(tr("This connection does not store objects; buckets live on the Local connection."));
    const quint64 generation = m_generation;
    onResult(m_platform->listBuckets(), this, [this, generation](Result<QList<Bucket>> buckets) {
        if (generation != m_generation)
            return;
        if (!buckets)
            return setErrorText(buckets.error().message);
        QStringList names;
        for (const Bucket &bucket : buckets.value())
            names.append(bucket.name);
        names.sort();
        m_buckets = names;
        Q_EMIT bucketsChanged(m_buckets);
        if (!m_buckets.contains(m_bucket))
            setBucket(m_buckets.value(0));
        else
            refresh();
    });
}

void ObjectBrowserModel::setBucket(const QString &bucket)
{
    m_bucket = bucket;
    m_prefix.clear();
    Q_EMIT locationChanged();
    refresh();
}

void ObjectBrowserModel::setPrefix(const QString &prefix)
{
    m_prefix = prefix;
    Q_EMIT locationChanged();
    refresh();
}

QStringList ObjectBrowserModel::breadcrumb() const
{
    QStringList crumbs{QString()};
    qsizetype from = 0;
    for (qsizetype slash = m_prefix.indexOf(QLatin1Char('/')); slash >= 0;
         slash = m_prefix.indexOf(QLatin1Char('/'), from)) {
        crumbs.append(m_prefix.left(slash + 1));
        from = slash + 1;
    }
    return crumbs;
}

bool ObjectBrowserModel::enter(int row)
{
    if (row < 0 || row >= m_entries.size() || !m_entries[row].folder)
        return false;
    setPrefix(m_entries[row].key);
    return true;
}

void ObjectBrowserModel::up()
{
    const QStringList crumbs = breadcrumb();
    if (crumbs.size() > 1)
        setPrefix(crumbs[crumbs.size() - 2]);
}

void ObjectBrowserModel::refresh()
{
    const quint64 generation = ++m_generation;
    if (!isAvailable() || m_bucket.isEmpty()) {
        setEntries({});
        setLoading(false);
        return;
    }
    setLoading(true);
    loadPage(generation, 0, std::make_shared<ObjectListing>());
}

void ObjectBrowserModel::loadPage(quint64 generation, int skip, std::shared_ptr<ObjectListing> loaded)
{
    ObjectQuery query;
    query.prefix = m_prefix;
    query.delimiter = QStringLiteral("/");
    query.limit = kPageSize;
    query.skip = skip;
    onResult(m_platform->listObjects(m_bucket, query), this,
             [this, generation, skip, loaded](Result<ObjectListing> page) {
                 if (generation != m_generation)
                     return;
                 if (!page) {
                     setLoading(false);
                     return setErrorText(page.error().message);
                 }
                 loaded->objects.append(page->objects);
                 loaded->prefixes.append(page->prefixes);
                 // limit and skip count entries: objects and folders together.
                 const qsizetype entries = page->objects.size() + page->prefixes.size();
                 const int next = skip + static_cast<int>(entries);
                 m_truncated = next >= kMaxEntries && entries >= kPageSize;
                 if (entries >= kPageSize && !m_truncated && m_platform)
                     return loadPage(generation, next, loaded);
                 setEntries(*loaded);
                 setErrorText({});
                 setLoading(false);
             });
}

void ObjectBrowserModel::setEntries(const ObjectListing &listing)
{
    beginResetModel();
    m_entries.clear();
    QStringList prefixes = listing.prefixes;
    prefixes.removeDuplicates();
    prefixes.sort();
    for (const QString &prefix : std::as_const(prefixes))
        m_entries.append(Entry{true, prefix, {}});
    QList<ObjectInfo> objects = listing.objects;
    std::sort(objects.begin(), objects.end(), [](const ObjectInfo &a, const ObjectInfo &b) { return a.key < b.key; });
    for (const ObjectInfo &object : std::as_const(objects))
        m_entries.append(Entry{false, object.key, object});
    endResetModel();
}

void ObjectBrowserModel::createBucket(const QString &name)
{
    if (!isAvailable())
        return;
    onResult(m_platform->createBucket(name.trimmed()), this, [this](Result<Bucket> created) {
        if (!created)
            return setErrorText(created.error().message);
        setErrorText({});
        Q_EMIT statusMessage(tr("Bucket %1 created.").arg(created->name));
        m_bucket = created->name;
        refreshBuckets();
    });
}

void ObjectBrowserModel::deleteBucket(const QString &name)
{
    if (!isAvailable())
        return;
    onResult(m_platform->deleteBucket(name), this, [this, name](Result<Done> done) {
        if (!check(done))
            return;
        Q_EMIT statusMessage(tr("Bucket %1 deleted.").arg(name));
        refreshBuckets();
    });
}

void ObjectBrowserModel::upload(const QStringList &files)
{
    if (!isAvailable() || m_bucket.isEmpty())
        return setErrorText(tr("Choose or create a bucket first."));
    for (const QString &file : files) {
        const QFileInfo info(file);
        if (!info.isFile()) {
            setErrorText(tr("%1 is not a file; folders are not uploaded.").arg(info.fileName()));
            continue;
        }
        m_transfer->enqueue({ObjectTransfer::Direction::Upload, m_bucket, m_prefix + info.fileName(), file});
    }
}

void ObjectBrowserModel::download(const QString &key, const QString &targetFile)
{
    if (!isAvailable() || m_bucket.isEmpty())
        return;
    m_transfer->enqueue({ObjectTransfer::Direction::Download, m_bucket, key, targetFile});
}

void ObjectBrowserModel::deleteObject(const QString &key)
{
    if (!isAvailable() || m_bucket.isEmpty())
        return;
    onResult(m_platform->deleteObject(m_bucket, key), this, [this, key](Result<Done> done) {
        if (!check(done))
            return;
        Q_EMIT statusMessage(tr("%1 deleted.").arg(key));
        refresh();
    });
}

void ObjectBrowserModel::transferEnded(bool upload, const QString &key, bool ok, const QString &message)
{
    if (!ok) {
        setErrorText(upload ? tr("%1 was not uploaded: %2").arg(key, message)
                            : tr("%1 was not downloaded: %2").arg(key, message));
        return;
    }
    setErrorText({});
    Q_EMIT statusMessage(upload ? tr("%1 uploaded.").arg(key) : tr("%1 downloaded.").arg(key));
    if (upload)
        refresh();
}

bool ObjectBrowserModel::check(const Result<Done> &result)
{
    if (result) {
        setErrorText({});
        return true;
    }
    setErrorText(result.error().message);
    return false;
}

int ObjectBrowserModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int ObjectBrowserModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ObjectBrowserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return entry.key.mid(m_prefix.size()); // "2026/" or "report.csv" below "logs/"
        case SizeColumn:
            return entry.folder ? QString() : QLocale().formattedDataSize(entry.info.size);
        case ModifiedColumn:
            if (entry.folder || entry.info.modified <= 0)
                return QString();
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry.info.modified).toLocalTime(),
                                      QLocale::ShortFormat);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return entry.folder
                   ? tr("Folder %1").arg(entry.key)
                   : tr("%1\n%2 bytes, MD5 %3").arg(entry.key, QLocale().toString(entry.info.size), entry.info.etag);
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case KeyRole:
        return entry.key;
    case IsFolderRole:
        return entry.folder;
    case SortRole:
        if (index.column() == SizeColumn)
            return entry.folder ? qint64(-1) : entry.info.size;
        if (index.column() == ModifiedColumn)
            return entry.info.modified;
        return entry.key;
    default:
        return {};
    }
}

QVariant ObjectBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ModifiedColumn:
        return tr("Modified");
    default:
        return {};
    }
}

void ObjectBrowserModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void ObjectBrowserModel::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged(text);
}

} // namespace funcdesk
