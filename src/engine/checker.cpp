#include "engine/checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/conversation.hpp"
#include "engine/scorer.hpp"
#include "text/normalizer.hpp"
#include "util/i18n.hpp"
#include "util/inner_quotes.hpp"

namespace coach {
namespace {

std::string failed_rules(const StepResult& result) {
  std::string out;
  for (const auto& rule : result.rules) {
    if (rule.ok) continue;
    out += fmt::format("\n    - {}{}: {}", rule.description,
                       rule.critical ? tr("(关键)", " (critical)") : "",
                       rule.detail.empty() ? rule.feedback.str() : rule.detail);
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
  const std::string why = first.detail.empty() ? first.feedback.str() : first.detail;
  if (forbids(rule.rule->kind))
    return fmt::format(fmt::runtime(tr("步骤 `{}` 的每个示范回答都违反了规则「{}」:{}",
                                       "every model answer of step `{}` breaks the rule “{}”: {}")),
                       step.step->id, with_inner_quotes(first.description), why);
  return fmt::format(
      fmt::runtime(
          tr("步骤 `{0}` 没有哪个示范回答得到规则「{1}」的 {2} 分:{3}{4}",
             "no model answer of step `{0}` earns the {2} points of the rule “{1}”: {3}{4}")),
      step.step->id, with_inner_quotes(first.description), first.max, why,
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
                    step.step->id, with_inner_quotes(result.description), replies[0], replies[1],
                    result.max));
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

// Why a model answer that breaks no rule still fails: it earns nothing the step asks for, so the
// points of the rules that forbid were withheld (a step whose only points are theirs).
std::string withheld_points_text(const StepResult& result) {
  if (!result.avoidance_points_withheld) return "";
  return std::string(
      tr("\n    - 没有得到这一步任何要求说到的规则的分数,禁止类规则(forbid、none_of、"
         "max_chars)的分数因此不计:请给好回答会说到的内容加上分数",
         "\n    - it earns no points from a rule of the step that asks for "
         "something, so the points of the rules that forbid (forbid, none_of, "
         "max_chars) are not given: give points to what a good reply says"));
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
            step.step->id, result.score, result.max, scenario.pass_mark,
            failed_rules(result) + withheld_points_text(result)));
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

// Which branches the replies reach: each conditional step played, each line of `customer_if`
// said, by the step's place in the scenario. Walks stop where every branch ahead of them has
// been reached: they could only reach it again.
class Branches {
 public:
  explicit Branches(const Rubric& rubric) {
    for (const CompiledStep& step : rubric.steps()) {
      lines_reached_.emplace_back(step.step->customer_lines_if.size(), false);
      unreached_.push_back(step.step->customer_lines_if.size() + (step.step->when ? 1 : 0));
    }
    step_reached_.assign(unreached_.size(), false);
    unreached_end_ = unreached_.size();
    forget_reached_tail();
  }

  void reach(std::size_t step, bool conditional, std::optional<std::size_t> line) {
    if (conditional && !step_reached_[step]) {
      step_reached_[step] = true;
      --unreached_[step];
    }
    if (line && !lines_reached_[step][*line]) {
      lines_reached_[step][*line] = true;
      --unreached_[step];
    }
    forget_reached_tail();
  }
  bool step_reached(std::size_t step) const { return step_reached_[step]; }
  bool line_reached(std::size_t step, std::size_t line) const { return lines_reached_[step][line]; }
  // Whether the step at `index`, or one after it, has a branch not reached yet.
  bool unreached_from(std::size_t index) const { return index < unreached_end_; }

 private:
  void forget_reached_tail() {
    while (unreached_end_ > 0 && unreached_[unreached_end_ - 1] == 0) --unreached_end_;
  }

  std::vector<bool> step_reached_;
  std::vector<std::vector<bool>> lines_reached_;
  std::vector<std::size_t> unreached_;  // branches of each step not reached yet
  std::size_t unreached_end_ = 0;       // one past the last step that has one
};

// The states at one step from which the model answers' way on has been walked: the model
// answers' own, and those of the last few walks that passed the step. A walk that comes into
// one of them would only walk that way again. Only the last few: walks with a counter-example
// pass steps × counter-examples states, too many to keep, and a walk that does not rejoin the
// model answers' path mostly rejoins one walked just before (the same slip one step earlier,
// whose anger is still the same when the customer reaches this step).
class WalkedStates {
 public:
  // Whether `state` is new here; it is remembered if so.
  bool remember(const PathState& state, bool on_model_answers_path) {
    if (model_answers_ == state) return false;
    if (std::find(recent_.begin(), recent_.end(), state) != recent_.end()) return false;
    if (on_model_answers_path) {
      model_answers_ = state;
    } else {
      recent_[next_] = state;
      next_ = (next_ + 1) % recent_.size();
    }
    return true;
  }

