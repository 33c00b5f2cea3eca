#include "engine/conversation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "engine/scorer.hpp"
#include "util/i18n.hpp"

namespace coach {

PathRules::PathRules(const Rubric& rubric) : rubric_(&rubric) {
  // Read for every session and every graded attempt: allocated once, not grown step by step.
  when_.reserve(rubric.steps().size());
  lines_if_.reserve(rubric.steps().size());
  for (const CompiledStep& step : rubric.steps()) {
    const Step& definition = *step.step;
    when_.push_back(definition.when ? std::optional(read(*definition.when)) : std::nullopt);
    auto& lines = lines_if_.emplace_back();
    lines.reserve(definition.customer_lines_if.size());
    for (const auto& variant : definition.customer_lines_if) lines.push_back(read(variant.when));
  }
  read_moves();
}

// Every way a reply can move the anger, numbered once: the customer's reactions (looked up in
// the lexicon of the first step, as the conditions' concepts are) and the rules with a `mood`.
void PathRules::read_moves() {
  const auto& steps = rubric_->steps();
  if (!steps.empty()) {
    for (const auto& [concept_id, change] : rubric_->scenario().customer.temper.reacts_to) {
      const CompiledConcept* found = steps.front().concepts->find(concept_id);
      if (found) reactions_.push_back({found->index, change, move_of(*found)});
    }
  }
  rule_moves_.reserve(steps.size());
  for (const CompiledStep& step : steps) {
    auto& moves = rule_moves_.emplace_back();
    for (const CompiledRule& rule : step.rules)
      moves.push_back(rule.rule->mood == 0 ? kNoMove : move_of(rule));
  }
}

std::uint32_t PathRules::move_of(const CompiledConcept& concept_entry) {
  const auto same = [&](const Move& move) { return move.concept_entry == &concept_entry; };
  const auto known = std::find_if(moves_.begin(), moves_.end(), same);
  if (known != moves_.end()) return static_cast<std::uint32_t>(known - moves_.begin());
  moves_.push_back({&concept_entry, nullptr});
  return static_cast<std::uint32_t>(moves_.size() - 1);
}

// A rule of one concept (to say it, or not to) is that concept's move wherever it stands: an
// apology asked for at two steps calms the second time as an apology said twice.
std::uint32_t PathRules::move_of(const CompiledRule& rule) {
  const RuleKind kind = rule.rule->kind;
  const bool of_concept = kind == RuleKind::concept_present || kind == RuleKind::concept_forbidden;
  if (of_concept && !rule.concepts.empty()) return move_of(*rule.concepts.front());
  moves_.push_back({nullptr, &rule});
  return static_cast<std::uint32_t>(moves_.size() - 1);
}

const std::string& PathRules::Move::label() const {
  if (concept_entry) return concept_entry->label();
  return rule->description;
}

PathRules::ReadCondition PathRules::read(const Condition& condition) {
  ReadCondition read{&condition};
  if (!condition.said.empty()) read.said = number_of(condition.said);
  if (!condition.not_said.empty()) read.not_said = number_of(condition.not_said);
  return read;
}

// The concept as a reply's scan numbers it, found in the lexicon of the first step as it always
// was; one the lexicon lacks is never said.
std::uint32_t PathRules::number_of(const std::string& concept_id) {
  const auto& steps = rubric_->steps();
  if (steps.empty()) return kNeverSaid;
  const CompiledConcept* found = steps.front().concepts->find(concept_id);
  if (!found) return kNeverSaid;
  const auto known = std::find(watched_.begin(), watched_.end(), found->index);
  if (known != watched_.end()) return static_cast<std::uint32_t>(known - watched_.begin());
  watched_.push_back(found->index);
  return static_cast<std::uint32_t>(watched_.size() - 1);
}

PathState PathRules::start() const {
  PathState state;
  state.mood = rubric_->scenario().customer.temper.start;
  state.said.assign(watched_.size(), false);
  state.calmed.assign(moves_.size(), 0);
  return state;
}

bool PathRules::holds(const PathState& state, const ReadCondition& read) const {
  const Condition& condition = *read.condition;
  const auto said = [&](std::uint32_t number) {
    return number != kNeverSaid && state.said[number];
  };
  if (condition.mood_above && !(state.mood > *condition.mood_above)) return false;
  if (condition.mood_below && !(state.mood < *condition.mood_below)) return false;
  if (!condition.said.empty() && !said(read.said)) return false;
  if (!condition.not_said.empty() && said(read.not_said)) return false;
  return true;
}

std::size_t PathRules::position(const CompiledStep& step) const {
  return static_cast<std::size_t>(&step - rubric_->steps().data());
}

const CompiledStep* PathRules::next_step(PathState& state,
                                         std::vector<SkippedStep>* skipped) const {
  const auto& steps = rubric_->steps();
  for (; state.index < steps.size(); ++state.index) {
    const CompiledStep& step = steps[state.index];
    if (state.walked_out) {
      if (skipped)
        skipped->push_back(
            {step.step->id, std::string(tr("客户已经离开", "the customer had left"))});
    } else if (when_[state.index] && !holds(state, *when_[state.index])) {
      if (skipped)
        skipped->push_back(
            {step.step->id, std::string(tr("条件不成立", "its condition did not hold"))});
    } else {
      return &step;
    }
  }
  return nullptr;
}

std::optional<std::size_t> PathRules::line_if(const PathState& state,
                                              const CompiledStep& step) const {
  const auto& lines = lines_if_[position(step)];
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (holds(state, lines[i])) return i;
  }
  return std::nullopt;
}

