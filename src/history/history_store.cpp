#include "history/history_store.hpp"

#include <algorithm>

#include "history/schema.hpp"

namespace coach::history {
namespace {

// A step's score as a fraction, as StepRecord::ratio() computes it, for SQL aggregates.
constexpr const char* kStepRatio =
    "(CASE WHEN s.max > 0 THEN CAST(s.score AS REAL) / s.max "
    "WHEN s.critical_failed THEN 0.0 ELSE 1.0 END)";

// The WHERE clause of every filtered query, with only the conditions `filter` sets: parameters
// ?1 trainee, ?2 scenario, ?3 since. A condition that holds for a missing value (`?1 IS NULL OR
// a.trainee = ?1`) would be planned as a scan of every attempt, since SQLite plans before values
// are bound: one trainee's history would read the whole database instead of the trainee index.
std::string filter_clause(const HistoryFilter& filter) {
  std::string clause;
  const auto add = [&](bool set, std::string_view condition) {
    if (!set) return;
    clause += clause.empty() ? " WHERE " : " AND ";
    clause += condition;
  };
  add(filter.trainee.has_value(), "a.trainee = ?1");
  add(filter.scenario_id.has_value(), "a.scenario = ?2");
  add(filter.since.has_value(), "a.started_at >= ?3");
  return clause + " ";
}

// Binds only the parameters filter_clause() wrote.
void bind_filter(Statement& query, const HistoryFilter& filter) {
  if (filter.trainee) query.bind(1, *filter.trainee);
  if (filter.scenario_id) query.bind(2, *filter.scenario_id);
  if (filter.since) query.bind(3, *filter.since);
}

std::optional<std::string> unless_empty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

void open_for_several_writers(Database& db) {
  // WAL: readers never block the writer and the writer never blocks readers. The mode is kept
  // in the file; switching needs a moment alone with it, hence the retry.
  db.retry_while_busy([&] { db.execute("PRAGMA journal_mode = WAL"); });
  // In WAL mode NORMAL loses nothing on a crash of the program, only (rarely) the last commits
  // on a power cut, and saves an fsync per transaction.
  db.execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
}

}  // namespace

// As the progress chart judges it: no weakest stage from one stage answered (the one done well
// would be named), nor among stages all alike.
std::optional<Stage> PracticeSummary::weakest_stage() const {
  std::optional<Stage> weakest;
  double lowest = 2.0;
  double highest = -1.0;
  for (const auto& [stage, average] : stage_average) {
    highest = std::max(highest, average);
    if (average < lowest) lowest = average, weakest = stage;
  }
  if (stage_average.size() < 2 || lowest >= highest) return std::nullopt;
  return weakest;
}

HistoryStore::HistoryStore(const std::string& path) : db_(path) {
  // Before WAL mode, which would change the file. Another coach may be creating the database
  // at this moment (graders started together), so a busy file is waited for, not refused.
  db_.retry_while_busy([&] { refuse_unless_ours(db_); });
  open_for_several_writers(db_);
  migrate(db_);
  refuse_missing_columns(db_);
}

HistoryStore::HistoryStore(const std::string& path, ReadOnly)
    : db_(path, Database::Access::read_only), read_only_(true) {
  refuse_unless_ours(db_);
  refuse_unupgraded(db_);
  refuse_missing_columns(db_);
}

Statement& HistoryStore::cached(std::optional<Statement>& slot, std::string_view sql) {
  if (!slot) slot.emplace(db_.prepare(sql));
  return *slot;
}

std::int64_t HistoryStore::insert_attempt(const AttemptRecord& attempt,
                                          const std::string* import_key) {
  Statement& insert = cached(insert_attempt_,
                             "INSERT INTO attempts (kind, trainee, scenario, scenario_sha256, exam,"
                             " started_at, finished_at, source_file, score, passed, walked_out,"
                             " import_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                             " ?12) ON CONFLICT (import_key) DO NOTHING");
  insert.bind(1, kind_id(attempt.kind))
      .bind(2, attempt.trainee)
      .bind(3, attempt.scenario_id)
      .bind(4, unless_empty(attempt.scenario_sha256))
      .bind(5, unless_empty(attempt.exam_id))
      .bind(6, attempt.started_at)
      .bind(7, unless_empty(attempt.finished_at))
      .bind(8, unless_empty(attempt.source_file))
      .bind(9, attempt.score)
      .bind(10, attempt.passed)
      .bind(11, attempt.walked_out);
  if (import_key) insert.bind(12, *import_key);
  insert.run();
  return db_.changes() > 0 ? db_.last_insert_id() : 0;
}

void HistoryStore::insert_steps(std::int64_t id, const std::vector<StepRecord>& steps) {
  Statement& insert = cached(insert_step_,
                             "INSERT INTO steps (attempt_id, position, step, stage, answered,"
                             " score, max, passed, critical_failed, reply, seconds)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  int position = 0;
  for (const StepRecord& step : steps) {
    insert.bind(1, id)
        .bind(2, position++)
        .bind(3, step.step_id)
        .bind(4, stage_id(step.stage))
        .bind(5, step.answered)
        .bind(6, step.score)
        .bind(7, step.max)
        .bind(8, step.passed)
        .bind(9, step.critical_failed)
        .bind(10, step.reply)
        .bind(11, step.seconds);
    insert.run();
  }
}

std::int64_t HistoryStore::add(const AttemptRecord& attempt) {
  std::int64_t id = 0;
  db_.write_transaction([&] {
    id = insert_attempt(attempt, nullptr);
    insert_steps(id, attempt.steps);
  });
  return id;
}

void HistoryStore::add_all(const std::vector<AttemptRecord>& attempts) {
  if (attempts.empty()) return;
  db_.write_transaction([&] {
    for (const AttemptRecord& attempt : attempts) {
      const std::string* key = attempt.identity.empty() ? nullptr : &attempt.identity;
      if (const std::int64_t id = insert_attempt(attempt, key)) insert_steps(id, attempt.steps);
    }
  });
}

void HistoryStore::rewrite(std::int64_t id, const AttemptRecord& attempt) {
  auto update = db_.prepare(
      "UPDATE attempts SET finished_at = ?2, source_file = ?3, score = ?4, passed = ?5,"
      " walked_out = ?6 WHERE id = ?1");
  update.bind(1, id)
      .bind(2, unless_empty(attempt.finished_at))
      .bind(3, unless_empty(attempt.source_file))
      .bind(4, attempt.score)
      .bind(5, attempt.passed)
      .bind(6, attempt.walked_out);
  update.run();
  db_.prepare("DELETE FROM steps WHERE attempt_id = ?1").bind(1, id).run();
  insert_steps(id, attempt.steps);
}

std::vector<std::int64_t> HistoryStore::save_sessions(const std::vector<AttemptRecord>& sessions) {
  std::vector<std::int64_t> ids;
  db_.write_transaction([&] {
    ids.clear();  // a transaction retried while busy starts over
    for (const AttemptRecord& session : sessions) {
      if (session.id == 0) {
        ids.push_back(insert_attempt(session, nullptr));
        insert_steps(ids.back(), session.steps);
      } else {
        rewrite(session.id, session);
        ids.push_back(session.id);
      }
    }
  });
  return ids;
}

bool HistoryStore::transcripts_imported() {
  auto query = db_.prepare("SELECT 1 FROM meta WHERE key = 'transcripts_imported'");
  return query.step();
}

int HistoryStore::import_transcripts(const std::vector<AttemptRecord>& attempts,
                                     const std::vector<std::string>& import_keys) {
  int added = 0;
  db_.write_transaction([&] {
    added = 0;
    if (transcripts_imported()) return;
    for (std::size_t i = 0; i < attempts.size() && i < import_keys.size(); ++i) {
      const std::int64_t id = insert_attempt(attempts[i], &import_keys[i]);
      if (id == 0) continue;  // imported before, under the same key
      insert_steps(id, attempts[i].steps);
      ++added;
    }
    db_.execute("INSERT INTO meta (key, value) VALUES ('transcripts_imported', '1')");
  });
  return added;
}

PracticeSummary HistoryStore::practice_summary(const std::string& trainee) {
  PracticeSummary summary;
  auto scenarios = db_.prepare(
      "SELECT scenario, MAX(passed) FROM attempts WHERE kind = 'practice' AND trainee = ?1"
      " GROUP BY scenario");
  scenarios.bind(1, trainee);
  while (scenarios.step()) {
    summary.practised.insert(scenarios.text(0));
    if (scenarios.integer(1) != 0) summary.passed.insert(scenarios.text(0));
  }
  auto stages = db_.prepare(std::string("SELECT s.stage, AVG(") + kStepRatio +
                            ") FROM steps s JOIN attempts a ON a.id = s.attempt_id"
                            " WHERE a.kind = 'practice' AND a.trainee = ?1 AND s.answered"
                            " AND a.finished_at IS NOT NULL"  // unfinished: not a whole attempt
                            " GROUP BY s.stage");
  stages.bind(1, trainee);
  while (stages.step()) {
    if (const auto stage = parse_stage(stages.text(0)))
      summary.stage_average[*stage] = stages.real(1);
  }
  return summary;
}

std::vector<std::string> HistoryStore::trainees(const HistoryFilter& filter) {
  HistoryFilter any_trainee = filter;
  any_trainee.trainee.reset();
  auto query = db_.prepare("SELECT DISTINCT a.trainee FROM attempts a" +
                           filter_clause(any_trainee) + "ORDER BY a.trainee");
  bind_filter(query, any_trainee);
  std::vector<std::string> names;
  while (query.step()) names.push_back(query.text(0));
  return names;
}

namespace {

// The attempt's columns, first in every query that reads attempts back (read_attempt).
constexpr const char* kAttemptColumns =
    "a.id, a.kind, a.trainee, a.scenario, a.scenario_sha256, a.exam, a.started_at, "
    "a.finished_at, a.source_file, a.score, a.passed, a.walked_out";
constexpr int kAttemptColumnCount = 12;

// The attempt in the current row, without its steps.
AttemptRecord read_attempt(const Statement& query) {
  AttemptRecord attempt;
  attempt.id = query.integer(0);
  attempt.kind = parse_kind(query.text(1)).value_or(AttemptKind::practice);
  attempt.trainee = query.text(2);
  attempt.scenario_id = query.text(3);
  attempt.scenario_sha256 = query.text(4);
  attempt.exam_id = query.text(5);
  attempt.started_at = query.text(6);
  attempt.finished_at = query.text(7);
  attempt.source_file = query.text(8);
  attempt.score = query.real(9);
  attempt.passed = query.integer(10) != 0;
  attempt.walked_out = query.integer(11) != 0;
  return attempt;
}

}  // namespace

void HistoryStore::read_summaries(const HistoryFilter& filter, std::string_view order_by,
                                  const std::function<void(const AttemptSummary&)>& visit) {
  auto query = db_.prepare(
      std::string("SELECT ") + kAttemptColumns + ", s.stage, AVG(" + kStepRatio +
      ") FROM attempts a LEFT JOIN steps s ON s.attempt_id = a.id AND "
      "s.answered" +
      filter_clause(filter) + "GROUP BY a.id, s.stage ORDER BY " + std::string(order_by));
  bind_filter(query, filter);
  constexpr int kStage = kAttemptColumnCount;
  AttemptSummary current;
  while (query.step()) {
    if (query.integer(0) != current.id) {
      if (current.id != 0) visit(current);
      current = AttemptSummary{read_attempt(query), {}};
    }
    if (query.is_null(kStage)) continue;  // an attempt without an answered step
    if (const auto stage = parse_stage(query.text(kStage)))
      current.stage_scores[*stage] = query.real(kStage + 1);
  }
  if (current.id != 0) visit(current);
}

void HistoryStore::for_each_attempt(const HistoryFilter& filter,
                                    const std::function<void(const AttemptSummary&)>& visit) {
  read_summaries(filter, "a.started_at, a.id", visit);
}

void HistoryStore::for_each_trainee(
    const HistoryFilter& filter,
    const std::function<void(const std::string&, const std::vector<AttemptSummary>&)>& visit) {
  // The order of trainees() (the column's own, binary collation), then each one's oldest first.
  std::vector<AttemptSummary> attempts;
  read_summaries(filter, "a.trainee, a.started_at, a.id", [&](const AttemptSummary& attempt) {
    if (!attempts.empty() && attempts.front().trainee != attempt.trainee) {
      visit(attempts.front().trainee, attempts);
      attempts.clear();
    }
    attempts.push_back(attempt);
  });
  if (!attempts.empty()) visit(attempts.front().trainee, attempts);
}

void HistoryStore::for_each_step(
    const HistoryFilter& filter,
    const std::function<void(const AttemptRecord&, const StepRecord&)>& visit) {
  auto query = db_.prepare(
      std::string("SELECT ") + kAttemptColumns +
      ", s.step, s.stage, s.answered, s.score, s.max, s.passed, s.critical_failed, s.reply,"
      " s.seconds FROM attempts a JOIN steps s ON s.attempt_id = a.id" +
      filter_clause(filter) + "ORDER BY a.started_at, a.id, s.position");
  bind_filter(query, filter);
  constexpr int kStep = kAttemptColumnCount;
  AttemptRecord attempt;
  while (query.step()) {
    if (query.integer(0) != attempt.id) attempt = read_attempt(query);
    StepRecord step;
    step.step_id = query.text(kStep);
    step.stage = parse_stage(query.text(kStep + 1)).value_or(Stage::vent);
    step.answered = query.integer(kStep + 2) != 0;
    step.score = static_cast<int>(query.integer(kStep + 3));
    step.max = static_cast<int>(query.integer(kStep + 4));
    step.passed = query.integer(kStep + 5) != 0;
    step.critical_failed = query.integer(kStep + 6) != 0;
    step.reply = query.text(kStep + 7);
    step.seconds = query.optional_real(kStep + 8);
    visit(attempt, step);
  }
}

}  // namespace coach::history
