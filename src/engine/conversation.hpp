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
  bool operator==(const PathState&) const = default;
};

// What a reply does to the path, whatever the path before it: how it moves the customer's
// anger, and which of the concepts the conditions name it says.
struct ReplyEffect {
  bool answered = false;  // a step not answered leaves the anger as it was
  int mood_change = 0;
  std::vector<std::uint32_t> said;  // numbers of the concepts (PathState::said)
};

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

 private:
  static constexpr std::uint32_t kNeverSaid = UINT32_MAX;  // a concept the lexicon lacks
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
  std::vector<std::size_t> watched_;                  // each named concept's number in a ReplyScan
  std::vector<std::optional<ReadCondition>> when_;    // by step
  std::vector<std::vector<ReadCondition>> lines_if_;  // by step, as `customer_if` lists them
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
  void hold_to_new_reply(const ReplyWording& wording, StepResult& result) const;

  const Rubric& rubric_;
  PathRules rules_;
  PathState state_;
  RepliesSaid wordings_;  // the wording of each reply so far
  std::vector<StepResult> results_;
  std::vector<PathTurn> path_;
  std::vector<SkippedStep> skipped_;
};

}  // namespace coach
