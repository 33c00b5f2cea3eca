#pragma once
// The scenario played as a conversation: which step comes next (a step with `when` is played
// only when its condition holds), what the customer says (by mood), and how each reply moves
// the customer's mood. The path depends on the replies alone, so `grade` replays exactly what
// `practice` showed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/repeated_answer.hpp"
#include "engine/result.hpp"
#include "engine/rubric.hpp"
#include "engine/scorer.hpp"
#include "text/normalizer.hpp"

namespace coach {

// Where a conversation stands between two replies: the step it has come to, the customer's
// anger, whether they have left, and which of the concepts the conditions ask about have been
// said. The path ahead depends on nothing else, so `check` replays a path from any point of
// another without the replies before it.
struct PathState {
  std::size_t index = 0;  // the next step to consider
  int mood = 50;
  bool walked_out = false;
  std::vector<bool> said;  // by the number PathRules gives each concept the conditions name
  // By the number PathRules gives each move (MoodMove): the steps at which it has calmed the
  // customer so far. Each halves what it calms by next: five apologies are not five full ones.
  std::vector<std::uint8_t> calmed;
  bool operator==(const PathState&) const = default;
};

// One thing a reply does to the anger: a concept the customer reacts to, or a rule with a
// `mood` that fires. A rule of a concept the customer reacts to is the same move.
struct MoodMove {
  std::uint32_t move = 0;  // PathRules' number for it
  int change = 0;          // in full: what calms is halved for each step it calmed at before
};

// What a reply does to the path, whatever the path before it: how it moves the customer's
// anger, and which of the concepts the conditions name it says. Only whether it repeats an
// earlier reply depends on the replies before it: the conversation adds that.
struct ReplyEffect {
  bool answered = false;  // a step not answered leaves the anger as it was
  std::vector<MoodMove> moves;
  // Why nothing in the reply calms (a critical mistake, keyword stuffing, or a reply repeated
  // from an earlier step); what angers still angers.
  CalmingUnheard calming_unheard = CalmingUnheard::no;
  std::size_t repeats_turn = 0;     // the earlier turn (from 1) the reply repeats; 0 for none
  std::vector<std::uint32_t> said;  // numbers of the concepts (PathState::said)
};

// What a reply repeated from an earlier step adds to the anger: the customer hears a script.
// A little, less than a curt reply (10 to 15 in the presets): the words are not rude, only not
// meant for what the customer just said (001: 而不是照本宣科; 002 5.6.4: 言行不一,缺乏诚意).
constexpr int kRepeatedReplyAnger = 5;

// How a scenario's conversation goes from one reply to the next, read once from the rubric:
// the concept of each condition is looked up here, not at every step of every path, and what
// was said is remembered as one bit for each concept a condition names.
class PathRules {
 public:
  explicit PathRules(const Rubric& rubric);

  PathState start() const;
  // The step to play next from `state`, moving `state.index` past the steps not played (each
  // added to `skipped`, when given, with the reason); nullptr when the conversation is over.
  const CompiledStep* next_step(PathState& state,
                                std::vector<SkippedStep>* skipped = nullptr) const;
  // Which of the step's `customer_if` lines the customer says in `state` (the first whose
  // condition holds); nullopt for the step's usual line.
  std::optional<std::size_t> line_if(const PathState& state, const CompiledStep& step) const;
  const std::string& customer_line(const PathState& state, const CompiledStep& step) const;
  // A reply's effect depends on its step and words alone: worked out once, it can move many
  // paths on.
  ReplyEffect effect_of(const CompiledStep& step, const ScoredReply& scored) const;
  // The reply to the step at `state.index` had `effect`: the anger moves (the customer leaves
  // at the limit), its concepts are said, and the conversation goes on to the next step.
  void move_on(PathState& state, const ReplyEffect& effect) const;
  // What moved the anger when `effect` was applied to `before`, named for the trainee.
  std::vector<MoodCause> causes(const PathState& before, const ReplyEffect& effect) const;

