#pragma once

#include <QWidget>

#include <functional>

class QPushButton;

namespace funcdesk {

class InlineMessage;

// The bar over the function list while the local platform could not start (the data folder
// cannot be created or locked, its database cannot be opened, the console that runs it cannot be
// reached): says why, in the window rather than only in the status bar, and offers Retry.
// Hidden while there is no problem, or while another connection is current.
class PlatformProblemBar : public QWidget
{
    Q_OBJECT

public:
    explicit PlatformProblemBar(QWidget *parent = nullptr);

    // `problem`: why the local platform is not there (empty hides the bar); Retry runs `retry`.
    void setProblem(const QString &problem, std::function<void()> retry);
    QString problem() const { return m_problem; }

private:
    InlineMessage *m_message;
    QPushButton *m_retry;
    QString m_problem;
    std::function<void()> m_retryCall;
};

} // namespace funcdesk
