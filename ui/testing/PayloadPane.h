#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QListView;
class QPlainTextEdit;
class QTimer;
class QToolButton;

namespace funcdesk {

class PayloadListModel;

// Saved payloads (add, rename, delete, import, export) beside a JSON editor that validates as
// the user types. Edits to a saved payload are written back after a short pause and whenever
// the selection moves, so nothing typed is lost; with nothing selected the editor is a scratch
// pad that "Add" saves.
class PayloadPane : public QWidget
{
    Q_OBJECT

public:
    // Returns the chosen path, or empty when the user cancelled. `forExport` picks a save dialog.
    using FileChooser = std::function<QString(bool forExport)>;

    explicit PayloadPane(PayloadListModel *model, QWidget *parent = nullptr);

    QString text() const;
    bool isValid() const { return m_valid; }
    // After the model was loaded for another function: select its first payload (or scratch).
    void reloaded();
    // Writes a pending edit to the selected payload now (before a run, on a context switch).
    void flush();
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }
    // Shows a message in the pane's status line (errors from the store, import results).
    void showMessage(const QString &message);

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    void buildActions();
    void selectRow(int row);
    void onSelectionChanged();
    void onTextEdited();
    void addPayload();
    void renamePayload();
    void deletePayload();
    void undoDelete();
    void importPayloads();
    void exportPayloads();
    void validate();
    void updateButtons();
    int selectedRow() const;
    QString defaultChooser(bool forExport);

    PayloadListModel *m_model;
    QListView *m_list = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_validation = nullptr;
    QLabel *m_message = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_rename = nullptr;
    QToolButton *m_delete = nullptr;
    QToolButton *m_undo = nullptr;
    QToolButton *m_import = nullptr;
    QToolButton *m_export = nullptr;
    QTimer *m_saveTimer = nullptr;
    FileChooser m_chooser;
    static constexpr int kScratch = -1; // the editor shows the scratch pad
    static constexpr int kGone = -2;    // the editor shows nothing worth keeping (a row just removed)
    int m_editingRow = kGone;           // else the row of the saved payload the editor shows
    bool m_loading = false;
    bool m_valid = true;
    QString m_scratch = QStringLiteral("{}");
    std::optional<std::pair<QString, QString>> m_deleted; // name and text, for undo
};

} // namespace funcdesk
