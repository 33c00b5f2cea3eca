#include "engine/checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "engine/conversation.hpp"
#include "engine/scorer.hpp"
#include "text/normalizer.hpp"
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
    for (const TextSpan span : rule.matched) evidence += fmt::format(" “{}”", result.text_at(span));
    out += fmt::format("\n    + {}{}", rule.description, evidence);
  }
  return out;
}

// `check` plays the same replies at the same steps on many paths: each is scored once.
class ScoredReplies {
 public:
  explicit ScoredReplies(const Rubric& rubric) : rubric_(rubric) {}

  const ScoredReply& at(const CompiledStep& step, const std::optional<std::string>& reply) {
    auto key = std::make_pair(&step, reply);
    auto found = scored_.find(key);
    if (found == scored_.end()) {
      found = scored_.emplace(std::move(key), score_reply(step, rubric_.scenario(), reply)).first;
    }
    return found->second;
  }

 private:
  const Rubric& rubric_;
  std::map<std::pair<const CompiledStep*, std::optional<std::string>>, ScoredReply> scored_;
};

bool forbids(RuleKind kind) {
  return kind == RuleKind::concept_forbidden || kind == RuleKind::none_of ||
         kind == RuleKind::max_chars;
}

// Whether the rule's words are in the reply though the rule did not count them: read as
// negated (不在三包范围内), the usual reason a model answer misses a topic word.
bool words_found_but_discounted(const CompiledRule& rule, const ScoredReply& scored,
                                std::string_view reply) {
  if (!rule.rule->negation) return false;
  switch (rule.rule->kind) {
    case RuleKind::concept_present:
      return !scored.scan.of(rule.concepts.front()->index).empty();
    case RuleKind::any_of:
    case RuleKind::all_of:
      return !rule.phrases->find_all(normalize(reply)).empty();
    default:
      return false;
  }
}

std::string unearned_text(const CompiledStep& step, const CompiledRule& rule,
                          const RuleResult& first, bool discounted) {
  const std::string why = first.detail.empty() ? first.feedback : first.detail;
  if (forbids(rule.rule->kind))
    return fmt::format(fmt::runtime(tr("步骤 `{}` 的每个示范回答都违反了规则「{}」:{}",
                                       "every model answer of step `{}` breaks the rule {}: {}")),
                       step.step->id, first.description, why);
  return fmt::format(
      fmt::runtime(
          tr("步骤 `{0}` 没有哪个示范回答得到规则「{1}」的 {2} 分:{3}{4}",
             "no model answer of step `{0}` earns the {2} points of the rule {1}: {3}{4}")),
      step.step->id, first.description, first.max, why,
      discounted ? tr("(它的词出现在否定词之后,不算,如“不在三包范围内”;话题词可以写 "
                      "`negation: false`)",
                      " (its words stand after a negation, which does not count, as in "
                      "不在三包范围内; write `negation: false` for topic words)")
                 : "");
}

// A rule that no model answer of its step earns (or that every one breaks).
void check_rules_earned(const Rubric& rubric, const CompiledStep& step, ScoredReplies& scored,
                        CheckSummary& summary) {
  const auto& answers = step.step->model_answers;
  for (std::size_t i = 0; i < step.rules.size() && !answers.empty(); ++i) {
    const CompiledRule& rule = step.rules[i];
    if (rule.rule->points == 0) continue;
    const auto earned = [&](const MarkedText& answer) {
      return scored.at(step, answer.text).result.rules.at(i).ok;
    };
    if (std::any_of(answers.begin(), answers.end(), earned)) continue;
    const ScoredReply& first = scored.at(step, answers.front().text);
    summary.unearned.error(
        rubric.scenario().file, rule.rule->mark,
        unearned_text(step, rule, first.result.rules.at(i),
                      words_found_but_discounted(rule, first, answers.front().text)));
  }
}

// Replies that say nothing a rule with points should reward: a rule they all meet gives its
// points to any reply (`regex: '.'`, `min_chars: 1`), and tells no good reply from a bad one.
// In the customer's language: an English scenario's rules are read for English replies.
constexpr std::array<std::string_view, 2> kEmptyChineseReplies = {"好。", "今天天气不错。"};
constexpr std::array<std::string_view, 2> kEmptyEnglishReplies = {"OK.", "Nice weather today."};

