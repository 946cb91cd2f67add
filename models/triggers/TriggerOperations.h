#pragma once

#include "models/triggers/ObjectTriggerForm.h"
#include "models/triggers/RouteTriggerForm.h"
#include "models/triggers/TimerTriggerForm.h"

#include <QObject>
#include <QPointer>

namespace funcdesk {

class Platform;

// What the Triggers view does to the platform: create a trigger of each kind (with its feed, as
// wsk does) and the rule that runs a function on it, pause and resume (the feed's PAUSE and
// UNPAUSE; a trigger without a feed has its rules disabled and enabled), fire it now with a
// payload, delete it (the feed first, then the trigger and its rules). Each call reports once,
// with done() or failed(); a call made while another runs is refused with failed().
class TriggerOperations : public QObject
{
    Q_OBJECT

public:
    explicit TriggerOperations(QObject *parent = nullptr);

    void setPlatform(Platform *platform);
    Platform *platform() const { return m_platform; }
    bool isBusy() const { return m_busy; }

    // `function` empty: no rule. The rule is named "<trigger>-<function>".
    void createTimer(const QString &name, const TimerTriggerForm &form, const QString &function);
    void createObject(const QString &name, const ObjectTriggerForm &form, const QString &function);
    void createManual(const QString &name, const QString &function);
    // Makes `form.function` a web action when it is not one yet (routes answer with web actions).
    // Editing passes the route being replaced: it is deleted once the new one exists (when the
    // method, base path or path changed), so a failed create keeps the old route.
    void createRoute(const RouteTriggerForm &form, const std::optional<ApiRoute> &replacing = std::nullopt);
    // A feed trigger's new parameters (the feed's UPDATE).
    void updateFeed(const QString &name, const QString &feed, const QJsonObject &feedParams);
    // PAUSE / UNPAUSE with `feed`; without one, the rules are disabled / enabled.
    void setPaused(const QString &name, const QString &feed, const QStringList &rules, bool paused);
    // `payloadText` is a JSON object or empty.
    void fire(const QString &name, const QString &payloadText);
    void remove(const QString &name, const QStringList &rules);
    void removeRoute(const ApiRoute &route);

    // What the editors offer: the namespace's functions and buckets; choicesReady() once known
    // (a platform that stores no objects gives no buckets and says so in `bucketNote`).
    void loadChoices();

    static QString ruleName(const QString &trigger, const QString &function);

Q_SIGNALS:
    void choicesReady(const QStringList &functions, const QStringList &buckets, const QString &bucketNote);
    void busyChanged(bool busy);
    // `message` says what happened ("Trigger every10s created.").
    void done(const QString &message);
    void failed(const QString &message);

private:
    bool begin();
    void finish(const QString &message);
    void fail(const QString &message);
    void createFeedTrigger(const QString &name, const QString &feed, const QJsonObject &params,
                           const QString &function);
    void linkFunction(const QString &name, const QString &function, const QString &message);
    void removeRules(QStringList rules, const QString &message);

    QPointer<Platform> m_platform;
    bool m_busy = false;
};

} // namespace funcdesk
