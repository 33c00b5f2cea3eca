#pragma once
// The options that choose the history database, shared by `practice`, `grade` and `history`
// and accepted before the command as well.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/context.hpp"

namespace coach::cli {

// Adds --db and --no-history to `command`; `with_environment` also reads COACH_DB and
// COACH_NO_HISTORY (only once: on the app, so a command's own option wins), the latter only
// when unreadable_history_switch() finds nothing wrong with it.
void add_history_options(CLI::App& command, HistoryChoice& choice, bool with_environment);

// Why COACH_NO_HISTORY cannot be read as yes or no (CLI11 reads it: 1, 0, yes, no, on, off,
// true, false …); nothing when it can or is not set. CLI11's own message blamed the command line
// and an option never typed.
std::optional<std::string> unreadable_history_switch();

// The database to use, given the options before the command (`global`) and after it
// (`local`); nullopt when the history is off, and empty when it is on but there is no data
// directory to keep it in (neither XDG_DATA_HOME nor HOME is set).
std::optional<std::string> history_path(const HistoryChoice& global, const HistoryChoice& local);

// The database as one more output, which no report or recording may replace; nothing when
// there is no file to protect (history off, or no data directory: an empty path would read as
// standard output).
std::optional<std::string> history_output(const HistoryChoice& global, const HistoryChoice& local);

}  // namespace coach::cli
