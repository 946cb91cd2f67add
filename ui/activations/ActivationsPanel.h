#pragma once

#include "core/Platform.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QTableWidget;

namespace funcdesk {

class ActivationFilterProxy;
class ActivationListModel;

// The activations of the current connection, or of one function: time, function, status,
// duration, cold/warm, memory; filtered by function, errors only and a time range; updated live
// (new ones appear at the top, the selection stays put); a details pane with result, logs and
// annotations of the selected one.
class ActivationsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ActivationsPanel(QWidget *parent = nullptr);

    void setPlatform(Platform *platform);
    // Narrows the list to one function ("" = every function).
    void setFunctionFilter(const QString &name);
    // Lists the activations that started from `from` to `to` (a chart's point clicked), of one
    // function or ("" ) every one; the range selector reads "From … to …" until another is chosen.
    void showBetween(const QDateTime &from, const QDateTime &to, const QString &function);
    ActivationListModel *model() const { return m_model; }
    QSplitter *splitter() const { return m_splitter; }

public Q_SLOTS:
    void reload();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitColumns();
    void showDetails();
    void showStatus();
    void clearDetails();

    QPointer<Platform> m_platform;
    ActivationListModel *m_model;
    ActivationFilterProxy *m_proxy;
    QLineEdit *m_function;
    QCheckBox *m_errorsOnly;
    QComboBox *m_range;
    QCheckBox *m_live;
    QTableView *m_view;
    QLabel *m_status;
    QSplitter *m_splitter;
    QLabel *m_summary;
    QPlainTextEdit *m_result;
    QPlainTextEdit *m_logs;
    QTableWidget *m_annotations;
    QString m_shownId;
    qint64 m_betweenFrom = 0;
    qint64 m_betweenTo = 0;
};

} // namespace funcdesk
