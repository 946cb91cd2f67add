#include "ui/connections/CertificateTrustFields.h"

#include "models/connections/ConnectionProfileCheck.h"
#include "ui/connections/InlineMessage.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace funcdesk {

namespace {

// A line edit with its "Browse…" button, as one cell of the form.
QWidget *withButton(QLineEdit *edit, QPushButton *button, QWidget *parent)
{
    auto *cell = new QWidget(parent);
    auto *layout = new QHBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return cell;
}

} // namespace

CertificateTrustFields::CertificateTrustFields(QWidget *form) : QObject(form), m_form(form)
{
    m_caFile = new QLineEdit(form);
    m_caFile->setObjectName(QStringLiteral("caCertificateEdit"));
    m_caFile->setClearButtonEnabled(true);
    m_caFile->setPlaceholderText(tr("Optional: the CA's PEM file"));
    m_caBrowse = new QPushButton(tr("Browse…"), form);
    m_caBrowse->setObjectName(QStringLiteral("caCertificateBrowse"));
    m_caBrowse->setToolTip(tr("Choose the CA certificate file to trust for this connection"));
    m_pin = new QLineEdit(form);
    m_pin->setObjectName(QStringLiteral("pinnedCertificateEdit"));
    m_pin->setClearButtonEnabled(true);
    m_pin->setPlaceholderText(tr("Optional: its SHA-256 fingerprint"));
    m_pinBrowse = new QPushButton(tr("Browse…"), form);
    m_pinBrowse->setObjectName(QStringLiteral("pinnedCertificateBrowse"));
    m_pinBrowse->setToolTip(tr("Choose the server's certificate file: only that certificate is then accepted"));
    m_problem = new InlineMessage(form);
    m_problem->setObjectName(QStringLiteral("trustError"));

    for (QLineEdit *edit : {m_caFile, m_pin})
        connect(edit, &QLineEdit::textChanged, this, &CertificateTrustFields::edited);
    connect(m_caBrowse, &QPushButton::clicked, this,
            [this] { browse(tr("Trust a CA Certificate"), &CertificateTrustFields::caPicked); });
    connect(m_pinBrowse, &QPushButton::clicked, this,
            [this] { browse(tr("Pin a Server Certificate"), &CertificateTrustFields::pinPicked); });
}

void CertificateTrustFields::addRows(QFormLayout *layout)
{
    auto *caLabel = new QLabel(tr("Trusted &CA:"), m_form);
    caLabel->setBuddy(m_caFile);
    QWidget *caCell = withButton(m_caFile, m_caBrowse, m_form);
    layout->addRow(caLabel, caCell);
    auto *pinLabel = new QLabel(tr("Pinned ce&rtificate:"), m_form);
    pinLabel->setBuddy(m_pin);
    QWidget *pinCell = withButton(m_pin, m_pinBrowse, m_form);
    layout->addRow(pinLabel, pinCell);
    layout->addRow(QString(), m_problem);
    m_rows = {caLabel, caCell, pinLabel, pinCell};
}

void CertificateTrustFields::setValues(const QString &caCertificateFile, const QString &pinnedSha256, bool editable)
{
    const QSignalBlocker blockCa(m_caFile);
    const QSignalBlocker blockPin(m_pin);
    m_caFile->setText(caCertificateFile);
    m_pin->setText(pinnedSha256);
    for (QWidget *widget : std::as_const(m_rows))
        widget->setVisible(editable);
    m_problem->clear();
}

QString CertificateTrustFields::caCertificateFile() const
{
    return m_caFile->text().trimmed();
}

QString CertificateTrustFields::pinnedSha256() const
{
    return m_pin->text().trimmed();
}

void CertificateTrustFields::showProblem(const QString &problem)
{
    m_problem->showMessage(InlineMessage::Kind::Error, problem);
}

void CertificateTrustFields::browse(const QString &title, void (CertificateTrustFields::*picked)(const QString &))
{
    // Qt's own dialog, as a child of the form: window-modal, and reachable by tests.
    auto *dialog = new QFileDialog(m_form, title, QString(), tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    dialog->setObjectName(QStringLiteral("certificateFileDialog"));
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, picked);
    dialog->open();
}

void CertificateTrustFields::caPicked(const QString &file)
{
    m_caFile->setText(file);
}

void CertificateTrustFields::pinPicked(const QString &file)
{
    const QString fingerprint = ConnectionProfileCheck::certificateFingerprint(file);
    if (fingerprint.isEmpty())
        return showProblem(tr("%1 holds no PEM certificate to pin.").arg(file));
    m_pin->setText(fingerprint);
}

} // namespace funcdesk
