#pragma once
// Where coach keeps what it remembers for the user: $XDG_DATA_HOME/complaint-coach, or
// ~/.local/share/complaint-coach.
#include <string>

namespace coach::cli {

// Empty when neither XDG_DATA_HOME nor HOME is set to an absolute path (a relative one is
// ignored, as the XDG specification says).
std::string data_dir();

}  // namespace coach::cli
