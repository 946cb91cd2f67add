#include "server/ApiMessages.h"

#include <QStringList>

namespace funcdesk::messages {

QString resourceDoesNotExist()
{
    return QStringLiteral("The requested resource does not exist.");
}

// akka-http's texts for its two kinds of rejected Basic credentials, which OpenWhisk passes on.
QString authenticationMissing()
{
    return QStringLiteral("The resource requires authentication, which was not supplied with the request");
}

QString authenticationInvalid()
{
    return QStringLiteral("The supplied authentication is invalid");
}

QString notAuthorizedToAccess(const QString &what)
{
    return QStringLiteral("The supplied authentication is not authorized to access '%1'.").arg(what);
}

QString requestTooLarge(qint64 size, qint64 allowed)
{
    return QStringLiteral("Request larger than allowed: %1 > %2 bytes.").arg(size).arg(allowed);
}

QString listLimitOutOfRange(QLatin1StringView collection, const QString &value, int max)
{
    return QStringLiteral("The value '%1' is not in the range of 0 to %2 for %3.").arg(value).arg(max).arg(collection);
}

QString listSkipOutOfRange(QLatin1StringView collection, const QString &value)
{
    return QStringLiteral("The value '%1' is not greater than or equal to 0 for %2.").arg(value, collection);
}

QString argumentNotInteger(QLatin1StringView collection, const QString &value)
{
    return QStringLiteral("The value '%1' is not an integer for %2.").arg(value, collection);
}

// akka-http's text for a query parameter its unmarshaller rejects.
QString queryParameterMalformed(const QString &name, const QString &value, const char *expected)
{
    return QStringLiteral("The query parameter '%1' was malformed: '%2' is not a valid %3 value")
        .arg(name, value, QLatin1StringView(expected));
}

QString invalidTimeout(int maxMs)
{
    return QStringLiteral("Timeout must be number of milliseconds up to %1.").arg(maxMs);
}

QString docsNotAllowedWithCount()
{
    return QStringLiteral("The parameter 'docs' is not permitted with 'count'.");
}

QString badNameFilter(const QString &value)
{
    return QStringLiteral("Parameter may be a 'simple' name or 'package-name/simple' name: %1").arg(value);
}

QString badEpoch(const QString &value)
{
    return QStringLiteral("Parameter is not a valid value for epoch seconds: %1").arg(value);
}

QString activationIdIllegal()
{
    return QStringLiteral("The activation id is not valid.");
}

QString activationIdLength(qsizetype length)
{
    return QStringLiteral("Activation id length is %1 but must be 32.").arg(length);
}

QString malformedContent(const QString &detail)
{
    return QStringLiteral("The request content was malformed:\n%1").arg(detail);
}

QString parametersNotAllowed()
{
    return QStringLiteral("Request defines parameters that are not allowed (e.g., reserved properties).");
}

QString methodNotAllowed()
{
    return QStringLiteral("HTTP method not allowed, supported methods: GET, PUT, POST, DELETE");
}

QString responseNotReady()
{
    return QStringLiteral("Response not yet ready.");
}

QString errorProcessingRequest()
{
    return QStringLiteral("There was an error processing your request.");
}

QString propertyNotFound()
{
    return QStringLiteral("Response does not include requested property.");
}

QString invalidMedia(QLatin1StringView mediaType)
{
    return QStringLiteral("Response is not valid '%1'.").arg(mediaType);
}

QString httpContentTypeError()
{
    return QStringLiteral("Response type in header did not match generated content type.");
}

QString invalidRuleState(const QString &value)
{
    return QStringLiteral("Rule status must be 'active' or 'inactive', not '%1'.").arg(value);
}

QString internalError()
{
    return QStringLiteral("There was an internal server error.");
}

QString malformedRequest()
{
    return QStringLiteral("The request is not a valid HTTP/1.1 request.");
}

QString routeMethodNotAllowed(const QString &method, const QStringList &allowed)
{
    return QStringLiteral("The method %1 is not allowed on this path; it accepts %2.")
        .arg(method, allowed.join(QStringLiteral(", ")));
}

} // namespace funcdesk::messages
