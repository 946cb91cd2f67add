#pragma once

#include <QStringList>

namespace funcdesk {

// `funcdeskd invoke FILE [options]`: runs a function on the local executor and prints each
// activation record as one line of JSON. Exit status: 0 when the last activation succeeded,
// 1 for an application or developer error, 2 for bad usage.
int runInvokeCommand(const QStringList &arguments);

} // namespace funcdesk
