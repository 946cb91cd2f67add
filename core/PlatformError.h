#pragma once

#include <QString>

namespace funcdesk {

// A failure anywhere below the UI, typed so callers can react by kind and show the message as is.
// Messages follow OpenWhisk's texts where OpenWhisk has one.
struct PlatformError
{
    enum class Kind {
        Network,  // could not reach the platform
        Auth,     // 401 / 403
        NotFound, // 404
        Conflict, // 409
        Invalid,  // 400: bad input, limits out of range, unknown kind
        TooLarge, // 413: payload or entity larger than allowed
        Limit,    // 429: too many requests / concurrent activations
        Timeout,  // the platform did not answer in time
        Server,   // 5xx or a broken answer
    };

    Kind kind = Kind::Server;
    QString message;

    // The HTTP status OpenWhisk answers with for this kind of failure.
    int httpStatus() const;
    static QString kindName(Kind kind);
};

} // namespace funcdesk
