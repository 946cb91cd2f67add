#include "ui/connections/KeyPrompt.h"

#include "models/connections/ConnectionStore.h"
#include "ui/connections/InlineMessage.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>

namespace funcdesk {

KeyPrompt::KeyPrompt(ConnectionStore *store, QWidget *parent)
    : QWidget(parent), m_store(store), m_message(new InlineMessage(this)), m_enter(new QPushButton(this))
{
    setObjectName(QStringLiteral("keyPrompt"));
    m_message->setObjectName(QStringLiteral("keyPromptMessage"));
    m_enter->setObjectName(QStringLiteral("enterKeyButton"));
    m_enter->setText(tr("&Enter Key…"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_enter, 0, Qt::AlignTop);
    connect(m_enter, &QPushButton::clicked, this, &KeyPrompt::enterKey);
    hide();
}

void KeyPrompt::setProblem(const ConnectionProfile &profile, const QString &problem)
{
    m_profile = profile;
    if (problem.isEmpty() || profile.isLocal()) {
        m_message->clear();
        hide();
        return;
    }
    m_message->showMessage(InlineMessage::Kind::Warning, tr("“%1” has no key. %2").arg(profile.name, problem));
    show();
}

void KeyPrompt::enterKey()
{
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("enterKeyDialog"));
    dialog.setWindowTitle(tr("Enter Key"));
    dialog.setLabelText(tr("Auth key of “%1” (uuid:key):").arg(m_profile.name));
    dialog.setTextEchoMode(QLineEdit::Password);
    dialog.setMinimumWidth(fontMetrics().averageCharWidth() * 48); // room for a whole uuid:key
    dialog.setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().trimmed().isEmpty())
        return;
    // The store keeps it in the keychain, or in memory for the session without one; the
    // connection is then rebuilt with it.
    if (const auto updated = m_store->updateProfile(m_profile, dialog.textValue().trimmed()); !updated)
        m_message->showMessage(InlineMessage::Kind::Error, updated.error().message);
}

} // namespace funcdesk
