#pragma once

#include "ui/views/ViewApis.h"

namespace funcdesk::views {

// The console's side of libfuncdesk_views.so (ui/views/ViewApis.h): the module is loaded on the
// first call of any of these (GUI thread only), from the folder it is installed in beside the
// program (LIBDIR/funcdesk/modules) or, in a build tree, BUILD/lib/funcdesk, or from the folder
// FUNCDESK_VIEWS_DIR names (then that one only); a program that links the module (tests) uses that copy.

// A chart from the module, a child of `parent`. When the module cannot be loaded: a stand-in
// that says why (loadError()) and takes every call without drawing anything.
MetricsChartApi *createMetricsChart(const QString &title, MetricsChartApi::Style style, QWidget *parent);
BarsChartApi *createBarsChart(const QString &title, Qt::Orientation orientation, QWidget *parent);
PowerTuningChartApi *createPowerTuningChart(QWidget *parent);

// The code editor's view, built into `editor`; null when the module cannot be loaded.
CodeViewApi *createCodeView(QWidget *editor);

// Loads the module now (when not yet); whether its views are available.
bool available();
// Why the module could not be loaded, for the user; empty when it was.
QString loadError();

} // namespace funcdesk::views
