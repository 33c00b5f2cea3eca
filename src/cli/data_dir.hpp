#pragma once
// Where coach keeps what it remembers for the user: $XDG_DATA_HOME/complaint-coach, or
// ~/.local/share/complaint-coach.
#include <string>

namespace coach::cli {

// Empty when neither XDG_DATA_HOME nor HOME is set to an absolute path (a relative one is
// ignored, as the XDG specification says).
std::string data_dir();

// Why data_dir() is empty, for a message: "XDG_DATA_HOME 和 HOME 都未设置", or which of them was
// set to a relative path and so ignored (HOME=rel looked set to whoever echoed it).
std::string no_data_dir_reason();

}  // namespace coach::cli
