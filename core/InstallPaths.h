#pragma once

#include <QString>

namespace funcdesk {

// Where an installed Funcdesk keeps the files its programs read at run time: DATADIR/funcdesk
// (e.g. /usr/share/funcdesk), found relative to the running executable (BINDIR), so an installed
// tree works wherever it is unpacked and nothing points back at the source or build folder. The
// same files are compiled in as Qt resources (":/funcdesk/..."), which a build-tree program uses.

// DATADIR/funcdesk next to the running executable, or empty when there is none (a build tree).
QString installedDataDirectory();

// The installed copy of `relative` (e.g. "templates/nodejs.js") when the installed tree has it,
// else the compiled-in resource ":/funcdesk/" + relative.
QString resourcePath(const QString &relative);

} // namespace funcdesk
