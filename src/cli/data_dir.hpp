#pragma once
// Where coach keeps what it remembers for the user: $XDG_DATA_HOME/complaint-coach, or
// ~/.local/share/complaint-coach.
#include <string>
#include <system_error>

namespace coach::cli {

// Empty when neither XDG_DATA_HOME nor HOME is set to an absolute path (a relative one is
// ignored, as the XDG specification says).
std::string data_dir();

// Why data_dir() is empty, for a message: "XDG_DATA_HOME 和 HOME 都未设置", or which of them was
// set to a relative path and so ignored (HOME=rel looked set to whoever echoed it).
std::string no_data_dir_reason();

// $XDG_DATA_HOME/complaint-coach/history.sqlite3, the user's own database; empty when there is
// no data directory.
std::string default_history_path();

// Whether the database at `path` is the user's own, in the data directory beside the sessions
// folder. Only it takes in the transcripts of that folder (a trainee who read a cohort's shared
// database copied every private session into it: outside pass 50, finding 5), only its folders
// are made private, and only its damage is mended by importing them again.
bool is_own_history(const std::string& path);

// Makes `dir` and its missing parents as the XDG specification asks of a data directory: 0700,
// so that on a shared training PC one trainee's replies, exam sittings and history are not read
// by the next (outside pass 50, finding 3). In a setgid folder (one prepared for a group) they
// get what the umask allows instead. Folders already there are left as they are.
std::error_code create_private_dirs(const std::string& dir);

}  // namespace coach::cli
