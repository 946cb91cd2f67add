#include "ui/code/CodeBanner.h"

#include "ui/code/PaletteColors.h"

#include <QApplication>
#include <QBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace funcdesk {

CodeBanner::CodeBanner(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this)), m_progress(new QProgressBar(this)), m_buttons(new QHBoxLayout),
      m_close(new QPushButton(tr("×"), this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse); // server messages can be copied
    m_progress->setRange(0, 0);                                 // busy: the platform gives no percentage
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 12);
    m_progress->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_close->setObjectName(QStringLiteral("bannerCloseButton"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setFlat(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_progress);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close);
    connect(m_close, &QPushButton::clicked, this, &CodeBanner::dismiss);
    hide();
}

void CodeBanner::showMessage(Tone tone, const QString &text)
{
    clearButtons();
    m_tone = tone;
    m_text->setText(text);
    m_progress->setVisible(tone == Tone::Progress);
    m_close->setVisible(tone != Tone::Progress);
    applyTone();
    show();
}

QPushButton *CodeBanner::addButton(const QString &text, const QString &objectName, std::function<void()> onClick)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    connect(button, &QPushButton::clicked, this, [onClick = std::move(onClick)] { onClick(); });
    m_buttons->addWidget(button);
    return button;
}

void CodeBanner::dismiss()
{
    hide();
    m_text->clear();
    clearButtons();
}

void CodeBanner::clearButtons()
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        // Later, not now: the click that replaced the message may still be on this button's stack.
        item->widget()->hide();
        item->widget()->setObjectName(QString()); // findChild() must not find it meanwhile
        item->widget()->deleteLater();
        delete item;
    }
}

void CodeBanner::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

QString CodeBanner::text() const
{
    return m_text->text();
}

void CodeBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyTone();
}

void CodeBanner::applyTone()
{
    // Mixed from the application palette, not ours: ours is the tinted one set below.
    const QPalette base = QApplication::palette(this);
    const bool dark = codeui::isDark(base);
    QColor tint;
    switch (m_tone) {
    case Tone::Info:
    case Tone::Progress:
        tint = codeui::infoTint(dark);
        break;
    case Tone::Success:
        tint = codeui::addedTint(dark);
        break;
    case Tone::Warning:
        tint = codeui::warningTint(dark);
        break;
    case Tone::Error:
        tint = codeui::removedTint(dark);
        break;
    }
    QPalette pal = base;
    pal.setColor(QPalette::Window, codeui::mix(base.color(QPalette::Window), tint, dark ? 0.25 : 0.15));
    setPalette(pal);
}

} // namespace funcdesk
