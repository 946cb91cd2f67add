#pragma once

#include "core/Action.h"

#include <QCoreApplication>

namespace funcdesk {

// Functions to and from files. Import takes a source file (.js, .py: the name is the file's
// base name, the kind follows the extension), an exported .json (one action document or an
// array of them), or a folder (each such file in it). Export writes an array of action
// documents with their code, or the bare code when one function goes to a .js/.py file.
// A bad file is an error naming it; nothing is half-imported.
class FunctionFiles
{
    Q_DECLARE_TR_FUNCTIONS(FunctionFiles)

public:
    static Result<QList<Action>> importPath(const QString &path);
    static Result<Done> exportActions(const QList<Action> &actions, const QString &path);
    // A free name for a copy: "name-copy", "name-copy-2", ...
    static QString copyName(const QString &name, const QStringList &taken);
};

} // namespace funcdesk
