#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace funcdesk {

// Asks for a new function's name and runtime (the platform's kinds); the name is checked as it
// is typed with the platform's naming rule.
class NewFunctionDialog : public QDialog
{
    Q_OBJECT

public:
    NewFunctionDialog(const QStringList &kinds, const QStringList &takenNames, QWidget *parent = nullptr);

    QString name() const;
    QString kind() const;

private:
    void revalidate();

    QStringList m_taken;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

}  // namespace funcdesk
