#include "cli/data_dir.hpp"

#include <cstdlib>
#include <filesystem>

namespace coach::cli {
namespace fs = std::filesystem;

std::string data_dir() {
  fs::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = fs::path(home) / ".local" / "share";
  } else {
    return {};
  }
  return (base / "complaint-coach").string();
}

}  // namespace coach::cli
