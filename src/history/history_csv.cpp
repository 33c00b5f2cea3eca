#include "history/history_csv.hpp"

#include <fmt/format.h>

#include "report/csv.hpp"
#include "util/utf8.hpp"

namespace coach::history {
namespace {

std::string flag(bool value) {
  return value ? "true" : "false";
}

}  // namespace

std::string history_csv_head() {
  return csv_header({"attempt",    "kind",          "trainee",         "scenario",
                     "started_at", "finished_at",   "source_file",     "scenario_sha256",
                     "exam",       "attempt_score", "attempt_passed",  "walked_out",
                     "step",       "stage",         "answered",        "score",
                     "max",        "passed",        "critical_failed", "seconds",
                     "reply"});
}

std::string history_csv_row(const AttemptRecord& attempt, const StepRecord& step) {
  return csv_row({std::to_string(attempt.id),
                  std::string(kind_id(attempt.kind)),
                  csv_text_cell(utf8::show_name(attempt.trainee)),
                  csv_text_cell(utf8::show_name(attempt.scenario_id)),
                  csv_text_cell(attempt.started_at),
                  csv_text_cell(attempt.finished_at),
                  csv_text_cell(utf8::show_name(attempt.source_file)),
                  csv_text_cell(attempt.scenario_sha256),
                  csv_text_cell(attempt.exam_id),
                  fmt::format("{:.1f}", attempt.score),
                  flag(attempt.passed),
                  flag(attempt.walked_out),
                  csv_text_cell(step.step_id),
                  std::string(stage_id(step.stage)),
                  flag(step.answered),
                  std::to_string(step.score),
                  std::to_string(step.max),
                  flag(step.passed),
                  flag(step.critical_failed),
                  step.seconds ? fmt::format("{:.1f}", *step.seconds) : "",
                  csv_text_cell(step.reply)});
}

}  // namespace coach::history