const std::string& PathRules::customer_line(const PathState& state,
                                            const CompiledStep& step) const {
  const std::optional<std::size_t> line = line_if(state, step);
  return line ? step.step->customer_lines_if[*line].line : step.step->customer_line;
}

namespace {

// Whether a rule "fires" for the mood: a positive rule when satisfied, a forbidding one when
// the forbidden words were said.
bool fires(const CompiledRule& rule, const RuleResult& result) {
  const bool forbidding =
      rule.rule->kind == RuleKind::concept_forbidden || rule.rule->kind == RuleKind::none_of;
  return forbidding ? !result.ok : result.ok;
}

// The change of `move` added to `moves`, merged with the change of the same move already there.
void add_move(std::vector<MoodMove>& moves, std::uint32_t move, int change) {
  const auto same = [&](const MoodMove& known) { return known.move == move; };
  const auto known = std::find_if(moves.begin(), moves.end(), same);
  if (known == moves.end()) {
    moves.push_back({move, change});
  } else {
    known->change += change;
  }
}

// A reply that fails its step critically or is keyword stuffing does not sound meant: what
// calms in it does not reach the customer.
CalmingUnheard unheard_in(const StepResult& result) {
  if (result.critical_failed) return CalmingUnheard::critical_mistake;
  if (result.stuffed) return CalmingUnheard::stuffing;
  return CalmingUnheard::no;
}

}  // namespace

// The step's own rules and the concepts the customer reacts to move the anger. A time limit
// the conversation holds the reply to afterwards fails the step but is not something the
// customer heard, so it moves nothing; a reply said before is (Conversation::answer).
ReplyEffect PathRules::effect_of(const CompiledStep& step, const ScoredReply& scored) const {
  ReplyEffect effect;
  effect.answered = scored.result.answered;
  effect.calming_unheard = unheard_in(scored.result);
  const auto& rules = scored.result.rules;
  const auto& rule_moves = rule_moves_[position(step)];
  for (std::size_t i = 0; i < step.rules.size() && i < rules.size(); ++i) {
    if (rule_moves[i] != kNoMove && fires(step.rules[i], rules[i]))
      add_move(effect.moves, rule_moves[i], step.rules[i].rule->mood);
  }
  for (const Reaction& reaction : reactions_) {
    if (scored.scan.says(reaction.concept_index))
      add_move(effect.moves, reaction.move, reaction.change);
  }
  for (std::size_t number = 0; number < watched_.size(); ++number) {
    if (scored.scan.says(watched_[number]))
      effect.said.push_back(static_cast<std::uint32_t>(number));
  }
  return effect;
}

// What angers always angers. What calms calms only in a reply the customer takes as meant, and
// by half for each earlier step at which it calmed: the customer has heard it before.
int PathRules::heard_change(const PathState& state, const ReplyEffect& effect,
                            const MoodMove& move) const {
  if (move.change >= 0) return move.change;
  if (effect.calming_unheard != CalmingUnheard::no) return 0;
  return move.change / (1 << state.calmed[move.move]);
}

int PathRules::mood_change(const PathState& state, const ReplyEffect& effect) const {
  int change = effect.repeats_turn > 0 ? kRepeatedReplyAnger : 0;
  for (const MoodMove& move : effect.moves) change += heard_change(state, effect, move);
  return change;
}

void PathRules::move_on(PathState& state, const ReplyEffect& effect) const {
  if (effect.answered) {
    state.mood = std::clamp(state.mood + mood_change(state, effect), 0, 100);
    // Past 15 halvings any change of the anger (at most 100) is nothing: the count stops there.
    constexpr std::uint8_t kMostCalmings = 15;
    for (const MoodMove& move : effect.moves) {
      std::uint8_t& calmed = state.calmed[move.move];
      if (heard_change(state, effect, move) < 0 && calmed < kMostCalmings) ++calmed;
    }
  }
  state.walked_out = state.mood >= rubric_->scenario().customer.temper.limit;
  for (const std::uint32_t number : effect.said) state.said[number] = true;
  ++state.index;
}

