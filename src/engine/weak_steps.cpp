#include "engine/weak_steps.hpp"

#include <fmt/format.h>

#include "util/i18n.hpp"

namespace coach {

std::string weak_steps_note(const AttemptResult& attempt) {
  if (attempt.failed_steps <= attempt.max_failed_steps) return "";
  std::string steps;
  for (const StepResult& step : attempt.steps) {
    if (step.passed) continue;
    if (!steps.empty()) steps += tr("、", ", ");
    steps += step.step_id;
  }
  if (attempt.max_failed_steps == 0)
    return fmt::format(fmt::runtime(tr("这个场景要求每一步都达到及格线,这些步骤没有达到:{}。",
                                       "Every step of this scenario must reach the pass mark; "
                                       "these did not: {}.")),
                       steps);
  return fmt::format(fmt::runtime(tr("{} 步未达及格线,这个场景最多允许 {} 步:{}。",
                                     "{} steps fell below the pass mark, and this scenario "
                                     "allows at most {}: {}.")),
                     attempt.failed_steps, attempt.max_failed_steps, steps);
}

}  // namespace coach
