#pragma once

#include "core/Action.h"
#include "core/Package.h"
#include "core/Trigger.h"

#include <QList>
#include <QString>

namespace funcdesk {

// Where an entry of a manifest is: the file as it was named, line and column from 1.
struct ManifestLocation
{
    QString file;
    int line = 0;
    int column = 0;

    // "manifest.yaml:12:7" ("manifest.yaml" when the line is unknown).
    QString toString() const;
    friend bool operator==(const ManifestLocation &, const ManifestLocation &) = default;
};

// A problem at a place in the manifest: "manifest.yaml:12:7: the text".
struct ManifestProblem
{
    ManifestLocation where;
    QString message;

    QString toString() const { return where.toString() + QStringLiteral(": ") + message; }
};

enum class EntityKind { Package, Action, Sequence, Trigger, Rule };

// "package", "action", "sequence", "trigger", "rule": the words of `funcdeskd deploy`'s lines.
QString entityKindName(EntityKind kind);

struct PlannedPackage
{
    QString name;
    Package package; // publish, parameters, annotations; `binding` set for a binding
    ManifestLocation where;
};

// An action or a sequence, by its name in the namespace ("package/action" or "action").
struct PlannedAction
{
    QString name;
    Action action; // exec (kind, code, main, binary), parameters, annotations, limits
    // Sequences: the components in order, each "package/action" or "action" (this namespace,
    // qualified by the deployer) or "/namespace/…" (as written). exec.kind is "sequence".
    QStringList components;
    bool isSequence = false;
    ManifestLocation where;
    ManifestLocation runtimeWhere; // where the runtime was named (or the function, when inferred)
    ManifestLocation limitsWhere;
};

struct PlannedTrigger
{
    QString name;
    Trigger trigger;        // parameters (a trigger without a feed), annotations
    QString feed;           // fully qualified ("/whisk.system/alarms/alarm"), empty for none
    QJsonObject feedParams; // a feed trigger's inputs: what the feed's CREATE is given
    ManifestLocation where;
};

struct PlannedRule
{
    QString name;
    QString trigger; // a trigger of this namespace
    QString action;  // "package/action", "action" or "/namespace/…"
    KeyValueList annotations;
    ManifestLocation where;
};

// What a manifest.yaml asks for, checked and typed: the deployer's input. Lists are in
// dependency order (packages, then bindings; actions, then sequences after their components).
struct Manifest
{
    QString file;
    QList<PlannedPackage> packages;
    QList<PlannedAction> actions;
    QList<PlannedTrigger> triggers;
    QList<PlannedRule> rules;
    QList<ManifestProblem> warnings; // keys ignored, and why

    qsizetype entityCount() const { return packages.size() + actions.size() + triggers.size() + rules.size(); }
};

} // namespace funcdesk
