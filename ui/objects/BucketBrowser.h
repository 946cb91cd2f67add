#pragma once

#include "core/Platform.h"

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace funcdesk {

class ErrorLabel;
class ObjectBrowserModel;

// The bucket browser: a bucket's objects with folders (keys folded at '/'), a breadcrumb and Up;
// upload from a file dialog or by dropping files on it, with a progress bar and Cancel;
// download to a chosen file; delete (confirmed); buckets created and deleted.
class BucketBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit BucketBrowser(QWidget *parent = nullptr);

    void setPlatform(Platform *platform);
    ObjectBrowserModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

public Q_SLOTS:
    void uploadFiles();
    void downloadSelected();
    void deleteSelected();
    void newBucket();
    void deleteBucket();

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void bucketsChanged(const QStringList &buckets);
    void locationChanged();
    void updateActions();
    void showError(const QString &text);
    QString selectedKey() const;

    ObjectBrowserModel *m_model;
    QComboBox *m_buckets;
    QPushButton *m_newBucket;
    QPushButton *m_deleteBucket;
    QToolButton *m_up;
    QHBoxLayout *m_crumbs;
    QTableView *m_table;
    QPushButton *m_upload;
    QPushButton *m_download;
    QPushButton *m_delete;
    QWidget *m_transferBar;
    QLabel *m_transferLabel;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    ErrorLabel *m_status;
};

} // namespace funcdesk
