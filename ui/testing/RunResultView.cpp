#include "ui/testing/RunResultView.h"

#include "models/testing/RunReport.h"
#include "ui/shell/ErrorLabel.h"
#include "ui/testing/CompareColors.h"
#include "ui/testing/RunStepsView.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace funcdesk {

namespace {

QPlainTextEdit *readOnlyText(const QString &objectName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return edit;
}

} // namespace

RunResultView::RunResultView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("runHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("runError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    layout->addWidget(m_error);

    m_figures = new QGridLayout;
    m_figures->setColumnStretch(1, 1);
    m_figures->setColumnStretch(3, 1);
    m_figures->setVerticalSpacing(2);
    m_duration = addFigure(tr("Duration:"), QStringLiteral("runDuration"));
    m_start = addFigure(tr("Start:"), QStringLiteral("runStart"));
    m_memory = addFigure(tr("Peak memory:"), QStringLiteral("runMemory"));
    m_cpu = addFigure(tr("CPU time:"), QStringLiteral("runCpu"));
    m_cost = addFigure(tr("Cost estimate:"), QStringLiteral("runCost"));
    m_storage = addFigure(tr("/tmp used:"), QStringLiteral("runStorage"));
    m_sandbox = new ErrorLabel(this);
    addFigure(tr("Sandbox:"), QStringLiteral("runSandbox"), false, m_sandbox);
    m_network = addFigure(tr("Network:"), QStringLiteral("runNetwork"));
    m_activation = addFigure(tr("Activation:"), QStringLiteral("runActivation"), true);
    m_enforcement = addFigure(tr("Enforcement:"), QStringLiteral("runEnforcement"), true);
    m_enforcement->setWordWrap(true);
    layout->addLayout(m_figures);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("runTabs"));
    m_tabs->setDocumentMode(true);
    m_result = readOnlyText(QStringLiteral("runResult"), m_tabs);
    m_logs = readOnlyText(QStringLiteral("runLogs"), m_tabs);
    m_tabs->addTab(m_result, tr("Result"));
    m_tabs->addTab(m_logs, tr("Logs"));
    m_steps = new RunStepsView(m_tabs);
    m_steps->setObjectName(QStringLiteral("runStepsView"));
    m_tabs->addTab(m_steps, tr("Steps"));
    layout->addWidget(m_tabs, 1);
    clear();
}

QLabel *RunResultView::addFigure(const QString &label, const QString &objectName, bool wide, QLabel *value)
{
    if (!value)
        value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    auto *name = new QLabel(label, this);
    name->setBuddy(value);
    if (wide && m_figureCount % 2 == 1)
        ++m_figureCount; // start a fresh row
    const int row = m_figureCount / 2;
    const int column = (m_figureCount % 2) * 2;
    m_figures->addWidget(name, row, column, Qt::AlignLeft | Qt::AlignTop);
    m_figures->addWidget(value, row, column + 1, 1, wide ? 3 : 1);
    m_figureCount += wide ? 2 : 1;
    return value;
}

void RunResultView::setHeading(const QString &heading)
{
    m_heading->setText(heading);
}

void RunResultView::clear()
{
    m_status->setText(tr("Not run yet"));
    m_error->clear();
    m_error->hide();
    m_sandbox->setError(false);
    for (QLabel *figure : {m_duration, m_start, m_memory, m_cpu, m_cost, m_storage, static_cast<QLabel *>(m_sandbox),
                           m_network, m_enforcement, m_activation}) {
        figure->setText(QStringLiteral("\u2014"));
        figure->setToolTip(QString());
    }
    m_result->clear();
    m_logs->clear();
    m_tabs->setTabText(1, tr("Logs"));
    m_steps->clear();
    showStepsTab(false);
    m_highlighted.clear();
    applyHighlights();
}

void RunResultView::showStepsTab(bool shown)
{
    const int index = m_tabs->indexOf(m_steps);
    m_tabs->setTabVisible(index, shown);
    if (shown)
        m_tabs->setCurrentIndex(index);
    else if (m_tabs->currentIndex() == index)
        m_tabs->setCurrentIndex(0);
}

void RunResultView::showRunning()
{
    clear();
    m_status->setText(tr("Running…"));
}

void RunResultView::showReport(const RunReport &report)
{
    const QString mark = report.success      ? QStringLiteral("\u2714 ")
                         : report.finished() ? QStringLiteral("\u2716 ")
                                             : QString();
    m_status->setText(mark + report.status);
    m_error->setText(report.errorMessage);
    m_error->setVisible(!report.errorMessage.isEmpty());
    m_duration->setText(report.durationText);
    m_start->setText(report.startText);
    m_memory->setText(report.memoryText);
    m_cpu->setText(report.cpuText);
    m_cost->setText(report.costText);
    m_cost->setToolTip(report.costDetail);
    m_storage->setText(report.storageText);
    // Unisolated is a warning: marked, and in the palette's error red.
    m_sandbox->setText(report.sandboxWarning ? QStringLiteral("\u26A0 ") + report.sandboxText : report.sandboxText);
    m_sandbox->setToolTip(report.sandboxNote);
    m_sandbox->setError(report.sandboxWarning);
    m_network->setText(report.networkText);
    m_enforcement->setText(report.enforcementText);
    m_enforcement->setToolTip(report.enforcementNote);
    m_activation->setText(report.activationId.isEmpty() ? QStringLiteral("\u2014") : report.activationId);
    m_result->setPlainText(report.resultText);
    m_logs->setPlainText(report.logs.join(QLatin1Char('\n')));
    m_tabs->setTabText(1, report.logs.isEmpty() ? tr("Logs") : tr("Logs (%1)").arg(report.logs.size()));
    m_steps->showSteps(report.steps, report.stepsSummary);
    m_tabs->setTabText(m_tabs->indexOf(m_steps), tr("Steps (%1)").arg(report.steps.size()));
    showStepsTab(!report.steps.isEmpty());
    m_highlighted.clear();
    applyHighlights();
}

void RunResultView::setHighlightedLines(const QList<int> &lines)
{
    m_highlighted = lines;
    applyHighlights();
}

void RunResultView::applyHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QColor background = CompareColors::differenceBackground(palette());
    for (const int line : std::as_const(m_highlighted)) {
        const QTextBlock block = m_result->document()->findBlockByNumber(line);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.format.setBackground(background);
        selection.format.setForeground(palette().color(QPalette::Text));
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
    }
    m_result->setExtraSelections(selections);
}

void RunResultView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyHighlights(); // the highlight follows a switch between light and dark
}

} // namespace funcdesk
