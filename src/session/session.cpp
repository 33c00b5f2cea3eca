#include "session/session.hpp"

#include <algorithm>
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
  const CompiledStep& step = *current_;
  const std::optional<double> seconds = as_recorded(measured);
  take_turn({step.step->id, reply, seconds});
  StepResult result = conversation_->answer(step, reply, seconds);
  current_ = conversation_->next_step();
  let_go_of_passed();
  return result;
}

void Session::skip() {
  if (finished()) return;
  take_turn({current_->step->id, std::nullopt, std::nullopt});
  conversation_->answer(*current_, std::nullopt);
  current_ = conversation_->next_step();
  let_go_of_passed();
}

// A reply kept from before a /retry is replaced only by the one to its own step: the steps
// after it keep theirs (a new reply to step 1 dropped step 2's, outside pass 39, finding 09).
// Kept replies are for steps at or after the current one, so the current step's is the first.
void Session::take_turn(Answer answer) {
  if (played_ < answers_.size() && answers_[played_].step_id == answer.step_id) {
    Answer& kept = answers_[played_];
    if (kept.reply) earlier_tries_[kept.step_id].push_back(*kept.reply);
    kept = std::move(answer);
  } else {
    answers_.insert(answers_.begin() + static_cast<std::ptrdiff_t>(played_), std::move(answer));
  }
  ++played_;
}

// A kept reply whose step the conversation has gone past without playing it (a `when` that no
// longer holds, a customer who left) answers nothing any more: it becomes an earlier try.
void Session::let_go_of_passed() {
  const auto first_kept = answers_.begin() + static_cast<std::ptrdiff_t>(played_);
  auto passed = first_kept;
  for (; passed != answers_.end(); ++passed) {
    if (current_ && position(passed->step_id) >= position(current_->step->id)) break;
    if (passed->reply) earlier_tries_[passed->step_id].push_back(*passed->reply);
  }
  answers_.erase(first_kept, passed);
}

const std::string* Session::kept_reply() const {
  if (finished() || played_ >= answers_.size()) return nullptr;
  const Answer& kept = answers_[played_];
  if (kept.step_id != current_->step->id || !kept.reply) return nullptr;
  return &*kept.reply;
}

std::size_t Session::position(const std::string& step_id) const {
  return static_cast<std::size_t>(rubric_.find_step(step_id) - rubric_.steps().data());
}

// The answers played, then the kept replies played on by step, as `coach grade` plays the
// transcript: a step reached without one (a step inserted since) is unanswered, and those
// after it still count. `unreached`, when given, gets the kept replies the path goes past.
std::unique_ptr<Conversation> Session::play_kept(std::vector<const Answer*>* unreached) const {
  const CompiledStep* next = nullptr;
  auto conversation = play(played_, next);
  std::size_t kept = played_;
  while (next != nullptr && kept < answers_.size()) {
    const Answer& answer = answers_[kept];
    if (position(answer.step_id) < position(next->step->id)) {
      if (unreached) unreached->push_back(&answer);
      ++kept;
      continue;
    }
    if (answer.step_id == next->step->id) {
      conversation->answer(
          *next, answer.reply ? std::optional<std::string_view>(*answer.reply) : std::nullopt,
          answer.seconds);
      ++kept;
    } else {
      conversation->answer(*next, std::nullopt);
    }
    next = conversation->next_step();
  }
  for (; unreached && kept < answers_.size(); ++kept) unreached->push_back(&answers_[kept]);
  return conversation;
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
  // During a /retry the conversation stands before the step; the transcript says what the
  // answers kept said. A kept reply the path they make goes past is no response: grade would
  // not score it. It is listed with the earlier tries.
  std::vector<const Answer*> unreached;
  const auto kept = played_ == answers_.size() ? nullptr : play_kept(&unreached);
  auto earlier_tries = earlier_tries_;
  for (const Answer& answer : answers_) {
    if (std::find(unreached.begin(), unreached.end(), &answer) != unreached.end()) {
      if (answer.reply) earlier_tries[answer.step_id].push_back(*answer.reply);
      continue;
    }
    if (answer.reply) attempt.responses.push_back({answer.step_id, MarkedText{*answer.reply, {}}});
    if (answer.seconds) attempt.seconds.push_back({answer.step_id, *answer.seconds});
  }
  for (const auto& [step_id, tries] : earlier_tries)
    attempt.earlier_tries.push_back({step_id, tries});
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
  return play_kept(nullptr)->result(trainee_, "");
}

}  // namespace coach
