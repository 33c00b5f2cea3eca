#pragma once
// What the cohort reports need beyond each attempt, gathered while attempts stream past: the
// totals, a score histogram, the rules most often failed and a line per trainee. Its size grows
// with the trainees and the rubric, never with the replies.
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "engine/exam_grader.hpp"
#include "engine/result.hpp"
#include "model/exam.hpp"
#include "util/diagnostic.hpp"

namespace coach {

struct GradeSummary {
  int total = 0;
  int passed = 0;
  int failed = 0;
};

// A file a report was graded with, so a certificate can be traced to the exact rubric.
struct InputFile {
  std::string kind;  // scenario, lexicon or exam
  std::string name;  // the file name (not the directory, which differs between machines)
  std::string sha256;
};

struct RuleFailureCount {
  std::string scenario_id;
  std::string step_id;
  std::string description;
  int count = 0;
};

struct TraineeLine {
  std::string name;  // submission_key(): the trainee, or the file when anonymous, printable
  bool anonymous = false;
  int attempts = 0;
  int passed = 0;
  double score_sum = 0;  // of the scores before rounding, so that the mean is rounded once
  std::vector<int> attempt_indices;  // positions in the report, for links to the drill-down

  // 0–100, rounded to one decimal as an attempt's score is (half away from zero).
  double mean_score() const;
};

// How a submitter is named in a report: an anonymous submission by its file, marked
// `(未署名)`, so that it never reads as a trainee whose `trainee:` is that path (outside pass 48,
// finding 10: two rows `cases/a.yaml`, one certified, one failed). `name` is printable already.
std::string submitter_name(const std::string& name, bool anonymous);

class Cohort {
 public:
  static constexpr int kBins = 10;  // 0–9.9, 10–19.9 … 90–100

  void add(const AttemptResult& attempt, int index);

  const GradeSummary& summary() const { return summary_; }
  const std::array<int, kBins>& histogram() const { return histogram_; }
  const std::map<SubmissionKey, TraineeLine>& trainees() const { return trainees_; }
  // Most failed first; ties in scenario, step and description order.
  std::vector<RuleFailureCount> most_failed_rules(std::size_t limit) const;
  double pass_rate() const;  // 0–100

 private:
  GradeSummary summary_;
  std::array<int, kBins> histogram_{};
  // A rule by scenario, step and description, as strings or as views of them.
  using RuleKey = std::tuple<std::string, std::string, std::string>;
  using RuleKeyView = std::tuple<std::string_view, std::string_view, std::string_view>;
  // Orders keys and views of keys alike. A tuple of strings and one of views do not compare with
  // each other in every standard library (clang with libstdc++ refuses), so both are read as views.
  struct RuleKeyLess {
    using is_transparent = void;
    static RuleKeyView view(const RuleKeyView& key) { return key; }
    static RuleKeyView view(const RuleKey& key) {
      return {std::get<0>(key), std::get<1>(key), std::get<2>(key)};
    }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return view(a) < view(b);
    }
  };
  // Looked up by views, so a rule failed again copies none of its strings.
  std::map<RuleKey, int, RuleKeyLess> rule_failures_;
  std::map<SubmissionKey, TraineeLine> trainees_;
};

// The exam's part of a report, when grading against one.
struct ExamFacts {
  const Exam* exam = nullptr;
  std::string sha256;
  std::vector<SubmissionVerdict> verdicts;

  int passed() const;
  int failed() const { return static_cast<int>(verdicts.size()) - passed(); }
  // The share of trainees who passed the exam, 0–100: a certification's headline, which the
  // share of passed attempts (retries and all) is not.
  double pass_rate() const;
};

// Everything a report states about the whole run; known only once every attempt is graded.
struct ReportFacts {
  std::vector<InputFile> inputs;  // sorted by kind, then name
  Cohort cohort;
  std::optional<ExamFacts> exam;
  Diagnostics rejected;  // files that could not be graded, and why
};

// The extra facts a report states about one attempt.
struct AttemptNote {
  int index = 0;  // 0-based position in the report
  std::string scenario_sha256;
  std::optional<ExamAttemptNote> exam;
};

// The text of a file name or message from a trainee's submission, with control characters and
// bytes that are not UTF-8 shown escaped: safe on a terminal and in every report format.
std::string printable(std::string_view text);

// Whether printable(text) is `text` itself, read from the bytes alone for what replies are made
// of (printable ASCII, tab and newline, CJK ideographs and punctuation, full-width forms, dashes
// and quotation marks): no allocation. Any other character is left to printable() to judge.
bool prints_as_is(std::string_view text);

// A name or file name as error messages show it (utf8::show_name): on one line, so it cannot
// forge a row, and with invisible and bidirectional characters shown as `\u202E`, so it cannot
// pass for another. Every report shows file names, trainees and input names through here.
std::string printable_line(std::string_view text);

// `text` with its later lines after `indent`, not at the margin, so that a line break in a reply
// cannot make a line that passes for the report's own: an attempt's header, a rule's verdict.
std::string indented(std::string_view text, std::string_view indent);
// The same, appended to `out`.
void add_indented(std::string& out, std::string_view text, std::string_view indent);

}  // namespace coach
