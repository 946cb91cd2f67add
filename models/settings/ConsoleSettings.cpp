#include "models/settings/ConsoleSettings.h"

namespace funcdesk {

const Setting<QByteArray> &ConsoleSettings::windowGeometry()
{
    static const Setting<QByteArray> setting(QStringLiteral("window/geometry"), {});
    return setting;
}

const Setting<QByteArray> &ConsoleSettings::windowState()
{
    static const Setting<QByteArray> setting(QStringLiteral("window/state"), {});
    return setting;
}

const Setting<QString> &ConsoleSettings::language()
{
    static const Setting<QString> setting(QStringLiteral("console/language"), {});
    return setting;
}

const Setting<QString> &ConsoleSettings::currentConnection()
{
    static const Setting<QString> setting(QStringLiteral("connections/current"), QStringLiteral("local"));
    return setting;
}

Setting<QByteArray> ConsoleSettings::viewState(const QString &name)
{
    return Setting<QByteArray>(QStringLiteral("views/") + name, {});
}

} // namespace funcdesk
