#include "cli/practice_log.hpp"

#include <filesystem>
#include <utility>

#include "history/timestamps.hpp"
#include "util/sha256.hpp"

namespace coach::cli {

PracticeLog::PracticeLog(SessionBacklog& backlog, const Rubric& rubric)
    : backlog_(&backlog), number_(backlog.open_session()), started_at_(history::utc_now()) {
  if (backlog_->on()) scenario_sha256_ = sha256_of_file(rubric.scenario().file);
}

void PracticeLog::save(const Session& session, const std::string& recording, bool finished) {
  if (!backlog_->on()) return;
  const AnswersFile transcript = session.transcript();
  const Attempt& answers = transcript.attempts.front();
  if (!saved_ && answers.responses.empty()) return;
  history::AttemptRecord record =
      history::make_attempt_record(history::AttemptKind::practice, session.result(), answers);
  record.scenario_sha256 = scenario_sha256_;
  record.started_at = started_at_;
  if (finished) record.finished_at = history::utc_now();
  std::error_code ec;
  if (!recording.empty()) record.source_file = std::filesystem::absolute(recording, ec).string();
  backlog_->save(number_, std::move(record));
  saved_ = true;
}

}  // namespace coach::cli
