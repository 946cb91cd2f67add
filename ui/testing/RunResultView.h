#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace funcdesk {

class ErrorLabel;
class RunStepsView;
struct RunReport;

// One run's outcome: status, the measured figures, the result (pretty JSON) and the logs; for a
// sequence also its steps (RunStepsView), in a Steps tab shown first.
// Lines of the result can be highlighted (Compare marks where local and platform differ).
class RunResultView : public QWidget
{
    Q_OBJECT

public:
    explicit RunResultView(QWidget *parent = nullptr);

    void setHeading(const QString &heading);
    void showReport(const RunReport &report);
    // 0-based line numbers of the result text; an empty list removes the highlights.
    void setHighlightedLines(const QList<int> &lines);
    void clear();
    // A run has started: no figures, no result, "Running…".
    void showRunning();

protected:
    void changeEvent(QEvent *event) override;

private:
    // Figures sit two to a row (label, value, label, value); `wide` takes a whole row.
    QLabel *addFigure(const QString &label, const QString &objectName, bool wide = false, QLabel *value = nullptr);
    void applyHighlights();
    void showStepsTab(bool shown);

    QLabel *m_heading = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QGridLayout *m_figures = nullptr;
    int m_figureCount = 0;
    QLabel *m_duration = nullptr;
    QLabel *m_start = nullptr;
    QLabel *m_memory = nullptr;
    QLabel *m_cpu = nullptr;
    QLabel *m_cost = nullptr;
    QLabel *m_storage = nullptr;
    ErrorLabel *m_sandbox = nullptr; // red when the function ran unisolated
    QLabel *m_network = nullptr;
    QLabel *m_enforcement = nullptr;
    QLabel *m_activation = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_result = nullptr;
    QPlainTextEdit *m_logs = nullptr;
    RunStepsView *m_steps = nullptr; // a sequence's chain, its own tab
    QList<int> m_highlighted;
};

} // namespace funcdesk
