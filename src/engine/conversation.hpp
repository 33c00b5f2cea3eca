#pragma once
// The scenario played as a conversation: which step comes next (a step with `when` is played
// only when its condition holds), what the customer says (by mood), and how each reply moves
// the customer's mood. The path depends on the replies alone, so `grade` replays exactly what
// `practice` showed.
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
  // The same for a reply scored already (score_reply): `check` plays one reply on many paths.
  const StepResult& answer(const CompiledStep& step, ScoredReply scored,
                           std::optional<double> seconds = std::nullopt);

  int mood() const { return mood_; }
  bool walked_out() const { return walked_out_; }
  const std::vector<PathTurn>& path() const { return path_; }
  // Steps that were not played: their condition did not hold, or the customer had left.
  const std::vector<SkippedStep>& skipped() const { return skipped_; }

  // Every step result so far, then the attempt's totals: what `grade` reports.
  AttemptResult result(const std::string& trainee, const std::string& file) const;

 private:
  bool holds(const Condition& condition) const;
  bool said_before(const std::string& concept_id) const;
  int mood_change(const CompiledStep& step, const StepResult& result, const ReplyScan& scan) const;
  void hold_to_new_reply(const ReplyWording& wording, StepResult& result) const;

  const Rubric& rubric_;
  std::size_t index_ = 0;
  int mood_ = 50;
  bool walked_out_ = false;
  std::vector<ReplyScan> replies_;  // the concepts found in each reply so far
  RepliesSaid wordings_;            // … and its wording, in the same order
  std::vector<StepResult> results_;
  std::vector<PathTurn> path_;
  std::vector<SkippedStep> skipped_;
};

}  // namespace coach
