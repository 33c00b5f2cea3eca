#pragma once
// Options every command shares.
#include <optional>
#include <string>

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
  // Why COACH_NO_HISTORY cannot be read (then it is not read at all): a command stops at it,
  // grade writing its reports with it as their error.
  std::optional<std::string> history_switch_problem;
};

}  // namespace coach::cli
