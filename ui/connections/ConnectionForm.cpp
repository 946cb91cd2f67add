#include "ui/connections/ConnectionForm.h"
#include "core/FutureCallback.h"

#include "models/connections/ConnectionManager.h"
#include "models/connections/ConnectionProfileCheck.h"
#include "models/connections/ConnectionStore.h"
#include "ui/connections/CertificateTrustFields.h"
#include "ui/connections/InlineMessage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace funcdesk {

namespace {

// A field with its message underneath, as one cell of the form.
QWidget *withMessage(QWidget *field, QWidget *message, QWidget *extra = nullptr)
{
    auto *cell = new QWidget(field->parentWidget());
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    if (extra)
        layout->addWidget(extra);
    layout->addWidget(message);
    return cell;
}

QLineEdit *lineEdit(const char *objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1StringView(objectName));
    edit->setClearButtonEnabled(true);
    return edit;
}

InlineMessage *message(const char *objectName, QWidget *parent)
{
    auto *label = new InlineMessage(parent);
    label->setObjectName(QLatin1StringView(objectName));
    return label;
}

} // namespace

ConnectionForm::ConnectionForm(ConnectionStore *store, ConnectionManager *manager, QWidget *parent)
    : QWidget(parent), m_store(store), m_manager(manager)
{
    build();
    connect(m_store, &ConnectionStore::keychainAvailabilityChanged, this, &ConnectionForm::refreshKeychainNote);
    editNew();
}

void ConnectionForm::build()
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("formHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_localNote = message("localNote", this);

    m_name = lineEdit("nameEdit", this);
    m_nameError = message("nameError", this);
    m_apiHost = lineEdit("apiHostEdit", this);
    m_apiHost->setPlaceholderText(tr("https://openwhisk.example.com or 127.0.0.1:3233"));
    m_apiHostError = message("apiHostError", this);
    m_namespace = lineEdit("namespaceEdit", this);
    m_namespace->setPlaceholderText(tr("_ (the key's own namespace)"));
    m_namespaceError = message("namespaceError", this);

    m_key = lineEdit("keyEdit", this);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("uuid:key"));
    m_key->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    m_keepKey = new QCheckBox(tr("&Keep the current key"), this);
    m_keepKey->setObjectName(QStringLiteral("keepKeyCheck"));
    m_keychainNote = message("keychainNote", this);

    m_trust = new CertificateTrustFields(this);
    m_ignoreCertificates = new QCheckBox(tr("&Ignore certificate errors"), this);
    m_ignoreCertificates->setObjectName(QStringLiteral("ignoreCertificatesCheck"));
    m_certificateWarning = message("certificateWarning", this);

    m_test = new QPushButton(tr("&Test Connection"), this);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setToolTip(tr("Ask the server whether it answers and accepts the key; nothing is saved"));
    m_testAnswer = message("testAnswer", this);
    m_saveError = message("saveError", this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("&Name:"), withMessage(m_name, m_nameError));
    form->addRow(tr("API &host:"), withMessage(m_apiHost, m_apiHostError));
    form->addRow(tr("Names&pace:"), withMessage(m_namespace, m_namespaceError));
    m_keyLabel = new QLabel(tr("Auth &key:"), this);
    m_keyLabel->setBuddy(m_key);
    form->addRow(m_keyLabel, withMessage(m_key, m_keychainNote, m_keepKey));
    m_trust->addRows(form);
    form->addRow(QString(), withMessage(m_ignoreCertificates, m_certificateWarning));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_localNote);
    layout->addLayout(form);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    layout->addLayout(testRow);
    layout->addWidget(m_testAnswer);
    layout->addWidget(m_saveError);
    layout->addStretch(1);

    for (QLineEdit *edit : {m_name, m_apiHost, m_namespace, m_key})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionForm::onEdited);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(m_apiHost, &QLineEdit::textEdited, this, [this] { m_hostTouched = true; });
    connect(m_keepKey, &QCheckBox::toggled, this, [this] {
        updateKeyField();
        onEdited();
    });
    connect(m_ignoreCertificates, &QCheckBox::toggled, this, &ConnectionForm::onEdited);
    connect(m_trust, &CertificateTrustFields::edited, this, &ConnectionForm::onEdited);
    connect(m_test, &QPushButton::clicked, this, &ConnectionForm::testConnection);
}

void ConnectionForm::editProfile(const ConnectionProfile &profile)
{
    m_original = profile;
    m_isNew = false;
    const bool editable = profile.isEditable();
    m_heading->setText(editable ? tr("Edit connection") : tr("Built-in connection"));
    if (editable)
        m_localNote->clear();
    else
        m_localNote->showMessage(InlineMessage::Kind::Information,
                                 tr("The Local connection is the platform built into Funcdesk, on this computer. "
                                    "It cannot be edited or removed."));
    // Set the fields before the touched flags: loading a profile is not the user's edit.
    const QSignalBlocker blockKeep(m_keepKey);
    m_name->setText(profile.name);
    m_apiHost->setText(profile.isLocal() ? tr("(built in)") : profile.apiHost);
    m_namespace->setText(profile.namespaceName);
    m_key->clear();
    m_keepKey->setChecked(true);
    m_keepKey->setVisible(editable);
    m_ignoreCertificates->setChecked(profile.ignoreCertificateErrors);
    m_trust->setValues(profile.caCertificateFile, profile.pinnedCertificateSha256, editable);
    for (QLineEdit *edit : {m_name, m_apiHost, m_namespace}) {
        edit->setReadOnly(!editable);
        edit->setClearButtonEnabled(editable); // nothing to clear in a field that cannot change
    }
    for (QWidget *widget : {static_cast<QWidget *>(m_keyLabel), static_cast<QWidget *>(m_key),
                            static_cast<QWidget *>(m_ignoreCertificates)})
        widget->setVisible(editable);
    m_nameTouched = m_hostTouched = true;
    m_testAnswer->clear();
    m_saveError->clear();
    updateKeyField();
    refreshKeychainNote();
    onEdited();
}

