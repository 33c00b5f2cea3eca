#include "history/transcript_import.hpp"

#include <cstdio>
#include <ctime>
#include <filesystem>

#include "engine/scorer.hpp"
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

// Practice named its transcripts `YYYYmmdd-HHMMSS-<pid>-<scenario>.yaml`, in local time.
std::optional<std::string> started_from_name(const std::string& name) {
  std::tm parts{};
  int used = 0;
  if (std::sscanf(name.c_str(), "%4d%2d%2d-%2d%2d%2d-%n", &parts.tm_year, &parts.tm_mon,
                  &parts.tm_mday, &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &used) != 6 ||
      used == 0)
    return std::nullopt;
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  parts.tm_isdst = -1;
  const std::time_t when = std::mktime(&parts);
  if (when == static_cast<std::time_t>(-1)) return std::nullopt;
  return utc_timestamp(when);
}

std::string modified_at(const std::string& file) {
  std::error_code ec;
  const auto written = fs::last_write_time(file, ec);
  if (ec) return utc_now();
  const auto system = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
      written - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
  return utc_timestamp(std::chrono::system_clock::to_time_t(system));
}

void add_transcript_attempt(const std::string& file, std::size_t index, const Attempt& attempt,
                            const AttemptResult& result, const ScenarioLibrary& library,
                            Transcripts& out) {
  const std::string name = fs::path(file).filename().string();
  AttemptRecord record = make_attempt_record(AttemptKind::practice, result, attempt);
  record.scenario_sha256 = sha256_of_file(library.find(attempt.scenario_id)->scenario().file);
  record.finished_at = modified_at(file);
  record.started_at = started_from_name(name).value_or(record.finished_at);
  out.attempts.push_back(std::move(record));
  out.keys.push_back("sessions/" + name + "#" + std::to_string(index));
}

}  // namespace

void for_each_transcript_attempt(const std::string& sessions_dir, const ScenarioLibrary& library,
                                 const TranscriptVisitor& visit) {
  std::error_code ec;
  if (sessions_dir.empty() || !fs::is_directory(sessions_dir, ec)) return;
  for (const auto& file : yaml_files_in(sessions_dir)) {
    Diagnostics ignored;
    const auto answers = load_answers_file(file, ignored);
    if (!answers) continue;
    for (std::size_t i = 0; i < answers->attempts.size(); ++i) {
      const Attempt& attempt = answers->attempts[i];
      const Rubric* rubric = library.find(attempt.scenario_id);
      if (!rubric || attempt.responses.empty()) continue;
      visit(file, i, attempt, score_attempt(*rubric, attempt, answers->trainee, file));
    }
  }
}

int import_transcripts_once(HistoryStore& store, const std::string& sessions_dir,
                            const ScenarioLibrary& library) {
  if (store.transcripts_imported()) return 0;
  Transcripts found;
  for_each_transcript_attempt(sessions_dir, library,
                              [&](const std::string& file, std::size_t index,
                                  const Attempt& attempt, const AttemptResult& result) {
                                add_transcript_attempt(file, index, attempt, result, library,
                                                       found);
                              });
  // Noted as done even when there was nothing to import: sessions from now on are written to
  // the database as they happen.
  return store.import_transcripts(found.attempts, found.keys);
}

}  // namespace coach::history
