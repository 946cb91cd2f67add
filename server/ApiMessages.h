#pragma once

#include <QString>

namespace funcdesk::messages {

// OpenWhisk's error texts (common/.../http/ErrorResponse.scala `Messages`), so clients that match
// on them (wsk, the JS client, Funcdesk's own OpenWhiskPlatform) behave as they do against
// OpenWhisk. Texts only the local server has are marked as such.

QString resourceDoesNotExist();
QString authenticationMissing();
QString authenticationInvalid();
QString notAuthorizedToAccess(const QString &what);
QString requestTooLarge(qint64 size, qint64 allowed);
QString listLimitOutOfRange(QLatin1StringView collection, const QString &value, int max);
QString listSkipOutOfRange(QLatin1StringView collection, const QString &value);
QString argumentNotInteger(QLatin1StringView collection, const QString &value);
QString queryParameterMalformed(const QString &name, const QString &value, const char *expected);
QString invalidTimeout(int maxMs);
QString docsNotAllowedWithCount();
QString badNameFilter(const QString &value);
QString badEpoch(const QString &value);
QString activationIdIllegal();
QString activationIdLength(qsizetype length);
QString malformedContent(const QString &detail);
QString parametersNotAllowed();
QString methodNotAllowed();
QString responseNotReady();
QString errorProcessingRequest();
QString propertyNotFound();
QString invalidMedia(QLatin1StringView mediaType);
QString httpContentTypeError();
QString invalidRuleState(const QString &value); // local text
QString internalError();
QString malformedRequest(); // local text: bytes that are not an HTTP/1.x request
QString routeMethodNotAllowed(const QString &method, const QStringList &allowed); // local text

} // namespace funcdesk::messages
