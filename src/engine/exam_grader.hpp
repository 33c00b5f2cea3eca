#pragma once
// The verdict of an exam (docs/exam-format.md). An attempt passes under the exam when it passes
// its scenario with the exam's pass mark, no step of a must-pass stage fails and no rule on a
// must-pass concept fails. A submission (one trainee) passes the exam when every scenario of
// the exam has a passing attempt among the first `attempts` ones for that scenario.
#include <map>
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "engine/rubric.hpp"
#include "model/exam.hpp"

namespace coach {

// The exam's view of one attempt.
struct ExamAttemptNote {
  int number = 1;       // 1 for the trainee's first attempt at this scenario, 2 for the next …
  bool counted = true;  // within the attempts the exam allows
  std::vector<std::string> unmet;  // the exam's requirements this attempt missed, for people
};

struct ScenarioOutcome {
  std::string scenario_id;
  int attempts = 0;       // all attempts seen, counted or not
  double best_score = 0;  // over the counted attempts
  bool passed = false;
};

struct SubmissionVerdict {
  std::string trainee;  // the trainee's name, or the file of an anonymous submission
  bool anonymous = false;
  bool passed = false;
  std::vector<ScenarioOutcome> scenarios;  // in the exam's order
};

// Who a submission belongs to: the trainee, or the file when no trainee is named. The two never
// merge, whatever a trainee calls themself: a `trainee:` written as another file's path took
// that file's attempts for its own (outside pass 38, finding 01).
struct SubmissionKey {
  std::string name;  // the trainee, or the file
  bool anonymous = false;
  auto operator<=>(const SubmissionKey&) const = default;
};
SubmissionKey submission_key(const AttemptResult& attempt);

// Re-judges a scored attempt with the exam's rules: may lower `passed` and change `pass_mark`.
// Returns the requirements the attempt missed (empty when none), in step order. A step not
// answered (or never reached) is named once as such, with the must-pass stage and rules it left
// unmet: it broke no forbidding rule, having said nothing, but showed none kept either.
std::vector<std::string> apply_exam(const Exam& exam, const Rubric& rubric, AttemptResult& attempt);

// Counts attempts per trainee and scenario as they stream past; keeps only small outcomes.
class ExamTally {
 public:
  explicit ExamTally(const Exam& exam) : exam_(exam) {}

  // Records an attempt already judged by apply_exam; returns its number and whether it counts.
  ExamAttemptNote record(const AttemptResult& attempt, std::vector<std::string> unmet);

  // A trainee on the cohort's roster: without a single attempt, their verdict is a failure.
  void expect(const std::string& trainee) { outcomes_.try_emplace(SubmissionKey{trainee}); }

  // One verdict per trainee, sorted by name; scenarios never attempted fail.
  std::vector<SubmissionVerdict> verdicts() const;

 private:
  const Exam& exam_;
  std::map<SubmissionKey, std::map<std::string, ScenarioOutcome>> outcomes_;
};

}  // namespace coach
