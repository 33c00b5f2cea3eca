#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <thread>

#include "history/history_csv.hpp"
#include "history/history_store.hpp"
#include "history/progress_chart.hpp"
#include "history/schema.hpp"
#include "history/timestamps.hpp"
#include "temp_folder.hpp"
#include "util/display_width.hpp"
#include "util/i18n.hpp"

using namespace coach;
using namespace coach::history;
namespace fs = std::filesystem;

namespace {

// A database file in a directory of its own, removed at the end of the test.
struct TempDatabase {
  test::TempFolder folder;
  const fs::path& dir = folder.dir;
  std::string path = (dir / "history.sqlite3").string();
};

StepRecord step(const std::string& id, Stage stage, int score, int max, bool answered = true) {
  StepRecord row;
  row.step_id = id;
  row.stage = stage;
  row.answered = answered;
  row.score = score;
  row.max = max;
  row.passed = answered && score * 10 >= max * 7;
  row.reply = answered ? "reply to " + id : "";
  return row;
}

AttemptRecord attempt(const std::string& trainee, const std::string& scenario,
                      const std::string& started, AttemptKind kind = AttemptKind::practice) {
  AttemptRecord record;
  record.kind = kind;
  record.trainee = trainee;
  record.scenario_id = scenario;
  record.started_at = started;
  record.finished_at = started;
  record.steps = {step("vent", Stage::vent, 10, 10), step("sorry", Stage::apologize, 5, 10)};
  record.score = 75;
  record.passed = true;
  return record;
}

std::vector<AttemptSummary> summaries(HistoryStore& store, const HistoryFilter& filter = {}) {
  std::vector<AttemptSummary> found;
  store.for_each_attempt(filter, [&](const AttemptSummary& a) { found.push_back(a); });
  return found;
}

}  // namespace

TEST_CASE("a new history database has the current schema, in WAL mode") {
  TempDatabase temp;
  { HistoryStore store(temp.path); }
  Database db(temp.path);
  auto version = db.prepare("PRAGMA user_version");
  REQUIRE(version.step());
  CHECK(version.integer(0) == schema_version());
  auto mode = db.prepare("PRAGMA journal_mode");
  REQUIRE(mode.step());
  CHECK(mode.text(0) == "wal");
  HistoryStore again(temp.path);  // opening a current database changes nothing
  CHECK(summaries(again).empty());
}

TEST_CASE("a database from a newer coach is refused, not misread") {
  TempDatabase temp;
  {
    Database db(temp.path);
    db.execute("PRAGMA user_version = 99");
  }
  CHECK_THROWS_WITH_AS(HistoryStore(temp.path), doctest::Contains("99"), std::runtime_error);
}

namespace {
// The file's user_version, journal mode and tables, as another program would see them.
std::string shape_of(const std::string& path) {
  Database db(path);
  std::string shape;
  for (const char* sql : {"PRAGMA user_version", "PRAGMA journal_mode",
                          "SELECT name FROM sqlite_master ORDER BY name"}) {
    auto query = db.prepare(sql);
    while (query.step()) shape += query.text(0) + " ";
  }
  return shape;
}
}  // namespace

TEST_CASE("another program's database is refused and left exactly as it was") {
  TempDatabase temp;
  {
    Database db(temp.path);
    db.execute("CREATE TABLE moz_places (id, url); INSERT INTO moz_places VALUES (1, 'x');");
  }
  const std::string before = shape_of(temp.path);
  CHECK_THROWS_WITH_AS(HistoryStore(temp.path),
                       "不是 coach 的记录库:其中已有表 moz_places,却没有 coach 的格式版本;"
                       "文件未作改动,请用 --db 另选一个文件",
                       std::runtime_error);
  CHECK(shape_of(temp.path) == before);
  CHECK(before == "0 delete moz_places ");
  // Another program may number its own schema with user_version too.
  {
    Database db(temp.path);
    db.execute("PRAGMA user_version = 1");
  }
  CHECK_THROWS_WITH_AS(HistoryStore(temp.path), doctest::Contains("都不是 coach 的"),
                       std::runtime_error);
}