void ConnectionForm::editNew()
{
    editProfile(ConnectionProfile::newRemote());
    m_isNew = true;
    m_heading->setText(tr("New connection"));
    m_keepKey->setVisible(false);
    m_keepKey->setChecked(false);
    m_nameTouched = m_hostTouched = false;
    onEdited();
}

ConnectionProfile ConnectionForm::profile() const
{
    if (!m_original.isEditable())
        return m_original;
    ConnectionProfile typed = m_original;
    typed.name = m_name->text().trimmed();
    typed.apiHost = m_apiHost->text().trimmed();
    typed.namespaceName = m_namespace->text().trimmed();
    typed.ignoreCertificateErrors = m_ignoreCertificates->isChecked();
    typed.caCertificateFile = m_trust->caCertificateFile();
    typed.pinnedCertificateSha256 = m_trust->pinnedSha256();
    return typed;
}

std::optional<QString> ConnectionForm::key() const
{
    if (!m_isNew && m_keepKey->isChecked())
        return std::nullopt;
    return m_key->text().trimmed();
}

bool ConnectionForm::isDirty() const
{
    if (!m_original.isEditable())
        return false;
    const ConnectionProfile typed = profile();
    if (m_isNew)
        return !typed.name.isEmpty() || !typed.apiHost.isEmpty() || !m_key->text().isEmpty() ||
               typed.namespaceName != m_original.namespaceName || typed.ignoreCertificateErrors ||
               !typed.caCertificateFile.isEmpty() || !typed.pinnedCertificateSha256.isEmpty();
    return typed != m_original || key().has_value();
}

bool ConnectionForm::isValid() const
{
    return !m_original.isEditable() || ConnectionProfileCheck::check(profile(), m_store->profiles()).ok();
}

void ConnectionForm::showSaveError(const QString &text)
{
    m_saveError->showMessage(InlineMessage::Kind::Error, text);
}

void ConnectionForm::refreshKeychainNote()
{
    const QString explanation = m_store->keychainExplanation();
    if (explanation.isEmpty() || !m_original.isEditable())
        m_keychainNote->clear();
    else
        m_keychainNote->showMessage(InlineMessage::Kind::Warning, explanation);
}

void ConnectionForm::onEdited()
{
    // Whatever the last test said is about other values now.
    ++m_testSerial;
    m_test->setEnabled(true);
    m_testAnswer->clear();
    m_saveError->clear();
    if (m_ignoreCertificates->isChecked() && m_original.isEditable())
        m_certificateWarning->showMessage(
            InlineMessage::Kind::Warning,
            tr("Certificate errors are ignored: anyone between you and the server can read your key and change "
               "what the server says. Use this only for a test server you trust."));
    else
        m_certificateWarning->clear();
    validate();
    Q_EMIT edited();
}

void ConnectionForm::validate()
{
    if (!m_original.isEditable()) {
        for (InlineMessage *label : {m_nameError, m_apiHostError, m_namespaceError})
            label->clear();
        m_trust->showProblem(QString());
        return;
    }
    const auto problems = ConnectionProfileCheck::check(profile(), m_store->profiles());
    // A new form starts empty: say "enter a name" only once the user has been there.
    m_nameError->showMessage(InlineMessage::Kind::Error, m_nameTouched ? problems.name : QString());
    m_apiHostError->showMessage(InlineMessage::Kind::Error, m_hostTouched ? problems.apiHost : QString());
    m_namespaceError->showMessage(InlineMessage::Kind::Error, problems.namespaceName);
    m_trust->showProblem(problems.trust);
}

void ConnectionForm::updateKeyField()
{
    const bool keep = !m_isNew && m_keepKey->isChecked();
    m_key->setEnabled(!keep);
    if (keep)
        m_key->clear();
    m_key->setPlaceholderText(keep ? tr("The stored key is kept") : tr("uuid:key"));
}

void ConnectionForm::testConnection()
{
    const ConnectionProfile typed = profile();
    if (typed.isEditable()) {
        const QString problem = ConnectionProfileCheck::apiHostProblem(typed.apiHost);
        if (!problem.isEmpty()) {
            m_hostTouched = true;
            validate();
            return showTestAnswer(false, problem);
        }
    }
    const quint64 serial = ++m_testSerial;
    m_test->setEnabled(false);
    m_testAnswer->showMessage(InlineMessage::Kind::Information, tr("Asking the server…"));
    onResult(m_manager->testConnection(typed, key()), this, [this, serial](Result<QString> answer) {
        if (serial != m_testSerial)
            return;
        m_test->setEnabled(true);
        showTestAnswer(answer.ok(), answer ? *answer : answer.error().message);
    });
}

void ConnectionForm::showTestAnswer(bool ok, const QString &text)
{
    m_testAnswer->showMessage(ok ? InlineMessage::Kind::Success : InlineMessage::Kind::Error, text);
}

} // namespace funcdesk
