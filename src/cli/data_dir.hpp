#pragma once
// Where coach keeps what it remembers for the user: $XDG_DATA_HOME/complaint-coach, or
// ~/.local/share/complaint-coach.
#include <string>

namespace coach::cli {

// Empty when neither XDG_DATA_HOME nor HOME is set.
std::string data_dir();

}  // namespace coach::cli
