#pragma once

#include <QString>

class QCoreApplication;

namespace funcdesk {

// Installs Funcdesk's and Qt's own translations for `localeName` (e.g. "zh_CN"), or for the
// system locale when it is empty. English needs none. Replaces those an earlier call installed.
void installTranslations(QCoreApplication &app, const QString &localeName = {});

} // namespace funcdesk
