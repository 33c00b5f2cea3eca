#include "engine/scorer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <span>

#include "engine/conduct.hpp"
#include "engine/conversation.hpp"
#include "engine/reply_language.hpp"
#include "engine/rule_evaluator.hpp"
#include "engine/stuffing.hpp"
#include "engine/wrong_address.hpp"
#include "text/clauses.hpp"
#include "util/closest_name.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {

ScoredReply score_reply(const CompiledStep& compiled, const Scenario& scenario,
                        std::optional<std::string_view> reply) {
  const NormalizedText normalized = normalize(reply.value_or(""));
  ScoredReply scored{compiled.concepts->scan(normalized), {}, {}};
  scored.result = score_step(compiled, scenario, normalized, scored.scan, reply.has_value());
  if (scored.result.answered) scored.wording = ReplyWording(normalized);
  return scored;
}

StepResult score_step(const CompiledStep& compiled, const Scenario& scenario,
                      std::optional<std::string_view> reply) {
  // One reply on its own: no later step will ask whether it was said before, so its wording is
  // not worked out.
  const NormalizedText normalized = normalize(reply.value_or(""));
  return score_step(compiled, scenario, normalized, compiled.concepts->scan(normalized),
                    reply.has_value());
}

namespace {

// A reply that cannot be meant for this customer, whatever its rules say: it calls the customer by
// another's surname or sex, or it is mostly in another language than the customer's. Such a
// reply fails its step with zero, like keyword stuffing; the verdicts are added to `result`.
bool add_unfit_reply(const CompiledStep& compiled, const Scenario& scenario,
                     const NormalizedText& reply, const std::vector<Clause>& clauses,
                     StepResult& result) {
  bool unfit = false;
  if (const auto wrong = find_wrong_addresses(reply, clauses, compiled.customer); !wrong.empty()) {
    result.rules.push_back(wrong_address_result(wrong, reply, scenario.customer));
    unfit = true;
  }
  if (compiled.speaks_chinese && written_mostly_foreign(reply.original)) {
    result.rules.push_back(foreign_language_result());
    unfit = true;
  }
  return unfit;
}

// Where the reply breaks a rule of the step that forbids something (a forbidden concept,
// none_of) or what no step may say (every breach is of a rule that forbids): the evidence of each.
std::vector<TextSpan> misconduct_in(const CompiledStep& step, const std::vector<RuleResult>& rules,
                                    const std::vector<RuleResult>& breaches) {
  std::vector<TextSpan> spans;
  const auto add = [&](const RuleResult& rule) {
    if (!rule.ok) spans.insert(spans.end(), rule.matched.begin(), rule.matched.end());
  };
  for (std::size_t i = 0; i < step.rules.size(); ++i) {
    const RuleKind kind = step.rules[i].rule->kind;
    if (kind == RuleKind::concept_forbidden || kind == RuleKind::none_of) add(rules[i]);
  }
  for (const RuleResult& breach : breaches) add(breach);
  return spans;
}

// A rule that forbids is met by saying nothing at all: its points reward a reply only beside
// something the step asks for. A reply that earns no point from a rule that asks (`好的。`)
// keeps each ✓ of the rules that forbid but not their points. Whether any were withheld.
bool withhold_avoidance_points(std::span<RuleResult> rules) {
  const auto earns_what_is_asked = [](const RuleResult& rule) {
    return !rule.forbids() && rule.points > 0;
  };
  if (std::any_of(rules.begin(), rules.end(), earns_what_is_asked)) return false;
  bool withheld = false;
  for (RuleResult& rule : rules) {
    if (!rule.forbids() || rule.points == 0) continue;
    rule.points = 0;
    withheld = true;
  }
  return withheld;
}

}  // namespace

