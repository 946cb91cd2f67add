#pragma once

#include "models/connections/ConnectionProfile.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace funcdesk {

class CertificateTrustFields;
class ConnectionManager;
class ConnectionStore;
class InlineMessage;

// The fields of one connection in the connection dialog: name, API host, namespace, auth key,
// a CA certificate to trust or a certificate to pin (CertificateTrustFields), "ignore
// certificate errors" (with its warning) and "Test connection" with the server's answer.
// Checks as the user types and says what is wrong beside the field. The key field is never
// filled in: editing keeps the stored key unless the user unticks "Keep the current key".
class ConnectionForm : public QWidget
{
    Q_OBJECT

public:
    ConnectionForm(ConnectionStore *store, ConnectionManager *manager, QWidget *parent = nullptr);

    // A stored profile (the Local one read-only), or a blank new one.
    void editProfile(const ConnectionProfile &profile);
    void editNew();

    // The profile as typed (the original's id).
    ConnectionProfile profile() const;
    // The key typed, or nullopt to keep the stored one.
    std::optional<QString> key() const;
    bool isNew() const { return m_isNew; }
    bool isDirty() const;
    bool isValid() const;
    // Shows why saving failed (the store's message) until the next edit.
    void showSaveError(const QString &message);
    void refreshKeychainNote();

Q_SIGNALS:
    // Dirty or valid may have changed.
    void edited();

private:
    void build();
    void onEdited();
    void validate();
    void testConnection();
    void showTestAnswer(bool ok, const QString &text);
    void updateKeyField();

    ConnectionStore *m_store;
    ConnectionManager *m_manager;
    ConnectionProfile m_original;
    bool m_isNew = false;
    bool m_nameTouched = false;
    bool m_hostTouched = false;
    quint64 m_testSerial = 0; // an answer to an older test (fields changed since) is dropped

    QLabel *m_heading = nullptr;
    InlineMessage *m_localNote = nullptr;
    QLineEdit *m_name = nullptr;
    InlineMessage *m_nameError = nullptr;
    QLineEdit *m_apiHost = nullptr;
    InlineMessage *m_apiHostError = nullptr;
    QLineEdit *m_namespace = nullptr;
    InlineMessage *m_namespaceError = nullptr;
    QLabel *m_keyLabel = nullptr;
    QLineEdit *m_key = nullptr;
    QCheckBox *m_keepKey = nullptr;
    InlineMessage *m_keychainNote = nullptr;
    CertificateTrustFields *m_trust = nullptr;
    QCheckBox *m_ignoreCertificates = nullptr;
    InlineMessage *m_certificateWarning = nullptr;
    QPushButton *m_test = nullptr;
    InlineMessage *m_testAnswer = nullptr;
    InlineMessage *m_saveError = nullptr;
};

} // namespace funcdesk
