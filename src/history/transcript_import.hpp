#pragma once
// Before the history was a database, each practice session was kept only as a YAML transcript
// in the sessions directory. The first time a database is used they are graded and imported,
// once: each under a key naming its file and attempt, so no session is ever counted twice.
#include <string>

#include "history/history_store.hpp"
#include "load/scenario_library.hpp"

namespace coach::history {

// Imports the transcripts of `sessions_dir` unless this database already has them; returns
// how many attempts were added. Transcripts that cannot be read or whose scenario is unknown
// are left out, as the practice menu always did.
int import_transcripts_once(HistoryStore& store, const std::string& sessions_dir,
                            const ScenarioLibrary& library);

}  // namespace coach::history