TEST_CASE("a damaged history database says what is wrong with it") {
  TempDatabase missing;
  {
    Database db(missing.path);
    db.execute("PRAGMA user_version = 1; CREATE TABLE attempts (x);");
  }
  CHECK_THROWS_WITH_AS(HistoryStore(missing.path), "记录库已损坏:缺少表 steps, meta",
                       std::runtime_error);
  TempDatabase negative;
  {
    Database db(negative.path);
    db.execute("PRAGMA user_version = -5");
  }
  CHECK_THROWS_WITH_AS(HistoryStore(negative.path), "记录库已损坏:格式版本 -5 无效",
                       std::runtime_error);
  TempDatabase unversioned;
  {
    HistoryStore store(unversioned.path);
    Database db(unversioned.path);
    db.execute("PRAGMA user_version = 0");
  }
  CHECK_THROWS_WITH_AS(HistoryStore(unversioned.path), doctest::Contains("却没有 coach 的格式版本"),
                       std::runtime_error);
}

TEST_CASE("a database path that is not a regular file is refused before SQLite touches it") {
  TempDatabase temp;
  const Language before = language();
  set_language(Language::en);
  REQUIRE(::mkfifo(temp.path.c_str(), 0600) == 0);  // as /dev/null: SQLite made a journal
  CHECK_THROWS_WITH_AS(HistoryStore(temp.path), "a FIFO, not a regular file", SqliteError);
  const fs::path folder = temp.dir / "folder.sqlite3";
  fs::create_directory(folder);
  CHECK_THROWS_WITH_AS(HistoryStore(folder.string()), "a directory, not a regular file",
                       SqliteError);
  set_language(before);
  CHECK(std::distance(fs::directory_iterator(temp.dir), fs::directory_iterator()) == 2);
}

TEST_CASE("a database read as it stands that changes under the reader is not called damaged") {
  // Read by a user who may not write it, a database is opened immutable (nothing is made beside
  // it); a writer's checkpoint at that moment can make its pages read inconsistently.
  TempDatabase temp;
  {
    Database db(temp.path);
    db.execute(
        "PRAGMA page_size = 1024; CREATE TABLE t (x); INSERT INTO t VALUES (zeroblob(4000));");
  }
  REQUIRE_FALSE(fs::exists(temp.path + "-wal"));
  Database reader(temp.path, Database::Access::read_only);
  Statement count = reader.prepare("SELECT length(x) FROM t");
  {
    std::FILE* file = std::fopen(temp.path.c_str(), "r+b");
    REQUIRE(file);
    std::fseek(file, 1024, SEEK_SET);  // the table's page, overwritten as by a checkpoint
    for (int i = 0; i < 4096; ++i) std::fputc(0xff, file);
    std::fclose(file);
  }
  const Language before = language();
  set_language(Language::en);
  try {
    count.step();
    FAIL("a page of garbage read as a table");
  } catch (const SqliteError& error) {
    CHECK_FALSE(error.damaged());
    CHECK(std::string(error.what()).starts_with("the database read inconsistently"));
  }
  set_language(before);
  CHECK(std::distance(fs::directory_iterator(temp.dir), fs::directory_iterator()) == 1);
}

TEST_CASE("a database read as it stands knows whether its file changed since it was opened") {
  // A writer's checkpoint during such a read can mix two states of the file without SQLite
  // noticing (outside pass 51, finding 2): `history` reads again when the file has changed.
  TempDatabase temp;
  { HistoryStore store(temp.path); }
  HistoryStore reader(temp.path, HistoryStore::ReadOnly{});
  CHECK(reader.unchanged_since_open());
  CHECK_FALSE(reader.log_unread());
  { HistoryStore writer(temp.path); }  // opening for writing checkpoints: the file is written
  std::FILE* file = std::fopen(temp.path.c_str(), "ab");
  REQUIRE(file);
  std::fputc(0, file);
  std::fclose(file);
  CHECK_FALSE(reader.unchanged_since_open());
  CHECK(HistoryStore(temp.path).unchanged_since_open());  // a writer takes part in the locking
}

