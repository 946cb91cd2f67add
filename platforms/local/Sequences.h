#pragma once

#include "platforms/local/EngineState.h"

namespace funcdesk {

// Sequences as OpenWhisk has them (ctrl/Actions.scala, actions/SequenceActions.scala): an action
// of exec kind "sequence" whose `components` are fully qualified action names, run in order by
// the invoker (no runtime process of its own), the output of one the input of the next.
namespace Sequences {

// OpenWhisk's actionSequenceLimit: at most this many atomic actions, nested sequences inlined.
inline constexpr int kMaxLength = 50;

inline QString kind()
{
    return QStringLiteral("sequence");
}
inline bool isSequence(const Action &action)
{
    return action.exec && action.exec->kind == kind();
}

// Checks the exec of sequence `name` of `ns` on PUT, in OpenWhisk's order: each component
// readable by `ns` (403, kind Auth), then 1–50 components, each existing, no cycle back to
// `name` (also through nested sequences), at most 50 atomic actions inlined; each with
// OpenWhisk's 400 text. Rewrites the components to "/ns/[pkg/]name" ("_" resolved) and drops
// any code.
std::optional<PlatformError> check(const EngineState &state, const QString &ns, const QString &name, Exec &exec);

// OpenWhisk's texts for a sequence's failures.
QString tooLong();
QString componentNotFound();
QString failed();

} // namespace Sequences

} // namespace funcdesk
