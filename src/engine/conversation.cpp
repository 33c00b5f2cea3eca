#include "engine/conversation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/scorer.hpp"
#include "util/i18n.hpp"

namespace coach {

Conversation::Conversation(const Rubric& rubric)
    : rubric_(rubric), mood_(rubric.scenario().customer.temper.start) {}

bool Conversation::said_before(const std::string& concept_id) const {
  const auto& steps = rubric_.steps();
  if (steps.empty()) return false;
  const CompiledConcept* found = steps.front().concepts->find(concept_id);
  if (!found) return false;
  return std::any_of(replies_.begin(), replies_.end(),
                     [&](const ReplyScan& reply) { return reply.says(found->index); });
}

bool Conversation::holds(const Condition& condition) const {
  if (condition.mood_above && !(mood_ > *condition.mood_above)) return false;
  if (condition.mood_below && !(mood_ < *condition.mood_below)) return false;
  if (!condition.said.empty() && !said_before(condition.said)) return false;
  if (!condition.not_said.empty() && said_before(condition.not_said)) return false;
  return true;
}

const CompiledStep* Conversation::next_step() {
  const auto& steps = rubric_.steps();
  while (index_ < steps.size()) {
    const CompiledStep& step = steps[index_];
    if (walked_out_) {
      skipped_.push_back({step.step->id, std::string(tr("客户已经离开", "the customer had left"))});
    } else if (step.step->when && !holds(*step.step->when)) {
      skipped_.push_back(
          {step.step->id, std::string(tr("条件不成立", "its condition did not hold"))});
    } else {
      return &step;
    }
    ++index_;
  }
  return nullptr;
}

const std::string& Conversation::customer_line(const CompiledStep& step) const {
  for (const auto& variant : step.step->customer_lines_if) {
    if (holds(variant.when)) return variant.line;
  }
  return step.step->customer_line;
}

// Whether a rule "fires" for the mood: a positive rule when satisfied, a forbidding one when
// the forbidden words were said.
bool fires(const CompiledRule& rule, const RuleResult& result) {
  const bool forbidding =
      rule.rule->kind == RuleKind::concept_forbidden || rule.rule->kind == RuleKind::none_of;
  return forbidding ? !result.ok : result.ok;
}

int Conversation::mood_change(const CompiledStep& step, const StepResult& result,
                              const ReplyScan& scan) const {
  int change = 0;
  for (std::size_t i = 0; i < step.rules.size() && i < result.rules.size(); ++i) {
    if (fires(step.rules[i], result.rules[i])) change += step.rules[i].rule->mood;
  }
  for (const auto& [concept_id, reaction] : rubric_.scenario().customer.temper.reacts_to) {
    const CompiledConcept* found = step.concepts->find(concept_id);
    if (found && scan.says(found->index)) change += reaction;
  }
  return change;
}

// A reply slower than the step allows fails the step and counts half, with the time as the
// reason. Only when the time is known and the step has a limit: timing never changes a
// verdict otherwise.
void hold_to_time_limit(const Step& step, std::optional<double> seconds, StepResult& result) {
  if (step.time_limit <= 0 || !seconds || *seconds <= step.time_limit) return;
  RuleResult late;
  late.kind = "time_limit";
  late.description =
      fmt::format(fmt::runtime(tr("{} 秒内回应", "replies within {} seconds")), step.time_limit);
  late.feedback =
      fmt::format(fmt::runtime(tr("用了 {:.1f} 秒,超过了时限:及时回应客户。",
                                  "took {:.1f} seconds, over the limit: answer promptly.")),
                  *seconds);
  result.rules.push_back(std::move(late));
  result.score /= 2;
  result.passed = false;
}

// A reply the trainee already gave at an earlier step answers what the customer said there, not
// here: it scores zero, as keyword stuffing does, and the feedback names that step as the
// trainee met it.
void Conversation::hold_to_new_reply(const ReplyWording& wording, StepResult& result) const {
  const std::optional<std::size_t> repeated = wordings_.first_repeated(wording);
  if (!repeated) return;
  result.rules.push_back(repetition_result(*repeated + 1, path_[*repeated].customer_line));
  result.score = 0;
  result.passed = false;
}

const StepResult& Conversation::answer(const CompiledStep& step,
                                       std::optional<std::string_view> reply,
                                       std::optional<double> seconds) {
  return answer(step, score_reply(step, rubric_.scenario(), reply), seconds);
}

const StepResult& Conversation::answer(const CompiledStep& step, ScoredReply scored,
                                       std::optional<double> seconds) {
  PathTurn turn{step.step->id, customer_line(step), mood_, mood_};
  StepResult& result = scored.result;
  const ReplyScan& scan = scored.scan;
  hold_to_new_reply(scored.wording, result);
  hold_to_time_limit(*step.step, seconds, result);
  result.seconds = seconds;
  result.time_limit = step.step->time_limit;
  if (result.answered) {
    mood_ = std::clamp(mood_ + mood_change(step, result, scan), 0, 100);
  }
  turn.mood_after = mood_;
  walked_out_ = mood_ >= rubric_.scenario().customer.temper.limit;
  replies_.push_back(std::move(scored.scan));
  wordings_.add(scored.wording);
  results_.push_back(std::move(result));
  path_.push_back(std::move(turn));
  ++index_;
  return results_.back();
}

AttemptResult Conversation::result(const std::string& trainee, const std::string& file) const {
  const Scenario& scenario = rubric_.scenario();
  AttemptResult attempt;
  attempt.file = file;
  attempt.trainee = trainee;
  attempt.scenario_id = scenario.id;
  attempt.scenario_title = scenario.title;
  attempt.customer_name = scenario.customer.name;
  attempt.pass_mark = scenario.pass_mark;
  attempt.max_failed_steps = scenario.max_failed_steps;
  attempt.steps = results_;
  attempt.path = path_;
  attempt.skipped = skipped_;
  attempt.final_mood = mood_;
  attempt.walk_out_limit = scenario.customer.temper.limit;
  attempt.walked_out = walked_out_;
  // Steps the customer left before, or that were never reached, are part of the
  // conversation the trainee did not have: they score zero.
  for (const auto& skipped : skipped_) {
    const CompiledStep* step = rubric_.find_step(skipped.step_id);
    if (walked_out_ && step && !step->step->when)
      attempt.steps.push_back(score_step(*step, scenario, std::nullopt));
  }
  for (std::size_t i = index_; i < rubric_.steps().size(); ++i) {
    const CompiledStep& step = rubric_.steps()[i];
    if (!step.step->when) attempt.steps.push_back(score_step(step, scenario, std::nullopt));
  }
  total_attempt(attempt);
  return attempt;
}

}  // namespace coach
