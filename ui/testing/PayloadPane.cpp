#include "ui/testing/PayloadPane.h"

#include "models/testing/PayloadListModel.h"
#include "models/testing/PayloadValidator.h"
#include "ui/testing/CompareColors.h"

#include <QAction>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace funcdesk {

namespace {
constexpr int kSaveDelayMs = 600;

QToolButton *toolButton(const QString &text, const QString &toolTip, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setObjectName(objectName);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}
} // namespace

PayloadPane::PayloadPane(PayloadListModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    m_chooser = [this](bool forExport) { return defaultChooser(forExport); };

    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *listTitle = new QLabel(tr("Saved payloads"), listSide);
    listLayout->addWidget(listTitle);
    m_list = new QListView(listSide);
    m_list->setObjectName(QStringLiteral("payloadList"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_list->setUniformItemSizes(true);
    listTitle->setBuddy(m_list);
    listLayout->addWidget(m_list, 1);

    auto *listButtons = new QHBoxLayout;
    listButtons->setSpacing(2);
    m_add = toolButton(tr("Add"), tr("Save the editor's text as a new payload (Ctrl+N)"),
                       QStringLiteral("addPayloadButton"), listSide);
    m_rename = toolButton(tr("Rename"), tr("Rename the selected payload (F2)"), QStringLiteral("renamePayloadButton"),
                          listSide);
    m_delete = toolButton(tr("Delete"), tr("Delete the selected payload (Delete); it can be undone"),
                          QStringLiteral("deletePayloadButton"), listSide);
    m_import = toolButton(tr("Import…"), tr("Add payloads from a JSON file"), QStringLiteral("importPayloadsButton"),
                          listSide);
    m_export = toolButton(tr("Export…"), tr("Write these payloads to a JSON file"),
                          QStringLiteral("exportPayloadsButton"), listSide);
    for (QToolButton *button : {m_add, m_rename, m_delete, m_import, m_export})
        listButtons->addWidget(button);
    listButtons->addStretch(1);
    listLayout->addLayout(listButtons);

    auto *editorSide = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorSide);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    auto *editorTitle = new QLabel(tr("Payload (JSON object)"), editorSide);
    editorLayout->addWidget(editorTitle);
    m_editor = new QPlainTextEdit(editorSide);
    m_editor->setObjectName(QStringLiteral("payloadEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setTabChangesFocus(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setPlaceholderText(tr("{\"name\": \"World\"}"));
    editorTitle->setBuddy(m_editor);
    editorLayout->addWidget(m_editor, 1);
    m_validation = new QLabel(editorSide);
    m_validation->setObjectName(QStringLiteral("payloadValidation"));
    m_validation->setTextFormat(Qt::PlainText);
    m_validation->setWordWrap(true);
    editorLayout->addWidget(m_validation);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("payloadSplitter"));
    splitter->addWidget(listSide);
    splitter->addWidget(editorSide);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    auto *messageRow = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("payloadMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_undo = toolButton(tr("Undo"), tr("Restore the payload just deleted"), QStringLiteral("undoDeleteButton"), this);
    m_undo->hide();
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_undo);
    layout->addLayout(messageRow);

    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kSaveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, &PayloadPane::flush);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &PayloadPane::onTextEdited);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &PayloadPane::onSelectionChanged);
    connect(m_model, &PayloadListModel::saveFailed, this, &PayloadPane::showMessage);
    connect(m_model, &PayloadListModel::renameRefused, this, &PayloadPane::showMessage);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PayloadPane::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &PayloadPane::updateButtons);
    connect(m_add, &QToolButton::clicked, this, &PayloadPane::addPayload);
    connect(m_rename, &QToolButton::clicked, this, &PayloadPane::renamePayload);
    connect(m_delete, &QToolButton::clicked, this, &PayloadPane::deletePayload);
    connect(m_undo, &QToolButton::clicked, this, &PayloadPane::undoDelete);
    connect(m_import, &QToolButton::clicked, this, &PayloadPane::importPayloads);
    connect(m_export, &QToolButton::clicked, this, &PayloadPane::exportPayloads);
    buildActions();
    reloaded();
}

void PayloadPane::buildActions()
{
    auto shortcut = [this](const QKeySequence &keys, QWidget *scope, void (PayloadPane::*slot)()) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        scope->addAction(action);
        connect(action, &QAction::triggered, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_N), this, &PayloadPane::addPayload);
    shortcut(QKeySequence(Qt::Key_Delete), m_list, &PayloadPane::deletePayload);
}

QString PayloadPane::text() const
{
    return m_editor->toPlainText();
}

int PayloadPane::selectedRow() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() && m_list->selectionModel()->isSelected(current) ? current.row() : -1;
}

void PayloadPane::reloaded()
{
    m_saveTimer->stop();
    if (m_editingRow == kScratch)
        m_scratch = m_editor->toPlainText(); // the scratch pad keeps what was typed into it
    m_editingRow = kGone;
    m_deleted.reset();
    m_undo->hide();
    m_message->clear();
    selectRow(m_model->rowCount() > 0 ? 0 : -1);
    if (m_model->rowCount() == 0) {
        m_loading = true;
        m_editor->setPlainText(m_scratch);
        m_loading = false;
        validate();
    }
    updateButtons();
}

