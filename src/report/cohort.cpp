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
      if (!rule_failed(step, rule)) continue;
      const RuleKeyView key{attempt.scenario_id, step.step_id, rule.description.str()};
      auto found = rule_failures_.find(key);
      if (found == rule_failures_.end())
        found =
            rule_failures_.emplace(RuleKey(std::get<0>(key), std::get<1>(key), std::get<2>(key)), 0)
                .first;
      ++found->second;
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

namespace {

// The length of the character at `at` when it is one that printable() always shows as it is
// (none of them is a control, a noncharacter, a bidirectional control or mark, a tag character
// or U+2028/U+2029); 0 for any other character or malformed bytes.
std::size_t plain_character_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return (lead >= 0x20 && lead < 0x7F) || lead == '\n' || lead == '\t' ? 1 : 0;
  if (at + 2 >= text.size()) return 0;
  const unsigned char second = byte(at + 1);
  const unsigned char third = byte(at + 2);
  if ((second & 0xC0) != 0x80 || (third & 0xC0) != 0x80) return 0;
  const bool cjk = lead >= 0xE3 && lead <= 0xE9;                               // U+3000–U+9FFF
  const bool full_width = lead == 0xEF && (second == 0xBC || second == 0xBD);  // U+FF00–U+FF7F
  const bool dash_or_quote = lead == 0xE2 && second == 0x80 && third >= 0x90 && third <= 0xA7;
  return cjk || full_width || dash_or_quote ? 3 : 0;  // U+2010–U+2027
}

}  // namespace

bool prints_as_is(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = plain_character_length(text, at);
    if (length == 0) return printable(text.substr(at)) == text.substr(at);
    at += length;
  }
  return true;
}

std::string printable_line(std::string_view text) {
  return utf8::show_name(text);
}

void add_indented(std::string& out, std::string_view text, std::string_view indent) {
  for (std::size_t line_end; (line_end = text.find('\n')) != std::string_view::npos;) {
    out += text.substr(0, line_end + 1);
    out += indent;
    text.remove_prefix(line_end + 1);
  }
  out += text;
}

std::string indented(std::string_view text, std::string_view indent) {
  std::string out;
  out.reserve(text.size());
  add_indented(out, text, indent);
  return out;
}

}  // namespace coach
