#pragma once

#include "core/Action.h"

#include <optional>

// Small helpers shared by the code panel's source files.
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
