#include "ui/metrics/BudgetBar.h"

#include "models/metrics/ChartData.h"

#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>

namespace funcdesk {

BudgetBar::BudgetBar(QWidget *parent) : QWidget(parent)
{
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("budgetText"));
    m_text->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The bar is painted in the room above the text.
    layout->addSpacing(fontMetrics().height() * 2);
    layout->addWidget(m_text);
    setMonth(MonthCost(), 0.0, QStringLiteral("USD"));
}

void BudgetBar::setMonth(const MonthCost &month, double budget, const QString &currency)
{
    m_month = month;
    m_budget = budget;
    m_currency = currency;
    const QDate shown = month.month.isValid() ? month.month : QDate::currentDate();
    const QString monthName =
        QLocale().standaloneMonthName(shown.month()) + QLatin1Char(' ') + QString::number(shown.year());
    QString text =
        tr("%1: %2 to date, %3 projected at month end")
            .arg(monthName, ChartData::money(month.toDate, currency), ChartData::money(month.projected, currency));
    if (budget > 0.0) {
        text += QLatin1Char('\n');
        text += isOverBudget() ? tr("Over the budget of %1.").arg(ChartData::money(budget, currency))
                               : tr("Within the budget of %1.").arg(ChartData::money(budget, currency));
    } else {
        text += QLatin1Char('\n') + tr("No monthly budget set.");
    }
    m_text->setText(text);
    update();
}

QString BudgetBar::text() const
{
    return m_text->text();
}

QSize BudgetBar::sizeHint() const
{
    return QSize(320, fontMetrics().height() * 5);
}

void BudgetBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int barHeight = fontMetrics().height();
    const QRectF track(1, barHeight / 2, width() - 2, barHeight);
    const double scale = std::max({m_month.projected, m_budget, m_month.toDate}) * 1.1;
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(track);
    if (scale <= 0.0)
        return;
    const auto xOf = [&](double amount) { return track.left() + track.width() * amount / scale; };
    QColor cost = isOverBudget() ? QColor(0xd6, 0x45, 0x45) : palette().color(QPalette::Highlight);
    QColor projected = cost;
    projected.setAlpha(90);
    painter.setPen(Qt::NoPen);
    painter.setBrush(projected);
    painter.drawRect(QRectF(track.left(), track.top(), xOf(m_month.projected) - track.left(), track.height()));
    painter.setBrush(cost);
    painter.drawRect(QRectF(track.left(), track.top(), xOf(m_month.toDate) - track.left(), track.height()));
    if (m_budget > 0.0) {
        painter.setPen(QPen(palette().color(QPalette::WindowText), 2));
        const double x = xOf(m_budget);
        painter.drawLine(QPointF(x, track.top() - 3), QPointF(x, track.bottom() + 3));
    }
}

} // namespace funcdesk
