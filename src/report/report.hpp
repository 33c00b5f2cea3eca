#pragma once
// Reporters turn results into text: for people (text, Markdown, HTML), for machines (JSON,
// JUnit XML, CSV). They return strings and write nothing; the same results give the same bytes.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.hpp"
#include "report/cohort.hpp"
#include "report/style.hpp"

namespace coach {

GradeSummary summarize(const std::vector<AttemptResult>& results);

// How a step is named above its verdict: by its place in the conversation and its stage, which a
// trainee knows from the practice screen, and in a report of answers files by the id as well,
// which is how those files name the step.
struct StepName {
  std::size_t number = 0;  // 1-based; 0 names the step by its stage alone
  bool with_id = false;
};

// One step's verdict, as shown after each reply in `practice` and in the text report; with
// the turn the reply was given at, what the reply did to the customer's anger, under it.
std::string format_step_feedback(const StepResult& step, const Style& style,
                                 const PathTurn* turn = nullptr, StepName name = {});

// How a reply moved the anger and why, as a line of its own (`怒气 32→52(+20:瞎解释)`),
// coloured by the way it went; empty when nothing in the reply moved it.
std::string format_mood_change(const PathTurn& turn, const Style& style);

// A bar per stage, for the end of a session.
std::string format_stage_summary(const AttemptResult& attempt, const Style& style);

// A report written while attempts stream past: `attempt` gives each attempt's part as it is
// graded; `head` and `tail` are asked for at the end, when the whole run is known, and go
// before and after the attempts' parts. So a cohort's results never have to be held at once.
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual std::string attempt(const AttemptResult& attempt, const AttemptNote& note) = 0;
  virtual std::string head(const ReportFacts& facts) = 0;
  virtual std::string tail(const ReportFacts& facts) = 0;
};

constexpr std::string_view kReportFormats[] = {"text", "json", "junit", "csv", "markdown", "html"};

// A writer for one of kReportFormats; `style` only matters to text.
std::unique_ptr<ReportWriter> make_report_writer(std::string_view format, const Style& style);

std::unique_ptr<ReportWriter> make_text_writer(const Style& style);
std::unique_ptr<ReportWriter> make_json_writer();
std::unique_ptr<ReportWriter> make_junit_writer();
std::unique_ptr<ReportWriter> make_csv_writer();
std::unique_ptr<ReportWriter> make_markdown_writer();
std::unique_ptr<ReportWriter> make_html_writer();

// A whole report of results held in memory (no inputs, no exam): for tests and small callers.
std::string render_report(ReportWriter& writer, const std::vector<AttemptResult>& results);

std::string format_text_report(const std::vector<AttemptResult>& results, const Style& style);
std::string format_json_report(const std::vector<AttemptResult>& results);
std::string format_junit_report(const std::vector<AttemptResult>& results);

}  // namespace coach
