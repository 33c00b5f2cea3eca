#pragma once
// The transcripts kept in the sessions folder before the history was a database: imported once
// into the user's own database, with a word for those that cannot be read (without it, a
// trainee's session vanished from the history unexplained).
#include <string>
#include <vector>

#include "history/history_store.hpp"
#include "history/transcript_import.hpp"
#include "load/scenario_library.hpp"

namespace coach::cli {

// Imports the sessions folder into `store` unless it has it already, and says on stderr which
// transcripts could not be read.
void import_old_transcripts(history::HistoryStore& store, const ScenarioLibrary& library);

// A warning naming each unread transcript with its first problem (at most ten, then how many
// more), and what to do; empty when every transcript was read.
std::string unread_transcripts_warning(const std::vector<history::UnreadTranscript>& unread);

}  // namespace coach::cli
