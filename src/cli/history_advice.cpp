#include "cli/history_advice.hpp"

#include <fmt/format.h>

#include "cli/data_dir.hpp"
#include "cli/practice_history.hpp"
#include "history/sqlite.hpp"
#include "util/i18n.hpp"
#include "util/out_of_memory.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

// Graded attempts are not in the sessions directory: a new database gets them back only from
// grading again (their reports keep every grade), so the recovery comes first. Only the user's
// own database takes the sessions in again; one named with --db starts empty.
std::string damaged_advice(const std::string& path) {
  if (!is_own_history(path))
    return fmt::format(fmt::runtime(tr(";可用 sqlite3 {0} .recover 抢救其中的记录;或把 {0} "
                                       "移到别处,coach 下次会新建一个空的记录库",
                                       "; sqlite3 {0} .recover may save its records; or move {0} "
                                       "aside, and coach starts a new, empty history")),
                       utf8::show_name(path));
  const std::string sessions = sessions_dir();
  return fmt::format(
      fmt::runtime(tr(";可用 sqlite3 {0} .recover 抢救其中的记录;或把 {0} 移到别处,"
                      "coach 下次会新建记录库,并重新导入 {1} 中的练习记录"
                      "(批改的成绩不在其中,在当时的报告里)",
                      "; sqlite3 {0} .recover may save its records; or move {0} aside, and "
                      "coach starts a new history and imports the practice sessions in {1} "
                      "again (graded attempts are not there, but in their reports)")),
      utf8::show_name(path),
      sessions.empty() ? std::string(tr("sessions 文件夹", "the sessions folder"))
                       : utf8::show_name(sessions));
}

}  // namespace

std::string history_problem(const std::exception& error, const std::string& path) {
  const auto* sqlite = dynamic_cast<const history::SqliteError*>(&error);
  std::string text = error_text(error);
  if (sqlite && sqlite->damaged()) text += damaged_advice(path);
  return text;
}

}  // namespace coach::cli
