#include "cli/history_options.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/data_dir.hpp"
#include "cli/terminal.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {

void add_history_options(CLI::App& command, HistoryChoice& choice, bool with_environment) {
  auto* db = command.add_option(
      "--db", choice.db,
      std::string(tr("练习与批改记录库(默认:数据目录下的 history.sqlite3)",
                     "history database (default: history.sqlite3 in the data directory)")));
  db->check(non_empty_path());
  auto* off = command.add_flag(
      "--no-history", choice.off,
      std::string(tr("不读写练习与批改记录库", "neither read nor write the history database")));
  if (!with_environment) return;
  db->envname("COACH_DB");
  off->envname("COACH_NO_HISTORY");
}

namespace {

// $XDG_DATA_HOME/complaint-coach/history.sqlite3; empty when there is no data directory.
std::string default_history_path() {
  const std::string dir = data_dir();
  if (dir.empty()) return {};
  return (std::filesystem::path(dir) / "history.sqlite3").string();
}

}  // namespace

std::optional<std::string> unreadable_history_switch() {
  const char* value = std::getenv("COACH_NO_HISTORY");
  bool off = false;
  // Read as CLI11 will read it when the command line is parsed, so the two never disagree.
  if (!value || !*value || CLI::detail::lexical_cast(std::string(value), off)) return std::nullopt;
  return fmt::format(
      fmt::runtime(
          tr("环境变量 COACH_NO_HISTORY 的值 `{}` 无法识别:写 1 不读写记录库,写 0 照常读写",
             "environment variable COACH_NO_HISTORY: `{}` is neither yes nor no: 1 "
             "leaves the history database alone, 0 uses it")),
      utf8::escape_controls_in_line(value));
}

std::optional<std::string> history_path(const HistoryChoice& global, const HistoryChoice& local) {
  if (global.off || local.off) return std::nullopt;
  if (!local.db.empty()) return local.db;
  if (!global.db.empty()) return global.db;
  return default_history_path();
}

std::optional<std::string> history_output(const HistoryChoice& global, const HistoryChoice& local) {
  auto path = history_path(global, local);
  if (path && is_stdout(*path)) return std::nullopt;
  return path;
}

}  // namespace coach::cli
