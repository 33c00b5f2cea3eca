#include "engine/checker.hpp"

#include <fmt/format.h>

#include "engine/scorer.hpp"
#include "util/i18n.hpp"

namespace coach {
namespace {

std::string failed_rules(const StepResult& result) {
  std::string out;
  for (const auto& rule : result.rules) {
    if (rule.ok) continue;
    out += fmt::format("\n    - {}{}: {}", rule.description,
                       rule.critical ? tr("(关键)", " (critical)") : "",
                       rule.detail.empty() ? rule.feedback : rule.detail);
  }
  return out;
}

std::string passed_rules(const StepResult& result) {
  std::string out;
  for (const auto& rule : result.rules) {
    if (!rule.ok || rule.max == 0) continue;
    std::string evidence;
    for (const auto& m : rule.matched) evidence += fmt::format(" “{}”", m.text);
    out += fmt::format("\n    + {}{}", rule.description, evidence);
  }
  return out;
}

void check_step(const Rubric& rubric, const CompiledStep& step, CheckSummary& summary) {
  const Scenario& scenario = rubric.scenario();
  for (const auto& answer : step.step->model_answers) {
    ++summary.model_answers;
    const StepResult result = score_step(step, scenario, answer.text);
    if (result.passed) continue;
    summary.failures.error(
        scenario.file, answer.mark,
        fmt::format(
            fmt::runtime(
                tr("步骤 `{}` 的示范回答没有通过({}/{} 分,及格线 {}%):{}",
                   "model answer of step `{}` does not pass ({}/{} points, pass mark {}%):{}")),
            step.step->id, result.score, result.max, scenario.pass_mark, failed_rules(result)));
  }
  for (const auto& example : step.step->counter_examples) {
    ++summary.counter_examples;
    const StepResult result = score_step(step, scenario, example.text);
    if (!result.passed) continue;
    summary.failures.error(
        scenario.file, example.mark,
        fmt::format(fmt::runtime(tr("步骤 `{}` 的反例竟然通过了({}/{} 分),规则太宽:{}",
                                    "counter-example of step `{}` passes ({}/{} points): the rules "
                                    "are too lenient:{}")),
                    step.step->id, result.score, result.max, passed_rules(result)));
  }
}

void check_whole_attempt(const Rubric& rubric, CheckSummary& summary) {
  Attempt attempt;
  attempt.scenario_id = rubric.scenario().id;
  for (const auto& step : rubric.steps()) {
    if (!step.step->model_answers.empty())
      attempt.responses.push_back({step.step->id, step.step->model_answers.front()});
  }
  const AttemptResult result = score_attempt(rubric, attempt, "", rubric.scenario().file);
  if (result.passed) return;
  summary.failures.error(
      rubric.scenario().file, {},
      fmt::format(fmt::runtime(tr("由各步第一个示范回答组成的作答没有通过({} 分,及格线 {})",
                                  "the attempt made of each step's first model answer does not "
                                  "pass ({} points, pass mark {})")),
                  result.score, result.pass_mark));
}

}  // namespace

CheckSummary check_rubric(const Rubric& rubric) {
  CheckSummary summary;
  for (const auto& step : rubric.steps()) check_step(rubric, step, summary);
  check_whole_attempt(rubric, summary);
  return summary;
}

}  // namespace coach
