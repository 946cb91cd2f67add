#pragma once

#include <QJsonObject>
#include <QString>

namespace funcdesk {

// What the Object editor edits: the storage/changes feed's bucket, key prefix and suffix, and
// which events fire (an object stored, an object deleted).
class ObjectTriggerForm
{
public:
    QString bucket;
    QString prefix;
    QString suffix;
    bool onPut = true;
    bool onDelete = false;

    static ObjectTriggerForm fromFeedConfig(const QJsonObject &config);

    // Empty when the form can be sent, else what is wrong, in the UI language.
    QString validate() const;
    // "on put of uploads/*.csv in bucket data".
    QString preview() const;
    QJsonObject feedParams() const;
};

} // namespace funcdesk