TEST_CASE("attempts and their steps are written and read back") {
  TempDatabase temp;
  HistoryStore store(temp.path);
  AttemptRecord written = attempt("张三", "fee", "2024-05-01T08:00:00Z", AttemptKind::grade);
  written.scenario_sha256 = "abc";
  written.exam_id = "basic";
  written.source_file = "/subs/张三.yaml";
  written.steps[0].seconds = 12.5;
  written.steps[1].reply = "对不起, \"引号\"";
  const auto id = store.add(written);
  CHECK(id > 0);

  std::vector<std::pair<AttemptRecord, StepRecord>> read;
  store.for_each_step({}, [&](const AttemptRecord& a, const StepRecord& s) {
    read.push_back({a, s});
  });
  REQUIRE(read.size() == 2);
  CHECK(read[0].first.id == id);
  CHECK(read[0].first.kind == AttemptKind::grade);
  CHECK(read[0].first.trainee == "张三");
  CHECK(read[0].first.exam_id == "basic");
  CHECK(read[0].first.scenario_sha256 == "abc");
  CHECK(read[0].first.source_file == "/subs/张三.yaml");
  CHECK(read[0].second.step_id == "vent");
  CHECK(read[0].second.seconds == 12.5);
  CHECK(read[1].second.stage == Stage::apologize);
  CHECK(read[1].second.reply == "对不起, \"引号\"");
  CHECK_FALSE(read[1].second.seconds);
}

TEST_CASE("a practice session is rewritten after each reply") {
  TempDatabase temp;
  HistoryStore store(temp.path);
  AttemptRecord session = attempt("", "fee", "2024-05-01T08:00:00Z");
  session.finished_at.clear();
  session.steps = {step("vent", Stage::vent, 2, 10), step("sorry", Stage::apologize, 0, 10, false)};
  session.id = store.save_sessions({session}).at(0);
  session.steps[0] = step("vent", Stage::vent, 10, 10);  // a /retry replaced the reply
  session.steps[1] = step("sorry", Stage::apologize, 10, 10);
  session.finished_at = "2024-05-01T08:05:00Z";
  CHECK(store.save_sessions({session}) == std::vector<std::int64_t>{session.id});
  const auto found = summaries(store);
  REQUIRE(found.size() == 1);
  CHECK(found[0].stage_scores.at(Stage::vent) == doctest::Approx(1.0));
  int steps = 0;
  store.for_each_step({}, [&](const AttemptRecord& a, const StepRecord&) {
    CHECK(a.finished_at == "2024-05-01T08:05:00Z");
    ++steps;
  });
  CHECK(steps == 2);
}

TEST_CASE("sessions a failed write left behind are written with the current one") {
  TempDatabase temp;
  HistoryStore store(temp.path);
  AttemptRecord first = attempt("Kim", "fee", "2024-05-01T08:00:00Z");
  first.finished_at.clear();
  first.steps[1] = step("sorry", Stage::apologize, 0, 10, false);
  first.id = store.save_sessions({first}).at(0);
  CHECK(first.id > 0);
  // The write of first's last reply failed; the next session's reply brings it along.
  first.steps[1] = step("sorry", Stage::apologize, 10, 10);
  first.finished_at = "2024-05-01T08:05:00Z";
  const AttemptRecord second = attempt("Kim", "hurry", "2024-05-01T08:06:00Z");
  const auto ids = store.save_sessions({first, second});
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] == first.id);
  CHECK(ids[1] > first.id);
  std::map<std::string, int> answered;
  store.for_each_step({}, [&](const AttemptRecord& a, const StepRecord& s) {
    CHECK_FALSE(a.finished_at.empty());
    answered[a.scenario_id] += s.answered ? 1 : 0;
  });
  CHECK(answered == std::map<std::string, int>{{"fee", 2}, {"hurry", 2}});
}

