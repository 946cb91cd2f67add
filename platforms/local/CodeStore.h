#pragma once

#include "platforms/local/Database.h"

#include <QStringList>

namespace funcdesk {

// Action code kept once per content digest (SHA-256 of its UTF-8 bytes, hex) in the `code`
// table; the rows of `actions` and `action_versions` name it in `code_digest`, and their JSON
// documents carry no code. Twenty versions of one 50 MB action hold 50 MB, not 1 GB. The calls
// run inside the caller's transaction.
namespace CodeStore {

QString digestOf(const QString &code);
// Stores `code` unless that content is there already; returns its digest.
Result<QString> store(Database &db, const QString &code);
// Removes the code of these digests that no action row refers to any more.
std::optional<PlatformError> dropUnused(Database &db, const QStringList &digests);
// Migration: moves the code of every row that still holds it in its document to the store.
std::optional<PlatformError> moveCodeOutOfDocuments(Database &db);

} // namespace CodeStore

} // namespace funcdesk
