#pragma once

// The deployer's comparisons: does what the platform holds already match what the manifest sets?
// Only what the manifest sets counts: the platform's own fields (version, dates, the annotations
// it adds, limits left to their defaults) do not.

#include "deploy/Manifest.h"

#include "core/PlatformInfo.h"
#include "core/Rule.h"

namespace funcdesk::deploy {

// The platform's kind for a manifest's: "nodejs:default" → the default Node.js kind,
// "python:3" → "python:3.11"; nullopt when the platform offers none. Platforms that list no
// runtimes get the kind as it is.
std::optional<QString> resolveKind(const QString &kind, const PlatformInfo &info);

bool samePackage(const Package &wanted, const Package &current);
bool sameAction(const Action &wanted, const Action &current);
// `feedConfig`: what the feed's READ answered for an existing feed trigger (none: changed).
bool sameTrigger(const PlannedTrigger &wanted, const Trigger &current, const std::optional<QJsonObject> &feedConfig);
bool sameRule(const Rule &wanted, const Rule &current);

} // namespace funcdesk::deploy
