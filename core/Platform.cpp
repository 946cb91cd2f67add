#include "core/Platform.h"

#include "core/FutureCallback.h"

namespace funcdesk {

QFuture<Result<QList<Action>>> Platform::actionVersions(QString name)
{
    Q_UNUSED(name)
    return readyResult<QList<Action>>(PlatformError{
        PlatformError::Kind::Invalid, QStringLiteral("This platform keeps no version history of its actions.")});
}

} // namespace funcdesk
