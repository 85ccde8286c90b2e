#pragma once

#include "error.h"

namespace fieldnotes {

class SqliteDatabase;

/// The schema version this build writes; a database with a higher PRAGMA user_version is refused.
constexpr int currentSchemaVersion = 1;

/// Brings the database up to currentSchemaVersion, one transaction per step.
Result<void> migrateSchema(SqliteDatabase &database);

} // namespace fieldnotes
