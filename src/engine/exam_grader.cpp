#include "engine/exam_grader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "util/i18n.hpp"
#include "util/inner_quotes.hpp"

namespace coach {
namespace {

bool names_concept(const Rule& rule, const std::string& concept_id) {
  if (rule.concept_id == concept_id) return true;
  return std::find(rule.order_items.begin(), rule.order_items.end(), concept_id) !=
         rule.order_items.end();
}

bool is_must_pass_concept(const Exam& exam, const Rule& rule) {
  return std::any_of(
      exam.must_pass_concepts.begin(), exam.must_pass_concepts.end(),
      [&](const MarkedText& concept_id) { return names_concept(rule, concept_id.text); });
}

bool is_must_pass_stage(const Exam& exam, Stage stage) {
  return std::find(exam.must_pass_stages.begin(), exam.must_pass_stages.end(), stage) !=
         exam.must_pass_stages.end();
}

std::string must_pass_rule_text(const RuleResult& rule) {
  return fmt::format(fmt::runtime(tr("必过规则「{}」", "must-pass rule “{}”")),
                     with_inner_quotes(rule.description));
}

std::string must_pass_stage_text(Stage stage) {
  return fmt::format(fmt::runtime(tr("必过阶段 {}", "must-pass stage {}")), stage_id(stage));
}

// An answered step: a failed step of a must-pass stage, and each failed rule on a must-pass
// concept. Rule results follow the scenario's rules in order; trailing verdicts (keyword
// stuffing, conduct breaches) have no rule of the step and no concept of their own.
void check_answered_step(const Exam& exam, const Step& definition, const StepResult& step,
                         std::vector<std::string>& unmet) {
  if (is_must_pass_stage(exam, step.stage) && !step.passed)
    unmet.push_back(fmt::format(fmt::runtime(tr("必过阶段 {stage} 的步骤 `{step}` 未通过",
                                                "step `{step}` of must-pass stage {stage} failed")),
                                fmt::arg("stage", stage_id(step.stage)),
                                fmt::arg("step", step.step_id)));
  const std::size_t rules = std::min(definition.rules.size(), step.rules.size());
  for (std::size_t i = 0; i < rules; ++i) {
    if (step.rules[i].ok || !is_must_pass_concept(exam, definition.rules[i])) continue;
    unmet.push_back(fmt::format(fmt::runtime(tr("步骤 `{}`:{}未通过", "step `{}`: {} failed")),
                                step.step_id, must_pass_rule_text(step.rules[i])));
  }
}

// What an unanswered step misses of the exam: its must-pass stage, and its rules on must-pass
// concepts. Nothing was said there, so no forbidding rule was broken, but none was shown kept
// either: leaving out the step a requirement guards must not pass the exam.
std::vector<std::string> requirements_left_unshown(const Exam& exam, const Step& definition,
                                                   const StepResult& step) {
  std::vector<std::string> missed;
  if (is_must_pass_stage(exam, step.stage)) missed.push_back(must_pass_stage_text(step.stage));
  const std::size_t rules = std::min(definition.rules.size(), step.rules.size());
  for (std::size_t i = 0; i < rules; ++i) {
    if (is_must_pass_concept(exam, definition.rules[i]))
      missed.push_back(must_pass_rule_text(step.rules[i]));
  }
  return missed;
}

bool was_reached(const AttemptResult& attempt, const std::string& step_id) {
  return std::any_of(attempt.path.begin(), attempt.path.end(),
                     [&](const PathTurn& turn) { return turn.step_id == step_id; });
}

// "步骤 `gather` 未作答", or, for a step the conversation never came to, why not.
std::string missing_answer_text(const AttemptResult& attempt, const std::string& step_id) {
  if (was_reached(attempt, step_id))
    return fmt::format(fmt::runtime(tr("步骤 `{}` 未作答", "step `{}` was not answered")), step_id);
  const auto skipped =
      std::find_if(attempt.skipped.begin(), attempt.skipped.end(),
                   [&](const SkippedStep& step) { return step.step_id == step_id; });
  if (skipped == attempt.skipped.end())
    return fmt::format(fmt::runtime(tr("步骤 `{}` 没有进行", "step `{}` never took place")),
                       step_id);
  return fmt::format(fmt::runtime(tr("步骤 `{}` 没有进行({})", "step `{}` never took place ({})")),
                     step_id, skipped->reason);
}

// An unanswered step, once: what it is (not answered, or never reached) and which of the exam's
// requirements it leaves unmet; nothing when it held none.
void check_unanswered_step(const Exam& exam, const AttemptResult& attempt, const Step& definition,
                           const StepResult& step, std::vector<std::string>& unmet) {
  const std::vector<std::string> missed = requirements_left_unshown(exam, definition, step);
  if (missed.empty()) return;
  unmet.push_back(fmt::format(fmt::runtime(tr("{},未达成:{}", "{}; unmet: {}")),
                              missing_answer_text(attempt, step.step_id),
                              fmt::join(missed, tr("、", ", "))));
}

void check_steps(const Exam& exam, const Rubric& rubric, const AttemptResult& attempt,
                 std::vector<std::string>& unmet) {
  for (const StepResult& step : attempt.steps) {
    const Step* definition = rubric.scenario().find_step(step.step_id);
    if (!definition) continue;
    if (step.answered)
      check_answered_step(exam, *definition, step, unmet);
    else
      check_unanswered_step(exam, attempt, *definition, step, unmet);
  }
}

}  // namespace

SubmissionKey submission_key(const AttemptResult& attempt) {
  if (attempt.trainee.empty()) return {attempt.file, true};
  return {attempt.trainee, false};
}

std::vector<std::string> apply_exam(const Exam& exam, const Rubric& rubric,
                                    AttemptResult& attempt) {
  if (exam.pass_mark) {
    attempt.pass_mark = *exam.pass_mark;
    attempt.passed = attempt.meets_pass_mark();
  }
  std::vector<std::string> unmet;
  check_steps(exam, rubric, attempt, unmet);
  if (!unmet.empty()) attempt.passed = false;
  return unmet;
}

ExamAttemptNote ExamTally::record(const AttemptResult& attempt, std::vector<std::string> unmet) {
  ScenarioOutcome& outcome = outcomes_[submission_key(attempt)][attempt.scenario_id];
  outcome.scenario_id = attempt.scenario_id;
  ExamAttemptNote note;
  note.number = ++outcome.attempts;
  note.counted = note.number <= exam_.attempts;
  note.unmet = std::move(unmet);
  if (note.counted) {
    outcome.best_score = std::max(outcome.best_score, attempt.score);
    outcome.passed = outcome.passed || attempt.passed;
  }
  return note;
}

std::vector<SubmissionVerdict> ExamTally::verdicts() const {
  std::vector<SubmissionVerdict> out;
  for (const auto& [who, by_scenario] : outcomes_) {
    SubmissionVerdict verdict{who.name, who.anonymous, true, {}};
    for (const MarkedText& scenario : exam_.scenario_ids) {
      const auto found = by_scenario.find(scenario.text);
      ScenarioOutcome outcome =
          found != by_scenario.end() ? found->second : ScenarioOutcome{scenario.text};
      verdict.passed = verdict.passed && outcome.passed;
      verdict.scenarios.push_back(std::move(outcome));
    }
    out.push_back(std::move(verdict));
  }
  return out;  // std::map keeps trainees sorted
}

}  // namespace coach
