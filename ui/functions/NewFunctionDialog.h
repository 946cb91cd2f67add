#pragma once

#include "core/Exec.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace funcdesk {

class Platform;
class SequenceEditor;

// Asks for a new function's name and runtime (the platform's kinds), or for a sequence's
// components (offerSequence); the name is checked as it
// is typed with the platform's naming rule. "Create" asks for the function with createRequested();
// the dialog stays open, with what was typed, until the caller accept()s it or shows an error.
class NewFunctionDialog : public QDialog
{
    Q_OBJECT

public:
    NewFunctionDialog(const QStringList &kinds, const QStringList &takenNames, QWidget *parent = nullptr);

    QString name() const;
    QString kind() const;
    // Offers "Sequence" after the runtimes: chosen, the dialog shows a component editor over
    // `platform`'s actions (SequenceEditor) and kind() is "sequence".
    void offerSequence(Platform *platform);
    // What the new function runs: the runtime's template code, or the sequence's components.
    Exec execFor(const QString &kind) const;
    // Duplicate: asks for the name of a copy of `original`, with `suggested` filled in and
    // selected; the runtime is the original's (the only kind given) and cannot change.
    void askForCopy(const QString &original, const QString &suggested);
    // While the platform is asked: the fields and Create are disabled, with a note.
    void setBusy(bool busy);
    // The platform refused: the message shows in the dialog, the fields keep what was typed.
    void showError(const QString &message);

Q_SIGNALS:
    void createRequested(const QString &name, const QString &kind);

private:
    void revalidate();
    void kindChosen();
    void showMessage(const QString &message);

    QStringList m_taken;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLabel *m_error;
    QLabel *m_note;
    SequenceEditor *m_sequence = nullptr;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
    bool m_copy = false; // askForCopy: the runtime is the original's
};

} // namespace funcdesk
