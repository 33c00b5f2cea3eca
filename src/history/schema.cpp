#include "history/schema.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

#include "util/i18n.hpp"

namespace coach::history {
namespace {

// kMigrations[i] takes the database from version i to version i + 1. Never edit one that has
// been released: add the next.
constexpr std::array kMigrations = {
    // 1: practice sessions and gradings, a row per step, and facts about the database itself.
    R"sql(
CREATE TABLE attempts (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('practice', 'grade')),
  trainee         TEXT NOT NULL,
  scenario        TEXT NOT NULL,
  scenario_sha256 TEXT,
  exam            TEXT,
  started_at      TEXT NOT NULL,
  finished_at     TEXT,
  source_file     TEXT,
  score           REAL NOT NULL,
  passed          INTEGER NOT NULL,
  walked_out      INTEGER NOT NULL,
  import_key      TEXT UNIQUE
);
CREATE INDEX attempts_by_trainee ON attempts (trainee, started_at);
CREATE TABLE steps (
  attempt_id      INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  step            TEXT NOT NULL,
  stage           TEXT NOT NULL,
  answered        INTEGER NOT NULL,
  score           INTEGER NOT NULL,
  max             INTEGER NOT NULL,
  passed          INTEGER NOT NULL,
  critical_failed INTEGER NOT NULL,
  reply           TEXT NOT NULL,
  seconds         REAL,
  PRIMARY KEY (attempt_id, position)
) WITHOUT ROWID;
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql",
};

int stored_version(Database& db) {
  auto query = db.prepare("PRAGMA user_version");
  return query.step() ? static_cast<int>(query.integer(0)) : 0;
}

void refuse_newer(Database& db, int version) {
  if (version <= schema_version()) return;
  throw std::runtime_error(fmt::format(
      fmt::runtime(tr("{}: 记录库的格式版本 {} 比本程序支持的 {} 新;请升级 coach",
                      "{}: the history database has schema version {}, newer than the {} this "
                      "coach knows; upgrade coach")),
      db.path(), version, schema_version()));
}

}  // namespace

int schema_version() {
  return static_cast<int>(kMigrations.size());
}

void migrate(Database& db) {
  // Reading first keeps the common case (already current) free of the write lock.
  const int seen = stored_version(db);
  refuse_newer(db, seen);
  if (seen == schema_version()) return;
  db.write_transaction([&] {
    const int version = stored_version(db);  // another process may have migrated meanwhile
    refuse_newer(db, version);
    for (int next = version; next < schema_version(); ++next)
      db.execute(kMigrations[static_cast<std::size_t>(next)]);
    db.execute(fmt::format("PRAGMA user_version = {}", schema_version()).c_str());
  });
}

}  // namespace coach::history
