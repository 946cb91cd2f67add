#include "ui/shell/WindowGeometry.h"

#include <algorithm>

namespace funcdesk {

QSize WindowGeometry::room(const QRect &available)
{
    return available.marginsRemoved(kFrame).size().expandedTo(QSize(1, 1));
}

QRect WindowGeometry::firstWindow(const QRect &available, const QSize &minimum)
{
    const QSize size = (available.size() * kFirstWindowShare)
                           .boundedTo(kLargestFirstWindow)
                           .expandedTo(minimum)
                           .boundedTo(room(available));
    QRect client(QPoint(0, 0), size);
    client.moveCenter(available.marginsRemoved(kFrame).center());
    return client;
}

QRect WindowGeometry::clamped(const QRect &restored, const QRect &available)
{
    const QRect inner = available.marginsRemoved(kFrame);
    QRect client(restored.topLeft(), restored.size().boundedTo(room(available)));
    client.moveLeft(
        std::clamp(client.left(), inner.left(), std::max(inner.left(), inner.right() - client.width() + 1)));
    client.moveTop(std::clamp(client.top(), inner.top(), std::max(inner.top(), inner.bottom() - client.height() + 1)));
    return client;
}

} // namespace funcdesk
