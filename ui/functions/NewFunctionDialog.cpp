#include "ui/functions/NewFunctionDialog.h"

#include "core/EntityName.h"
#include "models/templates/FunctionTemplates.h"
#include "ui/sequences/SequenceEditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace funcdesk {

NewFunctionDialog::NewFunctionDialog(const QStringList &kinds, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent), m_taken(takenNames)
{
    setWindowTitle(tr("New function"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("newFunctionName"));
    m_name->setPlaceholderText(tr("e.g. resize-image"));
    // Room for a name of some length, and for the messages to wrap in two lines, not five.
    m_name->setMinimumWidth(fontMetrics().averageCharWidth() * 36);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("newFunctionKind"));
    // Canonical kinds first; "family:default" aliases are for scripts.
    for (const QString &kind : kinds) {
        if (!kind.endsWith(QLatin1StringView(":default")))
            m_kind->addItem(kind);
    }
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("newFunctionError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    // Its place is kept while hidden (showMessage makes it as tall as its message), so a message
    // coming or going neither moves the fields nor squeezes them: the dialog grows instead.
    QSizePolicy errorPolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    errorPolicy.setRetainSizeWhenHidden(true);
    m_error->setSizePolicy(errorPolicy);
    m_note = new QLabel(tr("The function starts from a small example for its runtime."), this);
    m_note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Runtime:"), m_kind);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("newFunctionButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_note);
    layout->addWidget(m_buttons);
    // Never smaller than what the fields and the longest message need.
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    connect(m_name, &QLineEdit::textChanged, this, &NewFunctionDialog::revalidate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &NewFunctionDialog::kindChosen);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_busy && m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            Q_EMIT createRequested(name(), kind());
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    revalidate();
}

void NewFunctionDialog::askForCopy(const QString &original, const QString &suggested)
{
    setWindowTitle(tr("Duplicate function")); // the name goes in the note: a title is cut short
    m_name->setText(suggested);
    m_name->selectAll();
    m_copy = true;
    m_kind->setEnabled(false);
    m_note->setText(tr("The copy gets the code, configuration and parameters of %1.").arg(original));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Duplicate"));
}

QString NewFunctionDialog::name() const
{
    return m_name->text().trimmed();
}

QString NewFunctionDialog::kind() const
{
    const QString special = m_kind->currentData().toString(); // "sequence"
    return special.isEmpty() ? m_kind->currentText() : special;
}

void NewFunctionDialog::offerSequence(Platform *platform)
{
    if (m_sequence)
        return;
    m_kind->addItem(tr("Sequence"), QStringLiteral("sequence"));
    m_kind->setItemData(m_kind->count() - 1,
                        tr("Runs existing actions in order, each one's result the next one's input"), Qt::ToolTipRole);
    m_sequence = new SequenceEditor(this);
    m_sequence->setPlatform(platform);
    m_sequence->hide();
    // Under the fields, above the messages.
    static_cast<QVBoxLayout *>(layout())->insertWidget(1, m_sequence, 1);
    connect(m_sequence, &SequenceEditor::componentsEdited, this, &NewFunctionDialog::revalidate);
    kindChosen();
}

Exec NewFunctionDialog::execFor(const QString &kind) const
{
    if (kind == QLatin1StringView("sequence") && m_sequence) {
        Exec exec;
        exec.kind = kind;
        exec.components = m_sequence->components();
        return exec;
    }
    return Exec::withCode(kind, FunctionTemplates::codeFor(kind));
}

void NewFunctionDialog::kindChosen()
{
    if (!m_sequence)
        return;
    const bool sequence = kind() == QLatin1StringView("sequence");
    if (sequence == m_sequence->isVisible())
        return revalidate();
    m_sequence->setVisible(sequence);
    m_note->setText(sequence ? tr("A sequence runs its components in order: the input goes to the first, each "
                                  "result to the next, and the last result is the sequence's.")
                             : tr("The function starts from a small example for its runtime."));
    if (sequence) {
        // Room for the two lists and the data flow, on the screen: centred on the window it came from.
        const QRect screen = this->screen()->availableGeometry();
        const QSize wanted(qMin(screen.width() - 32, qMax(width(), fontMetrics().averageCharWidth() * 110)),
                           qMin(screen.height() - 64, qMax(height(), fontMetrics().height() * 30)));
        resize(wanted);
        const QPoint centre = parentWidget() ? parentWidget()->window()->geometry().center() : screen.center();
        QRect placed(QPoint(), wanted);
        placed.moveCenter(centre);
        placed.moveLeft(qBound(screen.left(), placed.left(), screen.right() - wanted.width()));
        placed.moveTop(qBound(screen.top() + 32, placed.top(), screen.bottom() - wanted.height()));
        move(placed.topLeft());
    } else {
        layout()->activate();
        resize(width(), minimumSizeHint().height());
    }
    revalidate();
}

void NewFunctionDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_name->setEnabled(!busy);
    m_kind->setEnabled(!busy && !m_copy);
    if (m_sequence)
        m_sequence->setEnabled(!busy);
    if (busy) {
        showMessage(tr("Creating %1…").arg(name()));
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    } else {
        revalidate();
        m_name->setFocus();
    }
}

void NewFunctionDialog::showError(const QString &message)
{
    showMessage(message);
}

void NewFunctionDialog::showMessage(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    // The whole message at the label's width, its last row (an underscore's) included: a wrapped
    // label's minimum is one short line, and the layout squeezed the fields and cut the message.
    const int width = m_error->width() > 0 ? m_error->width() : m_error->sizeHint().width();
    m_error->setMinimumHeight(message.isEmpty() ? 0 : m_error->heightForWidth(width));
    // A window does not grow by itself for wrapped text (its minimum counts one line a label).
    layout()->activate();
    const int needed = hasHeightForWidth() ? heightForWidth(this->width()) : sizeHint().height();
    if (needed > height())
        resize(this->width(), needed);
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
    showMessage(problem);
    // A sequence without components is not an error yet, just not ready (its editor says so).
    const bool ready = !m_sequence || !m_sequence->isVisible() || m_sequence->problem().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!name().isEmpty() && problem.isEmpty() && ready);
}

} // namespace funcdesk
