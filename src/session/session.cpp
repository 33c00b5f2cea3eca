#include "session/session.hpp"

#include <cmath>

#include "engine/scorer.hpp"

namespace coach {

Session::Session(const Rubric& rubric, std::string trainee)
    : rubric_(rubric), trainee_(std::move(trainee)) {
  replay();
}

// The conversation is rebuilt from the answers kept, so a retry restores the customer's mood
// exactly as it was before the step.
void Session::replay() {
  conversation_ = std::make_unique<Conversation>(rubric_);
  current_ = conversation_->next_step();
  for (const Answer& answer : answers_) {
    if (current_ == nullptr) break;
    conversation_->answer(
        *current_, answer.reply ? std::optional<std::string_view>(*answer.reply) : std::nullopt,
        answer.seconds);
    current_ = conversation_->next_step();
  }
}

// The main line, plus every inserted step the conversation has taken so far (the current one
// included): "step 6 of 6" after a step was inserted, never "6 of 5".
std::size_t Session::planned_steps() const {
  std::size_t count = 0;
  for (const auto& step : rubric_.steps()) count += step.step->when ? 0 : 1;
  for (const Answer& answer : answers_) {
    const CompiledStep* step = rubric_.find_step(answer.step_id);
    if (step && step->step->when) ++count;
  }
  if (current_ && current_->step->when) ++count;
  return count;
}

namespace {

// Tenths of a second, as the recording keeps them: judged on any finer time, a reply of 3.02 s
// would be late in practice and on time when `grade` reads the recording's 3.0.
std::optional<double> as_recorded(std::optional<double> seconds) {
  if (!seconds) return seconds;
  return std::round(*seconds * 10) / 10;
}

}  // namespace

StepResult Session::answer(const std::string& reply, std::optional<double> measured) {
  const CompiledStep& step = *current_;
  const std::optional<double> seconds = as_recorded(measured);
  answers_.push_back({step.step->id, reply, seconds});
  StepResult result = conversation_->answer(step, reply, seconds);
  current_ = conversation_->next_step();
  return result;
}

void Session::skip() {
  if (finished()) return;
  answers_.push_back({current_->step->id, std::nullopt, std::nullopt});
  conversation_->answer(*current_, std::nullopt);
  current_ = conversation_->next_step();
}

bool Session::retry() {
  if (answers_.empty()) return false;
  const Answer last = answers_.back();
  answers_.pop_back();
  if (last.reply) earlier_tries_[last.step_id].push_back(*last.reply);
  replay();
  return true;
}

const CompiledStep* Session::last_answered() const {
  if (answers_.empty()) return nullptr;
  return rubric_.find_step(answers_.back().step_id);
}

AnswersFile Session::transcript() const {
  AnswersFile file;
  file.trainee = trainee_;
  Attempt attempt;
  attempt.scenario_id = rubric_.scenario().id;
  for (const Answer& answer : answers_) {
    if (answer.reply) attempt.responses.push_back({answer.step_id, MarkedText{*answer.reply, {}}});
    if (answer.seconds) attempt.seconds.push_back({answer.step_id, *answer.seconds});
  }
  for (const auto& [step_id, tries] : earlier_tries_)
    attempt.earlier_tries.push_back({step_id, tries});
  for (const auto& turn : conversation_->path()) {
    attempt.path.push_back({turn.step_id, turn.customer_line, turn.mood_after});
  }
  file.attempts.push_back(std::move(attempt));
  return file;
}

// Exactly what `coach grade` says of the transcript, also when the trainee left early: the steps
// not reached are played unanswered, an inserted step the customer had already raised included.
AttemptResult Session::result() const {
  return score_attempt(rubric_, transcript().attempts.front(), trainee_, "");
}

}  // namespace coach
