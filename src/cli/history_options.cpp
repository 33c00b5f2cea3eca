#include "cli/history_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "cli/commands.hpp"
#include "cli/data_dir.hpp"
#include "cli/terminal.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {

void add_history_options(CLI::App& command, HistoryChoice& choice, bool with_environment) {
  // The variables are read once, by the global options: a command's own --db given by them
  // too would override a global `--db` written before the command. Its help still names them.
  const std::string_view db_variable =
      with_environment ? "" : tr("(环境变量:COACH_DB)", " (Env:COACH_DB)");
  auto* db = command.add_option(
      "--db", choice.db,
      std::string(tr("练习与批改记录库(默认:数据目录下的 history.sqlite3)",
                     "history database (default: history.sqlite3 in the data directory)")) +
          std::string(db_variable));
  db->type_name(std::string(tr("文件", "FILE")))->check(non_empty_path("--db"));
  // Where CLI11 names the variable itself (the global option), only its values are added.
  const std::string_view values =
      with_environment ? tr("(取值:1/0、yes/no、on/off、true/false)",
                            " (values: 1/0, yes/no, on/off, true/false)")
                       : tr("(环境变量 COACH_NO_HISTORY:1/0、yes/no、on/off、true/false)",
                            " (COACH_NO_HISTORY: 1/0, yes/no, on/off, true/false)");
  auto* off = command.add_flag(
      "--no-history", choice.off,
      std::string(tr("不读写练习与批改记录库", "neither read nor write the history database")) +
          std::string(values));
  if (!with_environment) return;
  if (!environment_path_problem("COACH_DB")) db->envname("COACH_DB");
  // An unreadable switch is left to the command, which says why it stops (CLI11 would misread
  // a number, and blame the command line for any other word).
  if (!unreadable_history_switch()) off->envname("COACH_NO_HISTORY");
}

std::optional<std::string> unreadable_history_switch() {
  const char* value = std::getenv("COACH_NO_HISTORY");
  if (!value || !*value) return std::nullopt;
  // Only the words the README names: CLI11 also reads any number (0x1 as 0, -1 as 1), and a job
  // that wrote 0x1 meaning "off" would go on writing every trainee's replies. CLI11 reads each
  // of these as they are meant when the command line is parsed.
  std::string word = value;
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::array<std::string_view, 8> kWords = {"1",  "0",   "yes",  "no",
                                                             "on", "off", "true", "false"};
  if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return std::nullopt;
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
