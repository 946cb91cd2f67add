#pragma once

#include "models/triggers/RouteTriggerForm.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace funcdesk {

class ErrorLabel;
class RouteProber;

// The HTTP route's editor: base path, path (with {parameters}), method, response type, the full
// URL with a copy button, and "Send test request" (method, headers, body) with the answer shown:
// status, headers, body and time. The function that answers is chosen by the dialog.
class RouteEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RouteEditor(QWidget *parent = nullptr);

    // Where the platform serves routes ("http://127.0.0.1:3233"); empty: unknown.
    void setApiRoot(const QString &root);
    void setForm(const RouteTriggerForm &form);
    // The form with `function` as the one that answers.
    RouteTriggerForm form(const QString &function = {}) const;
    QString problem(const QString &function) const { return form(function).validate(); }
    QString fullUrl() const;

Q_SIGNALS:
    void changed();

private:
    void refresh();
    void sendTestRequest();

    QString m_apiRoot;
    QLineEdit *m_basePath;
    QLineEdit *m_relPath;
    QComboBox *m_verb;
    QComboBox *m_responseType;
    QLineEdit *m_url;
    QToolButton *m_copy;
    ErrorLabel *m_problem;
    QComboBox *m_testMethod;
    QLineEdit *m_testUrl;
    QPlainTextEdit *m_testHeaders;
    QPlainTextEdit *m_testBody;
    QPushButton *m_send;
    QLabel *m_status;
    QPlainTextEdit *m_answer;
    RouteProber *m_prober;
};

} // namespace funcdesk
