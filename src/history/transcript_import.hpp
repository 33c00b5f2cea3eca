#pragma once
// Before the history was a database, each practice session was kept only as a YAML transcript
// in the sessions directory. The first time a database is used they are graded and imported,
// once: each under a key naming its file and attempt, so no session is ever counted twice.
#include <functional>
#include <string>
#include <vector>

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

// A transcript that could not be read, and the first problem found in it (`file:line:col: …`).
struct UnreadTranscript {
  std::string file;
  std::string problem;
};
using UnreadVisitor = std::function<void(const UnreadTranscript&)>;

void for_each_transcript_attempt(const std::string& sessions_dir, const ScenarioLibrary& library,
                                 const TranscriptVisitor& visit, const UnreadVisitor& unread = {});

struct TranscriptImport {
  int added = 0;
  // Left out because they cannot be read: said once, when the import is made, since a
  // trainee's session missing from the history unexplained looks lost (outside pass 48).
  std::vector<UnreadTranscript> unread;
};

// Imports the transcripts of `sessions_dir` unless this database already has them. Attempts
// whose scenario is unknown are left out, as the practice menu always did.
TranscriptImport import_transcripts_once(HistoryStore& store, const std::string& sessions_dir,
                                         const ScenarioLibrary& library);

}  // namespace coach::history
