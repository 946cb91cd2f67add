#include "core/ActivationId.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace funcdesk {

QString newActivationId()
{
    static constexpr char kHex[] = "0123456789abcdef";
    char text[32];
    quint64 time = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    for (int i = 11; i >= 0; --i, time >>= 4)
        text[i] = kHex[time & 0xf];
    quint64 random[2];
    QRandomGenerator::global()->fillRange(random);
    for (int i = 0; i < 20; ++i)
        text[12 + i] = kHex[(random[i / 16] >> ((i % 16) * 4)) & 0xf];
    return QString::fromLatin1(text, 32);
}

} // namespace funcdesk
