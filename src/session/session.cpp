#include "session/session.hpp"

#include <cmath>

namespace coach {

Session::Session(const Rubric& rubric, std::string trainee)
    : rubric_(rubric), trainee_(std::move(trainee)) {
  replay();
}

// The conversation is rebuilt from the answers kept, so a retry restores the customer's mood
// exactly as it was before the step.
void Session::replay() {
  conversation_ = play(played_, current_);
}

std::unique_ptr<Conversation> Session::play(std::size_t count, const CompiledStep*& next) const {
  auto conversation = std::make_unique<Conversation>(rubric_);
  next = conversation->next_step();
  for (std::size_t i = 0; i < count && next != nullptr; ++i) {
    const Answer& answer = answers_[i];
    conversation->answer(
        *next, answer.reply ? std::optional<std::string_view>(*answer.reply) : std::nullopt,
        answer.seconds);
    next = conversation->next_step();
  }
  return conversation;
}

// The main line, plus every inserted step the conversation has taken so far (the current one
// included): "step 6 of 6" after a step was inserted, never "6 of 5".
std::size_t Session::planned_steps() const {
  std::size_t count = 0;
  for (const auto& step : rubric_.steps()) count += step.step->when ? 0 : 1;
  for (std::size_t i = 0; i < played_; ++i) {
    const CompiledStep* step = rubric_.find_step(answers_[i].step_id);
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
  replace_retried();
  const CompiledStep& step = *current_;
  const std::optional<double> seconds = as_recorded(measured);
  answers_.push_back({step.step->id, reply, seconds});
  ++played_;
  StepResult result = conversation_->answer(step, reply, seconds);
  current_ = conversation_->next_step();
  return result;
}

void Session::skip() {
  if (finished()) return;
  replace_retried();
  answers_.push_back({current_->step->id, std::nullopt, std::nullopt});
  ++played_;
  conversation_->answer(*current_, std::nullopt);
  current_ = conversation_->next_step();
}

// The answers from the step gone back to on are replaced only now: until the trainee gives the
// step another reply, the earlier one counts (also for the steps after it, on a second /retry).
void Session::replace_retried() {
  for (std::size_t i = played_; i < answers_.size(); ++i) {
    if (answers_[i].reply) earlier_tries_[answers_[i].step_id].push_back(*answers_[i].reply);
  }
  answers_.resize(played_);
}

Session::Retry Session::retry() {
  if (played_ == 0) return Retry::nothing_answered;
  const auto tries = earlier_tries_.find(answers_[played_ - 1].step_id);
  if (tries != earlier_tries_.end() && tries->second.size() >= kMaxEarlierTries)
    return Retry::tries_used_up;
  --played_;
  replay();
  return Retry::went_back;
}

const CompiledStep* Session::last_answered() const {
  if (played_ == 0) return nullptr;
  return rubric_.find_step(answers_[played_ - 1].step_id);
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
  // During a /retry the conversation stands before the step; the transcript says what the
  // answers kept said.
  const CompiledStep* next = nullptr;
  const auto kept = played_ == answers_.size() ? nullptr : play(answers_.size(), next);
  for (const auto& turn : (kept ? *kept : *conversation_).path()) {
    attempt.path.push_back({turn.step_id, turn.customer_line, turn.mood_after});
  }
  file.attempts.push_back(std::move(attempt));
  return file;
}

// Exactly what `coach grade` says of the transcript, also when the trainee left early: the steps
// not reached are played unanswered, an inserted step the customer had already raised included.
// The conversation so far is played on (Conversation::result) rather than every reply scored
// again: the history keeps the result after each reply, and a long session was quadratic.
// During a /retry the conversation stands before replies the transcript still keeps: those are
// played from it.
AttemptResult Session::result() const {
  if (played_ == answers_.size()) return conversation_->result(trainee_, "");
  const CompiledStep* next = nullptr;
  return play(answers_.size(), next)->result(trainee_, "");
}

}  // namespace coach
