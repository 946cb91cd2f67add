#include "ui/triggers/ObjectEditor.h"

#include "ui/shell/ErrorLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>

namespace funcdesk {

ObjectEditor::ObjectEditor(QWidget *parent) : QWidget(parent)
{
    m_bucket = new QComboBox(this);
    m_bucket->setObjectName(QStringLiteral("objectBucket"));
    m_bucket->setEditable(true);
    m_prefix = new QLineEdit(this);
    m_prefix->setObjectName(QStringLiteral("objectPrefix"));
    m_prefix->setPlaceholderText(tr("e.g. uploads/ (optional)"));
    m_suffix = new QLineEdit(this);
    m_suffix->setObjectName(QStringLiteral("objectSuffix"));
    m_suffix->setPlaceholderText(tr("e.g. .csv (optional)"));
    m_put = new QCheckBox(tr("An object is stored"), this);
    m_put->setObjectName(QStringLiteral("objectOnPut"));
    m_delete = new QCheckBox(tr("An object is deleted"), this);
    m_delete->setObjectName(QStringLiteral("objectOnDelete"));
    auto *events = new QHBoxLayout;
    events->addWidget(m_put);
    events->addWidget(m_delete);
    events->addStretch();
    m_preview = new ErrorLabel(this);
    m_preview->setObjectName(QStringLiteral("objectPreview"));
    m_preview->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Bucket:"), m_bucket);
    form->addRow(tr("Key prefix:"), m_prefix);
    form->addRow(tr("Key suffix:"), m_suffix);
    form->addRow(tr("Fires when:"), events);
    form->addRow(tr("Means:"), m_preview);

    connect(m_bucket, &QComboBox::currentTextChanged, this, &ObjectEditor::refresh);
    connect(m_prefix, &QLineEdit::textChanged, this, &ObjectEditor::refresh);
    connect(m_suffix, &QLineEdit::textChanged, this, &ObjectEditor::refresh);
    connect(m_put, &QCheckBox::toggled, this, &ObjectEditor::refresh);
    connect(m_delete, &QCheckBox::toggled, this, &ObjectEditor::refresh);
    setForm(ObjectTriggerForm());
}

void ObjectEditor::setBuckets(const QStringList &buckets, const QString &note)
{
    const QString typed = m_bucket->currentText();
    const QSignalBlocker block(m_bucket);
    m_bucket->clear();
    m_bucket->addItems(buckets);
    m_bucket->setCurrentText(typed.isEmpty() && !buckets.isEmpty() ? buckets.first() : typed);
    m_bucket->lineEdit()->setPlaceholderText(note);
    refresh();
}

void ObjectEditor::setForm(const ObjectTriggerForm &form)
{
    const QSignalBlocker b1(m_bucket), b2(m_prefix), b3(m_suffix), b4(m_put), b5(m_delete);
    m_bucket->setCurrentText(form.bucket);
    m_prefix->setText(form.prefix);
    m_suffix->setText(form.suffix);
    m_put->setChecked(form.onPut);
    m_delete->setChecked(form.onDelete);
    refresh();
}

ObjectTriggerForm ObjectEditor::form() const
{
    ObjectTriggerForm form;
    form.bucket = m_bucket->currentText().trimmed();
    form.prefix = m_prefix->text();
    form.suffix = m_suffix->text();
    form.onPut = m_put->isChecked();
    form.onDelete = m_delete->isChecked();
    return form;
}

void ObjectEditor::refresh()
{
    const ObjectTriggerForm current = form();
    const QString problem = current.validate();
    m_preview->setText(problem.isEmpty() ? current.preview() : problem);
    m_preview->setError(!problem.isEmpty());
    Q_EMIT changed();
}

} // namespace funcdesk
