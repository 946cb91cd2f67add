// The code panel of a sequence: a sequence has no code, so the panel shows its components in a
// SequenceEditor (made on first use) instead of the code editor; Deploy stores the edited
// components, Revert brings back the deployed ones (the rest of CodePanel is in CodePanel.cpp).

#include "ui/code/CodePanel.h"

#include "core/Platform.h"
#include "ui/code/CodeBanner.h"
#include "ui/sequences/SequenceEditor.h"

#include <QStackedWidget>

namespace funcdesk {

bool CodePanel::isSequence(const std::optional<Action> &action)
{
    return action && action->exec && action->exec->kind == QLatin1StringView("sequence");
}

bool CodePanel::sequenceDirty() const
{
    return isSequence(m_action) && m_sequenceEditor &&
           m_sequenceEditor->components() != m_action->exec->components.value_or(QStringList());
}

void CodePanel::showSequence()
{
    if (!m_sequenceEditor) {
        m_sequenceEditor = new SequenceEditor(m_pages);
        m_pages->addWidget(m_sequenceEditor); // Page::Sequence
        connect(m_sequenceEditor, &SequenceEditor::componentsEdited, this, &CodePanel::updateState);
    }
    m_sequenceEditor->setPlatform(m_platform);
    m_sequenceEditor->setComponents(m_action->exec->components.value_or(QStringList()));
    setPage(Page::Sequence);
    m_status->showMessage(CodeBanner::Tone::Info,
                          tr("%1 is a sequence: it runs these actions in order. Deploy stores a new order or "
                             "new components.")
                              .arg(m_functionName));
}

void CodePanel::deploySequence()
{
    if (const QString problem = m_sequenceEditor->problem(); !problem.isEmpty())
        return reportError(tr("Deploy failed"), problem);
    Exec exec;
    exec.kind = QStringLiteral("sequence");
    exec.components = m_sequenceEditor->components();
    putCode(exec, false, QString());
}

} // namespace funcdesk