TEST_CASE("filters, per-stage scores of answered steps, and the trainees") {
  TempDatabase temp;
  HistoryStore store(temp.path);
  AttemptRecord early = attempt("Ann", "fee", "2024-01-01T00:00:00Z");
  early.steps[1].answered = false;  // no apology answered: no apologize score for it
  store.add_all({early, attempt("Ann", "other", "2024-02-01T00:00:00Z"),
                 attempt("Bob", "fee", "2024-03-01T00:00:00Z")});
  CHECK(store.trainees({}) == std::vector<std::string>{"Ann", "Bob"});
  HistoryFilter ann;
  ann.trainee = "Ann";
  const auto found = summaries(store, ann);
  REQUIRE(found.size() == 2);
  CHECK(found[0].started_at < found[1].started_at);
  CHECK(found[0].stage_scores.count(Stage::apologize) == 0);
  CHECK(found[1].stage_scores.at(Stage::apologize) == doctest::Approx(0.5));
  ann.scenario_id = "fee";
  CHECK(summaries(store, ann).size() == 1);
  HistoryFilter since;
  since.since = "2024-02-01T00:00:00Z";
  CHECK(summaries(store, since).size() == 2);
}

TEST_CASE("history filters that set only some conditions") {
  TempDatabase temp;
  HistoryStore store(temp.path);
  store.add_all({attempt("Ann", "fee", "2024-01-01T00:00:00Z"),
                 attempt("Bob", "other", "2024-02-01T00:00:00Z"),
                 attempt("Cy", "fee", "2024-03-01T00:00:00Z")});
  const auto trainees_of = [&](const std::vector<AttemptSummary>& found) {
    std::vector<std::string> names;
    for (const auto& a : found) names.push_back(a.trainee);
    return names;
  };
  HistoryFilter scenario;
  scenario.scenario_id = "fee";
  CHECK(trainees_of(summaries(store, scenario)) == std::vector<std::string>{"Ann", "Cy"});
  CHECK(store.trainees(scenario) == std::vector<std::string>{"Ann", "Cy"});
  HistoryFilter since;
  since.since = "2024-02-01T00:00:00Z";
  CHECK(trainees_of(summaries(store, since)) == std::vector<std::string>{"Bob", "Cy"});
  HistoryFilter trainee_since;
  trainee_since.trainee = "Cy";
  trainee_since.since = "2024-02-01T00:00:00Z";
  CHECK(trainees_of(summaries(store, trainee_since)) == std::vector<std::string>{"Cy"});
  trainee_since.trainee = "Ann";
  CHECK(summaries(store, trainee_since).empty());
  HistoryFilter scenario_since = since;
  scenario_since.scenario_id = "fee";
  int steps = 0;
  store.for_each_step(scenario_since, [&](const AttemptRecord& a, const StepRecord&) {
    CHECK(a.trainee == "Cy");
    ++steps;
  });
  CHECK(steps == 2);
  HistoryFilter unnamed;
  unnamed.trainee = "";  // the sessions practised without a name: none here
  CHECK(summaries(store, unnamed).empty());
}