void PayloadPane::selectRow(int row)
{
    if (row < 0) {
        m_list->selectionModel()->clearCurrentIndex();
        m_list->selectionModel()->clearSelection();
        onSelectionChanged();
        return;
    }
    m_list->setCurrentIndex(m_model->index(row));
}

void PayloadPane::onSelectionChanged()
{
    flush(); // the previous payload keeps what was typed into it
    const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    if (m_editingRow == kScratch)
        m_scratch = m_editor->toPlainText();
    m_editingRow = row;
    m_loading = true;
    m_editor->setPlainText(row >= 0 ? m_model->payload(row).text : m_scratch);
    m_loading = false;
    validate();
    updateButtons();
}

void PayloadPane::onTextEdited()
{
    if (m_loading)
        return;
    validate();
    if (m_editingRow >= 0)
        m_saveTimer->start();
}

void PayloadPane::flush()
{
    m_saveTimer->stop();
    if (m_editingRow >= 0 && m_editingRow < m_model->rowCount())
        m_model->updateText(m_editingRow, m_editor->toPlainText());
}

void PayloadPane::validate()
{
    const PayloadCheck check = PayloadValidator::check(m_editor->toPlainText());
    m_validation->setText(check.ok ? tr("\u2714 Valid JSON object") : QStringLiteral("\u26A0 ") + check.message);
    QList<QTextEdit::ExtraSelection> marks;
    if (!check.ok && check.line > 0) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(check.line - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(block);
            const int column = std::min(check.column - 1, std::max(0, block.length() - 1));
            mark.cursor.setPosition(block.position() + column);
            mark.cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor);
            if (!mark.cursor.hasSelection()) // at the end of the text: mark the character before
                mark.cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, 2);
            mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            mark.format.setUnderlineColor(CompareColors::errorUnderline(m_editor->palette()));
            marks.append(mark);
        }
    }
    m_editor->setExtraSelections(marks);
    if (check.ok != m_valid) {
        m_valid = check.ok;
        Q_EMIT validityChanged(m_valid);
    }
}

void PayloadPane::updateButtons()
{
    const bool enabled = m_model->hasFunction();
    const bool selected = selectedRow() >= 0 || m_editingRow >= 0;
    m_add->setEnabled(enabled);
    m_import->setEnabled(enabled);
    m_rename->setEnabled(enabled && selected);
    m_delete->setEnabled(enabled && selected);
    m_export->setEnabled(enabled && m_model->rowCount() > 0);
}

void PayloadPane::addPayload()
{
    if (!m_model->hasFunction())
        return;
    flush();
    const QString text = m_editor->toPlainText();
    const int row = m_model->add(QString(), text);
    if (m_editingRow == kScratch)
        m_editingRow = kGone; // the scratch text now lives in the new payload
    m_scratch = QStringLiteral("{}");
    selectRow(row);
    m_list->setFocus();
    m_list->edit(m_model->index(row)); // name it right away; Escape keeps the suggested name
}

void PayloadPane::renamePayload()
{
    if (m_editingRow < 0)
        return;
    m_list->setFocus();
    m_list->edit(m_model->index(m_editingRow));
}

void PayloadPane::deletePayload()
{
    const int row = m_editingRow;
    if (row < 0)
        return;
    m_saveTimer->stop();
    const QString name = m_model->payload(row).name;
    m_deleted = std::make_pair(name, m_editor->toPlainText());
    m_editingRow = kGone; // the row goes away: write the editor into neither a neighbour nor the scratch pad
    m_model->remove(row);
    selectRow(std::min(row, m_model->rowCount() - 1));
    showMessage(tr("Deleted \u201c%1\u201d.").arg(name));
    m_undo->show();
}

void PayloadPane::undoDelete()
{
    if (!m_deleted)
        return;
    flush();
    const int row = m_model->add(m_deleted->first, m_deleted->second);
    m_deleted.reset();
    m_undo->hide();
    m_message->clear();
    selectRow(row);
}

void PayloadPane::importPayloads()
{
    const QString path = m_chooser(false);
    if (path.isEmpty())
        return;
    flush();
    const Result<int> imported = m_model->importFrom(path);
    if (!imported) {
        showMessage(imported.error().message);
        return;
    }
    showMessage(tr("Imported %n payload(s).", nullptr, imported.value()));
    if (imported.value() > 0)
        selectRow(m_model->rowCount() - imported.value());
}

void PayloadPane::exportPayloads()
{
    const QString path = m_chooser(true);
    if (path.isEmpty())
        return;
    flush();
    const Result<Done> written = m_model->exportTo(path);
    showMessage(written ? tr("Exported %n payload(s) to %1.", nullptr, m_model->rowCount()).arg(path)
                        : written.error().message);
}

void PayloadPane::showMessage(const QString &message)
{
    m_undo->hide();
    m_message->setText(message);
}

QString PayloadPane::defaultChooser(bool forExport)
{
    const QString filter = tr("JSON files (*.json);;All files (*)");
    return forExport ? QFileDialog::getSaveFileName(this, tr("Export payloads"), QString(), filter)
                     : QFileDialog::getOpenFileName(this, tr("Import payloads"), QString(), filter);
}

} // namespace funcdesk
