#include "server/BasicAuth.h"

#include "server/ApiMessages.h"

namespace funcdesk {

Result<Identity> authenticateBasic(const LocalEngine &engine, const QByteArray &authorization)
{
    if (authorization.isEmpty())
        return PlatformError{PlatformError::Kind::Auth, messages::authenticationMissing()};
    const PlatformError invalid{PlatformError::Kind::Auth, messages::authenticationInvalid()};
    constexpr QByteArrayView scheme("Basic ");
    if (authorization.size() <= scheme.size() ||
        qstrnicmp(authorization.constData(), scheme.data(), scheme.size()) != 0)
        return invalid;
    const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(scheme.size()).trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid;
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon <= 0)
        return invalid;
    auto identity = engine.authenticate(QString::fromUtf8(decoded.decoded.left(colon)),
                                        QString::fromUtf8(decoded.decoded.mid(colon + 1)));
    if (!identity)
        return invalid; // the same text whatever was wrong, as OpenWhisk
    return identity;
}

} // namespace funcdesk
