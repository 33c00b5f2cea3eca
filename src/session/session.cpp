#include "session/session.hpp"

#include <algorithm>

#include "engine/scorer.hpp"

namespace coach {

Session::Session(const Rubric& rubric, std::string trainee)
    : rubric_(rubric),
      trainee_(std::move(trainee)),
      replies_(rubric.steps().size()),
      earlier_tries_(rubric.steps().size()) {}

StepResult Session::answer(const std::string& reply) {
  const std::size_t index = current_;
  StepResult result = score_step(rubric_.steps().at(index), rubric_.scenario(), reply);
  replies_[index] = reply;
  answered_order_.push_back(index);
  ++current_;
  return result;
}

void Session::skip() {
  if (!finished()) ++current_;
}

bool Session::retry() {
  if (answered_order_.empty()) return false;
  const std::size_t index = answered_order_.back();
  answered_order_.pop_back();
  if (replies_[index]) earlier_tries_[index].push_back(*replies_[index]);
  replies_[index].reset();
  current_ = index;
  return true;
}

const CompiledStep* Session::last_answered() const {
  if (answered_order_.empty()) return nullptr;
  return &rubric_.steps().at(answered_order_.back());
}

AnswersFile Session::transcript() const {
  AnswersFile file;
  file.trainee = trainee_;
  Attempt attempt;
  attempt.scenario_id = rubric_.scenario().id;
  for (std::size_t i = 0; i < replies_.size(); ++i) {
    const std::string& id = rubric_.steps()[i].step->id;
    if (replies_[i]) attempt.responses.push_back({id, MarkedText{*replies_[i], {}}});
    if (!earlier_tries_[i].empty()) attempt.earlier_tries.push_back({id, earlier_tries_[i]});
  }
  file.attempts.push_back(std::move(attempt));
  return file;
}

AttemptResult Session::result() const {
  const AnswersFile file = transcript();
  return score_attempt(rubric_, file.attempts.front(), trainee_, "");
}

}  // namespace coach
