#include "cli/data_dir.hpp"

#include <cstdlib>
#include <filesystem>

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

}  // namespace coach::cli
