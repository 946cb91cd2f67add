#include "ui/objects/BucketBrowser.h"

#include "models/objects/ObjectBrowserModel.h"
#include "models/objects/ObjectTransfer.h"
#include "ui/shell/ErrorLabel.h"

#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace funcdesk {

namespace {

QStringList localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    }
    return files;
}

} // namespace

BucketBrowser::BucketBrowser(QWidget *parent) : QWidget(parent), m_model(new ObjectBrowserModel(this))
{
    setObjectName(QStringLiteral("bucketBrowser"));
    setAcceptDrops(true);

    m_buckets = new QComboBox(this);
    m_buckets->setObjectName(QStringLiteral("bucketList"));
    m_buckets->setMinimumContentsLength(20);
    m_newBucket = new QPushButton(tr("New bucket…"), this);
    m_newBucket->setObjectName(QStringLiteral("newBucket"));
    m_deleteBucket = new QPushButton(tr("Delete bucket"), this);
    m_deleteBucket->setObjectName(QStringLiteral("deleteBucket"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Bucket:"), this));
    top->addWidget(m_buckets);
    top->addWidget(m_newBucket);
    top->addWidget(m_deleteBucket);
    top->addStretch(1);

    m_up = new QToolButton(this);
    m_up->setObjectName(QStringLiteral("objectsUp"));
    m_up->setText(tr("Up"));
    m_up->setToolTip(tr("The folder above"));
    m_crumbs = new QHBoxLayout;
    m_crumbs->setSpacing(2);
    auto *path = new QHBoxLayout;
    path->addWidget(m_up);
    path->addLayout(m_crumbs);
    path->addStretch(1);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("objectTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ObjectBrowserModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ObjectBrowserModel::SizeColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ObjectBrowserModel::ModifiedColumn,
                                                      QHeaderView::ResizeToContents);

    m_upload = new QPushButton(tr("Upload…"), this);
    m_upload->setObjectName(QStringLiteral("uploadObjects"));
    m_upload->setToolTip(tr("Upload files into this folder (or drop them here)"));
    m_download = new QPushButton(tr("Download…"), this);
    m_download->setObjectName(QStringLiteral("downloadObject"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteObject"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_upload);
    buttons->addWidget(m_download);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);

    m_transferBar = new QWidget(this);
    m_transferLabel = new QLabel(m_transferBar);
    m_transferLabel->setObjectName(QStringLiteral("transferLabel"));
    m_progress = new QProgressBar(m_transferBar);
    m_progress->setObjectName(QStringLiteral("transferProgress"));
    m_cancel = new QPushButton(tr("Cancel"), m_transferBar);
    m_cancel->setObjectName(QStringLiteral("cancelTransfer"));
    auto *transfer = new QHBoxLayout(m_transferBar);
    transfer->setContentsMargins(0, 0, 0, 0);
    transfer->addWidget(m_transferLabel);
    transfer->addWidget(m_progress, 1);
    transfer->addWidget(m_cancel);
    m_transferBar->hide();

    m_status = new ErrorLabel(this);
    m_status->setObjectName(QStringLiteral("bucketStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(path);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_transferBar);
    layout->addWidget(m_status);

    connect(m_buckets, &QComboBox::activated, this,
            [this](int index) { m_model->setBucket(m_buckets->itemText(index)); });
    connect(m_newBucket, &QPushButton::clicked, this, &BucketBrowser::newBucket);
    connect(m_deleteBucket, &QPushButton::clicked, this, &BucketBrowser::deleteBucket);
    connect(m_up, &QToolButton::clicked, m_model, &ObjectBrowserModel::up);
    connect(m_upload, &QPushButton::clicked, this, &BucketBrowser::uploadFiles);
    connect(m_download, &QPushButton::clicked, this, &BucketBrowser::downloadSelected);
    connect(m_delete, &QPushButton::clicked, this, &BucketBrowser::deleteSelected);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!m_model->enter(index.row()))
            downloadSelected();
    });
    connect(m_model, &ObjectBrowserModel::bucketsChanged, this, &BucketBrowser::bucketsChanged);
    connect(m_model, &ObjectBrowserModel::locationChanged, this, &BucketBrowser::locationChanged);
    connect(m_model, &ObjectBrowserModel::errorTextChanged, this, &BucketBrowser::showError);
    connect(m_model, &ObjectBrowserModel::statusMessage, this, [this](const QString &message) {
        showError({});
        m_status->setText(message);
        Q_EMIT statusMessage(message);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateActions();
        if (m_model->isTruncated() && m_model->errorText().isEmpty())
            m_status->setText(tr("Showing the first %L1 entries of this folder.").arg(ObjectBrowserModel::kMaxEntries));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BucketBrowser::updateActions);

    ObjectTransfer *transfers = m_model->transfer();
    connect(m_cancel, &QPushButton::clicked, transfers, &ObjectTransfer::cancel);
    connect(transfers, &ObjectTransfer::runningChanged, m_transferBar, &QWidget::setVisible);
    connect(transfers, &ObjectTransfer::descriptionChanged, m_transferLabel, &QLabel::setText);
    connect(transfers, &ObjectTransfer::progressChanged, this, [this](int value, int maximum) {
        m_progress->setRange(0, maximum); // 0..0: busy, size not known yet
        m_progress->setValue(value);
    });
    locationChanged();
}

void BucketBrowser::setPlatform(Platform *platform)
{
    m_model->setPlatform(platform);
    updateActions();
}

void BucketBrowser::bucketsChanged(const QStringList &buckets)
{
    m_buckets->clear();
    m_buckets->addItems(buckets);
    m_buckets->setCurrentIndex(static_cast<int>(buckets.indexOf(m_model->bucket())));
    updateActions();
}

void BucketBrowser::locationChanged()
{
    while (QLayoutItem *item = m_crumbs->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_model->bucket().isEmpty()) {
        const QStringList crumbs = m_model->breadcrumb();
        for (const QString &crumb : crumbs) {
            auto *button = new QToolButton(this);
            button->setAutoRaise(true);
            button->setText(crumb.isEmpty() ? m_model->bucket() : crumb.section(QLatin1Char('/'), -2, -2));
            button->setObjectName(QStringLiteral("crumb"));
            connect(button, &QToolButton::clicked, m_model, [this, crumb] { m_model->setPrefix(crumb); });
            if (!m_crumbs->isEmpty())
                m_crumbs->addWidget(new QLabel(QStringLiteral("/"), this));
            m_crumbs->addWidget(button);
        }
    }
    m_buckets->setCurrentIndex(static_cast<int>(m_model->buckets().indexOf(m_model->bucket())));
    updateActions();
}

void BucketBrowser::updateActions()
{
    const bool available = m_model->isAvailable();
    const bool inBucket = available && !m_model->bucket().isEmpty();
    const QString key = selectedKey();
    m_buckets->setEnabled(available);
    m_newBucket->setEnabled(available);
    m_deleteBucket->setEnabled(inBucket);
    m_up->setEnabled(inBucket && !m_model->prefix().isEmpty());
    m_upload->setEnabled(inBucket);
    m_download->setEnabled(inBucket && !key.isEmpty());
    m_delete->setEnabled(inBucket && !key.isEmpty());
}

void BucketBrowser::showError(const QString &text)
{
    m_status->setError(!text.isEmpty());
    m_status->setText(text);
}

QString BucketBrowser::selectedKey() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), {}) ||
        current.data(ObjectBrowserModel::IsFolderRole).toBool())
        return {};
    return current.data(ObjectBrowserModel::KeyRole).toString();
}

