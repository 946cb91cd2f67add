#include "ui/sequences/SequenceEditor.h"

#include "core/Platform.h"
#include "models/sequences/ComponentCatalog.h"
#include "models/sequences/SequenceComponentModel.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace funcdesk {

namespace {

QListView *listView(const QString &objectName, QWidget *parent)
{
    auto *view = new QListView(parent);
    view->setObjectName(objectName);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setUniformItemSizes(true);
    return view;
}

} // namespace

SequenceEditor::SequenceEditor(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sequenceEditor"));
    m_catalog = new ComponentCatalog(this);
    m_filtered = new QSortFilterProxyModel(this);
    m_filtered->setSourceModel(m_catalog);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_model = new SequenceComponentModel(this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("sequenceSearch"));
    m_search->setPlaceholderText(tr("Search, or type /namespace/package/action"));
    m_search->setClearButtonEnabled(true);
    m_available = listView(QStringLiteral("sequenceAvailable"), this);
    m_available->setModel(m_filtered);
    m_available->setDragEnabled(true);
    m_available->setDragDropMode(QAbstractItemView::DragOnly);
    m_catalogNote = new QLabel(this);
    m_catalogNote->setObjectName(QStringLiteral("sequenceCatalogNote"));
    m_catalogNote->setWordWrap(true);
    m_catalogNote->setTextFormat(Qt::PlainText);
    m_catalogNote->hide();
    m_add = new QPushButton(tr("&Add \u2192"), this);
    m_add->setObjectName(QStringLiteral("sequenceAdd"));

    m_components = listView(QStringLiteral("sequenceComponents"), this);
    m_components->setModel(m_model);
    m_components->setDragDropMode(QAbstractItemView::DragDrop);
    m_components->setDefaultDropAction(Qt::MoveAction);
    m_components->setDragEnabled(true);
    m_components->setAcceptDrops(true);
    m_components->setDropIndicatorShown(true);
    m_components->setDragDropOverwriteMode(false);
    m_components->installEventFilter(this);
    m_up = new QPushButton(tr("Move &up"), this);
    m_up->setObjectName(QStringLiteral("sequenceUp"));
    m_up->setToolTip(tr("Earlier in the chain (Alt+Up)"));
    m_down = new QPushButton(tr("Move do&wn"), this);
    m_down->setObjectName(QStringLiteral("sequenceDown"));
    m_down->setToolTip(tr("Later in the chain (Alt+Down)"));
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(QStringLiteral("sequenceRemove"));
    m_remove->setToolTip(tr("Take the component out of the sequence (Delete)"));

    m_flow = new QLabel(this);
    m_flow->setObjectName(QStringLiteral("sequenceFlow"));
    m_flow->setWordWrap(true);
    m_flow->setTextFormat(Qt::PlainText);
    m_flow->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *availableLabel = new QLabel(tr("A&vailable actions:"), this);
    availableLabel->setBuddy(m_search);
    auto *componentsLabel = new QLabel(tr("&Components, in order (drag to reorder):"), this);
    componentsLabel->setBuddy(m_components);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *grid = new QGridLayout;
    grid->addWidget(availableLabel, 0, 0);
    grid->addWidget(componentsLabel, 0, 2);
    grid->addWidget(m_search, 1, 0);
    grid->addWidget(m_available, 2, 0);
    grid->addWidget(m_catalogNote, 3, 0);
    grid->addWidget(m_add, 2, 1, Qt::AlignVCenter);
    grid->addWidget(m_components, 1, 2, 2, 1);
    grid->addLayout(buttons, 3, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(2, 1);
    auto *flowLabel = new QLabel(tr("Data flow:"), this);
    QFont bold = flowLabel->font();
    bold.setBold(true);
    flowLabel->setFont(bold);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(grid, 1);
    layout->addWidget(flowLabel);
    layout->addWidget(m_flow);

    connect(m_search, &QLineEdit::textChanged, m_filtered, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_search, &QLineEdit::textChanged, this, &SequenceEditor::updateState);
    m_search->installEventFilter(this); // Enter adds, and goes no further (not to a dialog's default button)
    connect(m_available, &QListView::doubleClicked, this, &SequenceEditor::addChosen);
    connect(m_available->selectionModel(), &QItemSelectionModel::currentChanged, this, &SequenceEditor::updateState);
    connect(m_components->selectionModel(), &QItemSelectionModel::currentChanged, this, &SequenceEditor::updateState);
    connect(m_add, &QPushButton::clicked, this, &SequenceEditor::addChosen);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_remove, &QPushButton::clicked, this, &SequenceEditor::removeCurrent);
    connect(m_model, &SequenceComponentModel::componentsEdited, this, [this] {
        updateState();
        Q_EMIT componentsEdited();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &SequenceEditor::updateState);
    connect(m_catalog, &ComponentCatalog::loaded, this, [this] {
        m_model->setKinds(m_catalog->kinds());
        m_catalogNote->setText(m_catalog->problem());
        m_catalogNote->setVisible(!m_catalog->problem().isEmpty());
        updateState();
    });
    updateState();
}

void SequenceEditor::setPlatform(Platform *platform)
{
    m_model->setNamespace(platform ? platform->namespaceName() : QString());
    m_catalog->load(platform);
}

void SequenceEditor::setComponents(const QStringList &components)
{
    m_model->setComponents(components);
    m_model->setKinds(m_catalog->kinds());
}

QStringList SequenceEditor::components() const
{
    return m_model->components();
}

QString SequenceEditor::problem() const
{
    return m_model->problem();
}

QString SequenceEditor::dataFlowText() const
{
    return m_model->dataFlowText();
}

void SequenceEditor::addChosen()
{
    QModelIndex chosen = m_available->currentIndex();
    if (!chosen.isValid() && m_filtered->rowCount() > 0)
        chosen = m_filtered->index(0, 0); // nothing chosen: the search's first match
    QString path = chosen.isValid() ? chosen.data(ComponentCatalog::PathRole).toString() : QString();
    if (path.isEmpty() && m_search->text().trimmed().startsWith(QLatin1Char('/')))
        path = m_search->text().trimmed(); // not listed: the platform checks it on Create
    if (path.isEmpty() || !m_model->append(path))
        return;
    m_components->setCurrentIndex(m_model->index(m_model->rowCount() - 1));
}

void SequenceEditor::moveCurrent(int delta)
{
    const int row = m_components->currentIndex().row();
    if (row < 0 || !m_model->moveComponent(row, row + delta))
        return;
    m_components->setCurrentIndex(m_model->index(row + delta));
}

void SequenceEditor::removeCurrent()
{
    const int row = m_components->currentIndex().row();
    if (row < 0 || !m_model->removeComponent(row))
        return;
    if (m_model->rowCount() > 0)
        m_components->setCurrentIndex(m_model->index(qMin(row, m_model->rowCount() - 1)));
}

bool SequenceEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addChosen();
            return true;
        }
    }
    if (watched == m_components && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::AltModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveCurrent(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
        if (key->modifiers() == Qt::NoModifier && key->key() == Qt::Key_Delete) {
            removeCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SequenceEditor::updateState()
{
    const int row = m_components->currentIndex().row();
    const bool typed = m_search->text().trimmed().startsWith(QLatin1Char('/'));
    const bool full = m_model->rowCount() >= SequenceComponentModel::kMaxComponents;
    m_add->setEnabled(!full && (m_available->currentIndex().isValid() || m_filtered->rowCount() > 0 || typed));
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < m_model->rowCount() - 1);
    m_remove->setEnabled(row >= 0);
    const QString problem = m_model->problem();
    m_flow->setText(problem.isEmpty() ? m_model->dataFlowText() : tr("%1 — %2").arg(m_model->dataFlowText(), problem));
}

} // namespace funcdesk
