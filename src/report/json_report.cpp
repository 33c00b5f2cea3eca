#include <nlohmann/json.hpp>

#include "report/report.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

using nlohmann::ordered_json;

// Character (code point) offsets, which every JSON consumer can use on the reply string.
std::size_t character_offset(const std::string& text, std::size_t byte_offset) {
  return utf8::count_code_points(std::string_view(text).substr(0, byte_offset));
}

ordered_json rule_json(const RuleResult& rule, const std::string& reply) {
  ordered_json matched = ordered_json::array();
  for (const auto& evidence : rule.matched) {
    matched.push_back({{"text", evidence.text},
                       {"start", character_offset(reply, evidence.span.begin)},
                       {"end", character_offset(reply, evidence.span.end)}});
  }
  return {{"kind", rule.kind},
          {"description", rule.description},
          {"ok", rule.ok},
          {"points", rule.points},
          {"max", rule.max},
          {"critical", rule.critical},
          {"feedback", rule.feedback},
          {"detail", rule.detail},
          {"matched", matched},
          {"missing", rule.missing}};
}

ordered_json step_json(const StepResult& step) {
  ordered_json rules = ordered_json::array();
  for (const auto& rule : step.rules) rules.push_back(rule_json(rule, step.reply));
  return {{"id", step.step_id},
          {"stage", std::string(stage_id(step.stage))},
          {"answered", step.answered},
          {"reply", step.reply},
          {"principle", step.principle},
          {"score", step.score},
          {"max", step.max},
          {"weight", step.weight},
          {"passed", step.passed},
          {"critical_failed", step.critical_failed},
          {"stuffed", step.stuffed},
          {"rules", rules}};
}

ordered_json attempt_json(const AttemptResult& attempt) {
  ordered_json steps = ordered_json::array();
  for (const auto& step : attempt.steps) steps.push_back(step_json(step));
  return {{"file", attempt.file},
          {"trainee", attempt.trainee},
          {"scenario", attempt.scenario_id},
          {"title", attempt.scenario_title},
          {"score", attempt.score},
          {"pass_mark", attempt.pass_mark},
          {"passed", attempt.passed},
          {"critical_failed", attempt.critical_failed},
          {"failed_steps", attempt.failed_steps},
          {"max_failed_steps", attempt.max_failed_steps},
          {"steps", steps}};
}

}  // namespace

std::string format_json_report(const std::vector<AttemptResult>& results) {
  ordered_json report;
  report["tool"] = "coach";
  report["version"] = COACH_VERSION;
  report["results"] = ordered_json::array();
  for (const auto& attempt : results) report["results"].push_back(attempt_json(attempt));
  const GradeSummary summary = summarize(results);
  report["summary"] = {
      {"total", summary.total}, {"passed", summary.passed}, {"failed", summary.failed}};
  return report.dump(2) + "\n";
}

}  // namespace coach
