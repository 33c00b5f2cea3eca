#pragma once
// What `coach practice` shows: briefing, the customer's lines, feedback, the final summary.
#include <string>

#include "engine/exam_grader.hpp"
#include "engine/result.hpp"
#include "engine/rubric.hpp"
#include "report/style.hpp"

namespace coach::cli {

class PracticeScreen {
 public:
  // `terminal_fd`: where the text goes; it is wrapped to that terminal's width as it is when
  // the text is printed (a window widened mid-session wraps the next line to its new width),
  // and not at all when it is not a terminal.
  PracticeScreen(Style style, int terminal_fd) : style_(style), terminal_fd_(terminal_fd) {}

  void briefing(const Scenario& scenario, bool exam) const;
  struct Mood {
    int value;
    int limit;
  };
  // The customer speaks: step number, stage, mood at a glance, the line as said.
  void customer_line(const Scenario& scenario, const CompiledStep& step, const std::string& line,
                     std::size_t turns_played, std::size_t planned_steps, Mood mood) const;
  // The note on a reply over the step's time limit; nothing when within it (or no limit).
  void too_slow(const Step& step, double seconds) const;
  void walked_out(const Scenario& scenario) const;
  // `seconds`: how long the reply took, for the time-limit note under the rules it explains.
  // The step's feedback, with what the reply did to the anger (`turn`), under the step's
  // `number` as the trainee met it; `/retry` is offered only where the session goes on (not
  // after the customer walked out, which ends it).
  void feedback(const StepResult& result, const PathTurn& turn, const Step& step,
                std::size_t number, double seconds, bool retry_offered) const;
  void hint(const CompiledStep& step) const;
  // `number`: the step's number as the trainee met it, said when the answer is asked for later
  // (`/model`); 0 under the step's own feedback.
  void model_answer(const Step& step, std::size_t number = 0) const;
  // The commands at the prompt: in an exam, only those that work there.
  void help(bool exam) const;
  // Before each scenario of an exam: which exam, and how far through it.
  void exam_part(const Exam& exam, std::size_t number, std::size_t count) const;
  // `unmet`: what an exam being sat requires and the attempt missed (its verdict is the exam's).
  // `limit`: the customer's walk-out anger, for the anger the last reply left.
  void summary(const AttemptResult& result, bool exam, int limit,
               const std::vector<std::string>& unmet = {}) const;
  // The end of a whole exam: the verdict `coach grade --exam` will give the submission.
  void exam_verdict(const Exam& exam, const SubmissionVerdict& verdict) const;
  void note(const std::string& text) const;
  std::string prompt() const;
  const Style& style() const { return style_; }

 private:
  void practise_next(const AttemptResult& result) const;
  void print(const std::string& text) const;
  std::string mood_meter(Mood mood) const;

  Style style_;
  int terminal_fd_;
};

}  // namespace coach::cli
