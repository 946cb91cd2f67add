#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace funcdesk {

// A saved test payload: a name and the JSON text exactly as the user typed it (even when it
// does not parse yet: nothing typed is lost).
struct SavedPayload
{
    QString name;
    QString text;

    friend bool operator==(const SavedPayload &, const SavedPayload &) = default;
};

// Saved payloads on disk, one file per connection and function:
// <baseDir>/<connection>/<function>.json (names percent-encoded), written atomically.
// Import and export use a portable file: a JSON array of {"name": ..., "payload": {...}}.
class PayloadStore
{
    Q_DECLARE_TR_FUNCTIONS(PayloadStore)

public:
    // An empty baseDir means QStandardPaths::AppDataLocation + "/payloads".
    explicit PayloadStore(QString baseDir = {});

    const QString &baseDir() const { return m_baseDir; }
    QString fileFor(const QString &connection, const QString &function) const;

    // No file yet is an empty list; an unreadable or corrupt file is an error.
    Result<QList<SavedPayload>> load(const QString &connection, const QString &function) const;
    Result<Done> save(const QString &connection, const QString &function, const QList<SavedPayload> &payloads) const;

    // The whole file is checked before anything is returned: a malformed file is an error that
    // says which entry and why.
    static Result<QList<SavedPayload>> importFile(const QString &path);
    // Payload texts that parse are written as JSON values, others as strings (kept verbatim).
    static Result<Done> exportFile(const QString &path, const QList<SavedPayload> &payloads);

private:
    QString m_baseDir;
};

} // namespace funcdesk
