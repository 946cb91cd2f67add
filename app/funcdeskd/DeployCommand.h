#pragma once

#include <QStringList>

namespace funcdesk {

// `funcdeskd deploy DIR [options]`: deploys DIR/manifest.yaml (wskdeploy's format, docs/deploy.md)
// to a local data folder or to an OpenWhisk-compatible server, and prints one line per entity,
// "created|changed|unchanged KIND NAME", then a summary line. Exit status: 0 when everything was
// deployed (or, with --dry-run, planned), 1 when nothing was applied because the manifest or the
// command line is invalid, 2 when the platform failed (lines say what was applied before).
int runDeployCommand(const QStringList &arguments);

} // namespace funcdesk