void check_rules_discriminate(const Rubric& rubric, const CompiledStep& step, ScoredReplies& scored,
                              CheckSummary& summary) {
  const auto& replies = step.speaks_chinese ? kEmptyChineseReplies : kEmptyEnglishReplies;
  for (std::size_t i = 0; i < step.rules.size(); ++i) {
    const CompiledRule& rule = step.rules[i];
    if (rule.rule->points == 0 || forbids(rule.rule->kind)) continue;
    const auto met = [&](std::string_view reply) {
      return scored.at(step, std::string(reply)).result.rules.at(i).ok;
    };
    if (!std::all_of(replies.begin(), replies.end(), met)) continue;
    const RuleResult& result = scored.at(step, std::string(replies[0])).result.rules.at(i);
    summary.met_by_anything.error(
        rubric.scenario().file, rule.rule->mark,
        fmt::format(fmt::runtime(tr("步骤 `{0}` 的规则「{1}」连“{2}”和“{3}”这样什么都没说的回答"
                                    "也满足,{4} 分给了任何回答:请让它要求好回答才会说的词句",
                                    "the rule “{1}” of step `{0}` is met even by replies that say "
                                    "nothing, such as “{2}” and “{3}”: its {4} points go to any "
                                    "reply; make it ask for what a good reply says and a poor one "
                                    "does not")),
                    step.step->id, result.description, replies[0], replies[1], result.max));
  }
}

// A step with no points to earn passes every reply that breaks no critical rule, and counts as
// full marks in the attempt's score: rules written `points: 0` for their feedback alone do that.
void check_step_has_points(const Rubric& rubric, const CompiledStep& step, ScoredReplies& scored,
                           CheckSummary& summary) {
  if (step.step->weight == 0) return;
  const auto& replies = step.speaks_chinese ? kEmptyChineseReplies : kEmptyEnglishReplies;
  const StepResult& result = scored.at(step, std::string(replies[0])).result;
  if (result.max > 0 || !result.passed) return;
  summary.met_by_anything.error(
      rubric.scenario().file, step.step->mark,
      fmt::format(fmt::runtime(tr("步骤 `{0}` 没有可得的分数(每条规则都是 0 分或只是关键规则),"
                                  "连“{1}”这样什么都没说的回答也得满分并计入总分:请给要求好回答"
                                  "说到的规则加上分数,或把该步的 `weight` 设为 0",
                                  "step `{0}` has no points to earn (every rule is worth 0 or only "
                                  "critical), so even a reply that says nothing, such as “{1}”, "
                                  "gets full marks there and counts toward the score: give points "
                                  "to the rules a good reply meets, or set the step's `weight` "
                                  "to 0")),
                  step.step->id, replies[0]));
}

void explain_why_they_fail(const Rubric& rubric, const CompiledStep& step, ScoredReplies& scored,
                           CheckSummary& summary) {
  for (const auto& example : step.step->counter_examples) {
    const StepResult& result = scored.at(step, example.text).result;
    if (result.passed) continue;  // a failure of the check, said there
    summary.counter_example_reasons.error(
        rubric.scenario().file, example.mark,
        fmt::format(fmt::runtime(tr("步骤 `{}` 的反例不通过({}/{} 分),因为:{}",
                                    "counter-example of step `{}` fails ({}/{} points) on:{}")),
                    step.step->id, result.score, result.max, failed_rules(result)));
  }
}

void check_step(const Rubric& rubric, const CompiledStep& step, ScoredReplies& scored,
                CheckSummary& summary) {
  const Scenario& scenario = rubric.scenario();
  for (const auto& answer : step.step->model_answers) {
    ++summary.model_answers;
    const StepResult& result = scored.at(step, answer.text).result;
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
    const StepResult& result = scored.at(step, example.text).result;
    if (!result.passed) continue;
    summary.failures.error(
        scenario.file, example.mark,
        fmt::format(fmt::runtime(tr("步骤 `{}` 的反例竟然通过了({}/{} 分),规则太宽:{}",
                                    "counter-example of step `{}` passes ({}/{} points): the rules "
                                    "are too lenient:{}")),
                    step.step->id, result.score, result.max, passed_rules(result)));
  }
}

