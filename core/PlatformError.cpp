#include "core/PlatformError.h"

namespace funcdesk {

int PlatformError::httpStatus() const
{
    switch (kind) {
    case Kind::Network:
        return 503;
    case Kind::Auth:
        return 401;
    case Kind::NotFound:
        return 404;
    case Kind::Conflict:
        return 409;
    case Kind::Invalid:
        return 400;
    case Kind::TooLarge:
        return 413;
    case Kind::Limit:
        return 429;
    case Kind::Timeout:
        return 504;
    case Kind::Server:
        return 500;
    }
    return 500;
}

QString PlatformError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Auth:
        return QStringLiteral("auth");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::Invalid:
        return QStringLiteral("invalid");
    case Kind::TooLarge:
        return QStringLiteral("too-large");
    case Kind::Limit:
        return QStringLiteral("limit");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Server:
        return QStringLiteral("server");
    }
    return QStringLiteral("server");
}

} // namespace funcdesk