TEST_CASE("the history of every trainee in one pass, as a query per trainee reads it") {
  TempDatabase temp;
  HistoryStore store(temp.path);
  // Names whose byte order is not their alphabetical one, the unnamed trainee, attempts written
  // out of time order, two started in the same second (the older id first), and steps not
  // answered.
  std::vector<AttemptRecord> written;
  const char* names[] = {"张三", "Bob", "ann", "", "Ann", "Émile"};
  for (int i = 0; i < 30; ++i) {
    const std::string started = fmt::format("2024-0{}-{:02}T08:00:00Z", 1 + (i * 7) % 9, 1 + i % 5);
    AttemptRecord a = attempt(names[(i * 5) % 6], i % 3 == 0 ? "other" : "fee", started,
                              i % 2 ? AttemptKind::grade : AttemptKind::practice);
    a.steps[0].score = i % 11;
    if (i % 4 == 0) a.steps[1].answered = false;
    if (i % 7 == 0) a.steps.clear();
    a.score = i;
    written.push_back(a);
  }
  store.add_all(written);
  store.add(attempt("Bob", "fee", "2024-03-03T08:00:00Z"));  // when another of Bob's started

  const auto key = [](const AttemptSummary& a) {
    return fmt::format("{} {} {} {} {} {}", a.id, a.trainee, a.scenario_id, a.started_at, a.score,
                       a.stage_scores.size()) +
           (a.stage_scores.count(Stage::vent) ? fmt::format(" {}", a.stage_scores.at(Stage::vent))
                                              : "") +
           (a.stage_scores.count(Stage::apologize)
                ? fmt::format(" {}", a.stage_scores.at(Stage::apologize))
                : "");
  };
  const auto one_pass = [&](const HistoryFilter& filter) {
    std::vector<std::pair<std::string, std::vector<std::string>>> found;
    store.for_each_trainee(filter, [&](const std::string& name, const auto& attempts) {
      std::vector<std::string> keys;
      for (const auto& a : attempts) keys.push_back(key(a));
      found.push_back({name, keys});
    });
    return found;
  };
  const auto per_trainee = [&](const HistoryFilter& filter) {
    std::vector<std::pair<std::string, std::vector<std::string>>> found;
    const std::vector<std::string> names =
        filter.trainee ? std::vector<std::string>{*filter.trainee} : store.trainees(filter);
    for (const std::string& name : names) {
      HistoryFilter one = filter;
      one.trainee = name;
      std::vector<std::string> keys;
      for (const auto& a : summaries(store, one)) keys.push_back(key(a));
      if (!keys.empty()) found.push_back({name, keys});
    }
    return found;
  };

  const auto all = one_pass({});
  std::vector<std::string> order;
  for (const auto& [name, keys] : all) order.push_back(name);
  CHECK(order == std::vector<std::string>{"", "Ann", "Bob", "ann", "Émile", "张三"});
  std::size_t count = 0;
  for (const auto& [name, keys] : all) count += keys.size();
  CHECK(count == written.size() + 1);

  HistoryFilter fee;
  fee.scenario_id = "fee";
  HistoryFilter since;
  since.since = "2024-05-01T00:00:00Z";
  HistoryFilter both = since;
  both.scenario_id = "other";
  HistoryFilter bob;
  bob.trainee = "Bob";
  HistoryFilter nothing;
  nothing.since = "2999-01-01T00:00:00Z";
  for (const HistoryFilter& filter : {HistoryFilter{}, fee, since, both, bob, nothing}) {
    CAPTURE(filter.trainee.value_or("-"));
    CAPTURE(filter.scenario_id.value_or("-"));
    CAPTURE(filter.since.value_or("-"));
    CHECK(one_pass(filter) == per_trainee(filter));
  }
  CHECK(one_pass(nothing).empty());
  REQUIRE(one_pass(bob).size() == 1);
  const auto bobs = one_pass(bob)[0].second;  // a copy: one_pass returns a temporary
  CHECK(bobs.size() == 6);
  // Oldest first; of the two started at the same moment, the one written first.
  std::vector<AttemptSummary> bob_attempts = summaries(store, bob);
  for (std::size_t i = 1; i < bob_attempts.size(); ++i) {
    const auto& earlier = bob_attempts[i - 1];
    const auto& later = bob_attempts[i];
    CHECK((earlier.started_at < later.started_at ||
           (earlier.started_at == later.started_at && earlier.id < later.id)));
  }
}

TEST_CASE("the practice summary counts only the trainee's practice sessions") {
  TempDatabase temp;
  HistoryStore store(temp.path);
  AttemptRecord failed = attempt("Ann", "b", "2024-01-02T00:00:00Z");
  failed.passed = false;
  failed.steps = {step("vent", Stage::vent, 1, 10)};
  store.add_all({attempt("Ann", "a", "2024-01-01T00:00:00Z"), failed,
                 attempt("Ann", "c", "2024-01-03T00:00:00Z", AttemptKind::grade),
                 attempt("Bob", "d", "2024-01-04T00:00:00Z")});
  const PracticeSummary summary = store.practice_summary("Ann");
  CHECK(summary.practised == std::set<std::string>{"a", "b"});
  CHECK(summary.passed == std::set<std::string>{"a"});
  CHECK(summary.stage_average.at(Stage::vent) == doctest::Approx(0.55));
  CHECK(summary.weakest_stage() == Stage::apologize);
  CHECK(store.practice_summary("nobody").practised.empty());
}

