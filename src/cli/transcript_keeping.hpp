#pragma once
// Whether the sessions directory can keep a session's transcript, asked before the session as
// a --record file is: without --record a session has no other copy of what was typed, and an
// exam no other submission. What to say when it cannot.
#include <optional>
#include <string>

namespace coach::cli {

// Why no transcript can be kept in sessions_dir(): there is no data directory, or the sessions
// directory cannot be created (a parent is a file, a read-only home) or written; nullopt when
// it can (it is created here when missing).
std::optional<std::string> sessions_dir_problem();

// Said at the start of a practice session whose transcript will be kept nowhere.
std::string unkept_transcript_warning(const std::string& problem);

// Said at the end of that session: nothing of it was saved (`problem`: why, when known).
std::string unkept_transcript_note(const std::string& problem);

// Why an exam without --record does not start: its submission would be written nowhere.
std::string unkept_submission_refusal(const std::string& problem);

}  // namespace coach::cli