namespace {

// What angers first, the most first; then what calms, the most first; then the calming the
// customer did not take in, in the order met.
bool shown_before(const MoodCause& a, const MoodCause& b) {
  const auto rank = [](const MoodCause& cause) {
    return cause.change > 0 ? 0 : cause.change < 0 ? 1 : 2;
  };
  if (rank(a) != rank(b)) return rank(a) < rank(b);
  return std::abs(a.change) > std::abs(b.change);
}

}  // namespace

std::vector<MoodCause> PathRules::causes(const PathState& before, const ReplyEffect& effect) const {
  std::vector<MoodCause> causes;
  if (!effect.answered) return causes;
  if (effect.repeats_turn > 0)
    causes.push_back(
        {fmt::format(fmt::runtime(tr("照搬第 {} 步的回答", "repeating your reply at step {}")),
                     effect.repeats_turn),
         kRepeatedReplyAnger});
  for (const MoodMove& move : effect.moves) {
    if (move.change == 0) continue;
    const int change = heard_change(before, effect, move);
    const int time = move.change < 0 ? before.calmed[move.move] + 1 : 1;
    causes.push_back({moves_[move.move].label(), change, time});
  }
  std::stable_sort(causes.begin(), causes.end(), shown_before);
  return causes;
}

Conversation::Conversation(const Rubric& rubric)
    : rubric_(rubric), rules_(rubric), state_(rules_.start()) {}

const CompiledStep* Conversation::next_step() {
  return rules_.next_step(state_, &skipped_);
}

const std::string& Conversation::customer_line(const CompiledStep& step) const {
  return rules_.customer_line(state_, step);
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
std::size_t Conversation::hold_to_new_reply(const ReplyWording& wording, StepResult& result) const {
  const std::optional<std::size_t> repeated = wordings_.first_repeated(wording);
  if (!repeated) return 0;
  result.rules.push_back(repetition_result(*repeated + 1, path_[*repeated].customer_line));
  result.score = 0;
  result.passed = false;
  return *repeated + 1;
}

const StepResult& Conversation::answer(const CompiledStep& step,
                                       std::optional<std::string_view> reply,
                                       std::optional<double> seconds) {
  return answer(step, score_reply(step, rubric_.scenario(), reply), seconds);
}

const StepResult& Conversation::answer(const CompiledStep& step, ScoredReply scored,
                                       std::optional<double> seconds) {
  PathTurn turn{step.step->id, customer_line(step), state_.mood, state_.mood};
  ReplyEffect effect = rules_.effect_of(step, scored);
  StepResult& result = scored.result;
  // The customer hears a reply said before as a script: it calms nothing and angers a little.
  effect.repeats_turn = hold_to_new_reply(scored.wording, result);
  if (effect.repeats_turn > 0 && effect.calming_unheard == CalmingUnheard::no)
    effect.calming_unheard = CalmingUnheard::repetition;
  hold_to_time_limit(*step.step, seconds, result);
  result.seconds = seconds;
  result.time_limit = step.step->time_limit;
  turn.mood_causes = rules_.causes(state_, effect);
  turn.calming_unheard = effect.calming_unheard;
  rules_.move_on(state_, effect);
  turn.mood_after = state_.mood;
  wordings_.add(scored.wording);
  results_.push_back(std::move(result));
  path_.push_back(std::move(turn));
  return results_.back();
}

namespace {

// A step the customer left before scores zero as an unanswered one does, but it was never put
// to the trainee: its rules say so rather than "not answered".
StepResult never_took_place(StepResult step, const std::string& reason) {
  step.took_place = false;
  const std::string why = fmt::format(
      fmt::runtime(tr("这一步没有进行({})。", "this step never took place ({}).")), reason);
  for (RuleResult& rule : step.rules) rule.feedback = why;
  return step;
}

}  // namespace

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
  // The steps no reply has reached yet are played on unanswered, as `grade` plays a transcript
  // that stops there (practice saves this after every reply), on copies: the conversation stays.
  PathState state = state_;
  while (const CompiledStep* step = rules_.next_step(state, &attempt.skipped)) {
    PathTurn turn{step->step->id, rules_.customer_line(state, *step), state.mood, state.mood};
    ScoredReply unanswered = score_reply(*step, scenario, std::nullopt);
    rules_.move_on(state, rules_.effect_of(*step, unanswered));
    turn.mood_after = state.mood;
    unanswered.result.time_limit = step->step->time_limit;
    attempt.steps.push_back(std::move(unanswered.result));
    attempt.path.push_back(std::move(turn));
  }
  attempt.final_mood = state.mood;
  attempt.walk_out_limit = scenario.customer.temper.limit;
  attempt.walked_out = state.walked_out;
  // Steps the customer left before are part of the conversation the trainee did not have: they
  // score zero.
  for (const auto& skipped : attempt.skipped) {
    const CompiledStep* step = rubric_.find_step(skipped.step_id);
    if (state.walked_out && step && !step->step->when)
      attempt.steps.push_back(
          never_took_place(score_step(*step, scenario, std::nullopt), skipped.reason));
  }
  total_attempt(attempt);
  return attempt;
}

}  // namespace coach
