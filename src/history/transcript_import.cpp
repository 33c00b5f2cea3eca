#include "history/transcript_import.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>

#include "engine/scorer.hpp"
#include "history/exam_sittings.hpp"
#include "history/timestamps.hpp"
#include "load/answers_loader.hpp"
#include "load/yaml_files.hpp"
#include "util/sha256.hpp"

namespace coach::history {
namespace fs = std::filesystem;

namespace {

struct Transcripts {
  std::vector<AttemptRecord> attempts;
  std::vector<std::string> keys;
};

// A session longer than this is a hand-edited `seconds:`, not a session: it must not carry
// the start into another year.
constexpr double kLongestSession = 24 * 60 * 60;

// The start of a session whose transcript was last written at `finished`: its replies took
// the seconds it records. The file name's time is not used: it is local time in a time zone
// the transcript does not record (the home copied to another machine, a UTC runner, TZ set in
// one shell), and read in the importer's zone it put the start hours after the finish.
std::string started_before(std::time_t finished, const Attempt& attempt) {
  double took = 0;
  for (const auto& [step, seconds] : attempt.seconds)
    if (seconds > 0) took += seconds;
  took = std::min(took, kLongestSession);
  return utc_timestamp(finished - static_cast<std::time_t>(std::ceil(took)));  // never late
}

std::time_t modified_at(const std::string& file) {
  std::error_code ec;
  const auto written = fs::last_write_time(file, ec);
  if (ec) return std::time(nullptr);
  // Converted exactly: through both clocks' now() it could come out a second early.
  const auto system =
      std::chrono::floor<std::chrono::seconds>(fs::file_time_type::clock::to_sys(written));
  return std::chrono::system_clock::to_time_t(system);
}

void add_transcript_attempt(const std::string& file, std::size_t index, const Attempt& attempt,
                            const AttemptResult& result, const ScenarioLibrary& library,
                            Transcripts& out) {
  const std::string name = fs::path(file).filename().string();
  AttemptRecord record = make_attempt_record(AttemptKind::practice, result, attempt);
  record.scenario_sha256 = sha256_of_file(library.find(attempt.scenario_id)->scenario().file);
  const std::time_t finished = modified_at(file);
  record.finished_at = utc_timestamp(finished);
  record.started_at = started_before(finished, attempt);
  out.attempts.push_back(std::move(record));
  out.keys.push_back("sessions/" + name + "#" + std::to_string(index));
}

void visit_attempts(const std::string& file, const AnswersFile& answers,
                    const ScenarioLibrary& library, ExamSittings& sittings,
                    const TranscriptVisitor& visit) {
  const bool submission = sittings.submission(file) != nullptr;
  for (std::size_t i = 0; i < answers.attempts.size(); ++i) {
    const Attempt& attempt = answers.attempts[i];
    const Rubric* rubric = library.find(attempt.scenario_id);
    if (!rubric || attempt.responses.empty()) continue;
    if (submission ? sittings.counted_from_transcript(file, i)
                   : sittings.counted_from_submission(file, answers.trainee, attempt))
      continue;
    visit(file, i, attempt, score_attempt(*rubric, attempt, answers.trainee, file));
  }
}

// The first line of what the loader found: enough to find the file and its problem.
std::string first_problem(const Diagnostics& diagnostics) {
  std::string text = diagnostics.to_string();
  if (const auto end = text.find('\n'); end != std::string::npos) text.resize(end);
  return text;
}

}  // namespace

void for_each_transcript_attempt(const std::string& sessions_dir, const ScenarioLibrary& library,
                                 const TranscriptVisitor& visit, const UnreadVisitor& unread) {
  std::error_code ec;
  if (sessions_dir.empty() || !fs::is_directory(sessions_dir, ec)) return;
  const std::vector<std::string> files = yaml_files_in(sessions_dir);
  ExamSittings sittings(files);
  // The transcripts first, so that each submission knows which of its attempts they counted.
  for (const bool submissions : {false, true}) {
    for (const auto& file : files) {
      if ((sittings.submission(file) != nullptr) != submissions) continue;
      if (submissions) {
        visit_attempts(file, *sittings.submission(file), library, sittings, visit);
        continue;
      }
      Diagnostics problems;
      const auto answers = load_answers_file(file, problems);
      if (answers)
        visit_attempts(file, *answers, library, sittings, visit);
      else if (unread)
        unread({file, first_problem(problems)});
    }
  }
}

TranscriptImport import_transcripts_once(HistoryStore& store, const std::string& sessions_dir,
                                         const ScenarioLibrary& library) {
  TranscriptImport import;
  if (store.transcripts_imported()) return import;
  Transcripts found;
  for_each_transcript_attempt(
      sessions_dir, library,
      [&](const std::string& file, std::size_t index, const Attempt& attempt,
          const AttemptResult& result) {
        add_transcript_attempt(file, index, attempt, result, library, found);
      },
      [&](const UnreadTranscript& transcript) { import.unread.push_back(transcript); });
  // Noted as done even when there was nothing to import: sessions from now on are written to
  // the database as they happen.
  import.added = store.import_transcripts(found.attempts, found.keys);
  return import;
}

}  // namespace coach::history
