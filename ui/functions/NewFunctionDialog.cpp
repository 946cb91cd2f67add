#include "ui/functions/NewFunctionDialog.h"

#include "core/EntityName.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace funcdesk {

NewFunctionDialog::NewFunctionDialog(const QStringList &kinds, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent), m_taken(takenNames)
{
    setWindowTitle(tr("New function"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("newFunctionName"));
    m_name->setPlaceholderText(tr("e.g. resize-image"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("newFunctionKind"));
    // Canonical kinds first; "family:default" aliases are for scripts.
    for (const QString &kind : kinds) {
        if (!kind.endsWith(QLatin1StringView(":default")))
            m_kind->addItem(kind);
    }
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("newFunctionError"));
    m_error->setWordWrap(true);
    auto *note = new QLabel(tr("The function starts from a small example for its runtime."), this);
    note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Runtime:"), m_kind);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(note);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &NewFunctionDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_busy && m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            Q_EMIT createRequested(name(), kind());
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    revalidate();
}

QString NewFunctionDialog::name() const
{
    return m_name->text().trimmed();
}

QString NewFunctionDialog::kind() const
{
    return m_kind->currentText();
}

void NewFunctionDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_name->setEnabled(!busy);
    m_kind->setEnabled(!busy);
    if (busy) {
        m_error->setText(tr("Creating %1…").arg(name()));
        m_error->show();
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    } else {
        revalidate();
        m_name->setFocus();
    }
}

void NewFunctionDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void NewFunctionDialog::revalidate()
{
    QString problem;
    if (name().isEmpty())
        problem = QString(); // nothing typed yet: no complaint, just no OK
    else if (auto error = checkEntityName(name()))
        problem = tr("Not a valid name: letters, digits, _ @ . & - and spaces inside; at most 256 characters.");
    else if (m_taken.contains(name()))
        problem = tr("A function with this name exists.");
    else if (m_kind->count() == 0)
        problem = tr("The platform offers no runtime.");
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!name().isEmpty() && problem.isEmpty());
}

} // namespace funcdesk
