#pragma once
// Options every command shares.
#include <string>

namespace coach::cli {

struct Context {
  std::string scenarios_dir;  // --scenarios or COACH_SCENARIOS; empty: the bundled ones
  std::string lang;           // --lang zh|en; empty: from the locale
  bool no_color = false;
};

}  // namespace coach::cli
