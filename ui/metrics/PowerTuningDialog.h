#pragma once

#include "core/Platform.h"

#include <QDialog>
#include <QPointer>

namespace funcdesk {

class Executor;

// Power tuning for one function: runs it N times with a saved payload at several memory sizes
// and CPU settings (on the local executor with real limits, or on the platform), charts average
// and p95 duration against cost per invocation, recommends the cheapest, the fastest and the
// balanced setting and applies the chosen one. Runs in the background with a progress bar and
// can be cancelled. Built by the power-tuning work (models/metrics/PowerTuner).
class PowerTuningDialog : public QDialog
{
    Q_OBJECT

public:
    PowerTuningDialog(Platform *platform, QString connectionId, QString function, Executor *localExecutor,
                      QWidget *parent = nullptr);
    ~PowerTuningDialog() override;

Q_SIGNALS:
    // The chosen setting was applied to the function (its new document).
    void applied(const funcdesk::Action &action);
};

} // namespace funcdesk
