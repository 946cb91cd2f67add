#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QHBoxLayout;
class QProgressBar;
class QPushButton;

namespace funcdesk {

// An inline message strip in the code panel: progress ("Deploying…"), outcomes ("Deployed
// version 0.0.4"), errors with the server's message, and questions with their buttons
// ("Restore draft" / "Discard"). Tinted from the palette by tone; never modal.
class CodeBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Tone { Info, Progress, Success, Warning, Error };

    explicit CodeBanner(QWidget *parent = nullptr);

    // Shows `text` (plain text) with `tone`, dropping the previous message's buttons.
    void showMessage(Tone tone, const QString &text);
    // Adds a button to the current message; clicking it runs `onClick`.
    QPushButton *addButton(const QString &text, const QString &objectName, std::function<void()> onClick);
    void dismiss();
    // Whether the current message has a dismiss (×) button; questions that need an answer not.
    void setClosable(bool closable);

    QString text() const;
    Tone tone() const { return m_tone; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTone();
    void clearButtons();

    Tone m_tone = Tone::Info;
    QLabel *m_text;
    QProgressBar *m_progress;
    QHBoxLayout *m_buttons;
    QPushButton *m_close;
};

} // namespace funcdesk
