#include "history/schema.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

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

// The tables every version of the schema has had.
constexpr std::array<std::string_view, 3> kCoachTables = {"attempts", "steps", "meta"};

int stored_version(Database& db) {
  auto query = db.prepare("PRAGMA user_version");
  return query.step() ? static_cast<int>(query.integer(0)) : 0;
}

// The tables of the file, SQLite's own left out.
std::vector<std::string> table_names(Database& db) {
  auto query = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' "
      "ESCAPE '!' ORDER BY name");
  std::vector<std::string> names;
  while (query.step()) names.push_back(query.text(0));
  return names;
}

bool is_coach_table(std::string_view name) {
  return std::find(kCoachTables.begin(), kCoachTables.end(), name) != kCoachTables.end();
}

// Names for a message: a browser's database has dozens of tables.
std::string listed(const std::vector<std::string>& names) {
  constexpr std::size_t kMostListed = 5;
  std::string list;
  for (std::size_t i = 0; i < names.size() && i < kMostListed; ++i)
    list += (i == 0 ? "" : ", ") + utf8::quote(names[i]);
  return names.size() > kMostListed ? list + ", …" : list;
}

// "missing table steps" or "missing tables steps, meta": a message says what it counts.
std::string damaged_missing(std::string_view one, std::string_view many,
                            const std::vector<std::string>& missing) {
  return fmt::format(
      fmt::runtime(tr("记录库已损坏:缺少{} {}", "the history database is damaged: missing {} {}")),
      missing.size() == 1 ? one : many, listed(missing));
}

void refuse_newer(int version) {
  if (version <= schema_version()) return;
  throw std::runtime_error(fmt::format(
      fmt::runtime(tr("记录库的格式版本 {} 比本程序支持的 {} 新;请升级 coach",
                      "the history database has schema version {}, newer than the {} this "
                      "coach knows; upgrade coach")),
      version, schema_version()));
}

// Another program's database: taking it over would add our tables, set its user_version and
// switch it to WAL, which may break the program it is for. Coach writes its tables and their
// version in one transaction, so tables without a version are never coach's, nor are tables
// none of which is coach's.
void refuse_foreign(int version, const std::vector<std::string>& tables) {
  if (tables.empty()) return;
  if (version == 0) {
    throw std::runtime_error(fmt::format(
        fmt::runtime(tr("不是 coach 的记录库:其中已有表 {},却没有 coach 的格式版本;文件未作改动,"
                        "请用 --db 另选一个文件",
                        "not a coach history database: it holds tables ({}) but no coach schema "
                        "version; it was left unchanged, choose another file with --db")),
        listed(tables)));
  }
  if (std::any_of(tables.begin(), tables.end(), is_coach_table)) return;
  throw std::runtime_error(fmt::format(
      fmt::runtime(tr("不是 coach 的记录库:其中的表 {} 都不是 coach 的;文件未作改动,"
                      "请用 --db 另选一个文件",
                      "not a coach history database: none of its tables ({}) is coach's; it "
                      "was left unchanged, choose another file with --db")),
      listed(tables)));
}

// A version without all of our tables: the file was damaged (or edited) since coach wrote it.
void refuse_damaged(int version, const std::vector<std::string>& tables) {
  std::vector<std::string> missing;
  for (const auto name : kCoachTables) {
    if (std::find(tables.begin(), tables.end(), name) == tables.end()) missing.emplace_back(name);
  }
  if (version == 0 || missing.empty()) return;
  throw std::runtime_error(damaged_missing(tr("表", "table"), tr("表", "tables"), missing));
}

}  // namespace

int schema_version() {
  return static_cast<int>(kMigrations.size());
}

void refuse_unless_ours(Database& db) {
  // The version and the tables as of one moment: another coach may be creating both right now
  // (in one transaction), and a version read before its commit with tables read after would
  // call the file foreign. A version read again unchanged brackets the tables read between.
  int version = stored_version(db);
  std::vector<std::string> tables = table_names(db);
  for (int again = stored_version(db); again != version; again = stored_version(db)) {
    version = again;
    tables = table_names(db);
  }
  if (version < 0) {
    throw std::runtime_error(fmt::format(fmt::runtime(tr("记录库已损坏:格式版本 {} 无效",
                                                         "the history database is damaged: "
                                                         "schema version {} is not valid")),
                                         version));
  }
  refuse_foreign(version, tables);
  refuse_newer(version);
  refuse_damaged(version, tables);
}

void migrate(Database& db) {
  // Reading first keeps the common case (already current) free of the write lock.
  const int seen = stored_version(db);
  refuse_newer(seen);
  if (seen == schema_version()) return;
  db.write_transaction([&] {
    const int version = stored_version(db);  // another process may have migrated meanwhile
    refuse_newer(version);
    for (int next = version; next < schema_version(); ++next)
      db.execute(kMigrations[static_cast<std::size_t>(next)]);
    db.execute(fmt::format("PRAGMA user_version = {}", schema_version()).c_str());
  });
}

void refuse_unupgraded(Database& db) {
  if (stored_version(db) >= schema_version()) return;
  // With a log beside it, another coach is making or upgrading it at this moment.
  if (db.log_unread())
    throw SqliteError(SQLITE_BUSY,
                      std::string(tr("另一个程序正在建立或升级这个记录库;请稍后再运行",
                                     "another program is making or upgrading this history "
                                     "database at the moment; run the command again shortly")));
  throw std::runtime_error(std::string(
      tr("记录库是旧版 coach 写的(或还是空的),只读时无法升级;请把它复制到可写的文件夹再读",
         "the history database was written by an older coach (or is empty) and cannot be "
         "upgraded while read-only; copy it to a writable folder and read the copy")));
}

namespace {

// Each of coach's tables with its columns, as `table.column`.
std::vector<std::string> columns_of(Database& db) {
  std::vector<std::string> columns;
  for (const std::string_view table : kCoachTables) {
    auto query = db.prepare(fmt::format("PRAGMA table_info({})", table));
    while (query.step()) columns.push_back(fmt::format("{}.{}", table, query.text(1)));
  }
  return columns;
}

}  // namespace

void refuse_missing_columns(Database& db) {
  // What this version writes, read from its schema built afresh in memory, so the list can
  // never disagree with the migrations.
  static const std::vector<std::string> expected = [] {
    Database fresh(":memory:");
    migrate(fresh);
    return columns_of(fresh);
  }();
  const std::vector<std::string> found = columns_of(db);
  std::vector<std::string> missing;
  for (const std::string& column : expected) {
    if (std::find(found.begin(), found.end(), column) == found.end()) missing.push_back(column);
  }
  if (missing.empty()) return;
  throw std::runtime_error(damaged_missing(tr("列", "column"), tr("列", "columns"), missing));
}

}  // namespace coach::history
