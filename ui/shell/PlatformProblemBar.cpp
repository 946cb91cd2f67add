#include "ui/shell/PlatformProblemBar.h"

#include "ui/connections/InlineMessage.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace funcdesk {

PlatformProblemBar::PlatformProblemBar(QWidget *parent)
    : QWidget(parent), m_message(new InlineMessage(this)), m_retry(new QPushButton(this))
{
    setObjectName(QStringLiteral("platformProblemBar"));
    m_message->setObjectName(QStringLiteral("platformProblemMessage"));
    m_retry->setObjectName(QStringLiteral("retryPlatformButton"));
    m_retry->setText(tr("&Retry"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_retry, 0, Qt::AlignTop);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        // A copy: the call may set another problem, and with it another retry, meanwhile.
        if (const std::function<void()> retry = m_retryCall)
            retry();
    });
    hide();
}

void PlatformProblemBar::setProblem(const QString &problem, std::function<void()> retry)
{
    m_problem = problem;
    m_retryCall = std::move(retry);
    if (problem.isEmpty()) {
        m_message->clear();
        hide();
        return;
    }
    m_message->showMessage(InlineMessage::Kind::Error, problem);
    m_retry->setVisible(bool(m_retryCall));
    show();
}

} // namespace funcdesk
