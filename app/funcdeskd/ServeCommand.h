#pragma once

#include <QStringList>

namespace funcdesk {

// `funcdeskd serve [options]`: the single-node platform (LocalEngine) behind the OpenWhisk REST
// API. Prints "funcdeskd listening on http://HOST:PORT" on stdout once bound; SIGTERM or SIGINT
// stop it cleanly (exit status 0). Exit status 1 when it cannot start, 2 for bad usage.
int runServeCommand(const QStringList &arguments);

} // namespace funcdesk
