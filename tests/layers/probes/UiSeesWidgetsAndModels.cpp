// Built with ui/'s compile settings by layers_ui_probe_builds: the positive control for the two
// probes below, so they cannot pass because the probe itself is broken.
#include "models/functions/FunctionListModel.h"

#include <QPainter>
#include <QWidget>

int uiProbeSeesWidgetsAndModels()
{
    return sizeof(QWidget) + sizeof(QPainter) + sizeof(funcdesk::FunctionListModel);
}
