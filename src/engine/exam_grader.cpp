#include "engine/exam_grader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/i18n.hpp"

namespace coach {
namespace {

bool names_concept(const Rule& rule, const std::string& concept_id) {
  if (rule.concept_id == concept_id) return true;
  return std::find(rule.order_items.begin(), rule.order_items.end(), concept_id) !=
         rule.order_items.end();
}

void check_stages(const Exam& exam, const AttemptResult& attempt, std::vector<std::string>& unmet) {
  for (const StepResult& step : attempt.steps) {
    const bool required = std::find(exam.must_pass_stages.begin(), exam.must_pass_stages.end(),
                                    step.stage) != exam.must_pass_stages.end();
    if (!required || step.passed) continue;
    unmet.push_back(fmt::format(fmt::runtime(tr("必过阶段 {stage} 的步骤 `{step}` 未通过",
                                                "step `{step}` of must-pass stage {stage} failed")),
                                fmt::arg("stage", stage_id(step.stage)),
                                fmt::arg("step", step.step_id)));
  }
}

// Rule results follow the scenario's rules in order; a trailing verdict (keyword stuffing) has
// no rule and no concept.
void check_concepts(const Exam& exam, const Rubric& rubric, const AttemptResult& attempt,
                    std::vector<std::string>& unmet) {
  for (const StepResult& step : attempt.steps) {
    const Step* definition = rubric.scenario().find_step(step.step_id);
    if (!definition) continue;
    const std::size_t rules = std::min(definition->rules.size(), step.rules.size());
    for (std::size_t i = 0; i < rules; ++i) {
      if (step.rules[i].ok) continue;
      for (const MarkedText& concept_id : exam.must_pass_concepts) {
        if (!names_concept(definition->rules[i], concept_id.text)) continue;
        unmet.push_back(fmt::format(fmt::runtime(tr("步骤 `{}`:必过规则「{}」未通过",
                                                    "step `{}`: must-pass rule “{}” failed")),
                                    step.step_id, step.rules[i].description));
      }
    }
  }
}

}  // namespace

std::string submission_key(const AttemptResult& attempt) {
  return attempt.trainee.empty() ? attempt.file : attempt.trainee;
}

std::vector<std::string> apply_exam(const Exam& exam, const Rubric& rubric,
                                    AttemptResult& attempt) {
  if (exam.pass_mark) {
    attempt.pass_mark = *exam.pass_mark;
    attempt.passed = attempt.meets_pass_mark();
  }
  std::vector<std::string> unmet;
  check_stages(exam, attempt, unmet);
  check_concepts(exam, rubric, attempt, unmet);
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
  for (const auto& [trainee, by_scenario] : outcomes_) {
    SubmissionVerdict verdict{trainee, true, {}};
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
