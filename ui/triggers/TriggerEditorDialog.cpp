#include "ui/triggers/TriggerEditorDialog.h"

#include "ui/shell/ErrorLabel.h"
#include "ui/triggers/ObjectEditor.h"
#include "ui/triggers/RouteEditor.h"
#include "ui/triggers/TimerEditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace funcdesk {

namespace {
// The kinds in the order of the chooser and the pages.
constexpr TriggerKind kKinds[] = {TriggerKind::Timer, TriggerKind::Object, TriggerKind::Route, TriggerKind::Manual};
} // namespace

TriggerEditorDialog::TriggerEditorDialog(const QStringList &functions, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("triggerEditor"));
    setWindowTitle(tr("New trigger"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("triggerName"));
    m_name->setPlaceholderText(tr("e.g. every-10-seconds"));
    // OpenWhisk's entity names: word characters first, then also @ . & - and spaces.
    m_name->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[\\w][\\w@ .&-]{0,255}")), m_name));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("triggerKind"));
    for (TriggerKind kind : kKinds)
        m_kind->addItem(triggerKindLabel(kind), static_cast<int>(kind));
    m_function = new QComboBox(this);
    m_function->setObjectName(QStringLiteral("triggerFunction"));
    m_function->addItem(tr("(none: fire only)"), QString());
    for (const QString &function : functions)
        m_function->addItem(function, function);

    m_pages = new QStackedWidget(this);
    m_timer = new TimerEditor(m_pages);
    m_object = new ObjectEditor(m_pages);
    m_route = new RouteEditor(m_pages);
    auto *manual = new QLabel(tr("A manual trigger fires only when you fire it (Fire now) or a program posts "
                                 "to it through the REST API."),
                              m_pages);
    manual->setWordWrap(true);
    manual->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_pages->addWidget(m_timer);
    m_pages->addWidget(m_object);
    m_pages->addWidget(m_route);
    m_pages->addWidget(manual);

    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("triggerEditorError"));
    m_error->setWordWrap(true);
    m_error->setError(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("triggerSave"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Runs function:"), m_function);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        revalidate();
    });
    connect(m_name, &QLineEdit::textChanged, this, &TriggerEditorDialog::revalidate);
    connect(m_function, &QComboBox::currentIndexChanged, this, &TriggerEditorDialog::revalidate);
    connect(m_timer, &TimerEditor::changed, this, &TriggerEditorDialog::revalidate);
    connect(m_object, &ObjectEditor::changed, this, &TriggerEditorDialog::revalidate);
    connect(m_route, &RouteEditor::changed, this, &TriggerEditorDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty() && !m_busy)
            Q_EMIT saveRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, 620);
    revalidate();
}

void TriggerEditorDialog::setEditing(const QString &name, TriggerKind kind, const QString &function)
{
    m_editing = true;
    setWindowTitle(tr("Edit trigger %1").arg(name));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
    m_name->setText(name);
    m_name->setReadOnly(true);
    for (int i = 0; i < m_kind->count(); ++i) {
        if (m_kind->itemData(i).toInt() == static_cast<int>(kind))
            m_kind->setCurrentIndex(i);
    }
    m_kind->setEnabled(false);
    const int at = m_function->findData(function);
    if (at >= 0)
        m_function->setCurrentIndex(at);
    // The rules are the wiring's business once the trigger exists; a route's function is its target.
    m_function->setEnabled(kind == TriggerKind::Route);
    revalidate();
}

QString TriggerEditorDialog::name() const
{
    return m_name->text().trimmed();
}

TriggerKind TriggerEditorDialog::kind() const
{
    return static_cast<TriggerKind>(m_kind->currentData().toInt());
}

QString TriggerEditorDialog::function() const
{
    return m_function->currentData().toString();
}

QString TriggerEditorDialog::problem() const
{
    switch (kind()) {
    case TriggerKind::Timer:
        if (name().isEmpty())
            return tr("A trigger name is required.");
        return m_timer->problem();
    case TriggerKind::Object:
        if (name().isEmpty())
            return tr("A trigger name is required.");
        return m_object->problem();
    case TriggerKind::Route:
        return m_route->problem(function());
    case TriggerKind::Manual:
        return name().isEmpty() ? tr("A trigger name is required.") : QString();
    }
    return {};
}

void TriggerEditorDialog::revalidate()
{
    // A route is named by its method and path; the name field has nothing to say there.
    m_name->setEnabled(kind() != TriggerKind::Route);
    const QString text = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty() && !m_busy);
    if (!m_busy)
        m_error->setText(QString());
}

void TriggerEditorDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_pages->setEnabled(!busy);
    if (busy)
        m_error->setText(tr("Asking the platform…"));
    revalidate();
}

void TriggerEditorDialog::showError(const QString &message)
{
    setBusy(false);
    m_error->setText(message);
}

} // namespace funcdesk
