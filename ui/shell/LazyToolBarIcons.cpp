#include "ui/shell/LazyToolBarIcons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPointer>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>

#include <atomic>

namespace funcdesk {

namespace {

std::atomic<int> g_decoded{0};

bool isExtensionArrow(QStyle::StandardPixmap which)
{
    return which == QStyle::SP_ToolBarHorizontalExtensionButton || which == QStyle::SP_ToolBarVerticalExtensionButton;
}

// The icon the base style would give, made on first use.
class LazyStandardIcon final : public QIconEngine
{
public:
    LazyStandardIcon(QStyle::StandardPixmap which, Qt::LayoutDirection direction, QProxyStyle *style)
        : m_which(which), m_direction(direction), m_style(style)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        real().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return real().pixmap(size, mode, state);
    }
    // `size` in device pixels (QIcon::pixmap multiplies before it calls this): back to logical ones.
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return real().pixmap(QSize(qRound(size.width() / scale), qRound(size.height() / scale)), scale, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return real().actualSize(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return real().availableSizes(mode, state);
    }
    bool isNull() override { return false; } // asked by size hints: no reason to decode
    QIconEngine *clone() const override { return new LazyStandardIcon(*this); }

private:
    const QIcon &real()
    {
        if (!m_made) {
            m_made = true;
            ++g_decoded;
            // The base style's icon (the arrow points the way the layout runs); a style set later
            // (ours gone) gives its own.
            QStyleOption option;
            option.direction = m_direction;
            m_real = m_style ? m_style->baseStyle()->standardIcon(m_which, &option)
                             : QApplication::style()->standardIcon(m_which, &option);
        }
        return m_real;
    }

    QStyle::StandardPixmap m_which;
    Qt::LayoutDirection m_direction;
    QPointer<QProxyStyle> m_style;
    bool m_made = false;
    QIcon m_real;
};

// The style the application has (the platform's default or -style), but for the toolbar
// extension arrows.
class LazyToolBarIconStyle final : public QProxyStyle
{
public:
    explicit LazyToolBarIconStyle(QStyle *base) : QProxyStyle(base) {}

    QIcon standardIcon(StandardPixmap which, const QStyleOption *option, const QWidget *widget) const override
    {
        if (isExtensionArrow(which)) // of the option, only its direction matters for these
            return QIcon(new LazyStandardIcon(which, option ? option->direction : QApplication::layoutDirection(),
                                              const_cast<LazyToolBarIconStyle *>(this)));
        return QProxyStyle::standardIcon(which, option, widget);
    }
};

} // namespace

void installLazyToolBarIcons()
{
    // A new instance of the same style as the base (the proxy owns its base; QApplication deletes
    // the style it had); QApplication owns the proxy.
    QApplication::setStyle(new LazyToolBarIconStyle(QStyleFactory::create(QApplication::style()->name())));
}

int lazyToolBarIconsDecoded()
{
    return g_decoded.load();
}

} // namespace funcdesk