// `result` is the attempt made of each step's first model answer. When the customer walked out,
// that is why it failed: its score (which may be full marks) does not say so.
void check_whole_attempt(const Rubric& rubric, const AttemptResult& result, CheckSummary& summary) {
  if (result.passed) return;
  if (result.walked_out && !result.path.empty()) {
    summary.failures.error(
        rubric.scenario().file, {},
        fmt::format(
            fmt::runtime(tr("由各步第一个示范回答组成的作答中,客户在步骤 `{}` 之后愤而离开"
                            "(怒气 {},离开的界限 {}):之后的步骤没有进行",
                            "in the attempt made of each step's first model answer, the customer "
                            "walked out after step `{}` (anger {}, walk-out limit {}): the steps "
                            "after it never took place")),
            result.path.back().step_id, result.final_mood, result.walk_out_limit));
    return;
  }
  summary.failures.error(
      rubric.scenario().file, {},
      fmt::format(fmt::runtime(tr("由各步第一个示范回答组成的作答没有通过({} 分,及格线 {})",
                                  "the attempt made of each step's first model answer does not "
                                  "pass ({} points, pass mark {})")),
                  result.score, result.pass_mark));
}

// Which branches a sequence of replies reaches: conditional steps played, and conditional
// lines said (step id + index of the line in `customer_if`).
using Reply = std::function<std::optional<std::string>(const Step&)>;
using Branches = std::set<std::pair<std::string, int>>;

Conversation walk(const Rubric& rubric, const Reply& reply_to, ScoredReplies& scored,
                  Branches& reached) {
  Conversation conversation(rubric);
  while (const CompiledStep* step = conversation.next_step()) {
    const Step& definition = *step->step;
    if (definition.when) reached.insert({definition.id, -1});
    const std::string& line = conversation.customer_line(*step);
    for (std::size_t i = 0; i < definition.customer_lines_if.size(); ++i) {
      if (&definition.customer_lines_if[i].line == &line)
        reached.insert({definition.id, static_cast<int>(i)});
    }
    conversation.answer(*step, scored.at(*step, reply_to(definition)));
  }
  return conversation;
}

std::optional<std::string> first_of(const std::vector<MarkedText>& examples) {
  if (examples.empty()) return std::nullopt;
  return examples.front().text;
}

// The model answers throughout (returned: it is also the whole attempt `check` grades); the
// counter-examples throughout; and the model answers with one step's counter-example (each of
// them) in turn.
AttemptResult walk_every_branch(const Rubric& rubric, ScoredReplies& scored, Branches& reached) {
  const Conversation model_answers = walk(
      rubric, [](const Step& s) { return first_of(s.model_answers); }, scored, reached);
  walk(
      rubric, [](const Step& s) { return first_of(s.counter_examples); }, scored, reached);
  for (const auto& target : rubric.steps()) {
    for (const auto& example : target.step->counter_examples) {
      walk(
          rubric,
          [&](const Step& s) -> std::optional<std::string> {
            return &s == target.step ? std::optional<std::string>(example.text)
                                     : first_of(s.model_answers);
          },
          scored, reached);
    }
  }
  return model_answers.result("", rubric.scenario().file);
}

void check_branches(const Rubric& rubric, const Branches& reached, CheckSummary& summary) {
  const std::string& file = rubric.scenario().file;
  for (const auto& compiled : rubric.steps()) {
    const Step& step = *compiled.step;
    if (step.when && !reached.count({step.id, -1})) {
      summary.unreached.error(
          file, step.when->mark,
          fmt::format(fmt::runtime(tr("没有哪个示范回答或反例会走到步骤 `{}`",
                                      "no model answer or counter-example reaches step `{}`")),
                      step.id));
    }
    for (std::size_t i = 0; i < step.customer_lines_if.size(); ++i) {
      if (reached.count({step.id, static_cast<int>(i)})) continue;
      summary.unreached.error(
          file, step.customer_lines_if[i].when.mark,
          fmt::format(fmt::runtime(tr("没有哪个示范回答或反例会让客户在步骤 `{}` 说这句话",
                                      "no model answer or counter-example makes the customer say "
                                      "this line at step `{}`")),
                      step.id));
    }
  }
}

}  // namespace

CheckSummary check_rubric(const Rubric& rubric, bool explain_counter_examples) {
  CheckSummary summary;
  ScoredReplies scored(rubric);
  for (const auto& step : rubric.steps()) {
    check_step(rubric, step, scored, summary);
    check_rules_earned(rubric, step, scored, summary);
    check_rules_discriminate(rubric, step, scored, summary);
    check_step_has_points(rubric, step, scored, summary);
    if (explain_counter_examples) explain_why_they_fail(rubric, step, scored, summary);
  }
  Branches reached;
  check_whole_attempt(rubric, walk_every_branch(rubric, scored, reached), summary);
  check_branches(rubric, reached, summary);
  return summary;
}

}  // namespace coach
