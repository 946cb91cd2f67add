#include "ui/code/CodeHistoryPane.h"

#include "models/code/CodeVersionModel.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>

namespace funcdesk {

CodeHistoryPane::CodeHistoryPane(QWidget *parent) : QWidget(parent), m_model(new CodeVersionModel(this))
{
    setObjectName(QStringLiteral("codeHistoryPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CodeHistoryPane::updateButtons);
}

void CodeHistoryPane::build()
{
    if (m_view)
        return;
    m_view = new QTreeView(this);
    m_message = new QLabel(this);
    m_compare = new QPushButton(tr("Compare with Editor"), this);
    m_rollback = new QPushButton(tr("Roll Back…"), this);
    auto *title = new QLabel(tr("Versions"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *refresh = new QToolButton(this);
    refresh->setObjectName(QStringLiteral("historyRefreshButton"));
    refresh->setText(tr("Refresh"));
    refresh->setAutoRaise(true);

    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_message->hide();
    m_compare->setObjectName(QStringLiteral("historyCompareButton"));
    m_compare->setToolTip(tr("Show the differences between this version and the editor (Ctrl+Shift+D)"));
    m_rollback->setObjectName(QStringLiteral("historyRollbackButton"));
    m_rollback->setToolTip(tr("Deploy this version's code as a new version"));

    auto *top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(refresh);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_compare);
    buttons->addWidget(m_rollback);
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message, 1);
    layout->addLayout(buttons);

    connect(refresh, &QToolButton::clicked, this, &CodeHistoryPane::refreshRequested);
    connect(m_compare, &QPushButton::clicked, this, &CodeHistoryPane::compareRequested);
    connect(m_rollback, &QPushButton::clicked, this, &CodeHistoryPane::rollbackRequested);
    connect(m_view, &QTreeView::doubleClicked, this, &CodeHistoryPane::compareRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        Q_EMIT selectionChanged();
    });
    updateButtons();
}

void CodeHistoryPane::showEvent(QShowEvent *event)
{
    build();
    QWidget::showEvent(event);
}

void CodeHistoryPane::showLoading()
{
    build();
    m_view->hide();
    m_message->setText(tr("Loading versions…"));
    m_message->show();
}

void CodeHistoryPane::setVersions(QList<Action> versions, const QString &deployedVersion)
{
    build();
    const std::optional<Action> previous = selectedVersion();
    m_deployedVersion = deployedVersion;
    m_model->setDeployedVersion(deployedVersion);
    m_model->setVersions(std::move(versions));
    m_message->hide();
    m_view->show();
    if (previous && previous->version)
        selectVersion(*previous->version);
    updateButtons();
}

void CodeHistoryPane::showMessage(const QString &message)
{
    build();
    m_model->clear();
    m_view->hide();
    m_message->setText(message);
    m_message->show();
}

void CodeHistoryPane::clear()
{
    m_model->clear();
    if (m_message)
        m_message->clear();
}

std::optional<Action> CodeHistoryPane::selectedVersion() const
{
    if (!m_view)
        return std::nullopt; // never shown: nothing selected
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->versionAt(rows.first().row());
}

bool CodeHistoryPane::selectVersion(const QString &version)
{
    build();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->versionAt(row).version == version) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            return true;
        }
    }
    return false;
}

QString CodeHistoryPane::messageText() const
{
    return m_message && m_message->isVisibleTo(this) ? m_message->text() : QString();
}

void CodeHistoryPane::updateButtons()
{
    if (!m_view)
        return;
    const std::optional<Action> selected = selectedVersion();
    m_compare->setEnabled(selected.has_value());
    // Rolling back to what is deployed would only make a copy of it.
    m_rollback->setEnabled(selected && selected->version != m_deployedVersion);
}

} // namespace funcdesk
