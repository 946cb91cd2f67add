#include "core/ActivationStatus.h"

namespace funcdesk {

QString statusText(ActivationStatus status)
{
    switch (status) {
    case ActivationStatus::Success:
        return QStringLiteral("success");
    case ActivationStatus::ApplicationError:
        return QStringLiteral("application error");
    case ActivationStatus::DeveloperError:
        return QStringLiteral("action developer error");
    case ActivationStatus::InternalError:
        return QStringLiteral("whisk internal error");
    }
    return QStringLiteral("whisk internal error");
}

ActivationStatus statusFromText(const QString &text)
{
    for (auto status :
         {ActivationStatus::Success, ActivationStatus::ApplicationError, ActivationStatus::DeveloperError}) {
        if (text == statusText(status))
            return status;
    }
    return ActivationStatus::InternalError;
}

} // namespace funcdesk
