#pragma once

#include "core/Action.h"

#include <optional>

// What the code panel reads off an Action: the version it carries and whether its code is text
// the editor can show (not a binary archive).
namespace funcdesk::codeui {

inline QString versionOf(const std::optional<Action> &action)
{
    return action ? action->version.value_or(QString()) : QString();
}

inline bool hasEditableCode(const Action &action)
{
    return action.exec && action.exec->code && !action.exec->binary.value_or(false);
}

} // namespace funcdesk::codeui