StepResult score_step(const CompiledStep& compiled, const Scenario& scenario,
                      const NormalizedText& normalized, const ReplyScan& scan, bool replied) {
  const Step& step = *compiled.step;
  StepResult result;
  result.step_id = step.id;
  result.stage = step.stage;
  result.weight = step.weight;
  result.principle = step.principle;
  // A reply of white space or invisible characters alone says nothing: it is no answer, as in
  // practice, where it is asked for again (outside pass 38: `gather: "\u3000"` had passed the
  // exam that leaving the step out failed).
  result.answered = replied && !normalized.says_nothing();
  result.reply = normalized.original;
  // Room for every rule and the few verdicts added after them (breaches, stuffing, an unfit
  // reply): a RuleResult is large, and growing the vector moved each one several times a reply.
  constexpr std::size_t kVerdictsAfterRules = 4;
  result.rules.reserve(compiled.rules.size() + kVerdictsAfterRules);
  // Questions are judged last: one that does what the step forbids earns no question points.
  for (const CompiledRule& rule : compiled.rules) {
    result.rules.push_back(rule.rule->kind == RuleKind::asks_question
                               ? RuleResult{}
                               : evaluate_rule(rule, normalized, scan, scenario.customer));
  }
  std::vector<RuleResult> breaches;
  if (result.answered) breaches = conduct_breaches(compiled, normalized, scan, scenario.customer);
  const std::vector<TextSpan> misconduct = misconduct_in(compiled, result.rules, breaches);
  for (std::size_t i = 0; i < compiled.rules.size(); ++i) {
    if (compiled.rules[i].rule->kind == RuleKind::asks_question)
      result.rules[i] =
          evaluate_rule(compiled.rules[i], normalized, scan, scenario.customer, misconduct);
  }
  if (result.answered) result.avoidance_points_withheld = withhold_avoidance_points(result.rules);
  for (RuleResult& rule_result : result.rules) {
    if (!result.answered) {
      rule_result.ok = false;
      rule_result.points = 0;
      rule_result.matched.clear();
      rule_result.feedback = std::string(tr("这一步没有回答。", "this step was not answered."));
    }
    result.max += rule_result.max;
    result.score += rule_result.points;
    if (!rule_result.ok && rule_result.critical) result.critical_failed = true;
  }
  bool unfit = false;
  if (result.answered) {
    for (RuleResult& breach : breaches) {
      result.critical_failed = true;
      result.rules.push_back(std::move(breach));
    }
    const std::vector<Clause> clauses = split_clauses(normalized.text);
    if (const auto why =
            find_stuffing(normalized, clauses, scan, result.rules, *compiled.concepts)) {
      result.stuffed = true;
      result.rules.push_back(stuffing_result(*why));
    }
    unfit = add_unfit_reply(compiled, scenario, normalized, clauses, result);
  }
  if (result.critical_failed || result.stuffed || unfit) {
    result.score = 0;
    // The step's zero has a reason of its own, said in its feedback: saying nothing is not it.
    result.avoidance_points_withheld = false;
  }
  const bool reaches_mark =
      result.max == 0 || result.score * 100 >= scenario.pass_mark * result.max;
  result.passed = result.answered && reaches_mark && !result.critical_failed;
  if (!result.answered)
    result.critical_failed = false;  // a missing answer is not a critical mistake
  return result;
}

double unrounded_score(const AttemptResult& attempt) {
  double weighted = 0;
  int weights = 0;
  for (const auto& step : attempt.steps) {
    weighted += (step.answered ? step.ratio() : 0.0) * step.weight;
    weights += step.weight;
  }
  return weights > 0 ? 100.0 * weighted / weights : 0.0;
}

double rounded_score(double score) {
  return std::round(score * 10) / 10;
}

void total_attempt(AttemptResult& attempt) {
  attempt.critical_failed = false;
  for (const auto& step : attempt.steps)
    attempt.critical_failed = attempt.critical_failed || step.critical_failed;
  attempt.score = rounded_score(unrounded_score(attempt));
  attempt.failed_steps = 0;
  for (const auto& step : attempt.steps) attempt.failed_steps += step.passed ? 0 : 1;
  attempt.passed = attempt.meets_pass_mark();
}

AttemptResult score_attempt(const Rubric& rubric, const Attempt& attempt,
                            const std::string& trainee, const std::string& file) {
  Conversation conversation(rubric);
  while (const CompiledStep* step = conversation.next_step()) {
    const MarkedText* response = attempt.find(step->step->id);
    conversation.answer(*step,
                        response ? std::optional<std::string_view>(response->text) : std::nullopt,
                        attempt.seconds_for(step->step->id));
  }
  AttemptResult result = conversation.result(trainee, file);
  // The replies the file held for the steps the customer left before are shown, not scored: a
  // reviewer sees what was handed in.
  for (StepResult& step : result.steps) {
    const MarkedText* response = step.took_place ? nullptr : attempt.find(step.step_id);
    if (response) step.unscored_reply = response->text;
  }
  return result;
}

void check_attempt_steps(const Rubric& rubric, const Attempt& attempt, const std::string& file,
                         Diagnostics& diagnostics) {
  std::string known;
  std::vector<std::string_view> ids;
  for (const auto& step : rubric.steps()) {
    known += (known.empty() ? "" : ", ") + step.step->id;
    ids.push_back(step.step->id);
  }
  const auto check = [&](const std::string& step_id, SourceMark mark) {
    if (rubric.find_step(step_id)) return;
    diagnostics.error(
        file, mark,
        fmt::format(fmt::runtime(tr("场景 `{}` 中没有步骤 `{}`{};它的步骤是: {}",
                                    "scenario `{}` has no step `{}`{}; its steps are: {}")),
                    rubric.scenario().id, utf8::quote(step_id), did_you_mean(step_id, ids), known));
  };
  for (const auto& [step_id, response] : attempt.responses) check(step_id, response.mark);
  for (const MarkedText& key : attempt.other_step_keys) check(key.text, key.mark);
}

}  // namespace coach
