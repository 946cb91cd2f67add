#pragma once

#include <QString>

namespace funcdesk {

// OpenWhisk's activation status codes and their `response.status` texts.
enum class ActivationStatus {
    Success = 0,
    ApplicationError = 1,
    DeveloperError = 2,
    InternalError = 3,
};

QString statusText(ActivationStatus status);
// Unknown texts map to InternalError.
ActivationStatus statusFromText(const QString &text);

} // namespace funcdesk
