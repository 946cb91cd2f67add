#pragma once

// The views that need QtCharts or QScintilla live in a module of their own, libfuncdesk_views.so
// (target funcdesk_views), which the console loads when it first needs one (ui/views/Views.h),
// not at start: the dynamic linking of QtCharts, QScintilla and what they pull in (QtOpenGL,
// QtPrintSupport: ~11,000 symbol bindings, ~5 ms) kept the first window waiting (issue 16,
// docs/benchmarks.md "startup_bench"). This header is the whole contract between the two sides:
// abstract classes with inline members only, so that neither side needs a symbol of the other —
// the module links with --no-undefined against Qt alone, and the console never links the module.
// Events come back through callbacks (the console cannot name the module's signals), plain
// values go in.

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtCore/qnamespace.h>

#include <functional>

class QWidget;

namespace funcdesk {

struct ChartData;
class MetricsChart;
class BarsChart;
class PowerTuningChart;
class CodeTextEdit;
class CodeFindBar;
class CodeGoToLineBar;

// A line or stacked-area chart over time (ui/metrics/MetricsChart.h).
class MetricsChartApi
{
public:
    enum class Style { Lines, StackedArea };

    virtual ~MetricsChartApi() = default;
    virtual QWidget *widget() = 0;
    // The module's class, for tests that look inside; null when the module could not load.
    virtual MetricsChart *metricsChart() = 0;
    virtual void setValueText(std::function<QString(double)> text) = 0;
    virtual void setData(const ChartData &data) = 0;
    virtual void clear() = 0;
    virtual int plotWidth() const = 0;
    // A point was clicked (its bucket's start and length); the plot's width changed.
    virtual void setCallbacks(std::function<void(const QDateTime &, qint64)> pointClicked,
                              std::function<void(int)> plotWidthChanged) = 0;
};

// Labelled bars (ui/metrics/BarsChart.h).
class BarsChartApi
{
public:
    virtual ~BarsChartApi() = default;
    virtual QWidget *widget() = 0;
    virtual BarsChart *barsChart() = 0;
    virtual void setValueText(std::function<QString(double)> text) = 0;
    virtual void setBars(const QStringList &labels, const QList<double> &values) = 0;
};

// One setting of a power-tuning run, as its chart draws it.
struct TuningChartRow
{
    QString label;                 // "256 MB"
    double averageMs = 0.0;        // average duration
    double p95Ms = 0.0;            // 95th percentile duration
    double costPerInvocation = 0.; // in the price list's currency
};

// Power tuning's duration bars and cost line (ui/metrics/PowerTuningChart.h).
class PowerTuningChartApi
{
public:
    virtual ~PowerTuningChartApi() = default;
    virtual QWidget *widget() = 0;
    virtual PowerTuningChart *tuningChart() = 0;
    virtual void setRows(const QList<TuningChartRow> &rows, const QString &currency) = 0;
};

// The code editor's QScintilla view with its find/replace and go-to-line bars (ui/code/CodeView.h),
// built as children of the CodeEditor given to the factory. Owned by that editor (a child QObject).
class CodeViewApi
{
public:
    virtual ~CodeViewApi() = default;
    virtual QWidget *textWidget() = 0;
    virtual QWidget *findBarWidget() = 0;
    virtual QWidget *goToLineBarWidget() = 0;
    virtual CodeTextEdit *textEdit() = 0;
    virtual CodeFindBar *findBar() = 0;
    virtual CodeGoToLineBar *goToLineBar() = 0;

    // The action's kind picks the lexer.
    virtual void setKind(const QString &kind) = 0;
    virtual QString kind() const = 0;
    virtual QString text() const = 0;
    // The whole text replaced as one undoable step; the cursor to the start.
    virtual void replaceText(const QString &text) = 0;
    // The whole text replaced and the undo history forgotten; the cursor to the start.
    virtual void loadText(const QString &text) = 0;
    virtual void setReadOnly(bool readOnly) = 0;
    virtual bool isReadOnly() const = 0;
    // A tinted line (1-based) with `message` boxed under it; one at a time.
    virtual void showProblem(int line, const QString &message) = 0;
    virtual void clearProblem() = 0;

    virtual void openFind() = 0;
    virtual void openReplace() = 0;
    virtual void openGoToLine() = 0;
    virtual bool goToLine(int line) = 0;
    // The next (or previous) match of the find bar's text; false, doing nothing, when the bar is
    // hidden or empty.
    virtual bool findAgain(bool forward) = 0;
    virtual void hideBars() = 0;
    // The text changed (by the user or a call above); a bar asks to be closed (Esc, or done).
    virtual void setCallbacks(std::function<void()> textChanged, std::function<void()> closeBars) = 0;
};

// What libfuncdesk_views.so exports (one C function, funcdesk_views_factories, returns it).
struct ViewFactories
{
    // Bumped whenever anything in this header changes: a module built from another version is
    // refused with a clear message instead of crashing.
    static constexpr int kAbi = 1;
    int abi = kAbi;
    MetricsChartApi *(*metricsChart)(const QString &title, MetricsChartApi::Style style, QWidget *parent) = nullptr;
    BarsChartApi *(*barsChart)(const QString &title, Qt::Orientation orientation, QWidget *parent) = nullptr;
    PowerTuningChartApi *(*powerTuningChart)(QWidget *parent) = nullptr;
    CodeViewApi *(*codeView)(QWidget *editor) = nullptr;
};

} // namespace funcdesk
