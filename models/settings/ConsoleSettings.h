#pragma once

#include <QSettings>
#include <QVariant>

namespace funcdesk {

// One typed console setting: the key is written once, the type checked by the compiler.
// Never holds secrets (auth keys go to the keychain, see models/connections).
template <typename T> class Setting
{
public:
    Setting(QString key, T defaultValue) : m_key(std::move(key)), m_default(std::move(defaultValue)) {}

    T get(const QSettings &settings) const
    {
        return settings.value(m_key, QVariant::fromValue(m_default)).template value<T>();
    }
    void set(QSettings &settings, const T &value) const { settings.setValue(m_key, QVariant::fromValue(value)); }
    const QString &key() const { return m_key; }

private:
    QString m_key;
    T m_default;
};

// The console's settings (QSettings: the user's config folder). Window geometry and splitter
// states, the chosen language, the last used connection.
struct ConsoleSettings
{
    static const Setting<QByteArray> &windowGeometry();
    static const Setting<QByteArray> &windowState();
    // "" follows the system locale; "en" or "zh_CN" overrides it.
    static const Setting<QString> &language();
    static const Setting<QString> &currentConnection();
    // Splitter and header states by the widget's object name.
    static Setting<QByteArray> viewState(const QString &name);
};

} // namespace funcdesk
