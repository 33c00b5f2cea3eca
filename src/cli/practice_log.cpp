#include "cli/practice_log.hpp"

#include <filesystem>

#include "history/timestamps.hpp"
#include "util/sha256.hpp"

namespace coach::cli {

PracticeLog::PracticeLog(HistoryLink& link, const Rubric& rubric)
    : link_(&link), started_at_(history::utc_now()) {
  if (link_->on()) scenario_sha256_ = sha256_of_file(rubric.scenario().file);
}

void PracticeLog::save(const Session& session, const std::string& recording, bool finished) {
  if (!link_->on()) return;
  const AnswersFile transcript = session.transcript();
  const Attempt& answers = transcript.attempts.front();
  if (id_ == 0 && answers.responses.empty()) return;
  history::AttemptRecord record =
      history::make_attempt_record(history::AttemptKind::practice, session.result(), answers);
  record.scenario_sha256 = scenario_sha256_;
  record.started_at = started_at_;
  if (finished) record.finished_at = history::utc_now();
  std::error_code ec;
  if (!recording.empty()) record.source_file = std::filesystem::absolute(recording, ec).string();
  link_->use([&](history::HistoryStore& store) {
    if (id_ == 0) {
      id_ = store.add(record);
    } else {
      store.replace(id_, record);
    }
  });
}

}  // namespace coach::cli
