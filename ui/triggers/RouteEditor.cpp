#include "ui/triggers/RouteEditor.h"

#include "models/triggers/RouteProber.h"
#include "ui/shell/ErrorLabel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>

namespace funcdesk {

RouteEditor::RouteEditor(QWidget *parent) : QWidget(parent), m_prober(new RouteProber(this))
{
    m_basePath = new QLineEdit(this);
    m_basePath->setObjectName(QStringLiteral("routeBasePath"));
    m_basePath->setPlaceholderText(tr("/shop"));
    m_relPath = new QLineEdit(this);
    m_relPath->setObjectName(QStringLiteral("routePath"));
    m_relPath->setPlaceholderText(tr("/items/{id}"));
    m_verb = new QComboBox(this);
    m_verb->setObjectName(QStringLiteral("routeMethod"));
    m_verb->addItems(RouteTriggerForm::verbs());
    m_responseType = new QComboBox(this);
    m_responseType->setObjectName(QStringLiteral("routeResponseType"));
    m_responseType->addItems(RouteTriggerForm::responseTypes());
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("routeUrl"));
    m_url->setReadOnly(true);
    m_copy = new QToolButton(this);
    m_copy->setObjectName(QStringLiteral("routeCopyUrl"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the URL to the clipboard"));
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copy);
    m_problem = new ErrorLabel(this);
    m_problem->setObjectName(QStringLiteral("routeProblem"));
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Base path:"), m_basePath);
    form->addRow(tr("Path:"), m_relPath);
    form->addRow(tr("Method:"), m_verb);
    form->addRow(tr("Response type:"), m_responseType);
    form->addRow(tr("Full URL:"), urlRow);
    form->addRow(QString(), m_problem);

    auto *test = new QGroupBox(tr("Send test request"), this);
    m_testMethod = new QComboBox(test);
    m_testMethod->setObjectName(QStringLiteral("testMethod"));
    m_testMethod->addItems(RouteTriggerForm::verbs());
    m_testUrl = new QLineEdit(test);
    m_testUrl->setObjectName(QStringLiteral("testUrl"));
    m_send = new QPushButton(tr("Send"), test);
    m_send->setObjectName(QStringLiteral("testSend"));
    auto *requestLine = new QHBoxLayout;
    requestLine->addWidget(m_testMethod);
    requestLine->addWidget(m_testUrl, 1);
    requestLine->addWidget(m_send);
    m_testHeaders = new QPlainTextEdit(test);
    m_testHeaders->setObjectName(QStringLiteral("testHeaders"));
    m_testHeaders->setPlaceholderText(tr("Content-Type: application/json"));
    m_testHeaders->setMaximumHeight(m_testHeaders->fontMetrics().height() * 3 + 12);
    m_testBody = new QPlainTextEdit(test);
    m_testBody->setObjectName(QStringLiteral("testBody"));
    m_testBody->setPlaceholderText(tr("Request body (optional)"));
    m_testBody->setMaximumHeight(m_testBody->fontMetrics().height() * 4 + 12);
    m_status = new QLabel(test);
    m_status->setObjectName(QStringLiteral("testStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answer = new QPlainTextEdit(test);
    m_answer->setObjectName(QStringLiteral("testAnswer"));
    m_answer->setReadOnly(true);
    m_answer->setPlaceholderText(tr("The answer's headers and body appear here."));
    auto *testForm = new QFormLayout(test);
    testForm->addRow(tr("Request:"), requestLine);
    testForm->addRow(tr("Headers:"), m_testHeaders);
    testForm->addRow(tr("Body:"), m_testBody);
    testForm->addRow(tr("Answer:"), m_status);
    testForm->addRow(QString(), m_answer);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(test, 1);

    connect(m_basePath, &QLineEdit::textChanged, this, &RouteEditor::refresh);
    connect(m_relPath, &QLineEdit::textChanged, this, [this](const QString &path) {
        // Path parameters reach the function only with the http response type (OpenWhisk's rule).
        if (path.contains(QLatin1Char('{')))
            m_responseType->setCurrentText(QStringLiteral("http"));
        refresh();
    });
    connect(m_verb, &QComboBox::currentTextChanged, this, &RouteEditor::refresh);
    connect(m_responseType, &QComboBox::currentTextChanged, this, &RouteEditor::refresh);
    connect(m_copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(m_url->text()); });
    connect(m_send, &QPushButton::clicked, this, &RouteEditor::sendTestRequest);
    connect(m_prober, &RouteProber::busyChanged, this, [this](bool busy) {
        m_send->setEnabled(!busy);
        if (busy)
            m_status->setText(tr("Sending…"));
    });
    connect(m_prober, &RouteProber::answered, this,
            [this](int, const QString &status, const QString &headers, const QString &body, qint64 elapsedMs) {
                m_status->setText(tr("%1 in %2 ms").arg(status).arg(elapsedMs));
                m_answer->setPlainText(headers + QStringLiteral("\n\n") + body);
            });
    connect(m_prober, &RouteProber::failed, this, [this](const QString &message) {
        m_status->setText(message);
        m_answer->clear();
    });
    setForm(RouteTriggerForm());
}

void RouteEditor::setApiRoot(const QString &root)
{
    m_apiRoot = root;
    refresh();
}

void RouteEditor::setForm(const RouteTriggerForm &form)
{
    const QSignalBlocker b1(m_basePath), b2(m_relPath), b3(m_verb), b4(m_responseType);
    m_basePath->setText(form.basePath == QLatin1StringView("/") ? QString() : form.basePath);
    m_relPath->setText(form.relPath == QLatin1StringView("/") ? QString() : form.relPath);
    m_verb->setCurrentText(form.verb);
    m_responseType->setCurrentText(form.responseType);
    refresh();
}

RouteTriggerForm RouteEditor::form(const QString &function) const
{
    RouteTriggerForm form;
    form.basePath = m_basePath->text();
    form.relPath = m_relPath->text();
    form.verb = m_verb->currentText();
    form.responseType = m_responseType->currentText();
    form.function = function;
    return form;
}

QString RouteEditor::fullUrl() const
{
    return m_url->text();
}

void RouteEditor::refresh()
{
    const RouteTriggerForm current = form(QStringLiteral("-"));
    const QString problem = current.validate();
    m_problem->setText(problem);
    m_problem->setError(!problem.isEmpty());
    const QString url = current.fullUrl(m_apiRoot);
    m_url->setText(url);
    m_copy->setEnabled(!url.isEmpty());
    m_testMethod->setCurrentText(current.verb.toUpper());
    m_testUrl->setText(url);
    Q_EMIT changed();
}

void RouteEditor::sendTestRequest()
{
    m_prober->send(m_testMethod->currentText(), m_testUrl->text(), m_testHeaders->toPlainText(),
                   m_testBody->toPlainText());
}

} // namespace funcdesk
