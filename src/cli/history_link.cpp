#include "cli/history_link.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <system_error>

#include "cli/data_dir.hpp"
#include "cli/history_advice.hpp"
#include "load/yaml_files.hpp"
#include "util/i18n.hpp"
#include "util/out_of_memory.hpp"
#include "util/output_file.hpp"
#include "util/system_error_text.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace fs = std::filesystem;

std::unique_ptr<history::HistoryStore> open_history_store(const std::string& path) {
  // coach reads YAML files by their name: a database so named in a scenario or submissions
  // folder was read back as a broken scenario, and every later `list` and `grade` stopped at it.
  // A link is judged by the file SQLite would make, where it leads.
  if (is_yaml_name(path) || is_yaml_name(output_target(path)))
    throw std::runtime_error(std::string(
        tr("记录库的文件名不能以 .yaml 或 .yml 结尾,coach 会把这样的文件当作场景或答卷来读;"
           "请换一个名字,例如 history.sqlite3",
           "a history database may not be named .yaml or .yml, as coach reads such files as "
           "scenarios or answers; choose another name, such as history.sqlite3")));
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  // The user's own database is made in the data folder, private whichever command makes it
  // first (outside pass 51, finding 3); one named with --db gets the folders the umask allows.
  if (is_own_history(path))
    ec = create_private_dirs(parent.string());
  else if (!parent.empty())
    fs::create_directories(parent, ec);
  if (ec) throw std::runtime_error(system_error_text(ec.value()));  // in the user's language
  return std::make_unique<history::HistoryStore>(path);
}

HistoryLink::HistoryLink(std::optional<std::string> path) : path_(path.value_or("")) {
  if (!path) return;
  if (path_.empty()) {
    std::cerr << fmt::format(
        fmt::runtime(tr("coach: 警告:找不到数据目录({}),本次不记入练习与"
                        "批改记录;可用 --db 指定记录库。成绩与报告不受影响。\n",
                        "coach: warning: no data directory ({}), so "
                        "nothing is recorded in the history this time; choose a database with "
                        "--db. Scores and reports are not affected.\n")),
        no_data_dir_reason());
    return;
  }
  try {
    store_ = open_history_store(path_);
    opened_ = file_identity(path_);
  } catch (const std::exception& e) {
    warn(history_problem(e, path_));
  }
}

bool HistoryLink::use(const std::function<void(history::HistoryStore&)>& body) {
  if (!store_) return false;
  try {
    body(*store_);
    return true;
  } catch (const std::exception& e) {
    warn(history_problem(e, path_));
    store_.reset();
    return false;
  }
}

namespace {
// After a failed write, how long the next ones wait for a lock another process holds: a
// database kept locked must not hold up every reply of a session for the usual ten seconds.
constexpr std::chrono::milliseconds kPatienceWhileFailing{1000};
}  // namespace

bool HistoryLink::write(const std::function<void(history::HistoryStore&)>& body) {
  if (!store_) return false;
  try {
    body(*store_);
  } catch (const std::exception& e) {
    // Damage does not pass as a full disk does: writing on would add to a file SQLite says is
    // broken, and every reply would say so again. The sessions directory keeps the session.
    if (const auto* sqlite = dynamic_cast<const history::SqliteError*>(&e);
        sqlite && sqlite->damaged()) {
      warn(history_problem(e, path_));
      store_.reset();
      return false;
    }
    if (!failing_) warn_unwritten(error_text(e));
    failing_ = true;
    store_->set_patience(kPatienceWhileFailing);
    return false;
  }
  if (failing_) store_->set_patience(history::Database::kUsualPatience);
  failing_ = false;
  return true;
}

bool HistoryLink::still_at_path() const {
  return !store_ || !opened_ || file_identity(path_) == opened_;
}

void HistoryLink::warn_unwritten(std::string_view problem) {
  std::cerr << fmt::format(
      fmt::runtime(tr("coach: 警告:练习与批改记录库 {} 暂时无法写入({});没写进去的内容"
                      "会在下次写入时补上。成绩与报告不受影响。\n",
                      "coach: warning: the history database {} cannot be written just now "
                      "({}); what was not written is written at the next write. Scores and "
                      "reports are not affected.\n")),
      utf8::show_name(path_), utf8::escape_controls(problem));
}

void HistoryLink::warn(std::string_view problem) {
  std::cerr << fmt::format(
      fmt::runtime(tr("coach: 警告:练习与批改记录库 {} 无法使用({}),本次不再记入;"
                      "成绩与报告不受影响。\n",
                      "coach: warning: the history database {} cannot be used ({}); nothing more "
                      "is recorded in it this time. Scores and reports are not affected.\n")),
      utf8::show_name(path_), utf8::escape_controls(problem));
}

}  // namespace coach::cli
