#pragma once
// The history's tables, versioned with SQLite's `PRAGMA user_version`: each migration takes the
// database from one version to the next, so a database written by an older coach is upgraded
// in place and one written by a newer coach is refused rather than misread.
#include "history/sqlite.hpp"

namespace coach::history {

// The version this coach writes.
int schema_version();

// Throws std::runtime_error, before anything is written to it, for a database coach cannot
// take: another program's (tables, none of coach's), a damaged one (a schema version below 0,
// coach's tables without a version or a version without them) or one from a newer coach.
// It only reads: a refused file is left exactly as it was.
void refuse_unless_ours(Database& db);

// Brings the database to schema_version(), inside one write transaction (so several processes
// opening a new database at once create the tables once). Throws SqliteError, or
// std::runtime_error for a database from a newer coach.
void migrate(Database& db);

// Throws std::runtime_error for a database below schema_version() (an older coach's, or an
// empty file), which a read-only connection cannot upgrade.
void refuse_unupgraded(Database& db);

// Throws std::runtime_error naming what is missing when a table of a current database lacks a
// column this version writes (the file was edited or damaged): refused as damaged, not written
// to again and again.
void refuse_missing_columns(Database& db);

}  // namespace coach::history
