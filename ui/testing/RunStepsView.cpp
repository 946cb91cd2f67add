#include "ui/testing/RunStepsView.h"

#include "ui/code/PaletteColors.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace funcdesk {

RunStepsView::RunStepsView(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("runStepsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("runSteps"));
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setHeaderLabels({tr("#"), tr("Component"), tr("Status"), tr("Duration"), tr("Result")});
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(4, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
}

void RunStepsView::clear()
{
    m_summary->clear();
    m_tree->clear();
}

void RunStepsView::showSteps(const QList<RunStep> &steps, const QString &summary)
{
    clear();
    m_summary->setText(summary);
    const QColor red = codeui::isDark(palette()) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    for (const RunStep &step : steps) {
        QString status = step.status;
        if (step.ran)
            status = (step.success ? QStringLiteral("\u2714 ") : QStringLiteral("\u2716 ")) + status;
        if (step.firstFailure)
            status = tr("%1 \u2014 stopped the chain").arg(status);
        auto *item = new QTreeWidgetItem(
            m_tree, {QString::number(step.number), step.component, status, step.durationText, step.resultLine});
        item->setToolTip(1, step.activationId.isEmpty()
                                ? step.component
                                : tr("%1\nActivation %2").arg(step.component, step.activationId));
        item->setToolTip(4, step.errorMessage.isEmpty() ? step.resultText : step.errorMessage);
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        if (step.firstFailure || (step.ran && !step.success)) {
            for (int column = 0; column < m_tree->columnCount(); ++column)
                item->setForeground(column, red);
        }
        if (!step.ran) {
            for (int column = 0; column < m_tree->columnCount(); ++column)
                item->setForeground(column, palette().color(QPalette::Disabled, QPalette::Text));
        }
    }
}

} // namespace funcdesk
