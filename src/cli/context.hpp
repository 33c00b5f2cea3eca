#pragma once
// Options every command shares.
#include <optional>
#include <string>
#include <vector>

namespace coach::cli {

// Where the history database is, and whether to use it: `--db PATH` / `--no-history`, given
// before the command or after it (after wins).
struct HistoryChoice {
  std::string db;    // empty: COACH_DB, else the data directory's history.sqlite3
  bool off = false;  // --no-history (or COACH_NO_HISTORY)
};

struct Context {
  std::string scenarios_dir;  // --scenarios or COACH_SCENARIOS; empty: the bundled ones
  std::string lang;           // --lang zh|en; empty: from the locale
  bool no_color = false;
  HistoryChoice history;
  // Why an environment variable cannot be read (COACH_NO_HISTORY not yes or no, a COACH_DB or
  // COACH_SCENARIOS path with a `~` nothing expanded): such a variable is not read at all, and a
  // command stops at it, grade writing its reports with it as their error. A CI job's `env:`
  // passes `~` through as it is, and the reports of the run before must not survive as this one's.
  std::vector<std::string> environment_problems;
};

}  // namespace coach::cli
