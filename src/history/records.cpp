#include "history/records.hpp"

namespace coach::history {

std::string_view kind_id(AttemptKind kind) {
  return kind == AttemptKind::grade ? "grade" : "practice";
}

std::optional<AttemptKind> parse_kind(std::string_view id) {
  if (id == "practice") return AttemptKind::practice;
  if (id == "grade") return AttemptKind::grade;
  return std::nullopt;
}

double StepRecord::ratio() const {
  if (!answered) return 0.0;
  return max > 0 ? static_cast<double>(score) / max : (critical_failed ? 0.0 : 1.0);
}

AttemptRecord make_attempt_record(AttemptKind kind, const AttemptResult& result,
                                  const Attempt& answers) {
  AttemptRecord record;
  record.kind = kind;
  record.trainee = result.trainee;
  record.scenario_id = result.scenario_id;
  record.source_file = result.file;
  record.score = result.score;
  record.passed = result.passed;
  record.walked_out = result.walked_out;
  for (const StepResult& step : result.steps) {
    StepRecord row;
    row.step_id = step.step_id;
    row.stage = step.stage;
    row.answered = step.answered;
    row.score = step.answered ? step.score : 0;
    row.max = step.max;
    row.passed = step.passed;
    row.critical_failed = step.critical_failed;
    row.reply = step.reply;
    row.seconds = answers.seconds_for(step.step_id);
    record.steps.push_back(std::move(row));
  }
  return record;
}

}  // namespace coach::history
