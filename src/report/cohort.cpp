#include "report/cohort.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/scorer.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// An attempt's score before rounding; one put together by hand, whose steps do not give back
// its score, keeps its own.
double exact_score(const AttemptResult& attempt) {
  const double score = unrounded_score(attempt);
  return rounded_score(score) == attempt.score ? score : attempt.score;
}

}  // namespace

double TraineeLine::mean_score() const {
  return attempts > 0 ? rounded_score(score_sum / attempts) : 0.0;
}

void Cohort::add(const AttemptResult& attempt, int index) {
  ++summary_.total;
  ++(attempt.passed ? summary_.passed : summary_.failed);
  const int bin = std::clamp(static_cast<int>(attempt.score / 10), 0, kBins - 1);
  ++histogram_[bin];
  for (const StepResult& step : attempt.steps) {
    for (const RuleResult& rule : step.rules) {
      if (rule_failed(step, rule))
        ++rule_failures_[{attempt.scenario_id, step.step_id, rule.description}];
    }
  }
  const SubmissionKey who = submission_key(attempt);
  TraineeLine& line = trainees_[{printable_line(who.name), who.anonymous}];
  line.name = printable_line(who.name);
  line.anonymous = who.anonymous;
  ++line.attempts;
  line.passed += attempt.passed ? 1 : 0;
  line.score_sum += exact_score(attempt);
  line.attempt_indices.push_back(index);
}

std::string submitter_name(const std::string& name, bool anonymous) {
  if (!anonymous) return name;
  return fmt::format(fmt::runtime(tr("(未署名){}", "(anonymous) {}")), name);
}

std::vector<RuleFailureCount> Cohort::most_failed_rules(std::size_t limit) const {
  std::vector<RuleFailureCount> out;
  for (const auto& [key, count] : rule_failures_) {
    const auto& [scenario, step, description] = key;
    out.push_back({scenario, step, description, count});
  }
  // stable_sort keeps the map's order among equal counts: the same bytes every run.
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.count > b.count; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

double Cohort::pass_rate() const {
  return summary_.total > 0 ? 100.0 * summary_.passed / summary_.total : 0.0;
}

int ExamFacts::passed() const {
  return static_cast<int>(
      std::count_if(verdicts.begin(), verdicts.end(), [](const auto& v) { return v.passed; }));
}

double ExamFacts::pass_rate() const {
  return verdicts.empty() ? 0.0 : 100.0 * passed() / static_cast<double>(verdicts.size());
}

std::string printable(std::string_view text) {
  return utf8::escape_controls(text);
}

std::string printable_line(std::string_view text) {
  return utf8::show_name(text);
}

std::string indented(std::string_view text, std::string_view indent) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

}  // namespace coach
