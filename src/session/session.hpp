#pragma once
// A practice session: the conversation (engine/conversation.hpp) driven one reply at a time,
// with retries and skips, and the transcript it leaves. No I/O: the terminal layer drives it.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/conversation.hpp"
#include "engine/result.hpp"
#include "engine/rubric.hpp"
#include "model/answers.hpp"

namespace coach {

// The replies one step keeps beside its answer: the recording holds every one, and is written
// after every reply, so 400 tries of one step took 12 s and made a recording past the 16 MiB
// `coach grade` reads.
constexpr std::size_t kMaxEarlierTries = 20;

class Session {
 public:
  Session(const Rubric& rubric, std::string trainee);

  const Rubric& rubric() const { return rubric_; }
  bool finished() const { return current_ == nullptr; }
  // The step being played; only while not finished.
  const CompiledStep& current_step() const { return *current_; }
  std::string customer_line() const { return conversation_->customer_line(*current_); }
  // Turns played so far, and how many steps the conversation has: those without conditions and
  // the inserted ones taken so far.
  std::size_t turns_played() const { return played_; }
  std::size_t planned_steps() const;
  int mood() const { return conversation_->mood(); }
  // The turn of the reply answered last (how it moved the anger); only after an answer.
  const PathTurn& last_turn() const { return conversation_->path().back(); }
  bool walked_out() const { return conversation_->walked_out(); }

  // Scores the reply to the current step, records it (with the seconds it took, when known)
  // and moves on.
  StepResult answer(const std::string& reply, std::optional<double> seconds = std::nullopt);
  // Moves on without an answer; the step scores zero.
  void skip();
  // Goes back to the step answered last. Its reply, and those of the steps gone back over,
  // stay their steps' answers (in the transcript and the score) until a new reply or a skip at
  // the step replaces them, and then move to the earlier tries: a trainee who leaves instead
  // loses nothing. A new reply to an earlier step replaces that step's alone. A kept reply
  // whose step the conversation no longer comes to (a `when` that no longer holds, a customer
  // who left) moves to the earlier tries too. A step keeps at most kMaxEarlierTries.
  enum class Retry { went_back, nothing_answered, tries_used_up };
  Retry retry();
  // The reply the current step keeps from before a /retry (its answer until replaced), if any.
  const std::string* kept_reply() const;
  const CompiledStep* last_answered() const;

  AnswersFile transcript() const;
  // The verdict `coach grade` gives the transcript.
  AttemptResult result() const;

 private:
  struct Answer {
    std::string step_id;
    std::optional<std::string> reply;  // nullopt: skipped
    std::optional<double> seconds;
  };
  void replay();
  std::unique_ptr<Conversation> play(std::size_t count, const CompiledStep*& next) const;
  std::unique_ptr<Conversation> play_kept(std::vector<const Answer*>* unreached) const;
  void take_turn(Answer answer);
  void let_go_of_passed();
  std::size_t position(const std::string& step_id) const;

  const Rubric& rubric_;
  std::string trainee_;
  // What the transcript keeps: the first played_ in the order the conversation played them,
  // then the replies kept from before a /retry, for steps ahead, in the order of the rubric.
  std::vector<Answer> answers_;
  std::size_t played_ = 0;  // the first answers the conversation has played (fewer on /retry)
  std::map<std::string, std::vector<std::string>> earlier_tries_;
  std::unique_ptr<Conversation> conversation_;
  const CompiledStep* current_ = nullptr;
};

}  // namespace coach
