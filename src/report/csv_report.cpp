// CSV for spreadsheets (RFC 4180): one row per attempt, with a column per stage.
#include <fmt/format.h>

#include "report/csv.hpp"
#include "report/report.hpp"
#include "util/i18n.hpp"

namespace coach {
namespace {

// The mean score (0–100) of the attempt's steps in `stage`; empty when it has none.
std::string stage_cell(const AttemptResult& attempt, Stage stage) {
  double sum = 0;
  int steps = 0;
  for (const auto& step : attempt.steps) {
    if (step.stage != stage) continue;
    sum += step.answered ? step.ratio() : 0.0;
    ++steps;
  }
  return steps > 0 ? fmt::format("{:.1f}", 100.0 * sum / steps) : "";
}

int failed_rules(const AttemptResult& attempt) {
  int failed = 0;
  for (const auto& step : attempt.steps)
    for (const auto& rule : step.rules) failed += rule_failed(step, rule) ? 1 : 0;
  return failed;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

class CsvWriter : public ReportWriter {
 public:
  std::string attempt(const AttemptResult& attempt, const AttemptNote& note) override {
    std::vector<std::string> cells = {
        csv_text_cell(printable_line(attempt.file)), csv_text_cell(printable_line(attempt.trainee)),
        csv_text_cell(attempt.scenario_id),          csv_text_cell(attempt.scenario_title),
        fmt::format("{:.1f}", attempt.score),        std::to_string(attempt.pass_mark),
        attempt.passed ? "true" : "false",           attempt.critical_failed ? "true" : "false",
        std::to_string(attempt.failed_steps)};
    for (Stage stage : kAllStages) cells.push_back(stage_cell(attempt, stage));
    cells.push_back(std::to_string(failed_rules(attempt)));
    cells.push_back(note.exam ? std::to_string(note.exam->number) : "");
    cells.push_back(note.exam ? (note.exam->counted ? "true" : "false") : "");
    cells.push_back(note.exam ? csv_text_cell(joined(note.exam->unmet)) : "");
    cells.push_back(note.scenario_sha256);
    return csv_row(cells);
  }

  // A byte order mark, so spreadsheet programs read the Chinese text as UTF-8.
  std::string head(const ReportFacts&) override {
    std::vector<std::string> names = {"file",   "trainee",         "scenario",
                                      "title",  "score",           "pass_mark",
                                      "passed", "critical_failed", "failed_steps"};
    for (Stage stage : kAllStages) names.emplace_back(stage_id(stage));
    for (const char* name :
         {"failed_rules", "exam_attempt", "exam_counted", "exam_unmet", "scenario_sha256"})
      names.emplace_back(name);
    return csv_header(names);
  }

  // With an exam, a row for each of its scenarios a submission never attempted (a trainee on the
  // roster who handed nothing in has one per scenario): without it, a cohort whose rows all pass
  // could fail the exam with nothing in the sheet to say why.
  std::string tail(const ReportFacts& facts) override {
    if (!facts.exam) return "";
    std::string out;
    for (const SubmissionVerdict& verdict : facts.exam->verdicts) {
      for (const ScenarioOutcome& outcome : verdict.scenarios) {
        if (outcome.attempts == 0) out += not_attempted_row(verdict, outcome.scenario_id);
      }
    }
    return out;
  }

 private:
  static std::string not_attempted_row(const SubmissionVerdict& verdict,
                                       const std::string& scenario_id) {
    const std::string who = csv_text_cell(printable_line(verdict.trainee));
    std::vector<std::string> cells = {verdict.anonymous ? who : "",
                                      verdict.anonymous ? "" : who,
                                      csv_text_cell(scenario_id),
                                      "",
                                      "",
                                      "",
                                      "false",
                                      "",
                                      ""};
    for (std::size_t i = 0; i < std::size(kAllStages); ++i) cells.emplace_back();
    for (std::string cell : {"", "0", "false"}) cells.push_back(std::move(cell));
    cells.push_back(csv_text_cell(tr("未作答", "not attempted")));
    cells.emplace_back();
    return csv_row(cells);
  }
};

}  // namespace

std::unique_ptr<ReportWriter> make_csv_writer() {
  return std::make_unique<CsvWriter>();
}

}  // namespace coach
