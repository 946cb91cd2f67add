#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QFormLayout;
class QLineEdit;
class QPushButton;

namespace funcdesk {

class InlineMessage;

// The TLS trust rows of the connection form, so that "ignore certificate errors" is never the
// only way to reach a self-signed platform: a CA certificate file to trust (its path is stored)
// and a server certificate to pin (its SHA-256 is stored: typed or pasted, or taken from a
// certificate file). Each has a "Browse…" button opening a file dialog (a child of the form,
// named "certificateFileDialog"). Neither is a secret.
class CertificateTrustFields : public QObject
{
    Q_OBJECT

public:
    explicit CertificateTrustFields(QWidget *form);

    // Adds the two rows (and the message under them) to `layout`.
    void addRows(QFormLayout *layout);
    void setValues(const QString &caCertificateFile, const QString &pinnedSha256, bool editable);
    QString caCertificateFile() const;
    QString pinnedSha256() const;
    // Shows the check's message for these fields (empty: none).
    void showProblem(const QString &problem);

Q_SIGNALS:
    void edited();

private:
    // Opens a file dialog for a PEM certificate; `picked` gets the chosen file.
    void browse(const QString &title, void (CertificateTrustFields::*picked)(const QString &));
    void caPicked(const QString &file);
    void pinPicked(const QString &file);

    QWidget *m_form;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_caBrowse = nullptr;
    QLineEdit *m_pin = nullptr;
    QPushButton *m_pinBrowse = nullptr;
    InlineMessage *m_problem = nullptr;
    QList<QWidget *> m_rows; // labels and cells, hidden for the built-in connection
};

} // namespace funcdesk
