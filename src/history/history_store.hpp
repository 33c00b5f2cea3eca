#pragma once
// The history of practice sessions and gradings, kept in an SQLite database that several
// processes may write at once (WAL mode, `BEGIN IMMEDIATE` transactions retried while another
// writer holds the lock). Every method throws SqliteError (or std::runtime_error) on failure:
// the command line decides whether that is a warning or an error.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "history/records.hpp"
#include "history/sqlite.hpp"

namespace coach::history {

// What the practice menu needs: the scenarios passed and tried, and how each stage went.
struct PracticeSummary {
  std::set<std::string> passed;           // scenario ids passed at least once
  std::set<std::string> practised;        // scenario ids tried at least once
  std::map<Stage, double> stage_average;  // mean score (0–1) of the steps answered per stage
  std::optional<Stage> weakest_stage() const;
};

class HistoryStore {
 public:
  // Opens the database at `path`, creating it and its tables if needed.
  explicit HistoryStore(const std::string& path);
  // Opens the database at `path` to read it only: nothing is written to it or beside it (a
  // history in a read-only folder). Throws for one an older coach wrote, which it cannot
  // upgrade.
  struct ReadOnly {};
  HistoryStore(const std::string& path, ReadOnly);

  const std::string& path() const { return db_.path(); }
  // Opened with ReadOnly: nothing may be written.
  bool read_only() const { return read_only_; }
  // Opened with ReadOnly, it is read as it stands (Database::unchanged_since_open): whether what
  // was read is whole, and whether a log beside it holds records it does not see.
  bool unchanged_since_open() const { return db_.unchanged_since_open(); }
  bool log_unread() const { return db_.log_unread(); }
  // How long a write waits for other processes before failing.
  void set_patience(std::chrono::milliseconds patience) { db_.set_patience(patience); }

  // Adds one attempt with its steps (one transaction); returns its id.
  std::int64_t add(const AttemptRecord& attempt);
  // Adds several attempts in one transaction: a batch of a grading run.
  void add_all(const std::vector<AttemptRecord>& attempts);
  // Writes practice sessions as they stand, after each reply, in one transaction: each not
  // written before (`id` 0) is added, the others rewritten with their steps (a /retry may have
  // replaced a reply). Returns their ids, in order. Sessions a failed write left behind are
  // written so, with the current one, once the database takes writes again.
  std::vector<std::int64_t> save_sessions(const std::vector<AttemptRecord>& sessions);

  // Whether the transcripts of the sessions directory have been imported into this database.
  bool transcripts_imported();
  // Adds the attempts read from the old transcripts, each under its `import_key` (so none is
  // added twice), and notes that the import is done — unless another process did it first.
  // `import_keys` pairs with `attempts`. Returns how many attempts were added.
  int import_transcripts(const std::vector<AttemptRecord>& attempts,
                         const std::vector<std::string>& import_keys);

  PracticeSummary practice_summary(const std::string& trainee);
  // The trainees with attempts matching `filter` (whose trainee is ignored), sorted.
  std::vector<std::string> trainees(const HistoryFilter& filter);
  // Each attempt matching `filter`, oldest first, with its per-stage scores.
  void for_each_attempt(const HistoryFilter& filter,
                        const std::function<void(const AttemptSummary&)>& visit);
  // The attempts matching `filter` trainee by trainee, in the order of trainees(), each
  // trainee's oldest first, as for_each_attempt gives them: one query over the database (and
  // one trainee's attempts in memory), however many trainees it holds.
  void for_each_trainee(
      const HistoryFilter& filter,
      const std::function<void(const std::string& trainee,
                               const std::vector<AttemptSummary>& attempts)>& visit);
  // Each step of each attempt matching `filter`, oldest attempt first, steps in order; the
  // attempt comes without its steps.
  void for_each_step(const HistoryFilter& filter,
                     const std::function<void(const AttemptRecord&, const StepRecord&)>& visit);

 private:
  std::int64_t insert_attempt(const AttemptRecord& attempt, const std::string* import_key);
  void insert_steps(std::int64_t id, const std::vector<StepRecord>& steps);
  // The attempts matching `filter` with their per-stage scores, in the SQL order `order_by`
  // (ending in a.id, so that an attempt's rows come together).
  void read_summaries(const HistoryFilter& filter, std::string_view order_by,
                      const std::function<void(const AttemptSummary&)>& visit);
  // Inside a transaction: attempt `id` and its steps as `attempt` has them.
  void rewrite(std::int64_t id, const AttemptRecord& attempt);
  // A statement prepared once and kept: a grading run inserts thousands of rows.
  Statement& cached(std::optional<Statement>& slot, std::string_view sql);

  Database db_;  // declared first: the statements below are finalized before it closes
  std::optional<Statement> insert_attempt_;
  std::optional<Statement> insert_step_;
  bool read_only_ = false;
};

}  // namespace coach::history
