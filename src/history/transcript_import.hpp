#pragma once
// Before the history was a database, each practice session was kept only as a YAML transcript
// in the sessions directory. The first time a database is used they are graded and imported,
// once: each under a key naming its file and attempt, so no session is ever counted twice.
#include <functional>
#include <string>

#include "engine/result.hpp"
#include "history/history_store.hpp"
#include "load/scenario_library.hpp"
#include "model/answers.hpp"

namespace coach::history {

// Each attempt of the transcripts in `sessions_dir` that has a reply and a known scenario,
// scored as `grade` scores it: visit(file, its index in the file, the attempt, the result).
// Files that cannot be read are skipped, as the practice menu always did; an exam sat without
// --record is in its scenarios' transcripts and in its submission, and is visited once.
using TranscriptVisitor = std::function<void(const std::string& file, std::size_t index,
                                             const Attempt& attempt, const AttemptResult& result)>;
void for_each_transcript_attempt(const std::string& sessions_dir, const ScenarioLibrary& library,
                                 const TranscriptVisitor& visit);

// Imports the transcripts of `sessions_dir` unless this database already has them; returns
// how many attempts were added. Transcripts that cannot be read or whose scenario is unknown
// are left out, as the practice menu always did.
int import_transcripts_once(HistoryStore& store, const std::string& sessions_dir,
                            const ScenarioLibrary& library);

}  // namespace coach::history
