#include "core/Platform.h"

namespace funcdesk {

QFuture<Result<QList<Action>>> Platform::actionVersions(QString name)
{
    Q_UNUSED(name)
    return QtFuture::makeReadyFuture(Result<QList<Action>>(PlatformError{
        PlatformError::Kind::Invalid, QStringLiteral("This platform keeps no version history of its actions.")}));
}

} // namespace funcdesk
