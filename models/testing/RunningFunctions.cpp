#include "models/testing/RunningFunctions.h"

#include "executor/Executor.h"

#include <QElapsedTimer>
#include <QThread>

namespace funcdesk {

int RunningFunctions::stopAll(qint64 momentMs)
{
    if (!m_executor)
        return 0;
    m_executor->shutdown();
    QElapsedTimer moment;
    moment.start();
    while (m_executor->runningCount() > 0 && moment.elapsed() < momentMs)
        QThread::msleep(5); // a killed tree is reaped in milliseconds: not worth a round of events
    return m_executor->runningCount();
}

int RunningFunctions::count() const
{
    return m_executor ? m_executor->runningCount() : 0;
}

} // namespace funcdesk
