#include "ui/functions/ParameterEditor.h"

#include "ui/shell/ErrorLabel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>

namespace funcdesk {

namespace {

enum Column { NameColumn, ValueColumn, EnvironmentColumn, SecretColumn };

// Shows the value of a row marked secret as dots; the editor still shows the real text.
class SecretValueDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QModelIndex secret = index.siblingAtColumn(SecretColumn);
        if (secret.data(Qt::CheckStateRole).toInt() == Qt::Checked)
            option->text = QString(8, QChar(0x2022));
    }
};

QTableWidgetItem *checkItem(bool checked)
{
    auto *item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return item;
}

} // namespace

ParameterEditor::ParameterEditor(Names names, bool actionColumns, QWidget *parent) : QObject(parent)
{
    m_table = new QTableWidget(0, 4, parent);
    m_table->setObjectName(QLatin1StringView(names.table));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value (JSON or text)"), tr("Environment"), tr("Secret")});
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(ValueColumn, new SecretValueDelegate(m_table));
    m_table->setColumnHidden(EnvironmentColumn, !actionColumns);
    m_table->setColumnHidden(SecretColumn, !actionColumns);
    m_table->setMinimumHeight(120);
    // Takes the height that is left, from 120 px up: its preferred 192 px would make a scroll
    // area around it scroll at 1366×768 (QScrollArea sizes its content by preferred heights).
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    auto *add = new QPushButton(tr("&Add parameter"), parent);
    add->setObjectName(QLatin1StringView(names.add));
    auto *remove = new QPushButton(tr("&Remove parameter"), parent);
    remove->setObjectName(QLatin1StringView(names.remove));
    m_error = errorLabel(parent, names.error);
    m_buttons = new QHBoxLayout;
    m_buttons->addWidget(add);
    m_buttons->addWidget(remove);
    m_buttons->addStretch();

    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        m_table->viewport()->update(); // a secret toggle re-masks its value
        if (!m_filling)
            Q_EMIT changed();
    });
    connect(add, &QPushButton::clicked, this, [this] {
        addRow({});
        m_newRow = m_table->rowCount() - 1; // no "needs a name" before it is typed
        m_table->setCurrentCell(m_newRow, NameColumn);
        m_table->editItem(m_table->item(m_newRow, NameColumn));
        Q_EMIT changed();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
        m_newRow = -1;
        Q_EMIT changed();
    });
    // A new row is checked once the user leaves it: another row, or the focus out of the table.
    auto leftNewRow = [this] {
        m_newRow = -1;
        Q_EMIT changed();
    };
    connect(m_table, &QTableWidget::currentCellChanged, this, [this, leftNewRow](int row, int, int previous) {
        if (m_newRow >= 0 && previous == m_newRow && row != previous)
            leftNewRow();
    });
    connect(qApp, &QApplication::focusChanged, this, [this, leftNewRow](QWidget *, QWidget *now) {
        if (m_newRow >= 0 && now && now != m_table && !m_table->isAncestorOf(now))
            leftNewRow();
    });
}

QLabel *ParameterEditor::errorLabel(QWidget *parent, const char *objectName)
{
    auto *label = new ErrorLabel(parent);
    label->setObjectName(QLatin1StringView(objectName));
    label->setError(true);
    label->setWordWrap(true);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setRetainSizeWhenHidden(true);
    label->setSizePolicy(policy);
    label->hide();
    return label;
}

void ParameterEditor::setParameters(const QList<Parameter> &parameters)
{
    m_filling = true;
    m_table->setRowCount(0);
    m_newRow = -1;
    for (const Parameter &parameter : parameters)
        addRow(parameter);
    m_filling = false;
}

void ParameterEditor::addRow(const Parameter &parameter)
{
    const bool filling = m_filling;
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(parameter.key));
    m_table->setItem(row, ValueColumn, new QTableWidgetItem(parameter.valueText));
    m_table->setItem(row, EnvironmentColumn, checkItem(parameter.environment));
    m_table->setItem(row, SecretColumn, checkItem(parameter.secret));
    m_filling = filling;
}

QList<ParameterEditor::Parameter> ParameterEditor::parameters() const
{
    QList<Parameter> parameters;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto text = [this, row](int column) {
            return m_table->item(row, column) ? m_table->item(row, column)->text() : QString();
        };
        auto checked = [this, row](int column) {
            return m_table->item(row, column) && m_table->item(row, column)->checkState() == Qt::Checked;
        };
        parameters.append({text(NameColumn), text(ValueColumn), checked(EnvironmentColumn), checked(SecretColumn)});
    }
    return parameters;
}

void ParameterEditor::showCheck(const QString &message, const std::function<QString(const QList<Parameter> &)> &check)
{
    QString shown = message;
    const QList<Parameter> all = parameters();
    if (!shown.isEmpty() && m_newRow >= 0 && m_newRow < all.size()) {
        QList<Parameter> others = all;
        others.removeAt(m_newRow);
        if (check(others).isEmpty())
            shown.clear();
    }
    m_error->setText(shown);
    m_error->setVisible(!shown.isEmpty());
}

} // namespace funcdesk