TEST_CASE("a practice session with no finishing time counts in no figure") {
  // Killed, or its last replies never written (a file-size limit): its score counts the steps it
  // lacks as failed; a session that passed at 100 was shown as failed at 20 (finding 02 of
  // outside pass 41).
  TempDatabase temp;
  HistoryStore store(temp.path);
  AttemptRecord cut_short = attempt("Ann", "b", "2024-01-02T00:00:00Z");
  cut_short.finished_at.clear();
  cut_short.score = 20;
  cut_short.passed = false;
  cut_short.steps = {step("vent", Stage::vent, 2, 10)};
  store.add_all({attempt("Ann", "a", "2024-01-01T00:00:00Z"), cut_short});
  CHECK(store.practice_summary("Ann").stage_average.at(Stage::vent) == doctest::Approx(1.0));
  CHECK(store.practice_summary("Ann").practised == std::set<std::string>{"a", "b"});

  const Language before = language();
  set_language(Language::en);
  const std::string chart = format_progress_chart("Ann", summaries(store), Style(false), 80);
  set_language(before);
  CHECK(chart.find("unfinished (not counted)") != std::string::npos);
  CHECK(chart.find("failed") == std::string::npos);
  CHECK(chart.find("20.0") == std::string::npos);
  INFO(chart);
  CHECK(chart.find("▆·") != std::string::npos);            // no bar
  CHECK(chart.find(" 75\nWeakest") != std::string::npos);  // the latest total: the whole attempt
}

TEST_CASE("old transcripts are imported once, each under its own key") {
  TempDatabase temp;
  HistoryStore store(temp.path);
  CHECK_FALSE(store.transcripts_imported());
  const std::vector<AttemptRecord> old = {attempt("Ann", "a", "2023-01-01T00:00:00Z"),
                                          attempt("Ann", "a", "2023-01-01T00:00:00Z")};
  CHECK(store.import_transcripts(old, {"sessions/x.yaml#0", "sessions/x.yaml#0"}) == 1);
  CHECK(store.transcripts_imported());
  CHECK(store.import_transcripts(old, {"sessions/y.yaml#0", "sessions/z.yaml#0"}) == 0);
  CHECK(summaries(store).size() == 1);
}

TEST_CASE("a writer waits while another process holds the lock, and gives up after its patience") {
  TempDatabase temp;
  HistoryStore store(temp.path);
  Database other(temp.path);
  other.execute("BEGIN IMMEDIATE");
  store.set_patience(std::chrono::milliseconds(300));
  const auto started = std::chrono::steady_clock::now();
  try {
    store.add(attempt("Ann", "a", "2024-01-01T00:00:00Z"));
    FAIL("the write should have waited in vain");
  } catch (const SqliteError& e) {
    CHECK(e.busy());
  }
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(300));
  CHECK(summaries(store).empty());  // nothing half-written

  store.set_patience(std::chrono::seconds(10));
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    other.execute("COMMIT");
  });
  store.add(attempt("Ann", "a", "2024-01-01T00:00:00Z"));
  release.join();
  CHECK(summaries(store).size() == 1);
}

TEST_CASE("a failed transaction leaves nothing behind") {
  TempDatabase temp;
  HistoryStore store(temp.path);
  Database db(temp.path);
  CHECK_THROWS_AS(db.write_transaction([&] {
    db.execute("INSERT INTO meta (key, value) VALUES ('x', '1')");
    db.execute("INSERT INTO no_such_table VALUES (1)");
  }),
                  SqliteError);
  auto query = db.prepare("SELECT count(*) FROM meta");
  REQUIRE(query.step());
  CHECK(query.integer(0) == 0);
}

TEST_CASE("times are stored in UTC and typed in local time") {
  CHECK(utc_timestamp(0) == "1970-01-01T00:00:00Z");
  const auto midnight = parse_local_time("2024-05-01");
  REQUIRE(midnight);
  CHECK(local_label(*midnight) == "2024-05-01 00:00");
  CHECK(local_label(*parse_local_time("2024-05-01 16:30")) == "2024-05-01 16:30");
  CHECK(local_label(*parse_local_time("2024-05-01T16:30:15")) == "2024-05-01 16:30");
  CHECK(parse_local_time("2024-02-29"));  // a leap day
  for (const char* bad :
       {"", "yesterday", "2024-13-01", "2024-05-01x", "2024-05-01 25:00",
        "2024-05-01 16:30:", "2024-02-30", "2023-02-29", "2024-04-31", "2024-00-10", "2024-05-00"})
    CHECK_MESSAGE(!parse_local_time(bad), bad);
  CHECK(local_label("not a time") == "not a time");
}

