#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace funcdesk {

// Funcdesk's object storage (an extension to OpenWhisk, shaped after S3's object API): buckets
// of a namespace, holding objects by key. Keys may contain '/'; a listing with a delimiter
// folds keys below the next delimiter into `prefixes`, as S3's CommonPrefixes.
struct Bucket
{
    QString name;
    qint64 created = 0; // epoch ms
    friend bool operator==(const Bucket &, const Bucket &) = default;
};

struct ObjectInfo
{
    QString key;
    qint64 size = 0;
    QString etag;        // the content's MD5 in hex, as S3 gives for a single-part upload
    qint64 modified = 0; // epoch ms
    QString contentType;
    friend bool operator==(const ObjectInfo &, const ObjectInfo &) = default;
};

struct ObjectQuery
{
    QString prefix;
    QString delimiter; // empty: no folding
    int limit = 200;   // 1-1000
    int skip = 0;
};

struct ObjectListing
{
    QList<ObjectInfo> objects;
    QStringList prefixes; // with `delimiter`: the "folders" directly below `prefix`
};

} // namespace funcdesk
