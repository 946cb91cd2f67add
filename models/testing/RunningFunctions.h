#pragma once

#include <QtGlobal>

namespace funcdesk {

class Executor;

// The local executor's running activations, for the console's quit: the widgets never reach
// the executor themselves (layers), and they ask through this.
class RunningFunctions
{
public:
    explicit RunningFunctions(Executor *executor) : m_executor(executor) {}

    // Ends every running activation and every later one (Executor::shutdown: each process tree
    // is killed), then waits up to `momentMs` for them to be gone. How many still run.
    int stopAll(qint64 momentMs);
    int count() const;

private:
    Executor *m_executor;
};

} // namespace funcdesk
