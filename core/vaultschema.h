#pragma once

#include "error.h"

#include <QString>

namespace fieldnotes {

class SqliteDatabase;
struct SignedNote;

/// The schema version this build writes; a database with a higher PRAGMA user_version is refused.
constexpr int currentSchemaVersion = 12;

/// Brings the database up to targetVersion (normally the current one), one transaction per step.
Result<void> migrateSchema(SqliteDatabase &database, int targetVersion = currentSchemaVersion);

/// Adds a note the team leader collected to what the desk filters and searches (version 6); a
/// note already there is left as it is.
Result<void> indexCollectedNote(SqliteDatabase &database, const QString &reviewId, const SignedNote &note);

} // namespace fieldnotes
