#include "ui/metrics/RangeBar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace funcdesk {

RangeBar::RangeBar(QWidget *parent) : QWidget(parent)
{
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("metricsRange"));
    for (MetricsRange range : MetricsRanges::all())
        m_range->addItem(MetricsRanges::name(range), int(range));
    const QDateTime now = QDateTime::currentDateTime();
    m_from = new QDateTimeEdit(now.addDays(-1), this);
    m_from->setObjectName(QStringLiteral("metricsFrom"));
    m_from->setCalendarPopup(true);
    m_to = new QDateTimeEdit(now, this);
    m_to->setObjectName(QStringLiteral("metricsTo"));
    m_to->setCalendarPopup(true);
    m_from->setVisible(false);
    m_to->setVisible(false);
    m_coverage = new QLabel(this);
    m_coverage->setObjectName(QStringLiteral("metricsCoverage"));
    m_coverage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportCsv"));
    m_extras = new QHBoxLayout;

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    rangeLabel->setBuddy(m_range);
    top->addWidget(rangeLabel);
    top->addWidget(m_range);
    top->addWidget(m_from);
    top->addWidget(m_to);
    top->addWidget(m_coverage, 1);
    top->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(m_extras);

    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = range() == MetricsRange::Custom;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        emitRange();
    });
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this] {
            if (range() == MetricsRange::Custom)
                emitRange();
        });
    }
    connect(m_export, &QPushButton::clicked, this, &RangeBar::exportCsvRequested);
}

void RangeBar::setRange(MetricsRange range)
{
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

MetricsRange RangeBar::range() const
{
    return static_cast<MetricsRange>(m_range->currentData().toInt());
}

TimeSpan RangeBar::customSpan() const
{
    return TimeSpan{m_from->dateTime().toMSecsSinceEpoch(), m_to->dateTime().toMSecsSinceEpoch()};
}

void RangeBar::setCustomSpan(TimeSpan span)
{
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(span.fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(span.toMs));
}

void RangeBar::setCoverage(const QString &text)
{
    m_coverage->setText(text);
}

QString RangeBar::coverage() const
{
    return m_coverage->text();
}

void RangeBar::emitRange()
{
    const TimeSpan custom = customSpan();
    // A custom range that ends before it starts shows nothing until it is fixed; say so.
    if (range() == MetricsRange::Custom && !custom.isValid()) {
        m_coverage->setText(tr("The range ends before it starts."));
        return;
    }
    Q_EMIT rangeChanged(range(), custom);
}

} // namespace funcdesk