 private:
  std::optional<PathState> model_answers_;
  std::array<std::optional<PathState>, 8> recent_;
  std::size_t next_ = 0;
};

std::optional<std::string> first_of(const std::vector<MarkedText>& examples) {
  if (examples.empty()) return std::nullopt;
  return examples.front().text;
}

// The walks `check` makes to see which branches the examples reach: the model answers
// throughout, the counter-examples throughout, and the model answers with one step's
// counter-example (each of them) in turn. A walk with a counter-example starts where the model
// answers' path comes to its step, not at the first step, and ends as soon as it can reach
// nothing new: the customer has left, every branch ahead is reached, or it has come back into
// a state whose way on with the model answers has been walked. So a scenario of many steps is
// not walked once for each counter-example.
class BranchExplorer {
 public:
  BranchExplorer(const Rubric& rubric, ScoredReplies& scored)
      : rubric_(rubric),
        scored_(scored),
        rules_(rubric),
        branches_(rubric),
        model_path_(rubric.steps().size()),
        walked_(rubric.steps().size()) {
    for (const CompiledStep& step : rubric.steps())
      model_answers_.push_back(effect(step, first_of(step.step->model_answers)));
  }

  const Branches& explore() {
    follow_model_answers(rules_.start(), true);
    follow_counter_examples();
    for (std::size_t target = 0; target < rubric_.steps().size(); ++target)
      try_counter_examples(target);
    return branches_;
  }

 private:
  ReplyEffect effect(const CompiledStep& step, const std::optional<std::string>& reply) {
    return rules_.effect_of(step, scored_.at(step, reply));
  }

  bool worth_walking(const PathState& state) const {
    return !state.walked_out && branches_.unreached_from(state.index);
  }

  // The step played next from `state`, its branches noted as reached.
  const CompiledStep* play_next(PathState& state) {
    const CompiledStep* step = rules_.next_step(state);
    if (step)
      branches_.reach(state.index, step->step->when.has_value(), rules_.line_if(state, *step));
    return step;
  }

  void follow_model_answers(PathState state, bool on_model_answers_path) {
    while (worth_walking(state)) {
      if (!walked_[state.index].remember(state, on_model_answers_path)) return;
      if (!play_next(state)) return;
      if (on_model_answers_path) model_path_[state.index] = state;
      rules_.move_on(state, model_answers_[state.index]);
    }
  }

  void follow_counter_examples() {
    PathState state = rules_.start();
    while (worth_walking(state)) {
      const CompiledStep* step = play_next(state);
      if (!step) return;
      rules_.move_on(state, effect(*step, first_of(step->step->counter_examples)));
    }
  }

  // A step the model answers never play is played by none of these walks either: they are the
  // model answers' walk up to it.
  void try_counter_examples(std::size_t target) {
    const CompiledStep& step = rubric_.steps()[target];
    for (const MarkedText& example : step.step->counter_examples) {
      if (!model_path_[target] || !branches_.unreached_from(target + 1)) return;
      PathState state = *model_path_[target];
      rules_.move_on(state, effect(step, example.text));
      follow_model_answers(std::move(state), false);
    }
  }

  const Rubric& rubric_;
  ScoredReplies& scored_;
  PathRules rules_;
  Branches branches_;
  std::vector<ReplyEffect> model_answers_;  // of each step's first model answer
  // The state in which the model answers' path plays each step (none: it does not, or nothing
  // after the step was left to reach when it got there).
  std::vector<std::optional<PathState>> model_path_;
  std::vector<WalkedStates> walked_;  // by PathState::index
};

// The attempt made of each step's first model answer, as `grade` would score it.
AttemptResult model_answers_attempt(const Rubric& rubric, ScoredReplies& scored) {
  Conversation conversation(rubric);
  while (const CompiledStep* step = conversation.next_step())
    conversation.answer(*step, scored.at(*step, first_of(step->step->model_answers)));
  return conversation.result("", rubric.scenario().file);
}

void check_branches(const Rubric& rubric, const Branches& reached, CheckSummary& summary) {
  const std::string& file = rubric.scenario().file;
  for (std::size_t index = 0; index < rubric.steps().size(); ++index) {
    const Step& step = *rubric.steps()[index].step;
    if (step.when && !reached.step_reached(index)) {
      summary.unreached.error(
          file, step.when->mark,
          fmt::format(fmt::runtime(tr("没有哪个示范回答或反例会走到步骤 `{}`",
                                      "no model answer or counter-example reaches step `{}`")),
                      step.id));
    }
    for (std::size_t i = 0; i < step.customer_lines_if.size(); ++i) {
      if (reached.line_reached(index, i)) continue;
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
  check_whole_attempt(rubric, model_answers_attempt(rubric, scored), summary);
  BranchExplorer explorer(rubric, scored);
  check_branches(rubric, explorer.explore(), summary);
  return summary;
}

}  // namespace coach
