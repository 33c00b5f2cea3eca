#pragma once
// A practice session as a state machine over a rubric: which step is current, what was
// answered, what was tried before. No I/O: the terminal layer drives it.
#include <optional>
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "engine/rubric.hpp"
#include "model/answers.hpp"

namespace coach {

class Session {
 public:
  Session(const Rubric& rubric, std::string trainee);

  const Rubric& rubric() const { return rubric_; }
  bool finished() const { return current_ >= rubric_.steps().size(); }
  std::size_t current_index() const { return current_; }
  std::size_t step_count() const { return rubric_.steps().size(); }
  const CompiledStep& current_step() const { return rubric_.steps().at(current_); }

  // Scores the reply to the current step, records it and moves to the next step.
  StepResult answer(const std::string& reply);
  // Moves on without an answer; the step scores zero.
  void skip();
  // Goes back to the step answered last, keeping the earlier reply in the transcript.
  bool retry();
  // The step answered last, if any (for /model and /retry).
  const CompiledStep* last_answered() const;

  // The transcript as an answers file: what `grade` reads and `--record` writes.
  AnswersFile transcript() const;
  AttemptResult result() const;

 private:
  const Rubric& rubric_;
  std::string trainee_;
  std::size_t current_ = 0;
  std::vector<std::optional<std::string>> replies_;      // per step
  std::vector<std::vector<std::string>> earlier_tries_;  // per step
  std::vector<std::size_t> answered_order_;              // step indices, most recent last
};

}  // namespace coach
