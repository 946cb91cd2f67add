#include "models/connections/WebActionAddress.h"

#include "models/connections/ConnectionProfile.h"
#include "platforms/openwhisk/OpenWhiskConfig.h"
#include "platforms/openwhisk/OpenWhiskUrls.h"

namespace funcdesk {

WebActionAddress::WebActionAddress(const QString &baseUrl)
{
    OpenWhiskConfig config;
    config.apiHost = baseUrl;
    m_root = config.rootUrl();
}

WebActionAddress WebActionAddress::of(const ConnectionProfile &profile, const QString &localBaseUrl)
{
    return WebActionAddress(profile.isLocal() ? localBaseUrl : profile.apiHost);
}

QString WebActionAddress::url(const QString &ns, const QString &actionName) const
{
    if (!m_root.isValid() || actionName.isEmpty())
        return {};
    return QString::fromUtf8(OpenWhiskUrls(m_root, ns).webAction(actionName).toEncoded());
}

QString WebActionAddress::root() const
{
    if (!m_root.isValid())
        return {};
    QString text = QString::fromUtf8(m_root.toEncoded());
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}

} // namespace funcdesk
