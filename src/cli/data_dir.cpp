#include "cli/data_dir.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace fs = std::filesystem;

namespace {

// A relative path would move the history and the recordings with the folder coach is started
// from; the XDG Base Directory specification calls such a value invalid, to be ignored.
const char* absolute_path_in(const char* variable) {
  const char* value = std::getenv(variable);
  return value && *value == '/' ? value : nullptr;
}

}  // namespace

std::string data_dir() {
  fs::path base;
  if (const char* xdg = absolute_path_in("XDG_DATA_HOME")) {
    base = xdg;
  } else if (const char* home = absolute_path_in("HOME")) {
    base = fs::path(home) / ".local" / "share";
  } else {
    return {};
  }
  return (base / "complaint-coach").string();
}

std::string no_data_dir_reason() {
  std::string reason;
  for (const char* variable : {"XDG_DATA_HOME", "HOME"}) {
    const char* value = std::getenv(variable);
    if (!value || !*value) continue;
    if (!reason.empty()) reason += tr(";", "; ");
    reason += fmt::format(
        fmt::runtime(tr("{}={} 是相对路径,已忽略", "{}={} is a relative path, ignored")), variable,
        utf8::quote(value));
  }
  if (reason.empty())
    return std::string(
        tr("XDG_DATA_HOME 和 HOME 都未设置", "neither XDG_DATA_HOME nor HOME is set"));
  return reason;
}

std::string default_history_path() {
  const std::string dir = data_dir();
  if (dir.empty()) return {};
  return (fs::path(dir) / "history.sqlite3").string();
}

bool is_own_history(const std::string& path) {
  return !path.empty() && path == default_history_path();
}

namespace {

// A folder someone made setgid for a group (a data home shared by a cohort) is meant to be
// shared: what coach makes in it keeps the group's access, as the umask allows, where 0700 made
// the first user's `sessions/` everyone else's dead end (outside pass 51, finding 8).
mode_t mode_for_folder_in(const fs::path& parent) {
  struct stat info {};
  const bool shared = ::stat(parent.c_str(), &info) == 0 && (info.st_mode & S_ISGID) != 0;
  return shared ? 0777 : 0700;
}

}  // namespace

std::error_code create_private_dirs(const std::string& dir) {
  fs::path made;
  for (const fs::path& part : fs::path(dir)) {
    const fs::path parent = made.empty() ? fs::path("/") : made;
    made /= part;
    if (::mkdir(made.c_str(), mode_for_folder_in(parent)) != 0 && errno != EEXIST)
      return std::error_code(errno, std::generic_category());
  }
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return ec ? ec : std::make_error_code(std::errc::not_a_directory);
  return {};
}

}  // namespace coach::cli
