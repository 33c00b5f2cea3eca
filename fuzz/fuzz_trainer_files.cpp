// libFuzzer target: the trainer's files the other targets do not read — an exam, a roster and
// a customer-type file — each read from the same bytes, as `coach grade --exam --roster` and
// the library loader read them. An exam that reads cleanly against the bundled library then
// judges a scored attempt of every scenario it names and gives its verdicts. Bad input must give
// diagnostics, never a crash, a hang or an exam verdict that contradicts its attempts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include "bundled_library.hpp"
#include "engine/exam_grader.hpp"
#include "engine/scorer.hpp"
#include "load/customer_types_loader.hpp"
#include "load/exam_loader.hpp"
#include "load/roster_loader.hpp"
#include "util/utf8.hpp"

namespace {

const coach::ScenarioLibrary& library() {
  return bundled_library(COACH_FUZZ_SCENARIOS);
}

// An attempt answering every step with its first model answer, scored once per scenario: the
// exam's rules are what vary between inputs, not the scoring.
const coach::AttemptResult& model_attempt(const coach::Rubric& rubric) {
  static std::map<std::string, coach::AttemptResult> scored;
  const std::string& id = rubric.scenario().id;
  auto found = scored.find(id);
  if (found != scored.end()) return found->second;
  coach::Attempt attempt;
  attempt.scenario_id = id;
  for (const auto& step : rubric.scenario().steps) {
    if (!step.model_answers.empty()) attempt.responses.emplace_back(step.id, step.model_answers[0]);
  }
  return scored.emplace(id, coach::score_attempt(rubric, attempt, "fuzz", "fuzz.yaml"))
      .first->second;
}

void judge(const coach::Exam& exam) {
  coach::ExamTally tally(exam);
  tally.expect("absent");
  for (const auto& scenario_id : exam.scenario_ids) {
    const coach::Rubric* rubric = library().find(scenario_id.text);
    if (!rubric) std::abort();  // check_exam_references let an unknown scenario through
    coach::AttemptResult attempt = model_attempt(*rubric);
    const bool passed_alone = attempt.passed;
    auto unmet = coach::apply_exam(exam, *rubric, attempt);
    // The exam's rules may fail an attempt for what it missed; a failure must say why.
    if (!exam.pass_mark && passed_alone && !attempt.passed && unmet.empty()) std::abort();
    tally.record(attempt, std::move(unmet));
  }
  for (const auto& verdict : tally.verdicts()) {
    if (verdict.trainee == "absent" && verdict.passed && !exam.scenario_ids.empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  // The loaders expect what read_text_file hands them: valid UTF-8.
  if (coach::utf8::find_invalid(content)) return -1;
  coach::Diagnostics diagnostics;
  (void)coach::parse_roster(content, "fuzz-roster.txt", diagnostics);
  coach::CustomerTypes types;
  coach::parse_customer_types(content, "fuzz-types.yaml", types, diagnostics);
  coach::Diagnostics exam_diagnostics;
  if (auto exam = coach::parse_exam(content, "fuzz-exam.yaml", exam_diagnostics)) {
    coach::check_exam_references(*exam, library(), exam_diagnostics);
    if (exam_diagnostics.empty()) judge(*exam);
  }
  for (const auto& item : diagnostics.items()) (void)item.to_string();
  for (const auto& item : exam_diagnostics.items()) (void)item.to_string();
  return 0;
}
