#include "models/functions/FunctionListModel.h"

// The function list's Triggers column: which triggers' rules run each function, loaded apart from
// the actions (a failure here leaves the column empty and the list as it is).

namespace funcdesk {

void FunctionListModel::refreshTriggers()
{
    if (!platform())
        return;
    const quint64 generation = ++m_triggersGeneration;
    loadWiringSnapshot(platform(), this, false, [this, generation](Result<WiringSnapshot> snapshot) {
        if (generation != m_triggersGeneration || !snapshot)
            return;
        setTriggers(snapshot->triggersByFunction());
    });
}

void FunctionListModel::setTriggers(const QHash<QString, QList<FunctionTrigger>> &triggers)
{
    m_triggers = triggers;
    rowsChanged();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TriggersColumn), index(rowCount() - 1, TriggersColumn));
    Q_EMIT triggersChanged();
}

} // namespace funcdesk
