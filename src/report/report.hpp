#pragma once
// Reporters turn results into text: for people (text), for machines (JSON, JUnit XML).
// They return strings and write nothing; the same results give the same bytes.
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "report/style.hpp"

namespace coach {

struct GradeSummary {
  int total = 0;
  int passed = 0;
  int failed = 0;
};

GradeSummary summarize(const std::vector<AttemptResult>& results);

// One step's verdict, as shown after each reply in `practice` and in the text report.
std::string format_step_feedback(const StepResult& step, const Style& style);

// The reply with every matched phrase emphasised.
std::string highlight_reply(const StepResult& step, const Style& style);

// A bar per stage, for the end of a session.
std::string format_stage_summary(const AttemptResult& attempt, const Style& style);

std::string format_text_report(const std::vector<AttemptResult>& results, const Style& style);
std::string format_json_report(const std::vector<AttemptResult>& results);
std::string format_junit_report(const std::vector<AttemptResult>& results);

}  // namespace coach
