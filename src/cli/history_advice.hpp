#pragma once
// What a trainer can do about a history database that failed: every failure must say what
// happened and what to do, and a damaged file is one a trainer can act on.
#include <exception>
#include <string>

namespace coach::cli {

// `error` as said to the user, followed, when SQLite found the file damaged, by what to do:
// recover its records with sqlite3, or move it aside so that coach starts a new one and imports
// the transcripts of the sessions directory again.
std::string history_problem(const std::exception& error, const std::string& path);

}  // namespace coach::cli
