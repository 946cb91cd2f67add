#include "models/connections/ConnectionProfile.h"

#include <QCoreApplication>
#include <QUuid>

namespace funcdesk {

QString ConnectionProfile::localId()
{
    return QStringLiteral("local");
}

ConnectionProfile ConnectionProfile::local()
{
    ConnectionProfile profile;
    profile.id = localId();
    profile.name = QCoreApplication::translate("funcdesk::ConnectionProfile", "Local");
    profile.kind = Kind::Local;
    return profile;
}

ConnectionProfile ConnectionProfile::newRemote()
{
    ConnectionProfile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return profile;
}

} // namespace funcdesk