 private:
  static constexpr std::uint32_t kNeverSaid = UINT32_MAX;  // a concept the lexicon lacks
  static constexpr std::uint32_t kNoMove = UINT32_MAX;     // a rule without a `mood`
  // A move as the trainee knows it: a concept (the customer's reaction, or a rule of it), or
  // a rule of another kind.
  struct Move {
    const CompiledConcept* concept_entry = nullptr;
    const CompiledRule* rule = nullptr;
    const std::string& label() const;
  };
  struct Reaction {
    std::size_t concept_index = 0;  // in a ReplyScan
    int change = 0;
    std::uint32_t move = 0;
  };
  void read_moves();
  std::uint32_t move_of(const CompiledConcept& concept_entry);
  std::uint32_t move_of(const CompiledRule& rule);
  // How much `move` changes the anger in `state`, once the reply's verdict and the move's
  // earlier calming are taken into account.
  int heard_change(const PathState& state, const ReplyEffect& effect, const MoodMove& move) const;
  int mood_change(const PathState& state, const ReplyEffect& effect) const;
  struct ReadCondition {
    const Condition* condition = nullptr;
    std::uint32_t said = kNeverSaid;      // numbers in PathState::said
    std::uint32_t not_said = kNeverSaid;  // (kNeverSaid also when the condition names none)
  };
  ReadCondition read(const Condition& condition);
  std::uint32_t number_of(const std::string& concept_id);
  bool holds(const PathState& state, const ReadCondition& condition) const;
  std::size_t position(const CompiledStep& step) const;

  const Rubric* rubric_;
  std::vector<std::size_t> watched_;  // each named concept's number in a ReplyScan
  std::vector<Move> moves_;
  std::vector<Reaction> reactions_;                     // the customer's `reacts_to`
  std::vector<std::vector<std::uint32_t>> rule_moves_;  // by step, by rule; kNoMove without one
  std::vector<std::optional<ReadCondition>> when_;      // by step
  std::vector<std::vector<ReadCondition>> lines_if_;    // by step, as `customer_if` lists them
};

class Conversation {
 public:
  explicit Conversation(const Rubric& rubric);

  // The step to play next, or nullptr when the conversation is over.
  const CompiledStep* next_step();
  // What the customer says at `step`, given the mood now.
  const std::string& customer_line(const CompiledStep& step) const;
  // Scores the reply (nullopt: not answered), moves the mood, and moves on. `seconds`, when
  // known, is held against the step's time limit. The result returned is valid until the next
  // answer.
  const StepResult& answer(const CompiledStep& step, std::optional<std::string_view> reply,
                           std::optional<double> seconds = std::nullopt);
  // The same for a reply scored already (score_reply): `check` scores each reply once.
  const StepResult& answer(const CompiledStep& step, ScoredReply scored,
                           std::optional<double> seconds = std::nullopt);

  int mood() const { return state_.mood; }
  bool walked_out() const { return state_.walked_out; }
  const std::vector<PathTurn>& path() const { return path_; }
  // Steps that were not played: their condition did not hold, or the customer had left.
  const std::vector<SkippedStep>& skipped() const { return skipped_; }

  // Every step result so far, then the steps not reached yet played unanswered, and the
  // attempt's totals: what `grade` reports of the replies so far.
  AttemptResult result(const std::string& trainee, const std::string& file) const;

 private:
  // The number of the earlier turn (from 1) the reply repeats, its step failed for it; 0 when
  // the reply is new.
  std::size_t hold_to_new_reply(const ReplyWording& wording, StepResult& result) const;

  const Rubric& rubric_;
  PathRules rules_;
  PathState state_;
  RepliesSaid wordings_;  // the wording of each reply so far
  std::vector<StepResult> results_;
  std::vector<PathTurn> path_;
  std::vector<SkippedStep> skipped_;
};

}  // namespace coach