void BucketBrowser::uploadFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Upload files"), QDir::homePath(), {}, nullptr,
                                                            QFileDialog::DontUseNativeDialog);
    if (!files.isEmpty())
        m_model->upload(files);
}

void BucketBrowser::downloadSelected()
{
    const QString key = selectedKey();
    if (key.isEmpty())
        return;
    const QString target = QFileDialog::getSaveFileName(this, tr("Download %1").arg(key),
                                                        QDir::home().filePath(key.section(QLatin1Char('/'), -1)), {},
                                                        nullptr, QFileDialog::DontUseNativeDialog);
    if (!target.isEmpty())
        m_model->download(key, target);
}

void BucketBrowser::deleteSelected()
{
    const QString key = selectedKey();
    if (key.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete object"),
                              tr("Delete %1 from bucket %2? This cannot be undone.").arg(key, m_model->bucket()),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes)
        m_model->deleteObject(key);
}

void BucketBrowser::newBucket()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New bucket"), tr("Name of the new bucket:"), QLineEdit::Normal, {}, &ok);
    if (ok && !name.trimmed().isEmpty())
        m_model->createBucket(name);
}

void BucketBrowser::deleteBucket()
{
    const QString bucket = m_model->bucket();
    if (bucket.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete bucket"),
                              tr("Delete bucket %1? Only an empty bucket can be deleted.").arg(bucket),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes)
        m_model->deleteBucket(bucket);
}

void BucketBrowser::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_model->isAvailable() && !m_model->bucket().isEmpty() && !localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void BucketBrowser::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    m_model->upload(files);
}

} // namespace funcdesk
