#pragma once

#include "error.h"

namespace fieldnotes {

class SqliteDatabase;

/// The schema version this build writes; a database with a higher PRAGMA user_version is refused.
constexpr int currentSchemaVersion = 5;

/// Brings the database up to targetVersion (normally the current one), one transaction per step.
Result<void> migrateSchema(SqliteDatabase &database, int targetVersion = currentSchemaVersion);

} // namespace fieldnotes