TEST_CASE("the CSV export quotes, escapes and defuses formulas") {
  AttemptRecord a = attempt("=cmd|' /C calc'!A0", "fee", "2024-01-01T00:00:00Z");
  StepRecord s = step("vent", Stage::vent, 5, 10);
  s.reply = "-1, \"yes\"\nno \x1b[31m";
  s.seconds = 3.5;
  const std::string row = history_csv_row(a, s);
  CHECK(row.find("'=cmd|' /C calc'!A0") != std::string::npos);
  CHECK(row.find("\"'-1, \"\"yes\"\"\nno \\x1B[31m\"\r\n") != std::string::npos);
  CHECK(row.find(",3.5,") != std::string::npos);
  CHECK(history_csv_head().rfind("\xEF\xBB\xBF"
                                 "attempt,kind,trainee",
                                 0) == 0);
}

TEST_CASE("the progress chart fits its width and escapes names") {
  std::vector<AttemptSummary> attempts;
  for (int i = 0; i < 100; ++i) {
    AttemptSummary a;
    a.id = i + 1;
    a.trainee = "Eve\x1b[2J";
    a.scenario_id = "fee";
    a.started_at = "2024-01-01T00:00:00Z";
    a.finished_at = a.started_at;
    a.score = i;
    a.passed = i >= 70;
    a.stage_scores[Stage::vent] = i / 100.0;
    attempts.push_back(a);
  }
  for (std::size_t columns : {40u, 80u, 200u}) {
    const std::string chart = format_progress_chart("Eve\x1b[2J", attempts, Style(false), columns);
    CHECK(chart.find('\x1b') == std::string::npos);
    CHECK(chart.find("Eve\\x1B[2J") != std::string::npos);
    std::size_t start = 0;
    for (std::size_t end; (end = chart.find('\n', start)) != std::string::npos; start = end + 1)
      CHECK_MESSAGE(display_width(chart.substr(start, end - start)) <= columns,
                    chart.substr(start, end - start));
  }
  const std::string coloured = format_progress_chart("Eve", attempts, Style(true), 80);
  CHECK(coloured.find("\x1b[32m") != std::string::npos);
}

TEST_CASE("an attempt record takes its seconds from the answers") {
  AttemptResult result;
  result.trainee = "Ann";
  result.scenario_id = "fee";
  result.score = 50;
  StepResult answered;
  answered.step_id = "vent";
  answered.answered = true;
  answered.score = 5;
  answered.max = 10;
  answered.reply = "hi";
  StepResult skipped;
  skipped.step_id = "sorry";
  skipped.stage = Stage::apologize;
  skipped.max = 10;
  result.steps = {answered, skipped};
  Attempt answers;
  answers.seconds = {{"vent", 4.0}};
  const AttemptRecord record = make_attempt_record(AttemptKind::practice, result, answers);
  REQUIRE(record.steps.size() == 2);
  CHECK(record.steps[0].seconds == 4.0);
  CHECK(record.steps[0].ratio() == doctest::Approx(0.5));
  CHECK_FALSE(record.steps[1].seconds);
  CHECK(record.steps[1].ratio() == 0.0);
}

// Outside pass 40, finding 12: one stage answered, and answered well, is not the weakest.
TEST_CASE("no weakest stage from a single stage answered, nor among stages alike") {
  history::PracticeSummary summary;
  summary.stage_average[Stage::vent] = 1.0;
  CHECK_FALSE(summary.weakest_stage());
  summary.stage_average[Stage::gather] = 1.0;
  CHECK_FALSE(summary.weakest_stage());
  summary.stage_average[Stage::gather] = 0.4;
  CHECK(summary.weakest_stage() == Stage::gather);
}
